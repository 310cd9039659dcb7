"""Kind, unit and year of published pages whose layout hides them (own wording and numbers, one case per layout
met in the development corpus): the publisher only in the page's metadata, the unit only in the body, names with
an inner suffix, a place's 三公 summary, filling guides and a government's fiscal report that are not a unit's
document, a department's own whole-department evaluation, a year only in a launching notice or contradicted by
the publication date."""

from __future__ import annotations

import pytest

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.pipeline import load_document
from tests.builders import read_text

D, B, S, K, W = (DocumentKind.DISCLOSURE, DocumentKind.BUDGET_DISCLOSURE, DocumentKind.SELF_EVALUATION,
                 DocumentKind.KEY_EVALUATION, DocumentKind.WORK_SUMMARY)


def _load(tmp_path, text: str):  # type: ignore[no-untyped-def]
    return read_text(tmp_path, text, "page.txt")


def test_publisher_line_in_the_page_metadata_names_the_unit(tmp_path):
    # a short work note; the publisher stands on its own line among the page metadata, then a captcha prompt
    doc, errors = _load(tmp_path, "\n".join([
        "示例县财政局推进事前绩效评估，年初所有新增项目均开展评估，并将绩效运行监控覆盖到全部预算单位。",
        "对评估结果较差的项目，结果运用到下一年度预算安排。",
        "来源：示例县财政局",
        "请输入验证码"]))
    assert doc is not None and doc.kind is W
    assert doc.unit == "示例县财政局" and doc.year is None
    assert any("无法识别文档年度" in e.message for e in errors)  # '年初' names no year: not guessed


def test_publisher_is_the_weakest_evidence(tmp_path):
    doc, _ = _load(tmp_path, "\n".join([
        "发布时间：2024-09-10 10:00    来源：示例市财政局",
        "示例市档案馆2023年度部门决算", "目录", "第一部分 部门概况"]))
    assert doc is not None and doc.unit == "示例市档案馆" and doc.year == 2023


def test_site_banner_names_the_unit_of_a_departments_own_evaluation(tmp_path):
    # the unit is named only by the site banner; the body says '县政协' and no evaluator or grade appears
    doc, _ = _load(tmp_path, "\n".join([
        "欢迎来到示例县政协网站!",
        "您现在的位置: 首页 > 通知公告 > 部门整体支出绩效评价报告",
        "部门整体支出绩效评价报告",
        "【字体: 】 【发布时间:2023-04-10 09:30】 【作者:县政协办】",
        "一、基本情况",
        "2022年部门决算收入510.40万元，支出506.20万元。",
        "县政协围绕中心工作履职，按计划完成各项协商议题。"]))
    assert doc is not None and doc.kind is S and doc.unit == "示例县政协" and doc.year == 2022
    assert "未见受托评价机构或评价等次" in doc.kind_evidence[0]


def test_whole_department_evaluation_with_an_evaluator_stays_a_key_evaluation():
    text = ("示例县水务局部门整体支出绩效评价报告\n受示例县财政局委托，评价工作组对水务局2022年度部门整体支出开展评价。\n"
            "一、基本情况")
    assert detect(text).kind is K


def test_unit_only_in_the_body_of_a_package_whose_title_is_lost():
    text = "\n".join([
        "目录", "第一部分单位概况", "一、主要职责", "二、机构设置", "第二部分2024年度单位决算情况说明",
        "一、收入支出决算总体情况说明", "第一部分单位概况", "一、主要职责",
        "负责种植技术推广和土壤肥料检测。在职人员42人，其中专业技术人员30人、管理人员2人、工勤人员10人。",
        "二、机构设置", "示例县农业技术服务中心下设办公室、财务室、种子组、土肥组。"])
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (D, "示例县农业技术服务中心", 2024)


def test_package_starting_at_its_first_part_is_a_disclosure_of_the_year_it_keeps_naming():
    # title lost; the scope sentence names another year than the work and staff it reports
    text = "\n".join([
        "第一部分 单位概况", "一、职能简介",
        "示例市国土监测中心是示例市自然资源局所属公益一类事业单位，承担自然资源调查监测。",
        "二、2021年重点工作完成情况", "完成年度变更调查，提交监测成果12项。",
        "三、机构设置",
        "纳入示例市自然资源局2020年度部门决算编制范围的二级单位包括本中心。2021年年末实有人员25人。"])
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (D, "示例市国土监测中心", 2021)


