"""`jixiao audit DIR/`: every document below a folder, in a process pool or on Spark, with a progress bar on stderr;
resumable (documents already audited are skipped by content hash); results as Parquet and a workbook."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jixiao.cli.common import console, counting_bar, err_console, fail, profile_or_fail
from jixiao.extras import require

ENGINES = ("process", "spark")


def default_out(folder: Path) -> Path:
    return folder.resolve().parent / f"{folder.resolve().name}_审核结果"


def audit_folder(folder: Path, out: Path | None, profile_name: str, only: list[str], skip: list[str], kind: str,
                 year: int, jobs: int, engine: str) -> None:
    if message := require("batch"):
        fail(message)
    from jixiao.batch import folder as bulk
    from jixiao.batch import folder_output
    from jixiao.ingest.pipeline import parse_kind

    if engine not in ENGINES:
        fail(f"引擎须为 {'、'.join(ENGINES)} 之一")
    if jobs < 0:
        fail("并行进程数须为正数")
    if kind and parse_kind(kind) is None:
        fail(f"未知的文档类型“{kind}”")
    profile_or_fail(profile_name)
    out = out if out is not None else default_out(folder)
    if folder.exists() and out.resolve() == folder.resolve():
        fail("结果目录不能是被审核的文件夹本身，请用 --out 另选一个目录")
    if out.exists() and not out.is_dir():
        fail(f"结果文件夹 {out} 已存在且不是文件夹")
    settings = bulk.Settings(profile_name, tuple(only), tuple(skip), kind, year)
    try:
        work = bulk.plan(folder, out, settings)
    except bulk.FolderError as exc:
        fail(str(exc))
    jobs = jobs or os.cpu_count() or 1
    skipped = len(work.done)
    if skipped:
        err_console.print(f"已审核过 {skipped:,} 个文档（内容未变，跳过），本次审核 {len(work.pending):,} 个。", highlight=False)
    unreadable = 0

    def counted(record: dict[str, Any]) -> None:
        nonlocal unreadable
        unreadable += record["status"] == bulk.UNREADABLE
        bar.advance(task)

    with counting_bar("审核文档", err_console) as bar:
        task = bar.add_task("audit", total=len(work.pending))
        try:
            if engine == "spark":
                if message := require("spark"):
                    fail(message)
                from jixiao.batch import folder_spark

                records = folder_spark.results(work.pending, jobs)
            else:
                records = bulk.results(work.pending, jobs)
            bulk.run(work, records, counted)
        except KeyboardInterrupt:
            bar.stop()
            fail(f"已中断。已完成的审核记录保存在 {out / bulk.STATE}；再次运行同一命令将跳过已审核的文档，从中断处继续。",
                 code=130)
    written = folder_output.write(out, work.files)
    tiers = "、".join(f"{label} {written.tiers[tier]:,} 项" for tier, label in folder_output.TIER_LABELS.items())
    console.print(f"文档 {written.documents:,} 个（本次审核 {len(work.pending):,} 个，跳过 {skipped:,} 个），"
                  f"无法读取 {written.unreadable:,} 个；问题 {written.findings:,} 项（{tiers}）。", highlight=False)
    if unreadable:
        console.print(f"本次有 {unreadable:,} 个文档无法读取，原因见“读取报告”表。", highlight=False)
    console.print(f"结果已写入 {out}（{folder_output.WORKBOOK}、{folder_output.FINDINGS}、{folder_output.DOCUMENTS}）",
                  highlight=False)
