"""读取 — no silent pass: a document of a recognised kind from which nothing checkable was read is reported, so
that "no problems found" is never said of a document the program did not understand."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jixiao.audit.catalogue import Context, rule
from jixiao.core.coverage import claim_checked, pointed_paragraphs
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
    "monitoring": ("projects", "绩效运行监控表（项目资金：预算数、1-N月执行数）"),
}


# Kinds whose report may come as text without its form: (the report, the form), as the message names them.
_TEXT_REPORTS = {"self_evaluation": ("自评报告", "自评表"), "key_evaluation": ("评价报告", "评分表"),
                 "monitoring": ("绩效运行监控报告", "绩效运行监控表")}


def _checked(reading: Any, ctx: Context) -> int:
    """How many of the sentences with figures a rule checked, wholly or in part: it compared the sentence or one of
    its claims (named or not: '编制人数42，其中…' is checked by its counts), or a finding points at its paragraph —
    as the reading report counts them (core.coverage)."""
    pointed = pointed_paragraphs(ctx.findings)
    return sum(1 for c in reading.claims if claim_checked(c, ctx.checked_claims, pointed)[0])


def _read(doc: Any, need: str, ctx: Context) -> bool:
    reading = getattr(doc, "reading", None)
    if reading is None:
        return True  # no reading report (a document built in code): nothing to judge
    if any(table.rows for table in getattr(doc, "results", ())):
        return True  # a table of evaluation results (each project's score or grade), whatever the kind
    if getattr(doc, "score_outlines", ()):
        return True  # the evaluation's points and scores part by part (a scored outline, a run-together table)
    tables, projects = bool(reading.tables), bool(reading.projects)
    # a sentence counts when a rule checked it: one whose figure no rule could compare with anything was read, not
    # checked ('…位于…，资产435万元' names no one's; '三公经费5万元' alone has nothing to be compared with)
    claims = _checked(reading, ctx) > 0
    return {"tables_or_claims": tables or claims, "projects": projects,
            "claims": claims}.get(need, tables or claims or projects)


# An unread part that names its form: '绩效目标表的年度绩效目标与绩效指标…：未能按行列读取'.
_FORM_NAMED = re.compile(r"^([\u4e00-\u9fff]{2,12}表)(?:的|[：:（(])")


def _where(unread: Any) -> str:
    """Where an unread table is and what the reader said of it ('第 14 行：表格未被识别（…）')."""
    at = f"第 {unread.location.line} 行" if unread.location.line is not None else unread.location.table or "位置未知"
    what = unread.what if len(unread.what) <= 60 else unread.what[:59] + "…"
    return f"{at}：{what}"


# The parts of a self-evaluation form a reader reports as not read when it finds the form but not its cells.
_FORM_PARTS = ("预算执行情况", "绩效指标")


@rule("reading.nothing_read", "已识别文档类型，但未能读取任何可核对的内容", Tier.WARNING, CAT, "SPEC §0（无静默通过）",
      "document")
def nothing_read(doc: Any, ctx: Context) -> Iterator[Finding]:
    """文档被识别为某一类型（决算公开、自评表、评价表、说明……），却没有读取到该类文档应有的表格、项目或带数字的说明：
    本次审核实际上什么也没有核对，报告“未发现问题”会误导审核人，故以疑似问题提示“未能读取……”，请核对文件格式或用 --kind 指定类型。
    带数字的语句有规则核对过的（如人数、单位个数与其所列各项，或有问题指向该句），即使未点明主语，也算已读取；读到带数字的
    语句而没有一句能够核对时，明确写出“读到带数字的说明 N 句，但没有一句能够核对”，不说成什么也没读到。本规则在其他规则之后运行，
    以便知道它们核对了哪些语句。
    自评表在文中（其预算执行或绩效指标部分列为未读取）而格子未能按行列读出时，说明是自评表未能读取，不说成文字形式的报告。
    文中有表格（逐格成行、格子连排或未被识别的表，列为未读取）时，同样不说成“只有文字”或文字形式的报告，而写明文中有何表、
    在第几行、未能按行列读取。"""
    kind = getattr(doc.kind, "value", str(doc.kind))
    need, what = _EXPECTED.get(kind, ("any", "任何表格、项目或带数字的说明"))
    if _read(doc, need, ctx):
        return
    label = getattr(doc.kind, "label", kind)
    reading = getattr(doc, "reading", None)
    stated = len(reading.claims) if reading is not None else 0
    none = f"读到带数字的说明 {stated} 句，但没有一句能够核对" if stated and not _checked(reading, ctx) else ""
    unread_form = next((u.location for u in (reading.unread if reading is not None else ())
                        if u.location.table.startswith(_FORM_PARTS)), None)
    if kind == "self_evaluation" and unread_form is not None:
        # the form is there, its cells run together or out of order: not a report written as prose (the finding
        # stays at the document: pointing at the form's paragraph would count its sentences as checked)
        at = f"第 {unread_form.line} 行" if unread_form.line is not None else f"表 {unread_form.table}"
        yield Finding("reading.nothing_read", Tier.WARNING,
                      f"文档含项目支出绩效自评表（{at}起），但表格的格子连在一起或次序错乱，未能按行列读出{what}，"
                      "本次审核未核对自评表的数据；未读取的位置见“未读取或未核对的内容”",
                      Location(document=doc.path), CAT, expected=what, actual="自评表未能按行列读取")
        return
    tables = [u for u in (reading.unread if reading is not None else ()) if u.kind == "table"]
    if tables and (kind in _TEXT_REPORTS or kind == "budget_disclosure"):
        # a table is there but its cells were not placed (one cell per line, run together, a grid not recognised):
        # the document is not text only, and the message says what is there (the form the reader named) and where
        named = next(((u, m.group(1)) for u in tables if (m := _FORM_NAMED.match(u.what))), None)
        unread_table, name = named or (tables[0], "表格")
        yield Finding("reading.nothing_read", Tier.WARNING,
                      f"文档含{name}，但未能按行列读取（{_where(unread_table)}），未读取到{what}，本次审核未核对表中的数据"
                      f"{'；另' + none if none else ''}；未读取的位置见“未读取或未核对的内容”",
                      Location(document=doc.path), CAT, expected=what, actual="表格未能按行列读取")
        return
    if kind in _TEXT_REPORTS and stated:
        report, form = _TEXT_REPORTS[kind]
        said = (f"{none}（既无{form}可比，文字自身也没有可验算的合计与分项、执行率或支付率、得分与等级）" if none else
                f"正文 {stated} 句中的金额、比率和得分只按文字自身验算（合计与分项、执行率或支付率、得分与等级），未能与{form}核对")
        yield Finding("reading.nothing_read", Tier.WARNING,
                      f"文档是文字形式的{report}，未附{what}：{said}；未核对的语句见“未读取或未核对的内容”",
                      Location(document=doc.path), CAT, expected=what,
                      actual=f"文字报告（{stated} 句含数据{'，均未能核对' if none else ''}）")
        return
    if kind == "budget_disclosure" and stated and getattr(doc, "targets", False):  # checked as prose
        said = f"{none}（既无表可比，文字自身也没有可验算的合计与分项）" if none else \
            f"正文 {stated} 句中的金额只按文字自身验算（合计与分项），未能与表核对"
        yield Finding("reading.nothing_read", Tier.WARNING,
                      f"文档只有文字（如下达资金的通知），未读取到预算公开表或绩效目标表：{said}；未核对的语句见“未读取或未核对的内容”",
                      Location(document=doc.path), CAT, expected=what,
                      actual=f"文字（{stated} 句含数据{'，均未能核对' if none else ''}）")
        return
    if none:  # sentences were read: what was missing is a check of them, not the reading
        yield Finding("reading.nothing_read", Tier.WARNING,
                      f"{none}：文档被识别为“{label}”，这些语句中的数字既未能与表核对，彼此之间也没有可验算的合计与分项、"
                      "增减额与增减率等，本次审核未核对该文档的任何数据；未核对的语句见“未读取或未核对的内容”",
                      Location(document=doc.path), CAT, expected=what, actual=f"读到 {stated} 句，均未能核对")
        return
    yield Finding("reading.nothing_read", Tier.WARNING,
                  f"未能读取{what}：文档被识别为“{label}”，但未读取到可核对的内容，本次审核未核对该文档的任何数据",
                  Location(document=doc.path), CAT, expected=what, actual="未读取到")
