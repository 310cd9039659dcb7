"""Self-evaluation forms whose cell separators or row ends were lost when copied, rebuilt with our own wording
and figures:

- a '|'-table whose rows were merged across row ends, its two-tier indicator header ('绩效指标 | 年度指标值 |
  实际完成值 | 分值 | 得分 | 偏差原因…' over '一级指标 | … | 指标性质 | 指标值 | 度量单位') run into the goal row and
  the first indicator row, the empty 偏差原因 cells not printed, '═' for '=';
"""

from __future__ import annotations

from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile


def load(tmp_path: Path, content: str, name: str = "自评表.txt"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, audit_document(doc, load_profile("central")).findings


MERGED_TWO_TIER = "\n".join(
    [
        "2023年度项目支出绩效自评表 | 部门:示例县第三中学 |",
        "|",
        "|",
        "| 公开14表 | 项目名称 | 学生饮水设施更新 | 主管部门 | 示例县教育局 | 实施单位 | 示例县第三中学 | 项目资金 (元) |",
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |",
        "| 80000 | 80000 | 10 | 100% | 10 | 其中:当年财政 拨款 |",
        "| 80000 | 80000 | — |",
        "| — | 上年结转 资金 |",
        "|",
        "| — | 其他资金 | — | — | — | — |",
        "| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 更新饮水机 | 已更新饮水机 | 绩效指标 | 年度指标值 | 实际完成值 | 分值 "
        "| 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 "
        "| 更新饮水机台数 | ≧ | 12 | 台 | 12 | 20 | 20 |",
        "| 质量指标 | 设备验收合格率 | ═ | 100 | % | 100% | 20 | 20 |",
        "| 效益指标 | 社会效益 指标 | 改善学生饮水条件 |",
        "| 明显改善 |",
        "| 明显改善 | 30 | 28 |",
        "| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | ≧ | 90 | % | 96% | 10 | 10 |",
        "| 教师满意度 | ≧ | 90 | % | 94% | 10 | 10 |",
        "| 其他需要说明事项 | 无 | 总分 | 100 | 98 | 优 |",
        "|",
    ]
)


def test_merged_pipe_rows_with_a_two_tier_header_read_every_indicator_row(tmp_path):
    doc, findings = load(tmp_path, MERGED_TWO_TIER)
    [se] = doc.self_evaluations
    assert se.project.name == "学生饮水设施更新"
    assert [(i.level1, i.level2, i.name, i.weight, i.reported_score) for i in se.indicators] == [
        ("产出指标", "数量指标", "更新饮水机台数", 20, 20),
        ("产出指标", "质量指标", "设备验收合格率", 20, 20),
        ("效益指标", "社会效益指标", "改善学生饮水条件", 30, 28),
        ("满意度指标", "服务对象满意度指标等", "学生满意度", 10, 10),
        ("满意度指标", "服务对象满意度指标等", "教师满意度", 10, 10),
    ]
    first, second = (i.adjusted_target or i.initial_target for i in se.indicators[:2])
    assert (first.operator.value, first.number, first.unit) == ("≥", 12, "台")
    assert (second.operator.value, second.number) == ("=", 100)
    assert not se.goal.incomplete
    assert [f.message for f in findings if f.tier is Tier.ERROR] == []
    assert not [p for p in doc.problems if "中断" in p.message]
