"""Web archives (MHT: a page saved as one MIME file) are read like the page they carry, whatever the file is named: the
HTML part decoded as its MIME headers say (quoted-printable with its soft line breaks, the part's charset) and its HTML
character entities ('&#31034;') read as characters. A copy saved as text with its headers run together onto one line
and its entities half rendered where a soft break cut them ('&#213' shown as 'Õ', '06;' after the break) is taken apart
by its boundary; a character whose first half was lost is marked and reported, never read as a number. Own wording and
figures."""

from __future__ import annotations

import quopri

from jixiao.ingest.source import read_source
from tests.builders import read_text

PAGE = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=us-ascii\"></head><body>"
        "<p>示例乡人民政府2031年度部门决算情况说明</p><p>一、收入支出决算总体情况</p>"
        "<p>2031年度收入总计246.80万元，支出总计246.80万元。</p></body></html>")
LINES = ["示例乡人民政府2031年度部门决算情况说明", "一、收入支出决算总体情况", "2031年度收入总计246.80万元，支出总计246.80万元。"]


def _archive(page: str = PAGE, charset: str = "us-ascii") -> str:
    """The page as Word saves a 'single file web page': every character beyond ASCII an entity, quoted-printable."""
    entities = "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in page)
    body = quopri.encodestring(entities.encode("ascii")).decode("ascii")
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01AB\"\r\n\r\n"
            "此文档为“单个文件网页”。\r\n\r\n------=_NextPart_01AB\r\nContent-Location: file:///C:/page.htm\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"{charset}\"\r\n\r\n"
            + body.replace("\n", "\r\n") + "\r\n\r\n------=_NextPart_01AB--\r\n")


def _lines(source):  # type: ignore[no-untyped-def]
    return [line for line in source.text.splitlines() if line.strip()]


def test_an_mht_file_is_read_like_its_page(tmp_path):
    path = tmp_path / "决算说明.mht"
    path.write_bytes(_archive().encode("utf-8"))
    source, errors = read_source(path)
    assert source is not None and not errors
    assert _lines(source) == LINES


def test_an_archive_saved_as_text_is_read_as_its_page(tmp_path):
    doc, errors = read_text(tmp_path, _archive(), "决算说明.txt")
    assert doc is not None, errors
    assert doc.unit == "示例乡人民政府" and doc.year == 2031
    assert "246.80万元" in doc.source.text and "MIME" not in doc.source.text


def test_the_parts_charset_decodes_a_page_that_names_none(tmp_path):
    page = "<html><body><p>示例乡人民政府2031年度部门决算情况说明</p></body></html>"
    data = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
            b"Content-Type: text/html; charset=\"gbk\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
    data += quopri.encodestring(page.encode("gbk")) + b"\r\n--b--\r\n"
    path = tmp_path / "说明.mhtml"
    path.write_bytes(data)
    source, errors = read_source(path)
    assert source is not None and not errors
    assert _lines(source) == ["示例乡人民政府2031年度部门决算情况说明"]


def test_a_flattened_copy_with_half_rendered_entities_is_restored(tmp_path):
    # headers on one line; the copy rendered each entity it saw whole, and the first half of an entity cut by a soft
    # break on its own: '&#20065' + '=\n' + ';' (乡, its ';' after the break), '&#213' + '=\n06;' (区: 'Õ' then '06;'),
    # '&' + '=\n#12289;' (、 written out), '&#2' + '=\n4773;' (情: its first half rendered as nothing, lost)
    text = ("MIME-Version: 1.0 Content-Type: multipart/related; boundary=\"----=_NextPart_01AB\" 此文档为“单个文件网页”。 "
            "------=_NextPart_01AB Content-Location: file:///C:/page.htm Content-Transfer-Encoding: quoted-printable "
            "Content-Type: text/html; charset=\"us-ascii\"\n"
            "示例乡=\n;人民政府2031年度部门决算=\n4773;况说明\n"
            "一&=\n#12289;部门基本情况\n"
            "示例乡属示例新\u00d5=\n06;,辖3个村。\n")
    doc, errors = read_text(tmp_path, text, "说明.txt")
    assert doc is not None, errors
    assert _lines(doc.source) == ["示例乡人民政府2031年度部门决算\ufffd况说明", "一、部门基本情况", "示例乡属示例新区,辖3个村。"]
    assert doc.unit == "示例乡人民政府" and doc.year == 2031
    assert any("1 个字符" in e.message and "损坏" in e.message for e in errors)
    assert "4773" not in doc.source.text
