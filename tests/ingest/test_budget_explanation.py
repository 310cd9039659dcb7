"""A 部门预算 explanation in 元 copied out of a PDF: hard line breaks inside sentences and between a number and
its unit. Its sentences are joined back and its figures checked like a 情况说明 (own wording and figures)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from jixiao.ingest.pipeline import load_document
from jixiao.ingest.source import Paragraph, text_blocks
from tests.audit.test_mutations import CENTRAL

# 教育 512000.00 − 48000.00 = 464000.00 → 9.38%; 卫生健康 96000.00 + 8000.00 = 88000.00 → 9.09%.
WRAPPED = """示例县图书馆2026年部门预算
三、支出预算情况说明
2026 年支出总预算 608000.00 元,其中基本支出 560000.00 元,占
支出总预算的 92.11%;项目支出 48000.00 元,占支出总预算的
7.89%。
(一)教育支出类科目 512000.00 元,占支出总预算 84.21%,同比
减少 48000.00 元,下降 8.57 %。
(二)卫生健康支出类科目 96000.00 元,占支出总预算 15.79 %,同比
增加 8000.00 元,增长 {rate} %。
四、财政拨款收支预算总体情况说明
2026 年财政拨款收支总预算 608000.00 元。收入包括:一般公共
预算拨款 608000.00 元。
"""


def _load(tmp_path, rate: str = "9.09"):
    path = tmp_path / "budget.txt"
    path.write_text(WRAPPED.format(rate=rate), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc


def test_wrapped_lines_are_joined_into_sentences():
    blocks = text_blocks(WRAPPED.format(rate="9.09"), "t.txt")
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert "2026 年支出总预算 608000.00 元,其中基本支出 560000.00 元,占支出总预算的 92.11%;项目支出 48000.00 元,占支出总预算的7.89%。" in texts
    assert "四、财政拨款收支预算总体情况说明" in texts  # a heading is never joined to the line before it
    joined = next(b for b in blocks if isinstance(b, Paragraph) and b.text.startswith("(二)"))
    assert joined.location.line == 8  # the joined sentence keeps its first line


def test_prose_with_sentence_ends_is_left_alone():
    text = "一、部门职责\n负责全县图书的收藏和借阅。\n组织读书活动。\n开展讲座培训。\n指导乡镇图书室。\n编制年度计划。\n"
    assert [b.text for b in text_blocks(text, "t.txt")] == text.strip().split("\n")


def test_budget_explanation_is_read_and_its_changes_checked(tmp_path):
    doc = _load(tmp_path)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and not doc.disclosure.tables  # no 决算 table taken
    changes = [c for s in doc.disclosure.narrative for c in s.claims if c.measure == "change"]
    assert [c.value for c in changes] == [Decimal("-48000.00"), Decimal("8000.00")]
    findings = audit_document(doc, CENTRAL).findings
    assert not [f for f in findings if f.tier is not Tier.NOTICE]
    # the rate taken on this year's figure instead of last year's (8000 ÷ 96000 = 8.33%) is certain
    wrong = audit_document(_load(tmp_path, "8.33"), CENTRAL).findings
    hits = [f for f in wrong if f.rule == "narrative.n2_year_on_year"]
    assert [(f.tier, f.expected, f.location.line) for f in hits] == [(Tier.ERROR, "9.09", 8)]


BUDGET_ROWS = """示例县档案馆2026年“三公”经费预算公开
按照政府信息公开要求,2026年本馆“三公”经费预算为16.5万元,其中:因公出国(境)费用2万元,公务接待费3.5万元,公务用车购置及运行维护费11万元。
2026年“三公”经费预算支出表
单位:万元
项目 |
预算数 |
合计 |
16.5 |
1.因公出国(境)费用 |
2 |
2.公务接待费 |
3.5 |
3.公务用车购置及运行维护费 |
11 |
其中:公务用车运行维护费 |
8 |
公务用车购置 |
3 |
"""
# The second header row printed from the left, not under 公务用车费: the items are read in order by their labels.
BUDGET_LEAVES = """示例县档案馆2026年“三公”经费预算公开
示例县档案馆2026年“三公”经费预算 | ||||||
| | | | 单位:万元 | ||
合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费 | ||||
小 计 | 公务用车运行维护费 | 公务用车购置费 | |||||
16.5 | 2 | 11 | 8 | 3 | 3.5 | ||
二、情况说明
2026年本馆“三公”经费预算为16.5万元,其中:因公出国(境)费用2万元,公务接待费3.5万元,公务用车购置及运行维护费11万元。
"""


@pytest.mark.parametrize("text", [BUDGET_ROWS, BUDGET_LEAVES], ids=["items-as-rows", "one-row-of-figures"])
def test_budget_sangong_table_is_read_as_budget_and_checked(tmp_path, text):
    path = tmp_path / "sangong_budget.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None and doc.kind is DocumentKind.BUDGET_DISCLOSURE, errors
    table = doc.disclosure.tables["D09"]
    assert table.label == "“三公”经费预算表" and table.unit == "万元"
    values = {key: amount.value / 10000 for key, amount in table.rows[0].cells.items()}
    assert values == {"budget_total": Decimal("16.5"), "budget_overseas": Decimal(2), "budget_reception": Decimal("3.5"),
                      "budget_car": Decimal(11), "budget_car_operation": Decimal(8), "budget_car_purchase": Decimal(3)}
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is not Tier.NOTICE]
    path.write_text(text.replace("公务接待费3.5万元", "公务接待费5.3万元"), encoding="utf-8")
    wrong = audit_document(load_document(path)[0], CENTRAL).findings
    assert [(f.rule, f.expected) for f in wrong if f.tier is Tier.ERROR] == [("narrative.n1_amount_vs_table", "3.50")]


def test_figures_that_do_not_match_the_items_are_unread_not_guessed(tmp_path):
    path = tmp_path / "sangong_budget.txt"
    # one figure short, and no figure left out would make the others add up: which is missing is unknown
    path.write_text(BUDGET_LEAVES.replace("16.5 | 2 | 11 | 8 | 3 | 3.5 |", "16.5 | 2 | 8 | 3 | 3.6 |"), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc.disclosure.tables["D09"].unmapped and any("一一对应" in str(e) for e in errors)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
