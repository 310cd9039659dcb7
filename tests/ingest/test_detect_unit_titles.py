"""The unit a page names in its own title or words, before any publisher the site shows (own wording and numbers, one
case per layout met in the development corpus): a catalogue's 信息名称 or 标题 label before the title, a second name or
the scope of the accounts in brackets after the name, a title printed with PDF letter spacing (and a body under two
nameplates), a file name numbered by the site, sections headed '关于示例局2031年…情况说明', a report naming itself in
its first sentence, a title's body named again in the text, a summary speaking as '我厅' over its attachments' titles,
a notice's own contact — and what is never a unit: a phrase ending like one ('收入全部'), a place-less name met once, a
contact who is not the issuer."""

from __future__ import annotations

import pytest

from jixiao.ingest.detect import detect
from tests.builders import read_text


def _unit(tmp_path, text: str) -> str:  # type: ignore[no-untyped-def]
    doc, _ = read_text(tmp_path, text, "page.txt")
    assert doc is not None
    return doc.unit


def test_a_catalogue_title_label_names_the_unit_before_the_publisher(tmp_path):
    # the metadata block with its labels letter-spaced, paragraphs apart; the publisher is the county's office, the
    # title the school's
    text = "\n\n".join([
        "决算公开",
        " 索 引 号  jyj/2032-00031",
        " 信息名称  示例县第三幼儿园2031年部门决算公开说明",
        " 公开日期  2032-09-12  失效日期 ",
        " 文  号   发布机构  示例县人民政府办公室",
        " 公开程序 ",
        "一、部门职责及机构设置情况",
        "我园现有幼儿312人,教职工41人,由县教育局主管。",
        "二、2031年度部门决算情况说明",
        "2031年度上年结转和结余资金为12.30万元,本年收入402.15万元,支出398.20万元,年末结转和结余资金为16.25万元。",
    ])
    assert _unit(tmp_path, text) == "示例县第三幼儿园"


def test_a_page_title_label_keeps_the_scope_in_brackets(tmp_path):
    # the metadata block printed twice, the second time a label a line (the last one empty), then the body's
    # paragraphs apart; the publisher is the short name
    title = "标题: 示例市示例区妇女联合会(本级)2031年度部门决算公开情况说明"
    text = "\n".join([
        "索引号: 11500000000000000X/2032-00008 发文字号:",
        "发布机构: 示例区妇联 成文日期: 2032-08-20 发布日期: 2032-08-20",
        title,
        "主题分类: 财政 有效性:",
        "索引号: 11500000000000000X/2032-00008",
        "发文字号:",
        "发布机构: 示例区妇联",
        "成文日期: 2032-08-20",
        title,
        "主题分类: 财政",
        "有效性:",
    ]) + "\n\n" + "\n\n".join([
        "示例市示例区妇女联合会(本级)",
        "2031年度部门决算情况说明",
        "一、部门基本情况",
        "(一)职能职责",
        "团结引领妇女投身经济社会建设,维护妇女儿童合法权益。",
    ])
    assert _unit(tmp_path, text) == "示例市示例区妇女联合会(本级)"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # the scope of a department's accounts, summed over its units
        (
            "一、示例县交通运输局(汇总)概况\n(一)部门职责\n1.贯彻执行交通运输方针政策;\n"
            "二、示例县交通运输局(汇总)2031年度部门决算公开表\n详见附表。\n"
            "三、示例县交通运输局(汇总)2031年度部门决算情况说明\n",
            "示例县交通运输局(汇总)",
        ),
        # a body's second name
        (
            "返回上一级\n示例市示例区图书馆(示例市示例区少儿图书馆)2031年度决算\n主动公开\n示例区文化旅游局\n"
            "第一部分示例市示例区图书馆(示例市示例区少儿图书馆)概况\n一、主要职能\n",
            "示例市示例区图书馆(示例市示例区少儿图书馆)",
        ),
        # …but a remark in brackets is not part of the name
        ("示例县档案馆(含下属事业单位)2031年度部门决算\n一、部门职责\n", "示例县档案馆"),
    ],
)
def test_a_title_keeps_a_second_name_or_the_accounts_scope_in_brackets(text, unit):
    assert detect(text).unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a document site's page chunks, the title's words spaced apart
        (
            "1、2031 年度 示例县 示例镇双语 幼儿园 部门决算公开说明 目 录 第一部分 示例县 示例镇双语幼儿园 单位概况 "
            "一、主要职能、机构设置及人员情况 二、 部门决算单位构成 第二部分 部门决算情况说明 ( 一 ) 部门收入支出决算总体"
            "情况说明\n2、( 二 ) 部门收入总体情况说明",
            "示例县示例镇双语幼儿园",
        ),
        # one body under two nameplates, the names side by side
        (
            "2031 年度 示例职业技术学院 示例广播电视大学 部门决算 目 录 第一部分 单位概况 一、部门职责 二、机构设置 "
            "第二部分 2031 年度部门决算表 一、收入支出决算总表",
            "示例职业技术学院(示例广播电视大学)",
        ),
        # a town and its school are one name, not two
        ("2031 年度 示例县 示例镇 中心学校 部门决算 目 录 第一部分 单位概况 一、部门职责", "示例县示例镇中心学校"),
        # a page's title label spaced apart is no part of the name
        (
            "标      题 示例自治区示例发展委员会2031年度预算绩效管理考核自评报告\n索引号 000000001/2032-00107 文      号\n"
            "发布机构 自治区政府办公厅 发布日期 2032-04-20\n\n示例自治区示例发展委员会2031年度预算绩效管理考核自评报告\n"
            "根据《示例自治区财政厅关于开展2031年度预算绩效管理考核工作的通知》精神,我委认真组织绩效自评工作。\n",
            "示例自治区示例发展委员会",
        ),
        # a part's number before a name without its county: the county is still not named
        ("县委党校2031年度部门决算目 录\n第一部分 县委党校概况\n一、部门主要职责\n二、部门基本情况\n", ""),
    ],
)
def test_a_letter_spaced_title_names_the_unit(text, unit):
    assert detect(text).unit == unit


