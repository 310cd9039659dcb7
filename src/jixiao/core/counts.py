"""Counts of people and of units a sentence states with the parts it lists under them: '编制人数30，其中：行政编制人数
12、事业编制人数18', '实有人数28，其中：在职人数28，行政在职人数11、事业在职人数17', '共有预算单位3个，包括示例局本级和
二级预算单位2个'.

A list is read only where the text says its items are parts of the count (其中, 包括) and every item is a count of
the same kind (people: …人数/…编制 N (人|名); units: …单位/…机构 N 个, or an entity's 本级, one unit). A list whose
first part is broken down in the next clause ('其中：在职人数28，行政在职人数11、…') is read as two lists: the part
under the total, and its own parts. Counts are whole numbers: nothing is rounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.core.money import compact_text

CUE_RE = re.compile(r"^(?:其中|包括|包含)[：:]?")
# One count: its label and number ('行政编制人数12', '自收自支编制人数3人', '二级预算单位2个'), or an entity's own level.
_ITEM_RE = re.compile(
    r"(?P<label>[^\d，,、；;：:]{1,40}?)(?:为|是|共|有|计|合计)?(?P<n>\d+)(?P<unit>人|名|个)?$"
)
_OWN_LEVEL_RE = re.compile(r"^[^\d，,、；;：:]{0,40}本级$")
_PEOPLE_RE = re.compile(r"(?:人数|编制|编制数|名额|人员)$")
_UNITS_RE = re.compile(r"(?:单位|机构)$")
_KEY_RE = re.compile(r"(?:人数|人员|数)$")


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


def _count(text: str, total: bool = False) -> tuple[Count, str] | None:
    """One count and its kind, or None. A total's label is the words right before its number ('2024年示例局共有预算
    单位3个' → '预算单位')."""
    if _OWN_LEVEL_RE.match(text) and not total:
        return Count(text, 1, own_level=True), "units"
    match = _ITEM_RE.search(text) if total else _ITEM_RE.match(text)
    if match is None:
        return None
    label, unit = match.group("label"), match.group("unit") or ""
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
    found = [_count(item) for item in items]
    if not found or any(f is None or f[1] != kind for f in found):
        return None
    return [f[0] for f in found if f is not None]


def _key(count: Count) -> str:
    """The words a part's own parts repeat: '在职人数' → '在职'."""
    return _KEY_RE.sub("", count.label)


def count_lists(sentence: str) -> list[CountList]:
    """The counts with their listed parts in one sentence (see the module's docstring)."""
    clauses = [c for c in re.split(r"[，,；;。]", compact_text(sentence)) if c]
    found: list[CountList] = []
    for index, clause in enumerate(clauses[:-1]):
        total = _count(re.split(r"[：:]", clause)[-1], total=True)
        cue = CUE_RE.match(clauses[index + 1])
        if total is None or cue is None:
            continue
        count, kind = total
        parts = _run(clauses[index + 1][cue.end() :], kind)
        if not parts:
            continue
        following = clauses[index + 2 :]
        while following and (more := _run(following[0], kind)) is not None and len(more) == 1:
            parts += more  # '其中行政机构0个，事业机构1个': the list goes on clause by clause
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
