"""情况说明与表 — a change on the year before broken down by the changes of its parts, without their amounts:
'收入较上年增加40万元，主要是A增加25万元，B增加15万元', '支出比上年减少8万元，其中：基本支出减少10万元，项目支出增加2万元'.

The parts' changes adding up to the whole's change check the sentence. A list that says it names the main parts only
('主要是…') or any parts ('其中…') proves nothing when it does not add up, unless it names every part the whole is
made of (基本支出 and 项目支出 of a spending, the fixed parts of narrative.PARTITIONS): then the sum not matching is
a warning naming that convention. Otherwise the sentence stays 未核对, with the reason. Lists whose parts state their
amounts as well are narrative.parts_total's (its _free_changes), the 三公 items' changes narrative.n3_sangong_changes'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.rules.narrative import (
    BASIS,
    CAT,
    MONEY_UNIT_RE,
    PARTITIONS,
    SANGONG,
    _compact,
    _parts_tolerance,
    _position,
    _unit_of,
    _what,
    compared,
    has_narrative,
    sentences,
)
from jixiao.core.claims import claims_of
from jixiao.core.disclosure import DisclosurePackage
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import compact_text, format_amount, printed_exponent
from jixiao.core.statements import Claim, Statement

ZERO = Decimal(0)
# Where the parts of a change begin, right after the whole's change: '，主要是', '，其中：', '，主要原因是', '，具体为'.
_CUE_RE = re.compile(r"[，,；;：:]\s*(?:(主要)(?:是|为|有|系|由于|包括|体现在|原因(?:是|为|在于)?[：:]?)|其中[：:]?|具体(?:是|为|包括)[：:]?"
                     r"|分别(?:是|为)[：:]?|包括[：:]?)")
_DIGIT_RE = re.compile(r"\d")
# A change printed without its unit ('共减少4.79，'): a part of the list that cannot be read.
_BARE_CHANGE_RE = re.compile(r"(?:增加|减少|增长|下降)了?\d[\d,.]*(?![\d,.]*\s*(?:亿元|万元|元|万|亿|%|％))")
_BASE_WORDS_RE = re.compile(r"(?:比|较|与|同)(?:上年|去年|\d{4}年)度?(?:同期)?(?:相比|相较)?$")
# The spending a list of 基本支出 and 项目支出 makes up by convention.
_SPENDING = ("基本支出", "项目支出")


def _change(claim: Claim) -> bool:
    return claim.measure == "change" and claim.basis == "上年" and bool(MONEY_UNIT_RE.search(claim.text))


def _depth(text: str, at: int) -> int:
    return sum(1 if ch in "(（" else -1 if ch in ")）" else 0 for ch in text[:at])


def _name(claim: Claim) -> str:
    """What a change is of: its subject, else the words before its figure less the comparison ('支出预算较2021年' →
    '支出预算') and the cue ('主要是一般公共预算' → '一般公共预算')."""
    if claim.subject and claim.subject not in ("收入", "支出"):
        return _what(claim)
    words = claim.clause[: max(claim.clause.find(claim.text), 0)]
    words = _CUE_RE.sub("", "，" + words).lstrip("，")
    words = re.sub(r"^(?:主要(?:是|为|有|系|由于)|其中[：:]?|具体(?:是|为))", "", words)
    return _BASE_WORDS_RE.sub("", words) or _what(claim) or "合计"


def _parts_after(statement: Statement, start: int) -> tuple[list[Claim], bool] | None:
    """The changes a sentence lists from `start` on (outside brackets), and whether a change of the list could not be
    read ('共减少4.79' without its unit); None when a part states an amount too (a list of amounts: parts_total's).
    A cue after the first part opens that part's own breakdown: not the list's."""
    text = _compact(statement)
    claims = [c for c in statement.claims if _position(text, c) >= start]
    if not claims and statement.reason:  # '…增加X万元，主要原因是A增加a万元': the reason holds the parts
        claims = list(claims_of(statement.reason)[0])
        text, start = compact_text(statement.reason), 0
    if any(c.measure in ("amount", "budget") for c in claims):
        return None
    second = _CUE_RE.search(text, start + 1)
    end = second.start() if second is not None else len(text)
    parts = [c for c in claims if _change(c) and _position(text, c) <= end
             and _depth(text, max(_position(text, c), 0)) == 0]
    return parts, bool(_BARE_CHANGE_RE.search(text, start))


def _breakdowns(statements: list[Statement]) -> Iterator[tuple[Claim, list[Claim], list[Statement], bool, bool]]:
    """(whole's change, parts' changes, the sentences they are in, whether the list names its main parts only,
    whether a part could not be read) for each change broken down in its sentence — the list carried on over '；'
    into the sentences after it while each opens with a change of its own."""
    for index, statement in enumerate(statements):
        text = _compact(statement)
        cue = _CUE_RE.search(text)
        if cue is None:
            continue
        before = [c for c in statement.claims if 0 <= _position(text, c) < cue.start()]
        if not before or not _change(before[-1]):
            continue
        whole = before[-1]
        end = _position(text, whole) + len(whole.text)
        if _DIGIT_RE.search(text, end, cue.start()):
            continue  # a rate or another figure between: the list is not right after the change
        found = _parts_after(statement, cue.end())
        if found is None:
            continue
        parts, unread = found
        used = [statement]
        following = statement
        for later in statements[index + 1:]:
            if not following.text.rstrip().endswith(("；", ";")) or later.section != statement.section:
                break
            more = _parts_after(later, 0)
            claims = [c for c in later.claims if c.measure not in ("rate",)]
            if more is None or not claims or not _change(claims[0]):
                unread = unread or bool(_BARE_CHANGE_RE.search(_compact(later)))
                break
            parts += more[0]
            unread = unread or more[1]
            used.append(later)
            following = later
        if parts:
            yield whole, parts, used, cue.group(1) is not None, unread


def _complete(whole: Claim, parts: list[Claim]) -> tuple[str, ...]:
    """The parts' names when they are every part the whole is made of (by convention), else ()."""
    names = {p.subject for p in parts}
    for partition in PARTITIONS.get(whole.subject, ()):
        if set(partition) <= names:
            return partition
    spending = whole.subject in ("支出", "支出总计", "本年支出合计") or (not whole.subject and "支出" in whole.clause)
    return _SPENDING if spending and set(_SPENDING) <= names and len(names) == len(_SPENDING) else ()


@rule("narrative.change_parts", "说明所列各项的增减额之和与合计的增减额不符", Tier.WARNING, CAT, f"{BASIS} N2",
      "disclosure", params=("tolerance",), applies=has_narrative)
def change_parts(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“收入较上年增加X万元，主要是A增加a万元，B增加b万元……”“支出比上年减少X万元，其中：基本支出减少a万元，项目支出增加b万元”：
    合计的增减额之后（“主要是”“其中”“主要原因是”“具体为”等）列出各项的增减额而未写各项金额时，各项增减额之和等于合计的增减额即已
    核对，差额在尾数误差内为提示。不相等时：所列各项按惯例就是合计的全部组成部分（支出的基本支出与项目支出，及说明与表规则所列的
    固定分项）为疑似（支出另有上缴上级支出、经营支出等时可能相符）；否则“主要是”只列主要变动项、“其中”可只列一部分，不能认定不符，
    该句列为未核对并写明原因。列表可跨“；”接续到下一句；某项增减额未写单位而不能读取时，同样不判断不符。各项另写有金额的由
    narrative.parts_total 核对，三公经费各项的增减由 narrative.n3_sangong_changes 核对。"""
    for whole, parts, used, main, unread in _breakdowns(sentences(pkg)):
        if whole.subject in SANGONG or any(p.subject in SANGONG for p in parts):
            continue
        summed = sum((p.value for p in parts), ZERO)
        difference = whole.value - summed
        tolerance = _parts_tolerance(ctx, whole, parts)
        what, names = _name(whole), "、".join(_name(p) for p in parts)
        unit = _unit_of(whole)
        places = max(-printed_exponent(re.sub(r"[^\d.]", "", c.text)) for c in (whole, *parts))
        shown = format_amount(summed, unit, places=places)
        said = f"说明称{what}比上年{whole.text}，所列{names}的增减额之和为 {shown} {unit}"
        complete = _complete(whole, parts)
        if abs(difference) > tolerance and not (complete and not unread):
            listed = "只列主要增减项" if main else "可只列一部分"
            why = "有一项增减额未写单位，未能读取" if unread else f"所列{names}的增减额之和为 {shown} {unit}，{listed}"
            ctx.unchecked(f"{why}，未能与合计的增减额核对", *used)
            continue
        compared(ctx, whole, *parts)
        ctx.checked(*used)
        if not difference:
            continue
        extra = "、".join(n for n in ("上缴上级支出", "经营支出", "对附属单位补助支出")) if complete == _SPENDING else ""
        note = ("，差额在尾数误差内" if abs(difference) <= tolerance else
                f"，而按惯例{what}由{'、'.join(complete)}组成，各项增减额之和应等于合计的增减额"
                + (f"（另有{extra}时可能相符）" if extra else ""))
        yield Finding("narrative.change_parts", Tier.NOTICE if abs(difference) <= tolerance else Tier.WARNING,
                      said + note, whole.location.with_(row=f"{what}增减额"), CAT, expected=shown,
                      actual=format_amount(whole.value, unit, places=places),
                      difference=format_amount(difference, unit, places=places))
