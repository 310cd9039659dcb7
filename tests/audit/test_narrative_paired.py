"""Figures written in pairs (“收、支总计各是A,B万元，各下降P%、Q%”), a 目录 with no heading marks before the 情况说明,
and a percentage truncated instead of rounded: own wording and figures, reproducing layouts of real explanations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

W = Decimal(10000)


def test_paired_figures_are_read_per_subject():
    claims, _ = claims_of("2023年度收、支总计各是812.40,815.77万元。")
    assert [(c.subject, c.measure, c.value) for c in claims] == [
        ("收入总计", "amount", Decimal("812.40") * W), ("支出总计", "amount", Decimal("815.77") * W)]
    claims, _ = claims_of("与2022年相比,收、支总计各减少100.00,200.33万元,各下降10.96%、19.71%。")
    assert [(c.subject, c.measure, c.text) for c in claims] == [
        ("收入总计", "change", "减少100.00万元"), ("收入总计", "rate", "下降10.96%"),
        ("支出总计", "change", "减少200.33万元"), ("支出总计", "rate", "下降19.71%")]
    claims, _ = claims_of("基本支出和项目支出各为60.5、39.5万元")
    assert [(c.subject, c.value) for c in claims] == [("基本支出", Decimal("60.5") * W), ("项目支出", Decimal("39.5") * W)]


def test_a_list_that_names_no_subjects_is_left_as_written():
    claims, _ = claims_of("甲队、乙队各是3,4万元")
    assert all(c.subject == "" for c in claims)  # reported as not checked, never given to a wrong subject


EXPLANATION = """第二部分 2023年度单位决算情况说明
一、收入支出决算总体情况说明
2023年度收、支总计各是812.40,815.77万元。与2022年相比,收、支总计各减少100.00,200.33万元,各下降10.96%、{rate}%。主要原因是项目完成。
"""


@pytest.mark.parametrize(("rate", "tier"), [("19.72", None), ("19.71", Tier.NOTICE), ("19.17", Tier.ERROR)])
def test_rate_of_a_paired_change(tmp_path, rate, tier):
    _, findings = audit_text(tmp_path, EXPLANATION.format(rate=rate))
    hits = [f for f in findings if f.rule == "narrative.n2_year_on_year"]
    assert [f.tier for f in hits] == ([tier] if tier else [])
    if tier is Tier.NOTICE:
        assert "舍去" in hits[0].message and hits[0].expected == "19.72"


CONTENTS_THEN_BODY = """示例市档案服务中心2023年度部门决算公开说明
目 录
九、国有资本经营预算财政拨款收入支出决算情况说明
十二、其他需说明的事项
第一部分 单位概况
一、主要职能
负责全市档案的接收、保管和利用工作;指导各单位档案管理,组织档案信息化建设和档案开放鉴定工作,并提出意见建议。
第二部分 部门决算情况说明
一、收入支出决算总体情况说明
2023年度收入总计250.36万元,其中:本年收入合计249.80万元,使用非财政拨款结余0.00万元,年初结转和结余0.55万元。
2023年度支出总计250.36万元,其中:本年支出合计249.80万元,结余分配0.00万元,年末结转和结余0.56万元。
"""


def test_contents_without_heading_marks_ends_at_running_text(tmp_path):
    doc, findings = audit_text(tmp_path, CONTENTS_THEN_BODY)
    stated = [c for s in doc.disclosure.narrative for c in s.claims if c.measure == "amount"]
    assert len(stated) == 8
    hits = [f for f in findings if f.rule == "narrative.parts_total"]
    # 249.80 + 0.00 + 0.55 = 250.35 against 250.36: a rounding residue; the expenditure side adds up
    assert [(f.tier, f.expected, f.actual) for f in hits] == [(Tier.NOTICE, "250.35", "250.36")]


def test_figures_given_respectively_are_paired_too():
    claims, _ = claims_of("因公出国(境)费、公务接待费分别为3、4.5万元")
    assert [(c.subject, c.value) for c in claims] == [("因公出国(境)费", 3 * W), ("公务接待费", Decimal("4.5") * W)]


def test_a_figure_after_several_subjects_is_their_sum_not_the_last_ones():
    [claim] = claims_of("“三公”经费及会议费、培训费支出决算为13.01万元。")[0]
    assert (claim.subject, claim.measure) == ("培训费", "figure")  # listed as not checked, never compared with 培训费
