"""读取 — no silent pass: a document of a recognised kind from which nothing checkable was read is reported, so
that "no problems found" is never said of a document the program did not understand."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jixiao.audit.catalogue import Context, rule
from jixiao.core.finding import Finding, Tier
from jixiao.core.provenance import Location

CAT = "读取"

# What each kind of document must yield to be checked at all, and how to say it is missing.
_EXPECTED: dict[str, tuple[str, str]] = {
    "disclosure": ("tables_or_claims", "决算公开表（公开01–公开10）或情况说明中的数据"),
    "budget_disclosure": ("tables_or_claims", "预决算公开表或情况说明中的数据"),
    "self_evaluation": ("projects", "项目支出绩效自评表（预算执行情况表、绩效指标表）"),
    "key_evaluation": ("projects", "绩效评价评分表（一级、二级、三级指标及分值、得分）"),
    "results_statement": ("claims", "说明中的数据（含金额、百分比或数量的语句）"),
    "work_summary": ("claims", "说明中的数据（含金额、百分比或数量的语句）"),
}


def _read(doc: Any, need: str) -> bool:
    reading = getattr(doc, "reading", None)
    if reading is None:
        return True  # no reading report (a document built in code): nothing to judge
    if any(table.rows for table in getattr(doc, "results", ())):
        return True  # a table of evaluation results (each project's score or grade), whatever the kind
    if getattr(doc, "score_outlines", ()):
        return True  # the evaluation's points and scores part by part (a scored outline, a run-together table)
    tables, projects = bool(reading.tables), bool(reading.projects)
    claims = any(getattr(c, "parts", ()) for c in reading.claims)
    # in a 决算/预算 a sentence counts when the grammar read whose figure it states ('…位于…，资产435万元' names no
    # one's); a results statement's '实际执行130万元' is checked against its own sentence, named or not
    named = any(part.named for c in reading.claims for part in getattr(c, "parts", ()))
    return {"tables_or_claims": tables or named, "projects": projects, "claims": claims}.get(
        need, tables or claims or projects)


@rule("reading.nothing_read", "已识别文档类型，但未能读取任何可核对的内容", Tier.WARNING, CAT, "SPEC §0（无静默通过）",
      "document")
def nothing_read(doc: Any, ctx: Context) -> Iterator[Finding]:
    """文档被识别为某一类型（决算公开、自评表、评价表、说明……），却没有读取到该类文档应有的表格、项目或带数字的说明：
    本次审核实际上什么也没有核对，报告“未发现问题”会误导审核人，故以疑似问题提示“未能读取……”，请核对文件格式或用 --kind 指定类型。"""
    kind = getattr(doc.kind, "value", str(doc.kind))
    need, what = _EXPECTED.get(kind, ("any", "任何表格、项目或带数字的说明"))
    if _read(doc, need):
        return
    label = getattr(doc.kind, "label", kind)
    reading = getattr(doc, "reading", None)
    stated = len(reading.claims) if reading is not None else 0
    if kind == "self_evaluation" and stated:
        yield Finding("reading.nothing_read", Tier.WARNING,
                      f"文档是文字形式的自评报告，未附{what}：正文 {stated} 句中的金额、比率和得分只按文字自身验算"
                      "（合计与分项、执行率、得分与等级），未能与自评表核对；未核对的语句见“未读取或未核对的内容”",
                      Location(document=doc.path), CAT, expected=what, actual=f"文字报告（{stated} 句含数据）")
        return
    if kind == "budget_disclosure" and stated and getattr(doc, "targets", False):  # checked as prose
        yield Finding("reading.nothing_read", Tier.WARNING,
                      f"文档只有文字（如下达资金的通知），未读取到预算公开表或绩效目标表：正文 {stated} 句中的金额只按文字自身"
                      "验算（合计与分项），未能与表核对；未核对的语句见“未读取或未核对的内容”",
                      Location(document=doc.path), CAT, expected=what, actual=f"文字（{stated} 句含数据）")
        return
    yield Finding("reading.nothing_read", Tier.WARNING,
                  f"未能读取{what}：文档被识别为“{label}”，但未读取到可核对的内容，本次审核未核对该文档的任何数据",
                  Location(document=doc.path), CAT, expected=what, actual="未读取到")
