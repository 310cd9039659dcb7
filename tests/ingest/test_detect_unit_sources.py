"""Where a document states its unit when no title line names it plainly (own wording and names, one case per cause): a
people's organisation by its short name, a template's placeholder left before the name, the unit's sentence with the
year after what it reports, a heading run on into that sentence, the body that decided to carry out what is evaluated,
a catalogue's 发布机构 with the title's place, a publisher's name with a misprinted suffix, a place's own level summed up,
an investment plan's 下达地方或单位 — and what is never a unit (a placeholder alone, a government deciding, a 来源 line's
bare trade name, a place alone)."""

from __future__ import annotations

import pytest

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a people's organisation by the short name it is known by, in a title over two lines
        (
            "示例市残联2031年度一般公共预算财政\n拨款“三公”经费支出决算\n一、“三公”经费支出决算表\n单位:万元\n合 计\t8.4\t7.9",
            "示例市残联",
        ),
        ("示例县侨联2031年部门预算公开说明\n一、部门职责\n", "示例县侨联"),
        # …and its full name is not cut at the short one
        ("示例县工商业联合会2031年部门预算公开说明\n一、部门职责\n", "示例县工商业联合会"),
    ],
)
def test_a_peoples_organisation_by_its_short_name(text, unit):
    assert detect(text).unit == unit


def test_a_templates_placeholder_before_the_name_is_dropped_and_alone_names_nothing():
    title = "附件2:\n××单位示例县南关小学2031年度部门决算公开\n目 录\n第一部分 部门概况\n"
    assert detect(title + "纳入××单位2031年部门汇总决算编制范围的预算单位共计××家。").unit == "示例县南关小学"
    assert (
        detect(
            "附件2:\nXX部门2031年度部门决算公开\n目 录\n第一部分 部门概况\n本部门下属单位包括:XX、XX。"
        ).unit
        == ""
    )


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # the year after what the sentence reports on: '…财政拨款“三公”经费2031年决算情况如下'
        (
            "示例文化馆\n关于财政拨款“三公”经费2031年决算的\n情 况 说 明\n示例县文化馆财政拨款“三公”经费2031年决算情况如下:\n"
            "一、公务接待费\n2031年公务接待费0.36万元。",
            "示例县文化馆",
        ),
        # a heading ending in 说明 run on into the sentence that names the unit
        (
            "一、2031年“三公”经费决算情况表\n(单位:万元)\n合 计\n12.00\n10.50\n"
            "二、2031年“三公”经费财政拨款支出决算情况说明示例市园林绿化管理处2031年度“三公”经费财政拨款支出决算为10.5万元,"
            "完成年初预算的87.5%。",
            "示例市园林绿化管理处",
        ),
    ],
)
def test_the_units_own_sentence_about_its_sangong_accounts(text, unit):
    assert detect(text).unit == unit


@pytest.mark.parametrize(
    ("who", "unit"),
    [
        ("示例市卫生健康委员会", "示例市卫生健康委员会"),
        ("示例市人民政府", ""),  # the level above decides; the unit that carries it out is not said
    ],
)
def test_the_body_that_decided_to_carry_out_what_is_evaluated(who, unit):
    text = (
        "示例市2031年社区托育补助资金绩效评价报告\n一、项目概况\n(一)基本情况\n1.项目背景\n"
        f"托育服务是重要的民生事业。为缓解入托难的问题,{who}决定对2031年社区托育点建设实施补助。\n"
    )
    assert detect(text).unit == unit


PAGE = (
    "{title}\n\n发布时间: 2032-03-02      {label}:{name}           字体:[  ]\n\n{title}\n\n评价指标\t指标名称\t目标值\t分值\n"
    "产出指标\t受助学生人数\t500\t50\n效益指标\t资助对象满意度\t95%\t50\n"
)


@pytest.mark.parametrize(
    ("label", "name", "unit"),
    [
        # the catalogue's issuing body, of the place the title names after its year
        ("发布机构", "教育局", "示例县教育局"),
        ("来源", "政府办", ""),  # who put the page on the site: not whose document it is
        ("发布机构", "财政局", ""),  # a finance bureau publishes every unit's documents
    ],
)
def test_a_catalogues_issuing_body_takes_the_place_the_title_names(label, name, unit):
    title = "2031年度示例县中职助学金项目绩效评价指标表"
    assert detect(PAGE.format(title=title, label=label, name=name)).unit == unit


