"""`jixiao report disclosure --data LEDGER.json --out DIR`: the 部门决算公开 package computed from ledger data,
released only through the gate (read back by jixiao's own ingest and audited)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from jixiao.cli import app
from jixiao.cli.common import console, fail, profile_or_fail
from jixiao.cli.releasing import ExplainOption, OutOption, ProfileOption, explanations_or_fail
from jixiao.render.disclosure_release import release_package
from jixiao.render.gate import record
from jixiao.render.ledger_json import LedgerError, load_ledger

report_app = typer.Typer(help="生成正式文档（经发布前审核）。", no_args_is_help=True)
app.add_typer(report_app, name="report")


@report_app.command("disclosure")
def disclosure_command(
    data: Annotated[Path, typer.Option("--data", help="台账数据（JSON，格式见 jixiao.render.ledger_json）")],
    out: OutOption,
    profile: ProfileOption = "central",
    explain: ExplainOption = None,
    pdf: bool = typer.Option(True, "--pdf/--no-pdf", help="同时生成 PDF（需要 WeasyPrint）"),
) -> None:
    """生成部门决算公开（公开01–10 表 .xlsx、含情况说明的 .docx 和 .pdf），读回审核通过后才发布。"""
    rules = profile_or_fail(profile)
    try:
        ledger = load_ledger(data)
    except LedgerError as exc:
        fail(str(exc))
    explanations = explanations_or_fail(explain)
    if pdf:
        from jixiao.render.pdf import unavailable

        if reason := unavailable():
            fail(f"无法生成 PDF：{reason}；可用 --no-pdf 只生成 Word 和 Excel")
    with tempfile.TemporaryDirectory() as tmp:
        outcome = release_package(ledger, Path(tmp), rules, explanations, pdf)
        if outcome.findings:
            table = Table(title="发布前审核发现的问题", title_justify="left")
            for column in ("等级", "位置", "问题", "指纹"):
                table.add_column(column)
            for f in outcome.findings:
                table.add_row(f.tier.label, f.location.describe(), f.message, f.fingerprint)
            console.print(table)
        for difference in outcome.differences:
            console.print(f"[red]各格式读回不一致：[/]{difference}", highlight=False)
        if not outcome.released:
            fail("未通过发布前审核：存在“确定”问题，或“疑似”问题缺少书面说明（用 --explain 提供）；文档未发布")
        out.mkdir(parents=True, exist_ok=True)
        for path in outcome.renditions:
            shutil.copy2(path, out / path.name)
        record(outcome.result, out / outcome.renditions[0].name, explanations)
    console.print("已通过发布前审核并写出：" + "、".join(str(out / p.name) for p in outcome.renditions))
