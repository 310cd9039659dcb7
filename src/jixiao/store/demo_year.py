"""The demo's year after goal review, made through the same services users call: quarterly monitoring with
warnings raised and cleared, finance's corrective actions, self-evaluations, ex-ante assessments, key evaluations
by a two-member team with their grades, budget suggestions and rectification items (some overdue)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from decimal import Decimal
from importlib.resources import files
from typing import Any

from jixiao.core.finding import Tier
from jixiao.core.money import format_amount, round_half_up
from jixiao.core.values import parse_value
from jixiao.profiles import load_profile
from jixiao.scoring.exante import ExpertScore
from jixiao.scoring.selfeval import score_self_evaluation
from jixiao.store.documents import explain, selfeval_document
from jixiao.store.evaluation import (
    add_finding,
    create_evaluation,
    finalise,
    framework_of,
    respond,
    submit_scores,
    team_result,
    write_report_text,
)
from jixiao.store.exante import record_assessment
from jixiao.store.mapping import self_evaluation
from jixiao.store.models import Jurisdiction, Project, Role, SelfEvaluationRecord, Unit
from jixiao.store.monitoring import (
    IndicatorEntry,
    ensure_fund_sources,
    open_rectification_for_warning,
    record_action,
    report_period,
)
from jixiao.store.selfeval import missing
from jixiao.store.services import create_account

FINDINGS = (("funds", "资金支付进度滞后于时间进度"), ("operations", "项目档案资料不完整"),
            ("output", "部分产出指标未量化，实际完成值无佐证"), ("benefit", "满意度调查样本量不足"),
            ("approval", "立项前未开展可行性论证"))


def _expected(target: str, on_track: bool) -> str:
    value = parse_value(target)
    if value.number is None or value.operator is None:
        return "达成预期指标" if on_track else "部分达成预期指标并具有一定效果"
    if on_track:
        return f"{value.number.normalize():f}"
    factor = Decimal("0.7") if value.operator.higher_is_better else Decimal("1.3")
    return format_amount(value.number * factor, separators=False, trim=True)


def unit_accounts(county: Jurisdiction, password: str) -> dict[int, Any]:
    """One 填报 account per unit (u + unit code), so each unit's data is entered by its own people."""
    users = {}
    for unit in Unit.objects.filter(department__jurisdiction=county):
        username = "demo_unit" if unit.code == "701001" else f"u{unit.code}"
        users[unit.pk] = create_account(username, password, Role.UNIT, unit=unit).user
    return users


def monitor(county: Jurisdiction, units: dict[int, Any], finance: Any, rng: random.Random, today: date) -> None:
    """Q1–Q3 of 2025 for every approved 2025 project: most on track, some behind in Q2 (red/yellow) that recover
    in Q3, some that stay behind; finance acts on some red warnings. A rectification item opened for a red
    warning is dated around `today` (the day the demo is loaded), some still due, some overdue."""
    profile = load_profile(county.profile)
    projects = Project.objects.filter(unit__department__jurisdiction=county, year=2025, status="approved",
                                      scope="project")
    for project in projects.prefetch_related("indicators").order_by("pk"):
        fund = ensure_fund_sources(project)[0]
        pattern = rng.choice(("track", "track", "track", "recover", "recover", "behind"))
        indicator_ok = rng.random() < 0.85
        for quarter, on_track_rate in ((1, Decimal("0.22")), (2, Decimal("0.48")), (3, Decimal("0.72"))):
            rate = on_track_rate if pattern == "track" or (pattern == "recover" and quarter != 2) else \
                on_track_rate * Decimal(rng.choice(("0.4", "0.55", "0.7")))
            on_track = indicator_ok or quarter == 3  # lagging indicators catch up by Q3
            entries = {i.pk: IndicatorEntry(i.pk, "", _expected(i.target, on_track),
                                            "certain" if on_track else "possible", "" if on_track else "funding")
                       for i in project.indicators.all()}
            report_period(project, quarter, {fund.pk: round_half_up(fund.amount * rate)}, entries,
                          units[project.unit_id], profile, today=date(2025, 3 * quarter + 1, 10))
        red = project.warnings.filter(colour="red").first()
        if red is not None and rng.random() < 0.6:
            record_action(project, "urge", None, "督促加快预算执行", "finance", finance, red)
            if rng.random() < 0.5:
                amount = round_half_up(project.adjusted_budget * Decimal("0.1"))
                record_action(project, rng.choice(("budget_cut", "recall")), amount, "按执行进度调整",
                              rng.choice(("unit", "finance")), finance, red)
            if red.is_open and rng.random() < 0.5:
                opened = today - timedelta(days=rng.choice((20, 45, 75, 100)))  # deadline 2 months later
                open_rectification_for_warning(red, profile, opened)


