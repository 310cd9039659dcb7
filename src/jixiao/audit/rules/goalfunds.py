"""文字所述预算与绩效目标表资金总额 — a page publishing one project's 绩效目标表 often says the project's budget in its
text as well ('年度预算安排12万元'): where the text names one budget figure and the page holds one target form whose
年度资金总额 is printed with its unit, the two are compared. Nothing in the text says the two name the same money
(the text may state the whole plan, the form the year), so a difference is 疑似, naming that reading."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import format_amount, unit_scale

CAT = "表内合计"
# A budget stated for the project: the words right before the figure ('预算安排5万元', '年度预算为12.5万元').
_BUDGET_BEFORE_RE = re.compile(r"(?:预算安排|安排预算|年度预算|预算资金|预算金额|预算数)\s*(?:资金)?\s*(?:为|是|共计|共|合计)?\s*$")


def _stated(doc: Any, used: set[int]) -> list[tuple[Any, Any]]:
    pkg = getattr(doc, "disclosure", None)
    sentences = [*(pkg.narrative if pkg is not None else ()), *getattr(doc, "statements", ())]
    out = []
    for sentence in sentences:
        if sentence.location.block in used:
            continue  # the form's own cells
        for figure in sentence.money():
            if _BUDGET_BEFORE_RE.search(sentence.text[: figure.start]):
                out.append((sentence, figure))
    return out


@rule("goals.stated_budget", "文字所述项目预算与绩效目标表的年度资金总额不一致", Tier.WARNING, CAT,
      "SPEC §7.3（同一数字前后一致）", "document")
def stated_budget(doc: Any, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """文中只有一张绩效目标表、其年度资金总额印有金额单位，且正文只写了一个项目预算数（“预算安排5万元”“年度预算为…”）时，
    二者比较：不同为疑似（文字与表未写明是同一笔资金，正文可能写的是项目总预算或其他口径）。表中未印金额单位、或正文写了不止
    一个预算数时不比较，并说明原因。"""
    forms = [f for f in getattr(doc, "goal_forms", ()) if f.funds]
    if len(forms) != 1:
        yield NotApplicable("文中没有读出资金总额的绩效目标表，或不止一张，正文所述预算无从一一对应")
        return
    table = forms[0].funds[0]
    used = {r.location.block for r in (*table.rows, table.total)} | {forms[0].location.block}
    stated = _stated(doc, used)
    values = {figure.value for _, figure in stated}
    if not stated:
        yield NotApplicable("正文未写项目预算数")
        return
    if len(values) > 1:
        yield NotApplicable("正文写了不止一个预算数，与表中资金总额的对应不唯一，未比较")
        return
    if table.total.amount is None or not table.unit:
        yield NotApplicable("绩效目标表的资金总额未印金额单位，与正文所述预算数未比较")
        return
    sentence, figure = stated[0]
    total = table.total.amount
    if abs(figure.value - total.value) <= total.residue + figure_residue(figure):
        return
    yield Finding("goals.stated_budget", Tier.WARNING,
                  f"正文写明预算 {figure.text}，{table.title}年度资金总额 {total.text}（{format_amount(total.value)} 元），二者不同"
                  "（按二者为同一笔资金理解；正文也可能是另一口径）", table.total.location.with_(column="金额"), CAT,
                  expected=figure.text, actual=total.text, related=(sentence.location,))


def figure_residue(figure: Any) -> Decimal:
    """Half a unit of the stated figure's last printed digit, in yuan."""
    unit = next((u for u in ("亿元", "万元") if figure.text.endswith(u)), "元")
    return Decimal(1).scaleb(figure.exponent) * (unit_scale(unit) or Decimal(1)) / 2
