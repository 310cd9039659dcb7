"""A table comparing two years item by item that no template names (own wording and figures): a hospital's
收入支出情况对比表 saved as space-separated rows, '项目及编号 2030年度 2031年度 2031比2030增减' over '增减值 增减%', one
total printed to one decimal, a row printing a lone '0', a row's figures on the next line. It is read with its unit
and checked by its own arithmetic (disclosure.comparison_table): 增减额, 增减率 and the totals over their numbered
items; a page holding only such a table is refused with what it is."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL

COMPARISON = """示例市第三人民医院财务信息公示
示例市公立医院情况对比表
单位:示例市第三人民医院 单位:元
项目及编号 2030年度 2031年度 2031比2030增减
增减值 增减%
一、收入支出情况对比 (一) 收入总计 5000000.00 5600000.5 600000.50 12.00%
1. 财政补助收入 1000000 1200000 200000 20.00%
2. 科研项目收入 0
3. 医疗收入 3900000.00 4300000.46 400000.46 10.26%
4. 其他收入 100000.00 100000.04 0.04 0.00%
(二) 支出总计 4800000.00 5200000.00 400000.00 8.33%
1. 医疗业务成本 3000000.00 3300000.00 300000.00 10.00%
2. 管理费用 1800000.00 1900000.00 100000.00 5.56%
二、门诊次均费用
180.5 190.25 9.75 5.40%
"""


def _load(tmp_path, text: str, kind: DocumentKind | None = DocumentKind.DISCLOSURE):  # type: ignore[no-untyped-def]
    path = tmp_path / "hospital.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path, kind=kind)


def _found(tmp_path, text: str) -> list[tuple[Tier, str]]:
    doc, _ = _load(tmp_path, text)
    return [
        (f.tier, f.message)
        for f in audit_document(doc, CENTRAL).findings
        if f.rule == "disclosure.comparison_table"
    ]


def test_the_comparison_is_read_with_its_unit_and_holds(tmp_path):
    doc, _ = _load(tmp_path, COMPARISON)
    [table] = doc.disclosure.comparisons
    assert (table.title, table.unit, table.years) == (
        "示例市公立医院情况对比表",
        "元",
        ("2030年度", "2031年度"),
    )
    rows = {r.label: r for r in table.rows}
    assert rows["3. 医疗收入"].later.value == Decimal("4300000.46") and rows[
        "3. 医疗收入"
    ].rate.value == Decimal("10.26")
    assert rows["二、门诊次均费用"].change.text == "9.75"  # its figures printed on the next line
    assert (
        rows["2. 科研项目收入"].later.value == 0
    )  # a lone '0': whichever column it is, the row holds nothing
    assert [(t.name, t.unit, t.rows) for t in doc.reading.tables] == [("示例市公立医院情况对比表", "元", 9)]
    assert not [u for u in doc.reading.unread if "表格未被识别" in u.what]
    assert _found(tmp_path, COMPARISON) == []


@pytest.mark.parametrize(
    ("fault", "tier", "words"),
    [
        (("400000.46 10.26%", "400000.64 10.26%"), Tier.ERROR, "“3. 医疗收入”的“增减额”：填列 400000.64元"),
        (("10.26%", "10.36%"), Tier.ERROR, "增减率写为 10.36%"),
        (("10.26%", "10.25%"), Tier.NOTICE, "增减率写为 10.25%"),  # 10.2564… with its last digits dropped
        (
            ("5600000.5 600000.50", "5600000.5 600000.52"),
            Tier.NOTICE,
            "尾数误差",
        ),  # within the one-decimal total
    ],
)
def test_a_change_or_a_rate_that_the_years_do_not_give_is_found(tmp_path, fault, tier, words):
    found = _found(tmp_path, COMPARISON.replace(*fault))
    assert len(found) == 1 and found[0][0] is tier and words in found[0][1]


def test_a_total_that_its_items_do_not_give_is_found_once(tmp_path):
    # the 2031 收入总计 mistyped: its change (600000.50) agrees with the items, so only the total is at fault
    [(tier, message)] = _found(tmp_path, COMPARISON.replace("5600000.5 ", "5600900.5 "))
    assert tier is Tier.ERROR and "第 1–4 项之和 应为 5600000.50元" in message
    # 支出 lists no 其他: whether its two items are all of it is a reading, so a gap is suspected, not certain
    [(tier, message)] = _found(
        tmp_path, COMPARISON.replace("(二) 支出总计 4800000.00", "(二) 支出总计 4900000.00")
    )
    assert tier is Tier.WARNING and "也可能只列了一部分" in message


def test_a_page_holding_only_the_comparison_is_refused_with_what_it_is(tmp_path):
    doc, errors = _load(tmp_path, COMPARISON, kind=None)
    assert doc is None and "2030年与2031年逐项对比的表" in errors[0].message
