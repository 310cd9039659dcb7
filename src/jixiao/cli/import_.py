"""`jixiao import-projects FILE.xlsx --user NAME`: the project-library template into the database, all or nothing,
as that user (the same reader, access rules and store transaction as the web import)."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli.common import console, err_console, fail

MAX_LISTED = 50  # errors printed before "… and N more"


def _database_ready() -> None:
    """Fail with one Chinese line when the database cannot be reached or is not migrated."""
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        fail(f"无法连接数据库（{type(exc).__name__}）；请检查 JIXIAO_DATABASE_URL")
    if pending:
        fail("数据库尚未初始化或需要升级：请先运行 jixiao manage migrate")


@app.command("import-projects")
def import_projects_command(
    file: Path = typer.Argument(..., help="填好的项目库导入模板（.xlsx）"),
    user: str = typer.Option(..., "--user", help="以该用户的身份和权限导入（须为单位、主管部门或财政账户）"),
) -> None:
    """导入项目库模板：全部成功或全部不导入；有误时逐项列出工作表、行、列和原因。"""
    if not file.is_file():
        fail(f"文件 {file} 不存在")
    from jixiao.cli.serve import django_setup

    django_setup()
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from jixiao.ingest.project_template import read_project_rows
    from jixiao.store.access import scope_units
    from jixiao.store.errors import ServiceError
    from jixiao.store.projects import import_problems, import_projects

    _database_ready()
    actor = get_user_model().objects.filter(username=user, is_active=True).first()
    if actor is None:
        fail(f"用户“{user}”不存在或已停用")
    if not scope_units(actor).exists():
        fail(f"用户“{user}”的角色不能导入项目（须为单位、主管部门或财政账户）")

    started = time.perf_counter()
    with err_console.status(f"正在读取 {file.name} …"):
        rows, errors = read_project_rows(file)
        errors += import_problems(rows, actor)  # every problem in one pass
    if errors:
        for error in errors[:MAX_LISTED]:
            err_console.print(f"[red]错误：[/red]{error}", highlight=False, soft_wrap=True)
        if len(errors) > MAX_LISTED:
            err_console.print(f"…… 另有 {len(errors) - MAX_LISTED} 处错误未列出", highlight=False)
        fail(f"{file.name} 有 {len(errors)} 处错误，整份文件未导入")

    progress = Progress(TextColumn("写入项目"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err_console, transient=True)
    try:
        with progress:
            task = progress.add_task("import", total=len(rows))
            created, updated = import_projects(rows, actor, progress=lambda n: progress.update(task, completed=n))
    except ServiceError as exc:
        fail(f"{exc}；整份文件未导入")
    except DatabaseError as exc:
        fail(f"数据库写入失败（{type(exc).__name__}：{str(exc).strip().splitlines()[0] if str(exc).strip() else ''}），"
             "整份文件未导入")
    console.print(f"导入完成：新增 {created} 个项目，更新 {updated} 个项目（{file.name}，用时 "
                  f"{time.perf_counter() - started:.1f} 秒）", highlight=False)
