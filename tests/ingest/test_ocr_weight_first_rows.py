"""A 项目支出绩效自评表 scanned and OCR'd into runs with no separator (own wording and figures): the indicator
columns are 分值, 指标值, 实际值, 得分 (the header's 分值 word itself an OCR slip), each part printing its points.
Rows are read where the text leaves one reading and the parts' points confirm the 分值; a row with an OCR slip in a
figure ('IO', '4l8.6万元') is not read, nor repaired, and is named with its place."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.finding import Tier
from jixiao.ingest.weightrows import read_weight_rows
from tests.audit.test_mutations import audit_text

TEXT = (
    "1、示例县本级部门项目支出绩效自评表(2034年)项目名称乡镇巡诊药品经费主管部门示例县卫生健康局实施单位示例县第二卫生院"
    "自评得分88项目资金(万元)年度资金总额年初预算数调整预算数全年执行数(B)执行率(B/A)48.648.648.6100%"
    "一级指标二级指标三级指标值分考参指标值(A)全年实际值(B)得分未完成原因分析及改进措施"
    "项目决策(8分)目标明确性5一目标清晰具体5依据充分性3一依据文件齐全3项目管理(12分)资金到位率12一100%11\n"
    "2、项目产出(30分)数量指标(10分)巡诊村数1026个26个IO指标2:时效指标(10分)巡诊完成时间102034年11月完成"
    "2034年11月完成8指标2:成本指标(10分)药品采购成本630万元30万元6耗材成本4l8.6万元18.6万元4\n"
)


def test_rows_the_text_leaves_one_reading_of_are_read(tmp_path):
    doc, found = audit_text(tmp_path, TEXT)
    (se,) = doc.self_evaluations
    rows = {i.name: (i.weight, i.reported_score) for i in se.indicators}
    assert rows == {"目标明确性": (Decimal(5), Decimal(5)), "依据充分性": (Decimal(3), Decimal(3)),
                    "资金到位率": (Decimal(12), Decimal(11)), "巡诊完成时间": (Decimal(10), Decimal(8)),
                    "药品采购成本": (Decimal(6), Decimal(6))}
    # the OCR slips are not read, nor repaired ('IO' is no 10), and are named with their place
    said = [u for u in doc.reading.unread if "数字不能唯一分开" in u.what]
    assert any("巡诊村数" in u.what for u in said) and any("耗材成本" in u.what for u in said)
    assert all(u.location.line is not None for u in said)
    assert se.goal.incomplete
    assert not [f for f in found if f.tier is Tier.ERROR]
    # the target and actual were told apart by the cells' kinds: not scored, not judged for how they are written
    assert not [f for f in found if f.rule.startswith(("selfeval.s2_", "selfeval.s6_", "goals.t03"))]


def test_a_part_whose_read_weights_exceed_its_points_is_not_read():
    text = "得分项目决策(6分)目标明确性5一目标清晰具体5依据充分性3一依据文件齐全3项目管理(12分)资金到位率12一100%11"
    read = read_weight_rows(text, 0)
    assert read is not None and [r.name for r in read.rows] == ["资金到位率"]
    assert any("超过该部分标明的 6 分" in why for why, _ in read.unread)


def test_nothing_is_read_without_one_part_read_whole_and_adding_up():
    assert read_weight_rows("得分项目管理(12分)资金到位率10一100%9", 0) is None
