"""One small consistent 决算 package and one self-evaluation form, written into every carrier a user may bring.

The documents are a list of blocks — ('p', text, heading level) or ('t', rows, options) — rendered by one writer
per carrier: Word (.docx, and .doc from committed conversions), Excel (.xlsx and .xls), a web page, text with tab-separated rows, markdown '|' rows, one cell
per line ending in '|', one line with the whole form, and PDF (WeasyPrint, with header text wrapped inside
narrow cells and the function code split over 类|款|项 columns). Wording and figures are this file's own.

In tables, a header cell followed by empty cells in the same header row spans them (colspan), and with
options['merge_down'] an empty first-column cell below a filled one is covered by it (rowspan): the readers
must expand both back to the grid written here.
"""

from __future__ import annotations

import html
import shutil
from collections.abc import Callable
from pathlib import Path

Block = tuple  # ('p', text, level) | ('t', rows, options)

UNIT = "示例县档案馆"


def _t(rows: list[list[str]], header_rows: int = 1, **options: object) -> Block:
    return ("t", rows, {"header_rows": header_rows, **options})


def package_blocks(*, fault: bool = False) -> list[Block]:
    """公开01 (two halves), 公开05 (function codes), 公开09 (三公) of one unit, all agreeing; amounts in 万元.
    fault=True changes one amount: 公开05 row 2080505, 基本支出 36.20 → 38.20."""
    pension = "38.20" if fault else "36.20"
    return [
        ("p", f"{UNIT}2023年度部门决算", 1),
        ("p", "第二部分 2023年度部门决算表", 2),
        ("p", "收入支出决算总表", 3),
        ("p", "公开01表", 0),
        ("p", "金额单位：万元", 0),
        _t([["收入", "", "", "支出", "", ""],
            ["项目", "行次", "金额", "项目", "行次", "金额"],
            ["栏次", "", "1", "栏次", "", "2"],
            ["一、一般公共预算财政拨款收入", "1", "286.40", "一、文化旅游体育与传媒支出", "30", "250.20"],
            ["二、政府性基金预算财政拨款收入", "2", "", "二、社会保障和就业支出", "31", "36.20"],
            ["本年收入合计", "28", "286.40", "本年支出合计", "58", "286.40"],
            ["年初结转和结余", "29", "", "年末结转和结余", "60", ""],
            ["总计", "31", "286.40", "总计", "62", "286.40"]], header_rows=3),
        ("p", "一般公共预算财政拨款支出决算表", 3),
        ("p", "公开05表", 0),
        ("p", "金额单位：万元", 0),
        _t([["项目", "", "本年支出", "", ""],
            ["科目代码", "科目名称", "小计", "基本支出", "项目支出"],
            ["栏次", "", "1", "2", "3"],
            ["合计", "", "286.40", "226.40", "60.00"],
            ["207", "文化旅游体育与传媒支出", "250.20", "190.20", "60.00"],
            ["20701", "文化和旅游", "250.20", "190.20", "60.00"],
            ["2070104", "图书馆", "250.20", "190.20", "60.00"],
            ["208", "社会保障和就业支出", "36.20", "36.20", ""],
            ["20805", "行政事业单位养老支出", "36.20", "36.20", ""],
            ["2080505", "机关事业单位基本养老保险缴费支出", "36.20", pension, ""]], header_rows=3, codes=True),
        ("p", "财政拨款“三公”经费支出决算表", 3),
        ("p", "公开09表", 0),
        ("p", "金额单位：万元", 0),
        _t([["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
            ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费",
             "合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"],
            ["", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", "", "小计", "公务用车购置费",
             "公务用车运行维护费", ""],
            [str(n) for n in range(1, 13)],
            ["6.00", "", "5.00", "", "5.00", "1.00", "4.60", "", "4.10", "", "4.10", "0.50"]], header_rows=4),
    ]


# The location of the planted fault, as the equivalence test expects every carrier to report it.
FAULT_TABLE, FAULT_ROW, FAULT_COLUMN = "公开05", "2080505", "basic"


