"""Word 97–2003 (.doc) and WPS Writer (.wps) files: body paragraphs and tables in document order, as a SourceDocument.

A pure-Python reader of the Word binary format ([MS-DOC]) on olefile. From the WordDocument stream's FIB it takes
the piece table (CLX in the 0Table/1Table stream) and the main document text (the first ccpText characters).
Paragraph properties come from the PAPX FKPs (PlcBtePapx): they tell a table cell's end mark (\\x07) from a row's
end mark (sprmPFTtp), and the table depth (sprmPItap) of nested tables, whose text stays in the outer cell. The
row's table definition (sprmTDefTable, carried on the row-end mark) gives the cell edges: a cell wider than the
table's column grid is followed by empty cells and a vertically merged cell repeats the text above, as the .docx
reader yields them. Field instructions are dropped, field results kept. Heading levels come from the paragraph
style's built-in identifier (heading 1–9, Title).

A file named .doc that is not one (a .docx, a web page or a PDF saved under that name, as many sites publish) is
read by the reader of what it really is; RTF and Word XML are named in the error. Nothing here raises on bad
data: every problem is a ReadError in Chinese.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from pathlib import Path

from jixiao.core.provenance import Location
from jixiao.ingest.normalize import Normal, plain
from jixiao.ingest.source import Block, Cell, Paragraph, ReadError, Row, SourceDocument, Table, read_bytes

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_IDENT = 0xA5EC
MIN_NFIB = 0x00C0  # Word 97 and later; Word 6.0/95 files have another layout
FKP_SIZE = 512

# Paragraph sprms read here ([MS-DOC] 2.6.2) and table sprms carried on a row-end mark (2.6.3).
SPRM_IN_TABLE = 0x2416
SPRM_TTP = 0x2417
SPRM_ITAP = 0x6649
SPRM_INNER_CELL = 0x244B
SPRM_INNER_TTP = 0x244C
SPRM_HUGE_PAPX = 0x6646
SPRM_TDEF_TABLE = 0xD608
SPRM_TVERT_MERGE = 0xD62B
SPRM_PCHG_TABS = 0xC615

TC_VERT_MERGE = 0x0020
TC_VERT_RESTART = 0x0040
GRID_TOLERANCE = 2  # twips: cell edges closer than this are one column line
MAX_GRID = 256  # column lines; Word allows 63 columns, so more is a broken definition and cells are kept as read

# Compressed (8-bit) text is Windows-1252; its five unassigned bytes stand for themselves ([MS-DOC] 2.4.1).
_CP1252 = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))
_DROPPED = {chr(c) for c in range(0x20)} - {"\t", "\n", "\r", "\x07", "\x0b", "\x0c", "\x0e", "\x13", "\x14", "\x15"}
_CHAR_MAP = {"\x0b": "\n", "\x0e": "\n", "\x1e": "-", "\xad": ""}


class DocFormatError(Exception):
    """A file that cannot be read as a Word binary document; the message is for the user, in Chinese."""


# ---------------------------------------------------------------- pieces and text


@dataclass(frozen=True)
class Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset of the piece's first character in the WordDocument stream
    compressed: bool  # 8-bit Windows-1252 characters rather than UTF-16LE
    prm: int = 0

    def fc_of(self, cp: int) -> int:
        return self.fc + (cp - self.cp_start) * (1 if self.compressed else 2)


def piece_of(cp_start: int, cp_end: int, fc_compressed: int, prm: int = 0) -> Piece:
    """A piece from its PCD's FcCompressed: bit 30 set means 8-bit text at (fc & ~bit 30) / 2."""
    if fc_compressed & 0x40000000:
        return Piece(cp_start, cp_end, (fc_compressed & 0x3FFFFFFF) // 2, True, prm)
    return Piece(cp_start, cp_end, fc_compressed & 0x3FFFFFFF, False, prm)


def piece_text(stream: bytes, piece: Piece) -> str:
    """The characters of one piece, decoded as the piece says (8-bit Windows-1252 or UTF-16LE)."""
    count = piece.cp_end - piece.cp_start
    if piece.compressed:
        data = stream[piece.fc:piece.fc + count]
        if len(data) != count:
            raise DocFormatError("文本超出文件范围（文件不完整或已损坏）")
        return "".join(_CP1252[b] for b in data)
    data = stream[piece.fc:piece.fc + 2 * count]
    if len(data) != 2 * count:
        raise DocFormatError("文本超出文件范围（文件不完整或已损坏）")
    return data.decode("utf-16-le", errors="replace")


def parse_clx(clx: bytes) -> tuple[list[Piece], list[bytes]]:
    """The piece table (PlcPcd) and the property modifiers (Prc grpprls) of a CLX."""
    grpprls: list[bytes] = []
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc
        (size,) = struct.unpack_from("<h", clx, pos + 1)
        grpprls.append(clx[pos + 3:pos + 3 + size])
        pos += 3 + max(size, 0)
    if pos >= len(clx) or clx[pos] != 0x02:
        raise DocFormatError("找不到文本位置表（文件已损坏）")
    (lcb,) = struct.unpack_from("<I", clx, pos + 1)
    plc = clx[pos + 5:pos + 5 + lcb]
    count = (len(plc) - 4) // 12
    if count < 1 or len(plc) < 4 + 12 * count:
        raise DocFormatError("文本位置表不完整（文件已损坏）")
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces = []
    for i in range(count):
        _, fc, prm = struct.unpack_from("<HIH", plc, 4 * (count + 1) + 8 * i)
        if cps[i + 1] > cps[i]:
            pieces.append(piece_of(cps[i], cps[i + 1], fc, prm))
    return pieces, grpprls


# ---------------------------------------------------------------- properties


@dataclass
class Props:
    """What the reader needs from a paragraph's properties."""

    istd: int = 0
    in_table: bool = False
    ttp: bool = False
    itap: int | None = None
    inner_cell: bool = False
    inner_ttp: bool = False
    edges: tuple[int, ...] = ()  # cell edges in twips (itcMac + 1), from sprmTDefTable on a row-end mark
    vert: dict[int, int] = field(default_factory=dict)  # cell index → TC flags (vertical merge)

    @property
    def depth(self) -> int:
        if self.itap is not None:
            return self.itap
        return 1 if self.in_table else 0


def _operand_size(sprm: int, data: bytes, pos: int) -> tuple[int, int]:
    """(bytes before the operand's value, operand length) of the sprm whose operand starts at pos."""
    spra = sprm >> 13
    if spra in (0, 1):
        return 0, 1
    if spra in (2, 4, 5):
        return 0, 2
    if spra == 3:
        return 0, 4
    if spra == 7:
        return 0, 3
    if sprm == SPRM_TDEF_TABLE:  # a 2-byte size, one more than the bytes that follow it
        (cb,) = struct.unpack_from("<H", data, pos)
        return 2, max(cb - 1, 0)
    size = data[pos]
    if sprm == SPRM_PCHG_TABS and size == 255:  # deleted tabs with close distances, then added tabs
        deleted = data[pos + 1]
        added = data[pos + 2 + 4 * deleted]
        return 1, 2 + 4 * deleted + 3 * added
    return 1, size


def sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """The (sprm, operand) pairs of a grpprl; a truncated last one is dropped."""
    out = []
    pos = 0
    while pos + 2 < len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, pos)
        pos += 2
        try:
            skip, size = _operand_size(sprm, grpprl, pos)
        except (struct.error, IndexError):
            break
        operand = grpprl[pos + skip:pos + skip + size]
        if len(operand) < size:
            break
        out.append((sprm, operand))
        pos += skip + size
    return out


