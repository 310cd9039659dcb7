"""`jixiao batch generate|score|audit|verify`: a whole jurisdiction at once, on DuckDB over Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from jixiao.cli import app
from jixiao.cli.common import console, fail, profile_or_fail
from jixiao.extras import require

if TYPE_CHECKING:
    from jixiao.batch import run

batch_app = typer.Typer(help="批量计分与审核（DuckDB / Parquet）。", no_args_is_help=True)
app.add_typer(batch_app, name="batch")


@batch_app.callback()
def _needs_batch_extra() -> None:
    if message := require("batch"):
        fail(message)


def _check_input(folder: Path) -> None:
    if not (folder / "projects").is_dir() or not (folder / "indicators").is_dir():
        fail(f"{folder} 下没有 projects/ 和 indicators/ 两个 Parquet 文件夹（可先运行 jixiao batch generate）")


def _print_summary(summary: run.Summary) -> None:
    from jixiao.batch import run

    console.print(f"项目 {summary.projects:,} 个，指标 {summary.indicators:,} 行。")
    for title, frame in (("按规则", summary.by_rule), ("按等级", summary.by_tier), ("问题最多的部门", summary.by_department),
                         ("等级分布", summary.grades)):
        if frame is None or frame.is_empty():
            continue
        table = Table(title=title, title_justify="left")
        for column in frame.columns:
            table.add_column({"rule": "规则", "tier": "等级", "count": "数量", "department_id": "部门",
                              "grade": "评价等次"}.get(column, column))
        for row in frame.iter_rows():
            table.add_row(*[run.TIERS.get(str(v), str(v)) for v in row])
        console.print(table)


@batch_app.command("generate")
def generate_command(
    out: Path = typer.Option(..., "--out", help="输出文件夹"),
    projects: int = typer.Option(10_000, "--projects", help="项目个数"),
    seed: int = typer.Option(1, "--seed", help="随机种子（相同种子生成相同数据）"),
    fault_rate: float = typer.Option(0.05, "--fault-rate", help="埋设错误的项目比例"),
) -> None:
    """生成一个模拟辖区（部门、单位、项目、指标、自评填报，含记录在案的埋设错误）。"""
    import polars as pl

    from jixiao.batch.generate import Spec, generate

    if projects <= 0 or not 0 <= fault_rate <= 1:
        fail("--projects 须为正数，--fault-rate 须在 0 到 1 之间")
    with Progress(TextColumn("生成"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task("generate", total=projects)
        generate(Spec(projects, seed, fault_rate), out, progress=lambda n: bar.advance(task, n))
    faults = pl.read_parquet(out / "faults" / "*.parquet").height
    console.print(f"已生成 {projects:,} 个项目到 {out}，埋设错误 {faults:,} 处（见 faults/）。")


def _run(kind: str, input_: Path, out: Path, profile_name: str) -> None:
    from jixiao.batch import run

    _check_input(input_)
    profile = profile_or_fail(profile_name)
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task("计分" if kind == "score" else "审核", total=None)
        scores = run.score(input_, profile, out) if kind in ("score", "audit") else None
        findings = run.audit(input_, profile, out) if kind == "audit" else None
        bar.update(task, total=1, completed=1)
    _print_summary(run.summarise(input_, findings, scores))
    console.print(f"结果已写入 {out}")


@batch_app.command("score")
def score_command(input_: Path = typer.Option(..., "--input", help="Parquet 数据文件夹"),
                  out: Path = typer.Option(..., "--out", help="输出文件夹"),
                  profile: str = typer.Option("central", "--profile")) -> None:
    """批量计分：每个项目的执行得分、指标得分、总分和等级。"""
    _run("score", input_, out, profile)


@batch_app.command("audit")
def audit_command(input_: Path = typer.Option(..., "--input", help="Parquet 数据文件夹"),
                  out: Path = typer.Option(..., "--out", help="输出文件夹"),
                  profile: str = typer.Option("central", "--profile")) -> None:
    """批量审核：计分规则和数值勾稽规则，结果写为 Parquet 并汇总。"""
    _run("audit", input_, out, profile)


@batch_app.command("verify")
def verify_command(input_: Path = typer.Option(..., "--input", help="Parquet 数据文件夹"),
                   profile: str = typer.Option("central", "--profile"),
                   limit: int = typer.Option(5000, "--limit", help="逐项目比对的项目数上限")) -> None:
    """逐项目引擎与批量引擎逐条比对（前 N 个项目）。"""
    import duckdb
    import polars as pl

    from jixiao.batch.engine import findings_sql, parquet_tables
    from jixiao.batch.equality import batch_keys, per_document_keys

    _check_input(input_)
    rules = profile_or_fail(profile)
    projects = pl.read_parquet(input_ / "projects" / "*.parquet").head(limit)
    ids = projects["project_id"]
    indicators = pl.read_parquet(input_ / "indicators" / "*.parquet").filter(pl.col("project_id").is_in(ids.implode()))
    batch = batch_keys(duckdb.sql(findings_sql(rules, parquet_tables(input_))).pl().filter(
        pl.col("project_id").is_in(ids.implode())))
    single = per_document_keys(projects, indicators, rules)
    if batch != single:
        fail(f"不一致：仅批量 {len(batch - single)} 条，仅逐项目 {len(single - batch)} 条")
    console.print(f"一致：{len(ids):,} 个项目，{len(batch):,} 条发现完全相同。")
