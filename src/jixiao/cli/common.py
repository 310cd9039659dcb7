"""What every command shares: the console, Chinese one-line errors, exit codes."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

if TYPE_CHECKING:
    from jixiao.core.coverage import Coverage
    from jixiao.core.profile import Profile
    from jixiao.ingest.pipeline import Document

# Wide tables stay readable when output goes to a file or a pipe (rich falls back to 80 columns there).
console = Console(width=None if sys.stdout.isatty() else 180)
err_console = Console(stderr=True, width=None if sys.stderr.isatty() else 180)


def counting_bar(what: str, out: Console = console) -> Progress:
    """The one progress bar of the CLI for work counted in items: what it does, done of all, time used and left."""
    return Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TextColumn("已用"), TimeElapsedColumn(),
                    TextColumn("剩余"), TimeRemainingColumn(), console=out)

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    """Print one Chinese line to stderr and exit with `code` (never a traceback)."""
    err_console.print(f"[red]错误：[/red]{escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def profile_or_fail(name: str) -> Profile:
    """The named jurisdiction profile, or a one-line Chinese error."""
    from jixiao.core.profile import ProfileError
    from jixiao.profiles import load_profile

    try:
        return load_profile(name)
    except ProfileError as exc:
        fail(str(exc))


def _with_option(message: str) -> str:
    """The reader's messages say what to specify; on the command line that is an option."""
    from jixiao.core.model import DocumentKind

    kinds = "、".join(k.label for k in DocumentKind)  # --kind takes these Chinese names
    message = re.sub(r"请指明文档类型（[^）]*）", f"请用 --kind 指明文档类型（{kinds}）", message)
    return message.replace("请指明年度", "请用 --year 指明年度")


def documents_or_fail(files: list[Path], kind: str, year: int) -> list[Document]:
    """Every file read and identified (warnings printed), or a one-line Chinese error for the first that is not."""
    from jixiao.ingest.pipeline import load_document, parse_kind

    doc_kind = parse_kind(kind) if kind else None
    if kind and doc_kind is None:
        fail(f"未知的文档类型“{kind}”")
    docs = []
    for path in files:
        doc, errors = load_document(path, kind=doc_kind, year=year or None)
        if doc is None:
            fail(_with_option(str(errors[0])))
        for error in errors:
            err_console.print(f"[yellow]注意：[/]{_with_option(str(error))}", highlight=False)
        docs.append(doc)
    return docs


def print_reading(cov: Coverage, target: Console = console) -> None:
    """A document's reading report as one compact Chinese block (what was read, checked, and not)."""
    from jixiao.render.findings import reading_lines

    for line in reading_lines(cov):
        target.print(line, markup=False, highlight=False, soft_wrap=True)
