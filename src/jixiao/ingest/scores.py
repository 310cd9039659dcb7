"""Scores a document prints part by part outside any form table: a report's outline whose headings carry their
points, with the score given at the end of each part (`一、投入（14分）` / `（一）项目立项（8分）` / `（1）…（2分）` …
`自评得2分`), and a 一级/二级/三级 scoring table whose cells ran together into one paragraph (`（20分）项目决策（10分）
科学决策必要性5…5可行性5…5`). Both are read into a ScoreOutline (core.model) whose sums the audit checks; what
cannot be placed — a part the text ends inside, two different scores given to one part, the rest of a table that
stops fitting its grammar — is listed unread with where it is, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.coverage import Unread
from jixiao.core.model import ScoredPart, ScoreOutline
from jixiao.core.money import normalize_text
from jixiao.core.provenance import Location
from jixiao.ingest.source import Paragraph, SourceDocument

POINTS = r"[（(]\s*(\d{1,3}(?:\.\d+)?)\s*分\s*[)）]"
# Outline numbering styles, each its own level in the order the outline first uses them with points.
NUMBERING = {
    "chinese": r"[一二三四五六七八九十]{1,3}[、.．]",
    "bracketed_chinese": r"[（(][一二三四五六七八九十]{1,3}[)）]",
    "bracketed": r"[（(]\d{1,2}[)）]",
    "arabic": r"\d{1,2}[、.．](?!\d)",
}
HEADING_NAME = r"[^。；;：:\d（()）]{1,30}?"
HEADING_LENGTH = 40
SCORE_RE = re.compile(r"自评(?:得分?|分数?)\s*(?:为|是|：|:)?\s*(\d{1,3}(?:\.\d+)?)\s*分")
SENTENCE_END_RE = re.compile(r"(?<=[。；;！!？?])")
OUTLINE_HEADINGS_MIN = 2


def _numbering(text: str) -> tuple[str, str] | None:
    """(style, the rest of the line) of a numbered line."""
    for style, pattern in NUMBERING.items():
        if match := re.match(rf"^\s*(?:{pattern})\s*", text):
            return style, text[match.end() :]
    return None


@dataclass
class _Part:
    name: str
    level: int
    points: Decimal
    location: Location
    scores: list[tuple[Decimal, Location]] = field(default_factory=list)
    parts: list[_Part] = field(default_factory=list)
    closed: bool = False


def _frozen(part: _Part, unread: list[Unread]) -> ScoredPart:
    values = sorted({value for value, _ in part.scores})
    score = values[0] if len(values) == 1 else None
    if len(values) > 1:
        shown = "、".join(f"{v.normalize():f} 分" for v in values)
        unread.append(
            Unread(
                f"“{part.name}”一节写了不同的自评得分（{shown}），不能确定其得分，未核对",
                part.scores[0][1],
                "claim",
            )
        )
    if not part.closed and part.parts:
        unread.append(
            Unread(
                f"“{part.name}”（{part.points.normalize():f}分）一节在文本结束处中断，其下各项的分值与得分"
                "可能未全部印出，未核对其合计",
                part.location,
                "claim",
            )
        )
    return ScoredPart(
        name=part.name,
        level=part.level,
        points=part.points,
        score=score,
        parts=tuple(_frozen(p, unread) for p in part.parts),
        closed=part.closed,
        location=part.location,
    )


def _owner(sentence: str, stack: list[_Part]) -> _Part:
    """The part a score sentence is about: the innermost open part, unless the sentence names a part above it and
    not that part itself ('投入部分自评得14分' under （3）…)."""
    innermost = stack[-1]
    if innermost.name in sentence:
        return innermost
    return next((p for p in reversed(stack[:-1]) if p.name and p.name in sentence), innermost)


def outline_scores(source: SourceDocument) -> tuple[list[ScoreOutline], list[Unread]]:
    """The outline of a report whose numbered headings carry their points, with the scores its paragraphs give
    ('自评得N分'). A part ends at the next heading of its own level or above (a heading of an outline style without
    points ends it too); parts still open at the end of the text are not closed."""
    levels: dict[str, int] = {}
    top: list[_Part] = []
    stack: list[_Part] = []
    headings = 0
    first: Location | None = None
    for block in source.blocks:
        if not isinstance(block, Paragraph):
            continue
        text = normalize_text(block.clean)
        numbered = _numbering(text)
        heading = None
        if (
            numbered
            and (match := re.match(rf"^({HEADING_NAME})\s*{POINTS}\s*[:：]?\s*", numbered[1]))
            and (len(match.group(0)) + len(text) - len(numbered[1]) <= HEADING_LENGTH)
        ):
            heading = match
        if heading is not None and numbered is not None:
            style = numbered[0]
            level = levels.setdefault(style, len(levels) + 1)
            while stack and stack[-1].level >= level:
                stack.pop().closed = True
            part = _Part(heading.group(1).strip(), level, Decimal(heading.group(2)), block.location)
            (stack[-1].parts if stack else top).append(part)
            stack.append(part)
            headings += 1
            first = first or block.location
            text = numbered[1][heading.end() :]
        elif numbered and numbered[0] in levels and len(text) <= HEADING_LENGTH and not text.endswith("。"):
            while stack and stack[-1].level >= levels[numbered[0]]:
                stack.pop().closed = (
                    True  # a heading of the outline without points: the scored parts above end
                )
            continue
        if not stack:
            continue
        for sentence in SENTENCE_END_RE.split(text):
            for match in SCORE_RE.finditer(sentence):
                _owner(sentence, stack).scores.append((Decimal(match.group(1)), block.location))
    if headings < OUTLINE_HEADINGS_MIN or first is None:
        return [], []
    unread: list[Unread] = []
    parts = tuple(_frozen(p, unread) for p in top)
    if not any(p.parts or p.score is not None for p in _walk(parts)):
        return [], []
    return [ScoreOutline(title="正文各节的分值与自评得分", parts=parts, location=first)], unread


def _walk(parts: tuple[ScoredPart, ...]) -> list[ScoredPart]:
    out: list[ScoredPart] = []
    for part in parts:
        out.append(part)
        out.extend(_walk(part.parts))
    return out


# A 一级/二级/三级 scoring table run together into one paragraph: its header, a column of words between 分值 and 得分
# (评价内容, 评分标准 — no value columns, which would hold figures of their own), then the cells.
RUN_HEADER_RE = re.compile(r"一级指标\s*二级指标\s*三级指标\s*分值\s*(?P<middle>[^\d]{0,40}?)\s*得分")
VALUE_COLUMN_RE = re.compile(r"指标值|实际值|完成值|目标值|完成情况")
RUN_TOKEN_RE = re.compile(
    r"(?P<points>[（(]\s*\d{1,3}(?:\.\d+)?\s*分?\s*[)）])"
    r"|(?P<number>(?<![\d.,，、=≥≤><])\d{1,3}(?:\.\d+)?(?![\d.%％年月日万元亿个人次批台辆件份亩天户所家座米吨]|项(?!目)|公里))"
)


@dataclass(frozen=True)
class _Token:
    kind: str  # points | number | text
    text: str
    value: Decimal | None = None


def _run_tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    at = 0
    for match in RUN_TOKEN_RE.finditer(text):
        if match.start() > at and text[at : match.start()].strip():
            tokens.append(_Token("text", text[at : match.start()].strip()))
        kind = "points" if match.group("points") else "number"
        tokens.append(_Token(kind, match.group(0), Decimal(re.sub(r"[^\d.]", "", match.group(0)))))
        at = match.end()
    if text[at:].strip():
        tokens.append(_Token("text", text[at:].strip()))
    return tokens


def _clip(text: str, width: int = 12) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _level1_name(tokens: list[_Token], run: list[int], count: int) -> str:
    """A 一级 part's name: the words between its points and its first 二级 part's when the table prints each part's
    points before its name (its first cell is a bracketed figure); otherwise by its place."""
    words = tokens[run[0] + 1] if run[0] + 1 < run[1] else None
    return _clip(words.text) if words is not None and tokens[0].kind == "points" else f"第{count}个一级指标"


def _run_outline(tokens: list[_Token], where: Location) -> tuple[list[_Part], int, str]:
    """(一级 parts, 三级 rows read, where the reading stopped or '') of a run-together table's cells."""
    level1: list[_Part] = []
    rows, at = 0, 0
    while at < len(tokens):
        run: list[int] = []
        while at < len(tokens) and tokens[at].kind != "number":
            if tokens[at].kind == "points":
                run.append(at)
            elif at + 1 < len(tokens) and tokens[at + 1].kind == "number":
                at += 1  # a 三级 row's name, its 分值 next
                break
            at += 1
        if len(run) > 2 or (len(run) == 1 and not level1) or (not run and not level1) or at >= len(tokens):
            return (
                level1,
                rows,
                tokens[run[0] if run else min(at, len(tokens) - 1)].text if at < len(tokens) or run else "",
            )
        if len(run) == 2:
            for part in level1[-1:] + level1[-1].parts[-1:] if level1 else []:
                part.closed = True
            level1.append(
                _Part(
                    _level1_name(tokens, run, len(level1) + 1), 1, tokens[run[0]].value or Decimal(0), where
                )
            )
        elif run and level1[-1].parts:
            level1[-1].parts[-1].closed = True
        if run:
            parent = level1[-1]
            parent.parts.append(
                _Part(
                    f"{parent.name}下第{len(parent.parts) + 1}个二级指标",
                    2,
                    tokens[run[-1]].value or Decimal(0),
                    where,
                )
            )
        while at + 2 < len(tokens) and [t.kind for t in tokens[at : at + 3]] == ["number", "text", "number"]:
            name = tokens[at - 1].text if at and tokens[at - 1].kind == "text" else ""
            level1[-1].parts[-1].parts.append(
                _Part(
                    _clip(name) or f"第{rows + 1}个三级指标",
                    3,
                    tokens[at].value or Decimal(0),
                    where,
                    scores=[(tokens[at + 2].value or Decimal(0), where)],
                    closed=True,
                )
            )
            rows, at = rows + 1, at + 3
            if at + 1 < len(tokens) and tokens[at].kind == "text" and tokens[at + 1].kind == "number":
                at += 1  # the next row's name
        if at < len(tokens) and tokens[at].kind == "number":
            return level1, rows, "".join(t.text for t in tokens[max(at - 1, 0) : at + 2])
    return level1, rows, ""


