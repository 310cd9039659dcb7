"""Tables a PDF prints without vertical ruling lines (borderless tables, 三线表), from the gaps between words.

A text line whose characters leave wide gaps (wider than a character) splits into segments. A run of at least
MIN_ROWS such lines, with amounts in at least two of them, is a table; short header lines right above it (a
“项目” printed alone over the code columns) belong to it. Its segments are regrouped into the rows they are
printed on (the text layer may join labels of several header rows into one line).

The body is the run from its first row of figures (or its 栏次 row) down; the rows above it are the header. The
columns are the stretches of the page that the body's segments and the header's lowest labels cover, separated by
stretches that (almost) no line touches — so a column is decided by where the text of the whole run sits, not
by one line's positions. A stretch of figures without a label of its own (amounts right-aligned in a wide cell
under a label printed at its left) joins the labelled column next to it that no row has text in as well.

A header label higher up (本年支出 over 小计 | 基本支出 | 项目支出) spans the columns beneath it: those its text
starts at (printed from the left) or is centred over, as far as the labels beneath are its sub-headers — a label
of a cell spanning rows down from its level (本年收入 beside 本年支出) is centred higher up than a sub-header and
ends the span. The header is then written as the ruled path reads a table: a spanning label in the first column
it spans, the columns after it blank on that row, so that headers.column_paths joins it with the labels under it.
A label whose columns cannot be told stays over the column it is printed on only.

Pure functions over (top, segments) lines; pdf.py measures the characters.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from jixiao.core.money import is_number
from jixiao.ingest.headers import is_column_numbers, is_data_row, normalize_label

GAP_RATIO = 0.5  # a gap wider than this share of the line height separates two cells (a word space is ~0.3)
MIN_ROWS = 3
MIN_AMOUNT_ROWS = 2
MIN_ROW_AMOUNTS = 4  # a single row of figures makes a table when it holds this many
EPSILON = 0.5  # points: text boxes that merely touch do not overlap
STRAY_SHARE = 0.15  # a separator may be touched by this share of the run's lines (a long label overhanging)
SAME_ROW = 0.3  # segments whose tops differ by less than this share of their height are printed on one row
HEAD_GAP = 3.0  # a short line at most this many line heights above a run is a header line of it
ALIGNED = 0.6  # a label this many line heights off its columns' start or centre is not printed over them
BLANKS = ("-", "—", "–")  # a figure printed as a dash
SENTENCE_END = ("。", "；", "！", "？")
CAPTION_RE = re.compile(r"(编制|填报|金额|计量)?单位\s*[：:]|^公开\d+表")  # a table's caption line, not one of its rows


@dataclass(frozen=True)
class Segment:
    x0: float
    x1: float
    text: str
    top: float = 0.0
    height: float = 0.0  # 0: not measured, the line's top stands for the segment's


@dataclass(frozen=True)
class Line:
    top: float
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


def segments(chars: list[tuple[float, float, float, float, str]]) -> tuple[Segment, ...]:
    """(x0, x1, top, height, char) of one line, left to right → the segments between wide gaps."""
    out: list[Segment] = []
    start = 0
    for i in range(1, len(chars) + 1):
        if i < len(chars):
            gap = chars[i][0] - chars[i - 1][1]
            height = max(chars[i - 1][3], chars[i][3])
            # a wide gap ends a segment; so does a step back to the left or a step up or down (the text layer
            # joined two printed lines)
            cut = gap > GAP_RATIO * height or gap < -chars[i][3] or abs(chars[i][2] - chars[i - 1][2]) > GAP_RATIO * height
        if i == len(chars) or cut:
            part = chars[start:i]
            text = "".join(c[4] for c in part).strip()
            if text:
                out.append(Segment(part[0][0], part[-1][1], text, min(c[2] for c in part), max(c[3] for c in part)))
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


def _height(line: Line) -> float:
    return max(s.height for s in line.segments)


def runs(lines: list[Line]) -> list[tuple[int, int]]:
    """[start, end) index ranges of the lines (sorted by top) that form tables. Lines printed on one row (the text
    layer splits a header row whose labels wrap or sit at other heights) count as one."""
    bounds: list[int] = []  # the first line of each printed row
    for k, line in enumerate(lines):
        if not bounds or line.top - lines[bounds[-1]].top > SAME_ROW * max(_height(line), 1.0):
            bounds.append(k)
    ends = [*bounds[1:], len(lines)] if bounds else []
    rows = [Line(lines[a].top, tuple(s for line in lines[a:b] for s in line.segments))
            for a, b in zip(bounds, ends, strict=True)]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(rows):
        if not _gridded(rows[i]):
            i += 1
            continue
        j = i + 1
        while j < len(rows) and (_gridded(rows[j]) or (_stray(rows[j]) and j + 1 < len(rows)
                                                        and _gridded(rows[j + 1]))):
            j += 1
        run = rows[i:j]
        counts = [sum(1 for s in row.segments[1:] if _is_amount(s.text)) for row in run]
        # figures in two rows, or one row of many (a 三公 table: one row of figures under its header)
        tabular = sum(1 for n in counts if n) >= MIN_AMOUNT_ROWS or max(counts) >= MIN_ROW_AMOUNTS
        if sum(_gridded(row) for row in run) >= MIN_ROWS and tabular:
            start = i  # short header rows right above (a label printed alone on its row)
            floor = found[-1][1] if found else 0
            while (start > floor and _stray(rows[start - 1]) and not _is_amount(rows[start - 1].text)
                   and rows[start].top - rows[start - 1].top <= HEAD_GAP * max(_height(rows[start - 1]), 1.0)):
                start -= 1
            found.append((start, j))
        i = j
    return [(bounds[a], ends[b - 1]) for a, b in found]


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


def _overlaps(s: Segment, a: float, b: float) -> bool:
    return s.x0 < b - EPSILON and s.x1 > a + EPSILON


def _band(spans: list[tuple[float, float]], s: Segment) -> int:
    """The column of a segment: the one holding its middle; a long label overhanging a separator keeps its start
    column; one printed between columns goes to the nearer."""
    middle = (s.x0 + s.x1) / 2
    at = next((k for k, (a, b) in enumerate(spans) if a <= middle <= b), None)
    if at is None:
        at = next((k for k, (a, b) in enumerate(spans) if a <= s.x0 + 1 <= b), None)
    if at is None:
        at = min(range(len(spans)), key=lambda k: max(spans[k][0] - middle, middle - spans[k][1]))
    return at


def _rows(lines: list[Line]) -> list[Line]:
    """The run's segments regrouped into the rows they are printed on, top to bottom, each left to right."""
    placed = [(s.top, s.x0, s) if s.height else (line.top, s.x0, replace(s, top=line.top))
              for line in lines for s in line.segments]
    placed.sort(key=lambda p: (p[0], p[1]))
    rows: list[tuple[float, list[Segment]]] = []
    for top, _, s in placed:
        if rows and top - rows[-1][0] <= SAME_ROW * s.height:
            rows[-1][1].append(s)
        else:
            rows.append((top, [s]))
    return [Line(top, tuple(sorted(segs, key=lambda s: s.x0))) for top, segs in rows]


