"""项目支出绩效自评表 as copied out of web pages (own wording and figures): a form pasted as '|' rows with its
title and labels inside the table, and a form with one cell per line. Both print the budget header as
'年度预算数(万元)' over 年初预算 / 调整后预算数 / 预算执行数, and split each target into 指标性质 / 指标值 / 度量单位."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.finding import Tier
from jixiao.profiles import load_profile
from jixiao.scoring.selfeval import score_self_evaluation
from tests.builders import load_form

PIPE_FORM = """产出指标 | 时效指标 | 验收及时率 | = | 100 | % | 100 | 90 | 90 | ||
合计 | 100 | |||||||||
项目负责人:甲 | 财务负责人:乙 | |||||||||
部门预算项目支出绩效自评表(2024年度) | ||||||||||
项目名称 | 99010124T000000000001-社区图书角建设经费 | |||||||||
主管部门 | 示例县文化局部门 | 实施单位 | 示例县文化馆 | |||||||
预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||
总额 | 40.00 | 48.00 | 45.60 | 95.00% | 10 | 9.5 | 采购结余 | |||
其中:财政资金 | 40.00 | 48.00 | 45.60 | 95.00% | / | / | ||||
单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||
其他资金 | / | / | ||||||||
绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
产出指标 | 数量指标 | 新建图书角数量 | ≥ | 12 | 个 | 12 | 30 | 30 | ||
产出指标 | 成本指标 | 项目总成本 | ≤ | 48 | 万元 | 45.6 | 20 | 20 | ||
效益指标 | 社会效益指标 | 居民借阅人次 | ≥ | 3000 | 人次 | 3200 | 30 | 30 | ||
满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥ | 90 | % | 93 | 10 | 10 | ||
合计 | 100 | 99.5 | ||||||||
评价结论 | 图书角按计划建成并开放。 | |||||||||
"""

CELLS = [
    "部门预算项目支出绩效自评表(2024年度)", "项目名称", "99010124T000000000002-乡村文艺汇演补助", "主管部门",
    "示例县文化局本级", "实施单位 (盖章)", "示例县文化馆", "预算执行情况(10分)",
    "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因",
    "总额", "20.00", "25.00", "25.00", "100.00%", "10", "10", "",
    "其中:财政资金", "20.00", "25.00", "25.00", "100.00%", "/", "/",
    "其他资金", "", "", "", "", "/", "/",
    "绩效指标(90分)",
    "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析",
    "产出指标", "数量指标", "演出场次", "≥", "8", "场", "9", "50", "50", "",
    "效益指标", "社会效益指标", "观众人次", "≥", "2000", "人次", "2400", "30", "30", "",
    "满意度指标", "服务对象满意度指标", "观众满意度", "≥", "85", "%", "91", "10", "10", "",
    "合计", "100", "100", "评价结论", "演出如期完成。",
]
CELL_FORM = "\n".join(f"{c} |" if c else "|" for c in CELLS) + "\n"

PIPE = {
    "code": "99010124T000000000001", "name": "社区图书角建设经费", "unit": "示例县文化馆", "department": "示例县文化局部门",
    "budget": [("总额", "400000.00", "480000.00", "456000.00", "95.00", "9.5"),
               ("其中:财政资金", "400000.00", "480000.00", "456000.00", "95.00", None),
               ("单位资金", "0.00", "0.00", "0.00", "0.00", None), ("其他资金", None, None, None, None, None)],
    "total": Decimal("99.5"),
    "indicators": [("新建图书角数量", "≥12个", "12", "30", "30"), ("项目总成本", "≤48万元", "45.6", "20", "20"),
                   ("居民借阅人次", "≥3000人次", "3200", "30", "30"), ("读者满意度", "≥90%", "93", "10", "10")],
}
CELL = {
    "code": "99010124T000000000002", "name": "乡村文艺汇演补助", "unit": "示例县文化馆", "department": "示例县文化局本级",
    "budget": [("总额", "200000.00", "250000.00", "250000.00", "100.00", "10"),
               ("其中:财政资金", "200000.00", "250000.00", "250000.00", "100.00", None),
               ("其他资金", None, None, None, None, None)],
    "total": Decimal("100"),
    "indicators": [("演出场次", "≥8场", "9", "50", "50"), ("观众人次", "≥2000人次", "2400", "30", "30"),
                   ("观众满意度", "≥85%", "91", "10", "10")],
}
FORMS = [(PIPE_FORM, PIPE), (CELL_FORM, CELL)]


def text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


@pytest.mark.parametrize(("content", "expected"), FORMS, ids=["pipe-rows", "cell-per-line"])
def test_form_reads_what_it_prints(tmp_path, content, expected):
    doc, _ = load_form(tmp_path, content)
    [se] = doc.self_evaluations  # the tail of a previous form (no 项目名称) is no project
    assert (se.project.code, se.project.name, se.project.unit.name, se.project.department.name) == (
        expected["code"], expected["name"], expected["unit"], expected["department"])  # 实施单位 is the project's unit
    assert [(b.source, text(b.initial), text(b.adjusted), text(b.executed), text(b.reported_rate),
             text(b.reported_score)) for b in se.budget_lines] == expected["budget"]
    assert [(i.name, i.target.raw, i.actual.raw, text(i.weight), text(i.reported_score))
            for i in se.goal.indicators] == expected["indicators"]


@pytest.mark.parametrize(("content", "expected"), FORMS, ids=["pipe-rows", "cell-per-line"])
def test_consistent_form_gives_no_error_or_warning_and_score_agrees_with_audit(tmp_path, content, expected):
    doc, findings = load_form(tmp_path, content)
    assert [f for f in findings if f.tier is not Tier.NOTICE] == []
    [se] = doc.self_evaluations
    scored = score_self_evaluation(se, load_profile("central"))
    audited = sorted(f.rule for f in findings if f.rule.startswith("selfeval."))
    assert sorted(f.rule for f in scored.deviations) == audited
    assert scored.total == expected["total"]


def test_one_wrong_score_is_one_finding_at_its_row(tmp_path):
    planted = PIPE_FORM.replace("居民借阅人次 | ≥ | 3000 | 人次 | 3200 | 30 | 30", "居民借阅人次 | ≥ | 3000 | 人次 | 3200 | 30 | 25 | 宣传不足")  # a deduction with its reason
    _, findings = load_form(tmp_path, planted)
    wrong = [f for f in findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.location.row.split("（")[0], f.actual) for f in wrong] == [
        ("selfeval.s2_quantitative_score", "居民借阅人次", "25")]


def test_a_form_without_budget_figures_is_a_reading_gap_not_an_error(tmp_path):
    blank = PIPE_FORM.replace("总额 | 40.00 | 48.00 | 45.60 |", "总额 | | | |").replace(
        "其中:财政资金 | 40.00 | 48.00 | 45.60 |", "其中:财政资金 | | | |")
    _, findings = load_form(tmp_path, blank)
    [gap] = [f for f in findings if f.rule == "selfeval.s1_missing_budget"]
    assert gap.tier is Tier.WARNING and "读取缺口" in gap.message


def test_a_row_cut_off_by_the_end_of_the_text_is_a_reading_gap(tmp_path):
    cut = PIPE_FORM[:PIPE_FORM.index("读者满意度 | ≥ | 90 |") + len("读者满意度 | ≥ | 90 |")]
    doc, findings = load_form(tmp_path, cut)
    assert [i.name for i in doc.self_evaluations[0].goal.indicators] == ["新建图书角数量", "项目总成本", "居民借阅人次"]
    assert any("读者满意度" in p.message and "中断" in p.message for p in doc.problems)
    assert "selfeval.s8_missing_weight" not in {f.rule for f in findings}  # absent cells are not a blank weight
