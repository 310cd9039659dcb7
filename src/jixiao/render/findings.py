"""Audit results as a 问题清单: Markdown, HTML and Excel, grouped as reviewers group them."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any

from jixiao.core.coverage import NOT_RECOGNISED, Coverage, Status
from jixiao.core.finding import Finding, Tier

# Seed 002's 问题清单 categories; each finding category maps to one of them.
LIST_CATEGORIES = ("项目立项", "资金管理", "业务管理", "项目产出", "项目效益", "其他")
_CATEGORY_MAP = {
    "目标质量": "项目立项", "预算执行": "资金管理", "资金管理": "资金管理", "表内平衡": "资金管理", "表间一致": "资金管理",
    "说明与表": "业务管理", "跨章节": "业务管理", "自评计分": "业务管理", "自评报告": "业务管理", "覆盖": "业务管理",
    "项目产出": "项目产出", "项目效益": "项目效益", "读取": "其他",
}


def audit_report(docs: Sequence[Any], results: Sequence[Any]) -> dict[str, Any]:
    """`jixiao audit --format json` and `POST /api/audit`: each document (path, kind, year, unit and its reading
    report), every finding, and the count per tier."""
    findings: list[Finding] = [f for result in results for f in result.findings]
    return {
        "documents": [{"path": d.path, "kind": d.kind.value, "year": d.year, "unit": d.unit,
                       "coverage": r.coverage.to_dict() if r.coverage is not None else None}
                      for d, r in zip(docs, results, strict=True)],
        "findings": [f.to_dict() for f in findings],
        "summary": {tier.value: sum(1 for f in findings if f.tier is tier) for tier in Tier},
    }


def list_category(finding: Finding) -> str:
    return _CATEGORY_MAP.get(finding.category, "其他")


def _evidence(f: Finding) -> str:
    parts = []
    if f.expected is not None:
        parts.append(f"应为 {f.expected}")
    if f.actual is not None:
        parts.append(f"填列 {f.actual}")
    if f.difference is not None:
        parts.append(f"差额 {f.difference}")
    return "；".join(parts)


def coverage_lines(coverages: Sequence[Coverage]) -> list[str]:
    """Per document: how much was read and checked, and how many parts were not ('已核对 12 张表 86 行…')."""
    return [f"{PurePath(c.reading.document).name}：{c.checked_phrase()}" for c in coverages]


def _not_read(coverages: Sequence[Coverage]) -> list[tuple[str, str]]:
    return [(u.location.describe() or PurePath(c.reading.document).name, u.what)
            for c in coverages for u in c.not_read]


def to_markdown(documents: Sequence[str], findings: Sequence[Finding], coverages: Sequence[Coverage] = ()) -> str:
    names = "、".join(PurePath(d).name for d in documents)
    lines = [f"# 问题清单：{names}", "", summary_line(findings, coverages), ""]
    if coverages:
        lines += ["## 读取与核对范围", ""] + [f"- {line}" for line in coverage_lines(coverages)] + [""]
    for category in LIST_CATEGORIES:
        rows = [f for f in findings if list_category(f) == category and f.tier is not Tier.NOTICE]
        lines += [f"## {category}存在的问题", ""]
        if not rows:
            lines += ["无", ""]
            continue
        lines += ["| 序号 | 等级 | 位置 | 问题描述 | 依据 |", "|---|---|---|---|---|"]
        for n, f in enumerate(rows, start=1):
            lines.append(f"| {n} | {f.tier.label} | {f.location.describe()} | {f.message} | {f.rule} |")
        lines.append("")
    notices = [f for f in findings if f.tier is Tier.NOTICE]
    if notices:
        lines += ["## 提示（尾数误差等，无须整改）", ""]
        lines += [f"- {f.location.describe()}：{f.message}" for f in notices]
    if not_read := _not_read(coverages):
        lines += ["", "## 未读取或未核对的内容", ""] + [f"- {where}：{what}" for where, what in not_read]
    return "\n".join(lines) + "\n"


def summary_line(findings: Sequence[Finding], coverages: Sequence[Coverage] = ()) -> str:
    """The counts by tier; "no problems" always says how much was checked."""
    counts = {t: sum(1 for f in findings if f.tier is t) for t in Tier}
    checked = "；".join(coverage_lines(coverages))
    if not findings:
        return f"未发现问题：{checked}。" if checked else "未发现问题（未提供读取范围）。"
    line = f"确定 {counts[Tier.ERROR]} 项，疑似 {counts[Tier.WARNING]} 项，提示 {counts[Tier.NOTICE]} 项"
    return f"{line}；{checked}。" if checked else f"{line}。"


def to_html(documents: Sequence[str], findings: Sequence[Finding], coverages: Sequence[Coverage] = ()) -> str:
    names = "、".join(html.escape(PurePath(d).name) for d in documents)
    rows = []
    for category in LIST_CATEGORIES:
        group = [f for f in findings if list_category(f) == category]
        if not group:
            continue
        rows.append(f'<tr class="group"><th colspan="5">{category}</th></tr>')
        for n, f in enumerate(group, start=1):
            rows.append(
                f'<tr class="{f.tier.value}"><td>{n}</td><td>{f.tier.label}</td>'
                f"<td>{html.escape(f.location.describe())}</td><td>{html.escape(f.message)}</td>"
                f"<td>{html.escape(_evidence(f))}</td></tr>"
            )
    not_read = _not_read(coverages)
    if not_read:
        rows.append(f'<tr class="group"><th colspan="5">未读取或未核对的内容（{len(not_read)} 处）</th></tr>')
        rows += [f"<tr><td>{n}</td><td>未核对</td><td>{html.escape(where)}</td><td>{html.escape(what)}</td><td></td></tr>"
                 for n, (where, what) in enumerate(not_read, start=1)]
    return (
        '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">'
        f"<title>问题清单：{names}</title><style>"
        "body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;margin:2em}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}"
        "tr.error td:nth-child(2){color:#b00;font-weight:bold}tr.warning td:nth-child(2){color:#b60}"
        "tr.group th{background:#eee;text-align:left}</style></head><body>"
        f"<h1>问题清单：{names}</h1><p>{html.escape(summary_line(findings, coverages))}</p>"
        "<table><thead><tr><th>序号</th><th>等级</th><th>位置</th><th>问题描述</th><th>证据</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></body></html>\n"
    )


def to_xlsx(findings: Sequence[Finding], path: Path, coverages: Sequence[Coverage] = ()) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "问题清单"
    header = ["序号", "等级", "问题分类", "规则", "文件", "行号", "项目", "章节", "表", "行", "列", "问题描述",
              "应为", "填列", "差额", "指纹"]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for n, f in enumerate(findings, start=1):
        loc = f.location
        sheet.append([n, f.tier.label, list_category(f), f.rule, PurePath(loc.document).name, loc.line, loc.project,
                      loc.section, loc.table, loc.row, loc.column, f.message, f.expected, f.actual, f.difference,
                      f.fingerprint])
    for column, width in zip("ABCDEFGHIJKLMNOP", (6, 6, 10, 30, 20, 6, 24, 14, 16, 16, 10, 70, 12, 12, 10, 18),
                             strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    if coverages:
        scope = workbook.create_sheet("读取与核对范围")
        scope.append(["汇总", summary_line(findings, coverages)])
        scope.append(["位置", "未读取或未核对的内容"])
        for cell in scope[2]:
            cell.font = Font(bold=True)
        for where, what in _not_read(coverages):
            scope.append([where, what])
        scope.column_dimensions["A"].width = 50
        scope.column_dimensions["B"].width = 90
    workbook.save(path)


def reading_lines(cov: Coverage, limit: int = 8) -> list[str]:
    """The reading report as a compact Chinese block (one document)."""
    r = cov.reading
    evidence = f"（依据：{'、'.join(r.kind_evidence)}）" if r.kind_evidence else ""
    lines = [f"读取 {PurePath(r.document).name}：{r.kind}{evidence}；单位 {r.unit or NOT_RECOGNISED}；"
             f"年度 {r.year if r.year is not None else NOT_RECOGNISED}"]
    if r.tables:
        shown = "；".join(f"{t.name}（{t.unit or '单位' + NOT_RECOGNISED}，{t.rows} 行，{len(t.columns)} 列）"
                         for t in r.tables[:limit])
        more = f"；另 {len(r.tables) - limit} 张" if len(r.tables) > limit else ""
        lines.append(f"  表格 {len(r.tables)} 张 {r.rows} 行：{shown}{more}")
    else:
        lines.append("  表格：未读取到任何表")
    for form in r.forms:
        names = "、".join(form.projects[:limit]) + (f" 等 {len(form.projects)} 个" if len(form.projects) > limit else "")
        lines.append(f"  {form.kind}：{len(form.projects)} 个项目（{names}）")
    if cov.sections:
        partly = f"（其中 {cov.partly_checked_claims} 条部分核对）" if cov.partly_checked_claims else ""
        lines.append(f"  说明数据 {len(r.claims)} 条，已核对 {cov.checked_claims} 条{partly}："
                     + "；".join(f"{s.title or '（无标题）'} {s.checked}/{s.claims}" for s in cov.sections[:limit])
                     + (f"；另 {len(cov.sections) - limit} 节" if len(cov.sections) > limit else ""))
    if cov.outcomes:
        counts = cov.counts()
        merged = f"，并入同一格错误的发现 {counts['merged']} 次" if counts["merged"] else ""
        lines.append(f"  规则：通过 {counts['held']} 次，发现问题 {counts['broken']} 次，"
                     f"不适用 {counts['not_applicable']} 次{merged}")
    reasons = Counter(o.reason for o in cov.outcomes if o.status is Status.NOT_APPLICABLE and o.reason)
    if reasons:
        # every distinct reason (they are few): a missing table must not be hidden behind rules of other kinds
        lines.append("  不适用原因：" + "；".join(f"{reason}（{n}）" for reason, n in reasons.most_common()))
    not_read = cov.not_read
    if not_read:
        lines.append(f"  未读取或未核对 {len(not_read)} 处：")
        lines += [f"    - {u.location.describe() or '（位置不明）'}：{u.what}" for u in not_read[:limit]]
        if len(not_read) > limit:
            lines.append(f"    - 另 {len(not_read) - limit} 处，用 --format json 查看全部")
    return lines
