"""A change printed without its unit ('收支较上年减少48.40，降低16.1%'): read in the unit its sentence prints its amounts
in, or else in the one unit the whole document prints; when neither establishes one (the document prints amounts in
元 and in 万元) the change is not compared with anything and its sentence is listed as not checked with its place. A
bare integer after a change word is no amount (a count, points) and is never read as one. Own wording and figures,
reproducing a town's 决算 explanation."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import CENTRAL, audit_text

TEXT = """示例镇人民政府2031年度决算公开说明
一、部门决算情况说明
(一)部门收支总体情况
1.收入支出总体情况。2031年度收入总计251.60万元,支出总计251.60万元。收支较上年减少48.40,降低{rate}%,主要原因是道路项目支出减少。
2.收入情况。2031年度本年收入合计251.60万元,其中:一般公共预算财政拨款收入251.60万元,事业收入0万元。
{extra}"""


def _rates(tmp_path, rate: str, extra: str = ""):  # type: ignore[no-untyped-def]
    doc, findings = audit_text(tmp_path, TEXT.format(rate=rate, extra=extra))
    unread = [u.what for u in audit_document(doc, CENTRAL).coverage.not_read]
    return [f for f in findings if f.rule.startswith("narrative.")], unread


def test_the_change_takes_the_unit_of_its_sentence_or_of_the_document():
    [change] = [c for c in claims_of("收支较上年减少48.40,降低16.1%。", unit="万元")[0] if c.measure == "change"]
    assert change.value == Decimal("-484000") and "未写单位" in change.text
    [own] = [c for c in claims_of("支出总计251.60万元,较上年减少48.40。")[0] if c.measure == "change"]
    assert own.value == Decimal("-484000")


def test_a_change_with_no_unit_established_is_not_read():
    assert [c for c in claims_of("收支较上年减少48.40,降低16.1%。")[0] if c.measure == "change"] == []
    assert [c for c in claims_of("收入251.60万元,其中事业收入1200元,较上年减少48.40。")[0] if c.measure == "change"] == []
    assert [c for c in claims_of("车辆较上年减少2,降低10%。", unit="万元")[0] if c.measure == "change"] == []
    assert [c for c in claims_of("执行率较上年降低3.50,主要原因是…。", unit="万元")[0] if c.measure == "change"] == []


def test_a_rate_agreeing_with_the_unitless_change_passes(tmp_path):
    # 48.40 / (251.60 + 48.40) = 16.13%: printed 16.1
    findings, _ = _rates(tmp_path, "16.1")
    assert [f for f in findings if f.tier is not Tier.NOTICE] == []


def test_a_rate_far_from_the_unitless_change_is_found_once_as_doubtful(tmp_path):
    # 48.40 / 300.00 = 16.13%, printed 26.1: read in the document's 万元 it cannot hold; the unit is inferred, so doubtful
    findings, _ = _rates(tmp_path, "26.1")
    [hit] = [f for f in findings if f.tier is not Tier.NOTICE]
    assert hit.tier is Tier.WARNING and "未写单位" in hit.message and "16.1%" in hit.message


def test_the_same_rate_with_its_unit_printed_is_certain(tmp_path):
    _, findings = audit_text(tmp_path, TEXT.format(rate="26.1", extra="").replace("减少48.40,", "减少48.40万元,"))
    [hit] = [f for f in findings if f.rule == "narrative.n2_year_on_year"]
    assert hit.tier is Tier.ERROR


def test_without_one_unit_in_the_document_the_sentence_is_listed_not_checked(tmp_path):
    findings, unread = _rates(tmp_path, "26.1", extra="3.支出情况。其中公务接待费支出1200元。")
    assert [f for f in findings if f.tier is not Tier.NOTICE] == []
    assert any("减少48.40" in what for what in unread)
