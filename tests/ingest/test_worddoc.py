"""The Word 97–2003 (.doc) reader: the committed LibreOffice conversions read to the same blocks as the .docx
reader gives for the same documents; hand-built Word streams cover what LibreOffice does not write (8-bit and
UTF-16 pieces side by side, fields, nested tables, the encrypted flag); files of another kind under a .doc name
are read as what they are or refused in Chinese."""

from __future__ import annotations

import base64
import io
import shutil
import struct
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.ingest.docx import read_docx
from jixiao.ingest.source import Paragraph, Table, read_source
from jixiao.ingest.worddoc import (
    DocFormatError,
    Piece,
    blocks_of,
    paragraphs_of,
    piece_of,
    piece_text,
    read_doc,
)
from tests.carriers import DOC_FIXTURES, FIXTURE_DIR, write_docx, write_html, write_xls

# ---------------------------------------------------------------- the committed conversions


def shape(blocks) -> list:
    """Blocks as the extractors see them, without the file name."""
    out = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(("p", b.text, b.heading_level, b.location.line))
        else:
            out.append(("t", b.location.table, [(r.location.row, [(c.text, c.location.column) for c in r.cells])
                                                 for r in b.rows]))
    return out


def joined(blocks) -> list:
    """Blocks with adjacent tables made one (as the Word binary format holds them), each table row as the texts
    of its filled cells: the one table's grid has the columns of both, so the cells' grid columns differ."""
    out: list = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(("p", b.text, b.heading_level))
        elif out and out[-1][0] == "t":
            out[-1][1].extend(r.filled for r in b.rows)
        else:
            out.append(("t", [r.filled for r in b.rows]))
    return out


@pytest.mark.parametrize("name", list(DOC_FIXTURES))
def test_doc_reads_to_the_same_blocks_as_the_docx_it_was_converted_from(name, tmp_path):
    write_docx(DOC_FIXTURES[name](), tmp_path / f"{name}.docx")
    expected, errors = read_docx(tmp_path / f"{name}.docx")
    assert expected is not None and not errors
    source, errors = read_doc(FIXTURE_DIR / f"{name}.doc")
    assert source is not None and not errors, errors
    assert source.format == "doc"
    adjacent = any(isinstance(a, Table) and isinstance(b, Table) for a, b in pairwise(expected.blocks))
    if adjacent:  # the form's two tables are one table in the .doc
        assert joined(source.blocks) == joined(expected.blocks)
        assert len(list(source.tables())) == 1
    else:
        assert shape(source.blocks) == shape(expected.blocks)


def test_cells_are_located_by_table_row_and_grid_column():
    source, _ = read_doc(FIXTURE_DIR / "package.doc")
    third = [b for b in source.blocks if isinstance(b, Table)][2]
    cell = third.rows[4].cells[10]  # 决算数 公务用车运行维护费, after two header cells spanning several columns
    assert cell.text == "4.10"
    assert cell.location.describe() == "文件 package.doc，表 表3，行 5，列 11"
    assert [len(r.cells) for r in third.rows] == [12] * 5


def test_a_wps_file_in_the_word_binary_format_is_read(tmp_path):
    path = tmp_path / "决算.wps"
    shutil.copyfile(FIXTURE_DIR / "package.doc", path)
    source, errors = read_source(path)
    assert source is not None and not errors
    assert len(list(source.tables())) == 3


# ---------------------------------------------------------------- hand-built Word streams

FC_TEXT = 0x600  # the text after the FIB
PN_FKP = 4  # the paragraph properties page at 4 × 512 = 0x800


def _prl(sprm: int, operand: bytes) -> bytes:
    return struct.pack("<H", sprm) + operand


IN_TABLE = _prl(0x2416, b"\x01")
ROW_END = IN_TABLE + _prl(0x2417, b"\x01")


def _nested(flag: int) -> bytes:
    return IN_TABLE + _prl(0x6649, struct.pack("<i", 2)) + _prl(flag, b"\x01")


