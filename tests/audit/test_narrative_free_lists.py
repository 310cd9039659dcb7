"""A hospital's 决算分析 that lists its figures' parts by names of its own: numbered items under a total stated alone
('总收入X万元…。' then '1、…收入A万元…' '2、…收入B万元…'), a '其中：' list carried over '；' into the next sentence, a
'其中：' opening the sentence after its total, and a bracket of parts right after an amount and its change. Own wording
and figures, reproducing the layout of a real page: blank lines between the lines, one sentence broken before its
unit ('增加210.30' / '万元,同比增长…'), rates written '增长率为X%'."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

PAGE = """示例州骨科医院2030年部门决算分析报告

三、收入情况

2030年总收入5230.50万元,与去年同期相比增加{income_change}

万元,同比增长{income_rate}%。

1、一般公共预算财政拨款收入1200万元,与上年同期相比减少80万元,其中:财政基本补助收入{basic_income}万元,较去年同期减少30万元;财政项目补助收入300万元较去年同期减少50万元。

2、医疗业务收入4030.5万元,与上年同期相比增加了290.30万元,增长率为7.76%。

四、支出情况

1、总支出情况:2030年总支出5100.6万元,与去年同期相比增加了320.4万元,增长率为6.70%。其中:一般公共预算财政拨款支出1300万元,比去年增加了100万元(财政拨款基本支出900万元、与去年相比减少了20万元,财政拨款项目支出400万元,与去年同期相比增加120万元);医疗卫生支出3800.6万元,较去年医疗卫生支出增加了220.45万元,增长率为6.16%。
"""
FIGURES = dict(income_change="210.30", income_rate="4.19", basic_income="900")


def _audit(tmp_path, **changed):
    path = tmp_path / "analysis.txt"
    path.write_text(PAGE.format(**{**FIGURES, **changed}), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, audit_document(doc, load_profile("central"))


def test_a_figure_broken_from_its_unit_over_a_blank_line_is_one_sentence(tmp_path):
    doc, _ = _audit(tmp_path)
    [total] = [s for s in doc.disclosure.narrative if s.text.startswith("2030年总收入")]
    assert total.text.endswith("增加210.30万元,同比增长4.19%。")
    assert [(c.measure, c.value) for c in total.claims][1:] == [("change", Decimal("2103000")), ("rate", Decimal("4.19"))]


def test_a_rate_named_growth_rate_is_read_as_a_rate():
    claims, _ = claims_of("医疗业务收入4030.5万元,与上年同期相比增加了290.30万元,增长率为7.76%。")
    assert [(c.measure, c.text) for c in claims][1:] == [("change", "增加了290.30万元"), ("rate", "增长率为7.76%")]
    claims, _ = claims_of("支出合计100万元,增减率为5%。")  # '增减' says no direction: not read as one
    assert [c.measure for c in claims] == ["amount", "figure"]


def test_every_sum_of_the_page_is_checked(tmp_path):
    _, result = _audit(tmp_path)
    assert [c.what for c in result.coverage.unchecked] == []
    # the one residue: 100 + 220.45 against 320.4, within the precision of the whole-number 100
    assert [(f.rule, f.tier) for f in result.findings] == [("narrative.parts_total", Tier.NOTICE)]
    assert "320.4" in result.findings[0].message


def test_changes_that_do_not_add_up_are_a_warning(tmp_path):
    # the total's change and its rate agree (250.30 on 4980.20 is 5.03%); the items' changes add up to 210.30
    _, result = _audit(tmp_path, income_change="250.30", income_rate="5.03")
    assert [(f.rule, f.tier) for f in result.findings if f.tier is not Tier.NOTICE] == [
        ("narrative.parts_total", Tier.WARNING)]
    [hit] = [f for f in result.findings if f.tier is Tier.WARNING]
    assert "250.30" in hit.message and "增减额" in hit.message and hit.expected == "210.30"


@pytest.mark.parametrize(("basic", "tier"), [("960", Tier.WARNING), ("800", None)])
def test_parts_above_their_whole_are_a_warning_and_below_it_are_left_unchecked(tmp_path, basic, tier):
    _, result = _audit(tmp_path, basic_income=basic)
    hits = [f for f in result.findings if f.rule == "narrative.parts_total" and "财政基本补助收入" in f.message]
    assert [f.tier for f in hits] == ([tier] if tier else [])
    if tier is None:  # “其中” may list only some parts: nothing said, and the list is reported as not checked
        assert any("财政基本补助收入" in c.what or "1200万元" in c.what for c in result.coverage.unchecked)


REPORT = """示例协会2031年财务收支情况
本报告期为2031年1月1日至2031年12月31日。
一、财务收支情况
（一）收入情况
本年度捐赠资金收入{whole}万元,占总收入的14.00%。
其中:助学捐款收入12.50万元,救助捐款收入20.25万元,定向捐款收入9.25万元。
本年度其他收入8.00万元。
（二）支出情况
政府拨款支出250.00万元,其中:基本支出150.00万元,项目支出100.00万元。
"""


@pytest.mark.parametrize(("whole", "tier"), [("42.00", None), ("40.00", Tier.WARNING)])
def test_a_whole_named_by_words_of_its_own_opens_the_list_after_it(tmp_path, whole, tier):
    # the sentence before '其中' states one sum of money, of no subject the grammar knows: the list's whole
    path = tmp_path / "report.txt"
    path.write_text(REPORT.format(whole=whole), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    result = audit_document(doc, load_profile("central"))
    hits = [f for f in result.findings if f.rule == "narrative.parts_total"]
    assert [f.tier for f in hits] == ([tier] if tier else [])
    if tier is None:
        assert not [c for c in result.coverage.unchecked if "捐款收入" in c.what]
    else:
        assert "捐赠资金收入" in hits[0].message and "42.00" in hits[0].message


BUDGET = """示例县第九中学2032年部门预算情况说明
一、收支预算总体情况说明
(一)收入预算:2032年收入合计900.00万元,其中:本年收入700.00万元,主要是一般公共预算拨款640.00万元,政府性基金预算拨款0.00万元,财政专户管理资金收入60.00万元;
上年结转收入200.00万元。
2032年一般公共预算财政拨款收入合计{general}万元,其中:本年收入640.00万元,上年结转收入20.00万元;
一般公共预算财政拨款支出660.00万元,比2031年增加10.00万元。
"""


@pytest.mark.parametrize(("general", "tier"), [("660.00", None), ("650.00", Tier.WARNING)])
def test_a_parts_own_breakdown_and_the_other_sides_figure_are_no_parts(tmp_path, general, tier):
    # '本年收入700，主要是…640…、…60…；上年结转收入200': the figures after '主要是' are 本年收入's own (900 = 700 + 200);
    # the 支出 after '；' closes the list of 收入 (660 = 640 + 20, never + 660)
    path = tmp_path / "budget.txt"
    path.write_text(BUDGET.format(general=general), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    result = audit_document(doc, load_profile("central"))
    hits = [f for f in result.findings if f.rule == "narrative.parts_total"]
    assert [f.tier for f in hits] == ([tier] if tier else [])
    if tier is not None:
        assert "660.00" in hits[0].message and "650.00" in hits[0].message
