"""A budget-side 绩效目标表 copied as a pipe table one cell per line, whose header cells were cut on the way to text:
the cell '绩效指标' spanning the header's rows is left as '绩' and '一级指标' as '一级', before '二级指标 | 三级指标 |
指标值' (own wording and numbers). The indicator table is read, one indicator a row, not reported as a table nobody
could read."""

from __future__ import annotations

from pathlib import Path

from jixiao.core.model import DocumentKind
from jixiao.ingest.targetform import UNREAD
from tests.builders import load_text

CELLS = [
    ["示例水库巡护项目绩效目标表"],
    ["（2031年度）"],
    ["项目名称", "示例水库日常巡护经费"],
    ["主管部门及代码", "[088]示例县水利局", "实施单位", "示例县水库管理所"],
    ["项目资金", "年度资金总额:", "12.00"],
    ["其中:财政拨款", "12.00"],
    ["其他资金", "0.00"],
    ["年度", "全年巡护水库3座，巡护记录完整。"],
    ["绩", "一级", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "巡护水库座数", "≥3座"],
    ["质量指标", "巡护记录完整率", "≥98%"],
    ["时效指标", "巡护完成时间", "2031年12月"],
    ["效益指标", "社会效益指标", "水库安全运行", "持续保障"],
    ["满意度指标", "服务对象满意度指标", "周边群众满意度", "≥90%"],
]


def _pipe_text() -> str:
    """Each cell on a line of its own ending in ' |', a line of bare '|' between rows (a web table's copy), after the
    project's description in numbered paragraphs."""
    lines: list[str] = ["（1）项目概述。保障示例水库全年日常巡护。", "（2）年度预算安排。日常巡护经费预算安排12万元。"]
    for row in CELLS:
        lines += [f"{cell} |" for cell in row]
        lines.append("|" * (6 - len(row) + 1))
    return "\n".join(lines)


def test_a_pipe_target_form_with_its_level_header_cut_is_read(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, _pipe_text())
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE
    assert len(doc.goal_forms) == 1
    form = doc.goal_forms[0]
    assert form.project == "示例水库日常巡护经费"
    names = [i.name for i in form.goal.indicators]
    assert names == ["巡护水库座数", "巡护记录完整率", "巡护完成时间", "水库安全运行", "周边群众满意度"]
    assert [i.level1 for i in form.goal.indicators] == ["产出指标"] * 3 + ["效益指标", "满意度指标"]
    assert doc.reading is not None
    assert not [u for u in doc.reading.unread if u.what == UNREAD]
    # the description before the form's title is no part of the form: its figure is read as a sentence, not taken
    # as read with the form
    assert [c.text for c in doc.reading.claims if c.location.line == 2] == ["日常巡护经费预算安排12万元。"]
