"""Documents generated from stored data, each released only through the gate: the self-evaluation report of a
project, the evaluation report of a key evaluation, and a jurisdiction's yearly work summary from its records.
Written explanations of warnings are stored with the document they explain."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.core.model import Evaluator, KeyIndicator, ListedProblem
from jixiao.core.model import KeyEvaluation as CoreEvaluation
from jixiao.core.work_summary import (
    EvaluationRecord,
    EvaluationScope,
    ExAnteRecord,
    GoalReviewRecord,
    MonitoringAction,
    MonitoringRecord,
    WorkSummaryFacts,
)
from jixiao.core.work_summary import SelfEvaluationRecord as SelfEvalFact
from jixiao.render import evaluation_report, selfeval_report, work_summary
from jixiao.render.disclosure_release import package_name, release_package
from jixiao.render.pdf import unavailable
from jixiao.render.release import Release, Rendition, release
from jixiao.scoring.selfeval import score_self_evaluation
from jixiao.store.access import profile_named, profile_of
from jixiao.store.department import stored_ledger
from jixiao.store.errors import ServiceError
from jixiao.store.evaluation import team_result
from jixiao.store.mapping import self_evaluation
from jixiao.store.models import (
    CorrectiveAction,
    ExAnteAssessment,
    Jurisdiction,
    KeyEvaluation,
    Project,
    ReleaseExplanation,
    Review,
    SelfEvaluationRecord,
)


@dataclass(frozen=True)
class Generated:
    key: str  # where explanations are stored
    release: Release
    folder: tempfile.TemporaryDirectory  # type: ignore[type-arg]  # the drafts live until the response is sent

    def path(self, fmt: str) -> Path | None:
        return next((r.path for r in self.release.renditions if r.format == fmt), None)


def document_key(kind: str, *parts: object) -> str:
    """Where a document's explanations are stored: 'selfeval:12', 'summary:1:2025'."""
    return ":".join((kind, *(str(p) for p in parts)))


def explanations(key: str) -> dict[str, str]:
    return dict(ReleaseExplanation.objects.filter(document=key).values_list("fingerprint", "text"))


def explain(key: str, texts: dict[str, str], actor: Any) -> int:
    """Store explanations for the document `key`. The caller has checked that `actor` may release that document
    (the web view passes the key of the document on its page, never one taken from the request)."""
    saved = 0
    for fingerprint, text in texts.items():
        if text.strip():
            ReleaseExplanation.objects.update_or_create(document=key, fingerprint=fingerprint,
                                                        defaults={"text": text.strip(), "author": actor})
            saved += 1
    return saved


def _generate(key: str, blocks: list, title: str, stem: str, fmt: str, profile: Any, verify: Any) -> Generated:  # type: ignore[type-arg]
    folder = tempfile.TemporaryDirectory(prefix="jixiao-doc-")
    outcome = release(blocks, title, stem, Path(folder.name), (fmt,), profile, explanations(key), verify)
    return Generated(key, outcome, folder)


def selfeval_document(project: Project, fmt: str) -> Generated:
    profile = profile_of(project)
    result = score_self_evaluation(self_evaluation(project), profile)
    se = result.evaluation
    record = SelfEvaluationRecord.objects.filter(project=project).first()
    unit_text = selfeval_report.UnitText(record.experience if record else "", project.approved_budget)
    return _generate(document_key("selfeval", project.pk), selfeval_report.build(result, profile, unit_text=unit_text),
                     selfeval_report.TITLE,
                     selfeval_report.file_stem(se), fmt, profile, selfeval_report.rescored(result, profile))


def core_evaluation(evaluation: KeyEvaluation) -> CoreEvaluation:
    """A finalised key evaluation as the report generator reads it: the team's mean scores per item."""
    profile = profile_of(evaluation.project)
    team = team_result(evaluation, profile)
    project = evaluation.project
    return CoreEvaluation(
        project=project.name, budget=project.adjusted_budget, received=project.adjusted_budget,
        spent=project.executed,
        indicators=tuple(KeyIndicator(i.level1, i.level2, i.name, i.weight, i.score) for i in team.indicators),
        department=project.unit.department.name, unit=project.unit.name, goal_text=project.annual_goal,
        evaluators=tuple(Evaluator(m.username, "评价组成员") for m in evaluation.members.order_by("username")),
        problems=tuple(ListedProblem(f.get_category_display(), f.description, project.unit.name)
                       for f in evaluation.findings.all()),
        experience=evaluation.experience, advice=evaluation.advice)


