"""Web pages (.html/.htm) saved from a site: headings, paragraphs and tables in reading order.

Parsed by BeautifulSoup on lxml. Scripts, styles, navigation, headers, footers and forms are dropped. A table's
rowspan/colspan cells are expanded to a grid: the text stays in the top-left position and the positions it
covers are empty (as the Word reader does), so columns stay aligned. Locations name the table (1-based), row and
column. Site metadata lines before the document (索引号、发布机构 …) are dropped as in text files.

A table or form published as a picture holds no text to read: an image in a table's cells (a cell with no text
beside it), or an image standing on its own right after a line that announces a table, an attachment or a figure
('附表1 收入支出决算总表', '决算公开表如下：'), or whose own alt text names a table, is listed in
SourceDocument.pictures with its place (table, row and column, or its position among the paragraphs), to be
reported unread like a PDF's picture page. Other images (logos, icons, photos) are passed over.
"""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.core.provenance import Location
from jixiao.ingest.normalize import Normal, plain
from jixiao.ingest.source import (
    Block,
    Cell,
    Paragraph,
    ReadError,
    Row,
    SourceDocument,
    Table,
    decode_text,
    read_bytes,
)
from jixiao.ingest.textlayout import PREAMBLE_LINES, metadata_lines

DROPPED = {"script", "style", "noscript", "nav", "header", "footer", "form", "button", "select", "iframe", "svg",
           "template", "head"}
BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
          "h1", "h2", "h3", "h4", "h5", "h6", "center", "td", "th", "tr", "body", "html", "aside", "caption"}
MAX_SPAN = 200
# A line announcing what the image after it shows: a short title naming a table, an attachment or a figure, or a
# sentence closing on 'as follows' / 'see the figure below'.
_PICTURE_CAPTION = re.compile(r"表|附件|图")
_PICTURE_LEAD = re.compile(r"(?:如下|下图|下表|见图|如图)\s*[：:。.]?$")
_CAPTION_LENGTH = 40
CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", re.IGNORECASE)


def _decode(data: bytes) -> str | None:
    match = CHARSET_RE.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii").lower().replace("gb2312", "gb18030"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def read_html(path: Path, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    data, errors = read_bytes(path)
    if data is None:
        return None, errors
    return html_document(path, data, normal)


