"""A 预算公开's 收支总表 copied one cell per paragraph (a blank line between cells, an empty cell printed as a lone
space) whose header prints its two tiers with no line ending either (序号 | 收入 | 支出 then, under 收入 and 支出,
a blank 项目 cell and 预算数): the tiers are told apart by the 栏次 row's width and the 序号 cell that opens the
upper tier, and the 收入 / 支出 cells name the sides' label columns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.source import Table, text_blocks
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

ROWS = [["一、一般公共预算拨款收入", "120.40", "一、一般公共服务支出", ""],
        ["二、政府性基金预算拨款收入", "", "二、农林水支出", "{first}"],
        ["三、单位资金", "", "三、社会保障和就业支出", "30.20"],
        ["", "", "四、住房保障支出", "9.80"],
        ["本年收入合计", "120.40", "本年支出合计", "{total}"]]


def _text(first: str = "80.40", total: str = "120.40", lower: str = " ") -> str:
    cells = ["序号", "收入", "支出", lower, "预算数", lower, "预算数", "栏次", "1", "2", "3", "4"]
    for n, row in enumerate(ROWS, start=1):
        cells += [str(n), *(c.format(first=first, total=total) or " " for c in row)]
    return ("示例乡农业站2032年部门预算信息公开\n\n部门预算收支总表\n\n502示例乡农业站\n\n预算年度:2032\n\n单位:万元\n\n"
            + "\n\n".join(cells) + "\n")


def test_the_two_tiers_printed_one_cell_per_paragraph_are_rebuilt():
    [table] = [b for b in text_blocks(_text(), "t.txt") if isinstance(b, Table)]
    texts = [list(row.texts) for row in table.rows]
    assert texts[:3] == [["序号", "收入", "", "支出", ""], ["", "", "预算数", "", "预算数"], ["栏次", "1", "2", "3", "4"]]
    assert texts[3] == ["1", "一、一般公共预算拨款收入", "120.40", "一、一般公共服务支出", ""]


def test_the_budget_total_table_with_blank_name_cells_is_read_and_checked(tmp_path):
    doc, _ = load_text(tmp_path, _text(), "budget.txt")
    [table] = doc.disclosure.tables.values()
    assert table.label == "部门收支总表"
    spent = {r.label: r.cells["amount"].value / 10000 for r in table.rows if r.side == "expenditure" and r.cells}
    assert spent["本年支出合计"] == Decimal("120.40")
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is not Tier.NOTICE]


@pytest.mark.parametrize(("first", "total"), [("81.40", "120.40"), ("80.40", "121.40")])
def test_a_budget_total_table_with_blank_name_cells_that_does_not_add_up_is_found(tmp_path, first, total):
    doc, _ = load_text(tmp_path, _text(first, total), "budget.txt")
    errors = [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
    assert [f.rule for f in errors] == ["disclosure.b01_budget_summary"]


def test_a_header_whose_lower_cells_read_differently_under_each_side_is_not_split():
    text = _text().replace("支出\n\n \n\n预算数\n\n \n\n预算数", "支出\n\n \n\n预算数\n\n \n\n上年数", 1)
    assert not [b for b in text_blocks(text, "t.txt") if isinstance(b, Table) and len(b.rows) > 3 and
                b.rows[0].texts[:2] == ("序号", "收入")]
