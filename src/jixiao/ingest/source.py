"""A document as blocks in reading order — paragraphs and tables — whatever its file format.

Every format reader (text, html, docx, doc/wps, xlsx/xls, pdf) produces a SourceDocument; every extractor (self-evaluation,
disclosure, narrative, prose) reads SourceDocuments. Each cell and paragraph keeps its Location, so a finding
can point at the line, table, row and column a value came from. Readers never raise on bad data: they return
(document or None, errors).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.core.provenance import Location
from jixiao.ingest.normalize import Normal, normaliser, plain

# '**' of markdown emphasis; a longer run of asterisks is a page's mask over hidden text ('***'), kept as printed.
_MARKUP = re.compile(r"</?b>|(?<!\*)\*\*(?!\*)|^#+\s*|^\s*-\s+")


def clean_text(text: str) -> str:
    """Strip markdown/HTML emphasis and heading marks that the seed form carries, and outer spaces."""
    return _MARKUP.sub("", text).strip()


# A page's running footer printed on a line of its own ('第 3 页', '第 3 页 共 12 页', '- 3 -', '3/12'): page furniture, no
# text of the document and no cell of a table it interrupts.
PAGE_NUMBER_RE = re.compile(r"^\s*(第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+)\s*$")


@dataclass(frozen=True)
class Cell:
    text: str
    location: Location = field(default_factory=Location)
    placed: bool = True  # False: a cell of a rebuilt table whose figure could not be placed (see ingest.placement)

    @property
    def clean(self) -> str:
        return clean_text(self.text)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    location: Location = field(default_factory=Location)

    @property
    def texts(self) -> list[str]:
        return [c.clean for c in self.cells]

    @property
    def filled(self) -> list[str]:
        """Non-empty cell texts, in order."""
        return [t for t in self.texts if t]


@dataclass(frozen=True)
class Paragraph:
    text: str
    location: Location = field(default_factory=Location)
    heading_level: int = 0  # 1 for '#', 2 for '##' …; 0 for body text

    @property
    def clean(self) -> str:
        return clean_text(self.text)


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    location: Location = field(default_factory=Location)
    # A PDF table drawn beyond the page's edge: the columns (or rows) past it were not printed, so what the page shows
    # is not the whole table and none of it may be taken as read.
    clipped: bool = False


Block = Paragraph | Table


@dataclass(frozen=True)
class SourceDocument:
    path: str
    format: str  # text | docx | doc | xlsx | xls | html | pdf
    blocks: tuple[Block, ...]
    # A web page's metadata and navigation lines dropped before reading (publisher, publication date, site banner):
    # not document text, kept only as the weakest evidence of who published it and when.
    preamble: tuple[str, ...] = ()
    # Where the content is a picture with no text (a scanned page, a table or chart pasted as an image): nothing to
    # read there, so whatever it shows is reported unread with its place, never passed over.
    pictures: tuple[Location, ...] = ()

    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.blocks if isinstance(b, Paragraph))

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))

    @property
    def text(self) -> str:
        """All text in reading order (table rows joined with tabs), for detection and prose scanning."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(block.clean)
            else:
                lines.extend("\t".join(row.texts) for row in block.rows)
        return "\n".join(lines)


# '2、公务接待费 9.28': a line ending in a row's figure, after its label
ROW_FIGURE_RE = re.compile(r"(?:^|\s)(-?\d[\d,]*(?:\.\d+)?)\s*$")
ROW_LINE_LENGTH = 40  # a line this short, no sentence in it, may be one row of a table laid out as lines of text


def following_figures(blocks: Sequence[Block], start: int) -> list[str]:
    """The figures closing the short lines from blocks[start] on ('一、支出合计 9.28', '5.公务接待批次(批) 186'): a
    table's rows laid out as lines of text, up to the next table or sentence."""
    figures: list[str] = []
    for after in blocks[start:]:
        text = after.clean.strip() if isinstance(after, Paragraph) else ""
        if not text or len(text) > ROW_LINE_LENGTH or re.search(r"[。；;]", text):
            if isinstance(after, Table) or text:
                break
            continue
        if match := ROW_FIGURE_RE.search(text):
            figures.append(match.group(1))
    return figures


@dataclass(frozen=True)
class ReadError:
    """A problem reading a file, in Chinese, with where it is."""

    message: str
    location: Location = field(default_factory=Location)

    def __str__(self) -> str:
        where = self.location.describe()
        return f"{where}：{self.message}" if where else self.message