def read_mhtml(path: Path, data: bytes, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    """A web page saved as one MIME file (.mht, or Word's “single file web page” under a .doc name): its HTML part."""
    import email
    from email import policy

    try:
        message = email.message_from_bytes(data, policy=policy.compat32)
        part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
        page = part.get_payload(decode=True) if part is not None else None
    except Exception:  # a broken MIME structure must not crash the reader
        page = None
    if not isinstance(page, bytes) or not page:
        return None, [ReadError("网页存档（MHT）中找不到网页内容（文件损坏或格式不符）", Location(document=str(path)))]
    return html_document(path, page, normal)


def html_document(path: Path, data: bytes, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    """A page's bytes as a SourceDocument (its text normalised by `normal` before it is parsed)."""
    text = _decode(data)
    if text is None:
        return None, [ReadError("无法识别网页编码（支持 UTF-8、GB18030、UTF-16）", Location(document=str(path)))]
    text = normal(text)
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(text, "lxml")
        walker = _Walker(str(path))
        blocks = walker.blocks_of(soup)
    except Exception:  # the parser is lenient, but a pathological page must not crash the reader
        return None, [ReadError("网页内容无法解析（文件损坏、加密或格式不符）", Location(document=str(path)))]
    return SourceDocument(str(path), "html", blocks, preamble=tuple(walker.preamble),
                          pictures=tuple(walker.pictures)), []


class _Walker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.paragraphs = 0
        self.tables = 0
        self.preamble: list[str] = []  # metadata and navigation dropped before the document
        self.pictures: list[Location] = []  # images showing a table, with their place

    def blocks_of(self, soup: object) -> tuple[Block, ...]:
        """The page's blocks without the site metadata and navigation before the document (in the paragraphs before
        its first table), which go to the preamble."""
        self.walk(soup)
        self.flush()
        lead = 0
        while lead < min(len(self.blocks), PREAMBLE_LINES) and isinstance(self.blocks[lead], Paragraph):
            lead += 1
        dropped = metadata_lines([block.text for block in self.blocks[:lead] if isinstance(block, Paragraph)])
        self.preamble = [line for line in dropped.values() if line]
        return tuple(block for index, block in enumerate(self.blocks) if index not in dropped)

    def flush(self, level: int = 0) -> None:
        text = re.sub(r"[ \t\r\n\u3000\xa0]+", " ", "".join(self.buffer)).strip()
        self.buffer = []
        if not text:
            return
        self.paragraphs += 1
        self.blocks.append(Paragraph(text, Location(document=self.path, line=self.paragraphs), heading_level=level))

    def walk(self, node: object) -> None:
        from bs4 import Comment, NavigableString, Tag

        for child in getattr(node, "children", ()):
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in DROPPED:
                continue
            if name == "br":
                self.flush()
            elif name == "img":
                self.image(child)
            elif name == "table":
                self.flush()
                self.table(child)
            elif re.fullmatch(r"h[1-6]", name):
                self.flush()
                self.walk(child)
                self.flush(level=int(name[1]))
            elif name in BLOCKS:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def image(self, img: object) -> None:
        """An image standing on its own (no text before it in its line) that a caption line just before it, or its
        own alt text, says shows a table, an attachment or a figure: recorded as a picture at its position."""
        if "".join(self.buffer).strip():
            return  # an inline image inside a line of text (an icon, a mark)
        alt = " ".join(str(img.get(k) or "") for k in ("alt", "title"))  # type: ignore[attr-defined]
        last = self.blocks[-1] if self.blocks else None
        caption = last.text if isinstance(last, Paragraph) and last.location.line == self.paragraphs else ""
        after_picture = bool(self.pictures) and self.pictures[-1].line == self.paragraphs and not self.pictures[-1].table
        if (after_picture or "表" in alt or _PICTURE_LEAD.search(caption)
                or (caption and len(caption) <= _CAPTION_LENGTH and _PICTURE_CAPTION.search(caption))):
            self.paragraphs += 1  # the picture takes its place among the paragraphs
            self.pictures.append(Location(document=self.path, line=self.paragraphs))

    def table(self, table: object) -> None:
        """The table as a grid: spans expanded, text in the top-left position of each span."""
        self.tables += 1
        name = f"表{self.tables}"
        grid: dict[tuple[int, int], str] = {}
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]  # type: ignore[attr-defined]
        for r, tr in enumerate(rows):
            c = 0
            for td in tr.find_all(["td", "th"], recursive=False):
                while (r, c) in grid:
                    c += 1
                rowspan = _span(td.get("rowspan"))
                colspan = _span(td.get("colspan"))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        grid.setdefault((r + dr, c + dc), "")
                grid[(r, c)] = _cell_text(td)
                if not grid[(r, c)] and td.find("img") is not None:  # a cell showing a picture of its content
                    self.pictures.append(Location(document=self.path, table=name, row=str(r + 1), column=str(c + 1)))
                c += colspan
        if not grid:
            return
        height = max(r for r, _ in grid) + 1
        width = max(c for _, c in grid) + 1
        built: list[Row] = []
        for r in range(height):
            texts = [grid.get((r, c), "") for c in range(width)]
            if not any(texts):
                continue
            where = Location(document=self.path, table=name, row=str(r + 1))
            built.append(Row(tuple(Cell(t, where.with_(column=str(c + 1))) for c, t in enumerate(texts)), where))
        if built:
            self.blocks.append(Table(tuple(built), Location(document=self.path, table=name)))


def _span(value: object) -> int:
    try:
        return max(1, min(MAX_SPAN, int(str(value).strip())))
    except (TypeError, ValueError):
        return 1


def _cell_text(td: object) -> str:
    for dropped in td.find_all(list(DROPPED)):  # type: ignore[attr-defined]
        dropped.decompose()
    for br in td.find_all("br"):  # type: ignore[attr-defined]
        br.replace_with(" ")
    return re.sub(r"[ \t\r\n\u3000\xa0]+", " ", td.get_text("")).strip()  # type: ignore[attr-defined]
