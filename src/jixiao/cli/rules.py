"""`jixiao rules [--format md]`: the rule catalogue — the documentation of every check."""

from __future__ import annotations

from enum import StrEnum

import typer
from rich.table import Table

from jixiao.audit.catalogue import Rule, select
from jixiao.cli import app
from jixiao.cli.common import console
from jixiao.core.finding import TIER_GUIDE


class Format(StrEnum):
    TABLE = "table"
    MD = "md"


def catalogue_markdown(rules: list[Rule]) -> str:
    lines = ["# jixiao 审核规则目录", "", "由 `jixiao rules --format md` 生成。等级：确定（error）、疑似（warning）、提示（notice）。", "",
             TIER_GUIDE]
    family = ""
    for r in rules:
        if r.family != family:
            family = r.family
            lines += [f"## {family}", ""]
        lines += [f"### `{r.id}` {r.title}", "",
                  f"- 等级：{r.tier.label}（{r.tier.value}）；分类：{r.category}；依据：{r.basis}；适用：{r.subject}"
                  + (f"；配置项：{'、'.join(r.params)}" if r.params else ""), ""]
        if r.doc:
            lines += [r.doc, ""]
    return "\n".join(lines)


@app.command("rules")
def rules_command(
    output: Format = typer.Option(Format.TABLE, "--format", "-f", help="table 或 md"),
    only: list[str] = typer.Option([], "--only", help="只列出这些规则（编号、规则族、标签或等级）"),
) -> None:
    """列出审核规则目录。"""
    rules = select(only)
    if output is Format.MD:
        typer.echo(catalogue_markdown(rules))
        return
    table = Table(title=f"审核规则（{len(rules)} 条）")
    for column in ("编号", "等级", "分类", "名称", "依据"):
        table.add_column(column)
    for r in rules:
        table.add_row(r.id, r.tier.label, r.category, r.title, r.basis)
    console.print(table)
