"""A department's target declaration listing several projects in one table, one indicator a row (own wording and
numbers): the header prints the project's fields before the indicator columns ('单位名称 | 项目名称 | 预算数 | 年度目标 |
一级指标 | …'), each project's first row prints them before its first indicator, a project's later rows open at the
一级 label, a department's subtotal row holds no indicator, and a direction column ('指标方向性': 正向指标) is a
column, not an indicator. The header words are never a project or an indicator."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.core.model import DocumentKind
from tests.builders import load_text

LISTING = "\n".join([
    "| 部门预算项目绩效目标申报表(2031年度) | ||||||||||||",
    "| 金额单位:元 | ||||||||||||",
    "| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 | |",
    "| 730-示例镇部门 | 1,500,000.00 | |||||||||||",
    "| 730001-示例县示例镇人民政府 | 示例补助 | 1,100,000.00 | 按时发放补助 | 产出指标 | 数量指标 | 补助人数 | ≥ | 120 | 人 | 30 | 正向指标 | |",
    "| 效益指标 | 社会效益指标 | 保障基本生活 | ≥ | 90 | % | 30 | 正向指标 | |||||",
    "| 满意度指标 | 服务对象满意度指标 | 受助群众满意度 | ≥ | 92 | % | 30 | 正向指标 | |||||",
    "| 示例运转经费 | 400,000.00 | 保障村社区办公运转 | 产出指标 | 时效指标 | 保障期限 | = | 1 | 年 | 40 | 正向指标 | |",
    "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % | 50 | 正向指标 | |||||",
])


def test_a_listing_of_projects_is_read_project_by_project(tmp_path: Path) -> None:
    doc, errors = load_text(tmp_path, LISTING)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.year == 2031
    assert [(f.project, f.unit, f.budget) for f in doc.goal_forms] == [
        ("示例补助", "示例县示例镇人民政府", Decimal("1100000.00")),
        ("示例运转经费", "示例县示例镇人民政府", Decimal("400000.00")),  # the unit's cell shared with the row above
    ]
    first, second = doc.goal_forms
    assert first.goal.annual_text == "按时发放补助"
    assert [(i.level1, i.name, i.initial_target.raw if i.initial_target else "", i.weight)
            for i in first.goal.indicators] == [
        ("产出指标", "补助人数", "≥120人", Decimal(30)),
        ("效益指标", "保障基本生活", "≥90%", Decimal(30)),
        ("满意度指标", "受助群众满意度", "≥92%", Decimal(30)),
    ]
    assert [i.name for i in second.goal.indicators] == ["保障期限", "群众满意度"]
    names = {i.name for f in doc.goal_forms for i in f.goal.indicators}
    assert not names & {"指标方向性", "正向指标", "730-示例镇部门"}
    assert not [e for e in errors if "未读到分值" in e.message]
