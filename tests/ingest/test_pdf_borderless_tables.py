"""PDF tables printed without vertical ruling lines (borderless, 三线表): columns from the gaps between words.

Every table of the package, stacked headers included (项目 over 支出功能分类 over 类 | 款 | 项, 本年支出 over
小计 | 基本支出 | 项目支出, 预算数 / 决算数 over the 三公 items over 小计 | 购置费 | 运行费), reads back to the same
typed tables as the ruled print of the same package. A column whose header cannot be placed stays not read: its
figures are unknown, never zero."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest import pdfgrid
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests.ingest.disclosure_pdf import CENTRED, RULES, STYLE, Layout, write_pdf

pytest.importorskip("weasyprint")
CENTRAL = load_profile("central")
WAN = Decimal(10000)


def _line(top, *cells):
    return pdfgrid.Line(top, tuple(pdfgrid.Segment(x0, x1, text) for x0, x1, text in cells))


def test_segments_split_at_wide_gaps_and_at_a_step_back_to_the_left_or_down():
    chars = [(0, 10, 0, 10, "项"), (10, 20, 0, 10, "目"), (40, 45, 0, 10, "1"), (45, 50, 0, 10, "2"),
             (52, 57, 0, 10, "3"), (5, 15, 0, 10, "出"), (15, 25, 12, 10, "入")]
    # 2 pt between 2 and 3 is a letter gap; 20 pt a cell gap; x=5 a new printed line; 12 pt lower another row
    assert [s.text for s in pdfgrid.segments(chars)] == ["项目", "123", "出", "入"]


def test_columns_come_from_the_whole_run_and_a_header_alone_joins_its_amounts():
    lines = [_line(0, (0, 30, "项目"), (60, 80, "预算数"), (120, 140, "决算数")),  # headers left, amounts right
             _line(10, (0, 20, "合计"), (88, 110, "12.50"), (148, 170, "10.30")),
             _line(20, (0, 50, "公务接待费"), (92, 110, "4.50"), (152, 170, "3.30")),
             _line(30, (0, 55, "公务用车运行维护费"), (92, 110, "8.00"), (152, 170, "7.00"))]
    assert pdfgrid.runs(lines) == [(0, 4)]
    assert pdfgrid.grid(lines) == [["项目", "预算数", "决算数"], ["合计", "12.50", "10.30"],
                                   ["公务接待费", "4.50", "3.30"], ["公务用车运行维护费", "8.00", "7.00"]]


def test_prose_and_captions_are_not_table_rows():
    lines = [_line(0, (0, 200, "编制单位：示例局"), (300, 340, "单位：万元")),
             _line(10, (0, 300, "本年收入合计 120.00万元，比上年增加 3.00万元。")),
             _line(20, (0, 40, "二〇二四年"), (60, 90, "12.00"))]
    assert pdfgrid.runs(lines) == []


def test_a_header_label_centred_lower_in_a_cell_spanning_rows_takes_no_neighbour_label():
    # 项目 over 名称; 本年支出 over 小计 | 基本支出; 本年收入 spans both header rows, so it is printed between them
    lines = [_line(0, (0, 20, "项目"), (100, 130, "本年支出")),
             _line(6, (60, 90, "本年收入")),
             _line(12, (0, 20, "名称"), (100, 120, "小计"), (140, 170, "基本支出")),
             _line(24, (0, 20, "合计"), (70, 90, "9.00"), (105, 120, "5.00"), (155, 170, "5.00")),
             _line(36, (0, 30, "一般公共服务"), (70, 90, "9.00"), (105, 120, "5.00"), (155, 170, "5.00"))]
    assert pdfgrid.grid(lines)[:2] == [["项目", "本年收入", "本年支出", ""], ["名称", "", "小计", "基本支出"]]


def _typed(document):
    return {code: (table.columns, table.unmapped,
                   [(r.label, r.code, r.line_no, r.side, {k: a.value for k, a in r.cells.items()}) for r in table.rows])
            for code, table in document.disclosure.tables.items()}


def _serious(document):
    return [f for f in audit_document(document, CENTRAL).findings if f.tier in (Tier.ERROR, Tier.WARNING)]


@pytest.fixture(scope="module", params=["split_inherit", "single"])
def ruled(request, tmp_path_factory):
    path = write_pdf(tmp_path_factory.mktemp("pdf") / "grid.pdf", Layout(codes=request.param, unit_in_header=True))
    return request.param, _typed(load_document(path)[0])


@pytest.mark.parametrize(("rules", "centred"), [("three_line", False), ("none", False), ("three_line", True)])
def test_every_table_reads_as_the_ruled_print_of_the_same_package(ruled, rules, centred, tmp_path):
    codes, reference = ruled
    path = write_pdf(tmp_path / f"{rules}.pdf", Layout(codes=codes, unit_in_header=True, rules=rules,
                                                       centred_head=centred))
    document, _ = load_document(path)
    got = _typed(document)
    assert set(reference) == {f"D{n:02d}" for n in range(1, 11)}
    assert {code: got.get(code) for code in reference} == reference
    assert all(unmapped == () for _, unmapped, _ in got.values())
    assert [f.message for f in _serious(document)] == []


@pytest.mark.parametrize("rules", ["three_line", "none"])
def test_a_planted_fault_in_a_borderless_table_is_found_where_it_is(rules, tmp_path):
    path = write_pdf(tmp_path / "fault.pdf", Layout(rules=rules,
                                                    faults={("D01", "expenditure.年末结转和结余.amount"): "5.00"}))
    errors = [f for f in _serious(load_document(path)[0]) if f.tier is Tier.ERROR]
    assert [(f.location.table, f.location.row) for f in errors] == [("公开01", "总计")]


@pytest.mark.parametrize("rules", ["three_line", "none"])
def test_a_planted_fault_under_a_stacked_header_is_found_at_its_row_and_column(rules, tmp_path):
    # 公开05: 本年支出 over 小计 | 基本支出 | 项目支出; the 基本支出 of 2080505 printed 2.00 short
    path = write_pdf(tmp_path / "fault.pdf", Layout(rules=rules, faults={("D05", "2080505.basic"): "36.40"}))
    errors = [f for f in _serious(load_document(path)[0]) if f.tier is Tier.ERROR]
    # its row's 小计 and its 款's 基本支出 both fail: one finding at the cell
    assert [(f.location.table, f.location.row, f.location.column) for f in errors] == [("公开05", "2080505", "basic")]


# A 三公 table of our own: 预算数 and 决算数 each over 合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费,
# 公务用车 over 小计 | 购置费 | 运行费; one row of figures, no 栏次 row.
SANGONG_BUDGET = ("15.60", "2.40", "10.20", "6.00", "4.20", "3.00")
SANGONG_FINAL = ("13.10", "1.80", "9.30", "6.00", "3.30", "2.00")
SANGONG_KEYS = ("total", "overseas", "car", "car_purchase", "car_operation", "reception")


def _sangong_pdf(path, rules, centred, budget=SANGONG_BUDGET):
    from weasyprint import HTML

    def th(text, columns=1, rows=1):
        return f'<th colspan="{columns}" rowspan="{rows}">{text}</th>'

    items = th("合计", rows=2) + th("因公出国（境）费", rows=2) + th("公务用车购置及运行费", 3) + th("公务接待费", rows=2)
    head = (f"<tr>{th('预算数', 6)}{th('决算数', 6)}</tr><tr>{items * 2}</tr>"
            f"<tr>{(th('小计') + th('购置费') + th('运行费')) * 2}</tr>")
    row = "".join(f'<td class="n">{v}</td>' for v in (*budget, *SANGONG_FINAL))
    style = STYLE + RULES[rules] + (CENTRED if centred else "")
    HTML(string=f'<html><head><meta charset="utf-8"><style>{style}</style></head><body><div class="sheet">'
                "<h3>西岭县水务局2024年度部门决算</h3><h3>财政拨款“三公”经费支出决算表</h3>"
                '<div class="caption"><span>编制单位：西岭县水务局</span><span>单位：万元</span></div>'
                f"<table><thead>{head}</thead><tbody><tr>{row}</tr></tbody></table></div></body></html>"
         ).write_pdf(str(path))
    return path


@pytest.mark.parametrize("centred", [False, True], ids=["left", "centred"])
@pytest.mark.parametrize("rules", ["three_line", "none"])
def test_a_sangong_table_with_two_level_stacked_headers_reads_every_figure(rules, centred, tmp_path):
    document, _ = load_document(_sangong_pdf(tmp_path / "sangong.pdf", rules, centred))
    table = document.disclosure.tables["D09"]
    assert table.unmapped == ()
    printed = {f"{group}_{key}": Decimal(v) * WAN for group, values in (("budget", SANGONG_BUDGET),
                                                                        ("final", SANGONG_FINAL))
               for key, v in zip(SANGONG_KEYS, values, strict=True)}
    assert {k: a.value for k, a in table.rows[0].cells.items()} == printed
    assert _serious(document) == []


def test_a_planted_fault_in_the_sangong_table_is_found_in_its_group(tmp_path):
    budget = ("16.60", *SANGONG_BUDGET[1:])  # 合计 1.00 more than its items
    document, _ = load_document(_sangong_pdf(tmp_path / "sangong.pdf", "none", True, budget))
    errors = [f for f in _serious(document) if f.tier is Tier.ERROR]
    assert [(f.location.table, f.location.column) for f in errors] == [("公开09", "budget_total")]
