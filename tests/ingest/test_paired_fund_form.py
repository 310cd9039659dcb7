"""A county's 项目绩效自评 form copied one cell per line, each row padded out with a run of bars (own wording and
figures): a cover saying the evaluation is the unit's own, then the funds as label / amount pairs across a row
(计划安排资金 | 到位 | 支出 | 结余, each label with its unit) over one row per fund level, then a list of payments.
The funds are read with their unit; a cell whose separators are garbled is named unread, never read as a number;
the rows of the list under it are said to be unread."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

WAN = Decimal(10000)


def _form(received: str = "420", spent: str = "400", left: str = "20") -> str:
    def row(*cells: str) -> str:
        return "".join(f"{c} |\n" if c else "|\n" for c in cells) + "||||||||||\n"

    levels = "".join(
        row(*[cell for value in values for cell in (label, value)])
        for label, values in (
            ("其中:中央财政", ("", "", "", "")),
            ("省财政", ("", "", "", "")),
            ("县财政", ("420", received, spent, left)),
        )
    )
    return (
        "评价类型:项目完成结果评价□\n项目名称:示例乡村道路保洁\n项目单位:示例县环境卫生所\n主管部门:示例县城市管理局\n"
        "评价方式:部门(单位)绩效自评\n报告日期:2031年03月02日\n一、项目基本概况 |\n|||||||||||||\n"
        + row("项目负责人", "王某", "联系电话", "01000000000")
        + row("项目起止时间", "2030年元月起至2030年12月止")
        + row(
            "计划安排资金 (万元)",
            "420",
            "实际到位资金 (万元)",
            received,
            "实际支出 (万元)",
            spent,
            "结余 (万元)",
            left,
        )
        + levels
        + "二、项目支出明细情况 |\n|||||||||||||\n"
        + row("支出内容", "实际支出数", "会计凭证号", "备注")
        + row("30226 劳务费", "60,000.00", "2030年02月记账 3", "付保洁劳务费")
        + row("30905 维修费", "35,500.00", "2030年03月记账 7", "付路面修补款")
        + row("30226 劳务费", "58,000.00", "2030年04月记账 2", "付保洁劳务费")
    )


def test_the_cover_names_a_self_evaluation_and_the_paired_funds_are_read_in_their_unit(tmp_path):
    doc, _ = load_text(tmp_path, _form())
    assert doc.kind is DocumentKind.SELF_EVALUATION and doc.year == 2030
    [se] = doc.self_evaluations
    total, county = se.budget_lines
    assert (total.source, total.adjusted, total.received, total.executed, total.carryover) == (
        "合计",
        420 * WAN,
        420 * WAN,
        400 * WAN,
        20 * WAN,
    )
    assert county.source == "县财政" and county.adjusted == 420 * WAN
    assert [t.unit for t in doc.reading.tables] == ["万元"]  # '2030年元月' names no unit
    [listed] = [u.what for u in doc.reading.unread if "不属于该表" in u.what]  # the payments are not passed over
    assert "3 行明细" in listed and "表中没有合计行，逐笔金额无从核对" in listed and "截断" not in listed
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def test_a_balance_that_is_neither_budget_nor_received_minus_spent_is_found(tmp_path):
    doc, _ = load_text(tmp_path, _form(received="410", spent="400", left="30"))
    found = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "selfeval.carryover"]
    assert {f.tier for f in found} == {Tier.ERROR} and len(
        found
    ) == 2  # 420 − 400 ≠ 30 ≠ 410 − 400, in both rows
    doc, _ = load_text(tmp_path, _form(received="410", spent="400", left="10"))  # 410 received − 400 spent
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.rule == "selfeval.carryover"]


@pytest.mark.parametrize("garbled", ["4,00.0,20", "40.0.0"])
def test_a_garbled_amount_is_named_unread_not_read_as_a_number(tmp_path, garbled):
    doc, _ = load_text(tmp_path, _form(received=garbled, spent=garbled))
    total = doc.self_evaluations[0].budget_lines[0]
    assert total.received is None and total.executed is None  # neither 4 nor 400.2: unknown
    assert (
        sum(1 for u in doc.reading.unread if garbled in u.what and "不是可读的金额" in u.what) == 4
    )  # each cell once
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def test_a_list_of_payments_cut_inside_its_last_row_is_said_to_be_unread_and_why(tmp_path):
    cut = _form().rstrip("|\n").removesuffix("付保洁劳务费 ")  # the page ends inside the last payment's note
    doc, _ = load_text(tmp_path, cut)
    [listed] = [u.what for u in doc.reading.unread if "不属于该表" in u.what]
    assert "没有合计行" in listed and "最后一行只有 3 格（表头 4 列），文本可能在此截断" in listed
