"""Run jixiao over the development corpus and compare what it read with tests/corpus/MANIFEST.csv.

The documents are other people's text and live outside the repository: the folder named by JIXIAO_CORPUS_DIR
(default tests/corpus/local). Each document goes through `jixiao audit --format json` in-process; when that
JSON carries `documents[].coverage` it is summed up on one line (tables and rows read, claims checked and
unchecked, rules held/broken/not applicable, unread parts), otherwise what was read is counted from the loaded
document. Output is for users, in Chinese.

    python tests/corpus/run.py            # every manifest row whose file exists
    python tests/corpus/run.py 006 037    # only these ids
"""

from __future__ import annotations

import csv
import json
import os
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "MANIFEST.csv"
NOT_ESTABLISHED = "未识别"
TIERS = (("error", "确定"), ("warning", "疑似"), ("notice", "提示"))


@dataclass
class Outcome:
    """What jixiao made of one corpus document, and how that compares with the manifest."""

    row: dict[str, str]
    refused: str = ""  # the refusal message, when jixiao would not read the document
    crashed: str = ""  # an exception escaped (a bug: users must never see one)
    kind: str = ""
    unit: str = ""
    year: int | None = None
    coverage: dict[str, Any] | None = None  # documents[].coverage from the JSON, when it exists
    read: dict[str, int] = field(default_factory=dict)  # fallback counts from the loaded document
    checks: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)  # read warnings (注意：…)

    @property
    def kind_ok(self) -> bool:
        """A manifest kind may list alternatives ('budget_disclosure|disclosure') when the document's own text does not
        settle which it is: either reading is right, and the row says why."""
        expected = self.row["kind"].split("|")
        if self.refused or self.crashed:
            return "unknown" in expected
        return self.kind in expected

    @property
    def judged(self) -> bool:
        """Unit and year are judged only for budget documents; a news page's year is not a reading target."""
        return self.row["kind"] != "unknown"

    @property
    def unit_verdict(self) -> str:
        """'right', 'partial' (one name contains the other) or 'wrong'."""
        expected, got = _norm(self.row["unit"]), _norm(self.unit)
        if expected.startswith(_norm(NOT_ESTABLISHED)):  # '未识别' or '未识别（…）' with a note on why
            return "right" if not got else "wrong"
        if got == expected:
            return "right"
        return "partial" if got and (got in expected or expected in got) else "wrong"

    @property
    def tables_read(self) -> int:
        return len(self.coverage.get("tables", ())) if self.coverage is not None else self.read.get("tables", 0)

    @property
    def projects_read(self) -> int:
        if self.coverage is not None:
            return len(self.coverage.get("projects", ()))
        return self.read.get("self_evaluations", 0) + self.read.get("key_evaluations", 0)

    @property
    def year_ok(self) -> bool:
        expected = self.row["year"].strip()
        return (self.year is None) if not expected else (self.year == int(expected))


def _norm(text: str) -> str:
    """Spaces dropped, full-width forms and Traditional characters folded: jixiao reads a Traditional page in
    Simplified characters, so '杜集區政府辦' printed and '杜集区政府办' read are the same name; a local copy may print
    half-width brackets where the manifest has full-width ones ('示例局(汇总)', '示例局（汇总）'), the same name too."""
    from jixiao.ingest.normalize import to_simplified

    return to_simplified(unicodedata.normalize("NFKC", "".join(text.split())))


def corpus_dir() -> Path:
    return Path(os.environ.get("JIXIAO_CORPUS_DIR") or HERE / "local")


def manifest_rows() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _cli() -> Any:
    from jixiao.cli import _register, app

    _register()
    return app


def _read_counts(path: Path) -> tuple[dict[str, int], int]:
    """Fallback when the JSON has no coverage: what the loaded document holds, and how many rules ran on it."""
    from jixiao.audit.catalogue import select
    from jixiao.audit.engine import subjects
    from jixiao.ingest.pipeline import load_document

    doc, _ = load_document(path)
    if doc is None:
        return {}, 0
    disclosure = doc.disclosure
    counts = {
        "tables": len(disclosure.tables) if disclosure else 0,
        "narrative": len(disclosure.narrative) if disclosure else 0,
        "self_evaluations": len(doc.self_evaluations),
        "key_evaluations": len(doc.key_evaluations),
        "statements": len(doc.statements),
    }
    if disclosure:
        counts.update({f"table:{code}": len(t.rows) for code, t in sorted(disclosure.tables.items())})
    checks = sum(len(select(subject=kind)) for kind, _ in subjects(doc))
    return counts, checks


