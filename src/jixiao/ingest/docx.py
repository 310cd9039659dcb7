"""Word documents: body paragraphs and tables in document order, as a SourceDocument.

Merged cells appear once (python-docx repeats a merged cell's object across the grid; repeats become empty
cells so columns stay aligned, as in the seed text form). Locations name the table (1-based), row and column.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from jixiao.core.provenance import Location
from jixiao.ingest.normalize import Normal, plain
from jixiao.ingest.source import MAX_BYTES, Block, Cell, Paragraph, ReadError, Row, SourceDocument, Table

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a zip bomb is refused before it is opened


def _check_zip(path: Path, what: str) -> ReadError | None:
    where = Location(document=str(path))
    try:
        if path.stat().st_size > MAX_BYTES:
            return ReadError("文件过大（上限 50 MB）", where)
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):  # NotImplemented: a zip feature or version
        return ReadError(f"不是有效的 {what} 文件（文件损坏或格式不符）", where)
    if total > MAX_UNCOMPRESSED:
        return ReadError(f"文件解压后过大（{total // 1024 // 1024} MB），疑似压缩炸弹，已拒绝", where)
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return ReadError("文件含宏（VBA），为安全起见不予读取；请另存为不含宏的文件", where)
    return None


def _heading_level(style_name: str) -> int:
    name = style_name.lower()
    if name.startswith("heading") or name.startswith("标题"):
        digits = "".join(ch for ch in name if ch.isdigit())
        return int(digits) if digits else 1
    if name == "title":
        return 1
    return 0


def read_docx(path: Path, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    problem = _check_zip(path, "Word（.docx）")
    if problem is not None:
        return None, [problem]
    import docx  # python-docx

    try:
        document = docx.Document(str(path))
    except Exception:  # python-docx raises many types for broken parts
        return None, [ReadError("无法打开 Word 文件（文件损坏、加密或格式不符）", Location(document=str(path)))]
    try:
        blocks, pictures = _blocks(document, path, normal)
        return SourceDocument(str(path), "docx", blocks, pictures=pictures), []
    except Exception:  # a corrupt part can surface while walking the body
        return None, [ReadError("Word 文件内容损坏，无法读取", Location(document=str(path)))]


def _blocks(document: object, path: Path, normal: Normal) -> tuple[tuple[Block, ...], tuple[Location, ...]]:
    """The paragraphs and tables in order, and where a paragraph holds only a picture (a drawing or chart)."""
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    blocks: list[Block] = []
    pictures: list[Location] = []
    table_no = 0
    paragraph_no = 0
    for item in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, DocxParagraph):
            paragraph_no += 1
            text = normal(item.text)
            if text.strip():
                level = _heading_level(item.style.name if item.style is not None else "")
                blocks.append(Paragraph(text, Location(document=str(path), line=paragraph_no), heading_level=level))
            elif _PICTURE_TAGS & {child.tag for child in item._p.iter()}:
                pictures.append(Location(document=str(path), line=paragraph_no))
        elif isinstance(item, DocxTable):
            table_no += 1
            rows: list[Row] = []
            for r, row in enumerate(item.rows, start=1):
                seen: set[int] = set()
                cells: list[Cell] = []
                for c, cell in enumerate(row.cells, start=1):
                    key = id(cell._tc)
                    text = "" if key in seen else normal(cell.text.replace("\n", " "))
                    seen.add(key)
                    cells.append(Cell(text, Location(document=str(path), table=f"表{table_no}", row=str(r),
                                                     column=str(c))))
                rows.append(Row(tuple(cells), Location(document=str(path), table=f"表{table_no}", row=str(r))))
            if rows:
                blocks.append(Table(tuple(rows), Location(document=str(path), table=f"表{table_no}")))
    return tuple(blocks), tuple(pictures)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PICTURE_TAGS = {_W + "drawing", _W + "pict", _W + "object"}
