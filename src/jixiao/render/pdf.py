"""PDF from the HTML rendition of the blocks, through WeasyPrint, with a CJK font stack."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from jixiao.render.blocks import Block
from jixiao.render.html import to_html


@cache
def unavailable() -> str:
    """Why WeasyPrint cannot render here ('' when it can): a missing library or system package."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: pango/harfbuzz shared libraries missing
        return f"WeasyPrint 无法加载（{type(exc).__name__}: {exc}）"
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
