"""Counts of people stated with their parts in a 决算 package's 概况 (before its 情况说明), in a bracket without 其中,
and named by classes no one can be in two of (a school's levels, sex, working or retired): parts above such a total
cannot hold. Own wording and figures, reproducing the layout of a school's 概况 paragraph."""

from __future__ import annotations

import pytest

from jixiao.core.counts import count_lists
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

PACKAGE = """示例市第九中学2031年度部门决算公开
第一部分 示例市第九中学部门概况
示例市第九中学始建于1990年，是一所完全中学。学校现有 30个班级，在校学生 {pupils}人，({parts})，教职工 98人。
第二部分 示例市第九中学2031年度部门决算情况说明
一、收入支出决算总体情况说明
2031年度收入总计1,200.00万元，支出总计1,200.00万元。
"""


def _count_findings(tmp_path, pupils, parts):
    _, findings = audit_text(tmp_path, PACKAGE.format(pupils=pupils, parts=parts))
    return [f for f in findings if f.rule == "narrative.count_parts"]


@pytest.mark.parametrize(
    ("pupils", "parts", "tier"),
    [
        (1180, "初中 620 人，小学 560 人", None),  # 620 + 560 = 1180
        (1000, "初中 620 人，小学 560 人", Tier.ERROR),  # 1180 pupils of two levels no one is in both of
        (1180, "初中 620 人，高中 600 人", Tier.ERROR),
        (1180, "中学 620 人，高中 600 人", Tier.WARNING),  # 中学 may hold the 高中 pupils: they may overlap
        (1000, "女生 620 人，住校生 560 人", Tier.WARNING),  # a girl may board: overlapping, a warning
        (1000, "比上年增加 620 人，转出 560 人", None),  # a change, not parts
    ],
)
def test_pupils_of_a_schools_profile_against_their_levels(tmp_path, pupils, parts, tier):
    assert [f.tier for f in _count_findings(tmp_path, pupils, parts)] == ([tier] if tier else [])


def test_the_message_names_the_classes_and_the_sum(tmp_path):
    [finding] = _count_findings(tmp_path, 1000, "初中 620 人，小学 560 人")
    assert "在校学生1000人" in finding.message and "1180" in finding.message and "不能兼属" in finding.message


def test_a_list_clause_by_clause_ends_where_its_parts_make_up_the_count():
    # 5 + 20 + 15 = 40: the retired staff after them are a count of their own, not one more part
    [staff] = count_lists("实有教职工40人，其中高级职称5人，中级职称20人，初级职称15人，退休职工12人。")
    assert (staff.summed, [p.label for p in staff.parts][-1]) == (40, "初级职称")
    # working and retired staff: classes no one is in two of
    [held] = count_lists("共有职工30人，其中：在职职工26人，退休人员6人。")
    assert held.exclusive and held.summed == 32