MAX_BYTES = 50 * 1024 * 1024
_ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


def decode_text(data: bytes) -> str | None:
    """Text from bytes in UTF-8, GB18030 or UTF-16, or None when none fits."""
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    return None


def text_blocks(text: str, path: str) -> tuple[Block, ...]:
    """Blocks of a text file in any layout copied out of a web page, viewer or spreadsheet (see textlayout)."""
    from jixiao.ingest.textlayout import text_blocks as blocks_of

    return blocks_of(text, path)


def read_bytes(path: Path) -> tuple[bytes | None, list[ReadError]]:
    """A file's bytes, or why not (too large, unreadable)."""
    where = Location(document=str(path))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [ReadError(f"文件过大（{size // 1024 // 1024} MB，上限 50 MB）", where)]
        return path.read_bytes(), []
    except OSError:
        return None, [ReadError("无法读取文件（没有读取权限，或文件正被移动、删除）", where)]


def read_text(path: Path, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    """A .txt/.md file: tab- or '|'-separated tables, one cell per line, or a form flattened into one line."""
    data, errors = read_bytes(path)
    if data is None:
        return None, errors
    text = decode_text(data)
    if text is None:
        return None, [ReadError("无法识别文件编码（支持 UTF-8、GB18030、UTF-16）", Location(document=str(path)))]
    if re.match(r"\s*MIME-Version\s*:", text, re.IGNORECASE) and "multipart/" in text[:2000].lower():
        # a web archive (.mht) saved or copied as text: read as the page it carries
        from jixiao.ingest.html import read_mhtml

        return read_mhtml(path, data, normal)
    text = normal(text)
    return SourceDocument(str(path), "text", text_blocks(text, str(path)), preamble=text_preamble(text)), []


def text_preamble(text: str) -> tuple[str, ...]:
    """The metadata and navigation lines at the top of a text that the layout reader drops (see textlayout)."""
    from jixiao.ingest.textlayout import metadata_lines

    return tuple(line for line in metadata_lines(text.splitlines()).values() if line)


# Readers by suffix; format modules (docx, xlsx, pdf) add themselves here when they exist.
READERS = {
    ".txt": "jixiao.ingest.source:read_text",
    ".md": "jixiao.ingest.source:read_text",
    ".docx": "jixiao.ingest.docx:read_docx",
    ".xlsx": "jixiao.ingest.xlsx:read_xlsx",
    ".xlsm": "jixiao.ingest.xlsx:read_xlsx",
    ".xls": "jixiao.ingest.xlsx:read_xls",
    ".ods": "jixiao.ingest.xlsx:read_xls",
    ".pdf": "jixiao.ingest.pdf:read_pdf",
    ".html": "jixiao.ingest.html:read_html",
    ".htm": "jixiao.ingest.html:read_html",
    ".mht": "jixiao.ingest.html:read_mht",
    ".mhtml": "jixiao.ingest.html:read_mht",
    ".doc": "jixiao.ingest.worddoc:read_doc",
    ".wps": "jixiao.ingest.worddoc:read_doc",
}


# Binary formats without a maintained pure-Python reader: the user is told how to convert them.
SAVE_AS = {".et": " WPS 表格（.et）格式"}


def read_source(path: Path) -> tuple[SourceDocument | None, list[ReadError]]:
    """Read any supported file into a SourceDocument, or return why not (in Chinese).

    A document whose text needs normalising (Traditional characters, inserted pinyin; see ingest.normalize) is read
    a second time with its texts normalised as the reader takes them out, so everything that recognises text —
    page chrome, captions, headers, labels, layouts — sees Simplified text."""
    import importlib

    target = READERS.get(path.suffix.lower())
    if path.suffix.lower() in SAVE_AS:
        return None, [ReadError(f"暂不支持{SAVE_AS[path.suffix.lower()]}，请在 WPS 或 Office 中另存为 .docx、.xlsx 或 PDF 后再读取",
                                Location(document=str(path)))]
    if target is None:
        supported = "、".join(sorted(READERS))
        return None, [ReadError(f"不支持的文件类型“{path.suffix or '无扩展名'}”（支持 {supported}）",
                                Location(document=str(path)))]
    module_name, func_name = target.split(":")
    reader = getattr(importlib.import_module(module_name), func_name)
    source, errors = reader(path)
    if source is None:
        return None, errors
    normal = normaliser("\n".join((*source.preamble, source.text)))
    return (source, errors) if normal is None else reader(path, normal)
