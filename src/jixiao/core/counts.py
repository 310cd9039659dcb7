"""Counts of people and of units a sentence states with the parts it lists under them: '编制人数30，其中：行政编制人数
12、事业编制人数18', '实有人数28，其中：在职人数28，行政在职人数11、事业在职人数17', '共有预算单位3个，包括示例局本级和
二级预算单位2个'.

A list is read only where the text says its items are parts of the count (其中, 包括) and every item is a count of
the same kind (people: …人数/…编制 N (人|名); units: …单位/…机构 N 个, or an entity's 本级, one unit). A part that
prints the kind's own unit may be called anything and put its number first ('其中：离休2人、退休75人', '其中1个院机关、
2个派出法庭'); a part without a unit must be named as one of the kind. A list whose first part is broken down in the
next clause ('其中：在职人数28，行政在职人数11、…') is read as two lists: the part under the total, and its own parts;
so is a bracket of parts right after a count ('离退休人员12人(其中：离休2人，退休10人)'), and what a bracket after a part
says of it is not a part of the list. Numbers may print thousands separators ('1,206人'). Counts are whole numbers:
nothing is rounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.core.money import compact_text

CUE_RE = re.compile(r"^(?:其中|包括|包含)[：:]?")
# One count: its label and number ('行政编制人数12', '自收自支编制人数3人', '二级预算单位2个'), or an entity's own level.
_ITEM_RE = re.compile(
    r"(?P<label>[^\d，,、；;：:]{1,40}?)(?:共计|合计|共有|为|是|共|有|计)?(?P<n>\d+)(?P<unit>人|名|个)?$"
)
# A part with its number first: '1个院机关', '2名工勤人员'.
_FIRST_RE = re.compile(r"^(?P<n>\d+)(?P<unit>人|名|个)(?P<label>[^\d，,、；;：:]{1,20})$")
UNITS = {"people": ("人", "名"), "units": ("个",)}
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_BRACKET_RE = re.compile(r"[(（]([^()（）]*)[)）]")
_OWN_LEVEL_RE = re.compile(r"^[^\d，,、；;：:]{0,40}本级$")
_PEOPLE_RE = re.compile(r"(?:人数|编制|编制数|名额|人员|学生|教师|教职工|职工|干部|员工|幼儿)$")
_UNITS_RE = re.compile(r"(?:单位|机构)$")
_KEY_RE = re.compile(r"(?:人数|人员|数)$")
# What a bracket right after a count says of its change, not of its parts ('(比上年增加2人，减少1人)').
_CHANGE_RE = re.compile(r"增加|减少|增长|下降|新增|比上年|同比|较上年")
# Classes no one can be in two of, by the words a part is named with: a school's levels (中学 is 初中 and 高中), sex, and
# whether one works or has retired (离退休 is 离休 and 退休). A part named with none of a family's words is not of it.
_EXCLUSIVE: tuple[tuple[tuple[str, frozenset[str]], ...], ...] = (
    (("初中", frozenset("j")), ("高中", frozenset("s")), ("中学", frozenset("js")), ("小学", frozenset("p")),
     ("幼儿园", frozenset("k")), ("学前", frozenset("k"))),
    (("男", frozenset("m")), ("女", frozenset("f"))),
    (("在职", frozenset("a")), ("在编", frozenset("a")), ("离退休", frozenset("lr")), ("离休", frozenset("l")),
     ("退休", frozenset("r"))),
)


@dataclass(frozen=True)
class Count:
    label: str  # as written: '行政编制人数', '示例局本级'
    value: int
    own_level: bool = False  # an entity's 本级 written without a number: one unit


@dataclass(frozen=True)
class CountList:
    """A count and the parts a sentence lists under it."""

    total: Count
    parts: tuple[Count, ...]
    kind: str  # 'people' | 'units'

    @property
    def unit(self) -> str:
        return "人" if self.kind == "people" else "个"

    @property
    def summed(self) -> int:
        return sum(p.value for p in self.parts)

    @property
    def exclusive(self) -> bool:
        """Whether the parts are classes no one can be in two of ('中学576人，小学813人'; '男…、女…'): named each by one
        class of the same family, no two sharing one. Parts named otherwise may overlap ('女教师', '党员')."""
        return len(self.parts) > 1 and any(_disjoint([_classes(p.label, family) for p in self.parts])
                                           for family in _EXCLUSIVE)


def _classes(label: str, family: tuple[tuple[str, frozenset[str]], ...]) -> frozenset[str] | None:
    """The classes of `family` a part's name says it is of (its first word of the family), or None."""
    found = [(label.find(word), classes) for word, classes in family if word in label]
    return min(found, key=lambda hit: hit[0])[1] if found else None


def _disjoint(classes: list[frozenset[str] | None]) -> bool:
    seen: set[str] = set()
    for each in classes:
        if each is None or seen & each:
            return False
        seen |= each
    return True


