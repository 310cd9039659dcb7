"""A row a table does not print (a page cut off mid-table) is not a printed 0: identities that need it end as
not applicable with the reason, while a printed 0.00 is still compared."""

from __future__ import annotations

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL

HEAD = """某某管理站2023年度部门决算

## 收入支出决算总表

公开01表

金额单位：万元

收入\t\t\t支出\t\t
项目	行次	金额	项目	行次	金额
栏次	1	1	栏次	2	2
一、一般公共预算财政拨款收入	1	320.40	一、一般公共服务支出	32	210.15
二、政府性基金预算财政拨款收入	2	40.00	二、农林水支出	33	150.25
"""
TOTALS = "本年收入合计	27	{0}	本年支出合计	58	{0}\n"


def _outcomes(tmp_path, text: str):
    path = tmp_path / "cut.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None and "D01" in doc.disclosure.tables, errors
    result = audit_document(doc, CENTRAL)
    return {o.rule: o for o in result.outcomes}, [f for f in result.findings if f.rule.startswith("disclosure.r0")]


def test_total_row_cut_off_is_not_applicable(tmp_path):
    outcomes, findings = _outcomes(tmp_path, HEAD)
    assert findings == []
    assert outcomes["disclosure.r01_income_total"].status.value == "not_applicable"
    assert outcomes["disclosure.r01_income_total"].reason == "缺少本年收入合计行"
    assert outcomes["disclosure.r02_expenditure_total"].reason == "缺少本年支出合计行"


def test_printed_zero_total_is_still_compared(tmp_path):
    _, findings = _outcomes(tmp_path, HEAD + TOTALS.format("0.00"))
    assert {(f.rule, f.tier) for f in findings} >= {("disclosure.r01_income_total", Tier.ERROR),
                                                  ("disclosure.r02_expenditure_total", Tier.ERROR)}
    _, agreeing = _outcomes(tmp_path, HEAD + TOTALS.format("360.40"))
    assert not [f for f in agreeing if f.rule in ("disclosure.r01_income_total", "disclosure.r02_expenditure_total")]
