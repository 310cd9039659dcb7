"""Text-based PDF: per page, the tables pdfplumber finds and the text lines outside them, in reading order.

Scanned PDFs (no text layer) are refused with a hint; nothing is guessed by OCR.
"""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal
from pathlib import Path

from jixiao.core.money import round_half_up
from jixiao.core.provenance import Location
from jixiao.ingest.source import MAX_BYTES, Block, Cell, Paragraph, ReadError, Row, SourceDocument, Table

MAX_PAGES = 2000
SENTENCE_END = ("。", "；", "：", ":", "！", "？", ";")
HEADING_RE = re.compile(r"^\s*([（(]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+部分|项目名称|项目单位|主管部门)")


def _inside(box: tuple[float, float, float, float], bboxes: list[tuple[float, float, float, float]]) -> bool:
    x0, top, x1, bottom = box
    return any(x0 >= b[0] - 1 and x1 <= b[2] + 1 and top >= b[1] - 1 and bottom <= b[3] + 1 for b in bboxes)


def _style(line: dict) -> tuple[float, bool] | None:  # type: ignore[type-arg]
    """Font size and boldness of a text line: a heading differs from the body line after it."""
    chars = line.get("chars") or []
    if not chars:
        return None
    first = chars[0]
    return float(round_half_up(Decimal(str(first.get("size", 0))), 1)), "bold" in str(first.get("fontname", "")).lower()


def read_pdf(path: Path) -> tuple[SourceDocument | None, list[ReadError]]:
    where = Location(document=str(path))
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, [ReadError("文件过大（上限 50 MB）", where)]
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError

        pdf = pdfplumber.open(str(path))
    except (PDFSyntaxError, OSError, ValueError) as exc:
        return None, [ReadError(f"不是有效的 PDF 文件（{type(exc).__name__}）", where)]
    except Exception as exc:  # pdfminer raises many types for broken files
        return None, [ReadError(f"无法打开 PDF 文件：{type(exc).__name__}", where)]
    blocks: list[Block] = []
    last_style: tuple[float, bool] | None = None  # a wrapped line keeps the size and weight of the line before
    chars = 0
    try:
        if len(pdf.pages) > MAX_PAGES:
            return None, [ReadError(f"页数过多（{len(pdf.pages)} 页，上限 {MAX_PAGES} 页）", where)]
        for number, page in enumerate(pdf.pages, start=1):
            page_at = where.with_(page=number)
            found = page.find_tables()
            bboxes = [t.bbox for t in found]
            items: list[tuple[float, Block, tuple[float, bool] | None]] = []
            for t_index, table in enumerate(found, start=1):
                rows = []
                for r, values in enumerate(table.extract(), start=1):
                    cells = tuple(Cell((v or "").replace("\n", ""), page_at.with_(table=f"第{number}页表{t_index}",
                                                                                  row=str(r), column=str(c)))
                                  for c, v in enumerate(values, start=1))
                    rows.append(Row(cells, page_at.with_(table=f"第{number}页表{t_index}", row=str(r))))
                if rows:
                    items.append((table.bbox[1], Table(tuple(rows), page_at.with_(table=f"第{number}页表{t_index}")),
                                  None))
            outside = page.filter(lambda obj, boxes=bboxes: obj.get("object_type") != "char" or not _inside(
                (obj["x0"], obj["top"], obj["x1"], obj["bottom"]), boxes))
            for line_no, line in enumerate(outside.extract_text_lines(), start=1):
                text = line["text"].strip()
                chars += len(text)
                if text:
                    items.append((line["top"], Paragraph(text, page_at.with_(line=line_no)), _style(line)))
            for _, block, style in sorted(items, key=lambda item: item[0]):
                previous = blocks[-1] if blocks else None
                same_style, last_style = style == last_style, style
                if (isinstance(block, Paragraph) and isinstance(previous, Paragraph) and same_style
                        and previous.location.page == block.location.page
                        and not previous.text.endswith(SENTENCE_END) and not HEADING_RE.match(block.text)
                        and not HEADING_RE.match(previous.text)):
                    blocks[-1] = Paragraph(previous.text + block.text, previous.location)  # a wrapped line
                elif (isinstance(block, Table) and isinstance(previous, Table)
                      and previous.location.page == (block.location.page or 0) - 1
                      and len(previous.rows[0].cells) == len(block.rows[0].cells)):
                    blocks[-1] = Table(previous.rows + block.rows, previous.location)  # continued on the next page
                else:
                    blocks.append(block)
    except Exception as exc:  # a broken page must not crash the reader
        return None, [ReadError(f"PDF 内容无法解析：{type(exc).__name__}", where)]
    finally:
        with contextlib.suppress(Exception):  # closing a corrupt file can raise too
            pdf.close()
    if chars == 0 and not any(isinstance(b, Table) for b in blocks):
        return None, [ReadError("PDF 没有文字层（可能是扫描件），请提供可复制文字的 PDF 或 Word/Excel 文件", where)]
    return SourceDocument(str(path), "pdf", tuple(blocks)), []