@pytest.mark.parametrize(("title", "unit"), [
    ("示例经济开发园区管理委员会市容整治资金", "示例经济开发园区管理委员会"),  # 园 inside 园区 is not the end
    ("示例县人民政府行政服务中心窗口运行经费", "示例县人民政府行政服务中心"),  # 政府 inside a longer name
    ("示例县人居环境指挥部乡村振兴项目资金", "示例县人居环境指挥部"),  # 乡 begins 乡村振兴, not a name
])
def test_a_name_with_an_inner_suffix_is_read_whole(title, unit):
    assert detect(f"{title}\n绩效评价报告\n一、基本情况").unit == unit


def test_a_name_is_not_extended_into_the_words_after_it():
    assert detect("2022年示例县审计局部门决算\n目录").unit == "示例县审计局"
    assert detect("示例县园林处部门整体支出绩效自评报告").unit == "示例县园林处"


def test_a_places_sangong_budget_summary_with_its_table_cut_into_cells():
    text = "\n".join([
        "按照政府信息公开工作的部署，经汇总，2019年示例区一般公共预算财政拨款开支“三公”经费860万元，较2017年下降1.5%。"
        "其中：公务用车购置安排90万元；公车运行及维护680万元；公务接待费70万元；因公出国20万元。",
        "2019年示例区 “三公”经费汇总情况表 |", "|||||", "单位:万元 |", "合计 |", "因公出国 |", "860 |", "20 |"])
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (B, "示例区", 2019)


def test_a_places_sangong_final_summary():
    text = ("经示例市财政局汇总，2018年示例市部门及乡镇政府（街道办事处）“三公”经费决算总额960万元，比上年下降2.0%。"
            "其中因公出国（境）经费决算40万元，公务接待费决算300万元，公务用车购置及运行费决算620万元。")
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (D, "示例市", 2018)


@pytest.mark.parametrize("text", [
    # filling instructions under a form's title, list numbers lost
    "项目支出绩效自评表\n.定量指标的得分计算方法：全年实际值除以年度指标值乘以该指标分值。\n指标说明：\n"
    "1、年初设定目标：计划任务书中设定的本年度指标。\n、服务对象满意度：回答满意的人数除以有效调查人数。",
    # a guide with an XX example table
    "【项目支出绩效自评表填写样例】本文提供一份自评表填写样例。\n二、填写注意事项\n1. 数据真实准确\n"
    "| 项目名称 | XX道路改造项目 |\n|----------|",
    # scoring rules of a review
    "一级指标“项目管理”满分60分，只需填报三级指标，三级指标由单位自行设置，总数不得少于3个。",
    # a blank report template: boxes to tick, a signing date and the department's name left to fill in, an outline
    "附件2：市级部门项目支出绩效评价报告（年度）\n评价方式：□自行评价□委托评价 部门编码：□□□□□□□□\n"
    "××局项目绩效评价报告 填报日期：年 月 日\n（编写提纲）一、项目基本情况 简要说明项目的立项依据和资金安排。",
])
def test_filling_guides_and_scoring_rules_are_not_a_units_document(text):
    found = detect(text)
    assert found.kind is None and "填写说明" in found.hint


def test_a_filled_form_with_its_filling_notes_is_still_a_form():
    text = ("项目支出绩效自评表\n项目名称\t示例道路养护\n实施单位\t示例县公路站\n年度资金总额\t50.00\t48.50\t97.00%\n"
            "填表说明：1.得分计算方法见指标说明；2.指标说明附后。")
    assert detect(text).kind is S


def test_a_governments_own_fiscal_package_is_not_a_departments_disclosure():
    text = "\n".join([
        "目 录", "第一部分 示例镇人民政府概况", "第二部分 公共财政预算", "一、2021年度公共财政预算情况说明",
        "第三部分 政府性基金决算", "第五部分 社会保险基金决算情况", "第六部分 其他重要事项",
        "一、地方政府债务情况", "二、上级转移支付情况说明",
        "我镇2021年度收支预算总计1,820.40万元，其中税收收入210.00万元。"])
    found = detect(text)
    assert found.kind is None and "财政预决算报告" in found.hint