def _labelled_columns(body: list[Line], head: list[Line]) -> tuple[list[tuple[float, float]], list[float | None]]:
    """The columns of a run with a header: the body's stretches, those a lowest header label is printed over joined
    into its column; a stretch without a label of its own joins the labelled column next to it that it is printed
    in — figures (right-aligned) the one whose label's middle is left of their end, text (left-aligned) the one
    whose label's middle is right of its start — when no row has text in both. Also the middle of each column's
    label (None for a column without one)."""
    # the 栏次 row's own label is centred over the label columns: only its numbers sit in columns
    placed = [Line(line.top, tuple(s for s in line.segments if not (is_column_numbers([line.segments[0].text])
                                                                     and s is line.segments[0]))) for line in body]
    spans = columns(placed) if len(body) >= 2 else [(s.x0, s.x1) for line in body for s in line.segments]
    # a label no label below touches is a column's lowest one
    row_of = {id(s): row for row, line in enumerate(head) for s in line.segments}
    lowest = [s for row, line in enumerate(head) for s in line.segments if not any(
        _overlaps(s, t.x0, t.x1) for lower in head[row + 1:] for t in lower.segments)]
    labels: list[Segment | None] = [None] * len(spans)
    for label in sorted(lowest, key=lambda s: s.x0):
        hit = [k for k, (a, b) in enumerate(spans) if _overlaps(label, a, b)]
        joined = (min([label.x0, *(spans[k][0] for k in hit)]), max([label.x1, *(spans[k][1] for k in hit)]))
        at = hit[0] if hit else sum(1 for a, _ in spans if a < label.x0)
        spans[at:at + len(hit)] = [joined]
        labels[at:at + len(hit)] = [label]
    _centred_labels(spans, labels, body, row_of)
    middles = [None if label is None else (label.x0 + label.x1) / 2 for label in labels]
    used = [{_band(spans, s) for s in line.segments} for line in body]
    k = 0
    while k < len(spans):
        if middles[k] is not None:
            k += 1
            continue
        inside = [s for line in body for s in line.segments if _band(spans, s) == k]
        figures = sum(1 for s in inside if _is_amount(s.text) and not s.text.isdigit()) * 2 > len(inside)
        a, b = spans[k]
        if figures:
            n = max((n for n, m in enumerate(middles) if m is not None and m < b), default=None)
        else:
            n = min((n for n, m in enumerate(middles) if m is not None and m > a), default=None)
        if n not in (k - 1, k + 1) or any(k in u and n in u for u in used):
            k += 1
            continue
        low, high = min(k, n), max(k, n)
        spans[low:high + 1] = [(min(spans[low][0], spans[high][0]), max(spans[low][1], spans[high][1]))]
        middles[low:high + 1] = [middles[n]]
        used = [{_band(spans, s) for s in line.segments} for line in body]
        k = low
    return spans, middles


