"""Counts of the fleet stated for different times or bases — before the vehicle reform, the start of the year, last
year, an allowance (编制), the books (账面) against the cars actually held (实际) — are different quantities, not one
number stated twice: only counts of the same time and basis are compared (确定 when they differ). An unqualified
count that matches none of the book, actual or post-reform counts is at most a 疑似 (the qualifier is unclear)."""

from __future__ import annotations

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

SECTION = (
    "按照信息公开的要求，现将示例水务局2023年度“三公”经费决算情况说明如下：\n"
    "一、“三公”经费支出情况\n"
    "2023年度“三公”经费41万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费26万元（公务用车购置费0万元、"
    "公务用车运行维护费26万元），公务接待费15万元。\n"
    "二、公务用车保有情况\n"
    "{fleet}\n"
)


def vehicles(tmp_path, fleet: str) -> list[Tier]:
    doc, found = audit_text(tmp_path, SECTION.format(fleet=fleet))
    assert doc.kind.value == "disclosure"
    return [f.tier for f in found if f.rule == "crosssection.vehicles"]


@pytest.mark.parametrize(
    "fleet",
    [
        "本局车辆改革以前车辆保有量为31辆，因移交手续跨年办理，车辆保有量账面数为31辆，实际保有量为8辆。",
        "年初公务用车保有量为6辆，年末公务用车保有量为4辆。",
        "核定编制公务用车5辆，公务用车保有量为3辆。",
        "2022年公务用车保有量为9辆，2023年公务用车保有量为7辆。",
        "上年公务用车保有量为9辆，本年公务用车保有量为7辆。",
        "公务用车保有量为6辆，账面保有量为6辆，实际保有量为2辆。",  # the unqualified count is the books'
        "公务用车账面保有量为6辆，公务用车实际保有量为2辆。",
    ],
)
def test_counts_of_different_times_or_bases_are_not_compared(tmp_path, fleet):
    assert vehicles(tmp_path, fleet) == []


@pytest.mark.parametrize(
    "fleet",
    [
        "公务用车保有量为6辆，实际保有量为2辆。",
        "公务用车保有量为6辆，车改后车辆保有量为2辆。",
    ],
)
def test_an_unqualified_count_unlike_every_stated_basis_is_a_warning(tmp_path, fleet):
    assert vehicles(tmp_path, fleet) == [Tier.WARNING]
    _, found = audit_text(tmp_path, SECTION.format(fleet=fleet))
    [hit] = [f for f in found if f.rule == "crosssection.vehicles"]
    assert "口径不明" in hit.message and "6 辆" in hit.message and "2 辆" in hit.message


@pytest.mark.parametrize(
    "fleet",
    [
        "公务用车保有量为6辆，公务用车保有量共计5辆。",
        "公务用车实际保有量为3辆，公务用车实际保有量共计4辆。",
        "年初公务用车保有量为6辆，年初公务用车保有量共计7辆。",
        "公务用车保有量为6辆，公务用车保有量共计5辆，实际保有量为2辆。",  # one fault: not also a warning
    ],
)
def test_counts_of_the_same_time_and_basis_still_contradict(tmp_path, fleet):
    assert vehicles(tmp_path, fleet) == [Tier.ERROR]


@pytest.mark.parametrize(
    "wording", ["公务用车实际保有量为3辆", "公务用车账面保有量为3辆", "公务用车年末车辆保有量为3辆"]
)
def test_a_qualifier_inside_the_fleet_wording_keeps_its_subject(wording):
    from jixiao.core.claims import claims_of

    claims, _ = claims_of(wording)
    assert [(c.subject, c.measure, c.value) for c in claims] == [("公务用车", "count", 3)]


# The table of the 三公 counts (S09) prints the fleet held: it is one more place the count must agree with.
COUNTED = """2031年度示例县林业站“三公”经费决算情况
经费项目 |
2031年度支出 (万元) |
因公出国(境)费 |
0 |
公务接待费 |
3.60 |
公务用车购置及运行维护费 |
12.40 |
总“三公”经费支出 |
16.00 |
2031年度示例县林业站“三公”经费使用情况
使用项目 |
2031年度数量或人次 |
公务用车购置数 |
0 |
公务用车保有量 |
{table} |
国内公务接待批次 |
18 |
二、公务用车情况
截至2031年末,公务用车保有量为{text}辆。
"""


@pytest.mark.parametrize(("table", "text", "tiers"), [("3", "3", []), ("3", "4", [Tier.ERROR]), ("", "4", [])])
def test_the_fleet_in_the_table_of_counts_is_compared_with_the_text(tmp_path, table, text, tiers):
    doc, found = audit_text(tmp_path, COUNTED.format(table=table, text=text))
    assert "S09" in doc.disclosure.tables
    hits = [f for f in found if f.rule == "crosssection.vehicles"]
    assert [f.tier for f in hits] == tiers
    if hits:
        assert "“三公”经费相关统计数·公务用车保有量 3 辆" in hits[0].message
