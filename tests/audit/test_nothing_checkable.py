"""No silent pass on documents that only look read: a 目录 with one sentence whose figure is no one's, a table title
whose rows got no figure, a unit named under a numbered heading."""

from __future__ import annotations

from jixiao.core.finding import Tier
from jixiao.core.names import without_heading_number
from tests.audit.test_mutations import audit_text


def rules(found):
    return [(f.rule, f.tier) for f in found if f.tier is not Tier.NOTICE]


def test_contents_and_a_sentence_naming_no_ones_figure_is_nothing_read(tmp_path):
    text = ("示例县科技研究所部门决算\n目录\n第一部分 部门概况\n一、部门职责\n第二部分 部门决算表\n一、收入支出决算总表\n"
            "第三部分 部门决算情况说明\n示例县科技研究所位于示例路8号，建筑面积2000平方米，资产原值435万元。\n")
    doc, found = audit_text(tmp_path, text)
    assert doc.kind.value == "disclosure"
    assert rules(found) == [("reading.nothing_read", Tier.WARNING)]


def test_rows_under_a_table_title_without_a_figure_are_not_a_table_read():
    from types import SimpleNamespace

    from jixiao.core.disclosure import DisclosurePackage, DisclosureRow, DisclosureTable
    from jixiao.ingest.reading import _disclosure_tables

    rows = (DisclosureRow("收入支出决算总表"), DisclosureRow("财政拨款收入"))
    empty = DisclosureTable("D10", "部门决算相关信息统计表", "万元", ("amount",), rows)
    blank = DisclosureTable("D08", "政府性基金预算财政拨款支出决算表", "万元", ("total",), rows, empty_note="本表无数据")
    doc = SimpleNamespace(disclosure=DisclosurePackage("示例县档案馆", 2023, {"D10": empty, "D08": blank}))
    [unread, read] = list(_disclosure_tables(doc))
    assert "2 行中未读到任何数字" in unread.what and unread.kind == "table"
    assert read.name == "政府性基金预算财政拨款支出决算表"  # a table printed blank ('本表无数据') is read: it says what it holds


def test_a_heading_number_is_not_part_of_the_unit(tmp_path):
    assert without_heading_number("三、示例县园林局") == "示例县园林局"
    doc, _ = audit_text(tmp_path, "三、示例县园林局2024年度部门决算表\n1.收入支出决算总表\n编制单位：三、示例县园林局\n")
    assert doc.unit == "示例县园林局"
