"""A grade stated beside a score: the profile's bands are a convention (疑似), the document's own bands bind it
(确定); the score and grade grammar is one (core.claims), shared with the department reader."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.claims import grade_name, stated_bands, stated_score_and_grade
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = "某镇中心小学2021年度项目支出绩效自评报告\n一、自评结论\n"
RESULT = "经自评小组综合评价，本项目全年支出36.5万元，自评得分{score}分，自评结果为“{grade}”。\n"
BANDS = "评价等级划分为：90分以上为优，80-89分为良，60-79分为中，60分以下为差。\n"


def _grade_findings(tmp_path, text):
    _, findings = audit_text(tmp_path, text)
    return [f for f in findings if f.rule == "prose.grade_band"]


@pytest.mark.parametrize(("text", "bands"), [
    ("90分以上为优，80-89分为良", [("优", Decimal(90), None), ("良", Decimal(80), Decimal(89))]),
    ("等级为优良(80分以上)的有5个，等级为中(70-80分)的有2个", [("优良", Decimal(80), None), ("中", Decimal(70), Decimal(80))]),
    ("优（90分及以上）、差(60分以下)", [("优", Decimal(90), None), ("差", None, Decimal(60))]),
    ("其中（70-80分）", []),
])
def test_the_grammar_reads_the_bands_a_document_states(text, bands):
    assert [(b.word, b.low, b.high) for b in stated_bands(text)] == bands


def test_the_grammar_reads_a_score_and_its_grade():
    score, grade = stated_score_and_grade("综合评价，自评得分 71.5 分，评价结果为“合格”。")
    assert (score.group(1), grade.group(1), grade_name(grade.group(1))) == ("71.5", "合格", "中")
    assert stated_score_and_grade("等级为中(70-80分)的项目有2个")[1] is None  # a band, not a grade given


def test_a_grade_in_its_profile_band_passes(tmp_path):
    assert _grade_findings(tmp_path, HEAD + RESULT.format(score="84.5", grade="良好")) == []


def test_a_grade_outside_the_profile_band_is_a_warning_naming_the_convention(tmp_path):
    [finding] = _grade_findings(tmp_path, HEAD + RESULT.format(score="76", grade="优秀"))
    assert finding.tier is Tier.WARNING and finding.expected == "中"
    assert "按配置" in finding.message and "未写明分档" in finding.message


def test_a_grade_outside_the_documents_own_band_is_certain(tmp_path):
    [finding] = _grade_findings(tmp_path, HEAD + BANDS + RESULT.format(score="76", grade="优秀"))
    assert finding.tier is Tier.ERROR and finding.expected == "中" and "本文写明的分档" in finding.message


def test_the_documents_own_bands_are_read_as_stated(tmp_path):
    # 85 is 良 by the profile; this document gives 优 from 85 up, so 优 holds
    own = "评价等级：85分以上为优，70-84分为良，60-69分为中。\n"
    assert _grade_findings(tmp_path, HEAD + own + RESULT.format(score="85", grade="优")) == []


def test_a_band_boundary_read_either_way_is_not_a_contradiction(tmp_path):
    own = "评价等级：优良(80分以上)，中(70-80分)。\n"
    assert _grade_findings(tmp_path, HEAD + own + RESULT.format(score="80", grade="中")) == []


DEPARTMENT = ("某区档案馆2021年度部门整体支出绩效自评报告\n"
              "一、预算执行情况\n本年全年预算数为320万元，全年执行数为300万元，预算执行率为93.75%。\n"
              "二、自评结论\n{bands}经综合评价，本单位自评得分为86分，自评等级为“优秀”。\n")


def test_a_department_grade_against_the_profile_bands_is_a_warning(tmp_path):
    _, findings = audit_text(tmp_path, DEPARTMENT.format(bands=""))
    [finding] = [f for f in findings if f.rule == "selfeval.s10_grade_band"]
    assert finding.tier is Tier.WARNING and finding.expected == "良" and "按配置" in finding.message


def test_a_department_grade_against_its_own_bands(tmp_path):
    _, findings = audit_text(tmp_path, DEPARTMENT.format(bands="得分85分以上为优秀，75-84分为良好。\n"))
    assert [f for f in findings if f.rule == "selfeval.s10_grade_band"] == []
    _, findings = audit_text(tmp_path, DEPARTMENT.format(bands="得分90分以上为优秀，80-89分为良好。\n"))
    [finding] = [f for f in findings if f.rule == "selfeval.s10_grade_band"]
    assert finding.tier is Tier.ERROR


TARGET = HEAD + "二、绩效目标完成情况\n全年开展技能培训12期，培训{done}人，完成县下达目标任务数1500人的{rate}%。\n"


@pytest.mark.parametrize(("done", "rate", "expected"), [("1683", "112", []), ("1683", "112.2", []),
                                                        ("1683", "121", ["112"])])
def test_a_target_rate_against_the_count_done(tmp_path, done, rate, expected):
    _, findings = audit_text(tmp_path, TARGET.format(done=done, rate=rate))
    found = [f for f in findings if f.rule == "prose.target_rate"]
    assert [f.expected for f in found] == expected and all(f.tier is Tier.WARNING for f in found)
