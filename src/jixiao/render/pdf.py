"""PDF from the HTML rendition of the blocks, through WeasyPrint, with a CJK font stack."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from jixiao.extras import missing_extra
from jixiao.render.blocks import Block
from jixiao.render.fonts import cjk_font, missing_font_hint
from jixiao.render.html import to_html


@cache
def unavailable() -> str:
    """Why a Chinese PDF cannot be made here ('' when it can): WeasyPrint or its libraries, or no CJK font."""
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return f"未安装 WeasyPrint（{missing_extra('documents')}）"
    except OSError as exc:  # pango/harfbuzz shared libraries missing
        return f"WeasyPrint 无法加载（{type(exc).__name__}: {exc}）"
    if cjk_font() is None:
        return missing_font_hint()
    return ""


def to_pdf(blocks: list[Block], path: Path, title: str) -> Path:
    """Write `blocks` as a PDF (A4) at `path`."""
    import weasyprint

    # WeasyPrint logs every unsupported CSS hint at WARNING; the page is ours, so keep the console quiet.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=to_html(blocks, title))
    document.write_pdf(str(path))  # the PDF title comes from the page's <title>
    return path
