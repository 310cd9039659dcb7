"""Documents per second per core for `jixiao audit DIR --jobs 2` against one process (`--jobs 1`, the baseline),
measured in the same run on the same generated folder: 决算 packages (consistent and with a planted fault) and
self-evaluation forms in every carrier of tests/carriers.py (Word, Excel .xlsx/.xls, web page, four text layouts,
PDF), copied to N documents. Each measure is the whole command in a fresh process with a fresh output folder
(start-up, hashing, the pool, Parquet and the workbook included); the two are alternated and the medians kept.

`python bench/folder_audit.py [N [ROUNDS]]` prints the section and puts it into bench/RESULTS.md; `make bench` (bench/run.py)
includes it with the default N.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "bench")]

from tests.carriers import CARRIERS, package_blocks, selfeval_blocks, write  # noqa: E402

HEADING = "## Documents in bulk (`jixiao audit DIR`)"
DOCUMENTS = 2_000
ROUNDS = 2


def make_folder(folder: Path, documents: int) -> dict[str, int]:
    """`documents` files, the 27 templates (3 documents × 9 carriers) in turn, 100 to a subfolder."""
    templates = []
    for carrier in CARRIERS:
        for stem, blocks in (("决算", package_blocks()), ("决算有误", package_blocks(fault=True)),
                             ("自评", selfeval_blocks())):
            templates.append((carrier, write(carrier, blocks, folder.parent, f"模板_{stem}")))
    counts: dict[str, int] = {}
    for n in range(documents):
        carrier, template = templates[n % len(templates)]
        target = folder / f"{n // 100:03d}" / f"{n:05d}_{template.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, target)
        counts[carrier] = counts.get(carrier, 0) + 1
    return counts


def timed(folder: Path, out: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the whole command. CPU: the command's own process (and the children it reaped)
    by getrusage, plus, for a pool, each document's CPU time as the worker measured it (pool workers are not
    children the command reaps; their start-up is left out)."""
    import polars as pl

    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "jixiao", "audit", str(folder), "--jobs", str(jobs), "--out",
                           str(out)], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode == 0, done.stderr
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if jobs > 1:
        cpu += float(pl.read_parquet(out / "documents.parquet")["cpu_seconds"].sum())
    return seconds, cpu


def report(documents: int = DOCUMENTS, rounds: int = ROUNDS) -> list[str]:
    import polars as pl

    load_before = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        counts = make_folder(folder, documents)
        times: dict[int, list[float]] = {1: [], 2: []}
        cpus: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(rounds):
            for jobs in (1, 2):
                wall, cpu = timed(folder, Path(tmp) / f"out{jobs}", jobs)
                times[jobs].append(wall)
                cpus[jobs].append(cpu)
        findings = {jobs: pl.read_parquet(Path(tmp) / f"out{jobs}" / "findings.parquet").drop("seconds", strict=False)
                    .sort("path", "fingerprint", "message") for jobs in (1, 2)}
        same = findings[1].equals(findings[2])
        unreadable = pl.read_parquet(Path(tmp) / "out2" / "documents.parquet").filter(
            pl.col("status") == "unreadable").height
    one, two = statistics.median(times[1]), statistics.median(times[2])
    cpu_one, cpu_two = statistics.median(cpus[1]), statistics.median(cpus[2])
    load_after = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    carriers = ", ".join(f"{c} {n}" for c, n in counts.items())
    return [
        HEADING,
        "",
        f"{documents:,} generated documents ({carriers}); {findings[2].height:,} findings, {unreadable} unreadable. "
        f"Whole command in a fresh process each time, fresh output folder, {rounds} alternated round(s), medians. "
        f"Load average before: {load_before}, after: {load_after} (the machine's {os.cpu_count()} cores are shared "
        "with other work, so wall-clock documents/s per core understates what an idle core does; documents per "
        "CPU-second is the per-core rate that does not depend on the load).",
        "",
        "| run | wall s | documents/s | documents/s per core (wall) | CPU s | documents per CPU-second | "
        "wall ratio to baseline | per-core ratio to baseline |",
        "|---|---|---|---|---|---|---|---|",
        f"| baseline: `--jobs 1` (one process) | {one:.1f} | {documents / one:.1f} | {documents / one:.1f} | "
        f"{cpu_one:.1f} | {documents / cpu_one:.1f} | 1.00 | 1.00 |",
        f"| `--jobs 2` (process pool) | {two:.1f} | {documents / two:.1f} | {documents / two / 2:.1f} | "
        f"{cpu_two:.1f} | {documents / cpu_two:.1f} | {one / two:.2f} | {cpu_one / cpu_two:.2f} |",
        "",
        f"Findings of the two runs identical: **{'yes' if same else 'NO'}**.",
        "",
        "Reading the table: documents per CPU-second is what one core does; the per-core ratio says what the pool "
        "costs per document (1.00: nothing — hashing, the state file, Parquet and the workbook are in both runs). "
        "The wall ratio is what two processes gained from the cores the rest of the machine left free; on an idle "
        "2-core machine it approaches 2 × the per-core ratio.",
        "",
    ]


def main() -> None:
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else DOCUMENTS
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else ROUNDS
    lines = report(documents, rounds)
    print("\n".join(lines))
    from run import write_section  # bench/run.py

    write_section(HEADING, lines)


if __name__ == "__main__":
    main()
