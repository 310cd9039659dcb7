"""A document of a recognised kind is read however it says what it is (own wording and figures, one case per way):
a finance bureau's own 决算 whose duties speak of the government's budget, a cover's 评价方式 field, a report saying in
its own words that it is a self-evaluation or scoring itself in prose, a 自评价报告 run onto one line, Traditional
text; and a government's own fiscal report, an evaluation of a fund and a finance bureau's evaluation of a project
are not taken for a department's disclosure or a unit's self-evaluation."""

from __future__ import annotations

from pathlib import Path

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.pipeline import load_document


def _load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def test_a_finance_bureaus_own_accounts_are_its_disclosure_though_its_duties_speak_of_the_governments_budget():
    text = "\n".join(
        [
            "标题:示例市财政局2031年度(本级) 决算公开报告",
            "示例市财政局2031年度(本级)",
            "决算公开报告",
            "第一部分 基本情况",
            "一、单位职责",
            "1.负责编制年度市本级预决算草案并组织执行,受市政府委托向市人民代表大会报告全市预算执行情况。",
            "2.完善市对镇的转移支付制度。",
            "3.负责政府非税收入管理。",
            "第二部分 2031年度本级决算公开表",
            "第三部分 2031年度本级决算情况说明",
            "一、收入支出总体情况说明",
            "2031年度收入总计850.20万元,支出总计850.20万元。",
        ]
    )
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (DocumentKind.DISCLOSURE, "示例市财政局", 2031), found.hint


def test_a_citys_report_of_its_draft_final_accounts_to_the_standing_committee_is_not_a_disclosure():
    text = "\n".join(
        [
            "——2032年8月30日在示例市人民代表大会常务委员会会议上",
            "示例市财政局",
            "主任、各位副主任、各位委员:",
            "受市人民政府委托,我向本次会议报告示例市2031年市级决算草案,请予审议。",
            "一、2031年市级决算草案",
            "(一)市级一般公共预算收支决算情况",
            "2031年市级一般公共预算收入决算数52100万元,为调整预算数的101.20%;一般公共预算支出决算数188300万元。",
            "加上级补助收入96400万元,下级上解收入2100万元,收入总计150600万元。",
        ]
    )
    found = detect(text)
    assert found.kind is None and "财政预决算报告" in found.hint


def test_a_covers_evaluation_method_field_says_self_evaluation_in_traditional_text(tmp_path):
    text = "\n".join(
        [
            "評價類型:項目實施過程評價□項目完成結果評價□",
            "項目名稱:示例縣鄉村道路養護",
            "項目單位:示例縣道路養護中心",
            "主管部門:示例縣交通運輸局",
            "評價方式:部門(單位)績效自評",
            "評價機構:部門(單位)評價組",
            "報告日期:2032年03月05日",
            "一、項目基本概況 |",
            "項目起止時間 |",
            "2031年元月起至2031年12月止 |",
            "計劃安排資金 (萬元) |",
            "320 |",
            "實際支出 (萬元) |",
            "318.50 |",
            "二、項目支出明細情況 |",
            "支出內容 |",
            "實際支出數 |",
            "勞務費 |",
            "42,000.00 |",
        ]
    )
    doc, errors = _load(tmp_path, text)
    assert doc is not None, errors
    assert (doc.kind, doc.unit, doc.year) == (DocumentKind.SELF_EVALUATION, "示例县道路养护中心", 2031)


def test_a_self_evaluation_scored_in_prose_section_by_section():
    text = "\n".join(
        [
            "一、决策(20分)",
            "(一)项目立项(10分):",
            "(1)立项程序规范性(4分)",
            "我县示例项目按程序申报审批,论证充分,程序完整。自评得4分。",
            "(2)绩效目标合理性(6分):",
            "我县按年度规划设定绩效目标,目标明确。自评得6分。",
            "(二)资金落实(10分):",
            "今年我县示例项目资金共计640万元,已全部到位,到位率100%。自评得10分。",
        ]
    )
    found = detect(text)
    assert (found.kind, found.year) == (DocumentKind.SELF_EVALUATION, None)
    assert found.unit == ""


def test_a_report_saying_it_did_a_self_evaluation_names_no_unit_from_its_prose():
    text = "\n".join(
        [
            "为落实全面实施预算绩效管理的要求,根据《关于开展2031年度转移支付绩效自评工作的通知》,在审核各地自评材料基础上,"
            "对2031年度示例托育发展资金项目进行了绩效自评。现将有关情况报告如下:",
            "一、基本情况",
            "1. 政策背景",
            "发展普惠托育服务,是党和政府关心的重要民生工程。",
        ]
    )
    found = detect(text)
    assert (found.kind, found.year, found.unit) == (DocumentKind.SELF_EVALUATION, 2031, "")


