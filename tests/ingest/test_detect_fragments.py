"""Kind, unit and year from content — whole documents, fragments and pages with site chrome (own wording)."""

from __future__ import annotations

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

D, B, S, K = (DocumentKind.DISCLOSURE, DocumentKind.BUDGET_DISCLOSURE, DocumentKind.SELF_EVALUATION,
              DocumentKind.KEY_EVALUATION)

CASES = [
    # a lone 三公 section: narrative only, unit and year in its first sentence's title line
    ("示例县林业站2022年度“三公”经费决算情况说明\n一、总体情况\n2022年度“三公”经费支出决算数为3.10万元，"
     "比预算数减少0.40万元。", D, "示例县林业站", 2022),
    # one page of a 情况说明, no title, no unit: kind and year only
    ("三、支出决算情况说明\n2021年度支出合计640.20万元，其中：基本支出512.00万元，占80.00%。"
     "项目支出128.20万元，占20.00%。与上年决算数相比增加12.00万元。", D, "", 2021),
    # a lone 三公 paragraph of a jurisdiction's departments, set against the year's budget (only a 决算 can say so)
    ("经示例县财政局汇总，2023年县本级部门“三公”经费支出总额为120.50万元，比年初预算减少8.20万元。其中：因公出国（境）费"
     "0万元，与年初预算持平；公务接待费20.50万元，低于预算数。", D, "示例县本级", 2023),  # the county's own level, added up by its finance bureau
    # a page of a 收支 情况说明 cut out of a PDF: line items with amounts, no title; 决算 said once
    ("—3—\n（一）本单位2022年度总收入410.20万元，其中本年收\n入300.00万元，较2021年度决算数减少20.00万元。\n"
     "1.财政拨款收入290.00万元，为本级财政拨付的资金。\n2.其他收入10.00万元。\n3.上年结转和结余110.20万元。", D, "", 2022),
    # the same page of a budget: 预算 only
    ("（一）本单位2025年收入预算300.00万元，其中：财政拨款收入290.00万元，其他收入10.00万元，上年结转和结余0万元。"
     "比上年预算减少20.00万元。", B, "", 2025),
    # a title that says both: the budget and how it was used — a 决算
    ("示例市2022年“三公”经费预算安排和使用情况\n2022年示例市“三公经费”财政拨款支出300.00万元，比上年减支20.00万元。", D,
     "示例市", 2022),
    # a page of a budget's procurement explanation, amounts in 元 with spaces as a PDF prints them
    ("（二）政府采购预算安排情况说明。\n2025 年政府采购预算 30000 元，其中：政府集中采购预算 30000 元，分散采购 0 元。\n"
     "货物类采购 20000 元，占政府采购预算 66.7%；服务类采购 10000 元。", B, "", 2025),
    # a lone 公开01 table with its caption naming the department
    ("收入支出决算总表\n公开01表\n部门：示例县档案馆\n金额单位：万元\n项目\t行次\t金额\t项目\t行次\t金额", D, "示例县档案馆",
     None),
    # a 预算公开 package: budget year, never the 决算 rules
    ("示例县市场监督管理局2025年部门预算\n目录\n一、部门收支预算总表\n二、财政拨款收支预算总表", B, "示例县市场监督管理局", 2025),
    # a page listing a department's budget tables under a '…信息公开目录' title: its 部门预算收支总表 says which
    ("示例县民政局2027年部门预算信息公开目录\n发布时间:2027-03-01\n部门预算收支总表\n单位:万元\n序号\n收入\n支出",
     B, "示例县民政局", 2027),
    ("2016年“三公”经费预算\n编制单位：示例区统计局\n一、“三公”经费支出预算表\n项目\t预算数\n合计\t4.00", B, "示例区统计局",
     2016),
    # a unit's 自评报告 summary and a bare form
    ("示例镇人民政府2023年度项目支出绩效自评报告\n一、基本情况\n本年共实施项目6个。", S, "示例镇人民政府", 2023),
    ("项目名称\t农村饮水维修\n主管部门\t示例县水务局\n实施单位\t示例县供水站\n资金来源\t年初预算数\t全年预算数\t全年执行数\n"
     "一级指标\t二级指标\t三级指标\n产出指标\t数量指标\t维修点位", S, "示例县供水站", None),
    # a whole-department evaluation report
    ("示例县卫生健康局部门整体支出绩效评价报告\n一、评价结论\n2021年度部门整体支出绩效评价得分88分，评价等次为“良”。",
     K, "示例县卫生健康局", 2021),
    # an evaluation's weighted score table flattened into one run, no title: each criterion's weight, score and
    # weighted score, then the overall grade
    ("现将评价结果公布如下,,评价准则权重(%)评价分值加权平均得分绩效等级相关性30%90.0027.00高度相关效率40%80.0032.00较好"
     "效果30%70.0021.00一般项目绩效100%/80.00较为成功。", K, "", None),
    # a page of a 三公 explanation cut out of a PDF: the unit named only where its own trips are set against
    # other units'
    ("—7—\n2022年度“三公”经费支出决算2.30万元。（一）因公出国（境）费支出0万元。全年使用财政拨\n款安排示例县"
     "种子管理站出国团组0个，参加其他单位组织的出国团组0个。（二）公务接待费支出2.30万元。", D, "示例县种子管理站",
     2022),
]


