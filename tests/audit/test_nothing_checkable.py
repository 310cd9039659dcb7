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


# A budget page cut off after its opening paragraphs: two sentences with figures, neither of which any rule can
# compare with a table or with another figure.
CUT_BUDGET = ("示例县档案馆2031年部门预算\n\n一、示例县档案馆概况\n示例县档案馆负责全县档案的收集、保管和利用。\n"
              "二、示例县档案馆2031年收支预算情况的总体说明\n按照综合预算的原则，示例县档案馆所有收入和支出均纳入部门预算管理。"
              "示例县档案馆2031年收支总预算186.40万元。\n三、收入预算情况说明\n示例县档案馆2031年收入预算186.40万元，其中：一\n")


def test_sentences_read_but_none_checked_are_said_so(tmp_path):
    from jixiao.audit.engine import audit_document
    from jixiao.profiles import load_profile

    doc, found = audit_text(tmp_path, CUT_BUDGET)
    assert doc.kind.value == "budget_disclosure" and len(doc.reading.claims) == 2
    [warning] = [f for f in found if f.rule == "reading.nothing_read"]
    assert warning.tier is Tier.WARNING
    assert warning.message.startswith("读到带数字的说明 2 句，但没有一句能够核对")
    summary = audit_document(doc, load_profile("central")).coverage.checked_phrase()
    assert "0 条说明数据（读到 2 条，均未能核对）" in summary


def test_the_reading_rules_run_after_every_other_rule(tmp_path):
    from jixiao.audit.catalogue import select
    from jixiao.audit.engine import audit_document
    from jixiao.profiles import load_profile

    doc, _ = audit_text(tmp_path, CUT_BUDGET)
    outcomes = audit_document(doc, load_profile("central")).outcomes
    at = next(i for i, o in enumerate(outcomes) if o.rule == "reading.nothing_read")
    # every other rule on the document's subjects ran before it (results.*, scores.* sort after reading.*)
    others = {r.id for kind in ("document", "disclosure") for r in select(subject=kind) if r.family != "reading"}
    assert others <= {o.rule for o in outcomes[:at]}
