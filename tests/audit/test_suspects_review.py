"""Warnings (疑似) reviewed against real documents (issue 11): each test reproduces, in its own wording and numbers,
a layout where a warning was false, misleading or a second finding of one fault."""

from __future__ import annotations

from jixiao.core.finding import Tier
from jixiao.scoring.selfeval import score_self_evaluation
from tests.audit.test_mutations import CENTRAL, audit_text
from tests.scoring.test_selfeval import evaluation, ind

REPORT = ("示例县人才服务站2024年项目支出绩效自评报告\n一、项目基本情况\n(一)项目基本情况简介\n"
          "示例县人才服务站2024年参与绩效评价的项目共3个，项目支出230.50万元{sep}其中:财政拨款项目支出12万元,"
          "其他项目支出218.50万元。具体如下:\n1、资料印制费6万元，主要用于资料印制；\n2、招聘活动经费6万元，主要用于招聘活动；\n"
          "3、人才专项资金218.50万元，主要用于人才培训。\n")


def _rules(found):
    return [(f.rule, f.tier) for f in found if f.rule != "reading.nothing_read"]


def test_parts_listed_under_a_total_of_their_own_kind_are_no_restatement(tmp_path):
    # '项目支出X，其中：财政拨款项目支出a，其他项目支出b': b is a part of X, not X said a second time
    for sep in ("。", "，"):
        _, found = audit_text(tmp_path, REPORT.format(sep=sep))
        assert _rules(found) == [], sep


def test_a_total_said_twice_with_two_values_is_still_found(tmp_path):
    text = REPORT.format(sep="。") + "二、资金使用情况\n2024年项目支出228.50万元，主要用于人才培训。\n"
    _, found = audit_text(tmp_path, text)
    assert [r for r, _ in _rules(found)] == ["narrative.restated"]


def test_a_met_target_scored_short_asks_for_no_deviation_reason():
    # '≥100% / 100% / 分值 10 / 得分 7': the score is certainly wrong; no deviation to explain — one finding
    se = evaluation("100", "100", [ind("产出指标", "时效指标", "资金拨付及时率", "≥100%", "100%", "10", "7")])
    found = score_self_evaluation(se, CENTRAL).deviations
    rules = [(f.rule, f.tier) for f in found if not f.rule.startswith("selfeval.s9")]
    assert rules == [("selfeval.s2_quantitative_score", Tier.ERROR)]


def test_a_target_missed_still_asks_for_its_reason():
    se = evaluation("100", "100", [ind("产出指标", "数量指标", "培训人次", "≥200人次", "150人次", "10", "7.5")])
    found = score_self_evaluation(se, CENTRAL).deviations
    assert "selfeval.s8_reason_required" in {f.rule for f in found}


def _goal(indicators, rule):
    from decimal import Decimal

    from jixiao.audit.catalogue import Context, run
    from jixiao.audit.subjects import GoalSubject
    from jixiao.core.model import Goal

    return run("goal", GoalSubject("项目", Goal(indicators=tuple(indicators)), Decimal("800000")), Context(CENTRAL),
               only=[rule])


def _ind(level2, name, target):
    from decimal import Decimal

    from jixiao.core.model import Indicator
    from jixiao.core.values import parse_value

    return Indicator("产出指标", level2, name, adjusted_target=parse_value(target), weight=Decimal(10))


def test_a_cost_target_in_percent_is_one_finding_not_also_a_missing_operator():
    # '成本指标 / 年度资金安排到位 / 100%' beside bare '60间' and '100%': the cost row is t04's (no amount), and the
    # bare-operator finding names only the rows it is about
    rows = [_ind("数量指标", "维修教室", "60间"), _ind("质量指标", "验收合格率", "100%"),
            _ind("成本指标", "年度资金安排到位", "100%")]
    [bare] = _goal(rows, "goals.t03_measurable")
    assert "维修教室" in bare.message and "年度资金安排到位" not in bare.message
    [cost] = _goal(rows, "goals.t04_cost_budget")
    assert "年度资金安排到位" in cost.message and "按成本指标以金额" in cost.message
    alone = [_ind("数量指标", "维修教室", "≥60间"), _ind("成本指标", "年度资金安排到位", "100%")]
    assert _goal(alone, "goals.t03_measurable") == []


def test_measurability_warnings_name_the_convention_they_rest_on():
    [bare] = _goal([_ind("数量指标", "维修教室", "60间")], "goals.t03_measurable")
    [vague] = _goal([_ind("质量指标", "资金使用合规性", "严格执行制度")], "goals.t03_measurable")
    for finding in (bare, vague):
        assert finding.tier is Tier.WARNING and "按“运算符 + 数值 + 计量单位”的指标值填报规范" in finding.message


