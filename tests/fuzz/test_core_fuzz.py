"""Hostile input to the core parsers: every input ends in a value or None, never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.money import parse_amount, parse_decimal
from jixiao.core.values import cn_to_decimal, parse_value
from jixiao.ingest.source import read_text, text_blocks
from jixiao.ingest.textlayout import drop_preamble

# Characters that occur in real documents: digits (half/full width), operators, units, CJK, separators.
ALPHABET = st.sampled_from(list(
    "0123456789０１２３４５６７８９.,，%％≥≤><=＞＜＝~～-—至到[]（）() \t\n\u3000\xa0万元亿人次个座米平方年月底"
    "达成部分未完成预期指标并具有一定效果较差提高有利于一二三四五六七八九十百千零〇点两"
))
TEXT = st.text(alphabet=ALPHABET, max_size=80) | st.text(max_size=80)
FUZZ = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(TEXT)
def test_parse_value_never_raises(text):
    value = parse_value(text)
    assert value.raw == text
    if value.upper is not None:
        assert value.number is not None and value.number <= value.upper


@FUZZ
@given(TEXT, st.sampled_from(["元", "万元", "亿元", "?"]))
def test_parse_amount_never_raises(text, unit):
    amount = parse_amount(text, unit)
    assert amount is None or amount == amount  # a Decimal, never NaN
    assert (parse_decimal(text) is None) == (amount is None)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("零〇一二两三四五六七八九十百千万亿点")), max_size=20))
def test_chinese_numerals_never_raise(token):
    result = cn_to_decimal(token)
    assert result is None or result >= 0


@FUZZ
@given(st.text(max_size=400))
def test_text_blocks_keep_every_nonblank_line(text):
    """Without '|' layouts, every line that is not site metadata is one row or one paragraph."""
    blocks = text_blocks(text, "x.txt")
    rows = sum(len(b.rows) for b in blocks if hasattr(b, "rows"))
    paragraphs = sum(1 for b in blocks if not hasattr(b, "rows"))
    kept = drop_preamble(text.splitlines())
    lines = [line for line in kept if line.strip() or "\t" in line]
    if any("|" in line or "｜" in line for line in lines):
        return  # cell-per-line and pipe layouts are covered by tests/ingest/test_text_layouts.py
    assert rows + paragraphs == len(lines)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_read_text_on_random_bytes_gives_document_or_chinese_error(tmp_path: Path, data: bytes):
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    document, errors = read_text(path)
    assert (document is None) == bool(errors)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e.message) for e in errors)
