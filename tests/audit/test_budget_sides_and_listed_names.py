"""Explanations met in the corpus, in own wording and numbers: a budget's income by kind and spending by function
class listed under a run-in heading ('(一)收入预算:…' / '(二)支出预算。…'), a change printed with both years'
budgets, the year's income by its kinds with a rounding residue, one list of names after two counts, and a body's
duties listed as numbered items before the text goes on."""

from __future__ import annotations

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

BUDGET = """示例区红叶小学2031年部门预算情况说明
一、单位基本情况
(一)职能职责。实施小学义务教育。
二、部门收支总体情况
(一)收入预算:2031年年初预算数{income}万元,其中:一般公共预算拨款480万元,政府性基金预算拨款0万元,国有资本经营预算收入0万元,事业收入0万元,事业单位经营收入0万元,财政专户管理资金24.5万元,上年结转10.25万元。
(二)支出预算。2031年年初预算数{spending}万元,其中:一般公共服务支出预算0万元,教育支出预算390.15万元,社会保障和就业支出预算80.3万元,卫生健康支出预算24.1万元,住房保障支出预算20.2万元。
"""


def _audit(tmp_path, text: str):  # type: ignore[no-untyped-def]
    doc, _ = load_text(tmp_path, text)
    return doc, audit_document(doc, CENTRAL)


def _parts(tmp_path, income: str = "514.75", spending: str = "514.75"):  # type: ignore[no-untyped-def]
    doc, result = _audit(tmp_path, BUDGET.format(income=income, spending=spending))
    return doc, [f for f in result.findings if f.rule == "narrative.parts_total"], result


def test_a_budgets_sides_listed_whole_agree_and_are_checked(tmp_path):
    doc, found, result = _parts(tmp_path)
    assert found == []
    claims = {(c.subject, c.text) for s in doc.disclosure.narrative for c in s.claims}
    assert ("收入总计", "514.75万元") in claims and ("支出总计", "514.75万元") in claims
    assert ("财政专户管理资金收入", "24.5万元") in claims  # its own kind of income, not 经营收入
    assert ("年初结转和结余", "10.25万元") in claims
    assert result.coverage is not None and result.coverage.checked_claims == 2  # both sides' sentences


def test_a_cent_of_rounding_between_a_side_and_its_kinds_is_a_notice(tmp_path):
    _, found, _ = _parts(tmp_path, income="514.76")
    assert [(f.tier, f.location.row) for f in found] == [(Tier.NOTICE, "收入总计")]
    assert "514.75" in found[0].message


def test_kinds_above_the_side_are_an_error_and_below_it_suspected(tmp_path):
    _, over, _ = _parts(tmp_path, spending="500.00")
    assert [(f.tier, f.location.row) for f in over] == [(Tier.ERROR, "支出总计")]
    _, short, _ = _parts(tmp_path, income="530.00")
    assert [(f.tier, f.location.row) for f in short] == [(Tier.WARNING, "收入总计")]


CHANGE = """示例县实验小学2031年部门预算情况说明
一、部门预算收支情况说明
(一)全年收入
2031年财政拨款收入预算{now}万元,比2030年财政拨款收入预算800.50万元增加12.00万元,增加1.5%。
"""


def test_a_change_with_both_years_budgets_printed_is_checked(tmp_path):
    _, result = _audit(tmp_path, CHANGE.format(now="812.50"))
    assert not [f for f in result.findings if f.tier is not Tier.NOTICE and f.rule.startswith("narrative.")]
    _, result = _audit(tmp_path, CHANGE.format(now="790.00"))
    [error] = [f for f in result.findings if f.tier is Tier.ERROR]
    assert error.rule == "narrative.change_amount" and error.expected == "-10.50"
    assert "800.50" in error.message


INCOME = """示例区人民法院2030年度部门决算情况说明
一、部门决算情况说明
(一)收入支出决算总体情况说明。
2.收入情况。2030年度收入合计{total}万元。{listing}此外,年初结转和结余20.00万元。
"""
TWO_KINDS = "其中:财政拨款收入10,000.00万元,占99.2%;其他收入80.61万元,占0.8%。"


