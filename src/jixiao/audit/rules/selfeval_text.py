"""自评报告正文与本报告表格 — what a self-evaluation's sentences say against its own tables and its own arithmetic.

A careful reviewer reads '年初预算数 X 元，预算执行数是 Y 元，执行率 Z%，结余资金 W' against the 预算执行 table
and checks Y ÷ 全年预算 = Z and 预算 − Y = W; adds the parts after '其中' to the total before it; recomputes a stated
'缺额' from the two amounts it comes from; and reads '均未验收合格' against the 验收合格率 indicator.
Figures are read by the claims grammar (core/claims.py) and compared at their printed precision: half a unit of
the last printed digit is a residue.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.audit import inputs
from jixiao.audit.catalogue import Context, rule
from jixiao.core.claims import MONEY, MONEY_UNIT, NUM, Printed, amounts_in, chinese_number, mask_in, printed
from jixiao.core.finding import Finding, Tier
from jixiao.core.model import BudgetLine, SelfEvaluation
from jixiao.core.money import format_amount, normalize_text
from jixiao.core.statements import outline_resumes, run_on_cuts, run_on_sections
from jixiao.scoring.selfeval import SelfEvaluationScore, score_self_evaluation

CAT = "自评报告"
ZERO = Decimal(0)


def _fmt(value: Decimal) -> str:
    """Two decimals at most, without trailing zeros: 12.5, 100."""
    return format_amount(value, separators=False, trim=True)


def _sentences(text: str) -> list[str]:
    return [s for part in run_on_sections(text) for s in re.split(r"[。；;]", part) if s.strip()]


# ---------------------------------------------------------------- the budget sentence against the table

_BUDGET_ITEMS = (
    ("年初预算数", r"年初预算(?:数|资金)?"),
    ("全年预算数", r"全年预算(?:数)?|调整后预算(?:数)?"),
    ("执行数", r"(?:预算)?执行(?:数|金额)|实际支出(?:数|金额)?"),
    ("结余", r"结余资金|结转结余(?:资金)?|资金结余"),
)
_LINK = r"\s*(?:为|是|：|:)?\s*"
_RATE_RE = re.compile(rf"(执行率|预算执行(?![数金]))\s*(?:为|是|：|:|达到?)?\s*({NUM})\s*[%％]")


@dataclass(frozen=True)
class BudgetSentence:
    amounts: dict[str, Printed]
    empty: dict[str, str]  # item → printed text, where the number is missing ('预算执行数是元')
    rates: list[tuple[str, Printed]]  # ('执行率', 63.16%) and ('预算执行', 100%)


def read_budget_sentence(text: str) -> BudgetSentence | None:
    """The budget figures of one paragraph, or None when it is not a budget-execution sentence."""
    text = normalize_text(text)
    amounts: dict[str, Printed] = {}
    empty: dict[str, str] = {}
    last_unit = "元"
    for name, label in _BUDGET_ITEMS:
        match = re.search(rf"(?:{label}){_LINK}(?:({NUM})\s*{MONEY_UNIT}?|{MONEY_UNIT})", text)
        if match is None:
            continue
        if match.group(1) is None:
            empty[name] = match.group(0)
            continue
        unit = match.group(2) or last_unit
        last_unit = unit
        amounts[name] = printed(match.group(1), unit)
    rates = [(m.group(1), printed(m.group(2), "%")) for m in _RATE_RE.finditer(text)]
    if len(amounts) + len(empty) < 2 or not (rates or "执行数" in amounts or "执行数" in empty):
        return None
    return BudgetSentence(amounts, empty, rates)


def _total_line(se: SelfEvaluation) -> BudgetLine | None:
    if se.budget_total is not None:
        return se.budget_total
    return next(iter(se.budget_lines), None) if len(se.budget_lines) == 1 else None


@rule("selfeval.narrative_budget", "预算执行情况的文字与预算执行表或自身算术不符", Tier.ERROR, CAT, "SPEC §1.3, §1.7",
      "self_evaluation", applies=inputs.statements)
def narrative_budget(se: SelfEvaluation, ctx: Context) -> Iterator[Finding]:
    """“年初预算数 X 元，预算执行数是 Y 元，执行率 Z%，结余资金 W 元”：X、Y 与预算执行表的年初预算数、全年执行数比较
    （一句一项）；执行率 = 执行数 ÷ 全年预算数，结余 = 预算 − 执行，预算取句中全年预算数、句中年初预算数或表中全年预算数，
    执行数取句中或表中数，任一读法成立即不报（不符的数已由前一项报出）。
    确定：超出印出精度半个单位的差异，或同一句中两个执行率不能同时成立；疑似：句中数值空缺（“预算执行数是元”），
    或句中“年初预算数”恰等于表中全年预算数（名称混用）。"""
    line = _total_line(se)
    table = {"年初预算数": (line.initial or line.initial_declared) if line else None,
             "全年预算数": line.adjusted if line else None, "执行数": line.executed if line else None}
    for text, where in se.reported.statements:
        sentence = read_budget_sentence(text)
        if sentence is None:
            continue
        loc = where.with_(project=se.project.name, row="预算执行情况")
        for gap in sentence.empty.values():
            yield Finding("selfeval.narrative_budget", Tier.WARNING, f"句中“{gap}”缺少数值", loc.with_(column=gap[:6]),
                          CAT, expected="数值", actual=gap)
        got = sentence.amounts
        differ = [(name, got[name], value) for name, value in table.items()
                  if name in got and value is not None and abs(got[name].value - value) > got[name].residue]
        initial = got.get("年初预算数")
        if [n for n, _, _ in differ] == ["年初预算数"] and initial is not None and table["全年预算数"] is not None \
                and abs(initial.value - table["全年预算数"]) <= initial.residue:
            yield Finding("selfeval.narrative_budget", Tier.WARNING,
                          f"正文称年初预算数 {initial.text}，等于表中全年预算数；表中年初预算数为 {format_amount(differ[0][2])} 元"
                          "（疑似把全年预算数写作年初预算数）", loc.with_(column="年初预算数"), CAT,
                          expected=_fmt(differ[0][2]), actual=_fmt(initial.value))
            differ = []
        if differ:
            yield Finding("selfeval.narrative_budget", Tier.ERROR,
                          f"正文称{'、'.join(f'{n} {p.text}' for n, p, _ in differ)}，预算执行表为 "
                          f"{'、'.join(f'{format_amount(v)} 元' for _, _, v in differ)}", loc.with_(column=differ[0][0]), CAT,
                          expected=_fmt(differ[0][2]), actual=_fmt(differ[0][1].value),
                          difference=_fmt(differ[0][1].value - differ[0][2]))
        bases = {v for v in (got.get("全年预算数"), got.get("年初预算数")) if v is not None}
        base_values = {p.value for p in bases} | ({table["全年预算数"]} if table["全年预算数"] else set())
        executed = {got["执行数"].value} if "执行数" in got else set()
        executed |= {table["执行数"]} if table["执行数"] is not None else set()
        readings = [(b, e) for b in base_values for e in executed]
        if not readings:
            continue
        first_base, first_executed = readings[0]
        if "结余" in got and not any(abs(got["结余"].value - (b - e)) <= got["结余"].residue for b, e in readings):
            yield Finding("selfeval.narrative_budget", Tier.ERROR,
                          f"正文称结余资金 {got['结余'].text}，按预算 {_fmt(first_base)} − 执行 {_fmt(first_executed)} 应为 "
                          f"{format_amount(first_base - first_executed)} 元", loc.with_(column="结余"), CAT,
                          expected=_fmt(first_base - first_executed), actual=_fmt(got["结余"].value))
        rates = [(b, e, e / b * 100) for b, e in readings if b > 0]
        for label, stated in dict(sentence.rates).items():
            allowed = max(stated.residue, Decimal("0.005"))
            if rates and not any(abs(stated.value - r) <= allowed for _, _, r in rates):
                b, e, r = rates[0]
                yield Finding("selfeval.narrative_budget", Tier.ERROR,
                              f"正文称{label} {stated.text}，按执行 {_fmt(e)} ÷ 预算 {_fmt(b)} 应为 {_fmt(r)}%",
                              loc.with_(column=label), CAT, expected=_fmt(r), actual=_fmt(stated.value))


# ---------------------------------------------------------------- a total against its parts, a stated difference

_LABELLED_RE = re.compile(rf"([\u4e00-\u9fa5]{{2,4}})\s*(?:为|是|：|:)?\s*{MONEY}")


# An amount that is a change on another ('同比上年度增加189.25万元', '较上年减少3万元'): neither a total nor a part.
_CHANGE_BEFORE_RE = re.compile(r"(?:增加|减少|增长|下降|上升|降低|增支|减支|增减|节约|超支)了?\s*$")


def _listed(text: str) -> list[tuple[Printed, re.Match[str]]]:
    """The amounts of a text that may be a total or its parts (changes on another figure left out)."""
    return [(figure, match) for figure, match in amounts_in(text)
            if not _CHANGE_BEFORE_RE.search(normalize_text(text)[max(0, match.start() - 6): match.start()])]


def _amounts(text: str) -> list[Printed]:
    return [figure for figure, _ in _listed(text)]


@dataclass(frozen=True)
class TotalAndParts:
    paragraph: int  # index of the paragraph holding the total
    label: str  # '年初预算' when each part repeats the total's label, else ''
    total: Printed
    parts: tuple[Printed, ...]
    complete: bool  # another total of the same list adds up: the list names every part
    # The mark of text the page hid among the total and its parts ('点击查看'): the hidden figures are unknown, so the
    # list is not summed (reported as not checked); '' when every figure is printed.
    hidden: str = ""
    # A '其中' opening a sentence after one that lists parts of its own ('共157万元，其中：甲39.3万元，乙117.7万元。其中
    # 丙87万元，丁70万元'): whether it lists that sentence's total or its last part the text does not say; True when
    # the parts add up to neither (a difference is then at most a warning).
    referent_unsure: bool = False


def totals_and_parts(paragraphs: list[str]) -> list[TotalAndParts]:
    """Totals followed by '其中': parts in the same sentence ('120万元，其中人员经费80万元，公用经费50万元'), or,
    when '其中：' ends the paragraph, the amounts after the same label in the paragraphs that follow
    ('年初预算4,764.04万元……其中：' then 'X支出年初预算3,626.55万元…', 'Y支出年初预算52.84万元…')."""
    texts = [normalize_text(t) for t in paragraphs]
    found: list[TotalAndParts] = []
    # a text cut off mid-sentence (an excerpt, a mirror page): its last paragraph ends without a stop
    ended_early = bool(texts) and not _ENDED_RE.search(texts[-1].rstrip()[-1:] or "。")
    for index, text in enumerate(texts):
        cut_off = ended_early and index == len(texts) - 1
        cuts = run_on_cuts(text)  # a list ends where a section run on after it begins
        for where in re.finditer(r"其中[：:]?|具体(?:为|是)[：:]?", text):
            start = max(cut for cut in cuts if cut <= where.start())
            # a list ends where a section run on after it begins, or where the outline it sits in goes on
            # ('1.资金到位情况，其中…，2.资金执行情况…'): what follows is under the next heading
            end = min(next((cut for cut in cuts if cut > where.end()), len(text)),
                      outline_resumes(text, where.start(), start))
            lead = _sentences(text[start: where.start()])
            before = [t for t in lead if _amounts(t)]
            head = before[-1] if before else ""
            close = _bracket_close(text, where.start(), start)
            end = min(end, close) if close is not None else end
            tail = _own_items(_sentences(text[where.end():end])[0]) if text[where.end():end].strip(" 。") else ""
            if tail:
                if cut_off and end == len(text) and not _SENTENCE_END_RE.search(text[where.end():]):
                    continue  # the list runs into the end of a text cut off: its last parts are not there
                whole, other = _wholes(head)
                earlier = _earlier_total(text[start: where.start()], head)
                listed = _until_use(tail)
                hidden = mask_in(" ".join((head, lead[-1] if lead else "", tail)))
                parts, nested = _outer_and_bracketed(listed)
                if where.group(0).startswith("具体"):  # a list of its own inside: the items are not told apart
                    colon = _colon_list(text[where.end():end]) if where.group(0)[-1] in "：:" else []
                    parts = colon or ([] if "其中" in tail else parts)
                if _REDUCTION_TOTAL_RE.search(head):  # a total of reductions: its parts are reductions too, not signed
                    parts = [replace(p, value=abs(p.value)) for p in parts]
                if whole is not None:
                    parts = _without_restatements(whole, parts, listed)
                if whole is not None and len(parts) >= 2:
                    parts, breakdowns = _breakdowns(whole, parts, listed)
                    nested += breakdowns
                    if close is None:  # a bracketed list ends with its bracket
                        parts, breakdowns = _continued(whole, parts, text[where.end():])
                        nested += breakdowns
                    item = TotalAndParts(index, "", whole, tuple(parts), False, hidden)
                    if other is not None and _adds_up(replace(item, total=other)) and not _adds_up(item):
                        item = replace(item, total=other)  # '共120万元（上年结转20万元，其中：…）' listing the 120
                    if earlier is not None and not _adds_up(item):
                        # '其中' opening a sentence after a list: the earlier sentence's total, or its last part
                        item = replace(item, total=earlier) if _adds_up(replace(item, total=earlier)) \
                            else replace(item, referent_unsure=True)
                    if len(parts) >= 2:
                        found.append(item)
                found.extend(TotalAndParts(index, "", part, tuple(inner), False, hidden) for part, inner in nested)
                continue
            group: list[TotalAndParts] = []
            for match in _LABELLED_RE.finditer(head):
                label, total = match.group(1), printed(match.group(2), match.group(3))
                parts = []
                for following in texts[index + 1:]:
                    part = re.search(rf"{label}\s*(?:为|是|：|:)?\s*{MONEY}", following)
                    if part is None:
                        break
                    parts.append(printed(part.group(1), part.group(2)))
                if index + len(parts) == len(texts) - 1 and ended_early:
                    continue  # the list runs into the end of a text cut off: its last parts are not there
                if len(parts) >= 2:
                    hidden = mask_in(" ".join((head, *texts[index + 1: index + 1 + len(parts)])))
                    group.append(TotalAndParts(index, label, total, tuple(parts), False, hidden))
            complete = any(_adds_up(g) for g in group if not g.hidden)
            found.extend(replace(g, complete=complete) for g in group)
        found.extend(item for item in _bracket_lists(index, text)
                     if not any(f.paragraph == index and f.total == item.total and f.parts == item.parts
                                for f in found))
        found.extend(item for item in _enumerated_lists(index, text, cut_off)
                     if not any(f.paragraph == index and f.total == item.total for f in found))
        found.extend(item for item in _trailing_totals(index, text)
                     if not any(f.paragraph == index and f.total == item.total for f in found))
    return found


# A total stated after its parts: '共计', '合计' right after the last part ('省级拨付62万元，中央拨付16万元，上年结余
# 6.47万元，共计84.47万元'), or a count of the amounts before it in its paragraph ('…下达3174万元；…下达2958万元。以上
# 两笔资金共计6132万元'). Between the stop and the total word only a count and a word for money may stand: '年初预算
# 合计…' or '执行合计…' names a figure of its own, not the sum of the amounts before it.
_TRAILING_TOTAL_RE = re.compile(
    r"(?:^|[，,、。；;])\s*(?:(?:以上|上述)(?:([两二三四五六七八九十\d]+)(?:笔|项))?)?(?:资金|经费|金额|补助资金|补贴资金)?"
    rf"(?:共计|合计|总计|总共)\s*(?:为|是|[:：])?\s*{MONEY}")
# What makes the amounts before such a total something else than its parts: a list of its own ('其中', '分别'),
# another total, a rate or a unit price ('每户', '标准', '元/人'), a figure executed or spent out of another.
_NOT_SUMMED_RE = re.compile(r"其中|包括|分别|具体|合计|共计|总计|总额|总共|(?<!公)共(?!同)|每|标准|单价|/|执行|实际")


def _trailing_totals(index: int, text: str) -> list[TotalAndParts]:
    """Totals stated after their parts (see _TRAILING_TOTAL_RE): the parts are the amounts outside brackets of the
    total's sentence before it, or, for a counted total ('以上两笔'), of its paragraph — exactly as many as it counts
    (then the list is complete)."""
    found: list[TotalAndParts] = []
    for match in _TRAILING_TOTAL_RE.finditer(text):
        total = printed(match.group(2), match.group(3))
        counted = chinese_number(match.group(1)) if match.group(1) else None
        start = max(cut for cut in run_on_cuts(text) if cut <= match.start())
        stretch = text[start: match.start()] if counted else re.split(r"[。；;]", text[start: match.start()])[-1]
        if _NOT_SUMMED_RE.search(stretch) or _USE_CLAUSE_RE.search(stretch):
            continue
        parts, _ = _outer_and_bracketed(stretch)
        if len(parts) < 2 or (counted is not None and len(parts) != counted):
            continue
        found.append(TotalAndParts(index, "", total, tuple(parts), counted is not None,
                                   mask_in(stretch + match.group(0))))
    return found


# An enumerated list, each style numbered from one on: '①…②…', '（1）…（2）…', '一是…二是…'.
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE_DIGITS = "一二三四五六七八九十"
_AFTER_STOP = r"(?<![^，,：:；;。\s])"
_MARKERS: tuple[tuple[re.Pattern[str], Callable[[int], str]], ...] = (
    (re.compile(r"①"), lambda n: re.escape(_CIRCLED[n - 1]) if n <= len(_CIRCLED) else "$^"),
    (re.compile(r"[（(]1[)）]"), lambda n: rf"[（(]{n}[)）]"),
    (re.compile(rf"{_AFTER_STOP}一是"),  # after a stop or at the start: not '统一是'
     lambda n: rf"{_AFTER_STOP}{_CHINESE_DIGITS[n - 1]}是" if n <= len(_CHINESE_DIGITS) else "$^"),
)
# What between an amount and the first item of a list says the items are that amount's parts: '其中', '包括', '分别
# 为', '具体用于', '主要用于' … ('200万元专项资金，具体用于支付：①…'); or the amount is a total in its own words ('共安排
# 100万元，一是…', '合计…'), the list following it right away.
_OPENER_RE = re.compile(r"其中|包括|分别|用于|具体|如下|构成|组成|明细")
_TOTAL_WORD_RE = re.compile(r"合计|总计|总额|总共|共")
_OPENER_LENGTH = 20


def _enumerated_lists(index: int, text: str, cut_off: bool) -> list[TotalAndParts]:
    """An amount followed by an enumerated list of its parts ('区级预算200万元，具体用于：①甲工程尾款43.96万元，…；②乙项目
    105.04万元，…'), when the grammar says they are its parts (see _OPENER_RE): each item's amount is the one amount of
    its first clause; a list with an item holding none, or more than one, is not read. A list in a text cut off
    inside it may have lost items: read only when the items printed already reach the total (over it, the sum cannot
    hold whatever follows)."""
    found: list[TotalAndParts] = []
    for first, numbered in _MARKERS:
        for opening in first.finditer(text):
            head = re.split(r"[。；;]", text[: opening.start()])[-1]
            amounts = _listed(head)
            if not amounts:
                continue
            total, match = amounts[-1]
            between = head[match.end():]
            clause = re.split(r"[，,：:]", head[: match.start()])[-1]
            if len(between) > _OPENER_LENGTH or re.search(r"\d", between) or not (
                    _OPENER_RE.search(between) or (_TOTAL_WORD_RE.search(clause) and not between.strip(" ，,：:"))):
                continue
            items = _items(text, opening, numbered)
            parts = [_item_amount(item) for item in items]
            if len(parts) < 2 or any(p is None for p in parts):
                continue
            item = TotalAndParts(index, "", total, tuple(p for p in parts if p is not None), False)
            went_on = cut_off and not _SENTENCE_END_RE.search(items[-1])  # the text ends inside the list
            if went_on and sum((p.value for p in item.parts), ZERO) < item.total.value - tolerance(item):
                continue
            found.append(item)
    return found


def _items(text: str, opening: re.Match[str], numbered: Callable[[int], str]) -> list[str]:
    """The items of a list from its first marker: each from its marker to the next one numbered after it, the last
    to the end of its sentence."""
    items: list[str] = []
    start, number = opening.end(), 2
    while (following := re.compile(numbered(number)).search(text, start)) is not None:
        items.append(text[start: following.start()])
        start, number = following.end(), number + 1
    last = re.split(r"(?<=。)", text[start:])[0]
    return [*items, last]


def _item_amount(item: str) -> Printed | None:
    """The amount of a list's item: the one amount outside brackets in its first clause, else None."""
    clause = re.split(r"[，,；;。]", item)[0]
    outer, _ = _outer_and_bracketed(clause)
    return outer[0] if len(outer) == 1 else None


_SENTENCE_END_RE = re.compile(r"[。！？!?]")
_ENDED_RE = re.compile(r"[。！？!?；;…)）”\"」』]")


def _earlier_total(lead: str, head: str) -> Printed | None:
    """For a '其中' opening a sentence (`lead`, the text before it, ends with a stop) whose previous sentence `head`
    lists parts of its own behind a '其中' of its own: the total that earlier '其中' lists (the subject the new sentence
    may go on about), else None."""
    if not re.search(r"[。；;]\s*$", lead):
        return None
    inner = list(re.finditer(r"其中", head))
    if not inner:
        return None
    whole, _ = _wholes(head[: inner[-1].start()])
    return whole


def _adds_up(item: TotalAndParts) -> bool:
    return abs(sum((p.value for p in item.parts), ZERO) - item.total.value) <= tolerance(item)


def _wholes(head: str) -> tuple[Printed | None, Printed | None]:
    """The whole a '其中' after `head` lists: the last amount before it within its own brackets. An amount in a
    bracket after the whole ('共安排120万元（含上年结转20万元），其中：…') details the whole and is none; a '其中' in
    a bracket lists the amount before it in that bracket, else the amount the bracket follows. Second, another
    reading: for a '其中' in a bracket after an amount in it ('共安排120万元（上年结转20万元，其中：…）'), the amount
    the bracket follows (the list may be its parts); else None."""
    stack: list[int] = []
    placed: list[tuple[tuple[int, ...], Printed]] = []
    listed = iter(_listed(head))
    upcoming = next(listed, None)
    for position, char in enumerate(head):
        while upcoming is not None and upcoming[1].start() == position:
            placed.append((tuple(stack), upcoming[0]))
            upcoming = next(listed, None)
        if char in "(（":
            stack.append(position)
        elif char in ")）" and stack:
            stack.pop()
    own = [figure for key, figure in placed if key == tuple(stack)]
    outer = [figure for key, figure in placed if key == tuple(stack[:-1])] if stack else []
    if own:
        return own[-1], (outer[-1] if outer else None)
    return (outer[-1] if outer else None), None


def _bracket_lists(index: int, text: str) -> list[TotalAndParts]:
    """An amount followed right away by a bracket listing two amounts or more without '其中' ('共安排120万元（上年结转
    20万元，本年下达100万元）'): the bracket lists the amount's parts."""
    found: list[TotalAndParts] = []
    for sentence in _sentences(text):
        amounts = _listed(sentence)
        for figure, match in amounts:
            bracket = _BRACKET_AFTER_RE.match(sentence, match.end())
            if bracket is None or "其中" in bracket.group(1) or _NOT_PARTS_RE.search(bracket.group(1)):
                continue
            inner = [f for f, m in amounts if bracket.start(1) <= m.start() < bracket.end(1)]
            if len(inner) >= 2:
                found.append(TotalAndParts(index, "", figure, tuple(inner), False, mask_in(sentence)))
    return found


_BRACKET_AFTER_RE = re.compile(r"\s*[(（]([^()（）]*)[)）]")
# What makes the amounts of a bracket something else than parts: another year's figure or a comparison ('（上年100万元，
# 本年120万元）', '（比上年增加…）'), a budget beside its execution ('（预算100万元，实际执行90万元）'). Funds carried
# over or granted in a year are parts ('上年结转', '2023年下达').
_NOT_PARTS_RE = re.compile(r"(?:上年|去年|\d{4}年度?)(?!结转|结余|下达|配套|安排|拨付)|同期|[比较增减]|预算|执行|实际|到位|支付|完成")


def _bracket_close(text: str, at: int, start: int) -> int | None:
    """Where the bracket a '其中' at `at` was opened in closes ('总投资300万元（其中设备120万元，安装30万元），二期…'):
    the list lists the bracket's content, not the batches, subsets and totals after it in the sentence. None when
    the '其中' stands outside brackets (from `start`, the sentence's stretch it was read in), or in a bracket that never
    closes: its closing bracket was lost ('《…通知》(财资〔2023〕21号及《…》'), the list is not in it."""
    def step(char: str) -> int:
        return 1 if char in "（(" else -1 if char in "）)" else 0

    depth = 0
    for char in reversed(re.split(r"[。；;]", text[start:at])[-1]):
        depth += step(char)
        if depth > 0:  # an opening bracket not closed before the '其中'
            break
    else:
        return None
    for index in range(at, len(text)):
        depth += step(text[index])
        if depth == 0:
            return index
    return None


def _continued(total: Printed, parts: list[Printed],
               rest: str) -> tuple[list[Printed], list[tuple[Printed, list[Printed]]]]:
    """The parts of a list that goes on over '；' ('其中甲工程监理费a万元，测绘费b万元；乙工程监理费c万元，测绘费d万元。'):
    the groups after the first, up to the sentence's end, a group without amounts or one opening its own '其中', are
    taken in while they lead to the total — the list is read on only when, so read, it adds up to it. Each group's
    clauses on use are left out and its parts' own breakdowns folded (see _breakdowns); second, those breakdowns."""
    groups = re.split(r"[；;]", re.split(r"。", rest)[0])[1:]
    running = list(parts)
    details: list[tuple[Printed, list[Printed]]] = []
    for group in groups:
        listed = _until_use(group)
        more, _ = _outer_and_bracketed(listed)
        if not more or "其中" in group:
            break
        more, found = _breakdowns(total, more, listed)
        running += more
        details += found
        item = TotalAndParts(0, "", total, tuple(running), False)
        gap = sum((p.value for p in running), ZERO) - total.value
        if abs(gap) <= tolerance(item):
            return running, details
        if gap > 0:
            break
    return parts, []


# A clause on what became of a part ('…补助资金520万元，已支出388.16万元，支付率74.6%'): the amount paid out of the
# part, not another part. A list whose parts are such amounts ('其中：已支出80万元，结余20万元') is not cut.
_USE_CLAUSE_RE = re.compile(r"[，,、]\s*(?:其中\s*)?(?:已|实际|累计|尚未|未)?(?:支出|拨付|使用|支付|兑付|下拨|报账)"
                            r"|[，,、]\s*(?:结余|剩余|余额)")
_USE_START_RE = re.compile(r"^\s*(?:已|实际|累计|尚未|未)?(?:支出|拨付|使用|支付|兑付|下拨|报账)|^\s*(?:结余|剩余|余额)")


def _until_use(text: str) -> str:
    """A list up to the first clause on the use of a part ('已支出…', '已拨付…', '结余…'): what follows says how a part
    was spent, not what else the whole holds. A list opening on such a clause lists the uses themselves."""
    first = re.search(r"\d", text)
    if first is None or _USE_START_RE.search(re.split(r"[，,、]", text[: first.start()])[-1]):
        return text
    cut = _USE_CLAUSE_RE.search(text, first.start())
    return text[: cut.start()] if cut else text


def _breakdowns(total: Printed, parts: list[Printed],
                text: str) -> tuple[list[Printed], list[tuple[Printed, list[Printed]]]]:
    """A list holding a part's own breakdown ('共1,500万元，其中第一批900万元，分别用于甲300万元、乙600万元；第二批…'):
    the amounts after a part followed by '分别' detail that part (up to the run adding up to it, else to the list's end),
    and, when the list as printed does not add up to the whole, a run of two parts or more right after a part adding up
    to it is that part's detail. Sub-parts of a part are no parts of the whole. The parts left, and each folded part
    with its detail (`parts` are the amounts outside brackets of `text`)."""
    respectively = _respectively(text)
    flat = _adds_up(TotalAndParts(0, "", total, tuple(parts), False))
    if flat and not respectively:
        return parts, []
    kept: list[Printed] = []
    details: list[tuple[Printed, list[Printed]]] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        kept.append(part)
        end = _run_adding_up(part, parts, index) if not flat or index in respectively else None
        if end is None and index in respectively:
            end = len(parts) - 1 if len(parts) - index > 2 else None
        if end is not None:
            details.append((part, parts[index + 1: end + 1]))
            index = end
        index += 1
    return kept, details


def _run_adding_up(part: Printed, parts: list[Printed], index: int) -> int | None:
    """Where a run of two parts or more right after `parts[index]` adding up to it ends, or None."""
    running = ZERO
    for end in range(index + 1, len(parts)):
        running += parts[end].value
        run = TotalAndParts(0, "", part, tuple(parts[index + 1: end + 1]), False)
        if end > index + 1 and _adds_up(run):
            return end
        if running > part.value + tolerance(run):
            return None
    return None


def _respectively(text: str) -> set[int]:
    """The parts (outside brackets, counted as _outer_and_bracketed counts them) followed by '分别' ('第一批900万元，
    分别用于…'): the amounts after them are theirs."""
    found: set[int] = set()
    count = 0
    for _, match in _listed(text):
        head = text[: match.start()]
        if head.count("(") + head.count("（") - head.count(")") - head.count("）") > 0:
            continue
        if re.match(r"[\s,，、]*分别", text[match.end():]):
            found.add(count)
        count += 1
    return found


# A part printed as a reduction ('B资金调减2.66万元'): it takes from the total, a part with its sign turned.
_REDUCTION_BEFORE_RE = re.compile(r"(?:调减|核减|扣减|扣回|收回|退回)了?\s*$")
# A total that is itself a reduction ('压减预算X万元，其中：审减a万元，调减b万元，收回c万元'): its parts add up as they are.
_REDUCTION_TOTAL_RE = re.compile(r"压减|审减|调减|核减|扣减|收回|减少|缩减")
# What says an amount is the whole again, not a part of it: the same money issued, arrived, paid out or spent
# ('其中专项资金20万元已全部到位').
_FLOW_RE = re.compile(r"到位|下达|拨付|拨入|执行|支出|使用|落实|收到")
_CLAUSE_CUT_RE = re.compile(r"[，,、；;。]")


def _without_restatements(whole: Printed, parts: list[Printed], text: str) -> list[Printed]:
    """The parts of a list other than the whole said again: an amount equal to the whole (within the rounding of
    both) in a clause saying that money was issued, arrived or spent ('下达20万元，其中专项资金20万元于1月全部到位，
    剧本费5万元…') restates the total, it is no part beside the others."""
    outer = [match for _, match in _listed(text)
             if text[: match.start()].count("(") + text[: match.start()].count("（")
             - text[: match.start()].count(")") - text[: match.start()].count("）") <= 0]
    if len(outer) != len(parts) or len(parts) < 2:
        return parts
    kept = []
    for part, match in zip(parts, outer, strict=True):
        begin = max((m.end() for m in _CLAUSE_CUT_RE.finditer(text, 0, match.start())), default=0)
        stop = _CLAUSE_CUT_RE.search(text, match.end())
        clause = text[begin: stop.start() if stop else len(text)]
        if abs(part.value - whole.value) <= part.residue + whole.residue and _FLOW_RE.search(clause):
            continue
        kept.append(part)
    return kept


# A sentence run on without its stop: an amount's unit followed right away by a year ('…其他资金859.6万元2023年支出
# 2310.4万元，其中…'): what follows is a new statement, not the list's next item.
_RUN_ON_YEAR_RE = re.compile(r"(?:亿元|万元|元)(?=\s*(?:19|20)\d{2}年)")


def _own_items(tail: str) -> str:
    """The stretch of a '其中' list holding its own items: up to a sentence run on without its stop (see
    _RUN_ON_YEAR_RE), and up to the amount a further '其中' outside brackets details ('其中：甲30万元，乙40万元，其中
    设备20万元'): the amounts after that '其中' are that item's parts, not the list's, and whether the list goes on after
    them cannot be told."""
    run_on = _RUN_ON_YEAR_RE.search(tail)
    if run_on is not None:
        tail = tail[: run_on.end()]
    for nested in re.finditer(r"其中", tail):
        head = tail[: nested.start()]
        if head.count("(") + head.count("（") > head.count(")") + head.count("）") or not _listed(head):
            continue
        return head
    return tail


_USE_WORD_RE = re.compile(r"(?:已|实际|累计|尚未|未)(?:支出|拨付|使用|支付|兑付|下拨|报账)|结余|剩余|余额")


def _colon_list(rest: str) -> list[Printed]:
    """The items of a list a colon opens ('下达9378万元。具体是：甲工程a万元；乙工程b万元；丙工程c万元。'), one per group
    up to the sentence's end when every group between '；' states exactly one amount outside brackets; [] otherwise
    (a group with none, more than one, its own '其中' or a clause on use is no item of such a list)."""
    groups = re.split(r"[；;]", re.split(r"。", rest)[0])
    items: list[Printed] = []
    for group in groups:
        amounts, _ = _outer_and_bracketed(group)
        if len(amounts) != 1 or "其中" in group or _USE_WORD_RE.search(group):
            return []
        items += amounts
    return items if len(items) >= 2 else []


def _outer_and_bracketed(text: str) -> tuple[list[Printed], list[tuple[Printed, list[Printed]]]]:
    """The amounts of a list outside brackets (its parts), and each part followed by a bracket of two amounts or
    more ('中央80万元（上年结转30万元，本年下达50万元）'): the part with its own parts. A part printed as a reduction
    ('调减2.66万元') counts negative."""
    outer: list[Printed] = []
    nested: list[tuple[Printed, list[Printed]]] = []
    inner: list[Printed] = []
    for figure, match in _listed(text):
        head = text[: match.start()]
        if _REDUCTION_BEFORE_RE.search(head[-6:]):
            figure = replace(figure, value=-figure.value)
        depth = head.count("(") + head.count("（") - head.count(")") - head.count("）")
        if depth <= 0:
            if outer and len(inner) >= 2:
                nested.append((outer[-1], inner))
            outer.append(figure)
            inner = []
        else:
            inner.append(figure)
    if outer and len(inner) >= 2:
        nested.append((outer[-1], inner))
    return outer, nested


def tolerance(item: TotalAndParts) -> Decimal:
    return sum((p.residue for p in item.parts), item.total.residue)


def parts_tier(item: TotalAndParts, difference: Decimal) -> tuple[Tier, str]:
    """How sure a listed parts' sum `difference` from its total is: within the printed digits' residues a notice;
    parts above the total (or below a list shown complete) an error; below, a warning (a part may be unlisted)."""
    if abs(difference) <= tolerance(item):
        return Tier.NOTICE, "（尾数误差）"
    if item.referent_unsure:
        return Tier.WARNING, "（“其中”另起一句，所列为上句总额还是其末项的分项，文字未说明）"
    if any(p.value < 0 for p in item.parts):  # whether the total is before or after the reductions is a reading
        return Tier.WARNING, "（所列含调减项，按调减计为负数合计；总额是否已扣除调减，文字未说明）"
    if difference > 0 or item.complete:
        return Tier.ERROR, ""
    return Tier.WARNING, "（若所列为全部组成则不符）"


@rule("selfeval.total_parts", "正文所列总额与“其中”各项之和不符", Tier.ERROR, CAT, "SPEC §1.7, §7.3", "self_evaluation",
      applies=inputs.statements)
def total_parts(se: SelfEvaluation, ctx: Context) -> Iterator[Finding]:
    """“总额 X 万元，其中 A a 万元、B b 万元……”，或“其中：”后各段逐项列出同一名目（“年初预算”）的金额：
    所列两项以上之和大于总额为确定；小于总额时，若同一列表中另一名目（如“支出决算”）各项之和恰等于其总额（说明已列全），
    为确定，否则为疑似（所列可能不是全部组成）；差异在各数印出精度的尾数容差内为提示。金额后紧跟括号列出的两项以上金额
    是该金额的分项（“共安排X万元（上年结转a万元，本年下达b万元）”），不是其后“其中”列表的合计。金额后以“其中、包括、分别、
    具体用于……”引出的编号列表（①②…、（1）（2）…、一是、二是…）各项取其首个分句中唯一的金额，与该金额比较。列表的读法与
    prose.parts_total 相同（止于提纲的下一标题，总额的复述不是分项，调减按负数，有被遮挡的金额时不合计）。"""
    statements = se.reported.statements
    for item in totals_and_parts([text for text, _ in statements]):
        if item.hidden:  # figures hidden by the page: the list's other members are unknown, nothing is summed
            continue
        got = sum((p.value for p in item.parts), ZERO)
        difference = got - item.total.value
        if difference == 0:
            continue
        tier, note = parts_tier(item, difference)
        what = f"{item.label} " if item.label else "总额 "
        yield Finding("selfeval.total_parts", tier,
                      f"正文称{what}{item.total.text}，其中所列 {len(item.parts)} 项合计 {item.total.shown(got)}，"
                      f"相差 {item.total.shown(difference)}{note}",
                      statements[item.paragraph][1].with_(project=se.project.name), CAT,
                      expected=_fmt(item.total.value), actual=_fmt(got), difference=_fmt(difference))


_DIFFERENCE_RE = re.compile(rf"(缺额|差额|缺口|资金缺口|相差)\s*(?:为|是|约)?\s*{MONEY}")


@rule("selfeval.stated_difference", "正文所称缺额、差额与其所由的两个金额不符", Tier.ERROR, CAT, "SPEC §1.7", "self_evaluation",
      applies=inputs.statements)
def stated_difference(se: SelfEvaluation, ctx: Context) -> Iterator[Finding]:
    """“应付 a 万元，应收 b 万元，缺额 c 万元”：c 应等于同一句中紧挨在前的两个金额之差。
    确定：超出三个数印出精度的尾数容差。"""
    for text, where in se.reported.statements:
        for sentence in _sentences(normalize_text(text)):
            for match in _DIFFERENCE_RE.finditer(sentence):
                before = _amounts(sentence[: match.start()])
                if len(before) < 2:
                    continue
                a, b = before[-2], before[-1]
                stated = printed(match.group(2), match.group(3))
                expected = abs(a.value - b.value)
                if abs(stated.value - expected) > a.residue + b.residue + stated.residue:
                    yield Finding("selfeval.stated_difference", Tier.ERROR,
                                  f"正文称{match.group(1)} {stated.text}，而 {a.text} 与 {b.text} 相差 {a.shown(expected)}",
                                  where.with_(project=se.project.name), CAT, expected=_fmt(expected),
                                  actual=_fmt(stated.value), difference=_fmt(stated.value - expected))


# ---------------------------------------------------------------- achievement text against the indicators

_NEGATIVE_ACCEPTANCE = re.compile(r"(均未|都未|尚未|没有|未)(通过)?验收(合格)?")
_POSITIVE_ACCEPTANCE = re.compile(r"(均已|都已|已经|全部|均|已)(通过)?验收(合格)?")


@rule("selfeval.achievement_text", "正文的完成情况与指标表矛盾（如称未验收合格而验收合格率达标）", Tier.ERROR, CAT,
      "SPEC §2.3", "self_evaluation", applies=inputs.needs(inputs.statements, inputs.indicators))
def achievement_text(se: SelfEvaluation, ctx: Context) -> Iterator[Finding]:
    """正文称已完工项目“均未验收合格”，而验收合格率指标已达到目标并得满分；或称“均已验收合格”，而该指标未达到目标。
    两种说法不能同时成立，为确定（谈“未完工项目”的句子不比较）。"""
    scored: SelfEvaluationScore = ctx.memo(("selfeval", id(se)), lambda: score_self_evaluation(se, ctx.profile))
    acceptance = [s for s in scored.indicators if "验收" in s.indicator.name and s.score is not None]
    if not acceptance:
        return
    for text, where in se.reported.statements:
        for sentence in re.split(r"[。；;，,]", text):
            if "验收" not in sentence or "未完工" in sentence:
                continue
            negative = _NEGATIVE_ACCEPTANCE.search(sentence)
            positive = None if negative else _POSITIVE_ACCEPTANCE.search(sentence)
            for item in acceptance:
                ind, weight = item.indicator, item.indicator.weight
                met = item.score == weight and ind.reported_score == weight
                missed = item.score is not None and weight is not None and item.score < weight
                if (negative and met) or (positive and missed):
                    actual = ind.actual.raw.strip() if ind.actual else ""
                    state = "已达到目标并得满分" if met else "未达到目标"
                    yield Finding("selfeval.achievement_text", Tier.ERROR,
                                  f"正文称“{sentence.strip()}”，而指标“{ind.name}”目标 "
                                  f"{ind.target.raw.strip() if ind.target else ''}、实际 {actual}，{state}",
                                  where.with_(project=se.project.name, row=ind.name), CAT,
                                  expected=state, actual=sentence.strip())
                    break