def test_evaluated_year_named_only_by_the_launching_notice():
    text = ("示例县农业农村局衔接资金\n绩效评价报告\n示会评字(2023)第0012号\n"
            "根据《关于开展2022年度衔接资金重点绩效评价工作的通知》（示财〔2023〕8号）要求，受示例县财政局委托，"
            "我所对衔接资金实施绩效评价。")
    found = detect(text)
    assert (found.kind, found.year) == (K, 2022)


def test_year_from_a_sub_heading_that_the_publication_date_rules_out_is_not_established(tmp_path):
    lines = ["发布时间：2025-10-18 09:00 信息来源：示例市财政局", "目录", "第一部分 示例市信访局概况",
             "第二部分 部门决算表", "一、收入支出决算总表", "第三部分 部门决算情况说明",
             "十三、关于{year}年度预算绩效情况的说明"]
    doc, errors = _load(tmp_path, "\n".join(lines).replace("{year}", "2023"))
    assert doc is not None and doc.kind is D and doc.year is None
    assert any("页面发布于2025年" in e.message and "2024年度" in e.message for e in errors)
    doc, _ = _load(tmp_path, "\n".join(lines).replace("{year}", "2024"))
    assert doc is not None and doc.year == 2024


def test_a_title_year_stands_whatever_the_publication_date(tmp_path):
    doc, _ = _load(tmp_path, "发布时间：2026-03-01 08:00\n示例市信访局2023年度部门决算\n目录")
    assert doc is not None and doc.year == 2023


def test_comparison_years_do_not_decide():
    text = "三、支出决算情况说明\n与2021年相比，支出减少12.00万元；较2021年度下降3.00%。本年度2022年支出合计388.00万元。"
    assert detect(text).year == 2022


CONCLUSION_PAGE = "\n".join([
    "三、综合评价结论",
    "经自评，该项目2021年度全年支出15.30万元，支付率72.40%，综合得分88分，评价等级为“良”。",
    "四、绩效目标实现情况分析",
    "（一）项目决策情况。项目立项依据充分，程序规范。",
    "（二）项目产出情况。完成培训6期，覆盖人员380人次。",
    "（三）项目效益情况。全县累计投入资金1200万元，带动产值3.5亿元。",
    "五、存在的问题及原因分析", "部分资金拨付滞后，支付进度偏慢。",
    "六、有关建议", "加快资金拨付，加强过程监控。", "附表4"])


def test_a_page_from_the_conclusion_of_a_self_evaluation_report():
    found = detect(CONCLUSION_PAGE)
    assert (found.kind, found.unit, found.year) == (S, "", 2021)
    assert "结论与分析部分" in found.evidence[0]


def test_the_same_page_written_by_a_commissioned_firm_is_a_key_evaluation():
    text = CONCLUSION_PAGE.replace("经自评，", "受示例县财政局委托，我所评价，")
    assert detect(text).kind is K


def test_a_county_sangong_summary_titled_by_the_place():
    text = ("示例县2019年“三公”经费安排情况说明（决算）\n经汇总全县单位部门决算，“三公”经费支出640万元，"
            "其中公务接待费150万元，公务用车购置及运行维护费490万元。")
    assert (detect(text).kind, detect(text).unit, detect(text).year) == (D, "示例县", 2019)


def test_an_abbreviation_without_the_place_is_not_the_unit():
    body = "第一部分 部门概况\n一、主要职责\n{who}负责全区水资源管理。\n二、机构设置\n区水务局机关内设5个股室。\n" \
           "第二部分 2023年部门预算表\n一、部门收支总表"
    assert detect(body.format(who="示例区水务局")).unit == "示例区水务局"
    assert detect(body.format(who="本局")).unit == ""


def test_a_bureaus_own_whole_expenditure_report_titled_by_year_is_a_self_evaluation():
    text = ("示例县交通运输局2019年度整体支出绩效评价报告\n依据《示例县财政局关于做好2019年度预算绩效自评工作的通知》，"
            "我局已对2019年度预算绩效进行自我评价。\n一、部门概况")
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (S, "示例县交通运输局", 2019)


