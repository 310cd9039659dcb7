"""Which unit a document is (own wording and names, one case per way published documents name it): a form's own
unit label over the supervising department, a file name as the published title, a site's navigation menu, a place
named in a sentence or by the finance bureau that added up its units, titles after an attachment or part number,
labels in converted Traditional text, placeholder '?' runs, and a 职责 paragraph that names two bureaus."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.core.names import abbreviates
from jixiao.ingest.detect import detect
from jixiao.ingest.pipeline import load_document


def _unit(tmp_path: Path, text: str) -> str:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc, _ = load_document(path)
    assert doc is not None
    return doc.unit


def test_a_file_name_title_names_the_implementing_unit_over_the_supervising_department(tmp_path):
    # the form prints the implementing unit before its label (cells out of order); the file name is the title
    text = ("示例区文旅服务中心2023年度项目自评.pdf\n"
            "财政项目支出绩效自评表 (2023 年度) 场馆维护费 项目名称 主管部门 示例区文化旅游局 年初预算数 全年预算数 "
            "全年执行数 分值 执行率 得分 80000.00 80000.00 72000.00 10 9.00 示例区文旅 服务中心 实施单位 "
            "一级指标 二级指标 产出指标 数量指标 场馆开放天数 300 天 310 天 20 20 总分 99.00")
    assert _unit(tmp_path, text) == "示例区文旅服务中心"


def test_a_forms_own_unit_label_wins_over_the_implementing_unit_even_without_the_place():
    text = ("2021年专项资金项目自评表 单位名称:区农业局 填报日期:2022 年 3 月 1 日 项目名称 2021年专项资金 "
            "主管部门 区农业局 项目实施单位 农技推广站 预算数 (A) 执行数(B) 执行率(B/A) 120.00 120.00 100%")
    assert detect(text).unit == "区农业局"


def test_a_navigation_menu_is_not_the_unit_and_a_duty_sentence_after_a_comma_is():
    text = "\n".join([
        "首页", "机构概况", "新闻中心", "政务公开", "办事服务", "来源:示例驻京办 日期:2024-09-01", "目 录",
        "第一部分 基本情况", "一、部门(单位)职责",
        "根据《示例县人民政府驻北京联络处职能配置规定》(示编〔2023〕5号),示例县人民政府驻北京联络处主要履行以下职责:",
        "(一)负责与在京单位的联络工作。", "第二部分 2023年度部门决算公开表"])
    assert detect(text).unit == "示例县人民政府驻北京联络处"


@pytest.mark.parametrize(("text", "unit"), [
    ("根据政府信息公开的要求,现将示例镇2021年度“三公”经费决算情况公布如下:2021年度“三公”经费18万元,其中公务接待费"
     "6万元,公务用车运行维护费12万元,因公出国(境)费0万元。", "示例镇"),
    ("  示例区2023年的“三公\"经费决算数合计为512.40万,其中:因公出国(境)费0万元、公务用车运行维护费300.10万元、"
     "公务接待费212.30万元。", "示例区"),
    ("经示例市财政局汇总,2024年全市行政单位、事业单位和其他单位使用财政拨款安排“三公”经费预算总额为860万元,其中:"
     "因公出国(境)经费10万元,公务接待费150万元,公务用车购置及运行维护费700万元。", "示例市"),
    ("根据示例市人民代表大会批准的示例市本级2023年预算,2023年市本级一般公共预算安排的“三公”经费支出预算如下:\n"
     "公务接待费120万元,比上年年初预算减少10万元。\n因公出国(境)经费30万元。\n公务用车运行维护费400万元。", "示例市本级"),
])
def test_a_place_named_in_its_own_summary_is_the_unit(text, unit):
    assert detect(text).unit == unit


def test_a_stamped_reporting_unit_label_in_a_form_flattened_on_one_line():
    text = ("项目绩效目标表(2022年度)填报单位(盖章):示例县河口镇人民政府 项目名称集镇道路维修项目属性新增项目"
            "主管部门河口镇主管部门编码项目单位河口镇项目负责人资金总额及构成总额320.5万元")
    assert detect(text).unit == "示例县河口镇人民政府"


def test_a_supervising_department_label_fused_with_its_value_ends_at_the_executing_unit():
    text = "绩效目标表\n(2021年度)\n项目名称校舍维修补助资金\n项目主管部门示例区教育局项目执行单位示例小学\n年度资金总额:20"
    assert detect(text).unit == "示例区教育局"


def test_a_transfer_forms_fund_using_unit_wins_over_its_local_supervising_departments():
    text = ("农村供水保障补助资金绩效自评表\n(2023年度) | |||\n转移支付(项目)名称 | 农村供水保障补助资金 | ||\n"
            "中央主管部门 | 示例部 | ||\n地方主管部门 | 示例省水利厅 示例市水利局 |\n资金使用单位 | 示例县水利服务中心 | ||\n")
    assert detect(text).unit == "示例县水利服务中心"


@pytest.mark.parametrize(("text", "unit"), [
    ("附件 1 示例市文学艺术界联合会 2021 年部门综合预算 目 第一部分 录 部门概况 一、部门主要职责", "示例市文学艺术界联合会"),
    ("\n4\n示例市第九小学人员编制总数 60 名。\n第二部分:示例市第九小学 2022 年单位预算及“三公”\n经费预算情况说明\n"
     "一、单位收支预算总体预算情况说明\n2022 年收支总预算 5200000.00 元。", "示例市第九小学"),
])
def test_a_title_after_an_attachment_or_part_number(text, unit):
    assert detect(text).unit == unit


def test_a_stamped_budget_unit_label_in_traditional_text_with_pinyin(tmp_path):
    text = ("項(xiàng)目支出績(jī)效自評(píng)報(bào)告\n項(xiàng)目名稱(chēng):示例縣堤防加固工程\n"
            "評(píng)價(jià)年度:2023\n預(yù)算部門(mén)單位(公章):示例縣林業(yè)局\n一、基本情況\n")
    assert _unit(tmp_path, text) == "示例县林业局"


def test_placeholder_question_marks_for_lost_spaces_do_not_hide_the_heading():
    text = "目??? 錄\n第一部分??? 示例省档案技术中心概况\n第二部分??? 名词解释\n第一部分 部门概况\n一、主要职责\n"
    assert detect(text).unit == "示例省档案技术中心"


def test_a_full_name_in_the_first_heading_wins_over_its_abbreviation_in_a_table_title():
    text = "\n".join(["一、 示例县政协办公室概况", "现有行政编制8名,实有人数12名。",
                      "二、示例县政协办2016年度部门决算表", "1.收入支出决算总表"])
    assert abbreviates("示例县政协办", "示例县政协办公室")
    assert detect(text).unit == "示例县政协办公室"


def test_a_duty_paragraph_naming_two_bureaus_names_neither():
    text = "\n".join(["目 录", "第一部分 部门概况", "第二部分 2020年部门决算表", "一、部门主要职责",
                      "示例新区经济发展局承担新区工业和商务职责。示例新区财政局依法履行出资人职责,监管新区所属企业。"])
    assert detect(text).unit == ""


@pytest.mark.parametrize(("text", "unit"), [
    # the unit glued to 部门 before the year in the title
    ("示例县文化体育局部门2031年度“三公”经费决算情况说明\n2031年度“三公”经费支出决算为3.20万元。", "示例县文化体育局"),
    # a school district is a unit
    ("示例县东河学区2031年部门预算公开说明\n一、部门职责\n", "示例县东河学区"),
    # 'X即Y本级': the name is Y, and a school's 本级 is the school itself
    ("一、部门预算单位构成\n2031年部门预算即示例实验学校本级预算。收入包括经费拨款。", "示例实验学校"),
    # a city's own level added up by its finance bureau: the level, as when the place is written out ('示例市本级')
    ("经示例市财政局汇总，2031年市本级部门（单位）使用财政拨款安排“三公”经费预算总额为300万元。", "示例市本级"),
    # a whole section on one line: the bare name first, the placed one later
    ("七、“三公”经费预算安排情况说明 文广局2031使用财政拨款安排“三公”经费预算4000.00元。 九、政府性基金预算支出情况说明"
     " 示例县文广局2031年没有使", "示例县文广局"),
    # a document site's text with spaces inside words: the town's county split from it
    ("示例镇 2031 年部门预算说明 根据部门预算公开的相关要求，现将示例 市示例镇 2031 年部门预算编制说明如下：", "示例市示例镇"),
])
def test_units_read_from_titles_and_sentences(text, unit):
    assert detect(text).unit == unit


@pytest.mark.parametrize(("text", "unit"), [
    # a form's stamp label '单位(盖章):' and its '部门(单位)名称' row
    ("部门整体支出绩效自评表 | ||||\n单位(盖章):示例县东山镇人民政府 | 填报日期:2032年2月3日 | |||\n"
     "部门(单位)名称 | 示例县东山镇人民政府 | |||\n年度资金总额: | 100.00 | 98.00 |", "示例县东山镇人民政府"),
    # a transfer's form: the unit using the funds, not the local department over it
    ("示例补助资金绩效自评表\n(2031年度) | |||\n地方主管部门 | 示例省示例厅 示例市示例局 |\n资金使用单位 | 示例市东区示例局 | ||\n"
     "全年预算数(A) | 全年执行数(B) |", "示例市东区示例局"),
    # a form flattened into one line: the implementing unit runs on into the next label
    ("1/1年示例项目绩效目标自评表填报日期:总分:分项目名称示例学院年示例项目主管部门示例省示例厅项目实施单位示例学院"
     "项目类别、部门预算项目☑", "示例学院"),
    # a document site's page: its pages numbered '1、' before the title
    ("《示例市示例区示例局2031年度部门整体绩效自评表.docx》由会员分享\n1、示例市示例区示例局2031年度部门整体绩效自评表主管部"
     "n示例市示例区示例局部门联系人", "示例市示例区示例局"),
    # a form for all departments of a city's level names none of them (and an OCR-garbled label names nothing)
    ("1、示例市本级部门项目支出绩效自评表(2031年)项目名称示例经费主管部门示例市示例局实施第位自评得分98", ""),
])
def test_units_read_from_form_labels_and_shared_pages(text, unit):
    assert detect(text).unit == unit


@pytest.mark.parametrize(("text", "unit"), [
    # a centre named by its trade alone, with no place anywhere: whose it is is not said
    ("一、绩效目标设置情况\n按照费随事定的原则，2031年便民服务中心专项资金80万元，全部设定了绩效目标。\n"
     "二、政府采购情况说明\n2031年预算没有安排政府采购资金\n三、国有资本经营预算支出情况说明\n2031年没有安排国有资本经营预算\n"
     "四、国有资产占有情况\n截至2030年底，便民服务中心共有固定资产52.30万元\n", ""),
    # …and with a title that opens with the place: that place's centre
    ("示例区2031年部门预算其他事项说明\n一、国有资产占有情况\n截至2030年底，便民服务中心共有固定资产52.30万元。\n"
     "二、政府采购情况\n2031年未安排政府采购预算。\n", "示例区便民服务中心"),
])
def test_a_centre_named_by_its_trade_alone_is_no_unit_without_its_place(text, unit):
    assert detect(text).unit == unit


WORK_PAGE = ("示例新区(示例区){title}\n\n信息来源:财政局  更新时间:2031-05-06 10:20\n\n"
             "    {body}\n\n总体来看，我区预算绩效管理不断深入。\n")


def test_a_work_summary_published_by_a_bare_bureau_is_that_bureau_of_the_title_place(tmp_path):
    text = WORK_PAGE.format(title="预算绩效工作开展情况说明", body=(
        "项目绩效情况:本年度从区级预算绩效管理项目中选取5个项目开展重点评价,涉及资金1200万元。"
        "经第三方机构评审,等级为良好的项目3个,占60%。"))
    assert detect(text).unit == _unit(tmp_path, text) == "示例新区(示例区)财政局"


def test_a_budget_published_by_a_bare_finance_bureau_is_not_that_bureau(tmp_path):
    # a finance bureau publishes every unit's budget: the page's publisher does not say whose this one is
    text = WORK_PAGE.format(title="2031年部门预算公开说明", body="一、收支预算总体情况\n2031年收入预算合计300万元，支出预算合计300万元。")
    assert _unit(tmp_path, text) == ""


@pytest.mark.parametrize(("tail", "unit"), [
    # a scanned form run together: the 实施单位 label misread ('实施第位') and its value displaced past the next label
    ("42.542.5100%", "示例市第三小学"),
    # …but a second name of the department's place leaves the implementer in doubt
    ("按示例市财政局要求执行42.542.5100%", ""),
])
def test_a_scanned_forms_displaced_implementer_is_the_one_other_name_of_the_departments_place(tail, unit):
    text = ("1、示例市本级部门项目支出绩效自评表(2031年)项目名称校舍维护经费主管部门示例市教育局实施第位自评得分95财政审核评分"
            f"示例市第三小学项目资金(万元)年度资金总额{tail}")
    assert detect(text).unit == unit


def test_a_levels_summary_names_the_level_with_the_place_its_title_writes_out():
    text = ("示例市示例区2031年“三公”经费预算汇总情况说明\n经示例市示例区财政局汇总,2031年示例区本级部门,包括区级行政单位、"
            "事业单位和其他单位使用财政拨款安排“三公”经费预算总额为500万元,其中:因公出国(境)费用0万元,公务接待费200万元,"
            "公务用车购置及运行维护费300万元。\n")
    assert detect(text).unit == "示例市示例区本级"


@pytest.mark.parametrize(("text", "unit"), [
    # a form's label sharing its cell with the next one, their values likewise
    ("示例项目绩效目标自评表(2031年度)项目总得分96分项目名称示例项目项目实施单位/项目负责人示例区农技站/王五"
     "主管部门示例区农业农村局", "示例区农技站"),
    # the implementing unit said in a sentence, with its short name after it
    ("关于2031年度示例县托育专项资金的绩效评价报告\n受示例县财政局委托,示例会计师事务所对该资金进行了绩效评价。\n"
     "托育专项资金用于全县托育机构建设。项目组织实施单位为示例县卫生健康局(以下简称“县卫健局”)。", "示例县卫生健康局"),
    # the body that did the self-evaluation, its short name saying the level its full name leaves out
    ("示例省托育补助资金(省对下转移支付)项目2031年度绩效自评报告\n根据有关规定,示例托育协会(以下简称“省托协”)成立自评工作组,"
     "对示例省托育补助资金进行绩效自评,我公司受托协助。", "示例省托育协会"),
    # a form's row '部门 | 示例中心'
    ("部门整体支出绩效自评表\n(2031年度)\t\t\n部门\t示例县茶园建设服务中心\t\t\t\n预算资金 (万元)\n年初预算数\t全年预算数\t全年执行数",
     "示例县茶园建设服务中心"),
    # a bureau named by its level alone, in a text that names one city's finance bureau
    ("一、项目基本情况\n示例站房扩建需增加投资120万元。\n二、自评工作开展情况\n我局成立了绩效工作领导小组。\n"
     "按照《示例市财政局关于2031年部门预算的批复》,市财政下达市交通运输局示例站房扩建工程建设经费96万元。", "示例市交通运输局"),
    # the department of a budget's explanation, named with its units
    ("(一)机关运行经费\n2031年机关运行经费预算12.50万元。\n另外,示例市民政局下属共有 3 个事业单位,事业运行经费预算 80.20 万元。",
     "示例市民政局"),
    # a table's caption: the unit after its budget code, then the budget year and the amount unit
    ("2031年部门预算信息公开目录\n部门预算公开表\n901示例县东岭镇财政所\t预算年度:2031\t单位:万元\n序号\t收入\t支出", "示例县东岭镇财政所"),
])
def test_units_named_in_form_rows_sentences_and_captions(text, unit):
    assert detect(text).unit == unit


def test_a_schools_short_name_abbreviates_its_full_name():
    assert abbreviates("示例三中", "示例市第三中学") and abbreviates("示例二小", "示例县第二小学")
    assert not abbreviates("示例三中", "示例市第三中心")
