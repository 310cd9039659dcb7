"""分配清单 — funds allocated as a list, and the projects then listed one by one.

A report often states an allocation as '下达资金X亿元，涉及M个单位，共N个项目。其中：A单位k₁个a₁亿元、B单位k₂个
a₂亿元…', then lists the projects one by one, each under an item number with its amount ('（一）…项目。安排资金
y万元…'). The amounts a₁ + a₂ + … = X are prose.parts_total's. Here: the entries' counts k₁ + k₂ + … add up to the
project count N; the number of entries is the count of units M; and, read in the list's order, the projects listed
one by one make up the entries — the first k₁ projects' amounts add up to a₁, the next k₂ to a₂ — whatever unit
each figure is printed in (an entry in 亿元, its projects in 万元).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.rules.prose import paragraphs
from jixiao.core.claims import CN_NUM, GRADE_WORD, MONEY, Printed, chinese_number, printed
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import compact_text
from jixiao.core.statements import Claim, Statement

CAT = "业务管理"
ZERO = Decimal(0)

# An entry of the list: a name, its count of projects, and (optionally) its amount — '市住建局6个2.886亿元',
# '甲镇3个项目，资金120万元', '乙单位2个'.
_ENTRY_RE = re.compile(rf"([\u4e00-\u9fa5“”\"()（）]{{2,24}}?)({CN_NUM}|\d+)\s*个(项目|子项目)?"
                       rf"(?:[，,]?(?:安排|下达|分配)?(?:资金|金额)?(?:为|共|计)?{MONEY})?")
_HEAD_COUNT_RE = re.compile(rf"({CN_NUM}|\d+)\s*个([\u4e00-\u9fa5]{{1,6}})")
_UNITS_RE = re.compile(r"部门|单位|乡镇|街道|地区|县|区|家")
# A clause that goes on about the whole, not an entry of the list ('涉及部门单位7个', '共计…').
_NOT_AN_ENTRY = re.compile(r"^(?:涉及|共|合计|总计|累计|其中|另|此外)")
# An entry that is a grade's count ('优秀2个', '“良”的8个').
_GRADED = re.compile(rf"(?:{GRADE_WORD})[”\"]?(?:的)?(?:项目)?$")
# What may stand between two entries.
_ENTRY_GAP = re.compile(r"^[、，,；;和及\s]*$")
# An item of a list printed one per paragraph, by its number's style: '㈠', '（一）', '一是', '①', '1.' or '1、', '(1)'.
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("enclosed", re.compile(r"^[㈠-㈩]")),
    ("bracketed", re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]")),
    ("first_is", re.compile(r"^[一二三四五六七八九十]{1,3}是")),
    ("circled", re.compile(r"^[①-⑳]")),
    ("numbered", re.compile(r"^\d{1,2}[、.．](?!\d)")),
    ("bracketed_digit", re.compile(r"^[（(]\d{1,2}[)）]")),
)
# An item's own amount: the funds allocated to it ('安排资金7000万元', '下达补助资金50万元').
_ITEM_AMOUNT_RE = re.compile(rf"(?:安排|下达|分配|拨付|下拨|补助|投入)[\u4e00-\u9fa5]{{0,8}}?(?:为|共|计)?{MONEY}")
_HEADING_GAP = 2  # paragraphs (a sub-heading) that may stand between the list and its projects listed one by one


@dataclass(frozen=True)
class Entry:
    name: str
    count: int
    noun: str  # '项目' when the entry names what it counts
    amount: Printed | None
    text: str


@dataclass(frozen=True)
class Allocation:
    counts: tuple[tuple[int, str, str], ...]  # the counts stated before '其中': (count, the word after 个, as printed)
    entries: tuple[Entry, ...]


def allocation_of(text: str) -> Allocation | None:
    """The allocation list of a paragraph: two entries or more with a count each after '其中', and the counts the
    sentence before it states ('涉及4个部门单位，共9个项目'); None when there is no such list."""
    norm = compact_text(text)
    for where in re.finditer(r"其中[：:]?", norm):
        head = re.split(r"[。；;]", norm[: where.start()].rstrip("。；; "))[-1]
        counts = tuple((n, m.group(2), m.group(0)) for m in _HEAD_COUNT_RE.finditer(head)
                       if (n := chinese_number(m.group(1))) is not None)
        tail = re.split(r"[。]", norm[where.end():])[0]
        entries: list[Entry] = []
        end = 0
        for match in _ENTRY_RE.finditer(tail):
            if not _ENTRY_GAP.match(tail[end: match.start()]):
                break  # the list opens right after '其中' and goes on entry after entry
            count = chinese_number(match.group(2))
            if count is None or _NOT_AN_ENTRY.match(match.group(1)):
                break
            amount = printed(match.group(4), match.group(5)) if match.group(4) else None
            entries.append(Entry(match.group(1), count, match.group(3) or "", amount, match.group(0)))
            end = match.end()
        if any(_GRADED.search(e.name) for e in entries):
            continue  # counts per grade ('其中优秀2个、良好1个'): results.graded_counts reads them
        if counts and len(entries) >= 2:
            return Allocation(counts, tuple(entries))
    return None


def _style(text: str) -> str:
    stripped = compact_text(text).lstrip()
    return next((name for name, pattern in _MARKERS if pattern.match(stripped)), "")


def listed_items(texts: list[str]) -> tuple[int, list[Printed | None]]:
    """The projects listed one by one after an allocation: the first run of paragraphs opening with one style of item
    number, the first of them stating its amount (after at most a sub-heading). Where the run starts, and each item's
    allocated amount, None when the item states none."""
    start = next((i for i, t in enumerate(texts[: _HEADING_GAP + 1]) if _style(t) and _ITEM_AMOUNT_RE.search(
        compact_text(t))), None)
    if start is None:
        return 0, []
    style = _style(texts[start])
    items: list[Printed | None] = []
    for text in texts[start:]:
        if _style(text) != style:
            break
        match = _ITEM_AMOUNT_RE.search(compact_text(text))
        items.append(printed(match.group(1), match.group(2)) if match else None)
    return start, items


def _claims_of(group: list[Statement], *texts: str) -> list[Claim]:
    """The claims of a paragraph whose clause prints one of `texts`."""
    wanted = [compact_text(t) for t in texts if t]
    return [c for s in group for c in s.claims if any(w in compact_text(c.clause) or compact_text(c.clause) in w
                                                      for w in wanted if c.clause)]


def _count_claims(group: list[Statement], text: str) -> list[Claim]:
    return [c for c in _claims_of(group, text) if c.measure == "count"]


@rule("prose.allocation_list", "分配清单各单位项目个数之和与项目总数不符，或逐项所列项目金额与清单不符", Tier.ERROR, CAT,
      "SPEC §1.7, §7.3", "prose")
def allocation_list(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“下达资金X，涉及M个单位，共N个项目。其中：A单位k₁个a₁、B单位k₂个a₂……”：各单位个数之和 = N（所列各项写明“项目”
    且之和大于 N 为确定；个数未写明所计何物、或之和小于 N（所列可能不全）为疑似）；所列单位数 = M 时一并核对。其后逐项列出
    各项目及其安排资金（“㈠…项目。安排资金y万元”）时，按清单顺序分组：前 k₁ 项之和 = a₁，其后 k₂ 项之和 = a₂……（单位可不同，
    按所印精度比较）；不符为疑似（逐项所列依清单顺序排列是推断）。逐项列出不全（正文中断）时只核对完整的组。"""
    groups = paragraphs(statements)
    texts = [" ".join(s.text for s in group) for group in groups]
    for index, text in enumerate(texts):
        allocation = allocation_of(text)
        if allocation is None:
            continue
        group = groups[index]
        yield from _counts(allocation, group, ctx)
        yield from _items(allocation, group, groups[index + 1:], texts[index + 1:], ctx)


