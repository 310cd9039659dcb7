"""Metamorphic tests of the PDF reader (issue 11): one consistent 部门决算公开 package of our own numbers
(tests/ingest/disclosure_pdf.py) printed as different budget systems export it — a table continued over pages with
its header repeated, without it, or under a 续表 line; with and without the 栏次 row; '单位：万元' beside 编制单位, on a
line of its own, on the 公开NN表 line or inside the table's ruled box; portrait or landscape pages; page footers
('第 3 页 共 25 页') or none; zero printed blank, 0.00 or -; with and without thousands separators; every header
wrapped inside its cell; 类/款/项 codes in three cells, one cell or spaced ('201 01 01'); two-sided tables with 行次.

Each variant must read the same typed tables and find nothing, and with one planted amount changed find the same
finding at the same place as the default layout. A table whose right part lies beyond the page edge is not the same
document: it must be reported unread, never read with its missing columns taken as blank.

The same holds for the project's other consistent packages (tests/metamorph.py: the carriers package, the builders
package, a 预算公开 收支总表, a lone 三公 table) printed to PDF with their blocks transformed (zeros, separators, spaced
or wrapped or Traditional headers) or their pages changed (portrait, '第 N 页 共 M 页').

PDFs are generated once per session (WeasyPrint is slow); the fault variants are marked slow.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests import carriers
from tests.ingest.disclosure_pdf import Layout, write_pdf
from tests.metamorph import TRANSFORMS, Reading, documents, reading

pytest.importorskip("weasyprint")
CENTRAL = load_profile("central")

VARIANTS: dict[str, Layout] = {
    "continued_bare": Layout(continued_head="none"),  # 公开03's second page: rows only, no header
    "continued_label": Layout(continued_head="label"),  # '…（续表）' and the header again
    "no_column_numbers": Layout(column_numbers=False),
    "unit_own_line": Layout(unit_place="own_line"),
    "unit_table_line": Layout(unit_place="table_line"),
    "unit_header_box": Layout(unit_place="header_box"),
    "unit_in_header": Layout(unit_in_header=True),
    "portrait": Layout(page="portrait"),
    "footer_page_of": Layout(footer="page_of"),
    "no_footer": Layout(footer="none"),
    "zero_blank": Layout(zero=""),
    "zero_dot": Layout(zero="0.00"),
    "zero_dash": Layout(zero="-"),
    "no_thousands": Layout(thousands=False),
    "wrapped_headers": Layout(wrap_all=True),
    "codes_spaced": Layout(codes="spaced"),
    "codes_under_one_header": Layout(codes="merged"),  # 类 | 款 | 项 cells under one 科目编码, no 类/款/项 row
    "codes_joined": Layout(codes="single"),
    "codes_split_repeated": Layout(codes="split"),
    "line_numbers": Layout(line_numbers=True),  # two-sided tables with 行次 columns
    "three_line_rules": Layout(rules="three_line"),
    "systems_mix": Layout(codes="spaced", continued_head="label", column_numbers=False, unit_place="header_box",
                          page="portrait", footer="page_of", zero="-", thousands=False, line_numbers=True),
}
# One amount changed on the second page of the continued 公开03: its row no longer adds up.
FAULT = {("D03", "2210201.basic"): "39.60"}

_cache: dict[tuple[str, bool], tuple[Reading, list, object]] = {}


@pytest.fixture(scope="session")
def read_variant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf-layouts")

    def read(name: str, fault: bool = False) -> tuple[Reading, list, object]:
        key = (name, fault)
        if key not in _cache:
            layout = VARIANTS.get(name, Layout())
            if name == "cut":
                layout = Layout(cut=True)
            if fault:
                layout = replace(layout, faults=FAULT)
            path = write_pdf(folder / f"{name}{'-fault' if fault else ''}.pdf", layout)
            document, errors = load_document(path)
            assert document is not None and (errors == [] or name == "cut"), errors
            result = audit_document(document, CENTRAL)
            _cache[key] = reading(document, result), list(result.findings), document
        return _cache[key]

    return read


def _without_line_numbers(read: Reading) -> Reading:
    tables = {code: (unit, columns, [(side, code_, label, "", cells) for side, code_, label, _, cells in rows],
                     unmapped) for code, (unit, columns, rows, unmapped) in read.tables.items()}
    return replace(read, tables=tables)


def _same(name: str, source: Reading, got: Reading) -> None:
    if VARIANTS[name].line_numbers:  # 行次 printed: the rows' numbers are read, not the lines' order
        source, got = _without_line_numbers(source), _without_line_numbers(got)
    for field in source.__dataclass_fields__:
        assert getattr(got, field) == getattr(source, field), (name, field)


def test_the_default_layout_is_consistent_and_its_fault_is_found(read_variant):
    read, findings, _ = read_variant("default")
    assert not read.errors
    assert [f.message for f in findings if f.tier in (Tier.ERROR, Tier.WARNING)] == []
    assert sorted(read.tables) == [f"D{n:02d}" for n in range(1, 11)]
    _, planted, _ = read_variant("default", fault=True)
    errors = [f for f in planted if f.tier is Tier.ERROR]
    # the row no longer adds up (本年支出合计 ≠ 基本 + 项目), nor does its 款 over it: one cell, one finding at it
    assert [(f.location.table, f.location.row, f.location.column) for f in errors] == [
        ("公开03", "2210201", "basic")], [f.message for f in planted]
    assert {r.row for r in errors[0].related} == {"2210201", "22102"}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_a_layout_variant_reads_the_same_tables_and_finds_nothing(name, read_variant):
    source, _, _ = read_variant("default")
    got, findings, _ = read_variant(name)
    assert [f.message for f in findings if f.tier in (Tier.ERROR, Tier.WARNING)] == []
    _same(name, source, got)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(VARIANTS))
def test_a_planted_fault_is_found_alike_in_every_layout(name, read_variant):
    source, _, _ = read_variant("default", fault=True)
    got, _, _ = read_variant(name, fault=True)
    assert got.findings == source.findings


@pytest.mark.parametrize("fault", [False, True])
def test_a_table_cut_by_the_page_edge_is_reported_unread_never_misread(fault, read_variant):
    got, findings, document = read_variant("cut", fault=fault)
    assert [f.message for f in findings if f.tier in (Tier.ERROR, Tier.WARNING)] == []
    cut = {p.location.table for p in document.problems if "超出页面边缘" in str(p)}
    assert cut == {f"公开{n:02d}" for n in range(1, 11)}
    assert all(not cells for _, _, rows, _ in got.tables.values() for *_, cells in rows)


def test_a_table_inside_the_page_is_not_taken_for_cut(read_variant):
    _, _, document = read_variant("portrait")
    assert not [p for p in document.problems if "超出页面边缘" in str(p)]
    assert not any(getattr(b, "clipped", False) for b in document.source.blocks)


# ------------------------------------------------------------------ the project's other packages, printed to PDF

PACKAGES = ("package", "builders", "budget", "sangong")
PAGE_STYLES = {"portrait": "@page { size: A4 portrait; }",
               "footer_page_of": '@page { @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页";'
                                 " font-size: 8pt; } }"}
BLOCK_TRANSFORMS = ("thousands", "no_thousands", "zero_dash",
                    "zero_blank", "wrap_headers", "spaced_headers", "traditional")
_transforms = {t.name: t for t in TRANSFORMS}
_package_cache: dict[tuple[str, str, bool], Reading] = {}


def _headings(blocks: list) -> list:
    """A seed's markdown headings ('#### 三、…') as the headings a PDF prints, not as '#' text."""
    out = []
    for block in blocks:
        if block[0] == "p" and (marks := re.match(r"^(#{1,6})\s*", block[1])):
            block = ("p", block[1][marks.end():], len(marks.group(1)))
        out.append(block)
    return out


