"""A self-evaluation form OCR'd and run together into one paragraph (own wording and figures): the budget's figures
come loose from their labels after the 执行率 header, and the indicator rows fuse 分值, target and actual. The
total row is read only when one reading makes 执行率 = 执行数 ÷ 预算数; the indicator rows are named unread."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.fused import rate_total
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

WAN = Decimal(10000)


def _form(executed: str = "96.6", rate: str = "80.5") -> str:
    return (
        "文本内容:\n示例蔬菜基地建设项目绩效目标自评表(2031年度)项目总得分95分项目名称示例蔬菜基地项目实施单位示例县农业站"
        "主管部门示例县农业农村局资金情况(万元)年度资金总额全年预算数(A)120全年执行数(B)执行率(B/A)其中中央补助省级补助"
        f"120万元\n{executed}万元\n{rate}%市县资金年度总体目标建成蔬菜基地300亩,带动农户150户绩效指标一级指标二级指标三级指标"
        "分值年度指标值全年实际值得分产出指标(50分)数量指标指标1基地面积10300亩300亩10指标2带动农户10150户150户10\n"
    )


def test_the_total_row_is_read_by_its_rate_and_the_fused_indicators_are_named_unread(tmp_path):
    doc, _ = load_text(tmp_path, _form())
    [se] = doc.self_evaluations
    [total] = se.budget_lines
    assert (total.adjusted, total.executed, total.reported_rate) == (
        120 * WAN,
        Decimal("96.6") * WAN,
        Decimal("80.5"),
    )
    unread = [u.what for u in doc.reading.unread]
    assert any("各资金来源行未读取" in u for u in unread) and any(
        "绩效指标表的格子连在一起" in u for u in unread
    )
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def test_figures_no_rate_singles_out_stay_unread(tmp_path):
    doc, _ = load_text(tmp_path, _form(rate="82.5"))  # 96.6 ÷ 120 = 80.5%: no reading fits
    assert not any(se.budget_lines for se in doc.self_evaluations)
    assert any("无法按“执行率 = 执行数 ÷ 预算数”唯一对应" in u.what for u in doc.reading.unread)


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("自治区补助300万元259.45万元86.5%", ("300", "259.45", "86.5")),
        ("200万元100万元50万元25万元50%", None),  # 100 of 200 and 25 of 50: the readings do not agree
        ("2031年3月80万元40万元", None),  # no rate printed
    ],
)
def test_rate_total_takes_only_one_reading(region, expected):
    assert rate_total(region) == expected
