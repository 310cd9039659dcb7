"""`jixiao report selfeval | evaluation | summary`: documents generated from data, each released only through the
gate (read back by jixiao's own ingest, re-scored or re-checked, audited)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.common import documents_or_fail, fail, profile_or_fail
from jixiao.cli.releasing import (
    ExplainOption,
    FormatsOption,
    Job,
    OutOption,
    ProfileOption,
    explanations_or_fail,
    formats_or_fail,
    run_jobs,
)
from jixiao.cli.report import report_app
from jixiao.core.money import format_number
from jixiao.render import evaluation_report, selfeval_report, work_summary
from jixiao.render.numbers import two
from jixiao.render.work_summary_json import FactsError, load_facts
from jixiao.scoring.selfeval import score_self_evaluation


@report_app.command("selfeval")
def selfeval_command(
    inputs: Annotated[list[Path], typer.Argument(help="含项目支出绩效自评报告的文档（txt/md/docx/xlsx/pdf），可多个")],
    out: OutOption,
    formats: FormatsOption = "docx,pdf",
    profile: ProfileOption = "central",
    explain: ExplainOption = None,
) -> None:
    """按计分规则重算每个项目，生成项目支出绩效自评分析报告（每个项目一份），读回重算一致且审核通过后才发布。"""
    rules = profile_or_fail(profile)
    chosen = formats_or_fail(formats)
    explanations = explanations_or_fail(explain)
    evaluations = [se for doc in documents_or_fail(inputs, "", 0) for se in doc.self_evaluations]
    if not evaluations:
        fail("输入文档中未找到项目支出绩效自评报告（需有“预算执行情况”表和绩效指标表）")
    jobs = []
    for se in evaluations:
        result = score_self_evaluation(se, rules)
        jobs.append(Job(se.project.name, selfeval_report.TITLE, selfeval_report.file_stem(se),
                        partial(selfeval_report.build, result, rules), selfeval_report.rescored(result, rules),
                        f"{two(result.total)} 分 {result.grade}" if result.total is not None else result.total_gap))
    run_jobs(jobs, out, chosen, rules, explanations, "自评报告")


@report_app.command("evaluation")
def evaluation_command(
    inputs: Annotated[list[Path], typer.Argument(help="部门评价表 / 绩效评价资料（格式同种子 002），可多个")],
    out: OutOption,
    formats: FormatsOption = "docx,pdf",
    profile: ProfileOption = "central",
    explain: ExplainOption = None,
) -> None:
    """生成绩效评价报告（评分表、评价人员、结论与等次，附问题清单），读回一致且审核通过后才发布。"""
    rules = profile_or_fail(profile)
    chosen = formats_or_fail(formats)
    explanations = explanations_or_fail(explain)
    found = [(ke, doc.year) for doc in documents_or_fail(inputs, "", 0) for ke in doc.key_evaluations]
    if not found:
        fail("输入文档中未找到绩效评价评分表（需有“一级指标 … 三级指标 … 得分”表）")
    jobs = []
    for ke, year in found:
        fw = evaluation_report.framework(ke, rules)
        jobs.append(Job(ke.project, evaluation_report.title(ke), evaluation_report.file_stem(ke),
                        partial(evaluation_report.build, ke, year, rules), evaluation_report.read_back_same(ke, rules),
                        f"{format_number(fw.total)} 分 {fw.grade}"))
    run_jobs(jobs, out, chosen, rules, explanations, "绩效评价报告")


@report_app.command("summary")
def summary_command(
    data: Annotated[Path, typer.Option("--data", help="工作事实数据（JSON，格式见 jixiao.render.work_summary_json）")],
    out: OutOption,
    formats: FormatsOption = "docx,pdf",
    profile: ProfileOption = "central",
    explain: ExplainOption = None,
) -> None:
    """生成预算绩效管理工作开展情况的说明：所有个数、金额、比率均由记录计算，读回审核通过后才发布。"""
    rules = profile_or_fail(profile)
    chosen = formats_or_fail(formats)
    explanations = explanations_or_fail(explain)
    try:
        facts = load_facts(data)
    except FactsError as exc:
        fail(str(exc))
    blocks = work_summary.build(facts, rules)
    job = Job(f"{facts.jurisdiction}{facts.year}年", work_summary.title(facts), work_summary.file_stem(facts),
              lambda: blocks, work_summary.states_every_paragraph(blocks, facts.year),
              f"评价 {len(facts.evaluations)} 个，目标审核 {len(facts.goal_reviews)} 个")
    run_jobs([job], out, chosen, rules, explanations, "工作情况说明")
