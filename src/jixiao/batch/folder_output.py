"""The results of a folder audit (jixiao.batch.folder records): findings.parquet (one row per finding, with the
document's path, hash, unit, kind and year), documents.parquet (one row per document: status, Chinese reason when it
could not be read, the reading report's counts and the whole report as JSON) and a workbook with the summary by unit,
kind and rule, the findings and the reading reports (Chinese sheet names and headers)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from jixiao.batch.folder import UNREADABLE, iter_state

FINDINGS = "findings.parquet"
DOCUMENTS = "documents.parquet"
WORKBOOK = "审核汇总.xlsx"
EXCEL_ROWS = 1_000_000  # below the sheet limit of 1,048,576 rows

FINDING_SCHEMA = {
    "path": pl.String, "sha256": pl.String, "unit": pl.String, "kind": pl.String, "year": pl.Int32,
    "rule": pl.String, "tier": pl.String, "category": pl.String, "message": pl.String, "expected": pl.String,
    "actual": pl.String, "difference": pl.String, "fingerprint": pl.String, "document": pl.String,
    "section": pl.String, "table": pl.String, "project": pl.String, "row": pl.String, "column": pl.String,
    "line": pl.Int64, "page": pl.Int64, "related": pl.String,
}
DOCUMENT_SCHEMA = {
    "path": pl.String, "sha256": pl.String, "status": pl.String, "reason": pl.String, "kind": pl.String,
    "unit": pl.String, "year": pl.Int32, "notes": pl.String, "tables": pl.Int64, "rows": pl.Int64,
    "claims": pl.Int64, "checked_claims": pl.Int64, "projects": pl.Int64, "rules_held": pl.Int64,
    "rules_broken": pl.Int64, "rules_not_applicable": pl.Int64, "not_read": pl.Int64, "errors": pl.Int64,
    "warnings": pl.Int64, "notices": pl.Int64, "summary": pl.String, "coverage": pl.String, "seconds": pl.Float64,
    "cpu_seconds": pl.Float64,
}
TIER_LABELS = {"error": "确定", "warning": "疑似", "notice": "提示"}
NOT_RECOGNISED = "（未识别）"


@dataclass(frozen=True)
class Written:
    documents: int
    unreadable: int
    findings: int
    tiers: dict[str, int]


def _kind_label(kind: str) -> str:
    from jixiao.core.model import DocumentKind

    try:
        return DocumentKind(kind).label
    except ValueError:
        return kind or NOT_RECOGNISED


def finding_rows(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"path": r["path"], "sha256": r["sha256"], "unit": r["unit"], "kind": r["kind"], "year": r["year"]} | f
            for r in records for f in r["findings"]]


def document_row(record: dict[str, Any]) -> dict[str, Any]:
    cov = record.get("coverage") or {}
    counts = (cov.get("checks") or {}).get("counts") or {}
    tiers = Counter(f["tier"] for f in record["findings"])
    return {
        "path": record["path"], "sha256": record["sha256"], "status": record["status"], "reason": record["reason"],
        "kind": record["kind"], "unit": record["unit"], "year": record["year"], "notes": "；".join(record["notes"]),
        "tables": len(cov.get("tables", [])), "rows": sum(t["rows"] for t in cov.get("tables", [])),
        "claims": cov.get("claims", 0), "checked_claims": sum(s["checked"] for s in cov.get("sections", [])),
        "projects": len(cov.get("projects", [])), "rules_held": counts.get("held", 0),
        "rules_broken": counts.get("broken", 0), "rules_not_applicable": counts.get("not_applicable", 0),
        "not_read": len(cov.get("unread", [])), "errors": tiers["error"], "warnings": tiers["warning"],
        "notices": tiers["notice"], "summary": cov.get("summary", ""),
        "coverage": json.dumps(cov, ensure_ascii=False) if cov else None, "seconds": record["seconds"],
        "cpu_seconds": record.get("cpu", 0.0),
    }


def write(out: Path, files: list[tuple[str, str]]) -> Written:
    """findings.parquet, documents.parquet and the workbook in `out`, for the documents `files` ((path, hash) as
    plan() found them), from their latest records in the state (read one at a time)."""
    wanted = set(files)
    latest: dict[tuple[str, str], tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    for record in iter_state(out):
        key = (record.get("path"), record.get("sha256"))
        if key in wanted:
            latest[key] = (document_row(record), finding_rows([record]))
    rows = [latest[key] for key in files if key in latest]
    findings = pl.DataFrame([f for _, found in rows for f in found], schema=FINDING_SCHEMA, orient="row")
    documents = pl.DataFrame([d for d, _ in rows], schema=DOCUMENT_SCHEMA, orient="row")
    out.mkdir(parents=True, exist_ok=True)
    findings.write_parquet(out / FINDINGS)
    documents.write_parquet(out / DOCUMENTS)
    write_workbook(out / WORKBOOK, documents, findings)
    tiers = Counter(findings["tier"].to_list())
    return Written(documents.height, documents.filter(pl.col("status") == UNREADABLE).height, findings.height,
                   {tier: tiers[tier] for tier in TIER_LABELS})


def _rule_titles() -> dict[str, str]:
    from jixiao.audit.catalogue import load_rules

    return {rule_id: rule.title for rule_id, rule in load_rules().items()}


def _sheet(workbook: Any, title: str, header: list[str], rows: Iterable[list[Any]], widths: list[int]) -> Any:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _group(documents: pl.DataFrame, key: str) -> list[list[Any]]:
    """Documents, unreadable documents and findings per tier, by unit or kind (most findings first)."""
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for value, status, errors, warnings, notices in documents.select(
            key, "status", "errors", "warnings", "notices").iter_rows():
        counts = groups[(_kind_label(value) if key == "kind" and value else value) or NOT_RECOGNISED]
        for n, add in enumerate((1, status == UNREADABLE, errors, warnings, notices)):
            counts[n] += int(add)
    return [[name, *counts] for name, counts in sorted(groups.items(), key=lambda g: (-g[1][2], -g[1][3], g[0]))]


def write_workbook(path: Path, documents: pl.DataFrame, findings: pl.DataFrame) -> None:
    from openpyxl import Workbook

    titles = _rule_titles()
    workbook = Workbook()
    overview = workbook.active
    overview.title = "概况"
    unreadable = documents.filter(pl.col("status") == UNREADABLE).height
    tiers = Counter(findings["tier"].to_list())
    for row in (["文档", documents.height], ["已审核", documents.height - unreadable], ["无法读取", unreadable],
                ["问题合计", findings.height], *[[f"其中{label}", tiers[tier]] for tier, label in TIER_LABELS.items()]):
        overview.append(row)
    overview.column_dimensions["A"].width = 14
    if findings.height > EXCEL_ROWS:
        overview.append(["说明", f"问题清单只列前 {EXCEL_ROWS:,} 条，完整清单见 {FINDINGS}"])
    group_header = ["文档数", "无法读取", "确定", "疑似", "提示"]
    _sheet(workbook, "按单位", ["单位", *group_header], _group(documents, "unit"), [30, 8, 8, 8, 8, 8])
    _sheet(workbook, "按文档类型", ["文档类型", *group_header], _group(documents, "kind"), [22, 8, 8, 8, 8, 8])
    by_rule = (findings.group_by("rule", "tier").agg(pl.len().alias("n"), pl.col("path").n_unique().alias("docs"))
               .sort(["n", "rule"], descending=[True, False]))
    _sheet(workbook, "按规则", ["规则", "规则名称", "等级", "问题数", "涉及文档数"],
           ([rule, titles.get(rule, ""), TIER_LABELS.get(tier, tier), n, docs] for rule, tier, n, docs
            in by_rule.iter_rows()), [30, 40, 8, 10, 12])
    columns = ["path", "unit", "kind", "year", "tier", "rule", "section", "table", "project", "row", "column", "line",
               "page", "message", "expected", "actual", "difference", "fingerprint"]
    _sheet(workbook, "问题清单",
           ["文件", "单位", "文档类型", "年度", "等级", "规则", "章节", "表", "项目", "行", "列", "行号", "页码",
            "问题描述", "应为", "填列", "差额", "指纹"],
           ([*row[:2], _kind_label(row[2]), row[3], TIER_LABELS.get(row[4], row[4]), *row[5:]]
            for row in findings.head(EXCEL_ROWS).select(columns).iter_rows()),
           [30, 20, 14, 6, 6, 28, 14, 14, 20, 14, 10, 6, 6, 70, 12, 12, 10, 18])
    _sheet(workbook, "读取报告",
           ["文件", "状态", "无法读取的原因", "文档类型", "单位", "年度", "表格", "表格行", "说明数据", "已核对说明",
            "项目", "规则通过", "规则发现问题", "规则不适用", "未读取或未核对", "确定", "疑似", "提示", "读取提示",
            "概要"],
           ([d["path"], "无法读取" if d["status"] == UNREADABLE else "已审核", d["reason"],
             _kind_label(d["kind"]) if d["kind"] else "", d["unit"], d["year"], d["tables"], d["rows"], d["claims"],
             d["checked_claims"], d["projects"], d["rules_held"], d["rules_broken"], d["rules_not_applicable"],
             d["not_read"], d["errors"], d["warnings"], d["notices"], d["notes"], d["summary"]]
            for d in documents.iter_rows(named=True)),
           [30, 8, 40, 14, 20, 6, *[8] * 12, 30, 60])
    workbook.save(path)
