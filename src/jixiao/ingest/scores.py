"""Scores a document prints part by part outside any form table: a report's outline whose headings carry their
points, with the score given at the end of each part (`一、投入（14分）` / `（一）项目立项（8分）` / `（1）…（2分）` …
`自评得2分`), and a 一级/二级/三级 scoring table whose cells ran together into one paragraph (`（20分）项目决策（10分）
科学决策必要性5…5可行性5…5`). Both are read into a ScoreOutline (core.model) whose sums the audit checks; what
cannot be placed — a part the text ends inside, two different scores given to one part, the rest of a table that
stops fitting its grammar — is listed unread with where it is, never guessed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.coverage import Unread
from jixiao.core.model import ScoredPart, ScoreOutline
from jixiao.core.money import normalize_text
from jixiao.core.provenance import Location
from jixiao.ingest.source import Paragraph, SourceDocument, Table

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
    points: Decimal | None
    location: Location
    scores: list[tuple[Decimal, Location]] = field(default_factory=list)
    parts: list[_Part] = field(default_factory=list)
    closed: bool = False


CUT_IN_TEXT = "一节在文本结束处中断"
CUT_IN_TABLE = "之下的行在评分表结束处中断（其后未见下一个同级指标或合计行）"


def _frozen(part: _Part, unread: list[Unread], cut: str = CUT_IN_TEXT) -> ScoredPart:
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
        points = f"（{part.points.normalize():f}分）" if part.points is not None else ""
        unread.append(
            Unread(
                f"“{part.name}”{points}{cut}，其下各项的分值与得分可能未全部印出，未核对其合计",
                part.location,
                "claim",
            )
        )
    return ScoredPart(
        name=part.name,
        level=part.level,
        points=part.points,
        score=score,
        parts=tuple(_frozen(p, unread, cut) for p in part.parts),
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


# A scoring table printed as a table (评分表: 一级指标 | 二级指标 | 三级指标 | 指标内容 | 评价标准 | 分值 | 自评得分): its
# header's level columns, one points column and one score column; no value columns (a project form's indicator
# table, read by ingest.selfeval, prints 指标值 and 实际完成值).
LEVEL_HEADERS = ("一级指标", "二级指标", "三级指标")
POINTS_HEADERS = ("分值", "权重", "标准分值", "指标分值", "分值(分)", "权重(分)")
SCORE_HEADER_RE = re.compile(r"^(?:自评|评价|实际)?得分(?:[（(]分[)）])?$")
TOTAL_ROW_RE = re.compile(r"^(?:合计|总计|总分)")
NAMED_POINTS_RE = re.compile(rf"^(?P<name>.*?)\s*{POINTS}$|^(?P<bare>.*?)\s*[（(]\s*(?P<n>\d{{1,3}}(?:\.\d+)?)\s*[)）]$")
# A cell saying the row does not apply: the row is not scored (no 0 for it), and said so.
NOT_APPLICABLE = ("不适用", "无", "/", "／", "-", "—", "－", "——", "N/A", "n/a")
NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d+)?$")


SERIAL_HEADERS = ("序号", "编号")
SERIAL_RE = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class _Columns:
    levels: tuple[int, ...]  # the 一级, 二级 (and 三级) columns present, in order; the last is the row's own name
    points: int
    score: int
    width: int
    serial: bool = False  # the first column numbers the rows (序号)

    def after_serial(self) -> _Columns:
        """The columns after the serial column, as if the table started there."""
        return _Columns(tuple(i - 1 for i in self.levels), self.points - 1, self.score - 1, self.width - 1)


def _score_header(texts: list[str]) -> _Columns | None:
    norm = [re.sub(r"\s+", "", normalize_text(t)) for t in texts]
    levels = tuple(i for i, t in enumerate(norm) if t in LEVEL_HEADERS)
    points = [i for i, t in enumerate(norm) if t in POINTS_HEADERS]
    scores = [i for i, t in enumerate(norm) if SCORE_HEADER_RE.match(t)]
    if (len(levels) < 2 or norm[levels[0]] != "一级指标" or len(points) != 1 or len(scores) != 1
            or any(VALUE_COLUMN_RE.search(t) for t in norm[levels[0]:]) or not levels[-1] < points[0] < scores[0]):
        # (a caption before the level columns, '二、工作整体完成情况', spans the rows: no value column)
        return None
    return _Columns(levels, points[0], scores[0], len(norm), serial=levels[0] == 1 and norm[0] in SERIAL_HEADERS)


def _named_points(text: str) -> tuple[str, Decimal | None]:
    """'投入(30)' / '项目管理（20分）' → (name, points); a name without bracketed points → (name, None)."""
    match = NAMED_POINTS_RE.match(text.strip())
    if match is None:
        return text.strip(), None
    name = match.group("name") if match.group("name") is not None else match.group("bare")
    return name.strip(), Decimal(match.group(2) or match.group("n"))


def _placed_cells(texts: list[str], columns: _Columns) -> list[str] | None:
    """A body row's cells under the header's columns. A row printed short leaves out its leading cells, merged from
    the rows above (a caption down the side, its 一级 cell, or its 一级 and 二级 cells): it is placed from the right, so
    far as the cells left out are such cells. Empty cells at its end may pad it out or stand for blank columns: the
    placing that leaves the caption columns empty and puts a figure (or a mark of not applying) under 分值 wins.
    None when no placing does. A row's serial (序号), printed, keeps its place before the cells left out."""
    if columns.serial and texts and SERIAL_RE.match(texts[0]):
        placed = _placed_cells(texts[1:], columns.after_serial())
        return [texts[0], *placed] if placed is not None else None
    trailing = len(texts) - len(list(itertools.dropwhile(lambda t: not t, reversed(texts))))
    for cut in range(trailing + 1):
        kept = texts[:len(texts) - cut]
        missing = columns.width - len(kept)
        if missing < 0 or missing > columns.levels[-1]:
            continue  # the row's own name, or a cell after it, would be missing
        placed = [""] * missing + kept
        points = placed[columns.points]
        if not any(placed[:columns.levels[0]]) and placed[columns.levels[-1]] and (
                _is_number(points) or points in NOT_APPLICABLE):
            return placed
    return None


