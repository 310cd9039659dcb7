"""PDF tests need WeasyPrint and its system libraries (pango); where they cannot load, those tests skip and say
why. CI installs everything, so there they run."""

from __future__ import annotations

import os

import pytest

from jixiao.render.pdf import unavailable


def require_pdf() -> None:
    if reason := unavailable():
        if os.environ.get("JIXIAO_REQUIRE_BROWSER") == "1":  # CI installs the system libraries: never skip there
            pytest.fail(f"PDF 无法生成：{reason}")
        pytest.skip(f"PDF 无法生成：{reason}")


@pytest.fixture(scope="session")
def to_pdf():
    """jixiao.render.pdf.to_pdf, or a skip with the reason WeasyPrint cannot load."""
    require_pdf()
    from jixiao.render.pdf import to_pdf as write

    return write