def word_streams(pieces: list[tuple[str, bool]], props: dict[int, bytes] | None = None, *, flags: int = 0x0200,
                 nfib: int = 0x00C1) -> dict[str, bytes]:
    """A WordDocument and a 1Table stream holding `pieces` (text, compressed) in order; props maps the index of a
    paragraph mark (\\r or \\x07, counted over the whole text) to its grpprl."""
    props = props or {}
    word = bytearray(PN_FKP * 512 + 512)
    fc = FC_TEXT
    pcds, cps, marks = [], [0], []
    for text, compressed in pieces:
        data = text.encode("cp1252") if compressed else text.encode("utf-16-le")
        word[fc:fc + len(data)] = data
        pcds.append(struct.pack("<HIH", 0, (fc * 2) | 0x40000000 if compressed else fc, 0))
        width = 1 if compressed else 2
        marks += [(fc + i * width, width) for i, ch in enumerate(text) if ch in "\r\x07"]
        cps.append(cps[-1] + len(text))
        fc += len(data) + (len(data) % 2)
    ccp_text = cps[-1]
    plc_pcd = struct.pack(f"<{len(cps)}I", *cps) + b"".join(pcds)
    clx = b"\x02" + struct.pack("<I", len(plc_pcd)) + plc_pcd
    # One PAPX FKP: a run for each paragraph mark, default runs between them.
    points = sorted({FC_TEXT, fc} | {m for m, _ in marks} | {m + w for m, w in marks})
    page = bytearray(512)
    crun = len(points) - 1
    page[511] = crun
    struct.pack_into(f"<{crun + 1}I", page, 0, *points)
    top = 511
    for j in range(crun):
        index = next((k for k, (m, _) in enumerate(marks) if m == points[j]), None)
        if index is None or index not in props:
            continue
        data = struct.pack("<H", 0) + props[index]
        blob = bytes([(len(data) + 1) // 2]) + data if len(data) % 2 else bytes([0, len(data) // 2]) + data
        top = (top - len(blob)) & ~1
        page[top:top + len(blob)] = blob
        page[4 * (crun + 1) + 13 * j] = top // 2
    word[PN_FKP * 512:PN_FKP * 512 + 512] = page
    plc_bte = struct.pack("<2I", points[0], points[-1]) + struct.pack("<I", PN_FKP)
    table = bytes(clx) + plc_bte
    # The FIB: base, 14 shorts, 22 longs (ccpText the fourth), 93 fc/lcb pairs (Stshf 1, PlcfBtePapx 13, Clx 33).
    fib = bytearray(struct.pack("<HH", 0xA5EC, nfib) + bytes(28))
    struct.pack_into("<H", fib, 0x0A, flags)
    fib += struct.pack("<H", 14) + bytes(28) + struct.pack("<H", 22)
    longs = [0] * 22
    longs[3] = ccp_text
    fib += struct.pack("<22i", *longs) + struct.pack("<H", 93)
    pairs = [(0, 0)] * 93
    pairs[13] = (len(clx), len(plc_bte))
    pairs[33] = (0, len(clx))
    fib += b"".join(struct.pack("<II", *p) for p in pairs)
    word[:len(fib)] = fib
    return {"WordDocument": bytes(word), "1Table": table}


class FakeOle:
    """The two calls the reader makes on an olefile.OleFileIO, over streams in memory."""

    def __init__(self, streams: dict[str, bytes]) -> None:
        self.streams = streams

    def exists(self, name: str) -> bool:
        return name in self.streams

    def openstream(self, name: str) -> io.BytesIO:
        return io.BytesIO(self.streams[name])


def texts(pieces, props=None, **fib) -> list[tuple[str, str, int, bool]]:
    marks, _ = paragraphs_of(FakeOle(word_streams(pieces, props, **fib)))
    return [(m.text, m.end, m.props.depth, m.props.ttp) for m in marks]


def test_eight_bit_and_utf16_pieces_read_side_by_side():
    assert texts([("Total: ", True), ("合计 286.40 万元\r", False), ("“cost” 5\r", True)]) == [
        ("Total: 合计 286.40 万元", "\r", 0, False), ("“cost” 5", "\r", 0, False)]


def test_piece_decoding():
    stream = b"ab\x93c\x94\x81" + "预算".encode("utf-16-le")
    assert piece_text(stream, piece_of(0, 6, 0x40000000)) == "ab“c”\x81"
    assert piece_text(stream, piece_of(0, 2, 6)) == "预算"
    assert piece_of(0, 1, 0x40000000 | 0x1000) == Piece(0, 1, 0x800, True)
    with pytest.raises(DocFormatError):
        piece_text(stream, Piece(0, 10, 6, False))


def test_an_empty_cell_is_told_from_a_row_end_by_its_paragraph_properties():
    text = "项目\x07\x07金额\x07\x07" + "甲\x07\x07\x07\x07" + "说明\r"
    props = {0: IN_TABLE, 1: IN_TABLE, 2: IN_TABLE, 3: ROW_END, 4: IN_TABLE, 5: IN_TABLE, 6: IN_TABLE, 7: ROW_END}
    marks, _ = paragraphs_of(FakeOle(word_streams([(text, False)], props)))
    table, paragraph = blocks_of(marks, {}, "x.doc")
    assert [r.texts for r in table.rows] == [["项目", "", "金额"], ["甲", "", ""]]
    assert paragraph.text == "说明" and paragraph.location.line == 1


def test_field_instructions_are_dropped_and_results_kept():
    text = "合计\x13 =SUM(ABOVE) \x14286.40\x15万元，见第\x13 PAGE \x13 REF x \x14 \x15\x142\x15页\r"
    assert texts([(text, False)]) == [("合计286.40万元，见第2页", "\r", 0, False)]


def test_special_characters_and_line_breaks():
    assert texts([("图\x01表\x08一\x0b二\x1f\r", False)]) == [("图表一\n二", "\r", 0, False)]


def test_a_nested_table_keeps_its_text_in_the_outer_cell():
    text = "外\x07" + "内一\r内二\r\r" + "\x07\x07" + "后\r"
    props = {0: IN_TABLE, 1: _nested(0x244B), 2: _nested(0x244B), 3: _nested(0x244C), 4: IN_TABLE, 5: ROW_END}
    marks, _ = paragraphs_of(FakeOle(word_streams([(text, False)], props)))
    table, paragraph = blocks_of(marks, {}, "x.doc")
    assert [r.texts for r in table.rows] == [["外", "内一 内二"]]
    assert paragraph.text == "后"


def test_encrypted_and_old_files_are_refused_in_chinese():
    with pytest.raises(DocFormatError, match="文件已加密"):
        texts([("x\r", True)], flags=0x0300)
    with pytest.raises(DocFormatError, match=r"Word 6\.0/95"):
        texts([("x\r", True)], nfib=0x0068)


def test_an_encrypted_file_is_refused_through_the_whole_reader(tmp_path):
    import olefile

    data = bytearray((FIXTURE_DIR / "package.doc").read_bytes())
    with olefile.OleFileIO(bytes(data)) as ole:
        head = ole.openstream("WordDocument").read(32)
    fib = data.index(head)  # the WordDocument stream's first sector
    data[fib + 0x0B] |= 0x01  # fEncrypted
    path = tmp_path / "locked.doc"
    path.write_bytes(bytes(data))
    source, errors = read_source(path)
    assert source is None and "文件已加密" in errors[0].message


# ---------------------------------------------------------------- other files under a .doc name


def test_a_docx_renamed_doc_is_read_as_docx(tmp_path):
    path = tmp_path / "决算.doc"
    write_docx(DOC_FIXTURES["package"](), path)
    source, errors = read_source(path)
    assert source is not None and not errors and source.format == "docx"
    assert len(list(source.tables())) == 3


def test_a_zip_of_an_unsupported_version_renamed_doc_is_named(tmp_path):
    import zipfile

    path = tmp_path / "决算.doc"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
    data = bytearray(path.read_bytes())
    data[data.rindex(b"PK\x01\x02") + 6] = 64  # 'version needed to extract' 6.4: zipfile raises NotImplementedError
    path.write_bytes(bytes(data))
    source, errors = read_source(path)
    assert source is None and "实为压缩包" in errors[0].message


def test_a_web_page_renamed_doc_is_read_as_html(tmp_path):
    path = tmp_path / "决算.doc"
    write_html(DOC_FIXTURES["package"](), path)
    source, errors = read_source(path)
    assert source is not None and not errors and source.format == "html"
    assert len(list(source.tables())) == 3


def test_a_single_file_web_page_renamed_doc_is_read(tmp_path):
    page = "<html><body><p>说明</p><table><tr><td>合计</td><td>6.00</td></tr></table></body></html>"
    path = tmp_path / "决算.doc"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
                     b"Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                     + base64.encodebytes(page.encode()) + b"\r\n--b--\r\n")
    source, errors = read_source(path)
    assert source is not None and not errors
    assert [r.texts for t in source.tables() for r in t.rows] == [["合计", "6.00"]]


@pytest.mark.parametrize(("content", "named"), [
    (b"{\\rtf1\\ansi \\b \\u20915?\\b0\\par}", "RTF"),
    (b"<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument>", "Word 2003 XML"),
])
def test_rtf_and_word_xml_renamed_doc_are_named(tmp_path, content, named):
    path = tmp_path / "决算.doc"
    path.write_bytes(content)
    source, errors = read_source(path)
    assert source is None and named in errors[0].message and "另存为 .docx" in errors[0].message


def test_an_excel_workbook_renamed_doc_is_named(tmp_path):
    path = tmp_path / "决算.doc"
    write_xls(DOC_FIXTURES["package"](), path)
    source, errors = read_source(path)
    assert source is None and "实为 Excel 97–2003 工作簿" in errors[0].message


@pytest.mark.parametrize("cut", [8, 600, 5000, 20000])
def test_truncated_and_garbage_files_give_a_chinese_error(tmp_path, cut):
    path = tmp_path / "坏.doc"
    path.write_bytes((FIXTURE_DIR / "package.doc").read_bytes()[:cut])
    source, errors = read_source(path)
    assert source is None and len(errors) == 1 and "Word 97–2003（.doc）" in errors[0].message
    path.write_bytes(bytes(range(256)) * 40)
    source, errors = read_source(path)
    assert source is None and "不是有效的Word 97–2003（.doc）文件" in errors[0].message


@settings(max_examples=150, deadline=None)
@given(flips=st.lists(st.tuples(st.sampled_from(["WordDocument", "1Table"]), st.integers(0, 4095),
                                st.integers(0, 255)), min_size=1, max_size=6))
def test_damaged_structures_end_in_blocks_or_a_chinese_error(flips):
    """Bytes changed in the FIB, the piece table, the FKPs or the style sheet: a document or DocFormatError (which
    read_doc turns into a Chinese ReadError), never a hang or another exception escaping paragraphs_of's callers."""
    streams = {name: bytearray(data) for name, data in PACKAGE_STREAMS.items()}
    for name, where, value in flips:
        data = streams[name]
        data[where % len(data)] = value
    try:
        marks, levels = paragraphs_of(FakeOle({k: bytes(v) for k, v in streams.items()}))
    except DocFormatError as problem:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(problem))
        return
    except (struct.error, IndexError, ValueError, UnicodeDecodeError):
        return  # read_doc reports these as 内容损坏
    blocks_of(marks, levels, "x.doc")


def _package_streams() -> dict[str, bytes]:
    import olefile

    with olefile.OleFileIO(str(FIXTURE_DIR / "package.doc")) as ole:
        return {name: ole.openstream(name).read() for name in ("WordDocument", "1Table", "Data")}


PACKAGE_STREAMS = _package_streams()
