"""Statements of a narrative (情况说明) or prose report: each sentence's amounts, percentages, direction
words and reason, tied to the section and line it came from, and the claims read from it (core/claims.py).

A claim is what a sentence asserts about one subject: an amount, a budget, a share (占…%), a change on the
previous year (增加/减少 an amount, 增长/下降 a rate), a completion of the budget (完成预算的X%), a count, or a
comparison word (大于/小于/等于 预算 or 上年). Amounts are yuan; percentages are percent; `quantum` is the value
of one unit of the last printed digit, so a check knows the precision the document printed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.money import BARE_MONEY_UNIT, NUMBER_RE, WAN, normalize_text, parse_decimal, printed_exponent
from jixiao.core.provenance import Location

UP = ("增加", "增长", "上升", "提高")
DOWN = ("减少", "下降", "降低", "减小")
SAME = ("持平", "与上年相同", "与上年持平", "无变化")
# a bare 万 or 亿 is money when no word follows it ('公务接待费0.7亿。'), as the claims grammar reads it
_FIGURE_RE = re.compile(rf"({NUMBER_RE.pattern})\s*(万元|元|亿元|{BARE_MONEY_UNIT}|%|％|辆|个|台|套|人次|批次|人)")


@dataclass(frozen=True)
class Figure:
    value: Decimal  # yuan for money, the number itself otherwise
    unit: str  # 元 (money in yuan), %, 辆, 个 …
    text: str  # as printed, e.g. '5,577.85万元'
    start: int  # offset in the sentence
    exponent: int  # printed precision (−2 for two decimals)


MEASURES = ("amount", "prior", "figure", "budget", "share", "change", "rate", "completion", "count", "compare",
            "declared", "proposed", "reduction", "reduction_rate", "saving_rate", "adjustment", "average")


@dataclass(frozen=True)
class Claim:
    subject: str  # canonical name: 收入总计, 基本支出, 一般公共服务支出, 三公经费, 公务接待费, 政府采购工程 …
    scope: str  # '' | fiscal (财政拨款) | general (一般公共预算) | fund (政府性基金) | state_capital
    # (国有资本经营) | social_insurance (社会保险基金)
    measure: str  # one of MEASURES (prior: the previous year's amount; figure: another amount said of the
    # subject, such as a 差值 or a 节约, that no check reads; average: an amount per unit, never a part)
    value: Decimal  # yuan (amount, budget, change), percent (share, rate, completion), a count, or for a
    # comparison +1 (大于/高于), −1 (小于/低于), 0 (等于/持平)
    text: str  # the figure or word as printed: '5,577.85万元', '29.39%', '等于'
    quantum: Decimal  # one unit of the last printed digit, in the value's unit
    location: Location = field(default_factory=Location)
    basis: str = ""  # budget: 年初|全年; share: the whole it names ('' = the list it belongs to);
    # change/rate: 上年 | 预算; compare: 预算 | 上年; figure: the words before it; amount: 执行 when named as the
    # amount spent (实际执行, 实际支出); declared … adjustment: their cue word
    clause: str = ""  # the clause it was read from
    negated: bool = False  # compare: the word is denied (未超过, 不高于, 没有增加): true unless the word itself is

    @property
    def where(self) -> Location:
        return self.location.with_(row=self.subject)


@dataclass(frozen=True)
class Statement:
    text: str
    section: str
    location: Location = field(default_factory=Location)
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    kind: str = "sentence"  # sentence | heading (a title or cover line) | contents (an entry of the 目录) | profile (a
    # sentence of the unit's 概况 listing counts, read by narrative.count_parts only)
    table: str = ""  # heading/contents: the 决算 table it names (D01…D10), '' when none
    reason: str = ""  # the stated reason (主要原因是…), when the sentence gives one

    def money(self) -> list[Figure]:
        return [f for f in self.figures if f.unit == "元"]

    def percents(self) -> list[Figure]:
        return [f for f in self.figures if f.unit == "%"]


def figures_of(text: str) -> tuple[Figure, ...]:
    """Every number with a unit in a sentence; 万元 and 亿元 become yuan."""
    norm = normalize_text(text)
    found = []
    for match in _FIGURE_RE.finditer(norm):
        number = parse_decimal(match.group(1))
        if number is None:
            continue
        unit = match.group(2).replace("％", "%")
        if unit in ("万元", "亿元", "元", "万", "亿"):
            value = number * (WAN if unit in ("万元", "万") else Decimal(100000000) if unit in ("亿元", "亿") else 1)
            unit = "元"
        else:
            value = number
        found.append(Figure(value, unit, match.group(0), match.start(), printed_exponent(match.group(1))))
    return tuple(found)


_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五")
# A section number ('二、'), not an ordinal's ('初二、', '第二、') nor the end of a longer number.
_SECTION_NUMBER_RE = re.compile(r"(?<![初高第周之一二三四五六七八九十])(十[一二三四五]|[一二三四五六七八九十])、")
# Where an outline's first heading may stand: at the start, after a stop or a space, or run on after a title.
_FIRST_HEADING_AFTER = re.compile(r"(?:^|[^\u4e00-\u9fff]|报告|说明|如下|情况)[ \t]*$")


def run_on_cuts(text: str) -> list[int]:
    """Where a report copied onto one line starts a new section: once an outline has begun ('一、' at the start, after a
    stop or after the title), the heading numbered next ('二、', then '三、'…) run on after a word ('…保证学校正常运转
    二、项目资金使用情况…'). A list in a sentence ('其中：一、…，二、…') is not cut. The text's start is the first cut."""
    cuts = [0]
    last = -1
    for match in _SECTION_NUMBER_RE.finditer(text):
        index = _NUMERALS.index(match.group(1))
        if index != last + 1 or (index == 0 and not _FIRST_HEADING_AFTER.search(text[:match.start()])):
            continue
        last = index
        if index > 0 and re.search(r"[\u4e00-\u9fff][ \t]?$", text[:match.start()]):
            cuts.append(match.start())
    return cuts


# The numbering styles of a report's outline, each with the number it prints: '二、', '（二）', '2.' / '2、', '（2）'.
_OUTLINE_STYLES = (
    re.compile(r"(?<![初高第周之一二三四五六七八九十])(十[一二三四五]|[一二三四五六七八九十])、"),
    re.compile(r"[（(](十[一二三四五]|[一二三四五六七八九十])[)）]"),
    re.compile(r"(?<![\d.．])(\d{1,2})\s*[.．、](?![\d.．])"),
    re.compile(r"[（(](\d{1,2})[)）]"),
)


def _outline_number(text: str) -> int:
    return _NUMERALS.index(text) + 1 if text in _NUMERALS else int(text)


def outline_resumes(text: str, at: int, start: int = 0) -> int:
    """Where the outline that `at` sits in goes on after it: the first heading after `at` numbered next after the last
    heading of its style in `text[start:at]` ('1.项目资金到位情况，其中…，2.项目资金执行情况…' resumes at '2.'), in a
    report whose headings run on with its sentences. len(text) when none does: what follows `at` up to there is
    still under the same heading."""
    end = len(text)
    for style in _OUTLINE_STYLES:
        before = [m for m in style.finditer(text, start, at)]
        if not before:
            continue
        following = _outline_number(before[-1].group(1)) + 1
        after = next((m for m in style.finditer(text, at) if _outline_number(m.group(1)) == following), None)
        if after is not None:
            end = min(end, after.start())
    return end


def run_on_sections(text: str) -> list[str]:
    """The text cut at the section headings run on in it (run_on_cuts)."""
    cuts = run_on_cuts(text)
    return [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True) if text[a:b].strip()]


_OPEN, _CLOSE = "(（", ")）"


def _bracketed(text: str) -> list[tuple[int, int]]:
    """The spans of the brackets that close in the text ('（…）', '(…)', either shape closing either): a bracket that
    never closes spans nothing, so a stray '（' does not swallow the rest of the text."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    for position, char in enumerate(text):
        if char in _OPEN:
            opened.append(position)
        elif char in _CLOSE and opened:
            spans.append((opened.pop(), position))
    return spans


def _stops(text: str) -> list[str]:
    """The text cut after each 。；! ? that stands outside a bracket: a bracket listing the parts of a figure
    ('…500万元（其中购置费100万元；运行费400万元。）比上年…') goes on with the sentence it opened in."""
    spans = _bracketed(text)
    cuts = [m.end() for m in re.finditer(r"[。；;！!？?]", text)
            if not any(start < m.start() < end for start, end in spans)]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def sentences(paragraph: str) -> list[str]:
    """Sentences split at 。；! ? outside brackets and at section headings run on in a one-line report — a sentence
    that only gives a reason stays with the one before."""
    parts = [p.strip() for part in run_on_sections(paragraph) for p in _stops(part) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and re.match(r"^(主要)?原因(是|为|：|:)", part):
            merged[-1] += part
        else:
            merged.append(part)
    return merged