def test_a_publishers_misprinted_suffix_is_read_as_the_suffix_it_misprints():
    text = (
        "日期:2032-05-06 10:51  来源:示例市示例区科学技术协会会   录入:web\n"
        "2031年科普惠民资金项目绩效自评报告\n一、项目基本情况\n该项目用于科普活动12.5万元。\n二、综合评价结论\n"
    )
    # '协会会' is no misprint of a longer suffix: the name is not read
    assert detect(text).unit == ""
    assert detect(text.replace("协会会", "联会会")).unit == "示例市示例区科学技术联合会"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a provincial finance department publishing the province's own level
        (
            "近日,示例省财政厅公布2031年省级“三公”经费决算。2031年省级“三公”经费支出3.20亿元,比上年减少0.40亿元。"
            "其中,因公出国(境)费0.50亿元,公务用车购置及运行费1.90亿元,公务接待费0.80亿元。",
            "示例省本级",
        ),
        # a district's summary whose reasons speak of its own level's units
        (
            "示例区2031年一般公共预算安排“三公”经费决算数800万元,比上年决算数下降5%。\n"
            "2030年示例区“三公”经费支出决算同比下降的原因主要是:区级各单位严格执行中央八项规定,从严控制“三公”经费。",
            "示例区本级",
        ),
        # …but a summary of the towns and the level together is the whole district
        (
            "2031年度示例区“三公”经费支出决算情况\n经区财政局汇总,各乡(镇)、区本级部门2031年“三公”经费决算支出数为300万元。",
            "示例区",
        ),
    ],
)
def test_a_places_own_level_summed_up(text, unit):
    assert detect(text).unit == unit


@pytest.mark.parametrize(("value", "unit"), [("示例区人民政府", "示例区人民政府"), ("示例区", "")])
def test_an_investment_plans_recipient_is_the_unit_and_a_place_alone_is_not(value, unit):
    text = (
        "示财基指〔2031〕9号\n现下达你区2031年预算800万元,专项用于示例区污水管网改造项目,请按规定专款专用。\n"
        "附件\n示例专项2031年中央预算内投资计划绩效目标表\n专项名称\t示例专项\n"
        f"下达地方或单位\t{value}\n下达中央预算内投资(万元)\t800\n"
    )
    assert detect(text).unit == unit


def test_a_sentence_leading_into_its_colon_is_no_title_and_names_no_year():
    text = (
        "示例区2031年一般公共预算安排“三公”经费决算数800万元,比上年决算数下降5%。\n"
        "2030年示例区“三公”经费支出决算同比下降的原因主要是:各单位从严控制“三公”经费。\n"
        "2031年决算数与2030年决算数对比情况\n年度\t合计\n2030年\t842\n2031年\t800\n"
    )
    assert detect(text).year == 2031


def _site_report(title: str, publisher: str) -> str:
    return "\n".join([
        "索 引 号 000000000/2031-00012 文  号 生成日期 2031-10-20",
        f"发布机构 {publisher} 责任部门 {publisher} 关 键 字 道路",
        "公开方式 主动公开 公开时限 长期公开",
        "",
        title,
        "",
        "一、绩效目标分解下达情况",
        "示例区下达2031年衔接资金80万元,全部用于该项目,资金到位率100%。",
        "二、绩效目标完成情况分析",
        "项目资金已全额支付,支付率100%。",
    ])


@pytest.mark.parametrize(
    ("title", "publisher", "unit"),
    [
        # the title opens with the place the project is in; the bureau the catalogue names evaluated it
        ("示例市示例区青山乡东村道路硬化项目绩效自评报告", "示例区交通运输局", "示例区交通运输局"),
        ("示例区青山镇污水管网改造项目绩效自评报告", "示例市示例区水务局", "示例市示例区水务局"),
        # a government or its finance bureau posts every unit's papers: the place stays
        ("示例市示例区青山乡东村道路硬化项目绩效自评报告", "示例区人民政府", "示例市示例区青山乡"),
        # the place's own spending, not a project of it: the place's report
        ("示例市示例区青山乡2031年度项目支出绩效自评报告", "示例区交通运输局", "示例市示例区青山乡"),
        # a body of another place publishing says nothing of whose the project is
        ("示例市示例区青山乡东村道路硬化项目绩效自评报告", "别处县交通运输局", "示例市示例区青山乡"),
    ],
)
def test_a_title_naming_the_projects_place_gives_way_to_the_catalogues_publisher(title, publisher, unit):
    assert detect(_site_report(title, publisher)).unit == unit


@pytest.mark.parametrize("title", ["2031年度医院财经预算", "2031年学校财务预算"])
def test_a_bodys_budget_titled_by_its_kind_is_read_with_the_unit_its_overview_names(title):
    # the title names the kind of body only; the overview opens with the body and its founding
    text = (f"返回\n综合管理\n\n{title}\n\n来源:本站  时间:2031-01-15\n\n一、单位概况\n\n"
            "示例县第二人民医院始建于1952年5月,占地面积3.2万平方米,是一所集医疗、急救、预防为一体的综合医院。")
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (DocumentKind.BUDGET_DISCLOSURE, "示例县第二人民医院", 2031)


def test_a_section_heading_with_a_budget_word_is_no_title():
    assert detect("一、单位概况\n二、财务预算\n示例局负责全县道路养护。").kind is not DocumentKind.BUDGET_DISCLOSURE


def test_a_line_naming_the_projects_owner_gives_the_owner_without_the_words_before_it():
    text = ("示例片区路网工程项目2031年度绩效自评报告\n一、项目基本情况\n本项目建设道路3条，总长4.2公里。\n"
            "项目业主为示例市临港开发区管委会\n二、绩效目标完成情况\n")
    assert detect(text).unit == "示例市临港开发区管委会"
