"""Batch benchmarks, each ratio measured in one run against its baseline:

- the per-record Python loop against the batch engine on the same projects;
- one pass (score + audit: scores and findings written) against the bare scoring arithmetic (execution score,
  indicator scores, totals, grade as one DuckDB query over the same Parquet, written too), at 10⁴ … 5×10⁶
  projects, alternating the two three times in a fresh subprocess per scale (wall and CPU seconds: on a shared
  machine the ratio of CPU seconds is the steadier one), with the peak RSS of the one pass measured first and alone;
- batch over PostgreSQL's live tables against batch over the same jurisdiction exported to Parquet (identical
  findings), when JIXIAO_BENCH_DATABASE_URL names a PostgreSQL database to fill.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
SCALES = (10_000, 100_000, 1_000_000, 5_000_000)

# The bare scoring arithmetic, written independently of the engine: quantitative formula, qualitative score moved
# into its band, sums, execution score (out of the points the form establishes, else 10), total, grade (central
# profile).
BARE = """
WITH s AS (
  SELECT project_id, SUM(CASE WHEN kind = 'quant' THEN
      CASE WHEN operator IN ('≤', '<') THEN
        CASE WHEN actual100 <= target100 THEN weight100 WHEN actual100 >= 2 * target100 THEN 0
             ELSE (2 * (2 * target100 - actual100) * weight100 + target100) // (2 * target100) END
      ELSE CASE WHEN actual100 >= target100 THEN weight100
                ELSE (2 * actual100 * weight100 + target100) // (2 * target100) END END
    ELSE LEAST(GREATEST(rep_score100, CASE attainment WHEN '达成' THEN (2 * weight100 * 80 + 100) // 200
                                                      WHEN '部分达成' THEN (2 * weight100 * 60 + 100) // 200 ELSE 0 END),
               CASE attainment WHEN '达成' THEN weight100 WHEN '部分达成' THEN (2 * weight100 * 80 + 100) // 200 - 1
                               ELSE (2 * weight100 * 60 + 100) // 200 - 1 END) END) AS ind
  FROM read_parquet('{folder}/indicators/*.parquet') GROUP BY project_id)
SELECT p.project_id, e + s.ind AS total,
       CASE WHEN e + s.ind >= 9000 THEN '优' WHEN e + s.ind >= 8000 THEN '良' WHEN e + s.ind >= 6000 THEN '中' ELSE '差' END
         AS grade
FROM (SELECT project_id, CASE WHEN adjusted_fen <= 0 THEN 0
             ELSE (2 * LEAST(executed_fen, adjusted_fen) * COALESCE(exec_points100, 1000) + adjusted_fen)
                  // (2 * adjusted_fen) END AS e
      FROM read_parquet('{folder}/projects/*.parquet')) p JOIN s USING (project_id)
"""

MEASURE = """
import json, resource, shutil, statistics, sys, time
from pathlib import Path
sys.path.insert(0, {src!r})
from jixiao.batch import run
from jixiao.profiles import load_profile
folder, out = Path({folder!r}), Path({out!r})
profile = load_profile("central")
BARE = {bare!r}

def one_pass():
    run.run_folder(folder, profile, out)

def bare():
    out.mkdir(parents=True, exist_ok=True)
    run.connect().execute(f"COPY ({{BARE}}) TO '{{out / 'bare.parquet'}}' (FORMAT PARQUET)")

def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

start = time.perf_counter(); one_pass(); first = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
times = {{"bare": [], "one_pass": [], "bare_cpu": [], "one_pass_cpu": []}}
for _ in range({repeats}):
    for name, work in (("bare", bare), ("one_pass", one_pass)):
        start, start_cpu = time.perf_counter(), cpu(); work()
        times[name].append(time.perf_counter() - start); times[name + "_cpu"].append(cpu() - start_cpu)
findings = run.connect().sql(f"SELECT COUNT(*) FROM read_parquet('{{out / 'findings' / '*.parquet'}}')").fetchall()[0][0]
shutil.rmtree(out)
print(json.dumps({{"first": first, "peak_mb": peak, "findings": findings,
                  **{{k: statistics.median(v) for k, v in times.items()}}}}))
"""


def dataset(projects: int) -> Path:
    sys.path.insert(0, str(ROOT / "src"))
    from jixiao.batch.generate import Spec, generate

    folder = DATA / f"p{projects}"
    marker = folder / "done-v2"  # v2: projects carry exec_points100, indicators spend_scale
    if not marker.exists():
        generate(Spec(projects, seed=2024, fault_rate=0.05), folder)
        marker.write_text("ok")
    return folder


def measure(folder: Path, repeats: int) -> dict[str, float]:
    code = MEASURE.format(src=str(ROOT / "src"), folder=str(folder), out=str(folder.parent / f"{folder.name}-out"),
                          bare=BARE.format(folder=folder), repeats=repeats)
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


def load_average() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def report(scales: tuple[int, ...] = SCALES) -> list[str]:
    lines = ["## Batch engine (DuckDB over Parquet)", ""]
    loop, batch = loop_ratio(dataset(scales[0]))
    lines += [f"Per-record Python loop vs batch on the same {scales[0]:,} projects: loop {loop:.2f} s, "
              f"batch {batch:.3f} s — batch is **{loop / batch:.0f}×** faster.", "",
              "One pass = scores and findings of every batch rule from one scan of the indicator rows, written to "
              "Parquet; bare arithmetic = execution score, indicator scores (qualitative ones moved into their band), "
              "total and grade as one DuckDB query over the same Parquet, written too. Medians of alternating runs "
              "in one subprocess per scale; peak RSS of the one pass run first and alone (ranges of 10⁶ projects, "
              "DuckDB memory_limit 1.5 GB).", "",
              "| projects | indicator rows | findings | bare arithmetic s | one pass s | ratio | ratio of CPU s | "
              "projects/s | peak RSS MB | load before |", "|---|---|---|---|---|---|---|---|---|---|"]
    for projects in scales:
        folder = dataset(projects)
        load = load_average()
        result = measure(folder, repeats=3 if projects <= 1_000_000 else 1)
        lines.append(f"| {projects:,} | {projects * 9:,} | {result['findings']:,} | {result['bare']:.2f} | "
                     f"{result['one_pass']:.2f} | **{result['one_pass'] / result['bare']:.2f}×** | "
                     f"{result['one_pass_cpu'] / result['bare_cpu']:.2f}× | "
                     f"{projects / result['one_pass']:,.0f} | {result['peak_mb']:,.0f} | {load} |")
        print(lines[-1], file=sys.stderr, flush=True)  # progress: each row as soon as it is measured
    lines += ["", "The machine (2 cores) was shared with other jobs during the run; the load column is the 1/5/15-minute "
              "load average just before each scale. Ratios are within one subprocess, so both sides saw the same load.",
              ""]
    lines += store_report()
    return lines


def store_report() -> list[str]:
    """Batch over PostgreSQL's live tables vs over the same jurisdiction exported to Parquet."""
    url = os.environ.get("JIXIAO_BENCH_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        return ["(Batch over PostgreSQL live tables: not measured — set JIXIAO_BENCH_DATABASE_URL to a PostgreSQL "
                "database this benchmark may fill.)", ""]
    code = STORE.format(src=str(ROOT / "src"), bench=str(ROOT / "bench"), folder=str(dataset(scales_store())),
                        out=str(DATA / "store-out"))
    env = {**os.environ, "JIXIAO_DATABASE_URL": url}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    r = json.loads(result.stdout.strip().splitlines()[-1])
    return ["## Batch over the application database (PostgreSQL)", "",
            f"One jurisdiction of {r['projects']:,} projects ({r['indicators']:,} indicators) stored through the ORM in "
            "PostgreSQL. Live: `jixiao batch audit --engine postgres` without `--input` (the batch SQL over the store's own "
            "tables, nothing copied). Parquet: `jixiao batch export` then `jixiao batch audit --input` on DuckDB. "
            f"Load average before: {r['load']}.", "",
            "| path | seconds | findings |", "|---|---|---|",
            f"| PostgreSQL live tables (score + audit) | {r['live']:.2f} | {r['live_findings']:,} |",
            f"| export to partitioned Parquet | {r['export']:.2f} | |",
            f"| DuckDB over the exported Parquet (score + audit) | {r['parquet']:.2f} | {r['parquet_findings']:,} |",
            "", f"Findings identical: **{'yes' if r['identical'] else 'NO'}**; projects the SQL left to the per-document "
            f"engine: {r['unread']}.", ""]


def scales_store() -> int:
    return int(os.environ.get("JIXIAO_BENCH_STORE_PROJECTS", "2000"))


STORE = """
import json, os, sys, time
from decimal import Decimal
from pathlib import Path
sys.path.insert(0, {src!r}); sys.path.insert(0, {bench!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
import django; django.setup()
from django.core.management import call_command
import polars as pl
call_command("migrate", interactive=False, verbosity=0)
from jixiao.store.models import Department, Indicator, Jurisdiction, Project, Unit
from jixiao.batch import run
from jixiao.batch.equality import batch_keys
from jixiao.batch.export import export
from jixiao.batch.store import run_store
from jixiao.profiles import load_profile
folder, out = Path({folder!r}), Path({out!r})
url = os.environ["JIXIAO_DATABASE_URL"]
code = f"BENCH{{folder.name}}"
if not Jurisdiction.objects.filter(code=code).exists():
    j = Jurisdiction.objects.create(code=code, name="基准县", profile="central")
    projects = pl.read_parquet(folder / "projects" / "*.parquet")
    indicators = pl.read_parquet(folder / "indicators" / "*.parquet")
    units = {{}}
    for d in sorted(set(projects["department_id"])):
        dept = Department.objects.create(jurisdiction=j, code=f"{{code}}-{{d}}", name=f"部门{{d}}")
        units[d] = Unit.objects.create(department=dept, code=f"{{code}}-{{d}}01", name=f"单位{{d}}")
    h = lambda v: None if v is None else Decimal(v) / 100
    made = Project.objects.bulk_create([Project(unit=units[p["department_id"]], year=2024, name=f"项目{{p['project_id']}}",
        initial_budget=h(p["initial_fen"]), adjusted_budget=h(p["adjusted_fen"]), executed=h(p["executed_fen"]),
        reported_total=h(p["rep_total"]), reported_grade=p["rep_grade"], execution_points=h(p["exec_points100"]),
        status="approved")
        for p in projects.iter_rows(named=True)], batch_size=5000)
    ids = dict(zip(projects["project_id"], (m.pk for m in made)))
    rows = []
    for i in indicators.iter_rows(named=True):
        quant = i["kind"] == "quant"
        rows.append(Indicator(project_id=ids[i["project_id"]], position=i["seq"], level1=i["level1"], level2=i["level2"],
            name=f"指标{{i['seq']}}", target=f"{{i['operator']}}{{h(i['target100'])}}{{i['unit']}}" if quant else "提高",
            actual=f"{{h(i['actual100'])}}{{i['unit']}}" if quant else i["attainment"], weight=h(i["weight100"]),
            reported_score=h(i["rep_score100"]), deviation_reason="已说明" if i["has_reason"] else ""))
    Indicator.objects.bulk_create(rows, batch_size=20000)
    from django.db import connection
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a production database has them
load = " / ".join(f"{{x:.1f}}" for x in os.getloadavg())
start = time.perf_counter(); live = run_store(url, "postgres", out / "live", jurisdiction=code)
live_s = time.perf_counter() - start
start = time.perf_counter(); exported = export(url, out / "export", jurisdiction=code)
export_s = time.perf_counter() - start
start = time.perf_counter(); run.run_folder(out / "export", load_profile("central"), out / "parquet")
parquet_s = time.perf_counter() - start
a = pl.read_parquet(out / "live" / "findings" / "*.parquet"); b = pl.read_parquet(out / "parquet" / "findings" / "*.parquet")
print(json.dumps({{"projects": exported.projects, "indicators": exported.indicators, "live": live_s, "export": export_s,
                  "parquet": parquet_s, "live_findings": a.height, "parquet_findings": b.height, "load": load,
                  "identical": set(a.rows()) == set(b.rows()), "unread": live.unread_projects}}))
"""


if __name__ == "__main__":
    print("\n".join(report()))