def test_a_long_name_with_an_inner_committee_in_a_flattened_pdf_title():
    text = ("中国(示例)自由贸易试验区示例片区管理委员会示例贸易区管理局2023年部门预算.pdf\n"
            "中国(示例)自由贸易试验区示例片区 管理委员会示例贸易区管理局2023年部门预 算 目 录 第一部分 部门概况 "
            "一、部门职责 第二部分 2023年部门预算公开报表 一、收支总表 二、收入总表 三、支出总表")
    found = detect(text)
    assert found.kind is B and found.year == 2023
    assert found.unit == "中国(示例)自由贸易试验区示例片区管理委员会示例贸易区管理局"


def test_the_year_an_evaluation_was_done_is_not_the_year_evaluated():
    # a finance bureau's bulletin: the work year, and years only inside project names that disagree
    text = "\n".join([
        "我局组织开展了2023年重点项目绩效评价工作，现将评价情况通报如下：",
        "2023年共对5个重点项目进行了评价，资金3200.00万元。",
        "序号 | 主管部门(单位) | 项目名称 | 资金量 (万元) | 评价等级 |",
        "1 | 示例市委直属机关工作委员会 | 党建联盟专项经费 | 900 | 良 |",
        "2 | 示例市体育局 | 体育产业扶持资金 | 500 | 良 |",
        "3 | 示例市应急管理局 | 应急救援资金 | 400 | 良 |",
        "4 | 示例市水利局 | 堤防维护项目(2022年度) | 800 | 良 |",
        "5 | 示例市文旅局 | 民宿扶持政策(2020年为“乡村旅游经费”) | 600 | 中 |"])
    found = detect(text)
    assert found.kind is K and found.year is None


def test_weaker_mentions_naming_different_years_as_often_decide_nothing():
    assert detect("三、支出决算情况说明\n说明：本单位2021年年末在职12人，2022年年末在职13人。").year is None
    assert detect("三、支出决算情况说明\n说明：2022年年末在职13人，2022年重点工作全部完成。").year == 2022


def test_a_form_with_whole_numbers_only_and_its_notes_is_still_a_form():
    text = ("项目支出绩效自评表\n项目名称\t示例村道养护\n年度资金总额\t50\t48\t10\t9\n"
            "填表说明：1.得分计算方法见指标说明；2.分值不得修改。")
    assert detect(text).kind is S


def test_a_sites_footer_links_are_not_the_unit(tmp_path):
    # one paragraph saying '我所' (no name), then the site's footer: link texts ending in 网站
    doc, _ = _load(tmp_path, "\n".join([
        "经汇总，2025年“三公”经费预算为6.20万元，其中：因公出国（境）费0万元，公务用车运行维护费5.00万元，"
        "公务接待费1.20万元。我所将严格控制各项开支。",
        "省级部门网站", "市县政府网站", "友情链接网站"]))
    assert doc is not None and doc.kind is B and doc.year == 2025
    assert doc.unit == ""


def test_a_body_sentence_opening_with_the_unit_and_its_year_names_the_unit():
    text = ("一、基本情况 本单位承担全镇水利设施的日常维护。 二、收支预算情况 示例县水利站2024年收支总预算310.50万元，"
            "其中财政拨款收入300.00万元，其他收入10.50万元。部门预算包括本单位预算。")
    assert detect(text).unit == "示例县水利站"


def test_a_place_opening_a_sentence_with_all_its_departments_is_not_a_unit():
    assert detect("全镇2024年收支总预算310.50万元，其中财政拨款收入300.00万元，部门预算包括各单位预算。").unit == ""


TOWN_PROJECT_REPORT = [
    "关于2023年度示例村灌渠修缮工程绩效评价报告",
    "一、项目基本情况",
    "为改善灌溉条件，2023年实施示例村灌渠修缮工程，总投资12万元。",
    "二、评价结论和绩效分析",
    "（一）评价结论：项目按年初目标实施，各项指标均已完成。",
]


