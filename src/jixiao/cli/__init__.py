"""The `jixiao` command. Each command lives in its own module and registers itself on `app`."""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path
from typing import NoReturn

import typer

from jixiao.extras import extra_for, missing_extra

app = typer.Typer(
    name="jixiao",
    help="jixiao 绩效：预算绩效管理（自评计分、审核、报告、批量）。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# One module per command; each defines its command(s) with @app.command().
COMMAND_MODULES = [
    "jixiao.cli.score",
    "jixiao.cli.profile",
    "jixiao.cli.demo",
    "jixiao.cli.backup",
    "jixiao.cli.audit",
    "jixiao.cli.rules",
    "jixiao.cli.batch",
    "jixiao.cli.report",
    "jixiao.cli.report_documents",
    "jixiao.cli.serve",
    "jixiao.cli.import_",
    "jixiao.cli.changes",
]


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name)


def main() -> None:
    try:
        _register()
        app()
    except ModuleNotFoundError as exc:
        if (extra := extra_for(exc)) is None:
            _internal_error(exc)
        sys.stderr.write(f"错误：{missing_extra(extra)}\n")
        sys.exit(2)
    except Exception as exc:
        _internal_error(exc)


def _internal_error(exc: Exception) -> NoReturn:
    """Never a traceback to a user: one Chinese line, the details in a log file."""
    log = Path.home() / ".jixiao" / "error.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
        where = f"详细信息已写入 {log}"
    except OSError:
        where = "无法写入错误日志"
    sys.stderr.write(f"错误：jixiao 内部错误（{type(exc).__name__}）。{where}，请连同命令报告给维护者。\n")
    sys.exit(1)
