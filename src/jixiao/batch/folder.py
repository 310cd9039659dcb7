"""`jixiao audit DIR/`: every document below a folder read and audited as `jixiao audit FILE` does, in a process
pool (or on Spark, jixiao.batch.folder_spark), resumable.

The state is OUT/state.jsonl: a first line with the run's settings, then one line per audited document — its path
relative to the folder, its content hash (SHA-256), its findings and reading report. The parent appends a line as
each result arrives (flushed), so an interrupted run loses at most the documents in flight; a new run over the same
folder and output skips every (path, hash) already recorded, and a file whose content changed is audited again.
jixiao.batch.folder_output turns the records into Parquet and the workbook.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

STATE = "state.jsonl"
STATE_VERSION = 1
UNREADABLE = "unreadable"
AUDITED = "audited"


class FolderError(Exception):
    """Bad input for a folder audit, in Chinese (no such folder, nothing to read, a state of other settings)."""


@dataclass(frozen=True)
class Settings:
    """What decides a document's result besides its content: the same settings give the same findings."""

    profile: str = "central"
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    kind: str = ""
    year: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"profile": self.profile, "only": list(self.only), "skip": list(self.skip), "kind": self.kind,
                "year": self.year}

    def describe(self) -> str:
        parts = [f"地区配置 {self.profile}"]
        if self.only:
            parts.append(f"只运行 {'、'.join(self.only)}")
        if self.skip:
            parts.append(f"跳过 {'、'.join(self.skip)}")
        if self.kind:
            parts.append(f"文档类型 {self.kind}")
        if self.year:
            parts.append(f"年度 {self.year}")
        return "，".join(parts)


@dataclass(frozen=True)
class Task:
    root: str
    path: str  # relative to root, '/'-separated
    sha256: str
    settings: Settings


@dataclass
class Plan:
    """The documents found below the folder: those to audit and those already audited (same path and hash)."""

    root: Path
    out: Path
    settings: Settings
    files: list[tuple[str, str]]  # (relative path, sha256) of every document, sorted
    pending: list[Task]
    done: set[tuple[str, str]] = field(default_factory=set)  # audited by an earlier run
    failed: list[dict[str, Any]] = field(default_factory=list)  # could not even be opened to hash (retried next run)


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def documents_below(root: Path, out: Path | None = None) -> list[Path]:
    """Every regular file below `root`, sorted; hidden files and folders, Office lock files (~$…) and the output
    folder left out."""
    skip = out.resolve() if out is not None else None
    found = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (skip is None or (here / d).resolve() != skip))
        found += [here / name for name in sorted(files) if not name.startswith((".", "~$"))]
    return found