@pytest.mark.parametrize(("text", "kind", "unit", "year"), CASES)
def test_kind_unit_and_year_of_fragments(text, kind, unit, year):
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (kind, unit, year)
    assert found.evidence and found.evidence[0]  # the reading report can say why


def test_a_newspaper_story_about_a_budget_is_not_the_budget():
    found = detect("示例博物馆今年文保预算增加\n来源：示例晚报\n日前，示例博物馆公布的2023年度部门预算显示，收支总预算100.00万元，"
                   "其中上年结转10.00万元，事业收入20.00万元。")
    assert found.kind is None and "新闻" in found.hint


def test_amounts_of_line_items_without_a_budget_or_final_word_decide_nothing():
    found = detect("本单位收入300.00万元，其中财政拨款收入290.00万元，其他收入10.00万元，上年结转和结余0万元。")
    assert found.kind is None and found.hint


@pytest.mark.parametrize("period", ["本报告期为2030年1月1日至2030年12月31日。", "本年实现财务收入500.00万元。"])
def test_a_financial_report_of_actuals_is_no_budget(period):
    # a body's own financial report: neither 决算 nor 预算 said, 公共预算 only as the kind of fund; what it states is
    # what came in and went out over the year — actuals, as a 决算 states them
    text = (f"示例协会财务收支情况\n{period}\n（一）收入情况\n本年度政府拨款收入300.00万元，均为公共预算收入。"
            "其他收入20.00万元。\n（二）支出情况\n政府拨款支出300.00万元，其中：基本支出200.00万元，项目支出100.00万元。")
    found = detect(text)
    assert found.kind is D and "实际收支" in found.evidence[0]


def test_the_fund_called_public_budget_makes_no_budget():
    # without a period or 实现, the same statement decides nothing: '公共预算' names the fund, not a budget
    found = detect("本年度政府拨款收入300.00万元，均为公共预算收入。其他收入20.00万元。其中：基本支出200.00万元，"
                   "项目支出100.00万元。")
    assert found.kind is None


def test_evidence_names_the_title_or_the_markers():
    assert detect("示例县档案馆2023年度部门决算\n目录").evidence == ("标题“示例县档案馆2023年度部门决算”",)
    evidence = detect("第九部分\n本年度“三公”经费支出决算数为1.2万元，详见公开09表。").evidence
    assert evidence[0].startswith("内容标记：") and "公开09表" in evidence[0]


def test_year_is_the_year_reported_on_not_a_publication_or_regulation_year():
    text = ("根据《示例省预算公开办法（2018年修订）》及示财〔2020〕12号文件要求，现将本局2023年度部门决算公开如下。\n"
            "示例县园林局\n2024年8月30日")
    assert detect(text).year == 2023
    assert detect("示例县园林局部门决算\n根据《预算法》要求公开。\n发布时间：2024年8月30日").year is None


def test_units_come_from_the_labels_real_forms_use():
    for label in ("单位名称", "部门名称", "编制单位", "预算单位", "实施单位", "主管部门"):
        assert detect(f"公开01表\n收入支出决算总表\n{label}：示例县农机推广中心\n金额单位：万元").unit == "示例县农机推广中心"
    assert detect("第一部分 示例县统计局部门概况\n一、主要职能\n2022年度部门决算情况说明").unit == "示例县统计局"


@pytest.mark.parametrize("seal", ["(盖章)", "（公章）", "（ 签章 ）"])
def test_a_seal_mark_after_the_label_is_not_part_of_the_name(seal):
    # '单位名称：（盖章）示例馆': the mark where the seal goes, printed after the colon, before the name
    text = f"单位整体支出绩效自评表\n单位名称：{seal}示例县革命纪念馆\n金额单位：万元"
    assert detect(text).unit == "示例县革命纪念馆"