def _package_pdf(blocks: list, path: Path, style: str) -> None:
    from weasyprint import HTML

    blocks = _headings(blocks)

    # each table kept on one page: a page break inside a 2-row header leaves a row without its lower rule
    page = carriers._PAGE.format(title=html.escape(blocks[0][1]), style=carriers.PDF_STYLE + "table { break-inside: avoid; }" + style,
                                 body=carriers._html_body(blocks, split_codes=True))
    HTML(string=page).write_pdf(str(path))


@pytest.fixture(scope="session")
def read_package(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf-packages")

    def read(doc: str, variant: str, fault: bool = False) -> Reading:
        key = (doc, variant, fault)
        if key not in _package_cache:
            source = documents()[doc]
            blocks = source.fault if fault else source.blocks
            for fn in _transforms[variant].blocks if variant in _transforms else ():
                blocks = fn(blocks)
            path = folder / f"{doc}-{variant}-{int(fault)}.pdf"
            _package_pdf(blocks, path, PAGE_STYLES.get(variant, ""))
            document, _ = load_document(path)
            assert document is not None
            _package_cache[key] = reading(document, audit_document(document, CENTRAL))
        return _package_cache[key]

    return read


_PACKAGE_CASES = [(doc, variant) for doc in PACKAGES for variant in (*PAGE_STYLES, *BLOCK_TRANSFORMS)]


@pytest.mark.parametrize("doc", PACKAGES)
def test_a_package_printed_to_pdf_is_consistent(doc, read_package):
    read = read_package(doc, "as_written")
    assert read.tables and not read.errors
    assert [f for f in read.findings if f[1] in ("error", "warning")] == []
    assert [f for f in read_package(doc, "as_written", fault=True).findings if f[1] == "error"]


@pytest.mark.parametrize(("doc", "variant"), _PACKAGE_CASES)
def test_a_package_in_pdf_reads_alike_whatever_the_print(doc, variant, read_package):
    source, got = read_package(doc, "as_written"), read_package(doc, variant)
    for field in source.__dataclass_fields__:
        assert getattr(got, field) == getattr(source, field), field


@pytest.mark.slow
@pytest.mark.parametrize(("doc", "variant"), _PACKAGE_CASES)
def test_a_package_in_pdf_finds_its_fault_alike_whatever_the_print(doc, variant, read_package):
    assert read_package(doc, variant, fault=True).findings == read_package(doc, "as_written", fault=True).findings