def apply_sprms(props: Props, grpprl: bytes, data_stream: bytes = b"") -> None:
    for sprm, operand in sprms(grpprl):
        if sprm == SPRM_IN_TABLE:
            props.in_table = operand[0] != 0
        elif sprm == SPRM_TTP:
            props.ttp = operand[0] != 0
        elif sprm == SPRM_ITAP:
            props.itap = struct.unpack("<i", operand)[0] if len(operand) == 4 else operand[0]
        elif sprm == SPRM_INNER_CELL:
            props.inner_cell = operand[0] != 0
        elif sprm == SPRM_INNER_TTP:
            props.inner_ttp = operand[0] != 0
        elif sprm == SPRM_TDEF_TABLE:
            _table_definition(props, operand)
        elif sprm == SPRM_TVERT_MERGE and len(operand) >= 3:
            props.vert[operand[1]] = {1: TC_VERT_MERGE, 3: TC_VERT_MERGE | TC_VERT_RESTART}.get(operand[2], 0)
        elif sprm == SPRM_HUGE_PAPX and data_stream:  # the grpprl is in the Data stream
            (offset,) = struct.unpack("<I", operand)
            if offset + 2 <= len(data_stream):
                (size,) = struct.unpack_from("<H", data_stream, offset)
                apply_sprms(props, data_stream[offset + 2:offset + 2 + size])