def _centred_labels(spans: list[tuple[float, float]], labels: list[Segment | None], body: list[Line],
                    row_of: dict[int, int]) -> None:
    """Labels centred in wide cells touch no text below them. A column of such a label alone (nothing of the body
    under it) is not a column when the labels of the columns on both sides are lower: it spans them (收入 over 项目 |
    决算数). It is the label of the column beside it when that column's label is higher: that one spans it (项目
    over a column of names headed 科目名称)."""
    k = 0
    while k < len(spans):
        filled = {_band(spans, s) for line in body for s in line.segments}
        label = labels[k]
        sides = [n for n in (k - 1, k + 1) if 0 <= n < len(spans) and labels[n] is not None]
        if k in filled or label is None:
            k += 1
            continue
        row = row_of[id(label)]
        if len(sides) == 2 and all(row_of[id(labels[n])] > row for n in sides):
            del spans[k], labels[k]
            continue
        higher = [n for n in sides if n in filled and row_of[id(labels[n])] < row]
        bare = [n for n in (k - 1, k + 1) if 0 <= n < len(spans) and labels[n] is None and n in filled]
        if higher and not bare:  # (a column of text or figures without a label beside it takes this one)
            n = min(higher, key=lambda n: max(spans[n][0] - spans[k][1], spans[k][0] - spans[n][1]))
            low, high = min(k, n), max(k, n)
            spans[low:high + 1] = [(min(spans[low][0], spans[high][0]), max(spans[low][1], spans[high][1]))]
            labels[low:high + 1] = [label]
            k = low
            continue
        k += 1


def _anchors(spans: list[tuple[float, float]], s: Segment) -> list[int]:
    """The columns a label is printed over (the nearer one when it sits between columns)."""
    return [k for k, (a, b) in enumerate(spans) if _overlaps(s, a, b)] or [_band(spans, s)]