def year_end(county: Jurisdiction, units: dict[int, Any], rng: random.Random) -> None:
    """After the year: each unit self-evaluates its approved 2025 projects through the self-evaluation service,
    with the year-end values its last monitoring report expected, the full-year executed amount (lower where a
    warning is still open), a 偏差原因 wherever the rules ask for one, and its own summary."""
    from jixiao.store.selfeval import ActualEntry, Narrative, prefill, save_selfeval, score

    profile = load_profile(county.profile)
    projects = Project.objects.filter(unit__department__jurisdiction=county, year=2025, status="approved",
                                      scope="project", monitoring_reports__isnull=False).distinct()
    for project in projects.prefetch_related("indicators").order_by("pk"):
        _, actuals = prefill(project)
        lagging = project.warnings.filter(cleared_period__isnull=True).exists()
        share = Decimal(rng.choice(("0.78", "0.85") if lagging else ("0.93", "0.96", "0.98", "1")))
        executed = round_half_up(project.adjusted_budget * share)
        entries = {pk: ActualEntry(pk, actual) for pk, actual in actuals.items()}
        result = score(project, executed, entries, profile)
        by_name = {i.name: i.pk for i in project.indicators.all()}
        for name, reason in deviation_reasons(result, by_name).items():
            pk = by_name[name]
            entries[pk] = ActualEntry(pk, entries[pk].actual if pk in entries else "", deviation_reason=reason)
        rate = round_half_up(executed / project.adjusted_budget * 100, 2) if project.adjusted_budget else None
        narrative = Narrative(f"全年执行 {format_amount(executed)} 元，预算执行率 {rate}%；各项指标按监控计划推进。",
                              "按季度开展绩效运行监控，对预警项目及时督促整改。")
        save_selfeval(project, Project.objects.get(pk=project.pk).version, executed, entries, True,
                      units[project.unit_id], profile, narrative)


def deviation_reasons(result: Any, names: Any) -> dict[str, str]:
    """The 偏差原因 a demo unit writes, by indicator name, wherever the rules of its self-evaluation `result` ask
    for one."""
    from jixiao.store.selfeval import REASON_RULES

    reasons = {}
    for finding in result.deviations:
        name = next((n for n in names if f"“{n}”" in finding.message), None)
        if finding.rule in REASON_RULES and name is not None:
            reasons[name] = f"“{name}”实际完成与目标有偏差：受资金拨付和实施进度影响，已在下年度计划中调整。"
    return reasons


def _completion() -> dict[str, Any]:
    """What the demo units add to the imported self-evaluations before submitting: 偏差原因 the rules require,
    主要经验做法, and explanations of the release warnings of their reports."""
    return json.loads(files("jixiao.data").joinpath("demo", "selfeval_completion.json").read_text(encoding="utf-8"))


def self_evaluate(county: Jurisdiction, finance_user: Any, published: str = "") -> None:
    """Records for the 2024 self-evaluations imported with the demo: the total and grade by the rules. One is
    submitted only when complete (as the submit page requires); an incomplete one stays a draft for its unit.
    `published`: the projects come from that published document as printed, and what its report's gate warns of
    is explained as such (the figures are the document's own, not changed here)."""
    profile = load_profile(county.profile)
    completion = _completion()
    for project in Project.objects.filter(unit__department__jurisdiction=county, year=2024).prefetch_related(
            "indicators"):
        added = completion.get(project.name, {})
        for ind in project.indicators.all():
            if reason := added.get("reasons", {}).get(ind.name):
                ind.deviation_reason = reason
                ind.save(update_fields=["deviation_reason"])
        result = score_self_evaluation(self_evaluation(project), profile)
        if result.total is None:  # a form imported without its indicator rows: no total, so no record
            continue
        SelfEvaluationRecord.objects.get_or_create(project=project, defaults={
            "total": result.total, "grade": result.grade, "submitted": not missing(result),
            "submitted_by": finance_user, "experience": added.get("experience", "")})
        if added.get("explanations") or published:
            generated = selfeval_document(project, "docx")
            written = added.get("explanations", {})
            texts = {f.fingerprint: written.get(f.rule) or f"按{published}原样导入，该项为原文所列数据，未作改动：{f.message}"
                     for f in generated.release.problems
                     if f.tier is Tier.WARNING and (f.rule in written or published)}
            generated.folder.cleanup()
            explain(generated.key, texts, finance_user)


def assess_new_projects(county: Jurisdiction, finance: Any, rng: random.Random) -> None:
    """Drafts that are new major projects need 事前评估; three of them have one."""
    profile = load_profile(county.profile)
    drafts = list(Project.objects.filter(unit__department__jurisdiction=county, status="draft").order_by("pk")[:6])
    for n, project in enumerate(drafts):
        Project.objects.filter(pk=project.pk).update(needs_ex_ante=True)
        if n % 2:
            continue
        scores = [ExpertScore(expert, d, d, Decimal(rng.randrange(10, 20)))
                  for expert in ("王专家", "赵专家") for d in profile.exante.dimensions]
        requested = project.adjusted_budget * Decimal("1.1")
        record_assessment(project, scores, round_half_up(requested), None, finance, profile)