def test_a_traditional_self_evaluation_without_a_title_says_so_in_its_first_sentence(tmp_path):
    text = "\n".join(
        [
            "根據績效管理相關文件要求,對2031年城鄉學校運轉經費項目實施情況開展了自評,現將自評情況報告如下:",
            "一、基本情況",
            "(一)轉移支付概況。",
            "2031年全年下達學校運轉經費820.40萬元,其中中央資金600萬元,本級資金220.40萬元。",
            "二、綜合評價結論",
            "學校運轉經費項目自評得分91.5分,評價結論等級為“優”。",
        ]
    )
    doc, errors = _load(tmp_path, text)
    assert doc is not None, errors
    assert (doc.kind, doc.year, doc.unit) == (DocumentKind.SELF_EVALUATION, 2031, "")


def test_a_self_evaluation_report_run_onto_one_line_with_its_writer_in_the_title():
    text = (
        "《示例县第二中学公用经费绩效自评价报告.docx》由会员分享,可在线阅读。\n"
        "示例县第二中学公用经费绩效自评价报告一、基本情况(一)项目概况我校2031年项目为一个:公用经费项目(二)资金情况"
        "我校2031年按生均800元安排,共计96万元三、预算支出组织实施情况我校2031年支出共计90.20万元"
    )
    found = detect(text)
    assert (found.kind, found.year, found.unit) == (DocumentKind.SELF_EVALUATION, 2031, "示例县第二中学")


def test_a_finance_bureaus_evaluation_of_a_project_is_a_key_evaluation_of_the_year_spent_to_its_end():
    text = (
        "示例县财政局关于乡村道路养护项目绩效评价报告根据财政绩效评价工作的安排,对全县乡村道路养护项目进行了绩效评价,"
        "评价结果如下。一、项目概况,主要用于县道养护80公里60万元。二、资金来源2031年县财政局预算批复。"
        "三、项目资金执行情况截止2031年12月底,已支付58万元。四、评价结论项目绩效评价总体得分92分。"
        "2032年示例省项目支出绩效评分表一级指标二级指标三级指标分值"
    )
    found = detect(text)
    assert (found.kind, found.year) == (DocumentKind.KEY_EVALUATION, 2031)


def test_an_evaluation_report_on_a_fund_without_a_word_of_self_evaluation_is_not_a_self_evaluation():
    text = "\n".join(
        [
            "示例市2031年托育奖补资金",
            "绩效评价报告",
            "一、项目概况",
            "(一)基本情况",
            "为扩大普惠托育供给,示例市卫生健康委决定对2031年托育机构建设实施奖补。",
        ]
    )
    assert detect(text).kind is DocumentKind.KEY_EVALUATION
    own = "\n".join(
        ["关于2031年度示例村道路工程绩效评价报告", "一、项目基本情况", "项目总投资25万元,道路硬化1.2公里。"]
    )
    assert (
        detect(own).kind is DocumentKind.SELF_EVALUATION
    )  # a project's report with no evaluator stays its own


def test_assets_at_the_end_of_last_year_do_not_decide_a_budgets_year():
    text = "\n".join(
        [
            "(二)政府采购预算安排情况说明",
            "2031 年政府采购预算 8000 元,其中政府集中采购预算8000 元。",
            "(三)国有资产占用情况",
            "截至 2030 年 12 月 31 日,资产原值合计 320000.00 元。",
        ]
    )
    assert detect(text).year == 2031


# A bureau's report on a special fund it spends itself: titled 绩效评价报告, its body saying the report is its own 自评报告.
OWN_FUND_REPORT = [
    "示例县交通局2031年度示例桥梁维修专项资金绩效评价报告",
    "一、专项资金基本情况",
    "2031年度专项资金共计46.20万元,其中设计费6.20万元,施工费40万元。",
    "二、绩效评价工作情况",
    "我局召集项目执行单位召开专题会议,统一评价标准;深入项目现场核查,根据核查意见形成自评报告。",
    "三、存在的问题",
    "无。",
]


def test_a_bureaus_report_on_a_fund_it_spends_calling_itself_a_self_evaluation_report_is_a_self_evaluation():
    found = detect("\n".join(OWN_FUND_REPORT))
    assert (found.kind, found.year) == (DocumentKind.SELF_EVALUATION, 2031)
    assert "文中说明是自我评价" in found.evidence[0]


def test_an_evaluation_that_only_read_the_units_self_evaluation_reports_is_not_one():
    text = "\n".join(OWN_FUND_REPORT).replace(
        "我局召集项目执行单位召开专题会议,统一评价标准;深入项目现场核查,根据核查意见形成自评报告。",
        "本次评价查阅了各项目单位的自评报告,并深入项目现场核查。",
    )
    assert detect(text).kind is DocumentKind.KEY_EVALUATION  # a fund's evaluation, no self-evaluation said


