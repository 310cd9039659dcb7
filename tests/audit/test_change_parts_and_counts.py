"""Sentences with numbers that used to be neither checked nor said why: a change on the year before broken down by its
parts' changes ('收入较上年增加X万元，主要是A增加a万元，B增加b万元'), counts of bodies and staff with their parts named
any way (number first, in a bracket, a total ending the sentence before '其中'), kinds of vehicles listed in the
sentence after the fleet, and a self-evaluation form run together into lines of text whose head states its total
('…自评表(2030年度)项目总得分95分项目名称…'). Own wording and figures, reproducing layouts of real explanations."""

from __future__ import annotations

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.counts import count_lists
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL

BUDGET = """示例镇示例小学2031年部门预算情况说明
一、单位基本情况
(一)单位构成
本单位部门预算包含预算单位1个,独立核算单位{units}个,其中1个校本部(内设教务处、政教处、总务处共3个处室)、2个教学点(甲村教学点、乙村教学点)。
(二)人员构成
现有编制人员{staff}人。其中,校本部在职40人、离休1人、退休9人。离退休人员10人,其中:离休1人,退休9人。
截至2030年底,单位车辆总数{cars}辆。其中领导用车1辆,一般公务用车1辆,老干部用车1辆,机要用车1辆。
二、部门收支总体情况
(一)收入预算:2031年年初预算数520.00万元,其中:一般公共预算拨款480.00万元,财政专户管理资金30.00万元,上年结转10.00万元。收入较2030年增加{income}万元,主要是一般公共预算增加32.50万元,财政专户管理资金增加5.00万元,上年结转增加2.50万元。
(二)支出预算:2031年年初预算数520.00万元,其中:教育支出400.00万元,社会保障和就业支出80.00万元,卫生健康支出20.00万元,住房保障支出20.00万元。支出预算较2030年增加40.00万元,主要是基本支出预算增加{basic}万元,项目支出预算增加15.00万元。
"""
FIGURES = dict(units=3, staff=50, cars=4, income="40.00", basic="25.00")


