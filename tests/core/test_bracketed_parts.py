"""A figure whose parts are listed in a bracket after it: the bracket goes on with the sentence (its own '；' and '。'
do not end it), and the words after the bracket are said of the figure before it, not of the bracket's last part.
Wording and figures are this file's own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.core.claims import claims_of
from jixiao.core.statements import sentences
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

VEHICLES = ("公务用车购置及运行费60.0万元(公务用车购置费20.0万元,比上年增加20.0万元;公务用车运行维护费40.0万元,"
            "比上年减少8.0万元。)比上年增加12.0万元,增长25.00%,主要原因是更新一辆执法用车;")


def test_a_stop_inside_a_bracket_does_not_end_the_sentence():
    assert sentences(VEHICLES + "公务接待费6.0万元。") == [VEHICLES, "公务接待费6.0万元。"]
    full_width = "支出合计88万元（其中：基本支出50万元；项目支出38万元。）较上年持平。下一句10万元。"
    assert sentences(full_width) == ["支出合计88万元（其中：基本支出50万元；项目支出38万元。）较上年持平。", "下一句10万元。"]


def test_a_bracket_that_never_closes_does_not_swallow_the_paragraph():
    assert sentences("收入合计30万元（见附表。支出合计30万元。") == ["收入合计30万元（见附表。", "支出合计30万元。"]


def test_the_words_after_a_bracket_of_parts_go_to_the_figure_before_it():
    claims, _ = claims_of("本年支出合计120.5万元（其中基本支出80.2万元、项目支出40.3万元），比上年增加10.5万元，增长9.55%。")
    assert [(c.subject, c.measure, c.value) for c in claims if c.measure in ("change", "rate")] == [
        ("本年支出合计", "change", Decimal("105000.0")), ("本年支出合计", "rate", Decimal("9.55"))]
    claims, _ = claims_of(VEHICLES)
    assert [(c.subject, c.value) for c in claims if c.measure == "change"] == [
        ("公务用车购置费", Decimal("200000.0")), ("公务用车运行维护费", Decimal("-80000.0")),
        ("公务用车购置及运行维护费", Decimal("120000.0"))]
    assert [c.subject for c in claims if c.measure == "rate"] == ["公务用车购置及运行维护费"]


PAGE = ("示例县农机服务中心2031年“三公”经费预算情况说明\n\n一、“三公”经费安排情况\n"
        "2031年本单位财政拨款安排“三公”经费66.0万元,比上年减少4.0万元,下降5.71%,主要原因是接待活动减少。"
        f"其中:因公出国(境)费0万元,与上年持平;{VEHICLES}"
        "公务接待费6.0万元,比上年减少16.0万元,下降72.73%,主要原因是压缩接待开支。\n")


def _audit(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "三公经费说明.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return audit_document(doc, load_profile("central")).findings


def test_the_rate_after_the_bracket_is_checked_against_the_whole(tmp_path):
    # 12 on 48 is 25%: said of the whole (60) it holds; the bracket's last part (40) would make it 42.86%
    assert [f.rule for f in _audit(tmp_path, PAGE) if f.tier.value != "notice"] == []
    wrong = [f for f in _audit(tmp_path, PAGE.replace("增长25.00%", "增长30.00%"))
             if f.rule == "narrative.n2_year_on_year"]
    assert len(wrong) == 1 and "上年 48.00" in wrong[0].message, wrong  # 60 − 12, not 40 − 12
