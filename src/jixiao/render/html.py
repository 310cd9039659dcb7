"""Blocks as one self-contained HTML page (images inlined), the source of the PDF rendition.

Tables carry visible cell borders and no cell shading: the PDF reader (pdfplumber) finds tables by their
ruling lines, so a released PDF reads back into the same rows. A row never breaks across pages, and there are
no repeated table headers or running page footers: each would put extra rows or lines between the parts of a
table that crosses a page.
"""

from __future__ import annotations

import base64
import html

from jixiao.render.blocks import Block, Grid, Heading, Image, Para
from jixiao.render.fonts import cjk_font, font_face_css

# WenQuanYi first: WeasyPrint subsets it in under a second, Noto CJK takes 8–10 s (DESIGN §4).
FONT_STACK = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif"

_STYLE = """
@page {{ size: A4; margin: 2cm 1.8cm; }}
body {{ font-family: {fonts}; font-size: 10.5pt; line-height: 1.6; color: #000; }}
h1 {{ font-size: 18pt; text-align: center; margin: 0 0 0.4em; }}
h2 {{ font-size: 14pt; margin: 1em 0 0.4em; }}
h3 {{ font-size: 12pt; margin: 0.8em 0 0.3em; }}
h4, h5, h6 {{ font-size: 10.5pt; margin: 0.6em 0 0.2em; }}
p {{ margin: 0.3em 0; text-align: justify; }}
p.center {{ text-align: center; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; font-size: 9pt; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
td {{ border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; }}
tr.head td {{ font-weight: bold; text-align: center; }}
figure {{ margin: 0.6em 0; text-align: center; page-break-inside: avoid; }}
figure img {{ max-width: 100%; }}
figcaption {{ font-size: 9pt; }}
"""


def style() -> str:
    """The page's CSS: the CJK font found on this machine first in the stack (an @font-face for a packaged one)."""
    font = cjk_font()
    stack = FONT_STACK if font is None or font.family in FONT_STACK else f"'{font.family}', {FONT_STACK}"
    return font_face_css() + _STYLE.format(fonts=stack)


def _table(grid: Grid) -> str:
    width = max(len(r) for r in grid.rows)
    rows = []
    for index, row in enumerate(grid.rows):
        cells = list(row) + [""] * (width - len(row))
        css = ' class="head"' if index < grid.header else ""
        rows.append(f"<tr{css}>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    notes = "".join(f"<p>{html.escape(n)}</p>" for n in grid.notes)
    return f"<table><tbody>{''.join(rows)}</tbody></table>{notes}"


def _image(image: Image) -> str:
    data = base64.b64encode(image.png).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" style="width:{image.width_cm}cm" '
            f'alt="{html.escape(image.caption)}"><figcaption>{html.escape(image.caption)}</figcaption></figure>')


def to_html(blocks: list[Block], title: str) -> str:
    """The whole document as an HTML page."""
    parts = []
    for block in blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            parts.append(f"<h{level}>{html.escape(block.text)}</h{level}>")
        elif isinstance(block, Para):
            parts.append(f"<p>{html.escape(block.text)}</p>")
        elif isinstance(block, Image):
            parts.append(_image(block))
        else:
            parts.append(_table(block))
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{style()}</style></head><body>{''.join(parts)}</body></html>\n")
