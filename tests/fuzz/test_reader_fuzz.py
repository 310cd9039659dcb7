"""Mutated and truncated Word (.docx and .doc), Excel, PDF and text files: every one ends in a document or a Chinese error,
never an exception, within bounded time (the whole module runs in seconds)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.ingest.pipeline import load_document
from jixiao.ingest.source import text_blocks
from tests.builders import consistent_package

FUZZ = settings(max_examples=400, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(scope="module")
def originals(tmp_path_factory) -> dict[str, bytes]:
    from tests.ingest.test_formats import write_docx, write_pdf, write_xlsx

    folder = tmp_path_factory.mktemp("originals")
    blocks = text_blocks(consistent_package(), "package.txt")
    out = {}
    for suffix, writer in ((".docx", write_docx), (".xlsx", write_xlsx), (".pdf", write_pdf)):
        path = folder / f"package{suffix}"
        writer(blocks[:40] if suffix == ".pdf" else blocks, path)
        out[suffix] = path.read_bytes()
    out[".txt"] = consistent_package().encode("utf-8")
    from tests.carriers import FIXTURE_DIR

    out[".doc"] = (FIXTURE_DIR / "package.doc").read_bytes()
    return out


def check(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"mutant{suffix}"
    path.write_bytes(data)
    document, errors = load_document(path)
    if document is None:
        assert errors and all(chinese(e.message) for e in errors)


mutations = st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8)


@FUZZ
@given(suffix=st.sampled_from([".docx", ".doc", ".xlsx", ".pdf", ".txt"]), flips=mutations)
def test_byte_flips(tmp_path, originals, suffix, flips):
    data = bytearray(originals[suffix])
    for where, value in flips:
        data[int(where * len(data))] = value
    check(tmp_path, suffix, bytes(data))


@FUZZ
@given(suffix=st.sampled_from([".docx", ".doc", ".xlsx", ".pdf", ".txt"]), cut=st.floats(0, 1))
def test_truncation(tmp_path, originals, suffix, cut):
    data = originals[suffix]
    check(tmp_path, suffix, data[: int(cut * len(data))])


@FUZZ
@given(member=st.sampled_from(["word/document.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"]),
       payload=st.binary(max_size=4000), suffix=st.sampled_from([".docx", ".xlsx"]))
def test_replaced_zip_members(tmp_path, originals, member, payload, suffix):
    source = zipfile.ZipFile(io.BytesIO(originals[suffix]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, payload if info.filename == member else source.read(info))
    check(tmp_path, suffix, buffer.getvalue())


@FUZZ
@given(text=st.text(max_size=3000))
def test_arbitrary_text_documents(tmp_path, text):
    check(tmp_path, ".txt", text.encode("utf-8", errors="surrogatepass") if text.isprintable() else text.encode(
        "utf-8", errors="replace"))