def evaluation_document(evaluation: KeyEvaluation, fmt: str) -> Generated:
    profile = profile_of(evaluation.project)
    ke = core_evaluation(evaluation)
    return _generate(document_key("evaluation", evaluation.pk),
                     evaluation_report.build(ke, evaluation.project.year, profile, ask=True),
                     evaluation_report.title(ke), evaluation_report.file_stem(ke), fmt, profile,
                     evaluation_report.read_back_same(ke, profile))


_ACTIONS = {"budget_cut": MonitoringAction.BUDGET_CUT, "recall": MonitoringAction.RECALL,
            "payment_hold": MonitoringAction.PAYMENT_HOLD}


def work_summary_facts(jurisdiction: Jurisdiction, year: int) -> WorkSummaryFacts:
    """The year's facts from the system's own records — nothing typed."""
    projects = Project.objects.filter(unit__department__jurisdiction=jurisdiction, year=year)
    ex_ante = tuple(ExAnteRecord(a.project.name, a.project.unit.name, a.requested, a.requested, a.recommended,
                                 a.total) for a in ExAnteAssessment.objects.filter(project__in=projects)
                    .select_related("project__unit"))
    reviews: dict[int, list[Review]] = {}
    for r in Review.objects.filter(project__in=projects, stage="finance", score__isnull=False).order_by("round", "pk"):
        reviews.setdefault(r.project_id, []).append(r)
    by_pk = {p.pk: p for p in projects.filter(pk__in=reviews).select_related("unit")}
    goal_reviews = tuple(GoalReviewRecord(by_pk[pk].name, by_pk[pk].unit.name, rows[0].requested_budget,
                                          rows[-1].requested_budget - rows[-1].cut_amount,
                                          tuple(r.score for r in rows))
                         for pk, rows in reviews.items())
    monitoring = tuple(MonitoringRecord(a.project.name, a.project.unit.name, _ACTIONS[a.kind], a.amount or Decimal(0))
                       for a in CorrectiveAction.objects.filter(project__in=projects, kind__in=_ACTIONS)
                       .select_related("project__unit")
                       if a.kind != "budget_cut" or a.initiator == "unit")  # the summary reports units' own cuts
    evaluations = tuple(EvaluationRecord(e.title, EvaluationScope.PROJECT, e.project.adjusted_budget, e.total)
                        for e in KeyEvaluation.objects.filter(project__in=projects, status="final")
                        .select_related("project"))
    selfevals = tuple(SelfEvalFact(s.project.name, s.project.adjusted_budget, s.total)
                      for s in SelfEvaluationRecord.objects.filter(project__in=projects, submitted=True)
                      .select_related("project"))
    return WorkSummaryFacts(jurisdiction.name, year, ex_ante=ex_ante, goal_reviews=goal_reviews,
                            monitoring=monitoring, evaluations=evaluations, self_evaluations=selfevals)


def summary_document(jurisdiction: Jurisdiction, year: int, fmt: str) -> Generated:
    profile = profile_named(jurisdiction.profile)
    facts = work_summary_facts(jurisdiction, year)
    blocks = work_summary.build(facts, profile)
    return _generate(document_key("summary", jurisdiction.pk, year), blocks, work_summary.title(facts),
                     work_summary.file_stem(facts), fmt, profile, work_summary.states_every_paragraph(blocks, year))


def disclosure_document(department: Any, year: int, fmt: str) -> Generated:
    """The department's 决算公开 package from its stored ledger: Word (reference), Excel and PDF all through the
    gate; `fmt` picks which rendition is downloaded."""
    ledger = stored_ledger(department, year)
    if ledger is None:
        raise ServiceError(f"{department.name}{year}年尚未上传决算台账")
    key = document_key("disclosure", department.pk, year)
    folder = tempfile.TemporaryDirectory(prefix="jixiao-doc-")
    if fmt == "pdf" and (reason := unavailable()):
        return Generated(key, Release(package_name(ledger), (), (), f"无法生成 PDF：{reason}"), folder)
    outcome = release_package(ledger, Path(folder.name), profile_named(department.jurisdiction.profile),
                              explanations(key), pdf=fmt == "pdf")
    renditions = tuple(Rendition(p.suffix[1:], p, outcome.result) for p in outcome.renditions)
    return Generated(key, Release(package_name(ledger), renditions, outcome.differences), folder)