def test_a_placeholder_or_a_sentence_is_not_a_unit():
    assert detect("XX部门（单位）2023年度部门决算\n收入支出决算总表").unit == ""
    assert detect("本单位2023年度部门决算\n我局收入支出决算总表如下。").unit == ""
    assert detect("本溪示例区水务局2023年度部门决算").unit == "本溪示例区水务局"  # a place may begin with 本
    assert detect("示例区卫生健康委员会(本级)2022年度部门决算").unit == "示例区卫生健康委员会(本级)"


def test_one_mention_is_not_a_document_of_that_kind():
    found = detect("新闻：今年各部门陆续公开部门决算，社会关注度较高。")
    assert found.kind is None and "未找到" in found.hint


def test_budget_disclosure_gets_no_disclosure_rules(tmp_path):
    path = tmp_path / "budget.txt"
    path.write_text("\n".join([
        "示例县档案馆2024年部门预算", "收支预算总表", "公开01表", "金额单位：万元",
        "项目\t行次\t金额\t项目\t行次\t金额", "栏次\t\t1\t栏次\t\t2",
        "一、一般公共预算财政拨款收入\t1\t300.00\t一、文化旅游体育与传媒支出\t30\t290.00",
        "本年收入合计\t28\t300.00\t本年支出合计\t58\t310.00"]), encoding="utf-8")
    doc, _ = load_document(path)
    assert doc.kind is B and doc.kind.label == "部门预算公开" and (doc.unit, doc.year) == ("示例县档案馆", 2024)
    assert doc.kind_evidence == ("标题“示例县档案馆2024年部门预算”",)
    # its 收支预算总表 is read as a budget table and checked by the budget's own sums (本年支出合计 310 over items
    # of 290), never by the 决算 rules of 公开01
    assert doc.disclosure.stage == "预算" and list(doc.disclosure.tables) == ["B01"]
    assert [f.rule for f in audit_document(doc, load_profile("central")).findings
            if f.rule.startswith(("disclosure.", "narrative."))] == ["disclosure.b01_budget_summary"]


@pytest.mark.parametrize(("text", "kind"), [
    # a lone 三公 narrative: spending reported (决算, or counts of guests) vs planned (预算)
    ("2019年本部门“三公”经费决算总额36万元，比上年下降2%。其中因公出国（境）费3万元，公务接待费8万元，"
     "公务用车购置及运行费25万元。", DocumentKind.DISCLOSURE),
    ("2019年度本单位一般公共预算财政拨款安排的“三公”经费支出4.10万元，较上年减少0.20万元；公务用车运行维护费0万元；"
     "公务接待费4.10万元，共接待12批次、96人次。", DocumentKind.DISCLOSURE),
    ("2020年本单位“三公”经费预算12万元，其中因公出国（境）费0万元，公务接待费2万元，公务用车运行维护费10万元。",
     DocumentKind.BUDGET_DISCLOSURE),
    # neither word, but each item's spending set against last year's spending: what was spent
    ("2022年“三公”经费支出60万元，比上年累计支出64万元减少4万元。其中，因公出国（境）费用没有；公务用车运行维护费"
     "支出38万元，比上年累计支出40万元下降2万元；公务接待支出22万元，比上年累计支出24万元下降2万元。",
     DocumentKind.DISCLOSURE),
])
def test_lone_sangong_section_is_final_or_budget_by_what_it_reports(text, kind):
    found = detect(text)
    assert found.kind is kind and found.evidence


def test_lone_sangong_section_saying_neither_is_not_guessed():
    text = "本单位“三公”经费共8万元，其中公务接待费3万元，公务用车运行维护费5万元。"
    assert detect(text).kind is None


def test_budget_narrative_fragment_without_title():
    text = ("基本支出预算 812.40 万元，占支出总预算的 90.10%；项目支出预算 89.20 万元。\n"
            "四、财政拨款收支预算总体情况说明\n2021 年财政拨款收支总预算 901.60 万元。")
    assert detect(text).kind is DocumentKind.BUDGET_DISCLOSURE


@pytest.mark.parametrize("first_line", ["今年是各部门连续第5年向社会公开部门决算", "首页>范文>项目自评报告",
                                        "根据《项目支出绩效自评表》的要求", "【项目支出绩效自评表填写样例】"])
def test_lines_that_only_mention_a_title_do_not_decide_the_kind(first_line):
    assert not detect(first_line + "\n这里没有任何表格或数字。").evidence


