"""`jixiao batch generate|export|score|audit|verify`: a whole jurisdiction at once — Parquet folders on DuckDB or
Spark, or the application's own database (SQLite through DuckDB, PostgreSQL in place)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from jixiao.cli import app
from jixiao.cli.common import console, counting_bar, fail, profile_or_fail
from jixiao.extras import require

if TYPE_CHECKING:
    from jixiao.batch import run

batch_app = typer.Typer(help="批量计分与审核（DuckDB / PostgreSQL / Spark）。", no_args_is_help=True)
app.add_typer(batch_app, name="batch")
ENGINES = ("duckdb", "postgres", "spark")


@batch_app.callback()
def _needs_batch_extra() -> None:
    if message := require("batch"):
        fail(message)


def _check_input(folder: Path) -> None:
    if not (folder / "projects").is_dir() or not (folder / "indicators").is_dir():
        fail(f"{folder} 下没有 projects/ 和 indicators/ 两个 Parquet 文件夹（可先运行 jixiao batch generate 或 export）")


def _database_url() -> str:
    from jixiao.config import get_settings

    return get_settings().resolved_database_url


def _print_summary(summary: run.Summary) -> None:
    from jixiao.batch import run

    console.print(f"项目 {summary.projects:,} 个" + (f"，指标 {summary.indicators:,} 行。" if summary.indicators else "。"))
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
    with counting_bar("生成") as bar:
        task = bar.add_task("generate", total=projects)
        generate(Spec(projects, seed, fault_rate), out, progress=lambda n: bar.advance(task, n))
    faults = pl.read_parquet(out / "faults" / "*.parquet").height
    console.print(f"已生成 {projects:,} 个项目到 {out}，埋设错误 {faults:,} 处（见 faults/）。")


@batch_app.command("export")
def export_command(
    out: Path = typer.Option(..., "--out", help="输出文件夹"),
    jurisdiction: str | None = typer.Option(None, "--jurisdiction", help="只导出该辖区（代码）"),
    year: int | None = typer.Option(None, "--year", help="只导出该年度"),
) -> None:
    """把应用数据库中的项目按批量格式导出为 Parquet（按辖区、年度分区），供 DuckDB 或 Spark 读取。"""
    from jixiao.batch.export import export
    from jixiao.batch.store import StoreError

    try:
        result = export(_database_url(), out, jurisdiction, year)
    except StoreError as exc:
        fail(str(exc))
    console.print(f"已导出 {result.projects:,} 个项目、{result.indicators:,} 行指标到 {out}（projects/、indicators/ 按辖区和年度分区）。")
    if result.unread_projects:
        console.print(f"另有 {result.unread_projects:,} 个项目含批量规则不能确切读取的指标值（中文数字、区间、日期等），"
                      f"未导出，清单见 {out / 'unread'}；请不带 --input 直接在数据库上运行 jixiao batch audit，这些项目由逐项目引擎审核。")


def _run(kind: str, input_: Path | None, out: Path, profile: str | None, engine: str | None, jurisdiction: str | None,
         year: int | None) -> None:
    audit = kind == "audit"
    if engine is not None and engine not in ENGINES:
        fail(f"--engine 须为 {'、'.join(ENGINES)} 之一")
    if input_ is None:
        _run_store(audit, out, profile, engine, jurisdiction, year)
        return
    _check_input(input_)
    if jurisdiction is not None or year is not None:
        fail("--jurisdiction、--year 用于数据库（不带 --input 时）；Parquet 数据请用 jixiao batch export 的分区")
    from jixiao.batch import run

    rules = profile_or_fail(profile or "central")
    engine = engine or "duckdb"
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task("审核" if audit else "计分", total=None)
        if engine == "duckdb":
            run.run_folder(input_, rules, out, audit)
        elif engine == "spark":
            from jixiao.batch import spark

            session = spark.session()
            try:
                spark.score_and_audit(session, str(input_.resolve()), rules, str(out.resolve()), audit)
            finally:
                session.stop()
        else:
            fail("--engine postgres 在数据库内运行：请去掉 --input，直接读取数据库（JIXIAO_DATABASE_URL 指向 PostgreSQL）")
        bar.update(task, total=1, completed=1)
    from jixiao.batch.engine import parquet_tables

    _print_summary(run.summarise(run.connect(), parquet_tables(input_), out / "findings" if audit else None,
                                 out / "scores"))
    console.print(f"结果已写入 {out}（scores/、findings/）")


def _run_store(audit: bool, out: Path, profile: str | None, engine: str | None, jurisdiction: str | None,
               year: int | None) -> None:
    from jixiao.batch import run
    from jixiao.batch.results import write_departments
    from jixiao.batch.store import StoreError, run_store

    url = _database_url()
    engine = engine or ("postgres" if url.startswith(("postgres://", "postgresql://")) else "duckdb")
    if profile is not None:
        profile_or_fail(profile)
    try:
        result = run_store(url, engine, out, audit, jurisdiction, year, profile)
    except StoreError as exc:
        fail(str(exc))
    departments = write_departments(out)
    console.print(f"数据库：{result.reader}。项目 {result.projects:,} 个"
                  + (f"，其中 {result.unread_projects:,} 个含批量规则不能确切读取的指标值，已由逐项目引擎按同一规则审核"
                     if result.unread_projects else "") + "。")
    _print_summary(run.summarise(run.connect(), None, out / "findings" if audit else None, out / "scores"))
    console.print(f"结果已写入 {out}（scores/、findings/、departments.parquet 共 {departments:,} 个部门）")


INPUT = typer.Option(None, "--input", help="Parquet 数据文件夹（不给则读取应用数据库 JIXIAO_DATABASE_URL）")
OUT = typer.Option(..., "--out", help="输出文件夹")
PROFILE = typer.Option(None, "--profile", help="地区配置（默认：Parquet 用 central，数据库按各辖区自己的配置）")
ENGINE = typer.Option(None, "--engine", help="duckdb | postgres | spark（默认：Parquet 用 duckdb，数据库按其类型）")
JURISDICTION = typer.Option(None, "--jurisdiction", help="只处理该辖区（代码，数据库）")
YEAR = typer.Option(None, "--year", help="只处理该年度（数据库）")


@batch_app.command("score")
def score_command(input_: Path | None = INPUT, out: Path = OUT, profile: str | None = PROFILE,
                  engine: str | None = ENGINE, jurisdiction: str | None = JURISDICTION,
                  year: int | None = YEAR) -> None:
    """批量计分：每个项目的执行得分、指标得分、总分和等级。"""
    _run("score", input_, out, profile, engine, jurisdiction, year)


@batch_app.command("audit")
def audit_command(input_: Path | None = INPUT, out: Path = OUT, profile: str | None = PROFILE,
                  engine: str | None = ENGINE, jurisdiction: str | None = JURISDICTION,
                  year: int | None = YEAR) -> None:
    """批量审核：计分规则和数值勾稽规则（一次扫描同时得出得分与问题），结果写为 Parquet 并汇总。"""
    _run("audit", input_, out, profile, engine, jurisdiction, year)


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
