"""`jixiao backup FILE` and `jixiao restore FILE`: the whole database to one file and back."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.backup import BackupError, backup, restore
from jixiao.cli import app
from jixiao.cli.common import console, fail
from jixiao.config import get_settings


def _url(database_url: str) -> str:
    return database_url or get_settings().resolved_database_url


@app.command("backup")
def backup_command(
    target: Path = typer.Argument(..., help="备份文件路径"),
    database_url: str = typer.Option("", "--database-url", help="数据库地址；默认取 JIXIAO_DATABASE_URL"),
) -> None:
    """备份整个数据库（SQLite 或 PostgreSQL）到一个文件。"""
    try:
        written = backup(_url(database_url), target)
    except BackupError as exc:
        fail(str(exc))
    console.print(f"已备份到 {written}（{written.stat().st_size:,} 字节）")


@app.command("restore")
def restore_command(
    source: Path = typer.Argument(..., help="备份文件路径"),
    database_url: str = typer.Option("", "--database-url", help="数据库地址；默认取 JIXIAO_DATABASE_URL"),
    yes: bool = typer.Option(False, "--yes", help="确认用备份覆盖当前数据库"),
) -> None:
    """用备份文件覆盖当前数据库的全部内容。"""
    if not yes:
        fail("恢复会覆盖当前数据库的全部内容；确认无误后加 --yes 再运行")
    try:
        restore(_url(database_url), source)
    except BackupError as exc:
        fail(str(exc))
    _renew_figures()
    console.print(f"已从 {source} 恢复数据库")


def _renew_figures() -> None:
    """Figures cached by a server on the data directory were computed from the database replaced: renew every
    version stamp, so that the next request computes them from what was restored."""
    from jixiao.cli.serve import django_setup

    django_setup()
    from jixiao.store.stamps import renew_everything

    renew_everything()