def _is_number(text: str) -> bool:
    return NUMBER_RE.match(text.strip()) is not None


def _cut_cells(texts: list[str], columns: _Columns) -> list[str] | None:
    """The cells of a table's last row that the text ends inside: printed from the left, fewer than the columns, the
    cells not printed left out at its end. Taken when so placed its level cells are names (no figure), and a figure
    (or a mark of not applying) stands under 分值; None otherwise."""
    if len(texts) >= columns.width:
        return None
    placed = texts + [""] * (columns.width - len(texts))
    names = [placed[i] for i in columns.levels]
    points = placed[columns.points]
    if not names[-1] or any(_is_number(n) for n in names) or not (_is_number(points) or points in NOT_APPLICABLE):
        return None
    return placed


def _table_outline(table: Table, start: int, columns: _Columns, unread: list[Unread]) -> ScoreOutline | None:
    top: list[_Part] = []
    stack: list[_Part | None] = [None] * (len(columns.levels) - 1)  # the open part of each parent level
    total: _Part | None = None
    rows = 0
    previous: list[str] | None = None
    body = [r for r in table.rows[start + 1:] if any(t.strip() for t in r.texts)]
    for row in body:
        texts = [normalize_text(t).strip() for t in row.texts]
        first = next(t for t in texts if t)
        # a total row may carry the next serial ('7 | 合计 | … |'): the serial is no figure of it
        named = texts[1:] if columns.serial and SERIAL_RE.match(texts[0]) and len(texts) > 1 else texts
        if TOTAL_ROW_RE.match(next((t for t in named if t), "").replace(" ", "")):
            figures = [Decimal(t) for t in named if _is_number(t)]
            total = _Part("合计", 0, figures[0] if figures else None, row.location.with_(row="合计"), closed=True,
                          scores=[(figures[-1], row.location)] if len(figures) > 1 else [])
            break
        cells = _placed_cells(texts, columns)
        if cells is None and row is body[-1]:
            cells = _cut_cells(texts, columns)  # the text ends inside the table's last row
        points_text, score_text = (cells[columns.points], cells[columns.score]) if cells else ("", "")
        if cells is None:
            unread.append(Unread(f"评分表自“{_clip(first, 20)}”一行起未能对应到一级、二级、三级指标与分值、得分各列，"
                                 "其后各行的分值与得分未核对", row.location, "table"))
            break
        leaf = cells[columns.levels[-1]]
        if cells == previous:
            unread.append(Unread(f"评分表“{_clip(leaf, 20)}”一行与上一行完全相同（重复印出），只计一次", row.location, "table"))
            continue
        previous = cells
        for depth, column in enumerate(columns.levels[:-1]):
            if not cells[column]:
                continue
            for open_part in stack[depth:]:
                if open_part is not None:
                    open_part.closed = True
            name, points = _named_points(cells[column])
            part = _Part(name, depth + 1, points, row.location.with_(row=name))
            parent = stack[depth - 1] if depth else None
            (parent.parts if parent is not None else top).append(part)
            stack[depth:] = [part] + [None] * (len(stack) - depth - 1)
        parent = stack[-1] if stack else None
        if stack and parent is None:
            unread.append(Unread(f"评分表“{_clip(leaf, 20)}”一行之上未见其一级、二级指标（表从中途开始），其后各行未核对",
                                 row.location, "table"))
            break
        name = _named_points(leaf)[0] or f"第{rows + 1}行"
        applies = points_text not in NOT_APPLICABLE and score_text not in NOT_APPLICABLE
        if not applies:
            unread.append(Unread(f"评分表“{_clip(name, 20)}”一行标为不适用（分值“{points_text or '空'}”、得分“{score_text or '空'}”），"
                                 "不计分，也不按0分计", row.location.with_(row=name), "table"))
        score = Decimal(score_text) if applies and _is_number(score_text) else None
        part = _Part(name, len(columns.levels), Decimal(points_text) if _is_number(points_text) else None,
                     row.location.with_(row=name), scores=[(score, row.location)] if score is not None else [],
                     closed=True)
        (parent.parts if parent is not None else top).append(part)
        rows += 1
    if not rows:
        return None
    if total is not None:
        for part in (p for p in stack if p is not None):
            part.closed = True
        total.parts = top
        top = [total]
    frozen = tuple(_frozen(p, unread, CUT_IN_TABLE) for p in top)
    return ScoreOutline(title="评分表", parts=frozen, location=table.location)