def _table_definition(props: Props, operand: bytes) -> None:
    if not operand:
        return
    count = operand[0]
    if len(operand) < 1 + 2 * (count + 1):
        return
    props.edges = struct.unpack_from(f"<{count + 1}h", operand, 1)
    tcs = operand[1 + 2 * (count + 1):]
    for i in range(min(count, len(tcs) // 20)):
        (flags,) = struct.unpack_from("<H", tcs, 20 * i)
        if flags & TC_VERT_MERGE:
            props.vert[i] = flags & (TC_VERT_MERGE | TC_VERT_RESTART)


class PapxIndex:
    """Paragraph properties by the stream offset (FC) of a paragraph mark, through PlcBtePapx and its FKPs."""

    def __init__(self, word: bytes, table: bytes, fc: int, lcb: int, data_stream: bytes) -> None:
        self.word = word
        self.data_stream = data_stream
        count = (lcb - 4) // 8 if lcb >= 12 else 0
        plc = table[fc:fc + lcb]
        if count and len(plc) >= 4 + 8 * count:
            self.fcs = struct.unpack_from(f"<{count + 1}I", plc, 0)
            self.pages = [pn & 0x3FFFFF for pn in struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))]
        else:
            self.fcs, self.pages = (), []
        self._fkps: dict[int, tuple[tuple[int, ...], bytes] | None] = {}

    def _fkp(self, pn: int) -> tuple[tuple[int, ...], bytes] | None:
        if pn not in self._fkps:
            page = self.word[pn * FKP_SIZE:(pn + 1) * FKP_SIZE]
            crun = page[-1] if len(page) == FKP_SIZE else 0
            if not crun or 4 * (crun + 1) + 13 * crun > FKP_SIZE - 1:
                self._fkps[pn] = None
            else:
                self._fkps[pn] = (struct.unpack_from(f"<{crun + 1}I", page, 0), page)
        return self._fkps[pn]

    def props(self, fc: int) -> Props:
        props = Props()
        i = bisect_right(self.fcs, fc) - 1
        if 0 <= i < len(self.pages) and fc < self.fcs[i + 1]:
            self._apply_fkp(props, self.pages[i], fc)
        return props

    def _apply_fkp(self, props: Props, pn: int, fc: int) -> None:
        fkp = self._fkp(pn)
        if fkp is None:
            return
        rgfc, page = fkp
        crun = len(rgfc) - 1
        j = bisect_right(rgfc, fc) - 1
        if not (0 <= j < crun and fc < rgfc[j + 1]):
            return
        offset = 2 * page[4 * (crun + 1) + 13 * j]
        if not offset:
            return  # default properties
        cb = page[offset]
        grp = page[offset + 1:offset + 2 * cb] if cb else page[offset + 2:offset + 2 + 2 * page[offset + 1]]
        if len(grp) >= 2:
            props.istd = struct.unpack_from("<H", grp, 0)[0]
            apply_sprms(props, grp[2:], self.data_stream)


def heading_levels(table: bytes, fc: int, lcb: int) -> dict[int, int]:
    """istd → heading level for the built-in heading 1–9 (sti 1–9) and Title (sti 62) styles of the STSH."""
    data = table[fc:fc + lcb]
    levels: dict[int, int] = {}
    if len(data) < 6:
        return levels
    (cb_stshi,) = struct.unpack_from("<H", data, 0)
    if len(data) < 2 + cb_stshi or cb_stshi < 4:
        return levels
    cstd, _ = struct.unpack_from("<HH", data, 2)
    pos = 2 + cb_stshi
    for istd in range(cstd):
        if pos + 2 > len(data):
            break
        (cb_std,) = struct.unpack_from("<H", data, pos)
        if cb_std >= 2 and pos + 4 <= len(data):
            sti = struct.unpack_from("<H", data, pos + 2)[0] & 0x0FFF
            if 1 <= sti <= 9:
                levels[istd] = sti
            elif sti == 62:
                levels[istd] = 1
        pos += 2 + cb_std
    return levels


