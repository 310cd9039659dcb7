"""A 决算 explanation listing 收入总计 by its income items, one numbered item per line, amounts with four decimals,
and the unit's spending named by the unit alone ('某某所支出为…'); own wording and figures."""

from __future__ import annotations

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL

TEXT = """某某镇防疫站2024年度部门决算公开
一、某某镇防疫站2024年度部门决算情况说明
(一)收入决算情况。2024年度,收入总计为{total}万元,其中:
1.财政拨款收入201.3125万元,为一般公共预算资金。
2.事业收入40.1250万元,为开展业务活动取得的收入。
3.上年结转和结余8.5000万元,为以前年度结转到本年继续使用的资金。
(二)支出决算情况
2024年度,某某镇防疫站支出为{spent}万元。其中:
基本支出150.2500万元。
项目支出99.6875万元。
"""


def _findings(tmp_path, total: str = "249.9375", spent: str = "249.9375"):
    path = tmp_path / "explanation.txt"
    path.write_text(TEXT.format(total=total, spent=spent), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return [f for f in audit_document(doc, CENTRAL).findings if f.rule == "narrative.parts_total"]


def test_income_items_and_spending_that_add_up_pass(tmp_path):
    assert _findings(tmp_path) == []


def test_income_items_over_the_stated_total_are_an_error_at_four_decimals(tmp_path):
    # 201.3125 + 40.1250 + 8.5000 = 249.9375, the text says 241.4375 (its 本年收入 only)
    [finding] = _findings(tmp_path, total="241.4375")
    assert finding.tier is Tier.ERROR and finding.location.row == "收入总计"
    assert "249.9375" in finding.message and finding.difference == "-8.5000"


def test_income_items_short_of_the_total_are_only_suspected(tmp_path):
    # an item a text leaves out when zero (上级补助收入, 其他收入 …) may be the rest
    [finding] = _findings(tmp_path, total="260.0000")
    assert finding.tier is Tier.WARNING and "未列出的" in finding.message


def test_the_units_own_spending_is_checked_against_its_parts(tmp_path):
    [finding] = _findings(tmp_path, spent="250.9375")
    assert finding.tier is Tier.ERROR and finding.location.row == "支出"
    assert "249.9375" in finding.message