def test_a_towns_own_project_evaluation_report_is_a_self_evaluation():
    # a 评价结论 heading is in every report's outline: it names no evaluator
    found = detect("\n".join(TOWN_PROJECT_REPORT))
    assert found.kind is S and found.year == 2023
    assert "未见受托评价机构或评价等次" in found.evidence[0]


@pytest.mark.parametrize("evaluator", [
    "示例县财政局组织示例评审中心对该项目开展绩效评价。",
    "受示例县财政局委托，示例会计师事务所对该项目进行评价。",
    "经评价，该项目综合得分86分，绩效等级为“良”。",
])
def test_the_same_report_with_an_evaluator_or_a_grade_is_a_key_evaluation(evaluator):
    assert detect("\n".join([*TOWN_PROJECT_REPORT[:2], evaluator, *TOWN_PROJECT_REPORT[2:]])).kind is K


def test_a_cover_of_label_fields_names_the_department_and_not_the_next_label(tmp_path):
    # a cover copied from a PDF: each field on its own line, the lines of the text mostly wrapped mid-sentence
    body = "\n".join(["本部门主要职责是组织全市城市绿化规划的编制和实施，指导各区做好公园建设与管"] * 6)
    text = ("部门名称：示例市园林绿化管理局\n单位负责人：张某\n财务负责人：李某\n编制人：王某\n报送日期：2024年9月\n"
            "目 录\n第二部分 2023年度部门决算情况说明\n" + body + "\n一、收入支出决算总体情况说明\n二、收入决算情况说明\n")
    path = tmp_path / "cover.txt"
    path.write_text(text, encoding="utf-8")
    doc, _ = load_document(path)
    assert doc is not None and doc.unit == "示例市园林绿化管理局"


BUREAU_OWN_REPORT = [
    "示例县财政局2023年度 机关整体支出绩效评价报告",
    "一、自评得分情况",
    "按照部门整体支出绩效评价指标体系，对本局2023年度机关整体支出开展了绩效评价，综合评分为93分。",
    "二、单位基本概况",
    "下设8个股室；直属事业单位3个，即示例县财政投资评审中心、示例县会计服务中心、示例县国库集中支付中心。",
    "三、单位职责",
    "负责编制县本级预决算草案：受县人民政府委托，向县人大常委会报告县级预算及其执行情况。",
]


def test_a_bureau_scoring_its_own_whole_expenditure_is_a_self_evaluation():
    # its heading says 自评; a 评审中心 among its subordinate units and a duty done 受…委托 evaluate nothing
    found = detect("\n".join(BUREAU_OWN_REPORT))
    assert found.kind is S and found.year == 2023
    assert "自我评价" in found.evidence[0]


def test_the_same_report_commissioned_to_a_firm_is_a_key_evaluation():
    commissioned = "受示例县财政局委托，示例会计师事务所对本局机关整体支出开展绩效评价。"
    assert detect("\n".join([*BUREAU_OWN_REPORT[:2], commissioned, *BUREAU_OWN_REPORT[2:]])).kind is K


def test_a_whole_report_on_one_line_is_known_by_the_title_it_opens_with(tmp_path):
    # a PDF mirror: the attachment's file name, then the whole report on one line, words broken by spaces
    doc, _ = _load(tmp_path, "\n".join([
        "2023年示例市交通运输局部门整体支出绩效自评报告.pdf",
        "2023 年示例市交通运输局整体支出 绩效自评报告 根据《关于开展 2024 年市级财政资金绩效自评工作的 通知》"
        "(示财绩函〔2024〕3 号)要求,我单位及时布置自 评任务,填写自评 表格,形成本评价报告。 一、部门基本情况 "
        "(一)部门职能 我局负责全市交通运输规划的拟订和实施。"]))
    assert doc is not None and doc.kind is S
    assert doc.year == 2023 and doc.unit == "示例市交通运输局"


@pytest.mark.parametrize("title", ["示例县农业农村局2023年度预算绩效管理考核自评报告",
                                   "示例县农业农村局2023年度预算绩效管理工作自查报告"])
