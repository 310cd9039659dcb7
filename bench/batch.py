"""Batch benchmarks: the batch engine against the per-record loop on the same data, and throughput with peak
memory at 10⁴, 10⁵ and 10⁶ projects (each scale measured in a fresh subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
SCALES = (10_000, 100_000, 1_000_000)

MEASURE = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {src!r})
from jixiao.batch import run
from jixiao.profiles import load_profile
folder, out = Path({folder!r}), Path({out!r})
profile = load_profile("central")
start = time.perf_counter()
run.score(folder, profile, out)
run.audit(folder, profile, out)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": peak}}))
"""


def dataset(projects: int) -> Path:
    sys.path.insert(0, str(ROOT / "src"))
    from jixiao.batch.generate import Spec, generate

    folder = DATA / f"p{projects}"
    marker = folder / "done"
    if not marker.exists():
        generate(Spec(projects, seed=2024, fault_rate=0.05), folder)
        marker.write_text("ok")
    return folder


def measure(folder: Path) -> dict[str, float]:
    code = MEASURE.format(src=str(ROOT / "src"), folder=str(folder), out=str(folder.parent / f"{folder.name}-out"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def loop_ratio(folder: Path) -> tuple[float, float]:
    """Seconds for the per-record Python loop and for the batch engine, on the same projects."""
    import duckdb
    import polars as pl

    from jixiao.batch.engine import findings_sql, parquet_tables
    from jixiao.batch.equality import per_document_keys
    from jixiao.profiles import load_profile

    profile = load_profile("central")
    projects = pl.read_parquet(folder / "projects" / "*.parquet")
    indicators = pl.read_parquet(folder / "indicators" / "*.parquet")
    start = time.perf_counter()
    per_document_keys(projects, indicators, profile)
    loop = time.perf_counter() - start
    start = time.perf_counter()
    duckdb.sql(findings_sql(profile, parquet_tables(folder))).pl()
    batch = time.perf_counter() - start
    return loop, batch


def report(scales: tuple[int, ...] = SCALES) -> list[str]:
    lines = ["## Batch engine (DuckDB over Parquet)", ""]
    loop, batch = loop_ratio(dataset(scales[0]))
    lines += [f"Per-record Python loop vs batch on the same {scales[0]:,} projects: loop {loop:.2f} s, "
              f"batch {batch:.3f} s — batch is **{loop / batch:.0f}×** faster.", "",
              "| projects | indicator rows | seconds (score + audit) | projects/s | indicator rows/s | peak memory MB |",
              "|---|---|---|---|---|---|"]
    per_project = []
    for projects in scales:
        folder = dataset(projects)
        result = measure(folder)
        rows = projects * 9
        per_project.append(result["seconds"] / projects)
        lines.append(f"| {projects:,} | {rows:,} | {result['seconds']:.2f} | {projects / result['seconds']:,.0f} | "
                     f"{rows / result['seconds']:,.0f} | {result['peak_mb']:,.0f} |")
    lines += ["", f"Cost per project at {scales[-1]:,} relative to {scales[0]:,}: "
              f"{per_project[-1] / per_project[0]:.2f}× (1.0 = perfectly linear).", ""]
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