def test_a_file_name_numbered_by_the_site_names_the_unit(tmp_path):
    text = (
        "8.示例市流浪救助站2031年度单位决算.pdf\n"
        "一、概况 (一)单位职责 1. 对生活无着人员提供临时救助。 (二)机构设置 从预算单位构成看,本单位内设:办公室、"
        "业务科。 二、2031 年度单位决算公开表 详见附表。 三、2031 年度单位决算情况说明 (一)收入支出决算总体情况说明 "
        "2031 年度收入总计 320.50 万元,支出总计 320.50 万元。"
    )
    assert _unit(tmp_path, text) == "示例市流浪救助站"


FIRE_BUDGET = (
    "示例网讯 第九届示例品牌大会 示例榜\n"
    "一、关于示例救援局2031年收支预算情况的总体说明\n"
    "示例救援局预算收入包括:一般公共预算拨款收入、其他收入、上年结转。示例救援局2031年收支总预算1200.00万元。\n"
    "二、关于示例救援局2031年收入预算情况说明\n"
    "示例救援局2031年收入预算1200.00万元,其中:上年结转200.00万元,占16.67%;一般公共预算拨款收入500.00万元,占41.67%;"
    "其他收入500.00万元,占41.67%。\n"
    "三、关于示例救援局2031年财政拨款收支预算情况总体说明\n"
    "示例救援局2031年财政拨款收支总预算500.00万元。收入全部为一般公共预算拨款。\n"
)


def test_sections_about_a_national_body_name_it_as_printed_and_a_phrase_is_no_unit():
    assert detect(FIRE_BUDGET).unit == "示例救援局"
    # one heading only: a bureau without a place could be any place's, and '收入全部' is no body's name
    once = "一、关于示例救援局2031年收支预算情况的总体说明\n2031年收支总预算500.00万元。收入全部为一般公共预算拨款。\n"
    assert detect(once).unit == ""
    # a kindergarten speaking of itself ('我园') names no body
    assert detect("2031年度部门决算情况说明\n我园现有幼儿312人,教职工41人。2031年度本年收入402.15万元。\n").unit == ""


def test_a_report_naming_itself_in_its_first_sentence():
    text = (
        "为做好2031年示例补助资金项目绩效管理工作,根据《示例省财政厅关于印发示例资金绩效管理办法的通知》(示财农〔2029〕"
        "12号),现将2031年示例县农业农村局示例补助资金项目绩效自评总结报告如下:\n"
        "一、绩效目标分解下达情况\n1、示例补助资金下达预算及项目情况\n我县2031年示例道路项目计划投资800万元。\n"
        "二、绩效目标自评完成情况分析\n项目资金共800万元,已完成拨付760.00万元,执行率95%。\n"
    )
    assert detect(text).unit == "示例县农业农村局"


def test_a_titles_body_named_again_in_the_text_beats_the_publisher(tmp_path):
    text = "\n".join([
        "预算绩效管理",
        "- 索引号: 20320101-000001-001",
        "- 发布机构: 示例州卫生健康委员会",
        "- 发布日期: 2032-03-02",
        "示例州第三人民医院示例公共卫生补助资金2031年度绩效自评报告",
        "一、绩效目标完成情况分析",
        "1.项目资金到位情况分析。",
        "示财社发〔2031〕45号文件下达示例州第三人民医院示例公共卫生补助资金3.00万元。",
        "2.项目资金执行情况分析。",
        "补助资金3.00万元,资金已使用3.00万元,结余0万元,资金执行率100%。",
    ])
    assert _unit(tmp_path, text) == "示例州第三人民医院"


@pytest.mark.parametrize(("speaks", "unit"), [("我厅", "示例省农业农村厅"), ("本部门", "")])
def test_a_summary_speaking_as_its_body_over_its_attachments_titles(speaks, unit):
    text = (
        f"根据预算管理要求,2031年度{speaks}开展了部门整体支出绩效自评,涉及一般公共预算支出12,345.60万元。"
        f"{speaks}严格按照省财政厅的要求开展绩效自评工作,自评等次为优秀。\n"
        "附 件:1.示例省农业农村厅2031年度部门整体支出绩效自评报告\n"
        "2.2031 年度“示例产业发展专项资金”绩效自评报告\n"
    )
    assert detect(text).unit == unit


@pytest.mark.parametrize(
    ("contact", "unit"),
    [
        ("如发现问题请及时与我们联系。联系单位:示例师示例市财政局,联系人:王某,联系电话:0000-1234567。", "示例师示例市财政局"),
        # whom to ask is not whose notice it is
        ("如发现问题请与项目实施单位联系。联系单位:示例市示例建设公司,联系人:王某。", ""),
    ],
)
def test_a_notices_own_contact_is_its_unit_and_another_contact_is_not(contact, unit):
    text = (
        "关于公示《2031年示例补助资金文件及绩效目标表》的通知\n"
        "为加强补助资金管理,接受社会监督,现将2031年示例补助资金文件及绩效目标表进行公示。\n"
        f"公示时间为2031年3月1日至2031年3月10日。公示期间,{contact}\n"
        "序号\t文件号\t文件标题\n1\t示财农发[2031]7号\t关于下达2031年示例补助资金的通知\n"
    )
    assert detect(text).unit == unit