def _covers(head: list[Line], spans: list[tuple[float, float]]) -> list[tuple[int, int, int, Segment]]:
    """(row, first column, last column, label) of each header label: the columns its text starts at (printed from
    the left) or is centred over, as far as the labels beneath are its sub-headers; else the column it is printed
    over."""
    bottom = max(s.top + s.height for line in head for s in line.segments)
    # a unit printed under a label (“（万元）”) is no label of its own
    over = [[(k, s) for k, line in enumerate(head) for s in line.segments if _overlaps(s, a, b) and normalize_label(s.text)]
            for a, b in spans]

    def lowest_centre(band: int, row: int) -> float | None:
        low = max((s for k, s in over[band] if k > row), key=lambda s: s.top, default=None)
        return None if low is None else low.top + low.height / 2

    def left_edge(k: int) -> float:
        return spans[0][0] if k == 0 else (spans[k - 1][1] + spans[k][0]) / 2

    def right_edge(k: int) -> float:
        return spans[-1][1] if k == len(spans) - 1 else (spans[k][1] + spans[k + 1][0]) / 2

    covers: list[tuple[int, int, int, Segment]] = []
    for row, line in enumerate(head):
        anchors = [_anchors(spans, s) for s in line.segments]
        for index, s in enumerate(line.segments):
            lo, hi = min(anchors[index]), max(anchors[index])
            # not over a column of another label of this row, nor under a label higher up that is not above it
            blocked = {b for n, bands in enumerate(anchors) if n != index for b in bands}
            blocked |= {b for c in covers if c[0] < row and not c[1] <= lo <= hi <= c[2] for b in range(c[1], c[2] + 1)}
            parent = max((c for c in covers if c[0] < row and c[1] <= lo and hi <= c[2]), default=None,
                         key=lambda c: c[0])
            first, last = (parent[1], parent[2]) if parent else (0, len(spans) - 1)
            # a sub-header's cell starts below this label's row; a label of a cell spanning rows from this
            # label's row (or higher) is centred higher up: it ends the span
            threshold = (s.top + bottom) / 2 + s.height / 4

            def reach(bands: range, row: int = row, threshold: float = threshold, blocked: set[int] = blocked) -> list[int]:
                out = []
                for band in bands:
                    centre = lowest_centre(band, row)
                    if band in blocked or centre is None or centre <= threshold:
                        break
                    out.append(band)
                return out

            lefts, rights = reach(range(lo - 1, first - 1, -1)), reach(range(hi + 1, last + 1))
            tolerance = ALIGNED * max(s.height, 1.0)
            middle = (s.x0 + s.x1) / 2
            off = {(i, j): abs(middle - (left_edge(i) + right_edge(j)) / 2) for i in [lo, *lefts] for j in [hi, *rights]}
            # the columns' edges are estimated from their text: a centre a tenth of their width off still fits
            fits = {k: e for k, e in off.items() if e <= max(tolerance, (right_edge(k[1]) - left_edge(k[0])) / 10)}
            centred = min(fits.values(), default=None)
            from_left = abs(s.x0 - spans[lo][0])
            span = (lo, hi)
            if from_left <= tolerance and (centred is None or from_left <= centred):  # printed from the left: as
                span = (lo, rights[-1] if rights else hi)  # far as its sub-headers go
            elif centred is not None:  # centred: the widest span it is (about) as centred over as over any
                span = max((k for k, e in fits.items() if e <= centred + tolerance / 2), key=lambda k: k[1] - k[0])
            covers.append((row, span[0], span[1], s))
    return covers


def _header(head: list[Line], spans: list[tuple[float, float]]) -> list[list[str]]:
    """The header rows as the ruled path reads them: each label in the first column it spans, the columns after
    it blank on its row, rows stacked from the top per column (a label centred lower in a cell spanning rows
    leaves no blank above it that would take a neighbour's label)."""
    covers = [(row, first, last, s.text) for row, first, last, s in _covers(head, spans)]
    stacks: list[list[list]] = [[] for _ in spans]
    for row, first, last, text in covers:
        for band in range(first, last + 1):
            entry = text if band == first else ""
            if stacks[band] and stacks[band][-1][0] == row:
                stacks[band][-1][1] += entry
            else:
                stacks[band].append([row, entry])
    depth = max(len(stack) for stack in stacks)
    return [[stack[r][1] if r < len(stack) else "" for stack in stacks] for r in range(depth)]


def grid(lines: list[Line]) -> list[list[str]]:
    """The run's rows as cell texts, one per column: the header written as on the ruled path (a spanning label in
    its first column), then the body, segments of one row in one column joined."""
    rows = _rows(lines)
    first = next((k for k, line in enumerate(rows) if _is_body(line)), 0)
    head, body = rows[:first], rows[first:]
    if head:
        spans, _ = _labelled_columns(body, head)
    else:
        spans = columns(body)
    if len(spans) < 2:
        return []
    out = _header(head, spans) if head else []
    for line in body:
        cells = [""] * len(spans)
        for s in line.segments:
            at = _band(spans, s)
            # two amounts in one column stay apart (and are then reported as not an amount), never run together
            glue = " " if cells[at] and (_is_amount(cells[at].split(" ")[-1]) or _is_amount(s.text)) else ""
            cells[at] = f"{cells[at]}{glue}{s.text}"
        out.append(cells)
    return out


def _is_body(line: Line) -> bool:
    texts = [s.text for s in line.segments]
    return is_data_row(texts) or is_column_numbers(texts)
