"""`jixiao audit FILE...`: every rule of the catalogue on each document; findings grouped by tier."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from jixiao.audit.engine import audit_document
from jixiao.cli import app
from jixiao.cli.common import console, documents_or_fail, fail, print_reading, profile_or_fail
from jixiao.core.finding import Finding, Tier
from jixiao.render.findings import audit_report, summary_line, to_html, to_markdown, to_xlsx


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    MD = "md"
    XLSX = "xlsx"
    HTML = "html"


def _print_table(findings: list[Finding]) -> None:
    for tier in Tier:
        group = [f for f in findings if f.tier is tier]
        if not group:
            continue
        table = Table(title=f"{tier.label}（{len(group)} 项）", show_lines=False, title_justify="left")
        for column in ("位置", "问题", "规则"):
            table.add_column(column)
        for f in group:
            table.add_row(f.location.describe(), f.message, f.rule)
        console.print(table)


@app.command("audit")
def audit_command(
    files: list[Path] = typer.Argument(..., help="要审核的文档（.txt/.md/.docx/.doc/.xlsx/.pdf），或一个文件夹（审核其下全部文档）"),
    profile_name: str = typer.Option("central", "--profile", "-p", help="地区配置"),
    output: Format = typer.Option(Format.TABLE, "--format", "-f", help="table、json、md、xlsx 或 html"),
    out: Path | None = typer.Option(None, "--out", "-o", help="输出文件（xlsx 必须指定）；审核文件夹时为结果文件夹"),
    only: list[str] = typer.Option([], "--only", help="只运行这些规则（编号、规则族、标签或等级）"),
    skip: list[str] = typer.Option([], "--skip", help="跳过这些规则（编号、规则族、标签或等级）"),
    kind: str = typer.Option("", "--kind", help="文档类型（无法自动识别时指定）"),
    year: int = typer.Option(0, "--year", help="年度（无法自动识别时指定）"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="审核文件夹时的并行进程数（默认：全部处理器核）"),
    engine: str = typer.Option("process", "--engine", help="审核文件夹时的引擎：process（本机进程池）或 spark"),
) -> None:
    """审核文档：表内表间勾稽、说明与表一致、自评计分、覆盖面；每个问题给出位置和证据。

    给出一个文件夹时，逐个读取并审核其下全部文档（多进程并行，显示进度，可中断后继续），
    结果写为 Parquet 和 Excel 汇总（按单位、文档类型、规则）。"""
    if any(path.is_dir() for path in files):
        from jixiao.cli.audit_folder import audit_folder

        if len(files) > 1:
            fail("审核文件夹时只能给出一个文件夹（其下的文档都会被审核）")
        if output is not Format.TABLE:
            fail("审核文件夹时结果固定写为 Parquet 和 Excel 汇总，不需要指定格式")
        audit_folder(files[0], out, profile_name, only, skip, kind, year, jobs, engine)
        return
    profile = profile_or_fail(profile_name)
    if output is Format.XLSX and out is None:
        fail("xlsx 格式需要用 --out 指定输出文件")
    docs = documents_or_fail(files, kind, year)
    results = [audit_document(doc, profile, only, skip) for doc in docs]
    findings: list[Finding] = [f for result in results for f in result.findings]
    coverages = [r.coverage for r in results if r.coverage is not None]
    paths = [d.path for d in docs]
    if output is Format.JSON:
        text = json.dumps(audit_report(docs, results), ensure_ascii=False, indent=2)
    elif output is Format.MD:
        text = to_markdown(paths, findings, coverages)
    elif output is Format.HTML:
        text = to_html(paths, findings, coverages)
    elif output is Format.XLSX:
        assert out is not None
        to_xlsx(findings, out, coverages)
        console.print(f"已写出 {out}（{len(findings)} 项）")
        return
    else:
        for cov in coverages:
            print_reading(cov)
        _print_table(findings)
        console.print(summary_line(findings, coverages), markup=False, highlight=False)
        return
    if out is not None:
        out.write_text(text, encoding="utf-8")
        console.print(f"已写出 {out}（{len(findings)} 项）")
    else:
        typer.echo(text)