def _audit(tmp_path, **changed):
    path = tmp_path / "budget.txt"
    path.write_text(BUDGET.format(**{**FIGURES, **changed}), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return audit_document(doc, CENTRAL)


def _unchecked(result, word):
    return [u.what for u in result.coverage.unchecked if word in u.what]


def test_every_sentence_of_the_consistent_page_is_checked(tmp_path):
    # 32.50 + 5.00 + 2.50 = 40.00 and 25.00 + 15.00 = 40.00; 1 + 2 = 3 units; 40 + 1 + 9 = 50 staff; 1 + 9 = 10
    # retired; 1 + 1 + 1 + 1 = 4 vehicles
    result = _audit(tmp_path)
    assert [u.what for u in result.coverage.unchecked] == []
    assert [f.message for f in result.findings if f.tier is not Tier.NOTICE] == []


def test_spending_parts_changes_not_adding_up_are_a_warning(tmp_path):
    result = _audit(tmp_path, basic="20.00")
    [hit] = [f for f in result.findings if f.rule == "narrative.change_parts"]
    assert hit.tier is Tier.WARNING and hit.expected == "35.00" and hit.actual == "40.00"
    assert "基本支出、项目支出" in hit.message


def test_main_parts_changes_not_adding_up_are_left_unchecked_with_the_reason(tmp_path):
    # 32.50 + 5.00 + 2.50 = 40.00 against 45.00: '主要是' names the main changes only, so nothing is proved
    result = _audit(tmp_path, income="45.00")
    assert not [f for f in result.findings if f.rule == "narrative.change_parts"]
    [left] = _unchecked(result, "收入较2030年增加45.00万元")
    assert "只列主要增减项" in left and "40.00" in left


@pytest.mark.parametrize(
    ("changed", "said", "tier"),
    [
        (dict(units=2), "独立核算单位2个", Tier.WARNING),
        # 在职, 离休 and 退休 are classes no one is in two of: 40 + 1 + 9 above 45 cannot hold
        (dict(staff=45), "编制人员45人", Tier.ERROR),
    ],
)
def test_counts_whose_parts_exceed_them(tmp_path, changed, said, tier):
    result = _audit(tmp_path, **changed)
    hits = [f for f in result.findings if f.rule == "narrative.count_parts"]
    assert [f.tier for f in hits] == [tier] and said in hits[0].message


def test_counts_with_their_parts_named_any_way():
    [units] = count_lists("独立核算单位3个,其中1个校本部(内设教务处、政教处共2个处室)、2个教学点(甲村教学点、乙村教学点)。")
    assert (units.total.value, [(p.label, p.value) for p in units.parts]) == (3, [("校本部", 1), ("教学点", 2)])
    staff, retired = count_lists("供养人员共计1,250人，其中:在编人员1,100人,离退休人员150人(其中:离休10人,退休140人)。")
    assert (staff.total.value, staff.summed) == (1250, 1250)
    assert (retired.total.label, retired.summed) == ("离退休人员", 150)
    # after items joined by '、', a clause is a statement of its own, not one more part
    [held] = count_lists("在编人员30人,包括:行政在编人员10人、事业在编人员20人,聘用人员4人。")
    assert held.summed == 30


@pytest.mark.parametrize(("cars", "tier"), [(4, None), (5, Tier.WARNING), (3, Tier.ERROR)])
def test_kinds_of_vehicles_listed_in_the_sentence_after_the_fleet(tmp_path, cars, tier):
    result = _audit(tmp_path, cars=cars)
    assert [f.tier for f in result.findings if f.rule == "narrative.vehicle_kinds"] == ([tier] if tier else [])


FORM = """文本内容:
示例种薯推广项目绩效目标自评表(2030年度)项目总得分95分项目名称示例种薯推广项目实施单位/项目负责人示例农技中心资金情况(万元)年度资金总额全年预算数(A)200全年执行数(B)执行率(B/A)其中中央补助自治区补助200万元
180.00万元
90%市县资金年度总体目标推广种薯1000亩绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标(50分)数量指标指标1推广面积≥1000亩 10 10指标2种植大户示范户8户8户9质量指标
"""


def test_a_run_together_forms_head_states_its_total_and_its_cells_are_no_sentences(tmp_path):
    path = tmp_path / "form.txt"
    path.write_text(FORM, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    [se] = doc.self_evaluations
    assert se.reported.total == 95
    assert "填报总分 95 分" in se.total_unchecked
    result = audit_document(doc, CENTRAL)
    assert not [u for u in result.coverage.unchecked if "项目总得分95分" in u.what]


SHARES = """示例中心2031年部门预算情况说明
三、一般公共预算支出预算情况说明
按功能分类划分:
(一)教育支出类科目 600000.00 元,占支出总预算{first}%,同比增加 20000.00 元,增长 3.45%。
(二)社会保障和就业支出类科目 250000.00 元,占支出总预算{second}%,同比增加 10000.00 元,增长 4.17%。
(三)住房保障支出类科目 150000.00 元,占支出总预算{third}%,同比增加 5000.00 元,增长 3.45%。
"""


@pytest.mark.parametrize(("shares", "tier", "left"), [
    (("60.00", "25.00", "15.00"), None, 0),  # 600000 + 250000 + 150000 = 1000000: each share recomputed on the sum
    (("60.01", "24.99", "15.00"), Tier.ERROR, 0),  # 60.01% needs a whole ≤ 999,916.68, 24.99% one ≥ 1,000,200.06
    (("50.00", "20.83", "12.50"), None, 3),  # 83.33% of 1,200,000 say: not all of the whole, which is not stated
    (("60.00", "20.00", "10.00"), Tier.WARNING, 0),  # 60% and 20% cannot be shares of one whole at all
])
def test_shares_of_a_whole_the_text_does_not_state(tmp_path, shares, tier, left):
    path = tmp_path / "budget.txt"
    path.write_text(SHARES.format(first=shares[0], second=shares[1], third=shares[2]), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    result = audit_document(doc, CENTRAL)
    hits = [f.tier for f in result.findings if f.rule == "narrative.shares_listed"]
    assert hits == ([tier] if tier else [])
    reasons = [u.what for u in result.coverage.unchecked if "不是全部" in u.what]
    assert len(reasons) == left
