"""What the document commands share: render each document as drafts, pass every rendition through the release
gate with a progress bar, publish only what passed, and say in Chinese what held the rest back."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from jixiao.cli.common import console, err_console, fail
from jixiao.core.profile import Profile
from jixiao.render.blocks import Block
from jixiao.render.fonts import cjk_font, missing_font_hint
from jixiao.render.gate import Verify
from jixiao.render.release import Release, parse_formats, publish, release

# The options every document command takes.
OutOption = Annotated[Path, typer.Option("--out", help="输出文件夹")]
ProfileOption = Annotated[str, typer.Option("--profile", help="地区配置")]
ExplainOption = Annotated[Path | None, typer.Option("--explain", help="疑似问题的书面说明（JSON：指纹 → 说明）")]
FormatsOption = Annotated[str, typer.Option("--format", help="输出格式：docx、pdf，多个用逗号分隔")]


@dataclass(frozen=True)
class Job:
    """One document to generate: its name, how to build it, and how to check what reads back."""

    label: str  # shown in the progress bar and the result table
    title: str
    stem: str  # file name without suffix
    blocks: Callable[[], list[Block]]
    verify: Verify | None = None
    figures: str = ""  # the computed result shown in the table, e.g. '94.00 分 优'


def explanations_or_fail(path: Path | None) -> dict[str, str]:
    """Written explanations of warnings (JSON: fingerprint → reason), or a one-line Chinese error."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        fail(f"说明文件 {path.name} 无法读取：{exc}")
    if not isinstance(data, dict):
        fail(f"说明文件 {path.name} 应为 {{指纹: 说明}} 的 JSON 对象")
    return {str(k): str(v) for k, v in data.items()}


def formats_or_fail(text: str) -> tuple[str, ...]:
    chosen = parse_formats(text)
    if chosen is None:
        fail(f"未知的输出格式“{text}”：可选 docx、pdf，多个用逗号分隔（如 docx,pdf）")
    if "pdf" in chosen:
        from jixiao.render.pdf import unavailable

        if reason := unavailable():
            fail(f"无法生成 PDF：{reason}；可用 --format docx 只生成 Word 文档")
    return chosen


def unique_stems(jobs: Sequence[Job]) -> list[Job]:
    """Jobs whose file names do not collide (a second project of the same name gets '_2')."""
    seen: dict[str, int] = {}
    out = []
    for job in jobs:
        seen[job.stem] = seen.get(job.stem, 0) + 1
        stem = job.stem if seen[job.stem] == 1 else f"{job.stem}_{seen[job.stem]}"
        out.append(Job(job.label, job.title, stem, job.blocks, job.verify, job.figures))
    return out


def _print_problems(label: str, outcome: Release) -> None:
    table = Table(title=f"{label}：发布前审核未通过", title_justify="left")
    for column in ("等级", "位置", "问题", "指纹"):
        table.add_column(column)
    for finding in outcome.problems:
        table.add_row(finding.tier.label, finding.location.describe(), finding.message, finding.fingerprint)
    for difference in (outcome.cause, *outcome.differences) if outcome.cause else outcome.differences:
        table.add_row("确定", "", difference, "")
    console.print(table)


def run_jobs(jobs: Sequence[Job], out: Path, formats: Sequence[str], profile: Profile,
             explanations: dict[str, str], what: str) -> None:
    """Generate, check and publish every job; exit 2 (with a Chinese line) when any was held back."""
    if cjk_font() is None:  # only Word was asked for (a PDF would have been refused): it goes without charts
        err_console.print(f"[yellow]注意：[/]{missing_font_hint()}", highlight=False)
    jobs = unique_stems(jobs)
    outcomes: list[tuple[Job, Release]] = []
    with tempfile.TemporaryDirectory() as tmp, Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err_console, transient=True) as progress:
        task = progress.add_task(f"生成并审核{what}", total=len(jobs))
        for job in jobs:
            progress.update(task, description=f"生成并审核：{job.label}")
            outcome = release(job.blocks(), job.title, job.stem, Path(tmp), formats, profile, explanations,
                              job.verify)
            if outcome.released:
                publish(outcome, out, explanations)
            outcomes.append((job, outcome))
            progress.advance(task)
    summary = Table(title=f"{what}（{len(jobs)} 份）", title_justify="left")
    for column in ("文档", "核定结果", "审核", "文件"):
        summary.add_column(column)
    for job, outcome in outcomes:
        files = "、".join(f"{job.stem}.{f}" for f in formats) if outcome.released else "—"
        summary.add_row(job.label, job.figures, "已发布" if outcome.released else "[red]未发布[/]", files)
    console.print(summary)
    held = [(job, outcome) for job, outcome in outcomes if not outcome.released]
    for job, outcome in held:
        _print_problems(job.label, outcome)
    if held:
        fail(f"{len(held)} 份{what}未通过发布前审核（存在“确定”问题，或“疑似”问题缺少书面说明，可用 --explain 提供），"
             f"未发布；已发布 {len(outcomes) - len(held)} 份")
    console.print(f"已通过发布前审核并写出 {len(outcomes)} 份{what}到 {out}")
