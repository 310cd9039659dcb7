"""A fund row of a form copied one cell per line, printing fewer figures than its header has columns, whose every
order-keeping placement contradicts the row itself (own wording and figures): one warning names the row, each
placement tried and its fault — not an error (which cell is wrong depends on the placement), and not only a note
that the row was not read."""

from __future__ import annotations

from jixiao.core.finding import Tier
from jixiao.ingest.rowplace import place_row
from tests.audit.test_mutations import audit_text

SIX = ["年初预算数", "调整预算数", "全年执行数", "分值", "执行率", "得分"]


def _form(row: list[str]) -> str:
    lines = ["项目支出绩效自评表", "( 2032年度)", "项目名称", "示例乡村道路养护补助", "主管部门", "实施单位",
             "示例县交通运输局", "项目资金", "(万元)", *SIX, "年度资金总额", *row,
             "其中:当年财政拨款", "", "", "", "", "上年结转资金", "", "", "其他资金", "", "",
             "年度总体目标", "预期目标", "实际完成情况", "养护乡村道路。", "全年养护乡村道路48公里。"]
    return "\n".join(lines) + "\n"


def test_every_placement_faulted_gives_one_warning_naming_the_row_and_the_placements(tmp_path):
    # 24 24 10 100% 96: the blank is 年初/调整 (then 得分 96 > 分值 10) or the 分值 (then 100% ≠ 10 ÷ 24)
    _, found = audit_text(tmp_path, _form(["24", "24", "10", "100%", "96"]))
    assert not [f for f in found if f.tier is Tier.ERROR]
    [warning] = [f for f in found if f.rule == "selfeval.row_placement"]
    assert warning.tier is Tier.WARNING and warning.location.row == "年度资金总额"
    assert "2 种读法" in warning.message and "得分 96 超过分值 10" in warning.message
    assert "执行率 100% ≠ 执行数 10 ÷ 预算数 24" in warning.message
    # the missing budget is not said a second time
    assert not [f for f in found if f.rule == "selfeval.s1_missing_budget"]


def test_a_row_one_placement_fits_gives_no_placement_warning(tmp_path):
    _, found = audit_text(tmp_path, _form(["24", "18", "10", "75%", "7.5"]))
    assert not [f for f in found if f.rule == "selfeval.row_placement"]


def test_the_placements_and_their_faults_are_kept():
    placed = place_row(["24", "24", "10", "100%", "96"], ["initial", "adjusted", "executed", "points", "rate", "score"])
    assert placed.reading is None and len(placed.faulted) == 2
    assert all(faults for _, faults in placed.faulted)
    # several consistent readings: nothing is faulted, the row is only unread
    both = place_row(["20", "20", "20", "100%"], ["initial", "adjusted", "executed", "points", "rate"])
    assert both.reading is None and not both.faulted