# ---------------------------------------------------------------- the document


@dataclass(frozen=True)
class Mark:
    """A paragraph as the Word binary has it: text up to its end mark (\\r, \\x07 or \\x0c) and its properties."""

    text: str
    end: str
    props: Props


def _fib(word: bytes) -> tuple[bool, int, list[tuple[int, int]]]:
    """(table stream 1Table?, ccpText, [(fc, lcb)]) from the FIB, or DocFormatError."""
    if len(word) < 64:
        raise DocFormatError("文件头不完整（文件已损坏）")
    ident, nfib = struct.unpack_from("<HH", word, 0)
    if ident != WORD_IDENT:
        raise DocFormatError("不是 Word 文档（文件头标识不符）")
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    if flags & 0x0100 or flags & 0x8000:
        raise DocFormatError("文件已加密（设有打开密码），无法读取；请在 WPS 或 Office 中取消密码后另存为 .docx 再读取")
    if nfib < MIN_NFIB:
        raise DocFormatError("文件为 Word 6.0/95 等早期格式，暂不支持；请在 WPS 或 Office 中另存为 .docx 后再读取")
    pos = 32
    (csw,) = struct.unpack_from("<H", word, pos)
    pos += 2 + 2 * csw
    (cslw,) = struct.unpack_from("<H", word, pos)
    if cslw < 4:
        raise DocFormatError("文件头不完整（文件已损坏）")
    ccp_text = struct.unpack_from("<i", word, pos + 2 + 12)[0]
    pos += 2 + 4 * cslw
    (count,) = struct.unpack_from("<H", word, pos)
    pos += 2
    if count < 34 or len(word) < pos + 8 * count:
        raise DocFormatError("文件头不完整（文件已损坏）")
    pairs = [struct.unpack_from("<II", word, pos + 8 * i) for i in range(count)]
    return bool(flags & 0x0200), max(ccp_text, 0), pairs


FC_STSHF, FC_PLCF_BTE_PAPX, FC_CLX = 1, 13, 33


def paragraphs_of(ole: object) -> tuple[list[Mark], dict[int, int]]:
    """The main document's paragraphs with their properties, and the heading level of each heading style."""
    word = _stream(ole, "WordDocument")
    one_table, ccp_text, pairs = _fib(word)
    table_name = "1Table" if one_table else "0Table"
    if not ole.exists(table_name):  # type: ignore[attr-defined]
        raise DocFormatError(f"缺少 {table_name} 数据流（文件已损坏）")
    table = _stream(ole, table_name)
    data_stream = _stream(ole, "Data") if ole.exists("Data") else b""  # type: ignore[attr-defined]
    fc_clx, lcb_clx = pairs[FC_CLX]
    if not lcb_clx or fc_clx + lcb_clx > len(table):
        raise DocFormatError("找不到文本位置表（文件已损坏）")
    pieces, grpprls = parse_clx(table[fc_clx:fc_clx + lcb_clx])
    papx = PapxIndex(word, table, *pairs[FC_PLCF_BTE_PAPX], data_stream)
    levels = heading_levels(table, *pairs[FC_STSHF])
    return _marks(word, pieces, grpprls, papx, ccp_text), levels


def _stream(ole: object, name: str) -> bytes:
    with ole.openstream(name) as stream:  # type: ignore[attr-defined]
        return bytes(stream.read())


