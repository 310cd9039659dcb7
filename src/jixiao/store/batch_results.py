"""Batch results (jixiao.batch.results: scores/, findings/ of a `jixiao batch audit` run over the application
database) narrowed to what an account may see: only rows whose project is in the account's scope and still belongs
to the department the run recorded — results of another database or of generated data show nothing rather than
the wrong projects. The per-department summary is recomputed over those rows as jixiao.batch.results does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.core.money import format_number, round_half_up
from jixiao.store.access import visible_projects


@dataclass(frozen=True)
class DepartmentRow:
    department: str
    projects: int
    mean_total: Decimal | None  # mean computed total, points (two decimals, half up), over the projects that have one
    grades: tuple[int, ...]  # 优 良 中 差
    projects_with_findings: int
    errors: int
    warnings: int
    notices: int


@dataclass(frozen=True)
class RuleRow:
    rule: str
    title: str
    tier: str
    findings: int
    projects: int


@dataclass(frozen=True)
class FindingRow:
    project_id: int
    project: str
    department: str
    indicator: int | None  # 1-based position of the indicator the finding names; None for the whole project
    tier: str
    expected: str
    actual: str


@dataclass(frozen=True)
class BatchResults:
    written: datetime
    projects: int
    departments: list[DepartmentRow]
    rules: list[RuleRow]
    findings: list[FindingRow]  # of the selected rule, at most `limit`
    selected_rule: str
    selected_total: int


TIERS = {"error": "确定", "warning": "疑似", "notice": "提示"}


def _hundredths(value: int | None) -> str:

    return "" if value is None else format_number(Decimal(value) / 100)


def scoped_results(folder: Path, user: Any, rule: str = "", limit: int = 200, offset: int = 0) -> BatchResults | None:
    """The results in `folder` that `user` may see, or None when the folder holds no batch scores; of the selected
    rule's findings, `limit` from `offset` on."""
    import polars as pl

    from jixiao.audit.catalogue import load_rules
    from jixiao.batch.results import load

    if not (folder / "scores").is_dir():
        return None
    frames = load(folder)
    if "scores" not in frames:
        return None
    visible = visible_projects(user).values_list("pk", "unit__department_id", "unit__department__name", "name")
    scores = frames["scores"]
    ids = scores["project_id"].unique().to_list()
    known = {pk: (dept, dept_name, name) for pk, dept, dept_name, name in visible.filter(pk__in=ids).iterator()}
    scope = pl.DataFrame({"project_id": list(known), "department_id": [v[0] for v in known.values()]},
                         schema={"project_id": scores.schema["project_id"],
                                 "department_id": scores.schema["department_id"]})
    scores = scores.join(scope, on=["project_id", "department_id"], how="semi")
    findings = frames.get("findings")
    if findings is None:
        findings = pl.DataFrame(schema={"project_id": pl.Int64, "seq": pl.Int16, "rule": pl.String,
                                        "tier": pl.String, "expected": pl.Int64, "actual": pl.Int64})
    findings = findings.join(scores.select("project_id"), on="project_id", how="semi")
    per_project = findings.group_by("project_id").agg(*(pl.col("tier").eq(tier).sum().alias(tier) for tier in TIERS))
    joined = scores.join(per_project, on="project_id", how="left")
    departments = []
    for _, group in joined.group_by("department_id"):
        grades = tuple(int((group["grade"] == g).sum()) for g in "优良中差")
        totals = group["total"].drop_nulls()  # a project without indicator rows has no total (SelfEvaluation.total_gap)
        departments.append(DepartmentRow(
            known[group["project_id"][0]][1], group.height,
            round_half_up(Decimal(int(totals.sum())) / 100 / totals.len()) if totals.len() else None, grades,
            int(group["error"].is_not_null().sum()), *(int(group[tier].fill_null(0).sum()) for tier in TIERS)))
    departments.sort(key=lambda d: (-d.errors, -d.warnings, d.department))
    titles = {rule_id: r.title for rule_id, r in load_rules().items()}
    by_rule = (findings.group_by("rule", "tier").agg(pl.len().alias("n"), pl.col("project_id").n_unique().alias("p"))
               .sort(["n", "rule"], descending=[True, False]))
    rules = [RuleRow(r, titles.get(r, ""), TIERS.get(t, t), n, p) for r, t, n, p in by_rule.iter_rows()]
    chosen = findings.filter(pl.col("rule") == rule).sort("project_id", "seq")
    rows = [FindingRow(pk, known[pk][2], known[pk][1], None if seq is None else seq + 1, TIERS.get(tier, tier),
                       _hundredths(expected), _hundredths(actual))
            for pk, seq, tier, expected, actual in chosen.slice(offset, limit)
            .select("project_id", "seq", "tier", "expected", "actual").iter_rows()]
    written = datetime.fromtimestamp(max(p.stat().st_mtime for p in (folder / "scores").glob("*.parquet")))
    return BatchResults(written, scores.height, departments, rules, rows, rule, chosen.height)
