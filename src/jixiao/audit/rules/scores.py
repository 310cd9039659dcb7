"""分项得分 — the points and scores a document prints part by part outside a form table (a report's outline headed
with its points, a scoring table run together into one paragraph), checked against their own arithmetic: a score
is at most its points, the parts' points make up their section's, the parts' scores its score.

A section the text ends inside is not checked (its parts may not all be printed: listed unread by the reader). The
parts printed adding up to more than their section cannot both hold: 确定. Adding up to less may be a part left
unwritten in a report's prose: 疑似. A table whose cells ran together was read by the order of its figures, so what
its reading finds is 疑似, naming that reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.core.finding import Finding, Tier
from jixiao.core.model import ScoredPart, ScoreOutline
from jixiao.core.money import format_number

CAT = "分项得分"
ZERO = Decimal(0)
RUN_TOGETHER = "（表格文字连排，按分值与得分的先后次序读出，结构系推断）"


def _tier(outline: ScoreOutline, certain: bool) -> Tier:
    return Tier.ERROR if certain and outline.certain else Tier.WARNING


def _note(outline: ScoreOutline) -> str:
    return "" if outline.certain else RUN_TOGETHER


def _score_of(part: ScoredPart) -> Decimal | None:
    """A part's score: the one printed, else — a scoring table prints scores on its 三级 rows only — the sum of its
    parts' scores when it is closed and every part has one."""
    if part.score is not None or not part.closed or not part.parts:
        return part.score
    scores = [_score_of(p) for p in part.parts]
    return None if any(s is None for s in scores) else sum((s or ZERO for s in scores), ZERO)


def _check(part: ScoredPart, outline: ScoreOutline) -> Iterator[Finding]:
    rid = "scores.parts_sum"
    if part.score is not None and part.points is not None and part.score > part.points:
        yield Finding(
            rid,
            _tier(outline, True),
            f"“{part.name}”得分 {format_number(part.score)} 分，大于其分值 {format_number(part.points)} 分{_note(outline)}",
            part.location.with_(row=part.name, column="得分"),
            CAT,
            expected=f"≤ {format_number(part.points)}",
            actual=format_number(part.score),
        )
    if (
        part.closed
        and part.parts
        and part.points is not None
        and all(p.points is not None for p in part.parts)
    ):
        points = sum((p.points for p in part.parts if p.points is not None), ZERO)
        if points != part.points:
            over = points > part.points
            hint = "" if over else "（正文可能未列出全部组成部分）"
            yield Finding(
                rid,
                _tier(outline, over),
                f"“{part.name}”分值 {format_number(part.points)} 分，其下各项分值合计 {format_number(points)} 分{hint}{_note(outline)}",
                part.location.with_(row=part.name, column="分值"),
                CAT,
                expected=format_number(points),
                actual=format_number(part.points),
            )
        elif part.score is not None and all(_score_of(p) is not None for p in part.parts):
            scores = sum((_score_of(p) or ZERO for p in part.parts), ZERO)
            if scores != part.score:
                yield Finding(
                    rid,
                    _tier(outline, True),
                    f"“{part.name}”得分 {format_number(part.score)} 分，其下各项得分合计 {format_number(scores)} 分{_note(outline)}",
                    part.location.with_(row=part.name, column="得分"),
                    CAT,
                    expected=format_number(scores),
                    actual=format_number(part.score),
                )
    for child in part.parts:
        yield from _check(child, outline)


@rule(
    "scores.parts_sum",
    "分项得分大于分值，或各项分值、得分之和与所属部分不符",
    Tier.ERROR,
    CAT,
    "SPEC §1.6, §1.9",
    "document",
)
def parts_sum(doc: Any, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """正文按节标明分值（“一、投入（14分）”“（一）项目立项（8分）”）并写出各项自评得分，或评分表一级、二级、三级指标的分值与得分：
    得分不得大于分值；下级分值之和应等于上级分值（大于为确定，少于为疑似——正文可能未列出全部组成部分）；各项分值列全时，下级得分之和
    应等于上级得分（下级未印得分的，取其各项得分之和，如评分表只在三级指标行印得分）。文本在某节中断的，该节不核对其合计。表格文字连排的评分表，其结构按数字先后推断，发现的问题为疑似。"""
    outlines = getattr(doc, "score_outlines", ())
    if not outlines:
        yield NotApplicable("文档中没有按节标明分值的自评得分或连排的评分表")
        return
    for outline in outlines:
        for part in outline.parts:
            yield from _check(part, outline)