def _income(tmp_path, total: str, listing: str = TWO_KINDS):  # type: ignore[no-untyped-def]
    _, result = _audit(tmp_path, INCOME.format(total=total, listing=listing))
    return [f for f in result.findings if f.rule == "narrative.parts_total"]


def test_the_years_income_by_its_kinds_with_a_cent_of_rounding_is_a_notice(tmp_path):
    assert _income(tmp_path, "10,080.61") == []
    [notice] = _income(tmp_path, "10,080.62")
    assert notice.tier is Tier.NOTICE and notice.location.row == "本年收入合计"


def test_kinds_short_of_the_years_income_are_suspected_unless_the_text_is_cut(tmp_path):
    [short] = _income(tmp_path, "10,200.00")
    assert short.tier is Tier.WARNING and "未列出的" in short.message
    cut = INCOME.format(total="10,200.00", listing="其中:财政拨款收入10,000.00万元,占98.0%;其他收入80.61万元,占0.8%;事业收入3")
    _, result = _audit(tmp_path, cut.split("此外")[0])
    assert not [f for f in result.findings if f.rule == "narrative.parts_total"]


def test_a_kind_named_short_or_split_by_funds_is_a_part_too(tmp_path):
    unnamed = "其中:财政拨款10,000.00万元,占99.2%;其他收入80.61万元,占0.8%。"
    assert _income(tmp_path, "10,080.61", unnamed) == []
    by_funds = "其中:一般公共预算财政拨款收入9,900.00万元,占98.2%;政府性基金预算财政拨款100.00万元,占1.0%;其他收入80.61万元,占0.8%。"
    assert _income(tmp_path, "10,080.61", by_funds) == []


COURT = """示例县人民法院
2030年度部门决算情况说明
一、部门基本情况
(二)机构设置。本单位内设{inner}个职能部门,派出人民法庭3个,分别是办公室、政治部、立案庭、刑事审判庭、民事审判庭、执行局、审判管理办公室、研究室、法警大队,东山人民法庭、西岭人民法庭、南湖人民法庭。
二、部门决算情况说明
1.总体情况。2030年度本单位收入总计1,200.50万元,支出总计1,200.50万元。
"""


def _named(tmp_path, text: str):  # type: ignore[no-untyped-def]
    _, result = _audit(tmp_path, text)
    return [f for f in result.findings if f.rule == "narrative.named_count"]


def test_one_list_after_two_counts_pairs_with_the_count_it_matches(tmp_path):
    assert _named(tmp_path, COURT.format(inner="12")) == []  # 9 bodies and the 3 courts: the first count


def test_one_list_after_two_counts_matching_none_is_not_judged(tmp_path):
    assert _named(tmp_path, COURT.format(inner="14")) == []  # 12 names: neither 14, 3 nor 17 — which is meant is unknown


def test_one_list_after_one_count_is_still_compared(tmp_path):
    text = COURT.replace("本单位内设{inner}个职能部门,派出人民法庭3个,分别是", "本单位内设机构5个,分别是").replace(
        ",东山人民法庭、西岭人民法庭、南湖人民法庭", "")
    [finding] = _named(tmp_path, text)
    assert finding.tier is Tier.WARNING and finding.actual == "9个"


DUTIES = """示例县人民法院2031年部门预算公开说明
一、部门概况
1.部门主要职能:
(一)审判刑事、民事和行政案件。
(二)审判上级人民法院指令再审的案件。
(三)承担其他应由本院负责的工作
2.部门预算单位构成:本院部门预算包含预算单位1个,收入预算300万元,支出预算300万元。
"""


def test_the_last_of_a_list_of_duties_heads_nothing_after_it(tmp_path):
    doc, _ = load_text(tmp_path, DUTIES)
    [statement] = [s for s in doc.disclosure.narrative if s.kind != "heading" and "预算单位构成" in s.text]
    assert statement.section == "一、部门概况"


def test_a_list_separated_by_commas_is_counted_by_its_commas(tmp_path):
    text = ("示例市财政局关于2031年度财政重点绩效评价结果的通报\n"
            "2031年重点评价共涉及4个项目,分别是:示例市交通局的公交购买服务项目,示例市医保中心的大病保险政策,"
            "示例市农业局的农业一、二、三产业融合资金和示例市工业和信息化局的首台装备奖励资金。\n")
    assert _named(tmp_path, text) == []
