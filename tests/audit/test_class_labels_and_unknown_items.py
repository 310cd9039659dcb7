"""A function class named with its label inside the name ('外交(类)支出', '行政运行(项)支出') as well as after it
('教育支出(类)'), and an item named in words the lexicon lacks ('其他收', 收入 cut short): a share printed after an
item's amount is that item's, never the share of the subject named before it. Own wording and figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text


@pytest.mark.parametrize(("sentence", "subject"), [
    ("财政拨款支出500万元，其中：国防(类)支出 4万元，占0.8%", "国防支出"),
    ("财政拨款支出500万元，其中：国防支出(类)4万元，占0.8%", "国防支出"),
    ("财政拨款支出500万元，其中：行政运行(项)支出4万元，占0.8%", "行政运行支出"),
    ("财政拨款支出500万元，其中：机关服务(款)支出4万元，占0.8%", "机关服务支出"),
])
def test_a_class_label_inside_or_after_the_name_names_the_item_of_the_share(sentence, subject):
    claims, _ = claims_of(sentence)
    [share] = [c for c in claims if c.measure == "share"]
    [amount] = [c for c in claims if c.value == 4 * Decimal(10000)]
    assert (share.subject, amount.subject, amount.measure) == (subject, subject, "amount")


def test_a_share_after_an_item_the_lexicon_lacks_is_not_the_share_of_the_subject_before():
    claims, _ = claims_of("本年收入合计300万元，其中：财政拨款收入297万元，占比99%，其他收3万元，占比1%")
    shares = [(c.subject, c.value) for c in claims if c.measure == "share"]
    assert shares == [("财政拨款收入", Decimal(99)), ("", Decimal(1))]


def test_a_change_without_its_word_keeps_the_subject():
    # '比上年增加(减少)0万元' (a template's words) names no item: what follows stays the subject's
    claims, _ = claims_of("项目支出80万元，比上年增加(减少)0万元，占本年支出合计的40%")
    [share] = [c for c in claims if c.measure == "share"]
    assert share.subject == "项目支出"


TEXT = """某某市广播电视台2023年度部门决算情况说明
一、收入支出决算总体情况说明
▍年度总收入:300.00万元
某某市广播电视台2023年度收入合计300.00万元,其中:财政拨款收入297.00万元,占比99.0%,其他收3.00万元,占比1.0%。
▍年度总支出:400.00万元
某某市广播电视台2023年度支出合计400.00万元,其中:基本支出100.00万元,占比25.0%;项目支出300.00万元,占比75.0%。
二、一般公共预算财政拨款支出决算情况说明
某某市广播电视台2023年度财政拨款支出400.00万元,主要用于以下方面:国防(类)支出 4.00万元,占{defence}%;\
文化旅游体育与传媒(类)支出380.00万元,占95.0%;住房保障(类)支出16.00万元,占4.0%。
"""


def _findings(tmp_path, defence: str):  # type: ignore[no-untyped-def]
    doc, _ = load_text(tmp_path, TEXT.format(defence=defence), "explanation.txt")
    return audit_document(doc, CENTRAL).findings


def test_shares_of_labelled_classes_and_unknown_items_raise_no_certain_finding(tmp_path):
    # 4 of 400 is 1.0%, 3 of 300 is 1.0%: nothing is wrong. The headings' 总收入 and 总支出 differ (they are the
    # year's own 合计): at most a finding naming that convention, never a certain one.
    findings = _findings(tmp_path, "1.0")
    assert [f for f in findings if f.tier is Tier.ERROR] == []
    assert all(f.tier is not Tier.ERROR for f in findings if f.rule == "narrative.totals_balance")


def test_a_wrong_share_of_a_labelled_class_is_found_against_its_own_amount(tmp_path):
    [finding] = [f for f in _findings(tmp_path, "2.0") if f.rule == "narrative.n2_percentages"]
    assert finding.tier is Tier.ERROR and finding.actual == "2.0" and finding.expected == "1.0"
