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


def _decode(data: bytes, declared: str | None = None) -> str | None:
    match = CHARSET_RE.search(data[:4096])
    for charset in (match.group(1).decode("ascii") if match else None, declared):
        if not charset or charset.lower() in ("us-ascii", "ascii"):
            continue  # (an ASCII page's other characters are entities; bytes beyond ASCII are read by what fits)
        try:
            return data.decode(charset.lower().replace("gb2312", "gb18030"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def read_html(path: Path, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    data, errors = read_bytes(path)
    if data is None:
        return None, errors
    return html_document(path, data, normal)


def read_mht(path: Path, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    """A web page saved as one MIME file (.mht, .mhtml)."""
    data, errors = read_bytes(path)
    if data is None:
        return None, errors
    return read_mhtml(path, data, normal)


def read_mhtml(path: Path, data: bytes, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    """A web page saved as one MIME file (.mht, or Word's “single file web page” under a .doc name): its HTML part,
    decoded as its MIME headers say (quoted-printable or base64, the part's charset), then read like any page (its HTML
    entities, '&#24773;', are characters to the HTML parser). A copy whose MIME headers were run together onto one line
    (a web archive copied as text) is taken apart by its boundary (see _flattened_mhtml)."""
    import email
    from email import policy

    charset = None
    try:
        message = email.message_from_bytes(data, policy=policy.compat32)
        part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
        page = part.get_payload(decode=True) if part is not None else None
        charset = part.get_content_charset() if part is not None else None
    except Exception:  # a broken MIME structure must not crash the reader
        page = None
    if not isinstance(page, bytes) or not page:
        text = decode_text(data)
        flattened = _flattened_mhtml(text) if text is not None else None
        if flattened is None:
            return None, [ReadError("网页存档（MHT）中找不到网页内容（文件损坏或格式不符）", Location(document=str(path)))]
        page, lost = flattened
        source, errors = html_document(path, page.encode("utf-8"), normal, charset="utf-8")
        if source is not None and lost:
            errors = [*errors, ReadError(f"网页存档（MHT）中有 {lost} 个字符在保存时已损坏（HTML 字符实体被软换行截断，前半已丢失），"
                                         "无法还原，以“\ufffd”标出；这些位置的文字未能读取", Location(document=str(path)))]
        return source, errors
    return html_document(path, page, normal, charset=charset)


# The start of a web archive: its MIME header, and the boundary between its parts.
MHTML_START_RE = re.compile(r"\A\s*MIME-Version\s*:", re.IGNORECASE)
_BOUNDARY_RE = re.compile(r"boundary\s*=\s*\"?([^\"\s;]+)\"?", re.IGNORECASE)
# A quoted-printable soft line break, with what the text shows right after it: the rest of an HTML character entity
# ('&#2=\n4773;', '&=\n#12289;'), or its closing ';' alone.
_SOFT_BREAK_RE = re.compile(r"(.?)=\r?\n(#?\d{1,7};|;)?", re.DOTALL)
_TAG_RE = re.compile(r"<(?:p|div|table|br|span|body|html|h[1-6])\b", re.IGNORECASE)
_QP_BYTE_RE = re.compile(r"=([0-7][0-9A-Fa-f])")  # an escaped ASCII byte ('=3D' for '='); others are left as printed
# The characters an entity cut in two may stand for when its first half was rendered on its own: CJK and its
# punctuation, full-width forms.
_RENDERED_RANGES = ((0x3000, 0x9FFF), (0xFF00, 0xFFEF))


def _flattened_mhtml(text: str) -> tuple[str, int] | None:
    """The HTML part of a web archive whose text was copied with its headers run together ('MIME-Version: 1.0
    Content-Type: multipart/related; boundary="…" … Content-Transfer-Encoding: quoted-printable Content-Type: text/html')
    and its entities already partly rendered: the part's body with its quoted-printable soft breaks joined, and how many
    characters could not be restored. None when the text is no web archive with an HTML part."""
    if not MHTML_START_RE.match(text) or not (boundary := _BOUNDARY_RE.search(text)):
        return None
    for part in text.split("--" + boundary.group(1))[1:]:
        head, _, body = part.partition("\n")  # the part's headers, run together on its first line
        if "text/html" not in head.lower():
            continue
        page, lost = _joined_soft_breaks(body) if "quoted-printable" in head.lower() else (body, 0)
        if not _TAG_RE.search(page):  # its tags dropped by the copy: its lines are its paragraphs
            page = "".join(f"<p>{line}</p>" for line in page.splitlines() if line.strip())
        return page, lost
    return None


def _joined_soft_breaks(body: str) -> tuple[str, int]:
    """A quoted-printable body as text: soft breaks joined, escaped ASCII bytes decoded. Where a soft break cut an HTML
    character entity and the first half was rendered on its own ('&#213' shown as 'Õ', then '06;' after the break:
    '&#21306;', 区), the character is restored when the two halves make one in _RENDERED_RANGES; where the first half
    was lost ('&#2' rendered as nothing), the rest ('4773;') is no text: it becomes U+FFFD, counted as lost."""
    lost = 0

    def join(match: re.Match[str]) -> str:
        nonlocal lost
        before, tail = match.group(1), match.group(2) or ""
        written = before.isdigit() and "&#" in match.string[max(0, match.start() - 8):match.start()]
        if not tail or tail.startswith("#") or before == "&" or written:
            return before + tail  # a plain break, or an entity still written out on both sides: joined whole
        if tail == ";":
            return before  # the entity before the break was rendered without its ';'
        if ord(before or "a") > 0x7F and any(low <= (code := int(f"{ord(before)}{tail[:-1]}")) <= high
                                             for low, high in _RENDERED_RANGES):
            return chr(code)
        lost += 1
        return before + "\ufffd"

    joined = _SOFT_BREAK_RE.sub(join, body)
    return _QP_BYTE_RE.sub(lambda m: chr(int(m.group(1), 16)), joined), lost


def html_document(path: Path, data: bytes, normal: Normal = plain,
                  charset: str | None = None) -> tuple[SourceDocument | None, list[ReadError]]:
    """A page's bytes as a SourceDocument (its text normalised by `normal` before it is parsed). `charset`: what the
    page's carrier declares (a web archive's MIME part), tried when the page itself names none."""
    text = _decode(data, charset)
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
