"""`jixiao score FILE...`: every project's self-evaluation recomputed by the rules, beside what was reported."""

from __future__ import annotations

import json
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from jixiao.cli import app
from jixiao.cli.common import console, documents_or_fail, err_console, fail, print_reading, profile_or_fail
from jixiao.core.coverage import coverage
from jixiao.core.money import format_amount, format_number
from jixiao.core.profile import Profile
from jixiao.ingest.pipeline import Document
from jixiao.scoring.selfeval import IndicatorScore, SelfEvaluationScore, score_self_evaluation


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"


def _d(value: Decimal | None, places: int | None = 2) -> str | None:
    """A number for the JSON, null for None: `places` decimals (四舍五入), or with places=None as printed, without
    padding (64, 70.32)."""
    return None if value is None else format_number(value, places)


def _indicator_json(s: IndicatorScore) -> dict[str, object]:
    ind = s.indicator
    target = ind.target
    return {
        "level1": ind.level1, "level2": ind.level2, "name": ind.name,
        "operator": target.operator.value if target and target.operator else None,
        "target": _d(target.number) if target and target.number is not None else (target.raw.strip() if target else None),
        "unit": ind.unit,
        "actual": (ind.actual.raw.strip() if ind.actual else None),
        "weight": _d(ind.weight, None),
        "score": _d(s.score),
        "reported_score": _d(ind.reported_score, None),
        "deviation_reason": ind.deviation_reason,
    }


def project_json(result: SelfEvaluationScore) -> dict[str, object]:
    se = result.evaluation
    rep = se.reported
    scored = not se.is_department  # a department's points are not the project form's 10 + 90: none computed
    return {
        "name": se.project.name,
        "scope": se.scope,
        "adjusted_budget": _d(result.adjusted_budget),
        "executed": _d(result.executed),
        "execution_rate": _d(result.execution_rate),
        "execution_score": _d(result.execution_score) if scored and _budget_read(result) else None,
        "indicator_score": _d(result.indicator_score) if scored and se.indicators else None,
        "total": _d(result.total) if scored else None,
        "grade": result.grade if scored else None,
        # why total and grade are null for a project form ('未读到绩效指标行，无法计算总分和等级'), else null
        "total_not_computable": result.total_gap or None,
        "reported": {
            "execution_score": _d(rep.execution_score, None), "indicator_score": _d(rep.indicator_score, None),
            "total": _d(rep.total, None), "grade": rep.grade,
        },
        "indicators": [_indicator_json(s) for s in result.indicators],
        "deviations": [
            {"rule": f.rule, "tier": f.tier.value, "message": f.message, "location": f.location.to_dict()}
            for f in result.deviations
        ],
    }


def _budget_read(result: SelfEvaluationScore) -> bool:
    """The execution score rests on the budget figures read (else it is no score, only the 0 it starts from)."""
    return result.adjusted_budget is not None and result.executed is not None


def score_documents(docs: list[Document], profile: Profile) -> list[tuple[Document, list[SelfEvaluationScore]]]:
    return [(doc, [score_self_evaluation(se, profile) for se in doc.self_evaluations]) for doc in docs]


NOT_COMPUTED = "无法计算"


def _pair(computed: object, reported: object) -> str:
    c, r = computed if computed is not None else "—", reported if reported is not None else "—"
    return f"{c} / {r}" if str(c) == str(r) or computed in (None, NOT_COMPUTED) else f"[bold red]{c}[/] / {r}"


def print_table(doc: Document, results: list[SelfEvaluationScore]) -> None:
    table = Table(title=f"{Path(doc.path).name}：{doc.unit or '未识别单位'} {doc.year or ''} 年度自评重算（计算 / 填报）",
                  show_lines=False)
    for column, justify in (("项目名称", "left"), ("全年预算数(元)", "right"), ("全年执行数(元)", "right"),
                            ("执行率", "right"), ("执行得分", "right"), ("指标得分", "right"),
                            ("总分", "right"), ("等级", "center"), ("偏差数", "right")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for r in results:
        rep = r.evaluation.reported
        scored = not r.evaluation.is_department  # 部门整体: only its figures are checked, no points computed
        table.add_row(
            r.evaluation.project.name + ("" if scored else "（部门整体，不按项目计分）"),
            format_amount(r.adjusted_budget), format_amount(r.executed),
            f"{r.execution_rate}%" if r.execution_rate is not None else "—",
            _pair(_d(r.execution_score) if scored and _budget_read(r) else None, _d(rep.execution_score)),
            _pair(_d(r.indicator_score) if scored and r.evaluation.indicators else None, _d(rep.indicator_score)),
            _pair(NOT_COMPUTED if r.total_gap else _d(r.total) if scored else None, _d(rep.total)),
            _pair(NOT_COMPUTED if r.total_gap else r.grade if scored else None, rep.grade),
            str(len(r.deviations)),
        )
    console.print(table)
    for r in results:  # why a project has no total, and its reported total kept as printed, not checked
        if r.total_gap:
            console.print(f"项目「{r.evaluation.project.name}」：{r.evaluation.total_unchecked or r.total_gap}",
                          highlight=False)


def _no_projects(doc: Document) -> None:
    """Exit 2 naming what was read instead, with the same reading report `jixiao audit` prints."""
    if doc.reading is not None:
        print_reading(coverage(doc.reading), err_console)
    read = f"，{doc.reading.read_phrase()}" if doc.reading is not None else ""
    fail(f"{Path(doc.path).name}：未能读取项目支出绩效自评表（预算执行情况表、绩效指标表），无法计分；"
         f"文档被识别为“{doc.kind.label}”{read}")


@app.command("score")
def score_command(
    files: list[Path] = typer.Argument(..., help="自评文档（.txt/.md/.docx/.doc/.xlsx）"),
    profile_name: str = typer.Option("central", "--profile", "-p", help="地区配置"),
    output: Format = typer.Option(Format.TABLE, "--format", "-f", help="table 或 json"),
    kind: str = typer.Option("", "--kind", help="文档类型（无法自动识别时指定）"),
    year: int = typer.Option(0, "--year", help="年度（无法自动识别时指定）"),
) -> None:
    """按规则重算每个项目的自评得分，与单位填报值并列显示。"""
    profile = profile_or_fail(profile_name)
    docs = documents_or_fail(files, kind, year)
    for doc in docs:
        if not doc.self_evaluations:
            _no_projects(doc)
    scored = score_documents(docs, profile)
    if output is Format.JSON:
        payload = {"documents": [
            {"path": doc.path, "kind": doc.kind.value, "year": doc.year, "unit": doc.unit,
             "reading": doc.reading.to_dict() if doc.reading is not None else None,
             "projects": [project_json(r) for r in results]}
            for doc, results in scored
        ]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for doc, results in scored:
        if doc.reading is not None:
            print_reading(coverage(doc.reading))
        print_table(doc, results)
        deviations = sum(len(r.deviations) for r in results)
        console.print(f"共 {len(results)} 个项目，规则偏差 {deviations} 处；用 --format json 查看每处偏差。")
