"""The CJK font: a system font when installed, else the packaged one given to WeasyPrint by @font-face; without
either, a PDF is not attempted and the missing font is the release gate's one cause (not read-back differences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.profiles import load_profile
from jixiao.render import fonts, html, pdf, release
from jixiao.render.blocks import Para

HINT = fonts.missing_font_hint()


@pytest.fixture
def no_font(monkeypatch):
    monkeypatch.setattr(release, "unavailable", lambda: HINT)


def test_without_a_font_the_release_names_that_one_cause_and_writes_nothing(no_font, tmp_path):
    outcome = release.release([Para("正文。")], "标题", "doc", tmp_path, ("docx", "pdf"), load_profile("central"), {})
    assert not outcome.released and outcome.renditions == () and outcome.differences == ()
    assert outcome.cause == f"无法生成 PDF：{HINT}" and "中文字体" in outcome.cause
    assert list(tmp_path.iterdir()) == []
    word = release.release([Para("正文。")], "标题", "doc", tmp_path, ("docx",), load_profile("central"), {})
    assert word.cause == "" and [r.format for r in word.renditions] == ["docx"]


def test_pdf_support_requires_a_cjk_font(monkeypatch):
    pdf.unavailable.cache_clear()
    monkeypatch.setattr(pdf, "cjk_font", lambda: None)
    pytest.importorskip("weasyprint")
    try:
        assert pdf.unavailable() == HINT
    finally:
        pdf.unavailable.cache_clear()


def test_a_packaged_font_is_declared_by_font_face(monkeypatch, tmp_path):
    file = tmp_path / "NotoSansCJKsc-Regular.otf"
    file.write_bytes(b"")
    monkeypatch.setattr(fonts, "cjk_font", lambda: fonts.CJKFont(fonts.PACKAGED_FAMILY, str(file), packaged=True))
    monkeypatch.setattr(html, "cjk_font", fonts.cjk_font)
    css = html.style()
    assert css.startswith(f"@font-face {{ font-family: '{fonts.PACKAGED_FAMILY}'; src: url('{file.as_uri()}'); }}")
    assert f"font-family: {html.FONT_STACK};" in css


def test_a_system_font_outside_the_stack_goes_first(monkeypatch):
    monkeypatch.setattr(html, "cjk_font", lambda: fonts.CJKFont("Source Han Sans SC", "/usr/share/fonts/x.otf"))
    monkeypatch.setattr(fonts, "cjk_font", lambda: fonts.CJKFont("Source Han Sans SC", "/usr/share/fonts/x.otf"))
    css = html.style()
    assert "@font-face" not in css and f"font-family: 'Source Han Sans SC', {html.FONT_STACK};" in css


def test_the_packaged_file_is_found_only_when_installed(monkeypatch, tmp_path):
    package = tmp_path / "mplfonts"
    (package / "fonts").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert fonts.packaged_font_path() is None
    (package / "fonts" / "NotoSansCJKsc-Regular.otf").write_bytes(b"font")
    assert fonts.packaged_font_path() == Path(package / "fonts" / "NotoSansCJKsc-Regular.otf")
