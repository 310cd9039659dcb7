"""A change on the year before stated twice for one figure, and which sentences a finding counts as checked.
Own wording and figures.

- the same item, named alike, in sections of the same fund, with the same amount and two different changes: the two
  statements cannot both hold (确定);
- a change stated without its amount in the all-funds part, against the 财政拨款 part's: compared only when the year's
  income is all 财政拨款, and then as a reading (疑似) that names it; with other income, two different changes;
- a finding on a paragraph counts as checked the sentences of it whose figures it names, not a neighbour that merely
  shares the paragraph's place.
"""

from __future__ import annotations

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

SAME_NAME = """示例区文化馆2032年单位预算公开说明
三、财政拨款支出预算情况说明
2032年财政拨款支出预算120.00万元,比2031年增加6.00万元。基本支出90.00万元,比2031年增加4.00万元,主要是人员调资。
四、财政拨款基本支出情况说明
基本支出90.00万元,比2031年增加{change}万元,其中人员经费70.00万元,公用经费20.00万元。
"""

ALL_FUNDS = """示例镇文化站2032年单位预算公开说明
二、单位收支总体情况
(一)收入预算2032年年初预算数80.00万元,其中:一般公共预算拨款{fiscal}万元,事业收入{other}万元。收入较2031年增加1.00万元。
(二)支出预算2032年年初预算数80.00万元。支出预算较2031年增加3.00万元,主要是基本支出预算增加{bare}万元。
三、财政拨款支出预算情况说明
2032年一般公共预算财政拨款支出{fiscal}万元,比2031年增加1.00万元。其中:基本支出80.00万元,比2031年增加1.00万元,主要是人员调资。
"""


def _restated(tmp_path, text):  # type: ignore[no-untyped-def]
    doc, _ = load_text(tmp_path, text, "budget.txt")
    return [f for f in audit_document(doc, CENTRAL).findings if f.rule == "narrative.restated"]


def test_one_change_of_one_figure_stated_twice_differently_cannot_both_hold(tmp_path):
    # 基本支出 90.00 in two 财政拨款 sections: +4.00 in one, +5.00 in the other
    [finding] = _restated(tmp_path, SAME_NAME.format(change="5.00"))
    assert finding.tier is Tier.ERROR
    assert finding.expected == "增加4.00万元" and finding.actual == "增加5.00万元"


def test_the_same_change_stated_twice_passes(tmp_path):
    assert _restated(tmp_path, SAME_NAME.format(change="4.00")) == []


def test_a_bare_change_of_all_funds_is_compared_when_the_year_is_all_fiscal(tmp_path):
    # all 80.00 of income is 一般公共预算拨款: 基本支出 +3.00 (all funds) beside +1.00 (财政拨款) is a reading
    [finding] = _restated(tmp_path, ALL_FUNDS.format(fiscal="80.00", other="0", bare="3.00"))
    assert finding.tier is Tier.WARNING
    assert "本年收入全部为财政拨款" in finding.message
    assert _restated(tmp_path, ALL_FUNDS.format(fiscal="80.00", other="0", bare="1.00")) == []


def test_a_bare_change_of_all_funds_with_other_income_is_another_change(tmp_path):
    # 事业收入 beside the grant: the all-funds change and the 财政拨款 change are two different figures
    text = ALL_FUNDS.format(fiscal="70.00", other="10.00", bare="3.00").replace("基本支出80.00", "基本支出70.00")
    assert _restated(tmp_path, text) == []


POINTED = """示例县第九中学2031年度部门决算公开
第一部分 部门概况
本校现有教学班20个,在校学生900人,(初中500人,小学460人),其中初中学生寄宿。现有教职工70人,专任教师61人,高级职称18人。
"""


@pytest.mark.parametrize("students", ["900", "1000"])
def test_a_finding_on_a_paragraph_checks_only_the_sentences_it_names(tmp_path, students):
    doc, _ = load_text(tmp_path, POINTED.replace("900", students), "final.txt")
    result = audit_document(doc, CENTRAL)
    assert [f.rule for f in result.findings if f.tier is Tier.ERROR] == (
        ["narrative.count_parts"] if students == "900" else [])
    assert result.coverage is not None
    left = [u.what for u in result.coverage.unchecked]
    # the staff sentence shares the paragraph but no rule read its figures: it stays 未核对 either way
    assert any(u.startswith("未核对：现有教职工70人") for u in left)
    assert not any("在校学生" in u for u in left if students == "900")


# --- a total of the year stated twice ------------------------------------------------------------------------------

TOTALS = """示例县图书馆2032年度单位决算
一、财政拨款支出决算总体情况
2032年度财政拨款支出500.00万元,占本年支出合计的80.00%。
二、财政拨款支出决算具体情况
{second}
"""


@pytest.mark.parametrize(
    ("second", "tier"),
    [
        # both sentences name the year and the fund: 500.00 and 520.00 cannot both be it
        ("2032年度财政拨款支出年初预算为450.00万元,支出决算为520.00万元,完成年初预算的115.56%。", Tier.ERROR),
        ("2032年度财政拨款支出年初预算为450.00万元,支出决算为500.00万元,完成年初预算的111.11%。", None),
        # the year not said in the sentence: the sameness is a reading
        ("财政拨款支出年初预算为450.00万元,支出决算为520.00万元,完成年初预算的115.56%。", Tier.WARNING),
        # another year, the budget, or an item's own part: other figures
        ("2031年度财政拨款支出460.00万元。", None),
        ("2032年度财政拨款支出年初预算为450.00万元。", None),
        ("2032年度财政拨款支出中,文化和旅游支出120.00万元,其中:基本支出120.00万元。基本支出300.00万元。", None),
    ],
)
def test_a_total_of_the_year_stated_twice(tmp_path, second, tier):
    found = _restated(tmp_path, TOTALS.format(second=second))
    assert [f.tier for f in found] == ([tier] if tier else [])
