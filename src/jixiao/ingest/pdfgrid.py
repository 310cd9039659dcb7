"""Tables a PDF prints without vertical ruling lines (borderless tables, 三线表), from the gaps between words.

A text line whose characters leave wide gaps (wider than a character) splits into segments. A run of at least
MIN_ROWS such lines, with amounts in at least two of them, is a table. Its columns are the stretches of the page
that the segments of (almost) every line cover, separated by stretches that (almost) no line touches — so a
column is decided by where the text of the whole run sits, not by one line's positions. A short line inside the
run (a row label whose amounts are blank) stays in the table as a row. Lines that are not part of a run stay text.

Pure functions over (top, segments) lines; pdf.py measures the characters.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from jixiao.core.money import is_number

GAP_RATIO = 0.5  # a gap wider than this share of the line height separates two cells (a word space is ~0.3)
MIN_ROWS = 3
MIN_AMOUNT_ROWS = 2
EPSILON = 0.5  # points: text boxes that merely touch do not overlap
STRAY_SHARE = 0.15  # a separator may be touched by this share of the run's lines (a long label overhanging)
BLANKS = ("-", "—", "–")  # a figure printed as a dash
SENTENCE_END = ("。", "；", "！", "？")
CAPTION_RE = re.compile(r"(编制|填报|金额|计量)?单位\s*[：:]|^公开\d+表")  # a table's caption line, not one of its rows


@dataclass(frozen=True)
class Segment:
    x0: float
    x1: float
    text: str


@dataclass(frozen=True)
class Line:
    top: float
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


def segments(chars: list[tuple[float, float, float, str]]) -> tuple[Segment, ...]:
    """(x0, x1, height, char) of one line, left to right → the segments between wide gaps."""
    out: list[Segment] = []
    start = 0
    for i in range(1, len(chars) + 1):
        gap = chars[i][0] - chars[i - 1][1] if i < len(chars) else 0
        # a wide gap ends a segment; so does a step back to the left (the text layer joined two printed lines)
        if i == len(chars) or gap > GAP_RATIO * max(chars[i - 1][2], chars[i][2]) or gap < -chars[i][2]:
            text = "".join(c[3] for c in chars[start:i]).strip()
            if text:
                out.append(Segment(chars[start][0], chars[i - 1][1], text))
            start = i
    return tuple(out)


def _is_amount(text: str) -> bool:
    compact = text.replace(" ", "")
    return compact in BLANKS or is_number(compact.removesuffix("%"))


def _gridded(line: Line) -> bool:
    return len(line.segments) >= 2 and not line.text.endswith(SENTENCE_END) and not CAPTION_RE.search(line.text)


def _stray(line: Line) -> bool:
    """A line that may sit inside a table run: one short segment that is not a sentence."""
    return (len(line.segments) == 1 and len(line.segments[0].text) <= 30 and not line.text.endswith(SENTENCE_END)
            and not CAPTION_RE.search(line.text))


def runs(lines: list[Line]) -> list[tuple[int, int]]:
    """[start, end) index ranges of the lines that form tables."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _gridded(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (_gridded(lines[j]) or (_stray(lines[j]) and j + 1 < len(lines)
                                                          and _gridded(lines[j + 1]))):
            j += 1
        rows = lines[i:j]
        amounts = sum(1 for line in rows if any(_is_amount(s.text) for s in line.segments[1:]))
        if sum(_gridded(line) for line in rows) >= MIN_ROWS and amounts >= MIN_AMOUNT_ROWS:
            found.append((i, j))
        i = j
    return found


def columns(lines: list[Line]) -> list[tuple[float, float]]:
    """The column stretches of a run: covered by segments, separated by gaps few of its lines touch."""
    edges = sorted({x for line in lines for s in line.segments for x in (s.x0, s.x1)})
    if not edges:
        return []
    limit = int(STRAY_SHARE * len(lines))

    def touched(a: float, b: float) -> int:
        return sum(1 for line in lines if any(s.x0 < b - EPSILON and s.x1 > a + EPSILON for s in line.segments))

    spans: list[tuple[float, float]] = []
    for a, b in itertools.pairwise(edges):
        if touched(a, b) > limit:
            if spans and spans[-1][1] >= a:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
    # A stretch that only one line touches while the run has more (a heading set apart from its right-aligned
    # amounts) joins a neighbouring column: the one holding amounts, else the nearer one.
    def has_amounts(a: float, b: float) -> bool:
        return any(s.x0 < b - EPSILON and s.x1 > a + EPSILON and _is_amount(s.text) for line in lines
                   for s in line.segments)

    k = 0
    while len(lines) >= MIN_ROWS and len(spans) > 2 and k < len(spans):
        a, b = spans[k]
        if touched(a, b) <= max(limit, 1) and not has_amounts(a, b):
            left = (has_amounts(*spans[k - 1]), -(a - spans[k - 1][1])) if k > 0 else None
            right = (has_amounts(*spans[k + 1]), -(spans[k + 1][0] - b)) if k + 1 < len(spans) else None
            if left is None or (right is not None and right >= left):
                spans[k + 1] = (a, spans[k + 1][1])
            else:
                spans[k - 1] = (spans[k - 1][0], b)
            del spans[k]
            continue
        k += 1
    return spans


def grid(lines: list[Line]) -> list[list[str]]:
    """The run's rows as cell texts, one per column; segments of one line in one column are joined."""
    spans = columns(lines)
    if len(spans) < 2:
        return []
    rows: list[list[str]] = []
    for line in lines:
        cells = [""] * len(spans)
        for s in line.segments:
            middle = (s.x0 + s.x1) / 2
            # the column holding the segment's middle; a long label overhanging a separator keeps its start column
            at = next((k for k, (a, b) in enumerate(spans) if a <= middle <= b), None)
            if at is None:
                at = next((k for k, (a, b) in enumerate(spans) if a <= s.x0 + 1 <= b), 0)
            # two amounts in one column stay apart (and are then reported as not an amount), never run together
            glue = " " if cells[at] and (_is_amount(cells[at].split(" ")[-1]) or _is_amount(s.text)) else ""
            cells[at] = f"{cells[at]}{glue}{s.text}"
        rows.append(cells)
    return rows
