"""A news site's rewrite of a department's 决算: sub-headings marked '▍' that repeat the figures under them, the grand
totals stated in the first paragraphs, and the first heading named 情况说明 only further down ('▍一般公共预算财政拨款
支出决算情况说明'). The paragraphs before that heading explain the figures too. Own wording and figures."""

from __future__ import annotations

from jixiao.audit.engine import audit_document
from jixiao.core.model import DocumentKind
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

NEWS = """8月1日,示例广播中心公布了2031年度部门决算。示例广播中心2031年度部门决算编制范围为示例广播中心本级。
▍2031年度收、支总计 5,200.00万元
2031年度,示例广播中心收、支总计5,200.00万元。与2030年度相比,收、支总计各增加200.00万元,增长4.0%。
▍年度总收入:4,800.00万元
示例广播中心2031年度收入合计4,800.00万元,其中:财政拨款收入4,320.00万元,占比90.0%,其他收入480.00万元,占比10.0%。
▍年度总支出:4,600.00万元
示例广播中心2031年度支出合计4,600.00万元,其中:基本支出1,150.00万元,占比25.0%;项目支出3,450.00万元,占比75.0%。
▍一般公共预算财政拨款支出决算情况说明
示例广播中心2031年度财政拨款支出4,140.00万元,占本年支出合计90.0%。
"""


def _load(tmp_path, text):
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc


def test_the_totals_stated_before_the_first_explanation_heading_are_read(tmp_path):
    doc = _load(tmp_path, NEWS)
    assert doc.kind is DocumentKind.DISCLOSURE
    texts = [s.text for s in doc.disclosure.narrative if s.kind == "sentence"]
    assert any(t.startswith("示例广播中心2031年度收入合计4,800.00万元") for t in texts)
    assert any(t.startswith("示例广播中心2031年度支出合计4,600.00万元") for t in texts)
    result = audit_document(doc, load_profile("central"))
    assert not [u for u in doc.reading.unread if u.kind == "paragraph"]
    assert [f.message for f in result.findings if f.tier.value != "notice"] == []


def test_a_wrong_share_before_the_heading_is_now_found(tmp_path):
    doc = _load(tmp_path, NEWS.replace("占比25.0%", "占比20.0%").replace("占比75.0%", "占比80.0%"))
    findings = audit_document(doc, load_profile("central")).findings
    assert any(f.rule == "narrative.n2_percentages" and "20.0%" in f.message for f in findings)


def test_a_package_with_part_headings_still_starts_at_its_explanation(tmp_path):
    # '第一部分 概况' before the totals: the parts of a package, whose 情况说明 starts at its own heading
    text = "第一部分 示例广播中心概况\n" + NEWS.split("\n", 1)[1]
    doc = _load(tmp_path, text)
    texts = [s.text for s in doc.disclosure.narrative if s.kind == "sentence"]
    assert not any("收入合计4,800.00万元" in t for t in texts)
