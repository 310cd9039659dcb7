"""A 项目支出绩效自评表 copied from a web page one cell per line, its tables under headers of two tiers (ingest.
spannedform): 年初预算数 over 目标申报 | 预算编制 and 年度指标值 over 年初指标 | 调整后指标, each spanning cell printed once
and the cells under it after the upper tier's last cell; the 一级/二级 cells of the indicator rows merged down and
printed once, so a row opens at its 一级 level, its 二级 level or its name; a column of words (偏差原因). Both ways a
page's text keeps such a table — each cell on its own line ending ' |' (an empty cell a lone '|'), and cells
separated by blank lines (an empty cell an extra blank line) — are read alike, and like the same form tab-separated.
Our own wording and figures."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.finding import Tier
from jixiao.ingest.fundrows import unordered_total
from jixiao.ingest.spannedform import spanned_section
from tests.builders import load_form

TITLE = ["项目支出绩效自评表", "(2023年度)"]
FIELDS = [["项目名称", "乡镇污水管网维护"], ["主管部门", "示例县住房和城乡建设局"], ["实施单位", "示例县排水管理站"]]
BUDGET_HEADER = [["资金来源", "年初预算数", "全年预算数(万元)", "全年执行数(万元)", "资金结转结余(万元)", "执行率", "得分",
                  "偏差原因"], ["目标申报(万元)", "预算编制(万元)"]]
BUDGET_ROWS = [["合计", "86", "86", "90", "84.6", "5.4", "94%", "9.4", ""],
               ["其中:财政拨款", "86", "86", "90", "84.6", "5.4", "", "", "追加资金下达较晚,部分管网检测顺延"],
               ["其他资金", "0", "0", "0", "0", "0", "—", "—", ""]]
GOAL = [["年度总体目标", "完成镇区污水管网日常巡查和疏通,保障污水收集设施稳定运行。"]]
INDICATOR_HEADER = [["一级指标", "二级指标", "指标名称", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
                    ["年初指标", "调整后指标"]]
INDICATOR_ROWS = [["产出指标", "数量指标", "管网巡查里程", "≥100公里", "≥120公里", "126公里", "10", "10", ""],
                  ["检查井清掏数量", "≥300座", "≥300座", "312座", "10", "10", ""],  # 一级 and 二级 merged from above
                  ["质量指标", "管网疏通达标率", "≥90%", "≥90%", "93%", "15", "15", ""],  # 一级 merged from above
                  ["时效指标", "故障处置及时率", "≥95%", "≥95%", "96%", "15", "15", "夜间故障响应偏慢,已增设值班"],
                  ["效益指标", "社会效益指标", "污水溢流投诉", "明显下降", "明显下降", "达成预期指标", "15", "15", ""],
                  ["生态效益指标", "污水收集率", "≥85%", "≥85%", "87%", "15", "15", ""],
                  ["满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", "≥90%", "92%", "10", "10", ""],
                  ["总分", "100", "99.4"]]
CLOSING = [["评价结论", "项目总体完成年度目标,自评得分99.4分,等级为优。"]]
ROWS = [*FIELDS, *BUDGET_HEADER, *BUDGET_ROWS, *GOAL, *INDICATOR_HEADER, *INDICATOR_ROWS, *CLOSING]


def cells_text(rows: list[list[str]] = ROWS) -> str:
    """Each cell on its own line ending ' |', an empty cell a lone '|'."""
    return "\n".join([*TITLE, *[f"{c} |" if c else "|" for row in rows for c in row]]) + "\n"


def blank_text(rows: list[list[str]] = ROWS) -> str:
    """Each cell on its own line, a blank line between cells, an empty cell an extra blank line."""
    lines = [*TITLE, ""]
    for cell in [c for row in rows for c in row]:
        lines += [cell, ""] if cell else [""]
    return "\n".join(lines) + "\n"


def tab_text() -> str:
    """The same form as a table keeps it, tab-separated: the header's spanning cells over empty ones, the merged
    cells empty."""
    budget = [[*BUDGET_HEADER[0][:2], "", *BUDGET_HEADER[0][2:]], ["", *BUDGET_HEADER[1], *[""] * 6], *BUDGET_ROWS]
    indicator = [[*INDICATOR_HEADER[0][:4], "", *INDICATOR_HEADER[0][4:]], ["", "", "", *INDICATOR_HEADER[1],
                                                                           *[""] * 4]]
    for row in INDICATOR_ROWS[:-1]:
        indicator.append([""] * (9 - len(row)) + row)
    indicator.append(["总分", "", "", "", "", "", "100", "99.4", ""])
    tables = [*FIELDS, *budget, *GOAL, *indicator, *CLOSING]
    return "\n".join([*TITLE, *["\t".join(row) for row in tables]]) + "\n"


def reading(doc) -> tuple:  # type: ignore[no-untyped-def]
    [se] = doc.self_evaluations
    budget = [(b.source, b.initial_declared, b.initial, b.adjusted, b.executed, b.carryover, b.reported_rate,
               b.reported_score, b.deviation_reason) for b in se.budget_lines]
    indicators = [(i.level1, i.level2, i.name, i.initial_target.raw if i.initial_target else None,
                   i.adjusted_target.raw if i.adjusted_target else None, i.actual.raw if i.actual else None, i.weight,
                   i.reported_score, i.deviation_reason) for i in se.goal.indicators]
    total = se.reported.form_total
    return se.project.name, budget, indicators, (total.points, total.score) if total else None


W = Decimal(10000)
EXPECTED_BUDGET = [
    ("合计", 86 * W, 86 * W, 90 * W, Decimal("84.6") * W, Decimal("5.4") * W, Decimal(94), Decimal("9.4"), ""),
    ("其中:财政拨款", 86 * W, 86 * W, 90 * W, Decimal("84.6") * W, Decimal("5.4") * W, None, None,
     "追加资金下达较晚,部分管网检测顺延"),
    ("其他资金", 0, 0, 0, 0, 0, None, None, "")]
EXPECTED_INDICATORS = [
    ("产出指标", "数量指标", "管网巡查里程", "≥100公里", "≥120公里", "126公里", 10, 10, ""),
    ("产出指标", "数量指标", "检查井清掏数量", "≥300座", "≥300座", "312座", 10, 10, ""),
    ("产出指标", "质量指标", "管网疏通达标率", "≥90%", "≥90%", "93%", 15, 15, ""),
    ("产出指标", "时效指标", "故障处置及时率", "≥95%", "≥95%", "96%", 15, 15, "夜间故障响应偏慢,已增设值班"),
    ("效益指标", "社会效益指标", "污水溢流投诉", "明显下降", "明显下降", "达成预期指标", 15, 15, ""),
    ("效益指标", "生态效益指标", "污水收集率", "≥85%", "≥85%", "87%", 15, 15, ""),
    ("满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", "≥90%", "92%", 10, 10, "")]


def test_a_web_form_one_cell_per_line_under_two_tier_headers_is_read(tmp_path):
    doc, findings = load_form(tmp_path, cells_text())
    name, budget, indicators, total = reading(doc)
    assert name == "乡镇污水管网维护"
    assert budget == EXPECTED_BUDGET
    assert indicators == EXPECTED_INDICATORS
    assert total == (100, Decimal("99.4"))
    assert [p.message for p in doc.problems] == []
    assert [(f.rule, f.message) for f in findings if f.tier in (Tier.ERROR, Tier.WARNING)] == []


def test_the_form_with_blank_lines_between_cells_reads_as_with_bars_and_as_tab_separated(tmp_path):
    cells, _ = load_form(tmp_path, cells_text())
    blank, _ = load_form(tmp_path, blank_text())
    tab, _ = load_form(tmp_path, tab_text())
    assert reading(blank) == reading(cells) == reading(tab)
    assert [p.message for p in blank.problems] == []


def test_a_fault_in_the_rebuilt_rows_is_found(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[rows.index(INDICATOR_ROWS[3])][6] = "12"  # 时效: 15 → 12, the 总分 99.4 no longer the rows' sum
    for text in (cells_text(rows), blank_text(rows)):
        _, findings = load_form(tmp_path, text)
        assert [f.rule for f in findings if f.tier is Tier.ERROR]


def test_an_empty_cell_lost_between_blank_lines_is_placed_where_only_one_alignment_fits(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[rows.index(BUDGET_ROWS[0])] = BUDGET_ROWS[0][:-1]  # the 合计 row's empty 偏差原因 printed as no line at all
    doc, _ = load_form(tmp_path, blank_text(rows))
    cells, _ = load_form(tmp_path, cells_text())
    assert reading(doc) == reading(cells)  # seven figures for the seven columns of figures: the reason is the one empty


def test_an_empty_cell_lost_where_several_alignments_fit_leaves_the_rows_from_it_unread(tmp_path):
    rows = [list(r) for r in ROWS]
    at = rows.index(INDICATOR_ROWS[4])
    rows[at] = ["效益指标", "社会效益指标", "污水溢流投诉", "明显下降", "达成预期指标", "15", "15", ""]
    doc, findings = load_form(tmp_path, blank_text(rows))  # its empty 年初指标 dropped: 明显下降 年初 or 调整后, 达成… 调整后 or 实际?
    assert reading(doc)[2] == EXPECTED_INDICATORS[:4]  # the rows before it, not shifted; none after it placed
    assert any("“效益指标”未能读作指标行" in p.message for p in doc.problems)
    assert reading(doc)[1] == EXPECTED_BUDGET
    assert [f for f in findings if f.tier is Tier.ERROR] == []
    rows[at] = ["效益指标", "社会效益指标", "污水溢流投诉", "", "明显下降", "达成预期指标", "15", "15", ""]
    kept, _ = load_form(tmp_path, blank_text(rows))  # the same empty printed as an extra blank line: read
    assert len(reading(kept)[2]) == len(EXPECTED_INDICATORS)


KEPT = ["资金来源", "年初预算数", "", "全年执行数", "得分", "", "目标申报", "预算编制", "", "",
        "合计", "40", "38", "36", "9", "其中:财政拨款", "40", "38", "36", ""]
ROW_MAJOR = ["资金来源", "年初预算数", "全年执行数", "得分", "目标申报", "预算编制",
             "合计", "40", "38", "36", "9", "其中:财政拨款", "40", "38", "36", ""]
AFTER_PARENT = ["资金来源", "年初预算数", "目标申报", "预算编制", "全年执行数", "得分",
                "合计", "40", "38", "36", "9", "其中:财政拨款", "40", "38", "36", ""]


def _laid_out(texts: list[str]) -> list[list[str]]:
    found = spanned_section(texts, 0)
    assert found is not None
    return [[texts[i] if i is not None else "" for i in row] for row in [*found.header, *found.rows]]


def test_the_three_shapes_of_a_spanned_header_give_one_grid():
    grid = [["资金来源", "年初预算数", "", "全年执行数", "得分"], ["", "目标申报", "预算编制", "", ""],
            ["合计", "40", "38", "36", "9"], ["其中:财政拨款", "40", "38", "36", ""]]
    assert _laid_out(KEPT) == _laid_out(ROW_MAJOR) == _laid_out(AFTER_PARENT) == grid


def test_a_header_of_one_tier_or_rows_that_do_not_fit_are_left_to_the_other_readers():
    one_tier = ["资金来源", "年初预算数", "全年执行数", "得分", "合计", "40", "36", "9", "其中:财政拨款", "40", "36", ""]
    assert spanned_section(one_tier, 0) is None
    unlabelled = [*ROW_MAJOR[:11], "40", "38", "36", "9"]  # a row without its label: figures where a row would open
    assert spanned_section(unlabelled, 0) is None
    # 目标申报 | 预算编制 may sit under 全年预算数 or under 全年执行数 (the score cannot span amounts): two layouts
    assert spanned_section(["资金来源", "全年预算数", "全年执行数", "得分", "目标申报", "预算编制",
                            "合计", "40", "38", "36", "9", "其中:财政拨款", "40", "38", "36", ""], 0) is None


def test_points_equal_to_the_budget_beside_a_score_equal_to_the_execution_are_no_reading():
    # 分值 90 × 94% = 84.6 only restates 执行率 = 84.6 ÷ 90: with no other reading, the total row is not read
    assert unordered_total(["86", "90", "84.6", "94%", "9.4", "90", "84.6"]) is None
    assert unordered_total(["90", "84.6", "94%", "9.4"], points=Decimal(10)) == (0, 1, 2, None, 3)
