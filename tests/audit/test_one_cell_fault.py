"""One fault, one finding, in the tables' arithmetic: one misprinted cell breaks every identity it is a term of (its
row's 合计, its 款's column, the 合计 row …); the audit reports it once, at that cell, with the value that makes them
all hold, and quotes the identities it breaks. Failures no single cell explains stay apart. Small tables of our own."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.coverage import Status
from jixiao.core.disclosure import Amount, DisclosurePackage, DisclosureRow, DisclosureTable
from jixiao.core.finding import Finding, Tier
from jixiao.core.provenance import Location
from jixiao.profiles import load_profile

CENTRAL = load_profile("central")
WAN = Decimal(10000)
COLUMNS = ("total", "basic", "project")

# 公开03: 合计 over one 类 221, one 款 22102, two 项; each row 合计 = 基本 + 项目 (万元).
D03 = {
    "合计": ("100.00", "60.00", "40.00"),
    "221": ("100.00", "60.00", "40.00"),
    "22102": ("100.00", "60.00", "40.00"),
    "2210201": ("70.00", "50.00", "20.00"),
    "2210202": ("30.00", "10.00", "20.00"),
}


def _amount(text: str, where: Location) -> Amount:
    return Amount(Decimal(text) * WAN, text, Decimal("0.01") * WAN, where)


def _row(
    table: str, label: str, figures: dict[str, str], code: str = "", side: str = "", line_no: str = ""
) -> DisclosureRow:
    where = Location(document="t.txt", table=table, row=code or label)
    cells = {c: _amount(t, where.with_(column=c)) for c, t in figures.items() if t}
    return DisclosureRow(label, code=code, side=side, line_no=line_no, cells=cells, location=where)


def d03(**changed: str) -> DisclosureTable:
    """公开03 with cells changed: d03(**{"2210201.basic": "55.00"})."""
    rows = []
    for key, values in D03.items():
        figures = {c: changed.get(f"{key}.{c}", v) for c, v in zip(COLUMNS, values, strict=True)}
        code = "" if key == "合计" else key
        rows.append(_row("公开03", "合计" if not code else f"科目{code}", figures, code=code))
    return DisclosureTable(
        "D03", "支出决算表", "万元", COLUMNS, tuple(rows), location=Location(table="公开03")
    )


def audit(*tables: DisclosureTable) -> list[Finding]:
    pkg = DisclosurePackage("某某单位", 2023, {t.code: t for t in tables})
    doc = SimpleNamespace(path="t.txt", disclosure=pkg)
    return [f for f in audit_document(doc, CENTRAL, only=("disclosure",)).findings if f.tier is Tier.ERROR]


def test_a_consistent_table_has_no_error():
    assert audit(d03()) == []


@pytest.mark.parametrize(
    ("cell", "printed", "right", "broken"),
    [
        ("2210201.basic", "55.00", "50.00", 2),  # a 项 cell: its row and its 款's column
        ("22102.basic", "65.00", "60.00", 3),  # a 款 cell: its row, its 项 below and its 类 above
        ("221.project", "44.00", "40.00", 3),  # a 类 cell: its row, its 款 below and the 合计 row above
        ("合计.total", "101.00", "100.00", 2),  # the 合计 row: its own sum and the 类 column
    ],
)
def test_one_wrong_cell_is_one_finding_at_it(cell, printed, right, broken):
    (found,) = audit(d03(**{cell: printed}))
    row, column = cell.split(".")
    assert (found.location.table, found.location.row, found.location.column) == ("公开03", row, column)
    assert (found.actual, found.expected) == (printed, right)
    assert f"若为 {right}" in found.message and f"以下 {broken} 项勾稽都成立" in found.message
    assert len(found.related) == broken  # the identities it breaks, as corroboration


def test_two_independent_faults_are_two_findings():
    found = audit(d03(**{"2210201.basic": "55.00", "2210202.project": "27.00"}))
    assert {(f.location.row, f.location.column, f.expected) for f in found} == {
        ("2210201", "basic", "50.00"),
        ("2210202", "project", "20.00"),
    }


def test_failures_no_single_cell_explains_stay_apart():
    # 2210201's 基本 and 项目 swapped: both columns of 22102 fail, the row still adds up
    found = audit(d03(**{"2210201.basic": "20.00", "2210201.project": "50.00"}))
    assert sorted((f.location.row, f.location.column) for f in found) == [
        ("22102", "basic"),
        ("22102", "project"),
    ]
    assert all("勾稽都成立" not in f.message for f in found)


def _d01(opening: str) -> DisclosureTable:
    rows = (
        _row("公开01", "一般公共预算财政拨款收入", {"amount": "80.00"}, side="income", line_no="1"),
        _row("公开01", "事业收入", {"amount": "20.00"}, side="income", line_no="2"),
        _row("公开01", "本年收入合计", {"amount": "100.00"}, side="income"),
        _row("公开01", "使用非财政拨款结余", {"amount": "5.00"}, side="income"),
        _row("公开01", "年初结转和结余", {"amount": opening}, side="income"),
        _row("公开01", "总计", {"amount": "120.00"}, side="income"),
        _row("公开01", "一般公共服务支出", {"amount": "90.00"}, side="expenditure", line_no="1"),
        _row("公开01", "本年支出合计", {"amount": "90.00"}, side="expenditure"),
        _row("公开01", "年末结转和结余", {"amount": "30.00"}, side="expenditure"),
        _row("公开01", "总计", {"amount": "120.00"}, side="expenditure"),
    )
    return DisclosureTable(
        "D01", "收入支出决算总表", "万元", ("amount",), rows, location=Location(table="公开01")
    )


def test_a_failure_two_cells_explain_alike_is_kept_and_names_them():
    assert audit(_d01("15.00")) == []
    # 收入总计 ≠ 本年收入合计 + 结余 + 结转; 本年收入合计 and 总计 are tied by identities that hold
    (found,) = audit(_d01("18.00"))
    assert found.rule == "disclosure.r03_r05_grand_totals" and found.location.row == "总计"
    assert "可能填错的是公开01 使用非财政拨款结余或公开01 年初结转和结余中的一格" in found.message


@pytest.mark.parametrize("cell", ["2210201.basic", "22102.basic", "221.project"])
def test_a_rule_merged_into_the_one_cell_finding_is_not_counted_broken(cell):
    # the coverage counts agree with the findings shown: a rule whose failing identity became part of another rule's
    # one-cell finding is counted under that finding (merged, the reason naming it), neither broken nor held
    pkg = DisclosurePackage("某某单位", 2023, {"D03": d03(**{cell: "99.00"})})
    result = audit_document(SimpleNamespace(path="t.txt", disclosure=pkg), CENTRAL, only=("disclosure",))
    (shown,) = [f for f in result.findings if f.tier is Tier.ERROR]
    broken = {o.rule for o in result.outcomes if o.status is Status.BROKEN}
    assert broken == {f.rule for f in result.findings}
    merged = [o for o in result.outcomes if o.status is Status.MERGED]
    assert merged and all(o.findings == 0 and shown.rule in o.reason for o in merged)
    assert sum(o.findings for o in result.outcomes) == len(result.findings)