def iter_state(out: Path) -> Iterator[dict[str, Any]]:
    """The settings line and the document records of OUT/state.jsonl, one at a time; a line cut short by an
    interruption is ignored (and cut off by StateWriter before anything is appended)."""
    path = out / STATE
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.endswith("\n"):
                return
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def read_state(out: Path) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The settings line and every document record of OUT/state.jsonl."""
    header = None
    records = []
    for item in iter_state(out):
        if "settings" in item:
            header = item
        elif "sha256" in item:
            records.append(item)
    return header, records


def plan(root: Path, out: Path, settings: Settings) -> Plan:
    if not root.exists():
        raise FolderError(f"文件夹不存在：{root}")
    if not root.is_dir():
        raise FolderError(f"不是文件夹：{root}")
    paths = documents_below(root, out)
    if not paths:
        raise FolderError(f"文件夹 {root} 下没有任何文件")
    header = None
    done: set[tuple[str, str]] = set()
    for item in iter_state(out):
        if "settings" in item:
            header = item
        elif "sha256" in item:
            key = (item["path"], item["sha256"])
            if item.get("retry"):
                done.discard(key)
            else:
                done.add(key)
    if header is not None and header["settings"] != settings.to_dict():
        old = header["settings"]
        previous = Settings(old.get("profile", ""), tuple(old.get("only", ())), tuple(old.get("skip", ())),
                            old.get("kind", ""), old.get("year", 0))
        raise FolderError(f"输出文件夹 {out} 中已有按另一设置（{previous.describe()}）完成的审核记录；"
                          f"请换一个输出文件夹，或删除其中的 {STATE} 后重新审核")
    files = []
    pending = []
    failed = []
    for path in paths:
        relative = path.relative_to(root).as_posix()
        try:
            digest = _hash(path)
        except OSError as exc:
            files.append((relative, ""))
            failed.append(unreadable_record(relative, "", f"无法打开文件（{exc.strerror or exc}）", retry=True))
            continue
        files.append((relative, digest))
        if (relative, digest) not in done:
            pending.append(Task(str(root), relative, digest, settings))
    return Plan(root, out, settings, files, pending, done & set(files), failed)


class StateWriter:
    """Appends records to OUT/state.jsonl, one line each, flushed as written."""

    def __init__(self, out: Path, settings: Settings) -> None:
        out.mkdir(parents=True, exist_ok=True)
        path = out / STATE
        fresh = not path.is_file() or path.stat().st_size == 0
        if not fresh:
            _cut_partial_line(path)
        self._handle = path.open("a", encoding="utf-8")
        if fresh:
            self._write({"settings": settings.to_dict(), "version": STATE_VERSION})

    def _write(self, item: dict[str, Any]) -> None:
        self._handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        self._handle.flush()

    def add(self, record: dict[str, Any]) -> None:
        self._write(record)

    def close(self) -> None:
        self._handle.close()


def _cut_partial_line(path: Path) -> None:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)


def unreadable_record(path: str, sha256: str, reason: str, seconds: float = 0.0, retry: bool = False,
                      cpu: float = 0.0) -> dict[str, Any]:
    """A document that could not be read, with the Chinese reason; `retry` when the cause may not be the file
    (an unexpected error, a worker that died): the next run audits it again."""
    return {"path": path, "sha256": sha256, "status": UNREADABLE, "reason": reason, "kind": "", "unit": "",
            "year": None, "notes": [], "findings": [], "coverage": None, "seconds": seconds, "cpu": cpu,
            "pid": os.getpid(), "retry": retry}


@cache
def _profile(name: str) -> Any:
    from jixiao.profiles import load_profile

    return load_profile(name)


def finding_row(finding: Any) -> dict[str, Any]:
    """A finding as one flat record (its to_dict with the location spread into columns, related as JSON)."""
    item: dict[str, Any] = finding.to_dict()
    location = item.pop("location")
    related = item.pop("related")
    return item | {"document": location["document"], "section": location["section"], "table": location["table"],
                   "project": location["project"], "row": location["row"], "column": location["column"],
                   "line": location["line"], "page": location["page"],
                   "related": json.dumps(related, ensure_ascii=False)}


def audit_task(task: Task) -> dict[str, Any]:
    """Read and audit one document exactly as `jixiao audit FILE` does; never raises (a failure is a record with
    its Chinese reason)."""
    from jixiao.audit.engine import audit_document
    from jixiao.core.model import DocumentKind
    from jixiao.ingest.pipeline import load_document, parse_kind

    started, cpu = time.perf_counter(), time.process_time()
    settings = task.settings
    path = Path(task.root) / task.path
    try:
        kind: DocumentKind | None = parse_kind(settings.kind) if settings.kind else None
        doc, errors = load_document(path, kind=kind, year=settings.year or None)
        if doc is None:
            return unreadable_record(task.path, task.sha256, str(errors[0]) if errors else "无法读取",
                                     time.perf_counter() - started, cpu=time.process_time() - cpu)
        result = audit_document(doc, _profile(settings.profile), settings.only, settings.skip)
    except Exception as exc:  # one bad file never stops the run; the reason is kept with the file
        return unreadable_record(task.path, task.sha256, f"读取或审核时出错（{type(exc).__name__}：{exc}）",
                                 time.perf_counter() - started, retry=True,
                                 cpu=time.process_time() - cpu)
    return {"path": task.path, "sha256": task.sha256, "status": AUDITED, "reason": "", "kind": doc.kind.value,
            "unit": doc.unit or "", "year": doc.year, "notes": [str(e) for e in errors],
            "findings": [finding_row(f) for f in result.findings],
            "coverage": result.coverage.to_dict() if result.coverage is not None else None,
            "seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "pid": os.getpid()}


def _pool_context() -> Any:
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["jixiao.batch.folder", "jixiao.audit.engine", "jixiao.ingest.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


def results(tasks: list[Task], jobs: int) -> Iterator[dict[str, Any]]:
    """Each task's record as it completes: in this process for one job, else in a pool of `jobs` processes."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield audit_task(task)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=_pool_context()) as pool:
        futures = {pool.submit(audit_task, task): task for task in tasks}
        try:
            for future in as_completed(futures):
                try:
                    yield future.result()
                except Exception as exc:  # the worker process died (killed, out of memory)
                    task = futures[future]
                    yield unreadable_record(task.path, task.sha256, f"审核进程意外退出（{type(exc).__name__}）",
                                            retry=True)
        finally:
            for future in futures:
                future.cancel()


def run(work: Plan, records: Iterable[dict[str, Any]],
        on_record: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Append each record to the state as it arrives (the files that could not be opened first). The records are
    not kept: jixiao.batch.folder_output reads them back from the state, so memory does not grow with the folder."""
    writer = StateWriter(work.out, work.settings)
    try:
        for record in work.failed:
            writer.add(record)
        for record in records:
            writer.add(record)
            if on_record is not None:
                on_record(record)
    finally:
        writer.close()
