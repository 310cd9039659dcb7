"""A web page whose tables were published as pictures (own wording): an image in a table's cell, or standing on its
own after a line announcing a table ('附表1 收入支出预算总表'), or named a table by its alt text, is listed unread
with its place, like a PDF's picture page; a site logo or an icon inside a line of text is not."""

from __future__ import annotations

from pathlib import Path

from jixiao.ingest.html import read_html
from jixiao.ingest.pipeline import load_document

PAGE = """<html><head><meta charset="utf-8"><title>示例县档案馆2031年部门预算</title></head><body>
<div><img src="logo.png" alt="网站标志"></div>
<h1>示例县档案馆2031年部门预算</h1>
<p>一、部门基本情况</p>
<p>示例县档案馆负责全县档案的收集、保管和利用<img src="dot.gif">工作。</p>
<p>2031年收入预算合计120.50万元，支出预算合计120.50万元。</p>
<p>附表1 收入支出预算总表</p>
<p><img src="table1-page1.png"></p>
<p><img src="table1-page2.png"></p>
<p>二、其他说明</p>
<p><img src="chart.png" alt="一般公共预算支出表"></p>
<table><tr><td>附表2 财政拨款收支总表</td></tr><tr><td><img src="table2.png"></td></tr></table>
</body></html>
"""


def test_pictures_of_tables_are_listed_with_their_place(tmp_path: Path) -> None:
    path = tmp_path / "预算.html"
    path.write_text(PAGE, encoding="utf-8")
    source, _ = read_html(path)
    assert source is not None
    places = [(p.table, p.row, p.column) if p.table else p.line for p in source.pictures]
    assert len(places) == 4  # two images after the 附表1 line, one named a table by its alt text, one in a cell
    assert ("表1", "2", "1") in places
    lines = [p.line for p in source.pictures if not p.table]
    assert len(set(lines)) == 3 and all(line is not None for line in lines)


def test_the_pictures_are_reported_unread(tmp_path: Path) -> None:
    path = tmp_path / "预算.html"
    path.write_text(PAGE, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    assert doc.reading is not None
    pictures = [u for u in doc.reading.unread if "图片" in u.what]
    assert len(pictures) == 4


def test_a_page_with_a_logo_and_icons_only_lists_no_picture(tmp_path: Path) -> None:
    path = tmp_path / "预算.html"
    page = PAGE.split("<p>附表1")[0] + "</body></html>"
    path.write_text(page, encoding="utf-8")
    source, _ = read_html(path)
    assert source is not None and source.pictures == ()
