"""Per-document versus batch: the same self-evaluations scored by jixiao.scoring.selfeval one by one and by the
batch SQL, compared finding for finding (used by tests and `jixiao batch verify`)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jixiao.audit.catalogue import Context, run
from jixiao.batch.engine import BATCH_RULES
from jixiao.core.finding import Finding
from jixiao.core.model import (
    BlockClaim,
    BudgetLine,
    FundLevel,
    Goal,
    Indicator,
    Project,
    Reported,
    SelfEvaluation,
)
from jixiao.core.money import round_half_up
from jixiao.core.profile import Profile
from jixiao.core.provenance import Location
from jixiao.core.values import Attainment, Operator, Value

HUNDRED = Decimal(100)
# Rules whose expected/actual are amounts or scores, compared in hundredths; others by place only.
NUMERIC = {"selfeval.s1_execution_score", "selfeval.s2_quantitative_score", "selfeval.s8_score_above_weight",
           "selfeval.s10_indicator_sum", "selfeval.s10_total_parts", "selfeval.s9_weight_total",
           "selfeval.s9_block_weight", "selfeval.carryover", "selfeval.s8_reason_required"}
Key = tuple[int, int, str, str, int | None, int | None]  # project, seq, rule, tier, expected, actual


def _h(value: Decimal | None, printed: bool = False) -> Decimal | None:
    """A column the batch layout keeps in hundredths as the figure: exact (70, 70.32), or — `printed`, a reported
    figure — as printed, to the hundredth (70.00, as the store keeps it)."""
    if value is None:
        return None
    figure = value / HUNDRED
    return round_half_up(figure, 2) if printed else figure


def self_evaluation(project: dict[str, Any], rows: list[dict[str, Any]]) -> SelfEvaluation:
    """A synthetic project as the core model (what an imported document would give)."""
    indicators = []
    for row in rows:
        if row["kind"] == "quant":
            target = Value(raw=f"{row['operator']}{_h(row['target100'])}{row['unit']}", operator=Operator(row["operator"]),
                           number=_h(row["target100"]), unit=row["unit"])
            actual = Value(raw=str(_h(row["actual100"])), number=_h(row["actual100"]))
        else:
            target = Value(raw="提高", operator=Operator.QUALITATIVE, text="提高")
            actual = Value(raw=row["attainment"], operator=Operator.QUALITATIVE, attainment=Attainment(row["attainment"]))
        indicators.append(Indicator(
            level1=row["level1"], level2=row["level2"], name=f"指标{row['seq']}", adjusted_target=target, actual=actual,
            weight=_h(row["weight100"]), reported_score=_h(row["rep_score100"], printed=True),
            deviation_reason="已说明" if row["has_reason"] else "", location=Location(row=f"指标{row['seq']}"),
        ))
    line = BudgetLine(source="合计", level=FundLevel.TOTAL, initial=Decimal(project["initial_fen"]) / HUNDRED,
                      adjusted=Decimal(project["adjusted_fen"]) / HUNDRED,
                      executed=Decimal(project["executed_fen"]) / HUNDRED,
                      carryover=Decimal(project["carryover_fen"]) / HUNDRED,
                      reported_score=_h(project["rep_exec_score"], printed=True))
    # the points the form establishes for the budget-execution part, as its caption prints them ('预算执行（15分）')
    points = _h(project.get("exec_points100"))
    claims = () if points is None else (BlockClaim("预算执行", full_marks=points, score=None, rate=None),)
    reported = Reported(execution_score=_h(project["rep_exec_score"], printed=True),
                        indicator_score=_h(project["rep_ind_score"], printed=True),
                        total=_h(project["rep_total"], printed=True),
                        grade=project["rep_grade"], block_claims=claims)
    return SelfEvaluation(project=Project(name=str(project["project_id"])), year=2024, budget_lines=(line,),
                          goal=Goal(indicators=tuple(indicators)), reported=reported)


def hundredths(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(Decimal(text.replace(",", "")) * 100)
    except ArithmeticError:
        return None


def finding_key(project_id: int, finding: Finding) -> Key:
    seq = int(finding.location.row[2:]) if finding.location.row.startswith("指标") else -1
    numeric = finding.rule in NUMERIC
    return (project_id, seq, finding.rule, finding.tier.value, hundredths(finding.expected) if numeric else None,
            hundredths(finding.actual) if numeric else None)


def iter_projects(projects: Any, indicators: Any) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(project row, its indicator rows) from two polars frames."""
    by_project: dict[int, list[dict[str, Any]]] = {}
    for row in indicators.sort(["project_id", "seq"]).iter_rows(named=True):
        by_project.setdefault(row["project_id"], []).append(row)
    for project in projects.iter_rows(named=True):
        yield project, by_project.get(project["project_id"], [])


def per_document_keys(projects: Any, indicators: Any, profile: Profile) -> set[Key]:
    """Findings of the per-document engine, one project at a time (the straightforward loop)."""
    keys: set[Key] = set()
    ctx = Context(profile)
    for project, rows in iter_projects(projects, indicators):
        findings = run("self_evaluation", self_evaluation(project, rows), ctx, only=BATCH_RULES)
        keys.update(finding_key(project["project_id"], f) for f in findings)
    return keys


def batch_keys(findings: Any) -> set[Key]:
    """The batch engine's findings (a polars frame) as comparable keys."""
    keys: set[Key] = set()
    for row in findings.iter_rows(named=True):
        numeric = row["rule"] in NUMERIC
        keys.add((row["project_id"], row["seq"], row["rule"], row["tier"], row["expected"] if numeric else None,
                  row["actual"] if numeric else None))
    return keys
