"""`jixiao rules [--format md]`: the rule catalogue — the documentation of every check."""

from __future__ import annotations

from enum import StrEnum

import typer
from rich.table import Table

from jixiao.audit.catalogue import Rule, select
from jixiao.cli import app
from jixiao.cli.common import console
from jixiao.cli.rule_examples import Example, example
from jixiao.core.finding import TIER_GUIDE


class Format(StrEnum):
    TABLE = "table"
    MD = "md"


def _shown(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def example_line(found: Example | None) -> str:
    """'- 示例：在示例文档 package.txt 中把“…”改为“…”，报告（确定）：…' — the message of a real run."""
    if found is None or found.finding is None:
        return "- 示例：无（examples.toml 未给出或植入的错误未被发现）"
    change = ""
    if not found.cut and len(found.replace) == 1 and all(len(t) <= 80 and "\n" not in t for t in found.replace[0]):
        old, new = found.replace[0]
        change = f"中把“{_shown(old)}”改为“{_shown(new)}”"
    else:
        change = f"中植入 {len(found.replace) + len(found.cut)} 处改动（见 data/rule_examples/examples.toml）"
    return (f"- 示例：在示例文档 `{found.document}` {change}，本规则报告（{found.finding.tier.label}）："
            f"“{found.finding.message}”")


def catalogue_markdown(rules: list[Rule]) -> str:
    lines = ["# jixiao 审核规则目录", "", "由 `jixiao rules --format md` 生成。等级：确定（error）、疑似（warning）、提示（notice）。"
             "每条规则的示例消息不是手写的：在自带的一致示例文档中植入一处错误，实际运行审核得出。", "",
             TIER_GUIDE]
    family = ""
    for r in rules:
        if r.family != family:
            family = r.family
            lines += [f"## {family}", ""]
        lines += [f"### `{r.id}` {r.title}", "",
                  f"- 等级：{r.tier.label}（{r.tier.value}）；分类：{r.category}；依据：{r.basis}；适用：{r.subject}"
                  + (f"；配置项：{'、'.join(r.params)}" if r.params else ""), example_line(example(r.id)), ""]
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