def evaluate(county: Jurisdiction, finance: Any, evaluators: list[Any], units: dict[int, Any],
             rng: random.Random, today: date) -> None:
    """Key evaluations of the six largest approved 2025 projects; grades from the team's scores. The reports are
    dated one to five months before `today`, so with the profile's rectification period some items are still
    due, some overdue and some done."""
    profile = load_profile(county.profile)
    projects = Project.objects.filter(unit__department__jurisdiction=county, year=2025, status="approved")
    for n, project in enumerate(projects.order_by("-adjusted_budget", "pk")[:6]):
        evaluation = create_evaluation(project, evaluators, finance, "按预算金额从高到低")
        shares = (Decimal("0.95"), Decimal("0.92"), Decimal("0.72"), Decimal("0.99"), Decimal("0.55"), Decimal("0.8"))
        for member in evaluators:
            share = shares[n] + Decimal(rng.choice(("-0.02", "0", "0.02")))
            submit_scores(evaluation, {path.split("/")[2]: round_half_up(w * min(share, Decimal(1)), 1)
                                       for path, w in framework_of(evaluation, profile).items()}, member, profile)
        found = rng.sample(FINDINGS, 2)
        for category, text in found:
            add_finding(evaluation, category, text, evaluators[0])
        write_report_text(evaluation, *_report_text(evaluation, profile, [text for _, text in found]), evaluators[0])
        if n == 5:
            continue  # one evaluation still open
        reported = today - timedelta(days=30 * (n + 1))
        finalise(evaluation, reported, finance, profile)
        first = project.rectifications.order_by("pk").first()
        if first is not None and n % 2 == 0:
            respond(first, "已完善制度并整改到位", "整改报告.pdf", True, units[project.unit_id],
                    reported + timedelta(days=25))



def _report_text(evaluation: Any, profile: Any, problems: list[str]) -> tuple[str, str]:
    """What the demo's evaluation group writes: the experience of its best-scored block, advice per problem."""
    result = team_result(evaluation, profile)
    rates = {block: score / result.level1_weights[block] for block, score in result.level1_scores.items()
             if result.level1_weights.get(block)}
    best = max(rates, key=lambda b: rates[b])
    experience = (f"{best}方面得分率最高（{round_half_up(rates[best] * 100, 2)}%）：单位按项目实施方案组织实施，"
                  f"{best}环节的制度和记录较为完整，可在同类项目中推广。")
    advice = "".join(f"{n}. 针对“{text}”，建议责任单位在整改期限内完善并报送整改情况。"
                     for n, text in enumerate(problems, start=1))
    return experience, advice


def department_goals(county: Jurisdiction, finance: Any) -> None:
    """Two departments set a department-wide goal for 2025; finance approved both (SPEC §11, seed 003)."""
    from jixiao.store.department import overall_project
    from jixiao.store.models import Department, Indicator, Review

    rows = (("产出指标", "数量指标", "重点工作任务完成数", "≥12项", 30), ("产出指标", "质量指标", "重点工作办结率", "=100%", 20),
            ("效益指标", "社会效益指标", "公共服务覆盖率", "≥95%", 30), ("满意度指标", "服务对象满意度指标", "社会公众满意度", "≥90%", 10))
    for code in ("801", "802"):
        department = Department.objects.get(code=code)
        project = overall_project(department, 2025, finance)
        Project.objects.filter(pk=project.pk).update(
            status="approved", annual_goal=f"{department.name}全面履行部门职责，保障年度重点工作按期完成。")
        Indicator.objects.bulk_create([Indicator(project=project, position=n, level1=a, level2=b, name=c, target=t,
                                                 weight=Decimal(w)) for n, (a, b, c, t, w) in enumerate(rows)])
        Review.objects.create(project=project, round=1, stage="finance", reviewer=finance, action="approve",
                              score=Decimal(93), grade="优", requested_budget=project.adjusted_budget)


def ledger(county: Jurisdiction, finance: Any) -> None:
    """The bundled 2024 决算 ledger, as the demo county's 示范区管理委员会 keeps it."""
    import json
    from importlib.resources import files

    from jixiao.store.department import store_ledger
    from jixiao.store.models import Department

    data = json.loads(files("jixiao.data").joinpath("demo", "disclosure_ledger.json").read_text(encoding="utf-8"))
    department = Department.objects.get(jurisdiction=county, code="701")
    store_ledger(department, data | {"department": department.name}, "disclosure_ledger.json", finance)
