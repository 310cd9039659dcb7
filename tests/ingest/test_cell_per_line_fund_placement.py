"""A 项目支出绩效自评表 copied one cell per line with no separator and its empty cells dropped (own wording and
figures): the fund row prints fewer cells than its header has columns. Every placement the header allows is tried;
the row is read when the layout leaves one reading (its faults then reported), or when its own arithmetic (执行率 =
执行数 ÷ 预算数, 得分 ≤ 分值) singles one out; when no placement or several fit, the row is named unread with why."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.rowplace import place_row
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

WAN = Decimal(10000)
SIX = ["年初预算数", "调整预算数", "全年执行数", "分值", "执行率", "得分"]
FIVE = ["调整预算数", "全年执行数", "分值", "执行率", "得分"]


def _form(header: list[str], row: list[str]) -> str:
    lines = ["项目支出绩效自评表", "( 2031年度)", "项目名称", "示例河道巡护经费", "主管部门", "示例县水务局", "实施单位",
             "示例县水务局", "项目资金", "(万元)", *header, "年度资金总额", *row,
             "其中:当年财政拨款", "", "", "", "", "上年结转资金", "", "", "其他资金", "", "",
             "年度总体目标", "预期目标", "实际完成情况", "完成河道巡护全年任务。", "全年巡护河道120公里。"]
    return "\n".join(lines) + "\n"


def _read(tmp_path, header, row):
    doc, _ = load_text(tmp_path, _form(header, row))
    return doc, audit_document(doc, CENTRAL).findings


def test_one_consistent_placement_is_read(tmp_path):
    doc, findings = _read(tmp_path, SIX, ["40", "36", "10", "90%", "9"])
    (se,) = doc.self_evaluations
    (line,) = se.budget_lines
    assert (line.adjusted, line.executed, line.reported_rate, line.reported_score) == (
        40 * WAN, 36 * WAN, Decimal(90), Decimal(9))
    assert line.initial is None  # the blank was the 年初 or the 调整 cell: the budget either way, the 年初 unknown
    assert not [f for f in findings if f.tier is Tier.ERROR]


def test_a_fault_in_the_one_placement_the_layout_allows_is_reported(tmp_path):
    doc, findings = _read(tmp_path, FIVE, ["40", "36", "95%", "9"])  # 36 ÷ 40 = 90%, printed 95%
    (line,) = doc.self_evaluations[0].budget_lines
    assert (line.adjusted, line.executed, line.reported_rate) == (40 * WAN, 36 * WAN, Decimal(95))
    errors = [f for f in findings if f.tier is Tier.ERROR]
    assert [f.rule for f in errors] == ["selfeval.s1_execution_rate"]


def test_a_row_every_placement_contradicts_is_unread_and_no_error_is_drawn_from_it(tmp_path):
    doc, findings = _read(tmp_path, SIX, ["40", "40", "10", "100%", "95"])
    (se,) = doc.self_evaluations
    assert not se.budget_lines  # the row is not read: no placement is chosen to report from
    assert not [f for f in findings if f.tier is Tier.ERROR]
    said = [u for u in doc.reading.unread if "年度资金总额" in u.what]
    assert said and "无一能自洽" in said[0].what and "此行未读取" in said[0].what
    assert said[0].location.line is not None


def test_the_placement_itself():
    fields = ["initial", "adjusted", "executed", "points", "rate", "score"]
    assert place_row(["30", "27", "10", "90%", "9"], fields).reading == {
        "adjusted": "30", "executed": "27", "points": "10", "rate": "90%", "score": "9"}
    # every cell printed: the layout gives one reading, whose fault is said, not hidden
    full = place_row(["30", "30", "27", "10", "90%", "8"], fields, score_formula=True)
    assert full.reading is not None and full.contradicted == ("得分 8 ≠ 分值 10 × 执行率 90%",)
    # two readings that both hold: not read
    both = place_row(["20", "20", "20", "100%"], ["initial", "adjusted", "executed", "points", "rate"])
    assert both.reading is None and "都能自洽" in both.why
    assert place_row(["10%", "20"], ["adjusted", "executed", "rate"]).reading is None