SPENDING = ("示例镇中心小学2023年度单位决算情况说明\n一、收入支出决算总体情况说明\n2023年度收入、支出决算总计均为640.50万元。\n"
            "二、支出决算情况说明\n2023年度本年支出合计640.50万元，其中：基本支出562.30万元，占87.79%；项目支出{part}万元，"
            "占{share}%。\n")


def test_a_part_whose_share_closes_the_gap_is_one_misprint_not_also_an_unlisted_part(tmp_path):
    # 项目支出 printed 7.82 (a digit dropped from 78.20): its 12.21% and the total both say 78.20 — one fault, found
    # with the share (确定); the sum falling short is no part left unlisted
    _, found = audit_text(tmp_path, SPENDING.format(part="7.82", share="12.21"))
    assert _rules(found) == [("narrative.n2_percentages", Tier.ERROR)]


def test_a_gap_no_share_explains_is_still_a_part_left_unlisted(tmp_path):
    _, found = audit_text(tmp_path, SPENDING.format(part="7.82", share="1.22"))
    assert ("narrative.parts_total", Tier.WARNING) in _rules(found)


SANGONG = ("一、2019年部门决算公开中三公经费部分增减变化情况说明\n"
           "2019年部门决算公开“三公”经费合计12.40万元,其中:公务接待费2.35万元,公务用车运行维护费10.05万元,因公出国(境)费0万元。\n"
           "1、公务接待费\n表列公务接待费2.35元,经核查,2019年度本单位公务接待费实为2.35万元。\n")


def test_the_same_digits_in_yuan_and_wan_are_a_unit_left_out_not_two_amounts(tmp_path):
    _, found = audit_text(tmp_path, SANGONG)
    [finding] = [f for f in found if f.rule == "narrative.restated"]
    assert finding.tier is Tier.WARNING and "数字相同而单位不同" in finding.message
    assert "漏写“万”" in finding.message and "核查" in finding.message and finding.actual == "2.35元"


def test_a_form_published_with_its_actuals_blank_is_one_finding():
    rows = [ind("产出指标", "数量指标", "补助发放人数", "=120人", "", "50", None),
            ind("效益指标", "社会效益指标", "补助到位率", "=100%", "", "40", None)]
    found = score_self_evaluation(evaluation("100", "100", rows), CENTRAL).deviations
    [blank] = [f for f in found if f.rule == "selfeval.s2_actual_not_number"]
    assert "补助发放人数" in blank.message and "补助到位率" in blank.message and len(blank.related) == 1
    one = score_self_evaluation(evaluation("100", "100", rows[:1]), CENTRAL).deviations
    assert [f.message for f in one if f.rule == "selfeval.s2_actual_not_number"] == [
        "指标“补助发放人数”目标为定量值 =120人，实际完成值未填，无法按规则计分"]


def test_an_over_achievement_names_the_configured_ratio_it_rests_on():
    rows = [ind("产出指标", "数量指标", "土壤检测样本", "≥40个", "70个", "10", "10")]
    [over] = [f for f in score_self_evaluation(evaluation("100", "100", rows), CENTRAL).deviations
              if f.rule == "selfeval.s7_over_achievement"]
    assert over.tier is Tier.WARNING and "175%" in over.message and "本地区配置" in over.message and "130%" in over.message


WIDE = ("2023年一般公共预算“三公”经费决算执行情况说明\n"
        "示例区2023年的“三公”经费决算数合计为120.00万元,其中:因公出国(境)费0万元、公务用车购置费30.00万元、"
        "公务用车运行维护费40.00万元、公务接待费10.00万元、会议费20.00万元、培训费20.00万元。2022年的三公经费决算数合计为"
        "100.00万元,其中:因公出国(境)费0万元、公务用车购置费20.00万元、公务用车运行维护费30.00万元、公务接待费5.00万元、"
        "会议费25.00万元、培训费20.00万元。\n2023年“三公”经费决算数相较于上年增加25.00万元,主要原因是车辆更新。\n")


def test_a_change_that_holds_without_the_wider_parts_says_so(tmp_path):
    _, found = audit_text(tmp_path, WIDE)
    [change] = [f for f in found if f.rule == "narrative.change_amount"]
    assert change.tier is Tier.WARNING and "按不含它们的口径计算则增减额相符" in change.message
