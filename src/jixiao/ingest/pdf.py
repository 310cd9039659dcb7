"""Text-based PDF: per page, the tables and the text lines outside them, in reading order.

Each page is read once, through pdfium (pypdfium2): its characters with their boxes and its drawn paths. The
paths that are ruling lines (also inside form XObjects) go through pdfplumber's table geometry (its default
“lines” settings: snap, join, intersections, cells) — pdfplumber's own page parser is never run, which is what
made reading slow. Each character goes to the cell holding its centre; the others form the text lines. Page
numbers printed as running footers (“第 3 页”, “- 3 -”) are left out: they would sit between the parts of a
table continued on the next page. A ruled table reaching the page's edge or past it (a sheet printed wider than
its paper) is marked `clipped`: its columns beyond the edge were not printed, and its readers report it unread.

Scanned PDFs (no text layer) are refused with a hint; nothing is guessed by OCR.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.core.money import round_half_up
from jixiao.core.provenance import Location
from jixiao.ingest import pdfgrid
from jixiao.ingest.normalize import Normal, plain
from jixiao.ingest.source import (
    MAX_BYTES,
    PAGE_NUMBER_RE,
    Block,
    Cell,
    Paragraph,
    ReadError,
    Row,
    SourceDocument,
    Table,
)

MAX_PAGES = 2000
SENTENCE_END = ("。", "；", "：", ":", "！", "？", ";")
HEADING_RE = re.compile(r"^\s*([（(]?[一二三四五六七八九十\d]+[)）、.．](?!\d)|第[一二三四五六七八九十]+部分|项目名称|项目单位|主管部门)")

Style = tuple[float, bool] | None
Point = Callable[[float, float], tuple[float, float]]


def _display(page: Any) -> Point:
    """Page space (y upwards) → the page as shown (y downwards from its top), its /Rotate applied: a landscape
    table printed on a rotated portrait page reads in rows, not in columns."""
    left, bottom, right, top = page.get_mediabox()
    width, height = right - left, top - bottom
    rotation = page.get_rotation() % 360

    def shown(x: float, y: float) -> tuple[float, float]:
        x, y = x - left, y - bottom
        if rotation == 90:
            return y, x
        if rotation == 180:
            return width - x, y
        if rotation == 270:
            return height - y, width - x
        return x, height - y

    return shown


def _edges(page: Any, display: Point) -> list[dict[str, Any]]:
    """Ruling lines of the page as pdfplumber edges (top measured from the page's top): thin paths are lines,
    wider ones boxes with four sides; a path of many segments gives each straight segment."""
    import pypdfium2.raw as pdfium_c

    edges: list[dict[str, Any]] = []

    def add(x0: float, top: float, x1: float, bottom: float) -> None:
        x0, x1, top, bottom = min(x0, x1), max(x0, x1), min(top, bottom), max(top, bottom)
        if x1 - x0 >= bottom - top:
            y = (top + bottom) / 2
            edges.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0,
                          "orientation": "h", "object_type": "line"})
        else:
            x = (x0 + x1) / 2
            edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0, "height": bottom - top,
                          "orientation": "v", "object_type": "line"})

    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4):
        forms = []  # a path inside form XObjects: their matrices take its coordinates to the page
        form = getattr(obj, "container", None)
        while form is not None:
            forms.append(form.get_matrix())
            form = getattr(form, "container", None)

        def to_page(x: float, y: float, forms: list[Any] = forms) -> tuple[float, float]:
            for matrix in forms:
                x, y = matrix.on_point(x, y)
            return display(x, y)

        count = pdfium_c.FPDFPath_CountSegments(obj.raw)
        if any(pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(obj.raw, i))
               == pdfium_c.FPDF_SEGMENT_BEZIERTO for i in range(min(count, 6))):
            continue  # curves (a chart, a seal) are no ruling lines
        if count > 5:  # a grid drawn as one path: its straight segments
            own = obj.get_matrix()
            x, y = ctypes.c_float(), ctypes.c_float()
            last = None
            for index in range(count):
                segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
                pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
                point = to_page(*own.on_point(x.value, y.value))
                if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_LINETO and last is not None and (
                        abs(point[0] - last[0]) < 1 or abs(point[1] - last[1]) < 1):
                    add(last[0], last[1], point[0], point[1])
                last = point
            continue
        left, bottom, right, top = obj.get_bounds()
        corners = [to_page(left, bottom), to_page(right, top)]
        x0, x1 = sorted(c[0] for c in corners)
        y0, y1 = sorted(c[1] for c in corners)
        if x1 - x0 >= 3 and y1 - y0 >= 3:  # a box: four sides
            add(x0, y0, x1, y0)
            add(x0, y1, x1, y1)
            add(x0, y0, x0, y1)
            add(x1, y0, x1, y1)
        else:
            add(x0, y0, x1, y1)
    return edges


def _tables(edges: list[dict[str, Any]]) -> list[Any]:
    """pdfplumber's table geometry (its default 'lines' settings) from the edges: tables of cell boxes."""
    from pdfplumber.table import Table as Geometry
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils.geometry import filter_edges

    merged = filter_edges(merge_edges(edges, 3, 3, 3, 3), min_length=3)
    cells = intersections_to_cells(edges_to_intersections(merged, 3, 3))
    return [Geometry(None, group) for group in cells_to_tables(cells)]  # type: ignore[arg-type]


def _cell_text(chars: list[tuple[float, float, float, float, str]]) -> str:
    """Characters of one cell in reading order: lines top to bottom, each left to right, joined."""
    lines: list[list[tuple[float, float, float, float, str]]] = []
    for char in sorted(chars, key=lambda ch: (ch[1] + ch[3]) / 2):
        middle = (char[1] + char[3]) / 2
        if lines and middle - (lines[-1][0][1] + lines[-1][0][3]) / 2 <= (char[3] - char[1]) / 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    return "".join(ch[4] for line in lines for ch in sorted(line, key=lambda ch: ch[0])).strip()


def _read_page(page: Any, number: int, page_at: Location, normal: Normal = plain) -> list[tuple[float, Block, Style]]:
    """The tables (cells by ruling lines) and the text lines outside them, each with its top (texts normalised)."""
    import pypdfium2.raw as pdfium_c

    display = _display(page)
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        edges = _edges(page, display)
        found = _tables(edges) if sum(e["orientation"] == "v" for e in edges) >= 2 else []
        boxes = [t.bbox for t in found]
        in_table: list[list[tuple[float, float, float, float, str]]] = [[] for _ in found]
        items: list[tuple[float, Block, Style]] = []
        lines: list[tuple[float, Paragraph, Style, tuple[pdfgrid.Segment, ...]]] = []
        line: list[str] = []
        line_at: list[int] = []
        line_top, line_style = 0.0, None

        def end_line() -> None:
            if line and "".join(line).strip():
                paragraph = Paragraph(normal("".join(line).strip()), page_at)
                segments = tuple(replace(segment, text=normal(segment.text))
                                 for segment in _segments(textpage, line_at, line, display))
                lines.append((line_top, paragraph, line_style, segments))

        for index, char in enumerate(text):
            if char in "\r\n":
                end_line()
                line, line_at = [], []
                continue
            if boxes or not line:  # on a page without tables only a line's first character is measured
                left, bottom, right, top = textpage.get_charbox(index, loose=True)
                (x0, y0), (x1, y1) = display(left, top), display(right, bottom)
                x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
                mid_x, mid_y = (x0 + x1) / 2, (y0 + y1) / 2
                inside = next((i for i, b in enumerate(boxes) if b[0] <= mid_x < b[2] and b[1] <= mid_y < b[3]), None)
                if inside is not None:
                    if not char.isspace():
                        in_table[inside].append((x0, y0, x1, y1, char))
                    continue
            if not line:
                size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
                bold = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600
                line_top, line_style = y0, (float(round_half_up(Decimal(str(size)), 1)), bold)
            line.append(char)
            line_at.append(index)
        end_line()
    finally:
        textpage.close()
    items += _gap_tables(lines, number, len(found), page_at)
    for t_index, (table, chars) in enumerate(zip(found, in_table, strict=True), start=1):
        at = page_at.with_(table=f"第{number}页表{t_index}")
        grid = [group.cells for group in table.rows]
        found_in: dict[tuple[int, int], list[tuple[float, float, float, float, str]]] = {}
        for ch in chars:  # each character into the cell holding its centre
            mid_x, mid_y = (ch[0] + ch[2]) / 2, (ch[1] + ch[3]) / 2
            for r, cells in enumerate(grid):
                hit = next((c for c, cell in enumerate(cells) if cell is not None and cell[1] <= mid_y < cell[3]
                            and cell[0] <= mid_x < cell[2]), None)
                if hit is not None:
                    found_in.setdefault((r, hit), []).append(ch)
                    break
        rows = [Row(tuple(Cell(normal(_cell_text(found_in.get((r, c), []))), at.with_(row=str(r + 1), column=str(c + 1)))
                          for c in range(len(cells))), at.with_(row=str(r + 1)))
                for r, cells in enumerate(grid)]
        if rows:
            items.append((table.bbox[1], Table(tuple(rows), at, clipped=_beyond_page(table.bbox, page, display)), None))
    return items


EDGE = 0.5  # points: a ruled table reaching this close to the page's edge runs off it


def _beyond_page(bbox: tuple[float, float, float, float], page: Any, display: Point) -> bool:
    """Whether a ruled table reaches the page's edge or past it (a sheet printed wider than its paper): its cells
    beyond the edge were not printed."""
    left, bottom, right, top = page.get_mediabox()
    corners = [display(left, bottom), display(right, top)]
    width = max(abs(corners[0][0] - corners[1][0]), 1.0)
    height = max(abs(corners[0][1] - corners[1][1]), 1.0)
    x0, top_, x1, bottom_ = bbox
    return x0 < EDGE or top_ < EDGE or x1 > width - EDGE or bottom_ > height - EDGE


def _segments(textpage: Any, indices: list[int], chars: list[str], display: Point) -> tuple[pdfgrid.Segment, ...]:
    """The line's segments between wide gaps (each character's advance box, top and height). pdfium puts a space
    where it sees a gap, so a line without one is a single segment, and only its ends are measured."""
    measured: list[tuple[float, float, float, float, str]] = []
    whole = " " not in chars
    for at, (index, char) in enumerate(zip(indices, chars, strict=True)):
        if char.isspace() or (whole and 0 < at < len(chars) - 1):
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        (x0, y0), (x1, y1) = display(left, top), display(right, bottom)
        measured.append((min(x0, x1), max(x0, x1), min(y0, y1), abs(y1 - y0), char))
    if whole and measured:
        return (pdfgrid.Segment(measured[0][0], measured[-1][1], "".join(chars).strip(), measured[0][2],
                                measured[0][3]),)
    return pdfgrid.segments(measured)


def _gap_tables(lines: list[tuple[float, Paragraph, Style, tuple[pdfgrid.Segment, ...]]], number: int, ruled: int,
                page_at: Location) -> list[tuple[float, Block, Style]]:
    """The text lines of a page, the runs that form a borderless table replaced by that table."""
    lines = sorted(lines, key=lambda item: item[0])
    shaped = [pdfgrid.Line(top, segs or (pdfgrid.Segment(0, 0, para.text),)) for top, para, _, segs in lines]
    items: list[tuple[float, Block, Style]] = []
    done = 0
    for t_index, (start, end) in enumerate(pdfgrid.runs(shaped), start=ruled + 1):
        cells = pdfgrid.grid(shaped[start:end])
        if not cells:
            continue
        items += [(top, para, style) for top, para, style, _ in lines[done:start]]
        at = page_at.with_(table=f"第{number}页表{t_index}")
        rows = tuple(Row(tuple(Cell(text, at.with_(row=str(r + 1), column=str(c + 1))) for c, text in enumerate(row)),
                         at.with_(row=str(r + 1))) for r, row in enumerate(cells))
        items.append((lines[start][0], Table(rows, at), None))
        done = end
    items += [(top, para, style) for top, para, style, _ in lines[done:]]
    return items


def _append(blocks: list[Block], block: Block, style: Style, last_style: Style) -> None:
    """Add a block; a wrapped line joins its paragraph (also a sentence the page's end broke, by the first line of
    the next page) and a table continued on the next page joins its table."""
    previous = blocks[-1] if blocks else None
    if (isinstance(block, Paragraph) and isinstance(previous, Paragraph) and style == last_style
            and (previous.location.page == block.location.page
                 or (previous.location.page == (block.location.page or 0) - 1 and block.location.line == 1))
            and not previous.text.endswith(SENTENCE_END) and not HEADING_RE.match(block.text)
            and not HEADING_RE.match(previous.text)):
        blocks[-1] = Paragraph(previous.text + block.text, previous.location)
    elif (isinstance(block, Table) and isinstance(previous, Table)
          and previous.location.page == (block.location.page or 0) - 1
          and len(previous.rows[0].cells) == len(block.rows[0].cells)):
        blocks[-1] = Table(previous.rows + block.rows, previous.location, clipped=previous.clipped or block.clipped)
    else:
        blocks.append(block)


def read_pdf(path: Path, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    where = Location(document=str(path))
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, [ReadError("文件过大（上限 50 MB）", where)]
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
    except (OSError, ValueError):
        return None, [ReadError("不是有效的 PDF 文件", where)]
    except Exception:  # pdfium raises PdfiumError for broken or encrypted files
        return None, [ReadError("无法打开 PDF 文件（文件损坏、加密或格式不符）", where)]
    blocks: list[Block] = []
    pictures: list[Location] = []  # pages with an image and no text
    last_style: Style = None  # a wrapped line keeps the size and weight of the line before
    chars = 0
    try:
        if len(pdf) > MAX_PAGES:
            return None, [ReadError(f"页数过多（{len(pdf)} 页，上限 {MAX_PAGES} 页）", where)]
        for index in range(len(pdf)):
            number, page = index + 1, pdf[index]
            page_at = where.with_(page=number)
            items = _read_page(page, number, page_at, normal)
            line_no = 0
            for _, block, style in sorted(items, key=lambda item: item[0]):
                if isinstance(block, Paragraph):
                    if not block.text or PAGE_NUMBER_RE.match(block.text):
                        continue
                    line_no += 1
                    chars += len(block.text)
                    block = Paragraph(block.text, page_at.with_(line=line_no))
                _append(blocks, block, style, last_style)
                last_style = style
            if not line_no and not any(isinstance(block, Table) for _, block, _ in items) and _has_image(page):
                pictures.append(page_at)
            page.close()
    except Exception:  # a broken page must not crash the reader
        return None, [ReadError("PDF 内容无法解析（文件损坏、加密或格式不符）", where)]
    finally:
        with contextlib.suppress(Exception):  # closing a corrupt file can raise too
            pdf.close()
    if chars == 0 and not any(isinstance(b, Table) for b in blocks):
        return None, [ReadError("PDF 没有文字层（可能是扫描件），请提供可复制文字的 PDF 或 Word/Excel 文件", where)]
    return SourceDocument(str(path), "pdf", tuple(blocks), pictures=tuple(pictures)), []


def _has_image(page: Any) -> bool:
    """Whether the page draws an image (a scan, a table pasted as a picture)."""
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
