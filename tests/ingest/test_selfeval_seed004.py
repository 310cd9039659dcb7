"""Seed 004's 28 self-evaluation reports, read from the seed text form."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.core.model import DocumentKind
from jixiao.ingest.pipeline import load_document


@pytest.fixture(scope="module")
def doc004(request):
    from tests.conftest import seed_path

    document, errors = load_document(seed_path("004"))
    assert document is not None, errors
    return document


def by_name(doc, fragment):
    return next(se for se in doc.self_evaluations if fragment in se.project.name)


def test_detected_as_disclosure_of_2024_with_28_reports(doc004):
    assert (doc004.kind, doc004.year, len(doc004.self_evaluations)) == (DocumentKind.DISCLOSURE, 2024, 28)


def test_project_names_wrapped_across_lines_are_joined(doc004):
    names = [se.project.name for se in doc004.self_evaluations]
    assert "岚县经开区铸造产业园提升项目 10KV 供电工程" in names
    assert "污水及初期雨水处理工程建设项目工程质量检测" in names
    assert "2023 年岚县开发区年度目标任务百日冲刺行动项目推进会服务" in names


def test_budget_row_of_power_project(doc004):
    total = by_name(doc004, "10KV 供电工程").budget_total
    assert (total.initial, total.adjusted, total.executed, total.carryover) == (
        D(2016100), D(1871500), D(1182000), D(689500))


@pytest.mark.parametrize(("fragment", "total", "grade"), [
    ("10KV 供电工程", "70.32", "中"), ("转移支付", "50", "差"), ("办公楼租赁费 2", "98", "优"),
    ("岩土工程勘察", "92", "优"), ("旧盛华厂区", "73.32", "中"), ("污水及初期雨水处理工程项目", "54", "差"),
])
def test_reported_totals_and_grades(doc004, fragment, total, grade):
    reported = by_name(doc004, fragment).reported
    assert (reported.total, reported.grade) == (D(total), grade)


def test_shifted_row_is_realigned(doc004):
    row = next(i for i in by_name(doc004, "转移支付").indicators if i.name == "上级资金补助")
    assert (row.level2, row.target.number, row.target.unit, row.actual.number, row.weight, row.reported_score) == (
        "成本指标", D("39.37"), "万元", D("39.37"), D(10), D(0))


def test_rows_missing_their_blank_target_cell_are_read_by_content(doc004):
    se = by_name(doc004, "重点工作考核奖励资金")
    satisfaction = next(i for i in se.indicators if i.name == "区内先进企业人员满意度")
    assert (satisfaction.target.raw, satisfaction.actual.number, satisfaction.weight,
            satisfaction.reported_score) == ("≥95%", D(95), D(10), D(10))
    assert any(i.name.endswith("发挥模范带头作用") for i in se.indicators)  # name broken across a page


def test_executed_amounts_of_the_28_reports_sum_to_5725_97_wan(doc004):
    total = sum(se.budget_total.executed for se in doc004.self_evaluations)
    assert (total / 10000).quantize(D("0.01")) == D("5725.97")


def test_block_claims_are_read_with_their_section(doc004):
    claims = by_name(doc004, "横向科研").reported.block_claims
    assert [(c.block, c.score) for c in claims] == [("产出指标", D(50)), ("产出指标", D(50))]
    assert "效益" in claims[1].location.section
