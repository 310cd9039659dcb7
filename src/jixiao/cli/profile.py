"""`jixiao profile [NAME] --explain`: the jurisdiction profile's keys, values and their basis."""

from __future__ import annotations

import typer
from rich.table import Table

from jixiao.cli import app
from jixiao.cli.common import console, fail
from jixiao.core.profile import ProfileError, explain
from jixiao.profiles import available, load_profile


@app.command("profile")
def profile_command(
    name: str = typer.Argument("central", help="配置名称或 .toml 路径"),
    explain_keys: bool = typer.Option(False, "--explain", help="列出每个配置项及其说明"),
) -> None:
    """显示地区配置（阈值、权重、等次）。"""
    try:
        profile = load_profile(name)
    except ProfileError as exc:
        fail(str(exc))
    if not explain_keys:
        console.print(f"{profile.name}：{profile.title}（可用：{'、'.join(available())}）")
        return
    table = Table(title=f"配置 {profile.name}：{profile.title}")
    for column in ("配置项", "取值", "说明", "依据"):
        table.add_column(column)
    for key, value, doc, basis in explain(profile):
        table.add_row(key, str(value), doc, basis)
    console.print(table)
