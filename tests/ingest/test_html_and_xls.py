"""Web pages and .xls workbooks become the same paragraphs and grids as the other carriers."""

from __future__ import annotations

from jixiao.ingest.source import Paragraph, Table, read_source

PAGE = """<html><head><meta charset="gb2312"><title>决算</title><style>td{color:red}</style>
<script>var 统计 = "公开09表";</script></head><body>
<div id="nav">首页 &gt; 信息公开 &gt; 预决算</div>
<p>发布机构：示例市政府办公室</p><p>发布日期：2024-07-01</p>
<header><ul><li>网站首页</li><li>政务公开</li></ul></header>
<h2>示例县气象局2023年度部门决算</h2>
<p>一、<b>收入</b>支出决算总体情况说明<br>收入总计96.00万元。</p>
<table><tr><th rowspan="2">项目</th><th colspan="3">本年支出</th></tr>
<tr><th>小计</th><th>基本<br>支出</th><th>项目支出</th></tr>
<tr><td>合计</td><td>96.00</td><td>80.00</td><td>16.00</td></tr></table>
<footer>版权所有</footer><script>track();</script></body></html>"""


def test_html_page_keeps_headings_paragraphs_and_a_spanned_grid(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.encode("gb18030"))
    source, errors = read_source(path)
    assert errors == [] and source.format == "html"
    texts = [(b.clean, b.heading_level) for b in source.blocks if isinstance(b, Paragraph)]
    assert texts == [("示例县气象局2023年度部门决算", 2), ("一、收入支出决算总体情况说明", 0), ("收入总计96.00万元。", 0)]
    [table] = [b for b in source.blocks if isinstance(b, Table)]
    assert [row.texts for row in table.rows] == [["项目", "本年支出", "", ""], ["", "小计", "基本 支出", "项目支出"],
                                                ["合计", "96.00", "80.00", "16.00"]]
    assert table.rows[2].cells[3].location.describe().endswith("表 表1，行 3，列 4")
    assert "公开09表" not in source.text and "网站首页" not in source.text and "发布机构" not in source.text


# A page in Traditional characters: its site lines ('發佈機構：', '瀏覽量：') are known only once the text is Simplified,
# so the conversion comes before anything in the page is recognised.
TRADITIONAL_PAGE = """<html><body><p>發佈機構：示例縣檔案館</p><p>瀏覽量：12</p>
<h2>示例縣檔案館2031年度部門決算</h2><p>收入總計96.00萬元。</p></body></html>"""


def test_traditional_page_chrome_is_recognised_after_conversion(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(TRADITIONAL_PAGE, encoding="utf-8")
    source, errors = read_source(path)
    assert errors == []
    assert source.preamble == ("发布机构：示例县档案馆", "浏览量：12")
    assert [b.clean for b in source.blocks if isinstance(b, Paragraph)] == ["示例县档案馆2031年度部门决算", "收入总计96.00万元。"]


def test_xls_workbook_is_read_by_calamine(tmp_path):
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("公开09表")
    sheet.write(0, 0, "财政拨款“三公”经费支出决算表")
    for c, value in enumerate(["预算数", "决算数"]):
        sheet.write(1, c, value)
    sheet.write(2, 0, 6.5)
    sheet.write(2, 1, 5.25)
    path = tmp_path / "book.xls"
    workbook.save(str(path))
    source, errors = read_source(path)
    assert errors == [] and source.format == "xls"
    assert [b.clean for b in source.blocks if isinstance(b, Paragraph)] == ["公开09表", "财政拨款“三公”经费支出决算表"]
    [table] = [b for b in source.blocks if isinstance(b, Table)]
    assert [row.texts for row in table.rows] == [["预算数", "决算数"], ["6.5", "5.25"]]
    assert table.rows[1].cells[1].location.describe().endswith("表 公开09表，行 3，列 B")


def test_broken_xls_is_refused_in_chinese(tmp_path):
    path = tmp_path / "broken.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not really a workbook")
    source, errors = read_source(path)
    assert source is None and "Excel" in errors[0].message and "无法打开" in errors[0].message


def test_broken_binary_word_file_is_refused_in_chinese(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    source, errors = read_source(path)
    assert source is None and "Word 97–2003（.doc）" in errors[0].message and "损坏" in errors[0].message


def test_wps_spreadsheet_gets_a_save_as_hint(tmp_path):
    path = tmp_path / "old.et"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    source, errors = read_source(path)
    assert source is None and ".et" in errors[0].message and "另存为 .docx" in errors[0].message
