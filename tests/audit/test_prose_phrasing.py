"""Claims in real phrasing read by the grammar and checked: the other year's figure printed before the change from
it ('较上年90万元减少5万元'), a change printed without its direction word ('与2022年相比10.50万元，增长9.55%'), a
budget base printed with its figure ('较预算数100万元减少15万元'), another year's budget said to be none ('2023年未
安排该项预算'), items listed in quotes ('“会议费”、“培训费”、“差旅费”预算数…'), the parts of a total by kind of funds
('其中，一般公共预算…，政府性基金预算…'), the two grand totals under one figure ('收、支总计均为…'), and the same
figure stated in two places. Own wording and numbers throughout."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.claims import claims_of, clauses
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

CENTRAL = load_profile("central")


def audited(tmp_path: Path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return audit_document(doc, CENTRAL)


def loud(result) -> list[tuple[str, Tier]]:
    return sorted((f.rule, f.tier) for f in result.findings if f.tier is not Tier.NOTICE)


def unchecked(result) -> list[str]:
    assert result.coverage is not None
    return [u.what for u in result.coverage.unchecked]


def read(sentence: str) -> list[tuple[str, str, str, float, str]]:
    claims, _ = claims_of(sentence)
    return [(c.subject, c.scope, c.measure, float(c.value), c.basis) for c in claims]


# --- the other year's figure before the change, a budget base with its figure ------------------------------------


def test_the_other_years_figure_before_a_change_is_the_previous_years():
    assert read("公务接待费为42万元,较上年50万元减少8万元,下降16%,较预算数60万元减少18万元,下降30%") == [
        ("公务接待费", "", "amount", 420000, ""),
        ("公务接待费", "", "prior", 500000, "上年"),
        ("公务接待费", "", "change", -80000, "上年"),
        ("公务接待费", "", "rate", -16, "上年"),
        ("公务接待费", "", "budget", 600000, ""),
        ("公务接待费", "", "change", -180000, "预算"),
        ("公务接待费", "", "rate", -30, "预算"),
    ]
    assert read("基本支出80.5万元,较上年72.5万元,增加8万元")[1][2:4] == ("prior", 725000)
    assert read("公务接待支出24万元,比上年累计支出30万元下降6万元")[1][2:4] == ("prior", 300000)
    assert read("预算总额为310万元,较2023年的330万元减少20万元")[1][2:4] == ("prior", 3300000)
    assert read("基本支出88.5万元,与上年80.5万元相比,增加8万元")[1][2:4] == ("prior", 805000)


def test_a_figure_after_another_year_with_nothing_after_it_is_not_read_as_either():
    assert [c[2] for c in read("其他收入5.5万元,较上年3.2万元")] == ["amount", "figure"]


SANGONG_WITH_BASES = (
    "示例县财政局2023年度部门决算\n第三部分 情况说明\n七、“三公”经费支出决算情况说明\n"
    "2023年,本级“三公”经费支出决算汇总数为85.00万元,较上年90.00万元减少{change}万元,下降5.56%,"
    "较预算数100.00万元减少15.00万元,下降{budget_rate}%。\n"
)


@pytest.mark.parametrize(
    ("change", "budget_rate", "expected"),
    [
        ("5.00", "15.00", []),
        ("6.00", "15.00", [("narrative.change_amount", Tier.ERROR)]),  # 85 − 90 is −5; the rate holds on them
        ("5.00", "18.00", [("narrative.n2_year_on_year", Tier.ERROR)]),  # 15 ÷ 100 is 15%
    ],
)
def test_changes_are_checked_against_the_figures_printed_beside_them(tmp_path, change, budget_rate, expected):
    result = audited(tmp_path, SANGONG_WITH_BASES.format(change=change, budget_rate=budget_rate))
    assert loud(result) == expected
    assert unchecked(result) == []


# --- a change without its direction word ---------------------------------------------------------------------------


def test_a_change_without_its_word_takes_the_direction_of_the_rate_after_it():
    assert read("其中:财政拨款收入120.50万元,占40.00%,与2022年相比10.50万元,增长9.55%") == [
        ("财政拨款收入", "fiscal", "amount", 1205000, ""),
        ("财政拨款收入", "fiscal", "share", 40, ""),
        ("财政拨款收入", "fiscal", "change", 105000, "上年"),
        ("财政拨款收入", "fiscal", "rate", 9.55, "上年"),
    ]
    assert read("事业收入30万元,与上年相比4万元,下降11.76%")[1][2:4] == ("change", -40000)


INCOME = (
    "示例卫生院2023年度单位决算\n三、收支决算总体情况\n"
    "2023年示例卫生院本年收入合计301.25万元,与2022年相比增加20.00万元,增长7.11%;"
    "其中:财政拨款收入120.50万元,占40.00%,与2022年相比10.50万元,增长{rate}%;"
    "事业收入180.75万元,占60.00%,与2022年相比增加9.50万元,增长5.55%。\n"
)


@pytest.mark.parametrize(
    ("rate", "expected"), [("9.55", []), ("8.71", [("narrative.n2_year_on_year", Tier.ERROR)])]
)
def test_a_change_without_its_word_is_checked_with_its_rate(tmp_path, rate, expected):
    result = audited(tmp_path, INCOME.format(rate=rate))
    assert loud(result) == expected  # 10.50 ÷ 110.00 is 9.55%; 8.71% is 10.50 ÷ 120.50
    assert not any("10.50" in u for u in unchecked(result))


# --- another year's budget said to be none ------------------------------------------------------------------------

RECEPTION = (
    "示例站2024年部门预算\n六、“三公”经费预算情况说明\n"
    "2024年示例站使用财政拨款安排公务接待费预算3.00万元,由于2023年未安排公务接待费预算,"
    "所以公务接待费较2023年预算增加{change}万元。\n"
)


def test_a_budget_said_to_be_none_is_a_previous_years_figure_of_zero():
    assert read("2024年安排政府采购预算1.2万元,同比增加1.2万元,上年无该预算")[-1][2:4] == ("prior", 0)
    assert read("由于2023年未安排公务接待费预算")[0][2:] == ("prior", 0, "上年")


@pytest.mark.parametrize(
    ("change", "expected"), [("3.00", []), ("2.00", [("narrative.change_amount", Tier.ERROR)])]
)
def test_a_change_on_a_budget_of_none_is_checked(tmp_path, change, expected):
    result = audited(tmp_path, RECEPTION.format(change=change))
    assert loud(result) == expected
    assert unchecked(result) == []


# --- items listed in quotes; a total by kind of funds ---------------------------------------------------------------

TRAVEL = (
    "示例中心2024年部门预算\n八、会议费、培训费、差旅费预算情况说明\n"
    '示例中心2024年"会议费"、"培训费"、"差旅费"财政拨款预算数{total}元,其中:会议费2000.00元,'
    "培训费3000.00元,差旅费4000.00元。\n"
)


def test_items_listed_in_quotes_state_their_sum():
    claims, _ = claims_of('2024年"会议费"、"培训费"、"差旅费"财政拨款预算数9000.00元')
    assert [(c.measure, c.basis) for c in claims] == [("figure", '会议费"及"培训费"及"差旅费')]


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        ("9000.00", []),
        ("9500.00", [("narrative.parts_total", Tier.ERROR)]),
        ("8500.00", [("narrative.parts_total", Tier.ERROR)]),
    ],
)
def test_the_sum_of_items_named_together_is_checked_against_them(tmp_path, total, expected):
    # the total names its items: the list is the whole of it, short or over
    result = audited(tmp_path, TRAVEL.format(total=total))
    assert loud(result) == expected
    assert unchecked(result) == []


def test_a_total_by_kind_of_funds_is_read_with_each_kind():
    assert read(
        "包括财政拨款收入500.00万元(其中,一般公共预算480.00万元,政府性基金预算20.00万元,国有资本经营预算0万元)"
    ) == [
        ("财政拨款收入", "fiscal", "amount", 5000000, ""),
        ("财政拨款收入", "general", "amount", 4800000, ""),
        ("财政拨款收入", "fund", "amount", 200000, ""),
        ("财政拨款收入", "state_capital", "amount", 0, ""),
    ]


FUNDS = (
    "示例学校2023年度部门决算\n第三部分 情况说明\n二、收入决算情况说明\n"
    "本年收入合计520.00万元;包括财政拨款收入500.00万元(其中,一般公共预算{general}万元,政府性基金预算20.00万元,"
    "国有资本经营预算0万元),占收入合计96.15%;其他收入20.00万元,占收入合计3.85%。\n"
)


@pytest.mark.parametrize(
    ("general", "expected"), [("480.00", []), ("490.00", [("narrative.parts_total", Tier.ERROR)])]
)
def test_a_total_by_kind_of_funds_is_their_sum(tmp_path, general, expected):
    result = audited(tmp_path, FUNDS.format(general=general))
    assert loud(result) == expected
    assert not any("预算" in u for u in unchecked(result))


# --- the two grand totals under one figure; 专用结余 ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年度收、支总计均为640.20万元",
        "2023年度收、支总计640.20万元",
        "2023年度收、支总计640.20万元,与上年相比,增加12.00万元,增长1.91%",
    ],
)
def test_the_grand_totals_named_together_share_the_figure(sentence):
    assert [(c.subject, c.measure, float(c.value)) for c in claims_of(sentence)[0]][:2] == [
        ("收入总计", "amount", 6402000),
        ("支出总计", "amount", 6402000),
    ]


def test_other_lists_before_one_figure_still_state_their_sum():
    assert [c.measure for c in claims_of("本单位“三公”经费、会议费、培训费支出合计30万元")[0]] == ["figure"]


def test_a_change_for_both_totals_is_read_for_each():
    claims, _ = claims_of("与2022年相比,财政拨款收、支总计各增加12.5万元")
    assert [(c.subject, c.scope, c.measure, float(c.value)) for c in claims] == [
        ("收入总计", "fiscal", "change", 125000),
        ("支出总计", "fiscal", "change", 125000),
    ]
    claims, _ = claims_of("与2022年相比,收、支总计各增加12.5万元,增长2.0%")
    assert [(c.subject, c.measure) for c in claims] == [
        ("收入总计", "change"),
        ("收入总计", "rate"),
        ("支出总计", "change"),
        ("支出总计", "rate"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "此外,使用非财政拨款结余和专用结余0.00万元,年初结转和结余5.00万元",
        "使用非财政拨款结余(含专用结余)0.00万元",
    ],
)
def test_balance_used_with_its_special_reserve_is_named(sentence):
    # its amount, of no scope: '非财政拨款' names none
    assert read(sentence)[0][:3] == ("使用非财政拨款结余", "", "amount")


TOTALS = (
    "示例所2023年度单位决算\n第三部分 情况说明\n一、收入支出决算总体情况说明\n"
    "2023年度收、支总计均为{total}万元。与上年相比,收、支总计各增加12.00万元。\n"
    "本年收入合计600.00万元,此外,使用非财政拨款结余和专用结余0.00万元,年初结转和结余40.20万元。\n"
    "本年支出合计630.20万元,结余分配0.00万元,年末结转和结余10.00万元。\n"
)


@pytest.mark.parametrize(("total", "tier"), [("640.20", None), ("650.20", Tier.ERROR)])
def test_the_grand_totals_named_together_are_checked_against_their_parts(tmp_path, total, tier):
    result = audited(tmp_path, TOTALS.format(total=total))
    assert [
        f.tier for f in result.findings if f.rule == "narrative.totals_balance" and f.tier is not Tier.NOTICE
    ] == ([tier] if tier else [])
    if tier is None:
        assert unchecked(result) == [
            "未核对：与上年相比,收、支总计各增加12.00万元。"
        ]  # no last year's totals


# --- the same figure stated in two places ---------------------------------------------------------------------------

RESTATED = (
    "示例委员会2023年度部门决算\n第三部分 情况说明\n七、“三公”经费财政拨款支出决算情况说明\n"
    "2023年度“三公”经费财政拨款支出决算为40000.00元。2023年度“三公”经费支出决算中,因公出国(境)费支出0元,占0%;公务用车购置及运行维护费支出25000.00元,占62.5%;"
    "公务接待费支出15000.00元,占37.5%。具体情况如下:\n"
    "1.因公出国(境)费支出0元,共安排因公出国(境)团组0个,累计0人次。\n"
    "2.公务用车购置及运行维护费支出{car}元。\n"
    "3.公务接待费支出15000.00元。\n"
)


def test_a_sangong_item_restated_is_checked_against_its_first_statement(tmp_path):
    result = audited(tmp_path, RESTATED.format(car="25000.00"))
    assert loud(result) == []
    assert [u.split("（")[0] for u in unchecked(result)][-2:] == [
        "未核对：因公出国(境)费 0个",
        "未核对：因公出国(境)费 0人次",
    ]
    assert not any("25000.00元（" in u or "15000.00元（" in u for u in unchecked(result))


def test_a_sangong_item_restated_otherwise_is_suspect(tmp_path):
    result = audited(tmp_path, RESTATED.format(car="52000.00"))
    assert loud(result) == [("narrative.restated", Tier.WARNING)]


TWO_CHANGES = (
    "示例卫生院2023年度单位决算\n三、收支决算总体情况\n"
    "本年收入合计300.00万元,其中:财政拨款收入120.00万元,占40.00%,与2022年相比增加10.00万元,增长9.09%。\n"
    "四、财政拨款收入支出决算总体情况说明\n示例卫生院2023年度财政拨款收入决算总计120.00万元。"
    "与2022年相比增加{change}万元,增长9.09%。\n"
)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("10.00", []),
        ("12.00", [("narrative.n2_year_on_year", Tier.ERROR), ("narrative.restated", Tier.WARNING)]),
    ],
)
def test_one_figure_with_two_different_changes_is_suspect(tmp_path, change, expected):
    assert loud(audited(tmp_path, TWO_CHANGES.format(change=change))) == expected


# --- where a clause ends; a unit misprinted --------------------------------------------------------------------------


def test_a_comma_before_a_year_ends_a_clause_a_comma_in_a_number_does_not():
    assert clauses("因公出国(境)费支出8.5万元,2022年预算增加1.5万元") == [
        "因公出国(境)费支出8.5万元",
        "2022年预算增加1.5万元",
    ]
    assert clauses("支出1,234.50万元") == ["支出1,234.50万元"]


@pytest.mark.parametrize(("basic", "tier"), [("88.5", Tier.NOTICE), ("89.5", Tier.ERROR)])
def test_a_unit_misprinted_on_this_years_figure_is_named(tmp_path, basic, tier):
    text = (
        "示例学校2023年度部门决算\n第三部分 情况说明\n二、支出决算情况说明\n"
        f"本年支出合计88.5万元,较上年80.5万元,增加8万元,其中:基本支出{basic}元,较上年80.5万元,增加8万元。\n"
    )
    [finding] = [f for f in audited(tmp_path, text).findings if f.rule == "narrative.change_amount"]
    # read in 万元 as the rest of the sentence, 88.5 agrees: a misprinted unit; 89.5 does not either way
    assert finding.tier is tier and ("疑单位误写为“元”" in finding.message) is (tier is Tier.NOTICE)


# --- one sum of money dated to two years ----------------------------------------------------------------------------

SUBSIDY_REPORT = (
    "示例县学生资助资金2024年度绩效自评报告\n"
    "一、基本情况\n(一)项目概况。\n"
    "该项目在2024年度安排预算318.426万元。2024年实际发放学生资助资金318.426万元,惠及学生1200人次。\n"
    "二、绩效情况分析\n(一)资金情况分析。\n"
    "{year}年上级下达学生资助项目资金共计318.426万元,实际支出318.426万元,资金执行率100%。\n"
)


@pytest.mark.parametrize(
    ("year", "expected"), [("2024", []), ("2023", [("narrative.figure_year", Tier.WARNING)])]
)
def test_one_sum_dated_to_two_years_is_suspect(tmp_path, year, expected):
    result = audited(tmp_path, SUBSIDY_REPORT.format(year=year))
    assert [(r, t) for r, t in loud(result) if r != "reading.nothing_read"] == expected


def test_a_sum_said_to_equal_last_years_is_not_a_slip(tmp_path):
    text = SUBSIDY_REPORT.format(year="2023").replace("2023年上级下达", "与上年持平,2023年上级下达")
    assert [r for r, _ in loud(audited(tmp_path, text)) if r != "reading.nothing_read"] == []


# --- counts: thousands separators, kinds of vehicles, named bodies ---------------------------------------------------


def test_a_count_with_a_thousands_separator_is_read_whole():
    assert read("公务用车总数1,280辆")[0][:4] == ("公务用车", "", "count", 1280)


VEHICLES = (
    "示例局2023年度部门决算\n第三部分 情况说明\n十、其他重要事项的情况说明\n"
    "截至2023年12月31日,本部门共有车辆{total}辆,其中:一般公务用车2辆、执法执勤用车3辆、特种专业技术用车1辆、其他用车0辆。\n"
)


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        ("6", []),
        ("5", [("narrative.vehicle_kinds", Tier.ERROR)]),  # six vehicles of the kinds listed
        ("7", [("narrative.vehicle_kinds", Tier.WARNING)]),  # a kind may be unlisted
    ],
)
def test_the_kinds_of_vehicles_add_up_to_the_fleet(tmp_path, total, expected):
    result = audited(tmp_path, VEHICLES.format(total=total))
    assert loud(result) == expected
    assert unchecked(result) == []


BODIES = (
    "示例局2023年度部门决算\n第一部分 部门概况\n一、机构设置\n"
    "本局内设机构{count}个,分别是:办公室、综合股(挂统计股牌子)、财务股、业务股。"
    "下属事业单位2个,即示例服务中心和示例信息中心。\n"
)


@pytest.mark.parametrize(("count", "expected"), [("4", []), ("5", [("narrative.named_count", Tier.WARNING)])])
def test_the_bodies_named_are_as_many_as_stated(tmp_path, count, expected):
    result = audited(tmp_path, BODIES.format(count=count))
    assert [(r, t) for r, t in loud(result) if r.startswith("narrative.")] == expected
    assert not any("个" in u for u in unchecked(result))


@pytest.mark.parametrize(
    "text",
    [
        "本局下设办公室、财务股等5个股室。",  # names before the count, '等': not the whole list
        "本局设置事业机构5个:示例服务中心、示例信息中心、示例培训",  # cut off
        "本局内设机构2个,即劳动就业和社会保障服务所、示例服务中心。",  # '和' inside a name
    ],
)
def test_lists_that_may_not_be_whole_are_not_counted(tmp_path, text):
    head = "示例局2023年度部门决算\n第一部分 部门概况\n一、机构设置\n"
    assert [r for r, _ in loud(audited(tmp_path, head + text + "\n")) if r == "narrative.named_count"] == []