def test_unit_from_a_flattened_form_and_a_title_over_two_lines():
    form = "2021年度专项资金绩效目标自评表专项资金名称示例资金县级主管部门示例县农业农村局实施单位示例股"
    assert detect(form).unit == "示例县农业农村局"
    title = "示例县城市管理委员会市容整治资金\n绩效评价报告\n一、基本情况"
    assert detect(title).unit == "示例县城市管理委员会"


def test_an_evaluation_report_names_its_unit_in_its_first_section():
    text = ("项目绩效评价报告\n一、基本情况\n（一）项目单位基本情况。示例县档案馆位于县城东街8号，内设三个股室，"
            "核定事业编制12名。\n（二）项目基本情况。")
    assert detect(text).unit == "示例县档案馆"
    assert detect(text.replace("示例县档案馆位于", "本馆位于")).unit == ""  # no name given: none guessed


def test_an_abbreviated_name_in_the_body_gives_way_to_the_full_name_in_a_heading():
    text = ("第一部分示例自治区人民政府机关事务管理局概况\n一、主要职能\n负责办公区后勤事务。\n"
            "第二部分示例自治区人民政府机关事务管理局部门预算安排情况说明\n一、部门收支预算总体情况\n"
            "机管局2025年收支总预算1,200.00万元，比上年减少30.00万元。")
    assert detect(text).unit == "示例自治区人民政府机关事务管理局"


def test_a_contents_page_left_from_last_year_does_not_set_the_year(tmp_path):
    text = ("第一部分 单位概况\n一、主要职责3\n第二部分 2023年度单位决算情况说明4\n一、收入支出决算总体情况说明4\n"
            "第三部分 名词解释9\n第一部分 单位概况\n一、主要职责\n示例县实验学校是一所九年一贯制学校。\n"
            "第二部分 2024年度 单位决算情况说明\n一、收入支出决算总体情况说明\n2024年度收、支总计800.00万元。与2023年相比，"
            "收、支总计各增加20.00万元，增长2.56%。\n")
    assert detect(text).year == 2024
    path = tmp_path / "决算.txt"
    path.write_text(text, encoding="utf-8")
    doc, _ = load_document(path)
    [wrong] = [f for f in audit_document(doc, load_profile("central")).findings if f.rule == "disclosure.heading_year"]
    assert "2023年度单位决算情况说明" in wrong.message and wrong.location.line == 3


def test_a_unit_named_once_as_an_object_is_not_taken_for_the_unit():
    found = detect("2022年度“三公”经费支出决算2.30万元。因公出国（境）费支出0万元，未安排示例县种子管理站出国团组。"
                   "公务接待费支出2.30万元。")
    assert found.kind is D and found.unit == ""


# A page cut out of a budget explanation printed from a PDF: no title, lines broken mid-word, the basic spending
# split by economic class (own wording and figures).
ECONOMIC_PAGE = ("7\n用于退休人员补贴,全部是基本支出。\n(二)按支出结构分类划分,分为基本支出预算和项目支\n出预算。\n"
                 "1. 基本支出预算 512,300.00 元,占支出总预算的\n100.00%,同比减少 20,100.00 元,下降 3.78 %。其中:\n"
                 "工资福利支出预算 480,000.00 元,占基本支出预算\n93.70%。\n商品和服务支出预算 30,300.00 元,占基本支出预算\n"
                 "5.91%。\n对个人和家庭补助支出预算 2,000.00 元,占基本支出预\n算0.39%,同比增加 2,000.00 元,2024 年无此项预算,2025")


def test_a_page_of_a_budget_explanation_split_by_economic_class():
    found = detect(ECONOMIC_PAGE)
    assert found.kind is DocumentKind.BUDGET_DISCLOSURE and "工资福利支出" in found.evidence[0]
    assert found.unit == ""  # '全部是基本支出' names no unit
    assert found.year == 2025  # '同比…2024 年无此项预算': 2024 is the year compared with, the year before the one reported
    assert detect(ECONOMIC_PAGE.replace("预算", "决算")).kind is DocumentKind.DISCLOSURE


