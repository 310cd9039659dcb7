"""The base a percentage is taken on, read from the wording around it: a share of the whole its own sentence states,
a rate written in brackets after its change, last year's figure implied by this year's and the change. Own wording
and figures, reproducing layouts of real explanations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

W = Decimal(10000)

SHARE_OF_OWN_WHOLE = """第三部分 2022年度部门决算情况说明
三、支出决算情况说明
本年支出合计2000.00万元,其中:基本支出1800.00万元,占90.00%;项目支出200.00万元,占10.00%。
六、一般公共预算财政拨款基本支出决算情况说明
2022年度财政拨款基本支出1600.00万元,其中:人员经费{personnel}万元,占基本支出的{share}%,主要包括基本工资300.00万元。
"""


def _share_findings(tmp_path, personnel: str, share: str):
    _, findings = audit_text(tmp_path, SHARE_OF_OWN_WHOLE.format(personnel=personnel, share=share))
    return [f for f in findings if f.rule == "narrative.n2_percentages"]


def test_a_share_is_taken_on_the_whole_its_own_sentence_states(tmp_path):
    # 800 ÷ 1600 = 50.00%; the 基本支出 of all funds stated earlier (1800) is another figure, not this base
    assert _share_findings(tmp_path, "800.00", "50.00") == []


def test_a_wrong_share_of_the_own_whole_is_still_certain(tmp_path):
    [hit] = _share_findings(tmp_path, "800.00", "45.00")
    assert hit.tier.name == "ERROR" and hit.expected == "50.00" and "1600" in hit.message.replace(",", "")


SHARE_OF_AMBIGUOUS_WHOLE = """第三部分 2022年度部门决算情况说明
三、支出决算情况说明
本年支出合计2000.00万元,其中:基本支出1800.00万元,占90.00%;项目支出200.00万元,占10.00%。
五、财政拨款支出决算情况说明
2022年度财政拨款支出1800.00万元,主要用于以下方面:基本支出1600.00万元,占88.89%;项目支出200.00万元,占11.11%。
六、人员经费说明
人员经费800.00万元,占基本支出的50.00%。
"""


def test_a_share_of_a_whole_stated_with_several_figures_is_not_certain(tmp_path):
    _, findings = audit_text(tmp_path, SHARE_OF_AMBIGUOUS_WHOLE)
    # 基本支出 is stated as 1800 (all funds) and 1600 (财政拨款): which one the share means is not known
    assert not [f for f in findings if f.rule == "narrative.n2_percentages" and f.tier.name == "ERROR"]


# --- a rate written in brackets after its change -------------------------------------------------------------

def test_a_rate_in_brackets_after_a_change_is_read_as_its_rate():
    claims, _ = claims_of("公务接待费4.20万元,较上年减少0.8万元(16.00%),主要是压缩接待。")
    assert [(c.measure, c.value, c.basis) for c in claims if c.measure in ("change", "rate")] == [
        ("change", Decimal("-0.8") * W, "上年"), ("rate", Decimal("-16.00"), "上年")]
    claims, _ = claims_of("会议费3万元，较2019年预算增加1万元（增长50%）。")
    assert [(c.measure, c.basis) for c in claims if c.measure in ("change", "rate")] == [("change", "预算"), ("rate", "预算")]


BRACKETED = ("示例区畜牧站2020年部门预算“三公”经费公开说明\n一、“三公”经费情况说明\n"
             "1、公务接待费4.20万元,较上年减少0.8万元({rate}%),主要是压缩接待。\n")


@pytest.mark.parametrize(("rate", "tier"), [("16.00", None), ("19.05", Tier.ERROR), ("15.99", Tier.NOTICE)])
def test_a_bracketed_rate_is_taken_on_last_years_figure(tmp_path, rate, tier):
    # last year 4.20 + 0.8 = 5.00, so 0.8 ÷ 5.00 = 16.00%; 19.05% is 0.8 ÷ 4.20 (this year's figure as the base)
    doc, findings = audit_text(tmp_path, BRACKETED.format(rate=rate))
    assert doc.kind.value == "budget_disclosure"
    assert [f.tier for f in findings if f.rule == "narrative.n2_year_on_year"] == ([tier] if tier else [])


# --- a budget's change on last year's budget, last year's figure implied -----------------------------------

BUDGET_CHANGE = ("示例镇人民政府2024年部门预算\n十一、其他重要事项的情况说明\n(一)机关运行经费\n"
                 "2024年,示例镇人民政府的机关运行经费财政拨款预算为60.00万元,比上年增加20.00万元,增长{rate}%。\n")


@pytest.mark.parametrize(("rate", "tier"), [("50.00", None), ("33.33", Tier.ERROR)])
def test_a_budgets_growth_is_taken_on_last_years_budget(tmp_path, rate, tier):
    # last year 60 − 20 = 40: 20 ÷ 40 = 50%; 33.33% divides by this year's 60
    _, findings = audit_text(tmp_path, BUDGET_CHANGE.format(rate=rate))
    assert [f.tier for f in findings if f.rule == "narrative.n2_year_on_year"] == ([tier] if tier else [])


BUDGET_WITH_BASE = ("示例中心2024年度单位预算\n二、收入预算情况说明\n"
                    "2024年度收入预算500.00万元,比2023年年初预算数600.00万元减少100.00万元,下降{rate}%。\n")


@pytest.mark.parametrize(("rate", "tier"), [("16.67", None), ("20.00", Tier.ERROR)])
def test_the_budget_stated_as_the_base_is_not_this_years(tmp_path, rate, tier):
    _, findings = audit_text(tmp_path, BUDGET_WITH_BASE.format(rate=rate))
    assert [f.tier for f in findings if f.rule == "narrative.n2_year_on_year"] == ([tier] if tier else [])


# --- the 三公 total's change on another year's budget, the items' on '上年年初预算' ------------------------

SANGONG_CHANGES = ("2024年,一般公共预算安排的“三公”经费支出共计100万元,比2023年预算数减少10万元。\n其中:\n"
                   "公务接待费20万元,比上年年初预算减少{reception}万元。\n"
                   "因公出国(境)费5万元,比上年年初预算增加1万元。\n"
                   "公务用车购置费25万元,比上年年初预算增加4万元。\n"
                   "公务用车运行维护费50万元,比上年年初预算减少10万元。\n")


@pytest.mark.parametrize(("reception", "tier"), [("5", None), ("9", Tier.WARNING)])
def test_item_changes_on_last_years_budget_add_up_to_the_totals(tmp_path, reception, tier):
    doc, findings = audit_text(tmp_path, SANGONG_CHANGES.format(reception=reception))
    assert doc.kind.value == "budget_disclosure" and doc.year == 2024
    assert [f.tier for f in findings if f.rule == "narrative.n3_sangong_changes"] == ([tier] if tier else [])


# --- a total followed by its parts on numbered lines ----------------------------------------------------------

NUMBERED = ("示例县第二小学2024年部门预算公开说明\n二、2024年汇总预算情况\n(一)2024年收入预算{total}万元,其中:\n"
            "1、财政拨款1200.50万元;\n2、专户管理的教育收费180万元;\n3、单位资金收入0万元;\n4、政府性基金安排的收入0元。\n")


@pytest.mark.parametrize(("total", "tier"), [("1380.50", None), ("1392.50", Tier.WARNING), ("1370.50", Tier.ERROR)])
def test_parts_on_numbered_lines_add_up_to_their_total(tmp_path, total, tier):
    # 1200.50 + 180 + 0 + 0 = 1380.50; a total above the parts may hold a part left unlisted (疑似), below it cannot
    doc, findings = audit_text(tmp_path, NUMBERED.format(total=total))
    assert doc.kind.value == "budget_disclosure"
    hits = [f for f in findings if f.rule == "narrative.parts_total"]
    assert [f.tier for f in hits] == ([tier] if tier else [])
    if tier is Tier.WARNING:
        assert "12.00" in hits[0].message and "收入预算" in hits[0].message


def test_numbered_lines_with_several_amounts_are_not_taken_as_parts(tmp_path):
    text = NUMBERED.format(total="1500.00").replace("1、财政拨款1200.50万元;", "1、财政拨款1200.50万元(上年结转20万元);")
    _, findings = audit_text(tmp_path, text)
    assert not [f for f in findings if f.rule == "narrative.parts_total"]


# --- 三公 figures stated with rates only, on two bases ---------------------------------------------------------

RATES_ONLY = ("示例乡2021年“三公”经费决算数共计40万元,比上年预算数字下降20.00%,比上年决算数字下降{actual}%;"
              "其中公务接待费10万元,比上年预算数字下降16.67%,比上年决算数字下降9.09%;"
              "公务用车运行维护费30万元,比上年预算数字下降21.05%,比上年决算数字下降25.00%.下降的主要原因是压缩开支。\n")


@pytest.mark.parametrize(("actual", "tier"), [("21.57", None), ("11.57", Tier.ERROR), ("31.57", Tier.WARNING)])
def test_last_years_figures_implied_by_rates_add_up(tmp_path, actual, tier):
    # 上年预算: 40/0.8 = 50 = 10/0.8333 (12) + 30/0.7895 (38); 上年决算: 10/0.9091 (11) + 30/0.75 (40) = 51, 40/51 → 21.57%
    doc, findings = audit_text(tmp_path, RATES_ONLY.format(actual=actual))
    hits = [f for f in findings if f.rule == "narrative.n3_sangong_changes"]
    assert [f.tier for f in hits] == ([tier] if tier else [])
    if tier is None:
        rates = [c for s in doc.disclosure.narrative for c in s.claims if c.measure == "rate"]
        assert len(rates) == 6


def test_a_figure_named_as_the_subjects_budget_is_its_budget():
    [total, *_] = claims_of("2020年本部门一般公共预算“三公”经费预算支出12.50万元,较上年减少2.50万元(16.67%)。")[0]
    assert (total.subject, total.measure) == ("三公经费", "budget")
    [spent] = claims_of("一般公共预算支出100万元。")[0]
    assert spent.measure == "amount"  # 一般公共预算 names the fund, not the stage


def test_a_budgets_bracketed_rate_is_checked(tmp_path):
    text = ("示例区畜牧站2020年部门预算“三公”经费公开说明\n一、“三公”经费情况说明\n"
            "2020年本部门一般公共预算“三公”经费预算支出12.50万元,较上年减少2.50万元({rate}%)。\n")
    _, findings = audit_text(tmp_path, text.format(rate="16.67"))
    assert not [f for f in findings if f.rule == "narrative.n2_year_on_year"]
    _, findings = audit_text(tmp_path, text.format(rate="20.00"))  # 2.5 ÷ 12.5: this year's figure as the base
    assert [f.tier for f in findings if f.rule == "narrative.n2_year_on_year"] == [Tier.ERROR]


# --- the general budget's spending split into basic and project spending -----------------------------------------

SCOPED_SPENDING = ("示例站2025年部门预算说明\n五、一般公共预算支出情况说明\n"
                   "2025 年一般公共预算拨款支出 {total} 元,其中:基本支出 803400.5 元,项目支出 41200 元,具体支出预算如下:\n")


@pytest.mark.parametrize(("total", "tier"), [("844600.5", None), ("846600.5", Tier.ERROR)])
def test_the_general_budget_spending_is_its_basic_plus_project_spending(tmp_path, total, tier):
    # 803,400.5 + 41,200 = 844,600.5
    _, findings = audit_text(tmp_path, SCOPED_SPENDING.format(total=total))
    assert [f.tier for f in findings if f.rule == "narrative.parts_total"] == ([tier] if tier else [])


def test_parts_of_another_scope_are_not_taken(tmp_path):
    text = SCOPED_SPENDING.format(total="846600.5").replace("其中:基本支出", "其中:财政拨款基本支出")
    _, findings = audit_text(tmp_path, text)
    assert not [f for f in findings if f.rule == "narrative.parts_total"]
