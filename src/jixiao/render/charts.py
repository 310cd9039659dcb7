"""Charts for documents (matplotlib, Agg backend) as PNG bytes, labelled in Chinese with a CJK font.

The font is the one `jixiao.render.fonts.cjk_font` finds; without a CJK font every Chinese label would print as
empty boxes, so chart functions then return None and the caller leaves the chart out (see `missing_font_hint`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from jixiao.core.money import format_amount, format_number
from jixiao.render.fonts import CJKFont, cjk_font

COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948")


def _figure(width: float = 7.0, height: float = 3.6):  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=150, layout="constrained")


def _png(figure) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _style(font: CJKFont) -> dict[str, object]:
    return {"font.family": "sans-serif", "font.sans-serif": [font.family, "DejaVu Sans"],
            "axes.unicode_minus": False}


def bar_chart(categories: Sequence[str], series: dict[str, Sequence[float]], title: str, unit: str = "") -> bytes | None:
    """Grouped bars: one group per category, one bar per series, values written above the bars."""
    font = cjk_font()
    if font is None or not categories:
        return None
    import matplotlib

    with matplotlib.rc_context(_style(font)):
        figure = _figure()
        axes = figure.subplots()
        count = max(len(series), 1)
        width = 0.8 / count
        for index, (name, values) in enumerate(series.items()):
            offsets = [i - 0.4 + width * (index + 0.5) for i in range(len(categories))]
            bars = axes.bar(offsets, list(values), width, label=name, color=COLOURS[index % len(COLOURS)])
            axes.bar_label(bars, labels=[format_amount(Decimal(str(v)), trim=True) for v in values], fontsize=7, padding=1)
        axes.set_xticks(range(len(categories)), list(categories), fontsize=8)
        axes.set_title(title, fontsize=11)
        if unit:
            axes.set_ylabel(unit, fontsize=8)
        axes.spines[["top", "right"]].set_visible(False)
        axes.margins(y=0.15)
        if len(series) > 1:
            axes.legend(fontsize=8, frameon=False)
        return _png(figure)


def _share(percent: float) -> str:
    """A slice's share as matplotlib passes it (a float percentage), to one decimal 四舍五入: '33.3%'."""
    return f"{format_number(Decimal(str(percent)), 1)}%"


def pie_chart(labels: Sequence[str], values: Sequence[float], title: str) -> bytes | None:
    """Shares of a whole (e.g. grade distribution); zero slices are left out, their labels too."""
    font = cjk_font()
    kept = [(label, value) for label, value in zip(labels, values, strict=True) if value > 0]
    if font is None or not kept:
        return None
    import matplotlib

    with matplotlib.rc_context(_style(font)):
        figure = _figure(5.0, 3.6)
        axes = figure.subplots()
        axes.pie([v for _, v in kept], labels=[f"{label}（{value:g}）" for label, value in kept],
                 colors=COLOURS[: len(kept)], autopct=_share, startangle=90, counterclock=False,
                 textprops={"fontsize": 8})
        axes.set_title(title, fontsize=11)
        axes.axis("equal")
        return _png(figure)
