"""`make bench`: the per-document path (read + detect + extract + score) on a seed-004-sized document,
reported against a baseline measured in the same run (reading the file and splitting it into cells).

Results are printed and written to bench/RESULTS.md with the machine description.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from jixiao.audit.engine import audit_document  # noqa: E402
from jixiao.ingest.pipeline import load_document  # noqa: E402
from jixiao.profiles import load_profile  # noqa: E402
from jixiao.scoring.selfeval import score_self_evaluation  # noqa: E402


def write_section(heading: str, lines: list[str]) -> None:
    """Put one benchmark's section into bench/RESULTS.md in place of its previous run (before the load tests when
    it is new), for the scripts that can run alone (pdf_reading.py, folder_audit.py)."""
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text(encoding="utf-8") if results.exists() else "# jixiao benchmarks\n"
    section = "\n".join(lines).rstrip("\n") + "\n"
    pattern = re.compile(rf"{re.escape(heading)}\n.*?(?=\n## |\Z)", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip("\n"), text)
    else:
        marker = text.find("\n## Load test")
        text = (text[:marker + 1] + section + text[marker:]) if marker >= 0 else text.rstrip("\n") + "\n\n" + section
    results.write_text(text, encoding="utf-8")


def best_of(repeats: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def document() -> Path:
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("004_*.txt"))
    if seeds:
        return seeds[0]
    return ROOT / "src" / "jixiao" / "data" / "demo" / "selfeval_demo.txt"


def main() -> None:
    path = document()
    profile = load_profile("central")

    def baseline() -> None:
        text = path.read_text(encoding="utf-8")
        [line.split("\t") for line in text.splitlines()]

    def per_document() -> None:
        doc, _ = load_document(path)
        assert doc is not None
        for se in doc.self_evaluations:
            score_self_evaluation(se, profile)

    def audited() -> None:
        doc, _ = load_document(path)
        assert doc is not None
        audit_document(doc, profile)

    per_document()  # warm imports and regex caches
    audited()
    base = best_of(20, baseline)
    full = best_of(10, per_document)
    audit_full = best_of(10, audited)
    doc, _ = load_document(path)
    projects = len(doc.self_evaluations) if doc else 0
    size_kb = path.stat().st_size / 1024
    machine = f"{platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}, {platform.platform()}"
    lines = [
        "# jixiao benchmarks",
        "",
        f"Machine: {machine}",
        "",
        "## Per-document path (read + detect + extract + score / audit)",
        "",
        f"Document: {path.name} ({size_kb:.0f} KB, {projects} self-evaluation reports)",
        "",
        "| measure | median seconds | ratio to baseline |",
        "|---|---|---|",
        f"| baseline: read file and split into cells | {base:.4f} | 1.0 |",
        f"| ingest + score all reports | {full:.4f} | {full / base:.1f} |",
        f"| ingest + full audit (every rule of the catalogue) | {audit_full:.4f} | {audit_full / base:.1f} |",
        "",
    ]
    import batch  # bench/batch.py

    lines += batch.report()
    import pdf_reading  # bench/pdf_reading.py

    lines += pdf_reading.report()
    import folder_audit  # bench/folder_audit.py

    lines += folder_audit.report()
    report = "\n".join(lines)
    print(report)
    results = ROOT / "bench" / "RESULTS.md"
    previous = results.read_text(encoding="utf-8") if results.exists() else ""
    kept = previous[previous.find("\n## Load test"):] if "\n## Load test" in previous else ""
    results.write_text(report.rstrip("\n") + "\n" + kept, encoding="utf-8")  # load-test sections (make load) stay


if __name__ == "__main__":
    main()
