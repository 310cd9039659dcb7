"""Charts: PNG bytes drawn with a CJK font that has every glyph of the labels (no empty boxes), a clear fallback
without one, and pictures carried into Word and HTML."""

from __future__ import annotations

import base64
import os
import warnings

import pytest

from jixiao.render import charts, fonts
from jixiao.render.blocks import Image, Para, to_docx
from jixiao.render.html import FONT_STACK, to_html

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
LABELS = ["产出指标", "效益指标", "满意度指标", "各部分得分", "满分", "得分", "分"]


def _glyphs(path: str) -> set[int]:
    from fontTools.ttLib import TTCollection, TTFont

    fonts = TTCollection(path).fonts if path.lower().endswith(".ttc") else [TTFont(path)]
    return set(fonts[0].getBestCmap())


@pytest.fixture(scope="module")
def font():
    found = charts.cjk_font()
    if found is None:
        if os.environ.get("JIXIAO_REQUIRE_BROWSER") == "1":  # CI installs a CJK font (make test): never skip there
            pytest.fail(fonts.missing_font_hint())
        pytest.skip(fonts.missing_font_hint())
    return found


def test_the_chosen_font_is_a_cjk_font_with_every_label_glyph(font):
    from matplotlib import font_manager

    assert font.family in fonts.CJK_FAMILIES
    assert font_manager.findfont(font.family, fallback_to_default=False) == font.path
    missing = {ch for ch in "".join(LABELS) if ord(ch) not in _glyphs(font.path)}
    assert missing == set()


def test_bar_chart_is_a_png_drawn_without_missing_glyphs(font):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = charts.bar_chart(LABELS[:3], {"满分": [50, 30, 10], "得分": [43.99, 20, 9.44]}, "各部分得分", "分")
    assert png is not None and png.startswith(PNG_MAGIC) and len(png) > 10_000
    assert not [w for w in caught if "missing from font" in str(w.message)]


def test_pie_chart_leaves_out_empty_grades(font):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = charts.pie_chart(["优", "良", "中", "差"], [2, 5, 2, 0], "评价等级分布")
    assert png is not None and png.startswith(PNG_MAGIC)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert charts.pie_chart(["优"], [0], "空") is None


def test_without_a_cjk_font_charts_are_left_out(monkeypatch):
    from jixiao.core.work_summary import WorkSummaryFacts
    from jixiao.profiles import load_profile
    from jixiao.render.work_summary import build

    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    assert charts.bar_chart(["产出"], {"得分": [1]}, "t") is None
    assert "fonts-wqy-microhei" in fonts.missing_font_hint()
    facts = WorkSummaryFacts("测试区", 2025, evaluations=())
    assert not [b for b in build(facts, load_profile("central")) if isinstance(b, Image)]


def test_images_reach_word_and_html(font, tmp_path):
    import docx

    png = charts.bar_chart(["产出"], {"得分": [1.0]}, "图")
    blocks = [Para("正文。"), Image(png, "图1 测试")]
    document = docx.Document(str(to_docx(blocks, tmp_path / "i.docx", "t")))
    assert len(document.inline_shapes) == 1 and "图1 测试" in [p.text for p in document.paragraphs]
    page = to_html(blocks, "t")
    assert base64.b64encode(png).decode("ascii")[:200] in page and FONT_STACK in page
    assert "WenQuanYi Micro Hei" in FONT_STACK and "Noto Sans CJK SC" in FONT_STACK
