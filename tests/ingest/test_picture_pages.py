"""Tables pasted as pictures: a PDF page with no text layer, a Word paragraph holding only a picture, reported unread
with where they are."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from jixiao.core.coverage import Unread
from jixiao.ingest.pipeline import load_document

pytest.importorskip("weasyprint")


def _pdf(tmp_path: Path, *, picture_page: bool) -> Path:
    from PIL import Image, ImageDraw
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    image = tmp_path / "table.png"
    picture = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(picture).rectangle((10, 10, 590, 290), outline="black")
    picture.save(image)
    second = (f'<div style="page-break-before: always"><img src="{image.as_uri()}" width="500"></div>'
              if picture_page else "")
    html = ("<html><body><h1>示例县档案馆2023年度部门决算</h1>"
            "<p>一、收入支出决算总体情况说明</p><p>2023年度收入总计120.00万元，支出总计120.00万元。</p>"
            f"{second}<div style='page-break-before: always'><p>三、其他重要事项的情况说明</p></div></body></html>")
    path = tmp_path / "package.pdf"
    HTML(string=html, base_url=str(tmp_path)).write_pdf(str(path))
    return path


def _unread(path: Path) -> list[Unread]:
    doc, _ = load_document(path)
    assert doc is not None and doc.reading is not None
    return [item for item in doc.reading.unread if "图片" in item.what]


def test_a_page_holding_only_a_picture_is_reported_unread_with_its_number(tmp_path: Path) -> None:
    [item] = _unread(_pdf(tmp_path, picture_page=True))
    assert item.location.page == 2 and "未读取" in item.what


def test_pages_with_text_are_not_reported(tmp_path: Path) -> None:
    assert _unread(_pdf(tmp_path, picture_page=False)) == []


def test_a_word_paragraph_holding_only_a_picture_is_reported_unread(tmp_path: Path) -> None:
    import docx
    from PIL import Image

    image = tmp_path / "chart.png"
    Image.new("RGB", (400, 200), "white").save(image)
    document = docx.Document()
    document.add_paragraph("示例县档案馆2023年度部门决算")
    document.add_paragraph("2023年度收入总计120.00万元，支出总计120.00万元。")
    document.add_picture(str(image))
    document.add_paragraph("三、其他重要事项的情况说明")
    path = tmp_path / "package.docx"
    document.save(str(path))
    [item] = _unread(path)
    assert item.location.line == 3
