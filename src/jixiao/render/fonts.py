"""The CJK font documents are set in (PDF text and chart labels).

An installed system font comes first (Debian's fonts-wqy-microhei or fonts-noto-cjk, which `make install`
installs where it may). Otherwise the Noto Sans CJK SC file shipped by the `mplfonts` package (the [fonts]
extra, which `make install` adds when it cannot install system packages) is registered with matplotlib and
given to WeasyPrint by an @font-face rule. Without either, documents cannot be released: `missing_font_hint`
is the one message that says so.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Debian's fonts-wqy-microhei and fonts-noto-cjk first, then common desktop fonts.
CJK_FAMILIES = (
    "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN",
    "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK JP",
)
PACKAGED_FAMILY = "Noto Sans CJK SC"
_PACKAGED_FILE = ("mplfonts", "fonts/NotoSansCJKsc-Regular.otf")


@dataclass(frozen=True)
class CJKFont:
    family: str
    path: str
    packaged: bool = False  # shipped by a Python package, not known to fontconfig


def missing_font_hint() -> str:
    return ("未找到中文字体，无法生成可发布的 PDF 与图表：请安装 fonts-wqy-microhei 或 fonts-noto-cjk"
            "（sudo apt-get install fonts-wqy-microhei），或运行 make install（无权限安装系统软件包时改装 Python 包 "
            "mplfonts：pip install 'jixiao[fonts]'）")


def packaged_font_path() -> Path | None:
    """The CJK font file shipped by the [fonts] extra, if installed."""
    spec = importlib.util.find_spec(_PACKAGED_FILE[0])
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / _PACKAGED_FILE[1]
    return path if path.is_file() else None


def _known() -> dict[str, str]:
    from matplotlib import font_manager

    # matplotlib's cached list may name files removed since (an uninstalled package): only files that exist count.
    return {entry.name: entry.fname for entry in font_manager.fontManager.ttflist if Path(entry.fname).is_file()}


def _system_font() -> CJKFont | None:
    from matplotlib import font_manager

    known = _known()
    if not any(family in known for family in CJK_FAMILIES):
        # matplotlib caches its font list: a font installed after the cache was built is found by a fresh scan.
        seen = set(known.values())
        for path in font_manager.findSystemFonts():
            if path not in seen:
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # a broken font file is not ours to report
                    continue
        known = _known()
    return next((CJKFont(family, known[family]) for family in CJK_FAMILIES if family in known), None)


@cache
def cjk_font() -> CJKFont | None:
    """The CJK font to use (registered with matplotlib), or None when neither kind is installed."""
    try:
        found = _system_font()
    except ImportError:  # matplotlib not installed: no charts, but the packaged file may still serve the PDF
        found = None
    if found is not None:
        return found
    path = packaged_font_path()
    if path is None:
        return None
    try:
        from matplotlib import font_manager

        font_manager.fontManager.addfont(str(path))
    except ImportError:
        pass
    return CJKFont(PACKAGED_FAMILY, str(path), packaged=True)


def font_face_css() -> str:
    """An @font-face rule for a packaged font (fontconfig does not know it); '' for a system font."""
    font = cjk_font()
    if font is None or not font.packaged:
        return ""
    return f"@font-face {{ font-family: '{font.family}'; src: url('{Path(font.path).as_uri()}'); }}\n"
