"""Charts drawn on the server as inline SVG: no JavaScript, readable without network, printable, CSP-safe.
Each chart carries its numbers as a table for screen readers and for people who prefer reading."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.html import format_html, json_script
from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#2f6fb0", "#3c9a5f", "#d49a1f", "#c2412d", "#7a5bb5", "#5b8a99")


def bar_chart(series: Sequence[tuple[str, int | Decimal]], title: str, width: int = 560, bar_height: int = 26,
              unit: str = "", colours: Sequence[str] = ()) -> SafeString:
    """A horizontal bar chart of (label, value) pairs; `colours` per bar (else the palette)."""
    peak = max((float(v) for _, v in series), default=0) or 1
    label_width, top = min(280, 13 * max((len(str(label)) for label, _ in series), default=4) + 12), 30
    height = top + bar_height * len(series) + 10
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
             f'<text x="0" y="18" font-size="14" font-weight="bold">{escape(title)}</text>']
    span = width - label_width - 70
    for n, (label, value) in enumerate(series):
        y = top + n * bar_height
        length = span * float(value) / peak
        parts.append(f'<text data-index="{n}" x="{label_width - 6}" y="{y + bar_height * 0.65:.1f}" font-size="12" '
                     f'text-anchor="end">{escape(str(label))}</text>')
        parts.append(f'<rect data-index="{n}" x="{label_width}" y="{y + 4}" width="{length:.1f}" height="{bar_height - 8}" '
                     f'fill="{colours[n] if n < len(colours) else PALETTE[n % len(PALETTE)]}"><title>{escape(str(label))}：{value}{unit}</title></rect>')
        parts.append(f'<text x="{label_width + length + 6:.1f}" y="{y + bar_height * 0.65:.1f}" font-size="12">'
                     f'{value}{escape(unit)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


# Colours that mean something, the same on every page: grades in a fixed palette, warnings in their own colour.
GRADE_COLOURS = {"优": "#2e7d32", "良": "#2f6fb0", "中": "#d49a1f", "差": "#c2412d"}
WARNING_COLOURS = {"red": "#c2412d", "yellow": "#e0b000", "green": "#3c9a5f", "blue": "#2f6fb0"}
NEUTRAL = "#5b7a99"
CHART_PROJECTS = 50  # projects listed under a clicked bar or slice (the first ones; the list pages give all)


@dataclass(frozen=True)
class Slice:
    """One bar or slice: its label, value, colour and the projects behind it (name, link, note)."""

    label: str
    value: int | Decimal
    colour: str = NEUTRAL
    projects: tuple[tuple[str, str, str], ...] = ()


def interactive_chart(key: str, title: str, slices: Sequence[Slice], unit: str = "", kind: str = "bar",
                      listed: int = 0) -> SafeString:
    """A chart drawn by ECharts (served from static/vendor, no network) when it is there, else the server's SVG;
    either way a click on a bar or slice lists the projects behind it under the chart. `listed`: the most projects
    the caller read per slice (0: all of them); a slice that has that many says it lists the first ones."""
    if not any(s.value for s in slices):  # nothing to draw: an all-zero pie would show equal slices
        return format_html('<figure class="chart-box empty"><figcaption>{}</figcaption><p class="hint">暂无数据。</p>'
                           '</figure>', title)
    data = {"title": title, "unit": unit, "kind": kind, "items": [
        {"label": s.label, "value": str(s.value), "colour": s.colour, "more": bool(listed) and len(s.projects) >= listed,
         "projects": [{"name": n, "url": u, "note": note} for n, u, note in s.projects]} for s in slices]}
    fallback = bar_chart([(s.label, s.value) for s in slices], title, unit=unit, colours=[s.colour for s in slices])
    return format_html('<figure class="chart-box" data-chart="chart-{}">{}{}<div class="drill" id="drill-{}" '
                       'aria-live="polite"><p class="hint">点击图中的条形或扇区，列出其中的项目。</p></div></figure>',
                       key, fallback, json_script(data, f"chart-{key}"), key)
