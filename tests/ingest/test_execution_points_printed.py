"""The points a self-evaluation form gives its budget-execution part, read wherever the form prints them — the
分值 cell of the budget table's total row (grid, bars, one cell per line), a caption '预算执行情况（20分）' — and
the budget score judged against them: certain (确定) against points the form prints, a suspicion (疑似) naming the
template convention when the form prints none. Own wording and figures."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

INDICATORS = ["| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |",
              "| 产出指标 | 数量指标 | 修缮校舍面积 | ≥1200平方米 | 1250平方米 | 50 | 50 | |",
              "| 效益指标 | 社会效益指标 | 学生安全保障 | 有效保障 | 有效保障 | 30 | 30 | |",
              "| 满意度指标 | 服务对象满意度指标 | 师生满意度 | ≥90% | 96% | 10 | 10 | |"]


def _bars(header: list[str], total: list[str], caption: str = "预算执行情况") -> str:
    lines = ["示范县第二中学2023年校舍修缮项目支出绩效自评表", "", "项目名称：校舍修缮项目", "", caption, "",
             "| " + " | ".join(header) + " |", "| " + " | ".join(total) + " |", "", *INDICATORS, ""]
    return "\n".join(lines) + "\n"


def _execution(tmp_path, text: str, name: str = "form.txt"):  # type: ignore[no-untyped-def]
    doc, _ = load_text(tmp_path, text, name)
    return [f for f in audit_document(doc, CENTRAL).findings if f.rule == "selfeval.s1_execution_score"]


def test_grid_printing_ten_points_in_its_total_row_makes_a_wrong_score_certain(tmp_path):
    # 57 of 60 (万元) executed: 95%, 10 × 95% = 9.5; the form prints 分值 10 and 得分 8
    text = _bars(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                 ["年度资金总额", "60", "60", "57", "10", "95%", "8"])
    [f] = _execution(tmp_path, text)
    assert f.tier is Tier.ERROR and f.expected == "9.50" and "惯例" not in f.message


def test_grid_printing_no_points_makes_a_wrong_score_a_suspicion_naming_the_convention(tmp_path):
    text = _bars(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"],
                 ["年度资金总额", "60", "60", "57", "95%", "8"])
    [f] = _execution(tmp_path, text)
    assert f.tier is Tier.WARNING
    assert "按财预〔2020〕10号模板惯例预算执行10分；表中未印分值" in f.message


def test_a_twenty_point_caption_makes_the_score_certain_against_twenty(tmp_path):
    # the caption gives the part 20 points: 20 × 95% = 19; the form prints 9.5 (the 10-point convention's score)
    text = _bars(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"],
                 ["年度资金总额", "60", "60", "57", "95%", "9.5"], caption="预算执行情况（20分）")
    [f] = _execution(tmp_path, text)
    assert f.tier is Tier.ERROR and f.expected == "19"


def test_one_cell_per_line_printing_ten_points_makes_a_wrong_score_certain(tmp_path):
    cells = ["示范县第二中学2023年校舍修缮项目支出绩效自评表", "项目名称", "校舍修缮项目", "项目资金", " ",
             "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "(万元)",
             "年度资金总额", "60", "60", "57", "10", "95%", "8", " ",
             "年度总体目标", "预期目标", "实际完成情况", " ", "修缮校舍1200平方米。", "修缮校舍1250平方米。"]
    [f] = _execution(tmp_path, "\n\n".join(cells) + "\n")
    assert f.tier is Tier.ERROR and f.expected == "9.50"


def test_points_left_by_the_forms_total_row_make_a_wrong_score_certain(tmp_path):
    # no 分值 for the part, but the 总分 row prints 分值 100 over indicators of 50 + 30 + 10: the form leaves it 10
    text = _bars(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"],
                 ["年度资金总额", "60", "60", "57", "95%", "8"]).replace(
        INDICATORS[-1], INDICATORS[-1] + "\n| 总分 | | | | | 100 | 98 | |")
    [f] = _execution(tmp_path, text)
    assert f.tier is Tier.ERROR and "惯例" not in f.message


def test_the_total_rows_points_are_read_as_the_parts_claim(tmp_path):
    text = _bars(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                 ["年度资金总额", "60", "60", "57", "10", "95%", "9.5"])
    doc, _ = load_text(tmp_path, text)
    [se] = doc.self_evaluations
    [claim] = [c for c in se.reported.block_claims if c.block == "预算执行"]
    assert claim.full_marks == Decimal(10) and claim.location.column == "分值"
    assert _execution(tmp_path, text) == []
