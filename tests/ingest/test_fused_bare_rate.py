"""A fund row whose cells ran together with its 执行率 printed without '%' — as a ratio ('0.75' for 75%) — and its
score after it, under a header printing the score's formula ('得分(20分*执行率)') (own wording and figures): the
run is split only where 执行数 ÷ 预算数 equals the rate and 20 × the rate the score; a run no reading fits is
reported not read, and none of its figures is read as one number."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.ingest.fused import bare_rate_reading
from jixiao.ingest.pipeline import load_document

FORM = ("示例区2031年度项目自评表单位名称:示例区水务科填报日期:项目名称示例区河道保洁补助主管部门示例区水务局"
        "预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额{run}"
        "年度绩效目标(80分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分产出指标数量指标保洁河段≥12公里 12 40\n")


def _budget(tmp_path: Path, run: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "自评表.txt"
    path.write_text(FORM.format(run=run), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, [line for se in doc.self_evaluations for line in se.budget_lines]


def test_a_ratio_rate_and_its_score_single_out_the_reading(tmp_path):
    _, [line] = _budget(tmp_path, "2.41.80.7515")
    assert (line.adjusted, line.executed) == (Decimal(24000), Decimal(18000))
    assert (line.reported_rate, line.reported_score) == (Decimal(75), Decimal(15))


def test_a_run_no_reading_fits_is_reported_and_nothing_is_read_from_it(tmp_path):
    doc, lines = _budget(tmp_path, "2.41.80.7516")  # 20 × 75% is not 16: no reading
    assert lines == []
    assert any("2.41.80.7516" in p.message and "未读取" in p.message for p in doc.problems)


def test_the_reading_is_the_only_one_or_none():
    assert bare_rate_reading("3.23.2120", 3, Decimal(20)) == ["3.2", "3.2", "100", "20"]
    assert bare_rate_reading("5.0550", 3, Decimal(20)) is None  # nothing fits