def test_a_units_self_assessment_of_its_performance_management_work_is_a_work_summary(title):
    # it scores how the unit ran 绩效目标、监控、评价 (for the finance bureau's 考核), not what its spending achieved
    found = detect("\n".join([
        title,
        "根据县财政局关于开展2023年度预算绩效管理考核工作的通知，我局认真组织自评。经自评，我局得分95分。",
        "一、预算绩效管理工作开展情况",
        "（一）加强组织保障。成立预算绩效管理工作领导小组，明确分工。"]))
    assert found.kind is W and found.year == 2023


def test_a_notice_launching_that_assessment_is_still_not_a_work_summary():
    found = detect("现就2023年度预算绩效管理考核相关事宜通知如下：一、考核内容，二、材料报送，请各预算单位对照考核评分表报送。")
    assert found.kind is None


TARGET_FORM = [
    "绩效目标表",
    "（2023年度）",
    "项目名称示例乡村小学校舍维修资金",
    "项目主管部门示例区教育局项目执行单位示例小学",
    "年度资金总额：12",
    "总体目标年度目标",
    "完成示例小学校舍维修，改善办学条件。",
    "绩效指标一级指标二级指标指标内容指标值",
    "产出指标数量指标校舍维修面积≥800平方米",
    "质量指标维修工程验收合格率100%",
    "社会公众或服务对象满意度指标学生家长满意度≥90%",
]


@pytest.mark.parametrize("title", ["绩效目标表", "示例乡道路维修项目支出绩效目标审批表", "项目绩效目标申报表"])
def test_a_target_form_is_budget_side_never_a_self_evaluation(tmp_path, title):
    # targets and 指标值 only, no 实际完成值 and no 得分: the budget's targets, not an evaluation of the year
    doc, _ = _load(tmp_path, "\n".join(["发布日期：2024-01-05", title, *TARGET_FORM[1:]]))
    assert doc is not None and doc.kind is B
    assert doc.year == 2023  # the form's own '（2023年度）', though published in 2024


def test_a_target_form_known_only_by_the_file_name_a_document_site_gives(tmp_path):
    doc, _ = _load(tmp_path, "\n".join([
        "示例市2024年市直部门预算项目支出绩效目标表.docx", "-", "资源ID:1234", "资源大小:20KB",
        "友情提示", "1、下载后请用常用的浏览器打开。", "2、本站资源均来自网友上传。",
        "项目名称示例办公楼运行保障项目类别本级支出项目成本构成金额保安服务费120保洁服务费80合计200"
        "绩效指标一级指标二级指标绩效标准当年预期实现值数量指标大楼巡检次数200次"]))
    assert doc is not None and doc.kind is B and doc.year == 2024
    assert "文件名" in doc.kind_evidence[0]


def test_a_templates_file_name_names_no_document(tmp_path):
    doc, _ = _load(tmp_path, "\n".join(["2023年XX单位XX项目绩效自评表.docx", "资源ID:99", "友情提示", "下载后打开。"]))
    assert doc is None


def test_a_budget_explanation_is_known_by_its_title_not_by_the_target_forms_it_lists():
    found = detect("\n".join([
        "示例县第二中学2024年部门预算说明", "目 录", "第一部分 2024年部门预算说明", "一、部门基本概况",
        "第二部分 2024年部门预算公开表格", "十一、项目支出绩效目标表", "十二、整体支出绩效目标表"]))
    assert found.kind is B and found.year == 2024
    assert found.evidence[0] == "标题“示例县第二中学2024年部门预算说明”"


def test_a_covers_year_field_is_the_year_evaluated(tmp_path):
    # a cover copied one field a line, pinyin inserted after characters by a conversion site; the document numbers
    # name the year the money came (2022), the filling date the year after (2024): neither is the year evaluated
    doc, _ = _load(tmp_path, "\n".join([
        "項(xiàng)目支出績(jī)效自評(píng)報(bào)告",
        "項(xiàng)目名稱(chēng):示例縣灌區改造工程",
        "評(píng)價(jià)年度:2023",
        "填報(bào)日期:2024年4月20日",
        "一、基本情況",
        "根據示財農〔2022〕12號文件安排下達資金,開展示例縣灌區改造工程。"]))
    assert doc is not None and doc.kind is S and doc.year == 2023
