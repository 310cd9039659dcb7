"""Goal-quality rules (SPEC §3.4): each fires on a faulty goal and stays quiet on a sound one."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.audit.catalogue import Context, run
from jixiao.audit.subjects import GoalSubject
from jixiao.core.model import Goal, Indicator
from jixiao.core.values import parse_value
from jixiao.profiles import load_profile

CTX = Context(load_profile("central"))


def ind(level1, level2, name, target, weight=10):
    return Indicator(level1, level2, name, adjusted_target=parse_value(target), weight=D(weight))


SOUND = [
    ind("产出指标", "数量指标", "培训人次", "≥100人次", 30),
    ind("产出指标", "质量指标", "合格率", "=100%", 10),
    ind("产出指标", "成本指标", "培训成本", "≤50万元", 10),
    ind("效益指标", "社会效益", "技能提升", "提高", 30),
    ind("满意度指标", "服务对象满意度", "学员满意度", "≥90%", 10),
]


def findings(indicators, rule, budget="500000"):
    subject = GoalSubject("项目", Goal(indicators=tuple(indicators)), D(budget))
    return run("goal", subject, CTX, only=[rule])


@pytest.mark.parametrize("rule", ["goals.t01_required_blocks", "goals.t02_quantity", "goals.t03_measurable",
                                  "goals.t04_cost_budget", "goals.t05_name", "goals.t06_satisfaction",
                                  "goals.t07_weight_positive"])
def test_sound_goal_is_quiet(rule):
    assert findings(SOUND, rule) == []


def replaced(index, new):
    return [new if i == index else x for i, x in enumerate(SOUND)]


@pytest.mark.parametrize(("indicators", "rule"), [
    (SOUND[:3] + SOUND[4:], "goals.t01_required_blocks"),
    (replaced(0, ind("产出指标", "时效指标", "完成时间", "2024年底", 30)), "goals.t02_quantity"),
    (replaced(0, ind("产出指标", "数量指标", "培训人次", "较多", 30)), "goals.t03_measurable"),
    (replaced(0, ind("产出指标", "数量指标", "培训人次", "100人次", 30)), "goals.t03_measurable"),
    (replaced(2, ind("产出指标", "成本指标", "培训成本", "=295万元")), "goals.t04_cost_budget"),
    (replaced(2, ind("产出指标", "成本指标", "培训成本", "≤20万元")), "goals.t04_cost_budget"),
    (replaced(2, ind("产出指标", "成本指标", "培训成本", "节约")), "goals.t04_cost_budget"),
    (replaced(0, ind("产出指标", "数量指标", "培训100人次", "≥100人次", 30)), "goals.t05_name"),
    (replaced(4, ind("满意度指标", "服务对象满意度", "学员满意度", "≥70%")), "goals.t06_satisfaction"),
    (replaced(1, ind("产出指标", "质量指标", "合格率", "=100%", 0)), "goals.t07_weight_positive"),
])
def test_faulty_goal_fires(indicators, rule):
    assert findings(indicators, rule)


def test_unit_cost_is_not_compared_with_the_budget():
    unit_cost = replaced(2, ind("产出指标", "成本指标", "每名学员培训成本", "≤5000元"))
    assert findings(unit_cost, "goals.t04_cost_budget") == []
    for target in ("=25000 每辆", "≤2.5万元/辆", "=800元每人"):
        assert findings(replaced(2, ind("产出指标", "成本指标", "车辆运维费", target)), "goals.t04_cost_budget") == []


@pytest.mark.parametrize("target", ["≤295万元", "不超过60万元", "<40万元"])
def test_a_ceiling_the_budget_stays_under_is_met(target):
    assert findings(replaced(2, ind("产出指标", "成本指标", "培训成本", target)), "goals.t04_cost_budget") == []


def test_threshold_mismatch_names_the_profile_setting():
    [hit] = findings(replaced(2, ind("产出指标", "成本指标", "培训成本", "=295万元")), "goals.t04_cost_budget")
    assert "本地区配置" in hit.message


@pytest.mark.parametrize("target", ["=1001 00 m³/h", "≥12 50个", "=3.5 20吨"])
def test_a_target_with_broken_digits_is_reported_not_read(target):
    [hit] = findings(replaced(0, ind("产出指标", "数量指标", "处理能力", target, 30)), "goals.t03_measurable")
    assert "数字中间有空格" in hit.message


def test_a_cost_target_that_is_no_amount_is_one_finding():
    vague = replaced(2, ind("产出指标", "成本指标", "培训成本", "节约"))
    assert findings(vague, "goals.t04_cost_budget") and not findings(vague, "goals.t03_measurable")


def test_bare_figures_throughout_a_table_are_one_finding():
    bare = [ind("产出指标", "数量指标", "培训人次", "100人次", 30), ind("产出指标", "质量指标", "合格率", "100%", 10),
            *SOUND[2:]]
    [hit] = findings(bare, "goals.t03_measurable")
    assert "培训人次" in hit.message and "合格率" in hit.message and "缺少运算符" in hit.message