def run_one(app: Any, row: dict[str, str], path: Path) -> Outcome:
    from typer.testing import CliRunner

    out = Outcome(row)
    result = CliRunner().invoke(app, ["audit", "--format", "json", str(path)])
    err = (result.stderr or "").strip()
    out.notes = [line.removeprefix("注意：") for line in err.splitlines() if line.startswith("注意：")]
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        out.crashed = f"{type(result.exception).__name__}: {result.exception}"
        return out
    if result.exit_code != 0:
        lines = [line for line in err.splitlines() if not line.startswith("注意：")]
        out.refused = (lines[-1] if lines else f"退出码 {result.exit_code}").removeprefix("错误：")
        return out
    payload = json.loads(result.stdout)
    document = payload["documents"][0]
    out.kind, out.unit, out.year = document["kind"], document.get("unit") or "", document.get("year")
    out.coverage = document.get("coverage")
    out.findings = Counter(f["tier"] for f in payload["findings"])
    if out.coverage is None:
        out.read, out.checks = _read_counts(path)
    return out


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _describe_read(out: Outcome) -> str:
    if (c := out.coverage) is not None:
        tables = c.get("tables", [])
        rows = sum(t.get("rows", 0) for t in tables)
        claims = c.get("claims", 0)
        checked = sum(s.get("checked", 0) for s in c.get("sections", []))
        partly = sum(s.get("partly", 0) for s in c.get("sections", []))  # checked in part: its rest is 未核对
        counts = c.get("checks", {}).get("counts", {})
        return (f"读到：表 {len(tables)} 张 {rows} 行；项目 {len(c.get('projects', []))} 个；说明数据 {claims} 条"
                f"（已核对 {checked - partly}，部分核对 {partly}，未核对 {claims - checked}）；规则 通过 {counts.get('held', 0)}、"
                f"发现问题 {counts.get('broken', 0)}、不适用 {counts.get('not_applicable', 0)}"
                + (f"、并入同一格错误 {counts['merged']}" if counts.get("merged") else "") + "；"
                f"未读取或未核对 {len(c.get('unread', []))} 处")
    r = out.read
    tables = [k.split(":", 1)[1] + f"（{n} 行）" for k, n in r.items() if k.startswith("table:")]
    parts = [f"表 {r.get('tables', 0)} 张" + (f"：{'、'.join(tables)}" if tables else ""),
             f"说明语句 {r.get('narrative', 0)} 句", f"自评项目 {r.get('self_evaluations', 0)} 个",
             f"评价报告 {r.get('key_evaluations', 0)} 份", f"文字陈述 {r.get('statements', 0)} 句"]
    return "读到：" + "；".join(parts) + f"。运行规则 {out.checks} 条"


def report(out: Outcome) -> list[str]:
    row = out.row
    lines = [f"[{row['id']}] {row['file']}（{row['genre']}，{row['province']}）"]
    if out.crashed:
        lines.append(f"  异常：{out.crashed}")
    elif out.refused:
        lines.append(f"  拒绝读取：{out.refused}")
    want_year = row["year"] or "未识别"
    kind = out.kind or "（无）"
    unit_mark = {"right": "✓", "partial": "≈", "wrong": "✗"}[out.unit_verdict]
    line = f"  类型 {kind} {_mark(out.kind_ok)}（应为 {row['kind']}）"
    if out.judged:
        line += (f"；单位 {out.unit or '（无）'} {unit_mark}（应为 {row['unit']}）；"
                 f"年度 {out.year if out.year is not None else '（无）'} {_mark(out.year_ok)}（应为 {want_year}）")
    lines.append(line)
    if not (out.refused or out.crashed):
        lines.append("  " + _describe_read(out))
        lines.append("  发现：" + "，".join(f"{label} {out.findings.get(tier, 0)} 项" for tier, label in TIERS))
    for note in out.notes:
        lines.append(f"  注意：{note}")
    return lines


def totals(outcomes: list[Outcome]) -> list[str]:
    n = len(outcomes)
    if not n:
        return ["没有可运行的文档。"]
    refused = sum(1 for o in outcomes if o.refused)
    crashed = sum(1 for o in outcomes if o.crashed)
    judged = [o for o in outcomes if o.judged]
    units = Counter(o.unit_verdict for o in judged)
    named = [o for o in judged if not _norm(o.row["unit"]).startswith(NOT_ESTABLISHED)]
    findings: Counter[str] = sum((o.findings for o in outcomes), Counter())
    wrongly_refused = sum(1 for o in outcomes if o.refused and "unknown" not in o.row["kind"].split("|"))
    wrongly_read = sum(1 for o in outcomes if not (o.refused or o.crashed) and o.row["kind"] == "unknown")

    def pct(k: int, of: int = n) -> str:
        return f"{k}/{of}（{k * 100 / of:.0f}%）" if of else "0/0"

    return [
        "== 合计 ==",
        f"文档 {n} 份：读取 {n - refused - crashed}，拒绝 {refused}，异常 {crashed}",
        f"类型正确 {pct(sum(o.kind_ok for o in outcomes))}；其中应读却拒绝 {wrongly_refused}，"
        f"非预算文档却被读取 {wrongly_read}",
        f"预算文档 {len(judged)} 份中：单位正确 {pct(units['right'], len(judged))}（部分一致另有 {units['partial']}；"
        f"文中写明单位的 {len(named)} 份读对 {sum(o.unit_verdict == 'right' for o in named)}），"
        f"年度正确 {pct(sum(o.year_ok for o in judged), len(judged))}",
        "发现：" + "，".join(f"{label} {findings.get(tier, 0)} 项" for tier, label in TIERS),
        f"读到表格的文档 {sum(1 for o in outcomes if o.tables_read)} 份；"
        f"读到项目（自评或评价）的文档 {sum(1 for o in outcomes if o.projects_read)} 份",
    ]


def main(argv: list[str]) -> int:
    folder = corpus_dir()
    if not folder.is_dir():
        print(f"未找到语料目录 {folder}（设置 JIXIAO_CORPUS_DIR，或把 tests/corpus/local 链接到语料目录），跳过。")
        return 0
    rows = [r for r in manifest_rows() if not argv or r["id"] in argv]
    app = _cli()
    outcomes: list[Outcome] = []
    for row in rows:
        path = folder / row["file"]
        if not path.is_file():
            print(f"[{row['id']}] 本地没有 {row['file']}，跳过。")
            continue
        outcome = run_one(app, row, path)
        outcomes.append(outcome)
        print("\n".join(report(outcome)))
    print("\n".join(totals(outcomes)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
