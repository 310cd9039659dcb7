"""A 项目支出绩效自评表 built as ONE table, as the standard form prints it: the label rows (项目名称 / 主管部门 /
实施单位), the 项目资金 rows, the 年度总体目标 row and the indicator rows with the 总分 row, each section with its
own column spans on one 10-column grid; the section captions (项目资金（万元）, 年度总体目标, 绩效指标) merged down
their rows. The same form as two tables (the budget table and the indicator table, labels as paragraphs) is
`two_table_blocks`. Wording and figures are this file's own.

Writers: Word (.docx, python-docx merges: a vertically merged cell repeats its text in the reader), Excel (.xlsx,
one sheet, merged ranges: the covered cells are empty), a web page and PDF (WeasyPrint) with rowspan/colspan.
"""

from __future__ import annotations

import html
from pathlib import Path

TITLE = "项目支出绩效自评表"
YEAR_LINE = "（2023年度）"
CONCLUSION = "自评结论：总得分 98.5 分，属于“优”。"
PROJECT, DEPARTMENT, UNIT = "社区流动借阅服务车购置", "示例市文化广电局", "示例市图书馆"
GOAL = "购置流动借阅服务车2辆，全年开展进社区、进村借阅服务不少于100场次。"
ACHIEVED = "购置流动借阅服务车2辆并投入使用，全年开展流动借阅服务112场次。"

# (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因)
INDICATORS = [
    ("产出指标", "数量指标", "购置服务车数量", "=2辆", "2辆", "25", "25", ""),
    ("产出指标", "数量指标", "流动借阅服务场次", "≥100场次", "112场次", "25", "25", ""),
    ("效益指标", "社会效益指标", "基层借阅等待时间", "缩短", "达成预期指标", "30", "29", "个别村点道路施工暂停服务"),
    ("满意度指标", "服务对象满意度指标", "借阅群众满意度", "≥90%", "94%", "10", "10", ""),
]
# (label, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分)
FUNDS = [
    ("年度资金总额", "80", "80", "76", "10", "95%", "9.5"),
    ("其中：当年财政拨款", "80", "80", "76", "—", "—", "—"),
    ("上年结转资金", "", "", "", "—", "—", "—"),
    ("其他资金", "", "", "", "—", "—", "—"),
]
WIDTH = 10
# The planted fault: the 满意度 indicator's 得分 exceeds its 分值 (12 for 10).
FAULT_ROW = "借阅群众满意度"


def indicators(*, fault: bool = False) -> list[tuple[str, ...]]:
    rows = [list(row) for row in INDICATORS]
    if fault:
        rows[3][6] = "12"
    return [tuple(row) for row in rows]


def grid(*, fault: bool = False) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The one table's rows on a 10-column grid, and its merges (row, column, rowspan, colspan); a covered cell is
    written empty."""
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []

    def add(cells: list[tuple[str, int]]) -> None:
        row: list[str] = []
        for text, span in cells:
            if span > 1:
                merges.append((len(rows), len(row), 1, span))
            row += [text] + [""] * (span - 1)
        assert len(row) == WIDTH, row
        rows.append(row)

    add([("项目名称", 1), (PROJECT, 9)])
    add([("主管部门", 1), (DEPARTMENT, 4), ("实施单位", 1), (UNIT, 4)])
    top = len(rows)
    add([("项目资金（万元）", 1), ("", 2), ("年初预算数", 1), ("全年预算数", 1), ("全年执行数", 1), ("分值", 1),
         ("执行率", 1), ("得分", 2)])
    for label, *figures in FUNDS:
        add([("", 1), (label, 2), *[(f, 1) for f in figures[:-1]], (figures[-1], 2)])
    merges.append((top, 0, len(rows) - top, 1))
    top = len(rows)
    add([("年度总体目标", 1), ("预期目标", 5), ("实际完成情况", 4)])
    add([("", 1), (GOAL, 5), (ACHIEVED, 4)])
    merges.append((top, 0, 2, 1))
    top = len(rows)
    add([("绩效指标", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("年度指标值", 1), ("实际完成值", 1),
         ("分值", 1), ("得分", 1), ("偏差原因分析及改进措施", 2)])
    listed = indicators(fault=fault)
    for index, (level1, level2, *rest) in enumerate(listed):
        first_of_block = index == 0 or listed[index - 1][0] != level1
        same_level2 = index > 0 and listed[index - 1][:2] == (level1, level2)
        add([("", 1), (level1 if first_of_block else "", 1), ("" if same_level2 else level2, 1),
             *[(t, 1) for t in rest[:-1]], (rest[-1], 2)])
        if first_of_block:
            end = next((k for k in range(index + 1, len(listed)) if listed[k][0] != level1), len(listed))
            if end - index > 1:
                merges.append((len(rows) - 1, 1, end - index, 1))
        if index + 1 < len(listed) and listed[index + 1][:2] == (level1, level2) and not same_level2:
            merges.append((len(rows) - 1, 2, 2, 1))
    merges.append((top, 0, len(rows) - top, 1))
    weights = sum(int(i[5]) for i in listed) + int(FUNDS[0][4])
    score = sum(float(i[6]) for i in listed) + float(FUNDS[0][6])
    add([("总分", 6), (str(weights), 1), (f"{score:g}", 1), ("", 2)])
    return rows, merges


def two_table_blocks(*, fault: bool = False) -> list[tuple]:
    """The same form as tests.carriers blocks: labels as paragraphs, a budget table and an indicator table."""
    return [
        ("p", TITLE, 1),
        ("p", YEAR_LINE, 0),
        ("p", f"项目名称：{PROJECT}", 0),
        ("p", f"主管部门：{DEPARTMENT}", 0),
        ("p", f"实施单位：{UNIT}", 0),
        ("p", "金额单位：万元", 0),
        ("t", [["资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
               *[list(row) for row in FUNDS]], {"header_rows": 1}),
        ("t", [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
               *[list(row) for row in indicators(fault=fault)]], {"header_rows": 1}),
        ("p", CONCLUSION, 0),
    ]


def _covered(merges: list[tuple[int, int, int, int]]) -> dict[tuple[int, int], tuple[int, int] | None]:
    """(row, column) → (rowspan, colspan) for a merge's top-left cell, None for the cells it covers."""
    out: dict[tuple[int, int], tuple[int, int] | None] = {}
    for r, c, rs, cs in merges:
        for i in range(rs):
            for j in range(cs):
                out[(r + i, c + j)] = (rs, cs) if (i, j) == (0, 0) else None
    return out