def test_news_of_a_provinces_final_accounts_with_its_sangong_total_is_no_departments_disclosure():
    # no dateline, no reporter: the levels' revenue and spending, the reserve fund, transfers in and bonds say it
    text = "\n".join(
        [
            "示例省省级单位“三公”经费去年支出3.1亿元",
            "受省政府委托,示例省财政厅负责人向省人大常委会会议报告财政决算情况。",
            "全省一般公共预算收入2100.5亿元,加上中央补助、调入资金等,收入总量为5200亿元。全省一般公共预算支出"
            "4800.2亿元,加上补充预算稳定调节基金、偿还地方政府债券等,支出总量为5000亿元。",
            "省级一般公共预算收入520亿元。省级一般公共预算支出610亿元。",
            "省级行政事业单位财政拨款“三公”经费支出3.1亿元,其中:因公出国(境)经费0.2亿元;公务用车购置及运行费"
            "2.3亿元;公务接待费0.6亿元。",
        ]
    )
    found = detect(text)
    assert found.kind is None and "财政预决算报告" in found.hint


def test_a_citys_whole_fiscal_total_with_transfers_reserve_and_debt_is_no_units_document():
    text = "\n".join(
        [
            "2031年全市财政总收入320.5亿元,其中:一般公共预算收入90.1亿元,上级财政补助收入80.2亿元,调入资金30.0亿元,"
            "债务转贷收入70.1亿元,动用预算稳定调节基金50.1亿元。",
            "【一般公共预算收支分级完成情况】2031年示例区一般公共预算收入20.3亿元,完成年度预算的101.2%。",
        ]
    )
    found = detect(text)
    assert found.kind is None and "财政预决算报告" in found.hint


REGULATION = [
    "示例县项目支出事前绩效评估管理办法",
    "第一章 总则",
    "第一条 为全面实施预算绩效管理,规范事前绩效评估工作,制定本办法。",
    "第二条 本办法所称事前绩效评估,是指县直部门对新增项目开展的评估。",
    "第三条 事前绩效评估应遵循以下原则:",
    "(一)客观公正。(二)科学规范。",
]


def test_a_regulation_is_refused_with_the_reason_not_read_as_a_work_summary():
    found = detect("\n".join(REGULATION))
    assert found.kind is None and "制度文件" in found.hint
    # under a notice's title that names no regulation, its chapters and articles alone say so
    body = detect("\n".join(["示例县财政局关于印发有关办法的通知", *REGULATION[1:]]))
    assert body.kind is None and "制度文件" in body.hint


def test_a_regulation_page_with_its_articles_run_on_is_refused():
    # a page's later part, its line breaks lost: the articles run on in one paragraph after spaces
    text = ("[接上页] (一)项目概况; (二)评价结论。 第二十一条 绩效评价报告分为两类,具体格式由财政部门制定。 "
            "第七章 结果应用 第二十二条 绩效评价结果分为优、良、中、差四个等级。 第二十三条 本办法自2031年1月1日起执行。")
    found = detect(text)
    assert found.kind is None and "制度文件" in found.hint
    # a report citing articles of a regulation ('《办法》第三条') is no regulation
    report = ("示例县文化馆2031年度部门整体支出绩效自评报告\n根据《示例县绩效评价办法》第三条、第五条规定,"
              "本单位开展了自评,自评得分95分。")
    assert "制度文件" not in detect(report).hint


def test_an_in_year_monitoring_report_in_prose_is_taken_for_one():
    text = "\n".join(
        [
            "示例县医保局2031年项目绩效运行监控报告",
            "一、项目支出基本情况",
            "截至2031年6月30日,专项资金已到位120.5万元,使用120.5万元。",
            "二、绩效运行监控工作开展情况",
            "为全面实施预算绩效管理,我单位认真开展了项目绩效运行监控工作。",
        ]
    )
    found = detect(text)
    assert found.kind is DocumentKind.MONITORING and "文字形式的绩效运行监控报告" in found.evidence[0]


def test_a_budget_compilation_explanation_is_a_budget_disclosure():
    text = "\n".join(["关于示例镇2031年部门预算编制说明", "", "2031-04-01 10:14 来源: 示例镇", "",
                      "示例镇2031年部门收支预算已经示例县财政局批复。现将2031年部门收支预算公开如下:",
                      "一、部门职能职责", "贯彻执行党和国家的路线、方针、政策。"])
    found = detect(text)
    assert found.kind is DocumentKind.BUDGET_DISCLOSURE and found.year == 2031


def test_a_news_lede_dated_yesterday_is_news_whatever_it_quotes():
    text = "\n".join([
        "昨天,示例市公开部门预算的20家单位中,安排的2031年“三公”预算总额为1200.50万元。",
        "这20家单位公开的“三公”经费预算情况,均同时包含2030年、2031年两年的数字。",
        "据悉,这些部门“三公”增支较多的原因,主要是购车数目较大。",
    ])
    found = detect(text)
    assert found.kind is None and "新闻报道" in found.hint