def _counts(allocation: Allocation, group: list[Statement], ctx: Context) -> Iterator[Finding]:
    entries = allocation.entries
    got = sum(e.count for e in entries)
    parts = [c for e in entries for c in _count_claims(group, e.text)]
    where = group[0].location.with_(row="分配清单个数")
    for count, noun, shown in allocation.counts:  # the number of entries is the count of units
        if _UNITS_RE.search(noun) and count == len(entries):
            ctx.checked(*_count_claims(group, shown))
    if any(count == got for count, _, _ in allocation.counts):
        total = next(shown for count, _, shown in allocation.counts if count == got)
        ctx.checked(*parts, *_count_claims(group, total))
        return
    named = {e.noun for e in entries} == {"项目"}
    projects = [(count, shown) for count, noun, shown in allocation.counts if "项目" in noun]
    if len(projects) != 1:
        return  # no count of projects to set the entries against
    count, shown = projects[0]
    ctx.checked(*parts, *_count_claims(group, shown))
    tier = Tier.ERROR if named and got > count else Tier.WARNING
    note = "" if tier is Tier.ERROR else (
        "（若所列为全部组成则不符）" if got < count else "（所列各项后的个数按项目数读取）")
    yield Finding("prose.allocation_list", tier,
                  f"文字称{shown}，其中所列 {len(entries)} 项的个数之和为 {got} 个{note}", where, CAT,
                  expected=str(count), actual=str(got))


def _items(allocation: Allocation, group: list[Statement], following: list[list[Statement]], texts: list[str],
           ctx: Context) -> Iterator[Finding]:
    """The projects listed one by one, grouped in the list's order, against each entry's amount."""
    start, items = listed_items(texts)
    entries = allocation.entries
    if len(items) < 2 or len(items) > sum(e.count for e in entries):
        return
    stated = [c for g in following[start: start + len(items)] for s in g for c in s.claims if c.measure != "count"]
    position = 0
    wrong: list[tuple[str, Entry, Decimal]] = []
    for entry in entries:
        span = items[position: position + entry.count]
        first = position + 1
        position += entry.count
        if entry.amount is None or len(span) < entry.count or any(a is None for a in span):
            continue  # the list was cut before the entry's last project, or a project states no amount
        amounts = [a for a in span if a is not None]
        got = sum((a.value for a in amounts), ZERO)
        ctx.checked(*_claims_of(group, entry.text), *[c for c in stated if c.text in {a.text for a in amounts}])
        if abs(got - entry.amount.value) > sum((a.residue for a in amounts), entry.amount.residue):
            total = amounts[0].shown(got)
            if amounts[0].unit != entry.amount.unit:
                total += f"（{entry.amount.shown(got)}）"
            said = f"第 {first}–{position} 项合计 {total}" if entry.count > 1 else f"第 {first} 项 {amounts[0].text}"
            wrong.append((f"{said}，而清单为“{entry.text}”", entry, got))
    if wrong:
        _, entry, got = wrong[0]
        assert entry.amount is not None
        yield Finding("prose.allocation_list", Tier.WARNING,
                      f"逐项所列项目的安排资金按清单顺序分组与清单不符：{'；'.join(w for w, _, _ in wrong)}（假定逐项所列项目"
                      "依清单中各单位的顺序排列）", following[start][0].location.with_(row="逐项金额与清单"), CAT,
                      expected=entry.amount.text, actual=entry.amount.shown(got))
