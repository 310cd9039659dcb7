"""An OCR'd 项目支出绩效自评表 whose rows are fused (own wording and figures): the total row's label stands before the
budget header (with OCR slips in its words: '预匏数', '调整预算将'), its figures run together after it. The run is read
only when 执行率 = 执行数 ÷ 预算数 singles out one split; an ambiguous split is named unread and draws no error."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

WAN = Decimal(10000)


def _form(run: str) -> str:
    return ("示例文库\n1、示例市本级部门项目支出绩效自评表(2031年)项目名称示例小学公用经费主管部门示例市教育局实施第位"
            f"自评得分92财政审核评分示例市第三小学项目资金(万兀)年度资金总额年初预匏数调整预算将,A、全年执行数(B)执行率(B/A){run}"
            "年度总体目标保障学校正常运转年度总体目标完成情况一级指标二级指标三级指标分值指标值(A)全年实际值(B)得分\n"
            "2、预算执行率10一100%9财务管理制度有效性7一制度健全7\n")


def test_a_unique_split_is_read(tmp_path):
    doc, _ = load_text(tmp_path, _form("52.552.55095.2%"))
    (se,) = doc.self_evaluations
    (line,) = se.budget_lines
    assert (line.initial, line.adjusted, line.executed, line.reported_rate) == (
        Decimal("52.5") * WAN, Decimal("52.5") * WAN, 50 * WAN, Decimal("95.2"))
    assert any("绩效指标表的格子连在一起" in u.what for u in doc.reading.unread)  # the fused indicator rows: said unread


def test_an_ambiguous_split_is_named_unread_and_draws_no_error(tmp_path):
    doc, _ = load_text(tmp_path, _form("48.648.648.6100%"))  # 48.6/48.6/48.6 or 48.64/8.64/8.6 both give 100%
    assert not any(se.budget_lines for se in doc.self_evaluations)
    said = [u for u in doc.reading.unread if "48.648.648.6100%" in u.what]
    assert said and "2 种拆分" in said[0].what
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