def run_together_scores(source: SourceDocument) -> tuple[list[ScoreOutline], list[Unread]]:
    """Scoring tables whose cells ran together into one paragraph. After the header, the parents' points come as
    bracketed figures ('（20分）') and each 三级 row as its name, its 分值, its description and its 得分: a run of two
    bracketed figures opens a 一级 part and its first 二级 part, one alone the next 二级 part of the same 一级.
    Read while the cells keep to that order; the rest from where they stop is listed unread. The outline is not
    `certain` (its structure is inferred from the order of its figures), and the parts open where the text ends
    are not closed."""
    outlines: list[ScoreOutline] = []
    unread: list[Unread] = []
    for block in source.blocks:
        if not isinstance(block, Paragraph):
            continue
        text = normalize_text(block.clean)
        header = RUN_HEADER_RE.search(text)
        if header is None or VALUE_COLUMN_RE.search(header.group("middle")):
            continue
        level1, rows, stopped = _run_outline(_run_tokens(text[header.end() :]), block.location)
        if not rows:
            continue
        if stopped:
            unread.append(
                Unread(
                    f"连排成一段的评分表自“{_clip(stopped, 20)}”起未能按一级、二级、三级指标读出，其中的分值与得分"
                    "未核对",
                    block.location,
                    "table",
                )
            )
        parts = tuple(_frozen(p, unread) for p in level1)
        outlines.append(
            ScoreOutline(title="连排成一段的评分表", parts=parts, certain=False, location=block.location)
        )
    return outlines, unread


def extract_scores(source: SourceDocument) -> tuple[tuple[ScoreOutline, ...], list[Unread]]:
    """Every scored outline and run-together scoring table of the document, with what of them was not read."""
    outlines, unread = outline_scores(source)
    tables, not_read = run_together_scores(source)
    return tuple(outlines + tables), unread + not_read
