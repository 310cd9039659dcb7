"""A document as blocks — headings, paragraphs, tables of cell texts and images — written as seed-form text,
Word or Excel (HTML and PDF: jixiao.render.html, jixiao.render.pdf). Generators build blocks; writers only lay
them out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    text: str


NUMERALS = "一二三四五六七八九十"
_NUMBERED = re.compile(f"^[{NUMERALS}]+、")


def renumber(blocks: list[Block]) -> list[Block]:
    """Level-2 headings “一、…” numbered in order, so that a section left out (its field empty) leaves no gap."""
    out, n = [], 0
    for block in blocks:
        if isinstance(block, Heading) and block.level == 2 and _NUMBERED.match(block.text):
            n += 1
            block = Heading(_NUMBERED.sub(f"{NUMERALS[n - 1]}、", block.text), 2)
        out.append(block)
    return out


@dataclass(frozen=True)
class Grid:
    """A table: rows of cell texts; `sheet` names its Excel sheet."""

    rows: tuple[tuple[str, ...], ...]
    sheet: str = ""
    notes: tuple[str, ...] = field(default=())
    header: int = 1  # leading rows that are column headings (set in bold)


@dataclass(frozen=True)
class Image:
    """A picture (PNG bytes), e.g. a chart, with its caption below it."""

    png: bytes
    caption: str
    width_cm: float = 15.0


Block = Heading | Para | Grid | Image


def to_text(blocks: list[Block]) -> str:
    """The seed text form: markdown headings, paragraphs, tab-separated tables."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Para):
            lines += [block.text, ""]
        elif isinstance(block, Image):
            lines += [f"【图】{block.caption}", ""]
        else:
            lines += ["\t".join(row) for row in block.rows]
            lines.append("")
            for note in block.notes:
                lines += [note, ""]
    return "\n".join(lines)


def to_docx(blocks: list[Block], path: Path, title: str) -> Path:
    import io

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.core_properties.title = title
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=min(block.level, 4))
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        elif isinstance(block, Image):
            document.add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption = document.add_paragraph(block.caption)
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            width = max(len(r) for r in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    if r < block.header and text:
                        cell.paragraphs[0].runs[0].bold = True
            for note in block.notes:
                document.add_paragraph(note)
    document.save(str(path))
    return path


def to_xlsx(blocks: list[Block], path: Path) -> Path:
    """One sheet per table (its `sheet` name), with the heading and paragraphs that precede it above the grid."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    workbook = Workbook()
    workbook.remove(workbook.active)
    thin = Side(style="thin")
    pending: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Para):
            pending.append(block.text)
            continue
        if isinstance(block, Image):
            continue  # pictures stay in the Word/PDF renditions
        sheet = workbook.create_sheet(block.sheet[:31] or f"表{len(workbook.sheetnames) + 1}")
        for text in pending:
            sheet.append([text])
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        pending = []
        start = sheet.max_row + 1
        for row in block.rows:
            sheet.append([_cell_value(t) for t in row])
        for row in sheet.iter_rows(min_row=start, max_row=sheet.max_row):
            for cell in row:
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"
                    cell.alignment = Alignment(horizontal="right")
                else:
                    cell.data_type = "s"
        for note in block.notes:
            sheet.append([note])
        sheet.column_dimensions["A"].width = 12
        sheet.column_dimensions["B"].width = 36
    workbook.save(str(path))
    return path


def _cell_value(text: str) -> object:
    try:
        return float(text) if text and text.replace(".", "", 1).isdigit() and "." in text else text
    except ValueError:
        return text
