"""A lone 三公 section of a jurisdiction's departments, set against the year's budget: read as a 决算 statement, its
total checked against the items listed after it (in the next sentence, and in brackets), and the total's change
against the items' changes (“持平” is zero)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

SECTION = ("经示例市财政局汇总，2023年示例市市本级各部门使用财政拨款安排“三公”经费支出总额为{total}万元，"
           "比年初预算减少{change}万元。其中：因公出国（境）费0万元，和年初预算持平；公务用车购置及运行维护费"
           "{car}万元（其中：公务用车购置费{buy}万元，公务用车运行维护费1,204.60万元），比年初预算增加{car_change}万元；"
           "公务接待费318.25万元，比年初预算减少{guest_change}万元。\n"
           "公务接待费低于预算数的主要原因是严格控制接待范围。\n")
CONSISTENT = {"total": "2,010.05", "change": "95.40", "car": "1,691.80", "buy": "487.20", "car_change": "12.35",
              "guest_change": "107.75"}


def findings(tmp_path, **changes):
    doc, found = audit_text(tmp_path, SECTION.format(**(CONSISTENT | changes)))
    return doc, [f for f in found if f.rule in ("narrative.parts_total", "narrative.n3_sangong_changes")]


def test_read_as_final_accounts_and_consistent_text_is_quiet(tmp_path):
    doc, found = findings(tmp_path)
    assert doc.kind.value == "disclosure" and doc.year == 2023
    assert found == []
    assert not [f for f in audit_text(tmp_path, SECTION.format(**CONSISTENT))[1] if f.tier is not Tier.NOTICE]


@pytest.mark.parametrize(("changes", "row", "tier"), [
    ({"total": "2,100.05"}, "三公经费", Tier.ERROR),          # 0 + 487.20 + 1,204.60 + 318.25 = 2,010.05
    ({"total": "2,010.06"}, "三公经费", Tier.NOTICE),         # one cent: a rounding residue
    ({"buy": "478.20"}, "公务用车购置及运行维护费", Tier.ERROR),  # the bracketed parts no longer make the whole
    ({"change": "59.40"}, "三公经费增减", Tier.ERROR),        # 0 + 12.35 − 107.75 = −95.40
])
def test_planted_fault_found_at_its_row(tmp_path, changes, row, tier):
    _, found = findings(tmp_path, **changes)
    assert [(f.location.row, f.tier) for f in found] == [(row, tier)]  # one fault, one finding


def test_change_after_a_bracket_belongs_to_the_subject_before_it():
    claims, _ = claims_of("公务用车购置及运行维护费90.00万元（其中：公务用车购置费30.00万元，公务用车运行维护费60.00万元），"
                          "比上年增加5.00万元")
    [change] = [c for c in claims if c.measure == "change"]
    assert change.subject == "公务用车购置及运行维护费"


def test_held_level_with_the_budget_is_a_comparison_of_zero():
    claims, _ = claims_of("因公出国（境）费0万元，和年初预算持平")
    [compare] = [c for c in claims if c.measure == "compare"]
    assert compare.basis == "预算" and compare.value == 0


def test_the_standard_wording_of_the_sangong_total_is_an_amount():
    claims, _ = claims_of("2023年“三公”经费财政拨款支出决算为8.20万元，较上年增加1.20万元，增长17.14%")
    assert [(c.subject, c.measure) for c in claims][:1] == [("三公经费", "amount")]


def test_goods_and_services_spending_is_not_procurement():
    claims, _ = claims_of("商品和服务支出预算 165247.88 元")
    assert [c.subject for c in claims] == ["商品和服务支出"]  # the economic class, not 政府采购服务


RATE_AND_SHARES = ("(一)总体情况\n2023年“三公”经费财政拨款支出决算为8.20万元，较上年增加1.20万元，增长{rate}%。\n"
                   "(二)具体情况\n2023年“三公”经费财政拨款支出决算中，因公出国（境）费0万元，占0%；公务用车购置及运行维护费"
                   "支出6.15万元，占{car}%；公务接待费支出2.05万元，占25.00%。\n")


@pytest.mark.parametrize(("rate", "car", "rules"), [
    ("17.14", "75.00", []),
    ("0.17", "75.00", ["narrative.n2_year_on_year"]),   # 1.20 ÷ 7.00 = 17.14%
    ("17.14", "0.75", ["narrative.n2_percentages"]),    # 6.15 ÷ 8.20 = 75.00%: the one 三公 total the text states
])
def test_rate_and_shares_against_the_stated_total(tmp_path, rate, car, rules):
    _, found = audit_text(tmp_path, RATE_AND_SHARES.format(rate=rate, car=car))
    assert sorted(f.rule for f in found if f.tier is Tier.ERROR) == rules
    assert not [f for f in found if f.tier is Tier.WARNING]


def test_a_sum_is_shown_in_the_unit_the_text_prints(tmp_path):
    text = "六、基本支出决算情况说明\n2023年一般公共预算基本支出 905000.00 元，其中：人员经费 800000.00 元，公用经费 95000.50 元。\n"
    _, found = audit_text(tmp_path, text)
    [error] = [f for f in found if f.rule == "narrative.parts_total"]
    assert error.tier is Tier.ERROR and "895,000.50 元" in error.message


def test_spending_cut_and_raised_are_changes():
    claims, _ = claims_of("公车购置及运行维护费支出150.00万元，比上年减支20.00万元，降低11.76%")
    assert [(c.subject, c.measure, c.value) for c in claims if c.measure in ("change", "rate")] == [
        ("公务用车购置及运行维护费", "change", -200000), ("公务用车购置及运行维护费", "rate", Decimal("-11.76"))]
    [change] = [c for c in claims_of("公务接待费比上年增支1.50万元")[0] if c.measure == "change"]
    assert change.value == 15000


PAGE = ("—4—\n（一）本单位2023年度总收入{total}万元，其中本年收\n入250.00万元，较2022年度决算数减少10.00万\n"
        "元，下降3.85%。收入具体情况如下。\n1.财政拨款收入240.00万元，为本级财政当年拨\n付的资金。较2022年度决算数减少{cut}万元，下\n"
        "降{rate}%。\n2.其他收入10.00万元，为其他渠道取得的收入。\n3.上年结转和结余60.00万元，为以前年度结\n转的资金。\n")


@pytest.mark.parametrize(("total", "cut", "rate", "found"), [
    ("310.00", "12.00", "4.76", []),
    ("310.01", "12.00", "4.76", [("narrative.parts_total", Tier.NOTICE)]),     # a cent: rounding
    ("300.00", "12.00", "4.76", [("narrative.parts_total", Tier.ERROR)]),      # the parts exceed the whole
    ("330.00", "12.00", "4.76", [("narrative.parts_total", Tier.WARNING)]),    # 20.00 short: perhaps the unstated
    ("310.00", "12.00", "9.76", [("narrative.n2_year_on_year", Tier.ERROR)]),  # 12 ÷ 252: a sentence that goes on
])
def test_a_page_of_income_explained_line_by_line(tmp_path, total, cut, rate, found):
    doc, findings = audit_text(tmp_path, PAGE.format(total=total, cut=cut, rate=rate))
    assert doc.kind.value == "disclosure" and doc.year == 2023
    assert [(f.rule, f.tier) for f in findings] == found


RUN_ON = ("2025年一般公共预算“三公”经费预算安排{total}万元，与上年预算持平：一、2025年因公出国（境）费预算30万元，主要原因是"
          "开展对外交流，二、2025年公务用车购置及运行费预算50万元，主要原因是车辆老化，三、2025年公务接待费预算20万元，"
          "主要原因是严控接待。\n")


@pytest.mark.parametrize(("total", "rules"), [("100", []), ("120", ["narrative.parts_total"])])
def test_a_run_on_budget_list_is_read_past_each_reason(tmp_path, total, rules):
    doc, found = audit_text(tmp_path, RUN_ON.format(total=total))
    assert doc.kind.value == "budget_disclosure"
    assert [f.rule for f in found if f.tier is Tier.ERROR] == rules
    [statement] = [s for s in doc.disclosure.narrative if s.claims]
    assert "开展对外交流" in statement.reason and "严控接待" in statement.reason


def test_what_money_was_used_for_names_no_subject_and_an_overrun_is_a_change():
    claims, _ = claims_of("1.教育支出900.00万元，主要用于保教工作的人员经费和办公经费，完成年初预算100%，决算数大于预算数")
    assert {c.subject for c in claims} == {"教育支出"}
    [change] = [c for c in claims_of("决算数大于预算数12.50万元")[0] if c.measure == "change"]
    assert (change.value, change.basis) == (125000, "预算")
    [change] = [c for c in claims_of("决算数小于年初预算3万元")[0] if c.measure == "change"]
    assert change.value == -30000


WIDER = ("2023年“三公”经费决算执行情况说明\n"
         "示例区2023年的“三公\"经费决算数合计为{total}万,其中:因公出国(境)费0万元、公务用车购置费120.40万元、公务用车运行维护费"
         "210.15万元、公务接待费30.22万元、会议费15.08万元、培训费24.16万元。2022年的三公经费决算数合计为350.00万,其中:"
         "因公出国(境)费0万元、公务用车购置费100.00万元、公务用车运行维护费180.00万元、公务接待费25.00万元、会议费20.00万元、"
         "培训费25.00万元。\n2023年“三公\"经费决算数相较于上年增加{change}万元。\n")


@pytest.mark.parametrize(("total", "change", "found"), [
    ("400.01", "50.01", []),                                                    # 120.40 + 210.15 + … + 24.16
    ("400.00", "50.00", [("narrative.parts_total", "三公经费", Tier.NOTICE)]),   # a cent: rounding, in 万元
    ("380.00", "30.00", [("narrative.parts_total", "三公经费", Tier.ERROR)]),    # 360.77 without them: wrong either way
    ("400.01", "95.00", [("narrative.change_amount", "三公经费增减额", Tier.ERROR)]),  # 400.01 − 350.00 (2022)
    # 360.77 − 305.00 without 会议费、培训费 on both sides: which scope the change is on is an interpretation
    ("400.01", "55.77", [("narrative.change_amount", "三公经费增减额", Tier.WARNING)]),
])
def test_a_sangong_total_that_takes_in_meetings_and_training(tmp_path, total, change, found):
    """The list under the total names 会议费 and 培训费 and the total is their sum: they are parts of that total (said
    once, as a convention),
    the sum is shown in the unit the text prints, and the total dated to the year before is the base of the change."""
    doc, findings = audit_text(tmp_path, WIDER.format(total=total, change=change))
    assert doc.kind.value == "disclosure" and doc.year == 2023
    scope = [f for f in findings if f.location.row == "三公经费口径"]
    assert [(f.tier, len(f.related)) for f in scope] == [(Tier.WARNING, 0 if total == "380.00" else 1)]
    assert [(f.rule, f.location.row, f.tier) for f in findings if f not in scope] == found
    assert all("万元" in f.message for f in findings if f.rule == "narrative.parts_total" and f not in scope)


CHANGES = ("示例区2023年度“三公”经费决算公开说明\n二、示例区本级一般公共预算财政拨款三公经费支出总体情况\n"
           "2023年度,示例区本级一般公共预算财政拨款三公经费支出合计316.46万元,同比减少{total}万元。\n"
           "其中:因公出国(境)经费0万元,同比减少0万元。公务用车购置及运行费312.40万元,同比减少20.10万元(公务用车购置费0万元,"
           "同比减少0万元;公务用车运行维护费312.40万元,同比减少{run}万元)。公务接待费4.06万元,同比减少0.25万元。\n")


@pytest.mark.parametrize(("total", "run", "found"), [
    ("20.35", "20.10", []),                                              # 0 + 20.10 + 0.25; 0 + 20.10
    ("20.36", "20.10", [("三公经费增减", Tier.NOTICE)]),                   # a cent: rounding
    ("20.10", "20.10", [("三公经费增减", Tier.ERROR)]),                    # 0.25 apart: the '0' hides no cents
    ("20.35", "0", [("公务用车购置及运行维护费增减", Tier.ERROR)]),          # the car item against its own parts
])
def test_changes_of_the_items_against_the_total_at_printed_precision(tmp_path, total, run, found):
    doc, findings = audit_text(tmp_path, CHANGES.format(total=total, run=run))
    assert doc.year == 2023
    assert [(f.location.row, f.tier) for f in findings if f.rule == "narrative.n3_sangong_changes"] == found
