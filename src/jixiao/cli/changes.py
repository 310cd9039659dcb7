"""`jixiao changes --since DATE --until DATE`: who changed which project, indicator or fund source in a period,
as a table or an Excel file. The operator's view: every unit."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli.common import console, fail

FORMATS = ("table", "xlsx")


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option} 的日期“{text}”无效，格式应为 年-月-日（例如 2025-03-31）")


@app.command("changes")
def changes_command(
    since: str = typer.Option("", "--since", help="开始日期（含），默认 30 天前"),
    until: str = typer.Option("", "--until", help="结束日期（含），默认今天"),
    user: str = typer.Option("", "--user", help="只看该用户的修改"),
    output_format: str = typer.Option("table", "--format", help="table（终端表格）或 xlsx"),
    out: Path | None = typer.Option(None, "--out", help="xlsx 的输出文件"),
) -> None:
    """修改记录：某段时间内谁修改了哪些项目、绩效指标和资金来源（修改前 → 修改后）。"""
    if output_format not in FORMATS:
        fail(f"未知的输出格式“{output_format}”（可选：{'、'.join(FORMATS)}）")
    if output_format == "xlsx" and out is None:
        fail("输出 xlsx 时须用 --out 指定文件")
    from jixiao.cli.serve import django_setup

    django_setup()
    from django.db import DatabaseError
    from django.utils import timezone

    from jixiao.render.changes import write_changes
    from jixiao.store.changes import ChangeLog, day_range

    today = timezone.localdate()
    start = _date(since, "--since") if since else today - timedelta(days=30)
    end = _date(until, "--until") if until else today
    if start > end:
        fail("开始日期不能晚于结束日期")
    title = f"修改记录 {start:%Y-%m-%d} 至 {end:%Y-%m-%d}" + (f"（修改人 {user}）" if user else "")
    try:
        rows = ChangeLog(None, *day_range(start, end), username=user).all()
    except DatabaseError as exc:
        fail(f"无法读取数据库（{type(exc).__name__}）；请检查 JIXIAO_DATABASE_URL，或先运行 jixiao manage migrate")
    if output_format == "xlsx":
        assert out is not None
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(write_changes(rows, title))
        console.print(f"{title}：{len(rows)} 条，已写入 {out}", highlight=False)
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{title}：{len(rows)} 条", show_lines=True)
    for column in ("时间", "修改人", "单位", "项目", "对象", "操作", "内容（修改前 → 修改后）"):
        table.add_column(column)
    for c in rows:
        content = "\n".join(f"{f.label}：{f.before or '（空）'} → {f.after or '（空）'}" for f in c.fields)
        cells = (c.at.strftime("%Y-%m-%d %H:%M:%S"), c.user or "系统", c.unit, c.project, f"{c.kind}：{c.name}",
                 c.operation + (f"（{c.reason}）" if c.reason else ""), content)
        table.add_row(*map(escape, cells))  # user text such as "[red]" is shown, not interpreted
    console.print(table, highlight=False)
