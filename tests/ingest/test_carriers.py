"""The same package and form in every carrier read back to the same typed tables, the same (no) findings, and one
planted fault is found at the same table, row and column whatever the carrier."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.audit.engine import audit_document
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests.carriers import (
    CARRIERS,
    FAULT_COLUMN,
    FAULT_ROW,
    FAULT_TABLE,
    package_blocks,
    selfeval_blocks,
    write,
)

CENTRAL = load_profile("central")
REFERENCE = "tab_text"
PACKAGE_CARRIERS = list(CARRIERS)
# One line loses the empty cells: 公开09's 5.00 under 公务用车 may be its 购置费 or its 运行维护费 (5.00 = 5.00 + blank
# either way), and the same for 4.10. Those cells are reported unread, never guessed; every other cell of the
# package is placed by the tables' sums (the blanks of 公开05's 208 rows, 公开01's empty items, 公开09's 出国).
UNPLACED = {"one_line": {("公开09", "三公经费", f"{group}_{part}") for group in ("budget", "final")
                         for part in ("car_purchase", "car_operation")}}


def load(path: Path, unplaced: set = frozenset()):
    doc, errors = load_document(path)
    assert doc is not None, [str(e) for e in errors]
    assert {(e.location.table, e.location.row, e.location.column) for e in errors} == set(unplaced), \
        [str(e) for e in errors]
    assert all("未读取" in e.message for e in errors)
    return doc


def without(read: dict, unplaced: set) -> dict:
    """The reference's tables less the cells a carrier could not place."""
    return {code: [(side, row_code, label, {k: v for k, v in cells.items()
                                            if (f"公开{code[1:]}", row_code or label, k) not in unplaced})
                   for side, row_code, label, cells in rows] for code, rows in read.items()}


def tables(doc) -> dict:
    """Every 决算 table as (side, code, label, {column: value}) rows; values compared as numbers."""
    return {code: [(r.side, r.code, r.label, {k: a.value for k, a in r.cells.items()}) for r in table.rows]
            for code, table in doc.disclosure.tables.items()}


def evaluations(doc) -> list:
    out = []
    for s in doc.self_evaluations:
        project = (s.project.name, s.project.unit.name if s.project.unit else "",
                   s.project.department.name if s.project.department else "")
        budget = [(b.source, b.initial, b.adjusted, b.executed, b.reported_rate, b.reported_score)
                  for b in s.budget_lines]
        indicators = [(i.level1, i.level2, i.name, str(i.adjusted_target or i.initial_target), str(i.actual), i.weight,
                       i.reported_score, i.deviation_reason) for i in s.goal.indicators]
        out.append((project, budget, indicators, s.reported.total, s.reported.grade))
    return out


def identity(doc) -> tuple:
    return doc.kind.value, doc.unit, doc.year


def places(findings) -> set[tuple[str, str, str]]:
    return {(f.location.table, f.location.row, f.location.column) for f in findings}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("carriers")


@pytest.fixture(scope="module")
def reference(folder):
    package = load(write(REFERENCE, package_blocks(), folder, "package"))
    form = load(write(REFERENCE, selfeval_blocks(), folder, "form"))
    fault = load(write(REFERENCE, package_blocks(fault=True), folder, "fault"))
    return package, form, fault


def test_reference_reads_every_table_and_is_clean(reference):
    package, form, fault = reference
    assert identity(package) == ("disclosure", "示例县档案馆", 2023)
    assert sorted(package.disclosure.tables) == ["D01", "D05", "D09"]
    assert len(tables(package)["D05"]) == 7 and len(tables(package)["D01"]) == 10
    assert audit_document(package, CENTRAL).findings == ()
    assert identity(form) == ("self_evaluation", "示例县档案馆", 2023)
    [(project, budget, indicators, total, grade)] = evaluations(form)
    assert project == ("馆藏档案数字化", "示例县档案馆", "示例县文化和旅游局")
    assert len(budget) == 2 and len(indicators) == 4 and (total, grade) == (98.5, "优")
    assert audit_document(form, CENTRAL).findings == ()
    # its row's 小计 and its 款's column both fail: one cell explains both, one finding at that cell
    assert places(audit_document(fault, CENTRAL).findings) == {(FAULT_TABLE, FAULT_ROW, FAULT_COLUMN)}


@pytest.mark.parametrize("carrier", PACKAGE_CARRIERS)
def test_package_reads_the_same_in_every_carrier(carrier, folder, reference):
    unplaced = UNPLACED.get(carrier, set())
    doc = load(write(carrier, package_blocks(), folder, "package"), unplaced)
    assert identity(doc) == identity(reference[0])
    assert tables(doc) == without(tables(reference[0]), unplaced)
    assert audit_document(doc, CENTRAL).findings == ()


@pytest.mark.parametrize("carrier", PACKAGE_CARRIERS)
def test_planted_fault_is_found_at_the_same_place_in_every_carrier(carrier, folder, reference):
    doc = load(write(carrier, package_blocks(fault=True), folder, "fault"), UNPLACED.get(carrier, set()))
    found = places(audit_document(doc, CENTRAL).findings)
    assert found == places(audit_document(reference[2], CENTRAL).findings)
    assert any(place[:2] == (FAULT_TABLE, FAULT_ROW) for place in found)
    assert FAULT_COLUMN in {column for table, row, column in found}


@pytest.mark.parametrize("carrier", list(CARRIERS))
def test_form_reads_the_same_in_every_carrier(carrier, folder, reference):
    doc = load(write(carrier, selfeval_blocks(), folder, "form"))
    assert identity(doc) == identity(reference[1])
    assert evaluations(doc) == evaluations(reference[1])
    assert audit_document(doc, CENTRAL).findings == ()
