"""A target form's fields each on a row of their own, as copied out of a spreadsheet (own wording and numbers): the
value of a field ends with its cell, and the next row's label is never glued onto it, however the rows are separated
(tabs, '|' bars, one cell per line). A two-cell row over another is no header row broken inside its cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest.textlayout import join_wrapped_tab_rows
from tests.builders import load_text

_ROWS = [
    ["项目名称", "城北河道保洁"],
    ["实施单位", "城北水务站"],
    ["项目资金（万元）", "年度资金总额：", "80"],
    ["", "其中：财政拨款", "80"],
    ["年度目标", "保洁河道12公里，清运漂浮物300吨。"],
    ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
    ["产出指标", "数量指标", "保洁河道长度", "≥12公里", "50"],
    ["效益指标", "社会效益指标", "河面清洁程度", "持续改善", "50"],
]
_TITLE = ["项目支出绩效目标表", "（2032年度）"]

TABS = "\n".join([*_TITLE, *("\t".join(row) for row in _ROWS)])
PIPES = "\n".join([*_TITLE, *("| " + " | ".join(row) + " |" for row in _ROWS)])
CELLS = "\n".join([*_TITLE, *(cell for row in _ROWS for cell in row if cell)])


@pytest.mark.parametrize("text", [TABS, PIPES, CELLS], ids=["tabs", "pipes", "cell-per-line"])
def test_a_fields_value_ends_with_its_row(tmp_path: Path, text: str) -> None:
    doc, _ = load_text(tmp_path, text)
    [form] = doc.goal_forms
    assert form.project == "城北河道保洁" and form.unit == "城北水务站"
    assert form.budget == Decimal("800000")
    assert [i.name for i in form.goal.indicators] == ["保洁河道长度", "河面清洁程度"]


def test_a_row_opening_with_a_field_label_is_no_wrapped_piece_of_the_row_above() -> None:
    lines = ["项目名称\t城北河道保洁", "项目执行单位\t城北水务站", "项目资金\t年度资金总额：\t80"]
    assert join_wrapped_tab_rows(lines) == lines


def test_a_header_row_broken_inside_a_cell_is_still_joined() -> None:
    lines = ["项目\t预算数\t执行数\t偏差原因分", "析及改进措施", "合计\t10\t9\t无"]
    joined = join_wrapped_tab_rows(lines)
    assert joined[0].split("\t")[-1] == "偏差原因分析及改进措施" and joined[1] == ""