KIND_CASES = [
    # a 三公 budget that plans its trips: a count of 人次 in a sentence about the budget is no spending
    ("2031年“三公”经费预算合计6.40万元，较上年减少0.60万元。\n（一）因公出国（境）费\n2031年因公出国（境）费预算为0万元，"
     "共计安排因公出国（境）团组0个，因公出国（境）0人次。\n（二）公务接待费\n2031年公务接待费预算为1.40万元。\n"
     "（三）公务用车购置及运行维护费\n2031年公务用车运行维护费预算为5.00万元。", B),
    # a budget's other matters with a glossary defining 三公 as kept under 预决算 management: the definition says
    # nothing of the document's kind
    ("一、政府采购情况说明\n2031年预算没有安排政府采购资金\n二、名词解释\n1.基本支出：指为保障机构正常运转的支出。\n"
     "2.“三公”经费：纳入区级财政预决算管理的“三公”经费，是指用财政拨款安排的因公出国（境）费、公务用车购置及运行费、"
     "公务接待费。", B),
    # a note on what the year's budget set aside for purchases
    ("2031年预算各单位未公开政府采购安排情况说明\n2031年县财政年初预算安排政府采购资金共计88.00万元。", B),
    # a section of a transfer payment's regional self-evaluation report, cut out without its title
    ("一、绩效目标分解下达情况\n（一）下达预算和绩效目标情况。\n2031年3月1日，上级下达我区示例发展资金预算5000万元。", S),
]


@pytest.mark.parametrize(("text", "kind"), KIND_CASES)
def test_kind_of_fragments_read_from_what_they_say(text, kind):
    assert detect(text).kind is kind


def test_a_towns_fiscal_final_account_is_no_departments_disclosure():
    text = ("一、全镇收支决算情况\n（一）一般公共预算\n2031年全镇一般公共预算收入3200万元，加上级转移支付收入1500万元。"
            "镇人大会议批准的预算为4000万元。\n——农林水支出900万元，增长1.2%；\n——专项上解50万元；\n——结转下年300万元。\n"
            "本年收入4700万元，本年支出4400万元，上年结转和结余100万元。")
    found = detect(text)
    assert found.kind is None and "财政预决算报告" in found.hint


def test_a_levels_own_spending_by_function_is_a_fiscal_report_not_a_disclosure():
    # a finance bureau explains its level's final accounts item by item; '决算公开' in the first sentence is no title
    text = ("依照财政决算公开的要求，示例区财政局负责公开本级财政决算，现将2031年区本级决算有关事项说明如下：\n"
            "一、区本级支出决算说明\n"
            "2031年示例区本级一般公共预算支出为52000万元，较上年增支2600万元，增长5.3%。主要支出如下：\n"
            "（一）一般公共服务支出6100万元，较上年减支300万元，下降4.7%。其中：\n"
            "1.人大事务900万元，较上年增支100万元，增长12.5%；\n"
            "2.政协事务600万元，较上年减支50万元，下降7.7%；\n"
            "3.财政事务1500万元，与上年持平。")
    found = detect(text)
    assert found.kind is None and "财政预决算报告" in found.hint


def test_a_news_items_dateline_outweighs_a_budget_title_it_quotes():
    text = ("【示例网讯】据示例社3月2日报道，示例署公布了2031年“三公”经费财政拨款预算数120.5万元。\n"
            "2031年示例署“三公”经费财政拨款预算中，因公出国（境）费20万元，公务接待费30.5万元。")
    found = detect(text)
    assert found.kind is None and "新闻报道" in found.hint


def test_a_forms_year_in_brackets_after_its_title_outweighs_a_stray_year_in_a_cell():
    first = "\n".join(["项目支出绩效自评表", "项目名称 | 示例经费 |", "主管部门 | 示例局 |", "资金情况 | 全年预算数 | 执行数 |",
                       "年度资金总额 | 10 | 10 |", "一级指标 | 二级指标 | 自评得分 |", "产出指标 | 数量指标 | 10 |"])
    text = (first + "\n部门预算项目支出绩效自评表(2031年度) | ||||\n"
            "年度总体目标 | 2030年示例局计划使用财政资金40万元发放工资。 |\n一级指标 | 二级指标 | 自评得分 |")
    assert detect(text).year == 2031


def test_a_countys_government_final_accounts_listing_rebates_transfers_and_debt_tables_is_no_disclosure():
    # a county's 政府决算 page: the title says 政府决算, its table list names tax rebates and transfers to lower levels
    # ('转移性支付'), the government's debt and the social insurance funds; one sentence of the report follows
    text = "\n".join(
        [
            "信息来源:示例县财政局",
            "示例县2031年政府决算公开",
            "第二部分 决算表格",
            "1、一般公共预算收入决算表",
            "2、一般公共预算税收返还和转移性支付决算表",
            "3、地方政府一般债务限额和余额情况表",
            "4、社会保险基金预算支出情况表",
            "第一部分 决算报告",
            "1.收入情况。2031年实现财政收入总计52000万元,比上年减少2600万元,下降4.8%。",
        ]
    )
    found = detect(text)
    assert found.kind is None and "财政预决算报告" in found.hint