def selfeval_blocks() -> list[Block]:
    """A 项目支出绩效自评表 as units fill it in (figures in 万元), consistent: 9.5 + 89 = 98.5 分."""
    return [
        ("p", "项目支出绩效自评表（2023年度）", 1),
        ("p", "项目名称：馆藏档案数字化", 0),
        ("p", "主管部门：示例县文化和旅游局", 0),
        ("p", f"项目单位：{UNIT}", 0),
        _t([["资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["合计", "60", "60", "57", "10", "95%", "9.5"],
            ["财政拨款", "60", "60", "57", "", "", ""]]),
        _t([["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            ["产出指标", "数量指标", "数字化页数", "≥12万页", "12.6万页", "25", "25", ""],
            ["", "质量指标", "图像合格率", "≥98%", "99%", "25", "25", ""],
            ["效益指标", "社会效益指标", "档案查阅时长", "缩短", "达成预期指标", "30", "29", "个别馆藏尚待著录"],
            ["满意度指标", "服务对象满意度指标", "查档群众满意度", "≥90%", "93%", "10", "10", ""]], merge_down=True),
        ("p", "自评结论：总得分 98.5 分，属于“优”。", 0),
    ]


# ---------------------------------------------------------------- spans shared by Word, HTML and PDF


def _spans(rows: list[list[str]], options: dict) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) → (rowspan, colspan) of every cell that covers others; covered cells are left out."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for r in range(min(options["header_rows"], len(rows))):
        row = rows[r]
        for c, text in enumerate(row):
            if not text or (r, c) in covered:
                continue
            end = c + 1
            while end < len(row) and not row[end] and not _filled_below(rows, options, r, end):
                end += 1
            if end - c > 1:
                spans[(r, c)] = (1, end - c)
                covered.update((r, k) for k in range(c + 1, end))
    if options.get("merge_down"):
        for r in range(options["header_rows"], len(rows)):
            if rows[r][0]:
                end = r + 1
                while end < len(rows) and not rows[end][0]:
                    end += 1
                if end - r > 1:
                    spans[(r, 0)] = (end - r, 1)
    return spans


def _filled_below(rows: list[list[str]], options: dict, r: int, c: int) -> bool:
    return any(rows[k][c] for k in range(r + 1, options["header_rows"]))


def _covered(spans: dict[tuple[int, int], tuple[int, int]]) -> set[tuple[int, int]]:
    out = set()
    for (r, c), (rs, cs) in spans.items():
        out.update((r + i, c + j) for i in range(rs) for j in range(cs) if (i, j) != (0, 0))
    return out


# ---------------------------------------------------------------- text carriers


def write_tab_text(blocks: list[Block], path: Path) -> None:
    lines = []
    for block in blocks:
        lines += [block[1]] if block[0] == "p" else ["\t".join(row) for row in block[1]]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_pipe_text(blocks: list[Block], path: Path) -> None:
    """Markdown-style rows: '| a | b |', a '|---|' rule under the header."""
    lines = []
    for block in blocks:
        if block[0] == "p":
            lines += ["#" * block[2] + " " * bool(block[2]) + block[1], ""]
            continue
        for r, row in enumerate(block[1]):
            lines.append("| " + " | ".join(row) + " |")
            if r == 0:
                lines.append("|" + "---|" * len(row))
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_cell_lines(blocks: list[Block], path: Path) -> None:
    """A table copied out of a web page: one cell per line ending in ' |', an empty cell a lone '|'; row ends
    are lost. A form's 'label：value' lines are cells too; other paragraphs stay plain lines."""
    lines = []
    for block in blocks:
        if block[0] == "p":
            label, sep, value = block[1].partition("：")
            if sep and len(label) <= 6 and not block[2]:
                lines += [f"{label} |", f"{value} |"]
            else:
                lines.append(block[1])
            continue
        lines += [f"{cell} |" if cell else "|" for row in block[1] for cell in row]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_one_line(blocks: list[Block], path: Path) -> None:
    """The whole form on one line, cells separated by single spaces, empty cells gone (a converted file)."""
    words = []
    for block in blocks:
        if block[0] == "p":
            label, sep, value = block[1].partition("：")
            words += [label, value] if sep and len(label) <= 6 else [block[1]]
        else:
            words += [cell for row in block[1] for cell in row if cell]
    path.write_text("文件名：示例表格.docx\n" + " ".join(words) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- office carriers


def _number(text: str) -> object:
    try:
        return float(text) if text and text.replace(".", "", 1).isdigit() else text
    except ValueError:
        return text


def write_docx(blocks: list[Block], path: Path) -> None:
    import docx

    document = docx.Document()
    for block in blocks:
        if block[0] == "p":
            if block[2]:
                document.add_heading(block[1], level=block[2])
            else:
                document.add_paragraph(block[1])
            continue
        rows, options = block[1], block[2]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        for (r, c), (rs, cs) in _spans(rows, options).items():
            table.cell(r, c).merge(table.cell(r + rs - 1, c + cs - 1))
            table.cell(r, c).text = rows[r][c]
    document.save(str(path))


def _sheets(blocks: list[Block]) -> list[tuple[str, list[list[object]]]]:
    """Sheets as units publish them: one per table with its captions above it; the rest on the first sheet."""
    sheets: list[tuple[str, list[list[object]]]] = [("说明", [])]
    captions: list[list[object]] = []
    for block in blocks:
        if block[0] == "p":
            captions.append([block[1]])
            continue
        code = next((str(c[0]) for c in captions if str(c[0]).startswith("公开")), "")
        name = code or ("绩效指标" if block[1][0][0] == "一级指标" else "预算执行")
        rows = [[_number(text) for text in row] for row in block[1]]
        sheets.append((name, captions + rows))
        captions = []
    if captions:
        sheets[-1][1].extend(captions)
    first = sheets[0]
    if not first[1]:
        sheets = sheets[1:]
    return sheets


def write_xlsx(blocks: list[Block], path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in _sheets(blocks):
        sheet = workbook.create_sheet(name)
        for values in rows:
            sheet.append(values)
    workbook.save(str(path))


def write_xls(blocks: list[Block], path: Path) -> None:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    for name, rows in _sheets(blocks):
        sheet = workbook.add_sheet(name)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if value != "":
                    sheet.write(r, c, value)
    workbook.save(str(path))


# ---------------------------------------------------------------- web page and PDF

_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<style>{style}</style><script>var visits = 1024; document.title = "公开";</script></head><body>
<nav><a href="/">首页</a> &gt; <a href="/gk">信息公开</a> &gt; 财政资金</nav>
<div class="meta"><p>索引号：000000/2024-00012</p><p>发布机构：示例县人民政府办公室</p><p>发布日期：2024-08-30</p></div>
<div class="content">{body}</div>
<footer>主办：示例县人民政府 版权所有 2024年</footer></body></html>"""


def _html_body(blocks: list[Block], *, split_codes: bool = False) -> str:
    parts = []
    for block in blocks:
        if block[0] == "p":
            tag = f"h{block[2]}" if block[2] else "p"
            parts.append(f"<{tag}>{html.escape(block[1])}</{tag}>")
            continue
        rows, options = block[1], block[2]
        if split_codes and options.get("codes"):
            rows, options = _split_codes(rows, options)
        spans = _spans(rows, options)
        covered = _covered(spans)
        out = ["<table>"]
        for r, row in enumerate(rows):
            out.append("<tr>")
            for c, text in enumerate(row):
                if (r, c) in covered:
                    continue
                rs, cs = spans.get((r, c), (1, 1))
                attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
                tag = "th" if r < options["header_rows"] else "td"
                out.append(f"<{tag}{attrs}>{html.escape(text)}</{tag}>")
            out.append("</tr>")
        out.append("</table>")
        parts.append("".join(out))
    return "\n".join(parts)


def _split_codes(rows: list[list[str]], options: dict) -> tuple[list[list[str]], dict]:
    """A coded table as some places print it: the code over three columns 类 | 款 | 项 (3, 2, 2 digits)."""
    out = []
    for r, row in enumerate(rows):
        first = row[0]
        if r == 0:
            parts = [first, "", ""]
        elif r < options["header_rows"]:
            parts = ["类", "款", "项"] if first == "科目代码" else [first, "", ""]
        elif first.isdigit():
            parts = [first[:3], first[3:5], first[5:7]]
        else:
            parts = [first, "", ""]
        out.append(parts + row[1:])
    return out, options


def write_html(blocks: list[Block], path: Path) -> None:
    path.write_text(_PAGE.format(title=html.escape(blocks[0][1]), style="", body=_html_body(blocks)),
                    encoding="utf-8")


PDF_STYLE = """@page { size: A4 landscape; margin: 12mm; } body { font-family: "Noto Sans CJK SC", sans-serif;
font-size: 9pt; } table { border-collapse: collapse; margin-bottom: 6mm; } th, td { border: 0.6pt solid #000;
padding: 1.5pt 3pt; } th { width: 14mm; font-weight: normal; } nav, .meta, footer { display: none; }"""


def write_pdf(blocks: list[Block], path: Path) -> None:
    from weasyprint import HTML

    page = _PAGE.format(title=html.escape(blocks[0][1]), style=PDF_STYLE, body=_html_body(blocks, split_codes=True))
    HTML(string=page).write_pdf(str(path))


# ---------------------------------------------------------------- Word 97–2003

# No pure-Python writer of the Word binary format exists, so the .doc carrier is committed: the Word carrier of
# these documents converted by LibreOffice (tests/ingest/make_doc_fixtures.py regenerates them).
FIXTURE_DIR = Path(__file__).parent / "ingest" / "doc_fixtures"
DOC_FIXTURES: dict[str, Callable[[], list[Block]]] = {
    "package": package_blocks,
    "fault": lambda: package_blocks(fault=True),
    "form": selfeval_blocks,
}


def write_doc(blocks: list[Block], path: Path) -> None:
    """The committed .doc of these blocks; blocks without one are an error in the test, not a skip."""
    name = next((name for name, make in DOC_FIXTURES.items() if make() == blocks), None)
    if name is None:
        raise LookupError("no committed .doc fixture for these blocks: run tests/ingest/make_doc_fixtures.py")
    shutil.copyfile(FIXTURE_DIR / f"{name}.doc", path)


CARRIERS: dict[str, tuple[str, Callable[[list[Block], Path], None]]] = {
    "docx": (".docx", write_docx),
    "doc": (".doc", write_doc),
    "xlsx": (".xlsx", write_xlsx),
    "xls": (".xls", write_xls),
    "html": (".html", write_html),
    "tab_text": (".txt", write_tab_text),
    "pipe_text": (".md", write_pipe_text),
    "cell_lines": (".txt", write_cell_lines),
    "one_line": (".txt", write_one_line),
    "pdf": (".pdf", write_pdf),
}


def write(carrier: str, blocks: list[Block], folder: Path, stem: str) -> Path:
    suffix, writer = CARRIERS[carrier]
    path = folder / f"{stem}_{carrier}{suffix}"
    writer(blocks, path)
    return path