def write_docx(path: Path, *, fault: bool = False) -> None:
    import docx

    rows, merges = grid(fault=fault)
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph(YEAR_LINE)
    table = document.add_table(rows=len(rows), cols=WIDTH)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r, c, rs, cs in merges:
        merged = table.cell(r, c).merge(table.cell(r + rs - 1, c + cs - 1))
        merged.text = rows[r][c]
    document.add_paragraph(CONCLUSION)
    document.save(str(path))


def _value(text: str) -> object:
    """A figure as a number cell, as units fill in a sheet."""
    try:
        return float(text) if text and text.replace(".", "", 1).isdigit() else text
    except ValueError:
        return text


def write_xlsx(path: Path, *, fault: bool = False) -> None:
    from openpyxl import Workbook

    rows, merges = grid(fault=fault)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "自评表"
    sheet.append([TITLE])
    sheet.append([YEAR_LINE])
    for row in rows:
        sheet.append([_value(t) if t else None for t in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a target '=2辆' typed as text, not a formula
    for r, c, rs, cs in merges:
        sheet.merge_cells(start_row=r + 3, start_column=c + 1, end_row=r + rs + 2, end_column=c + cs)
    sheet.append([CONCLUSION])
    workbook.save(str(path))


_STYLE = """@page { size: A4 landscape; margin: 12mm; } body { font-family: "Noto Sans CJK SC", sans-serif;
font-size: 9pt; } table { border-collapse: collapse; } td { border: 0.6pt solid #000; padding: 1.5pt 3pt; }"""


def _page(*, fault: bool) -> str:
    rows, merges = grid(fault=fault)
    spans = _covered(merges)
    out = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            span = spans.get((r, c), (1, 1))
            if span is None:
                continue
            attrs = (f' rowspan="{span[0]}"' if span[0] > 1 else "") + (f' colspan="{span[1]}"' if span[1] > 1 else "")
            cells.append(f"<td{attrs}>{html.escape(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    body = f"<h1>{TITLE}</h1><p>{YEAR_LINE}</p><table>{''.join(out)}</table><p>{html.escape(CONCLUSION)}</p>"
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{_STYLE}</style></head><body>{body}</body></html>'


def write_html(path: Path, *, fault: bool = False) -> None:
    path.write_text(_page(fault=fault), encoding="utf-8")


def write_pdf(path: Path, *, fault: bool = False) -> None:
    from weasyprint import HTML

    HTML(string=_page(fault=fault)).write_pdf(str(path))


WRITERS = {"docx": (".docx", write_docx), "xlsx": (".xlsx", write_xlsx), "html": (".html", write_html),
           "pdf": (".pdf", write_pdf)}