def _count(text: str, total: bool = False, kind: str = "") -> tuple[Count, str] | None:
    """One count and its kind, or None. A total's label is the words right before its number ('2024年示例局共有预算
    单位3个' → '预算单位'). A part of a list of `kind` printed with that kind's unit is one whatever it is called."""
    if _OWN_LEVEL_RE.match(text) and not total:
        return Count(text, 1, own_level=True), "units"
    if not total and kind and (first := _FIRST_RE.match(text)) and first.group("unit") in UNITS[kind]:
        return Count(first.group("label"), int(first.group("n"))), kind
    match = _ITEM_RE.search(text) if total else _ITEM_RE.match(text)
    if match is None:
        return None
    label, unit = match.group("label"), match.group("unit") or ""
    if kind and not total and unit in UNITS[kind]:
        return Count(label, int(match.group("n"))), kind
    if _PEOPLE_RE.search(label) and unit in ("", "人", "名"):
        kind = "people"
    elif _UNITS_RE.search(label) and unit == "个":
        kind = "units"
    else:
        return None
    return Count(re.split(r"共有|现有|核定", label)[-1] or label, int(match.group("n"))), kind


def _run(clause: str, kind: str) -> list[Count] | None:
    """A clause made only of counts of one kind, parted by 、 (and 和/及 between units), or None."""
    items = re.split(r"、|和|及" if kind == "units" else r"、", clause)
    found = [_count(item, kind=kind) for item in items]
    if not found or any(f is None or f[1] != kind for f in found):
        return None
    return [f[0] for f in found if f is not None]


def _key(count: Count) -> str:
    """The words a part's own parts repeat: '在职人数' → '在职'."""
    return _KEY_RE.sub("", count.label)


def _bracketed(text: str) -> tuple[str, list[CountList]]:
    """The text without its brackets, and the lists a bracket of parts right after a count states ('…1,206人(其中：离休
    9人，退休1,197人)')."""
    found: list[CountList] = []
    for match in _BRACKET_RE.finditer(text):
        # '在校学生1,152人，(中学576人，小学813人)': a comma may stand between the count and its bracket
        before = re.split(r"[，,；;。：:、]", text[: match.start()].rstrip("，,"))[-1]
        total = _count(before, total=True)
        clauses = [c for c in re.split(r"[，,；;]", match.group(1)) if c]
        if total is not None and clauses and not CUE_RE.match(clauses[0]) and _breakdown(clauses, total[1]):
            clauses[0] = "其中" + clauses[0]  # a bracket of counts of its kind only: the count's parts
        found += _lists(clauses, total)
    while _BRACKET_RE.search(text):
        text = _BRACKET_RE.sub("", text)
    return text, found


def _breakdown(clauses: list[str], kind: str) -> bool:
    """Whether a bracket's clauses, without 其中, are the parts of the count before it: two or more, each one count of
    the kind with the kind's unit printed, and none a change ('比上年增加2人')."""
    if len(clauses) < 2 or any(_CHANGE_RE.search(clause) for clause in clauses):
        return False
    units = UNITS[kind]
    for clause in clauses:
        one = _FIRST_RE.match(clause) or _ITEM_RE.match(clause)
        if one is None or one.group("unit") not in units:
            return False
    return True


def count_lists(sentence: str) -> list[CountList]:
    """The counts with their listed parts in one sentence (see the module's docstring)."""
    text, found = _bracketed(_THOUSANDS_RE.sub("", compact_text(sentence)))
    return _lists([c for c in re.split(r"[，,；;。]", text) if c]) + found


def _lists(clauses: list[str], total: tuple[Count, str] | None = None) -> list[CountList]:
    """The lists of these clauses; with `total`, the clauses are a bracket after that count, a list of its parts."""
    if total is not None:
        clauses = ["", *clauses]
    found: list[CountList] = []
    for index, clause in enumerate(clauses[:-1]):
        if total is None or index:
            total = _count(re.split(r"[：:]", clause)[-1], total=True)
        cue = CUE_RE.match(clauses[index + 1])
        if total is None or cue is None:
            continue
        count, kind = total
        start, rest = index + 2, clauses[index + 1][cue.end() :]
        if not rest and start < len(clauses):  # '其中，行政编制12人、…': the cue a clause of its own
            start, rest = start + 1, clauses[start]
        parts = _run(rest, kind)
        if not parts:
            continue
        following = clauses[start:]
        # '其中行政机构0个，事业机构1个': a list of one count a clause goes on clause by clause; after items joined
        # by '、' a clause is a statement of its own ('…、全额事业在职91人，聘用教师控制数4人'). Where its parts have
        # made up the count, the list may end there: what follows is a count of its own ('…初级职称23人，退休职工28人')
        one_by_one = len(parts) == 1
        while (one_by_one and following and sum(p.value for p in parts) != count.value
               and (more := _run(following[0], kind)) is not None and len(more) == 1):
            parts += more
            following = following[1:]
        found.append(CountList(count, tuple(parts), kind))
        if (
            len(parts) == 1
            and following
            and (own := _run(following[0], kind))
            and len(own) > 1
            and all(_key(parts[0]) in p.label for p in own)
        ):
            found.append(CountList(parts[0], tuple(own), kind))  # '其中：在职人数28，行政在职人数11、…'
    return found
