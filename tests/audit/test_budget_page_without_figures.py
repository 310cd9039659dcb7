"""A budget page that prints its title and the unit's overview and no figure (a hospital's site cut before its
tables): read as the unit's budget, and the audit says that nothing of it could be checked rather than passing it.
Own wording and names."""

from __future__ import annotations

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL

PAGE = """返回
院务公开

2031年度医院财经预算

来源:本站  时间:2031-01-15

一、单位概况

示例县第二人民医院始建于1952年5月,占地面积3.2万平方米,是一所集医疗、急救、预防为一体的综合医院。
"""


def test_a_budget_page_with_no_figures_is_read_and_said_unchecked(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    assert (doc.kind, doc.unit, doc.year) == (DocumentKind.BUDGET_DISCLOSURE, "示例县第二人民医院", 2031)
    [said] = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "reading.nothing_read"]
    assert said.tier is Tier.WARNING