def table_scores(source: SourceDocument) -> tuple[list[ScoreOutline], list[Unread]]:
    """Scoring tables printed as tables (一级/二级/三级指标, 分值, 得分 — no value columns), from their header row
    wherever it stands in the table (a form's fund part may come first). The parts a level cell opens take the
    points it prints in brackets ('投入(30)'); each row gives its own 分值 and 得分. A row marked not applicable is
    not scored (nor taken as 0), a row printed twice is counted once, and a row that cannot be placed stops the
    reading there — each said where."""
    outlines: list[ScoreOutline] = []
    unread: list[Unread] = []
    for block in source.blocks:
        if not isinstance(block, Table):
            continue
        for index, row in enumerate(block.rows):
            if (columns := _score_header(row.texts)) is not None:
                if (outline := _table_outline(block, index, columns, unread)) is not None:
                    outlines.append(outline)
                break
    return outlines, unread


def extract_scores(source: SourceDocument) -> tuple[tuple[ScoreOutline, ...], list[Unread]]:
    """Every scored outline, scoring table and run-together scoring table of the document, with what of them was
    not read."""
    outlines, unread = outline_scores(source)
    tables, not_read = run_together_scores(source)
    printed, not_placed = table_scores(source)
    return tuple(outlines + printed + tables), unread + not_placed + not_read