def _marks(word: bytes, pieces: list[Piece], grpprls: list[bytes], papx: PapxIndex, ccp_text: int) -> list[Mark]:
    marks: list[Mark] = []
    buffer: list[str] = []
    fields: list[bool] = []  # one per open field: True once its result (after \x14) has begun
    for piece in pieces:
        if piece.cp_start >= ccp_text:
            break
        end = min(piece.cp_end, ccp_text)
        text = piece_text(word, Piece(piece.cp_start, end, piece.fc, piece.compressed, piece.prm))
        for i, ch in enumerate(text):
            if ch in "\r\x07\x0c":
                props = papx.props(piece.fc_of(piece.cp_start + i))
                if piece.prm & 1 and (piece.prm >> 1) < len(grpprls):  # Prm1: sprms for the whole piece
                    apply_sprms(props, grpprls[piece.prm >> 1])
                marks.append(Mark("".join(buffer), ch, props))
                buffer = []
            elif ch == "\x13":
                fields.append(False)
            elif ch == "\x14":
                if fields:
                    fields[-1] = True
            elif ch == "\x15":
                if fields:
                    fields.pop()
            elif all(fields) and ch not in _DROPPED:
                buffer.append(_CHAR_MAP.get(ch, ch))
    if "".join(buffer).strip():
        marks.append(Mark("".join(buffer), "\r", Props()))
    return marks


def blocks_of(marks: list[Mark], levels: dict[int, int], path: str) -> tuple[Block, ...]:
    """Paragraphs and tables in document order, located as the .docx reader locates them."""
    builder = _Builder(levels, path)
    for mark in marks:
        builder.add(mark)
    builder.close_table()
    return tuple(builder.blocks)


class _Builder:
    def __init__(self, levels: dict[int, int], path: str) -> None:
        self.levels = levels
        self.path = path
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self.rows: list[tuple[list[str], Props]] = []
        self.cells: list[str] = []  # the current row's finished cells
        self.cell: list[str] = []  # the current cell's paragraphs

    def add(self, mark: Mark) -> None:
        depth = mark.props.depth
        if depth == 0 and mark.end != "\x07":
            self.close_table()
            self.paragraphs += 1
            if mark.text.strip():
                level = self.levels.get(mark.props.istd, 0)
                self.blocks.append(Paragraph(mark.text, Location(document=self.path, line=self.paragraphs),
                                             heading_level=level))
        elif depth > 1:  # a nested table: its text stays in the outer cell
            if mark.text.strip():
                self.cell.append(mark.text)
        elif mark.end == "\x07" and mark.props.ttp:  # the row-end mark carries the row's table definition
            self.rows.append((self.cells, mark.props))
            self.cells, self.cell = [], []
        elif mark.end == "\x07":
            self.cell.append(mark.text)
            self.cells.append("\n".join(self.cell))
            self.cell = []
        else:
            self.cell.append(mark.text)

    def close_table(self) -> None:
        """End the table being read, with a last row that has no row-end mark (a truncated file) kept as read."""
        if self.cell:
            self.cells.append("\n".join(self.cell))
        if self.cells:
            self.rows.append((self.cells, Props()))
        if self.rows:
            self.tables += 1
            self.blocks.append(_table(self.rows, self.tables, self.path))
        self.rows, self.cells, self.cell = [], [], []


def _grid(rows: list[tuple[list[str], Props]]) -> list[int]:
    """The table's column lines: every cell edge of every row whose definition fits its cells."""
    edges = sorted({e for texts, props in rows if len(props.edges) == len(texts) + 1 for e in props.edges})
    grid: list[int] = []
    for edge in edges:
        if not grid or edge - grid[-1] > GRID_TOLERANCE:
            grid.append(edge)
    return grid if len(grid) <= MAX_GRID else []


def _column(grid: list[int], edge: int) -> int:
    return min(range(len(grid)), key=lambda i: abs(grid[i] - edge))


def _table(rows: list[tuple[list[str], Props]], number: int, path: str) -> Table:
    grid = _grid(rows)
    above: dict[int, str] = {}  # grid column → text of the cell above, for vertically merged cells
    out: list[Row] = []
    for r, (texts, props) in enumerate(rows, start=1):
        fits = bool(grid) and len(props.edges) == len(texts) + 1
        values: list[str] = []
        starts: list[int] = []
        for i, text in enumerate(texts):
            value = text.replace("\n", " ")
            start = _column(grid, props.edges[i]) if fits else len(values)
            flags = props.vert.get(i, 0)
            if flags & TC_VERT_MERGE and not flags & TC_VERT_RESTART and not value.strip():
                value = above.get(start, "")
            span = max(_column(grid, props.edges[i + 1]) - start, 1) if fits else 1
            starts.append(len(values))
            values.append(value)
            values.extend([""] * (span - 1))
            above[start] = value
        where = Location(document=path, table=f"表{number}", row=str(r))
        out.append(Row(tuple(Cell(v, where.with_(column=str(c))) for c, v in enumerate(values, start=1)), where))
    return Table(tuple(out), Location(document=path, table=f"表{number}"))


