"""`jixiao report disclosure --data LEDGER.json --out DIR`: the 部门决算公开 package computed from ledger data,
released only through the gate (read back by jixiao's own ingest and audited)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import typer
from rich.table import Table

from jixiao.cli import app
from jixiao.cli.common import console, fail, profile_or_fail
from jixiao.cli.releasing import explanations_or_fail
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.render import blocks as writers
from jixiao.render.disclosure import build
from jixiao.render.gate import check, record, same_tables
from jixiao.render.ledger_json import LedgerError, load_ledger

report_app = typer.Typer(help="生成正式文档（经发布前审核）。", no_args_is_help=True)
app.add_typer(report_app, name="report")


@report_app.command("disclosure")
def disclosure_command(
    data: Path = typer.Option(..., "--data", help="台账数据（JSON，格式见 jixiao.render.ledger_json）"),
    out: Path = typer.Option(..., "--out", help="输出文件夹"),
    profile: str = typer.Option("central", "--profile"),
    explain: Path | None = typer.Option(None, "--explain", help="疑似问题的书面说明（JSON：指纹 → 说明）"),
) -> None:
    """生成部门决算公开（公开01–10 表 .xlsx、含情况说明的 .docx），读回审核通过后才发布。"""
    rules = profile_or_fail(profile)
    try:
        ledger = load_ledger(data)
    except LedgerError as exc:
        fail(str(exc))
    explanations = explanations_or_fail(explain)
    blocks = build(ledger)
    name = f"{ledger.department}{ledger.year}年度部门决算公开"
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp)
        docx_path = writers.to_docx(blocks, draft / f"{name}.docx", name)
        xlsx_path = writers.to_xlsx([b for b in blocks if not isinstance(b, writers.Para) or "公开" in b.text
                                     or "单位" in b.text], draft / f"{name}（公开01-10表）.xlsx")
        result = check(docx_path, rules, explanations)
        workbook, errors = load_document(xlsx_path)
        differences = same_tables(result.document, workbook) if result.document and workbook else [
            str(e) for e in errors]
        problems = [f for f in result.findings if f.tier is not Tier.NOTICE]
        if problems:
            table = Table(title="发布前审核发现的问题", title_justify="left")
            for column in ("等级", "位置", "问题", "指纹"):
                table.add_column(column)
            for f in problems:
                table.add_row(f.tier.label, f.location.describe(), f.message, f.fingerprint)
            console.print(table)
        for difference in differences:
            console.print(f"[red]Excel 与 Word 中的表不一致：[/]{difference}", highlight=False)
        if not result.released or differences:
            fail("未通过发布前审核：存在“确定”问题，或“疑似”问题缺少书面说明（用 --explain 提供）；文档未发布")
        out.mkdir(parents=True, exist_ok=True)
        for path in (docx_path, xlsx_path):
            shutil.copy2(path, out / path.name)
        record(result, out / docx_path.name, explanations)
    console.print(f"已通过发布前审核并写出：{out / docx_path.name}、{out / xlsx_path.name}")