# ---------------------------------------------------------------- reading a file


def read_doc(path: Path, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    """A .doc or .wps file; a file of another kind under that name is read as what it is, or named."""
    data, errors = read_bytes(path)
    if data is None:
        return None, errors
    where = Location(document=str(path))
    if not data.startswith(OLE_MAGIC):
        return _not_ole(path, data, normal)
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except Exception:  # olefile raises several types for a broken compound file
        return None, [ReadError(f"{_what(path)}文件已损坏，无法打开", where)]
    try:
        if not ole.exists("WordDocument"):
            return None, [ReadError(_no_word_stream(path, ole), where)]
        marks, levels = paragraphs_of(ole)
        marks = [replace(mark, text=normal(mark.text)) for mark in marks]
        return SourceDocument(str(path), "doc", blocks_of(marks, levels, str(path))), []
    except DocFormatError as problem:
        return None, [ReadError(f"{_what(path)}{problem}", where)]
    except Exception:  # a corrupt structure can surface anywhere while walking the streams
        return None, [ReadError(f"{_what(path)}内容损坏，无法读取", where)]
    finally:
        ole.close()


def _what(path: Path) -> str:
    return "WPS 文字（.wps）" if path.suffix.lower() == ".wps" else "Word 97–2003（.doc）"


def _no_word_stream(path: Path, ole: object) -> str:
    if ole.exists("Workbook") or ole.exists("Book"):  # type: ignore[attr-defined]
        return f"此文件扩展名为 {path.suffix}，实为 Excel 97–2003 工作簿；请把扩展名改为 .xls 后再读取"
    if path.suffix.lower() == ".wps":
        return "暂不支持此版本的 WPS 文字（.wps）格式，请在 WPS 中另存为 .docx 或 PDF 后再读取"
    return "不是有效的 Word 97–2003（.doc）文件（缺少正文数据流），请在 WPS 或 Office 中另存为 .docx 后再读取"


def _not_ole(path: Path, data: bytes, normal: Normal) -> tuple[SourceDocument | None, list[ReadError]]:
    """A file named .doc/.wps that is something else, read by its own reader where there is one."""
    where = Location(document=str(path))
    head = data[:2048].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").lower()
    if data.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):  # as docx._check_zip
            names = set()
        if "word/document.xml" in names:
            from jixiao.ingest.docx import read_docx

            return read_docx(path, normal)
        if "xl/workbook.xml" in names:
            return None, [ReadError(f"此文件扩展名为 {path.suffix}，实为 Excel 工作簿（.xlsx）；请把扩展名改为 .xlsx 后再读取",
                                    where)]
        return None, [ReadError(f"此文件扩展名为 {path.suffix}，实为压缩包而不是 Word 文档，无法读取", where)]
    if data.startswith(b"%PDF"):
        from jixiao.ingest.pdf import read_pdf

        return read_pdf(path, normal)
    if head.startswith(b"{\\rtf"):
        return None, [ReadError(f"此文件扩展名为 {path.suffix}，实为 RTF 格式文档，暂不支持；"
                                "请在 WPS 或 Office 中另存为 .docx 后再读取", where)]
    if head.startswith(b"mime-version:") or (b"\nmime-version:" in head and b"multipart/related" in head):
        from jixiao.ingest.html import read_mhtml

        return read_mhtml(path, data, normal)
    if b"<w:worddocument" in head or b"<pkg:package" in head:
        return None, [ReadError(f"此文件扩展名为 {path.suffix}，实为 Word 2003 XML 文档，暂不支持；"
                                "请在 WPS 或 Office 中另存为 .docx 后再读取", where)]
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta", b"<body", b"<table", b"<p", b"<div")):
        from jixiao.ingest.html import read_html

        return read_html(path, normal)
    return None, [ReadError(f"不是有效的{_what(path)}文件（文件损坏、不完整或格式不符）", where)]
