"""Claims read from any wording: consistent documents in several wordings stay quiet; each planted fault is found
once, at its place, whatever the phrasing (元 or 万元, separators or none, 为/是/共计/达 …)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.claims import chinese_number, claims_of
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL, audit_text
from tests.builders import consistent_package

W = Decimal(10000)


@pytest.mark.parametrize(("sentence", "subject", "measure", "value"), [
    ("收入总计为9,999.99万元", "收入总计", "amount", Decimal("9999.99") * W),
    ("收入总计是99,999,900.00元", "收入总计", "amount", Decimal("99999900.00")),
    ("本年度收入支出总计共计1.2亿元", "收支总计", "amount", Decimal("120000000")),
    ("基本支出决算数为446.23万元", "基本支出", "amount", Decimal("446.23") * W),
    ("人员经费支出４２５．８９万元", "人员经费", "amount", Decimal("425.89") * W),
    ("社会保障和就业支出(类)51.06万元", "社会保障和就业支出", "amount", Decimal("51.06") * W),
    ("“三公”经费全年预算数为4.90万元", "三公经费", "budget", Decimal("4.90") * W),
    ("公务用车运行维护费较上年减少1.10万元", "公务用车运行维护费", "change", Decimal("-1.10") * W),
    ("公务接待费比上年下降18.33%", "公务接待费", "rate", Decimal("-18.33")),
    ("因公出国（境）费与上年持平", "因公出国(境)费", "change", Decimal(0)),
    ("一般公共服务支出占本年支出合计的比重为39.87%", "一般公共服务支出", "share", Decimal("39.87")),
    ("“三公”经费完成全年预算6.00万元的80%", "三公经费", "completion", Decimal(80)),
    ("公务用车保有量共二十三辆", "公务用车", "count", Decimal(23)),
    ("“三公”经费决算数大于预算数", "三公经费", "compare", Decimal(1)),
    ("上年收入总计为8,000万元", "收入总计", "prior", Decimal(8000) * W),
    ("实际支出“三公经费”决算为7.25万元", "三公经费", "amount", Decimal("7.25") * W),
    ("其中会议费为3.10万元，占41.3%", "会议费", "share", Decimal("41.3")),
    ("收入支出总体与上年相比，增加12.50万元", "收支总计", "change", Decimal("12.50") * W),
    ("培训费支出1.20万元，年初预算为2万元，差值为0.8万元", "培训费", "figure", Decimal("0.8") * W),
    ("公务接待费比预算减少0.50万元", "公务接待费", "change", Decimal("-0.50") * W),
])
def test_claim_grammar(sentence, subject, measure, value):
    claims, _ = claims_of(sentence)
    assert [(c.subject, c.value) for c in claims if c.measure == measure] == [(subject, value)]


def test_a_change_against_the_budget_is_not_a_change_on_last_year():
    [claim] = claims_of("公务接待费比预算减少0.50万元")[0]
    assert claim.basis == "预算"


def test_change_inherits_subject_and_reason_is_kept():
    claims, reason = claims_of("支出总计1,500.00万元，比上年增加300.00万元，增长25.00%，主要原因是项目增加。")
    assert [(c.subject, c.measure) for c in claims] == [("支出总计", "amount"), ("支出总计", "change"),
                                                          ("支出总计", "rate")]
    assert reason == "项目增加" and chinese_number("两") == 2


# The same consistent document in other wordings: amounts in 元 with or without separators, other verbs.
WORDINGS = {
    "元与千分位": [("收入总计1,500.00万元，支出总计1,500.00万元", "收入总计为15,000,000.00元，支出总计是15000000元"),
               ("财政拨款基本支出300.00万元", "财政拨款基本支出共计3,000,000.00元"),
               ("人员经费250.00万元", "人员经费支出2,500,000.00元")],
    "动词": [("收入合计1,500.00万元", "收入合计达1500万元"),
           ("政府采购支出总额60.00万元", "政府采购支出总额为60万元"),
           ("公用经费50.00万元", "公用经费决算数为50万元")],
    "同比": [("与上年相比，收入总计增加300.00万元，增长25.00%", "收入总计较上年增加3,000,000.00元，增幅为25%")],
    "比较用语": [("支出决算8.00万元，", "支出决算8.00万元，决算数小于预算数，"),
             ("下降20.00%，主要原因是：公务", "下降20.00%，低于上年，主要原因是：公务")],
}


@pytest.mark.parametrize("wording", list(WORDINGS))
def test_consistent_document_in_other_wordings_is_quiet(tmp_path, wording):
    text = consistent_package()
    for old, new in WORDINGS[wording]:
        assert old in text
        text = text.replace(old, new, 1)
    _, findings = audit_text(tmp_path, text)
    assert [f.message for f in findings if f.tier is not Tier.NOTICE] == []


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


# (rule, row, [(text replaced, replacement) × three phrasings])
FAULTS = [
    ("narrative.n1_amount_vs_table", "收入总计", [
        ("收入总计1,500.00万元，支出", "收入总计150.00万元，支出"),
        ("收入总计1,500.00万元，支出", "收入总计为1,400万元，支出"),
        ("收入总计1,500.00万元，支出", "收入总计是14,000,000.00元，支出")]),
    ("narrative.n1_amount_vs_table", "基本支出", [
        ("财政拨款基本支出300.00万元", "财政拨款基本支出290.00万元"),
        ("财政拨款基本支出300.00万元", "财政拨款基本支出决算数为2,900,000.00元"),
        ("财政拨款基本支出300.00万元", "财政拨款基本支出共计290万元")]),
    ("narrative.n1_amount_vs_table", "人员经费", [
        ("人员经费250.00万元", "人员经费240.00万元"),
        ("人员经费250.00万元", "人员经费支出2400000元"),
        ("人员经费250.00万元", "人员经费为0.024亿元")]),
    ("narrative.n2_year_on_year", "同比增减率", [
        ("与上年相比，收入总计增加300.00万元，增长25.00%", "与上年相比，收入总计增加300.00万元，增长20.00%"),
        ("与上年相比，收入总计增加300.00万元，增长25.00%", "收入总计较上年增加3,000,000.00元，增长20.00%"),
        ("与上年相比，收入总计增加300.00万元，增长25.00%", "收入总计比上年增加300万元，增幅为20%")]),
    ("narrative.n2_year_on_year", "增减方向", [
        ("与上年相比，收入总计增加300.00万元，增长25.00%", "与上年相比，收入总计增加300.00万元，下降25.00%"),
        ("与上年相比，收入总计增加300.00万元，增长25.00%", "收入总计较上年减少3,000,000元，增长25%"),
        ("与上年相比，收入总计增加300.00万元，增长25.00%", "收入总计比上年增长300万元，降幅为25%")]),
    ("narrative.n2_percentages", "一般公共预算财政拨款支出占比", [
        ("占本年支出合计的66.67%", "占本年支出合计的60.00%"),
        ("占本年支出合计的66.67%", "占本年支出合计的比重为60.00%"),
        ("占本年支出合计的66.67%", "占本年支出合计比例为60%")]),
    ("narrative.comparison_words", "三公经费比较", [
        ("支出决算8.00万元，", "支出决算8.00万元，决算数等于预算数，"),
        ("支出决算8.00万元，", "支出决算8.00万元，大于全年预算，"),
        ("支出决算8.00万元，", "支出决算8.00万元，与预算持平，")]),
    ("narrative.comparison_words", "三公经费比较", [
        ("下降20.00%，主要原因是：公务", "下降20.00%，高于上年，主要原因是：公务"),
        ("下降20.00%，主要原因是：公务", "下降20.00%，多于上年，主要原因是：公务"),
        ("下降20.00%，主要原因是：公务", "下降20.00%，超过上年决算，主要原因是：公务")]),
]


@pytest.mark.parametrize(("rule", "row", "old", "new"), [(r, row, o, n) for r, row, cases in FAULTS for o, n in cases],
                         ids=[f"{r}:{n}" for r, _, cases in FAULTS for _, n in cases])
def test_planted_fault_fires_once_at_its_place(tmp_path, rule, row, old, new):
    text = consistent_package()
    assert old in text
    faulty = text.replace(old, new, 1)
    _, findings = audit_text(tmp_path, faulty)
    loud = [f for f in findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.tier, f.location.row) for f in loud] == [(rule, Tier.ERROR, row)], [f.message for f in loud]
    assert loud[0].location.line == _line_of(faulty, new)


SANGONG_ROW = "10.00\t\t10.00\t\t10.00\t\t8.00\t\t8.00\t\t8.00\t"


@pytest.mark.parametrize(("old", "new"), [
    ("全年预算10.00万元", "全年预算10.00万元"),
    ("全年预算10.00万元", "全年预算数是100,000.00元"),
    ("全年预算10.00万元", "全年预算为10万元"),
])
def test_blank_sangong_table_while_text_states_budget(tmp_path, old, new):
    text = consistent_package().replace(SANGONG_ROW, "\t" * 11).replace("金额单位:万元\n\n预算数", "金额单位:万元\n\n本表无数据\n\n预算数")
    text = text.replace(old, new, 1)
    _, findings = audit_text(tmp_path, text)
    loud = [f for f in findings if f.tier is not Tier.NOTICE]
    assert [f.rule for f in loud] == ["narrative.blank_table_stated"], [f.message for f in loud]
    assert "公开09" in loud[0].message and loud[0].location.line == _line_of(text, new)
    assert loud[0].related and loud[0].to_dict()["related"]  # the other sentences stating 三公 figures
    _, quiet = audit_text(tmp_path, consistent_package())
    assert "narrative.blank_table_stated" not in {f.rule for f in quiet}


def test_parts_listed_after_a_total_must_add_up(tmp_path):
    text = consistent_package().replace("政府采购货物支出10.00万元、政府采购工程支出30.00万元、政府采购服务支出20.00万元",
                                        "政府采购货物支出10.00万元、政府采购工程支出30.00万元、政府采购服务支出20.00万元")
    _, quiet = audit_text(tmp_path, text)
    assert "narrative.parts_total" not in {f.rule for f in quiet}
    # without 公开05/06 the stated figures are the only ones: their parts must add up to their total
    text = consistent_package()
    start, end = text.index("## 一般公共预算财政拨款支出决算表"), text.index("## 政府性基金预算财政拨款收入支出决算表")
    faulty = (text[:start] + text[end:]).replace("人员经费250.00万元", "人员经费240.00万元")
    _, findings = audit_text(tmp_path, faulty)
    hits = [f for f in findings if f.rule == "narrative.parts_total"]
    assert [(f.tier, f.actual, f.expected, f.location.line) for f in hits] == [
        (Tier.ERROR, "300.00", "290.00", _line_of(faulty, "财政拨款基本支出300.00万元"))]


CONTENTS = ["目 录", "", "第一部分 概况\t1", "第二部分 2024年部门决算表\t2", "一、收入支出决算总表\t2",
            "八、国有资本经营预算财政拨款支出决算表\t9", "第三部分 情况说明\t12", ""]


def _with_contents(entry: str) -> str:
    lines = list(CONTENTS)
    lines[5] = entry
    return consistent_package().replace("## 2024年度部门决算公开\n", "## 2024年度部门决算公开\n\n" + "\n".join(lines) + "\n", 1)


D08_BLOCK = ("## 国有资本经营预算财政拨款支出决算表\n\n公开08表\n\n单位:万元\n\n项目\t\t本年支出\t\t\n"
             "科目代码\t科目名称\t合计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n合计\t\t\t\t\n\n说明：本表无数据\n\n")


@pytest.mark.parametrize("entry", ["八、国有资本经营预算财政拨款支出决算表\t9", "表8：国有资本经营预算财政拨款支出决算表\t9",
                                   "公开08表 国有资本经营预算财政拨款支出决算表……9"])
def test_table_listed_in_contents_and_absent(tmp_path, entry):
    text = _with_contents(entry)
    assert D08_BLOCK in text
    _, quiet = audit_text(tmp_path, text)
    assert "disclosure.contents_table_absent" not in {f.rule for f in quiet}
    _, findings = audit_text(tmp_path, text.replace(D08_BLOCK, ""))
    hits = [f for f in findings if f.rule == "disclosure.contents_table_absent"]
    assert [(f.tier, f.location.table) for f in hits] == [(Tier.ERROR, "公开08")]
    assert hits[0].location.line == _line_of(text, entry.split("\t")[0])


@pytest.mark.parametrize(("old", "new"), [
    ("### 收入支出决算总表", "### 2023年度收入支出决算总表"),
    ("## 第二部分 2024年部门决算表", "## 第二部分 2023年部门决算表"),
    ("公开03表\n", "公开03表\n\n部门名称：测试区管理委员会 2023年度\n"),
])
def test_heading_naming_another_year(tmp_path, old, new):
    text = consistent_package()
    assert old in text
    faulty = text.replace(old, new, 1)
    _, findings = audit_text(tmp_path, faulty)
    loud = [f for f in findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.actual) for f in loud] == [("disclosure.heading_year", "2023")], [f.message for f in loud]
    assert loud[0].location.line == _line_of(faulty, new.strip().splitlines()[-1])
    _, quiet = audit_text(tmp_path, text.replace(old, old.replace("2024", "2024"), 1))
    assert "disclosure.heading_year" not in {f.rule for f in quiet}


@pytest.mark.parametrize("line", ["部门名称：东山县农业农村局", "编制单位：东山县农业农村局 2024年度 金额单位：万元",
                                  "## 东山县农业农村局2024年度部门决算表"])
def test_heading_naming_another_unit(tmp_path, line):
    text = consistent_package().replace("公开01表\n", "公开01表\n\n部门名称：测试区管理委员会\n", 1)
    faulty = text.replace("公开05表\n", f"公开05表\n\n{line}\n", 1)
    _, findings = audit_text(tmp_path, faulty)
    loud = [f for f in findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.tier) for f in loud] == [("disclosure.heading_unit", Tier.WARNING)], [f.message for f in loud]
    assert "东山县农业农村局" in loud[0].message and loud[0].location.line == _line_of(faulty, line)
    own = text.replace("公开05表\n", "公开05表\n\n部门名称：测试区管理委员会\n", 1)
    _, quiet = audit_text(tmp_path, own)
    assert "disclosure.heading_unit" not in {f.rule for f in quiet}


def test_a_schools_short_name_in_a_heading_is_its_own_name(tmp_path):
    text = consistent_package().replace("测试区管理委员会", "测试市第二中学")
    short = text.replace("## 2024年度部门决算公开", "## 测试二中2024年度部门决算公开", 1)
    _, findings = audit_text(tmp_path, short)
    assert "disclosure.heading_unit" not in {f.rule for f in findings}, [f.message for f in findings]


def test_a_site_banner_on_the_cover_is_not_the_packages_department(tmp_path):
    text = consistent_package().replace("# 测试区管理委员会\n\n## 2024年度部门决算公开",
                                        "测试县人民政府\n\n测试区管理委员会2024年决算公开", 1)
    _, findings = audit_text(tmp_path, text)
    assert "disclosure.heading_unit" not in {f.rule for f in findings}, [f.message for f in findings]


def test_question_marks_left_by_lost_spaces_are_not_a_unit_in_a_heading(tmp_path):
    text = consistent_package().replace("公开01表\n", "公开01表\n\n部门名称：测试区管理委员会\n", 1)
    placeholders = text.replace("公开05表\n", "公开05表\n\n第四部分??? 2024年度部门决算报表\n", 1)
    _, findings = audit_text(tmp_path, placeholders)
    assert "disclosure.heading_unit" not in {f.rule for f in findings}, [f.message for f in findings]


def test_claims_no_check_can_use_are_listed_with_their_place(tmp_path):
    text = consistent_package().replace("公务接待费支出0万元，与上年相同", "公务接待费支出0万元，会议费支出3.00万元，与上年相同")
    path = tmp_path / "package.txt"
    path.write_text(text, encoding="utf-8")
    doc, _ = load_document(path)
    assert doc is not None
    left = audit_document(doc, CENTRAL).coverage.unchecked
    [meeting] = [u for u in left if u.what.startswith("未核对：会议费 3.00万元")]
    assert meeting.location.line == _line_of(text, "会议费支出3.00万元")
    assert not [u for u in left if any(u.what.startswith(f"未核对：{w}") for w in ("收入总计", "基本支出", "人员经费",
                                                                                   "三公经费", "公务接待费"))]


@pytest.mark.parametrize(("sentence", "fires"), [
    ("2024年度机关运行经费支出5.00万元。", False), ("本部门机关运行经费为50,000元。", False),
    ("2024年度机关运行经费支出6.00万元。", True), ("本部门机关运行经费为60,000元。", True),
    ("机关运行经费共计6万元。", True)])
def test_admin_cost_stated_against_the_statistics_table(tmp_path, sentence, fires):
    text = consistent_package().replace("(一) 行政单位\t5\t", "(一) 行政单位\t5\t5.00").replace(
        "本部门（单位）无机关运行经费。", sentence)
    _, findings = audit_text(tmp_path, text)
    loud = [(f.rule, f.location.row, f.location.line) for f in findings if f.tier is not Tier.NOTICE]
    assert loud == ([("narrative.n1_amount_vs_table", "机关运行经费", _line_of(text, sentence))] if fires else [])


@pytest.mark.parametrize("item", ["公务接待费支出0万元，比上年度减少1.00万元，下降100%", "公务接待费支出0元，较上年减少10,000.00元，下降100%",
                                  "公务接待费支出0万元，比上年减少1.0万元，降幅为100%"])
def test_sangong_change_against_its_items(tmp_path, item):
    text = consistent_package()
    faulty = text.replace("公务接待费支出0万元，与上年相同", item, 1)
    _, findings = audit_text(tmp_path, faulty)
    loud = [(f.rule, f.location.row, f.location.line) for f in findings if f.tier is not Tier.NOTICE]
    assert loud == [("narrative.n3_sangong_changes", "三公经费增减", _line_of(faulty, "全年预算10.00万元"))]


@pytest.mark.parametrize(("old", "new", "fires"), [
    ("保有量共1辆", "保有量为一辆", False), ("共有车辆1辆", "共有车辆一辆", False),
    ("保有量共1辆", "保有量共两辆", True), ("保有量共1辆", "保有量为2辆", True), ("共有车辆1辆", "共有车辆三辆", True)])
def test_vehicle_counts_in_any_numerals(tmp_path, old, new, fires):
    faulty = consistent_package().replace(old, new, 1)
    _, findings = audit_text(tmp_path, faulty)
    hits = [f for f in findings if f.rule == "crosssection.vehicles"]
    assert len(hits) == (1 if fires else 0)
    if fires:
        assert hits[0].related  # the other sentence stating a count


@pytest.mark.parametrize(("new", "fires"), [("年初预算9.00万元", False), ("全年预算9.00万元", True), ("预算数为90,000元", True)])
def test_sangong_budget_is_the_full_year_budget(tmp_path, new, fires):
    text = consistent_package().replace("全年预算10.00万元", new, 1).replace("完成全年预算的80.00%，比上年度减少2.00万元", "比上年度减少2.00万元", 1)
    _, findings = audit_text(tmp_path, text)
    hits = [f for f in findings if f.rule == "narrative.n1_amount_vs_table"]
    assert [(f.location.row, f.expected) for f in hits] == ([("三公经费", "10.00")] if fires else [])


@pytest.mark.parametrize(("number", "unit", "value", "quantum"), [
    ("4,764.04", "万元", "47640400", "100"), ("60", "万", "600000", "10000"), ("63.16", "%", "63.16", "0.01"),
    ("1.2", "亿元", "120000000", "10000000"), ("202,131", "元", "202131", "1")])
def test_one_reader_of_printed_figures(number, unit, value, quantum):
    """The claims grammar reads every printed figure once: value, and one unit of its last printed digit."""
    from decimal import Decimal

    from jixiao.core.claims import printed

    figure = printed(number, unit)
    assert (figure.value, figure.quantum, figure.residue) == (Decimal(value), Decimal(quantum), Decimal(quantum) / 2)


def test_bare_wan_is_money_only_when_no_word_follows():
    from jixiao.core.claims import amounts_in

    assert [f.text for f, _ in amounts_in("缺额60万，服务60万人次，支出3万元")] == ["60万", "3万元"]


SANGONG_PROSE = (
    "示例县林业站2022年“三公”经费决算情况说明\n"
    "2022年示例县林业站“三公”经费决算总额48.6万元，比上年下降2.1%。"
    "分项情况是：因公出国(境)费决算3.2万元，比上年增长5.0%；公务接待费决算11.4万元，比上年下降3.0%；"
    "公务用车购置及运行维护费决算34万元，其中：公务用车购置费决算10万元，公务用车运行维护费决算24万元。\n")


def test_sangong_items_listed_after_a_stated_total_must_add_up(tmp_path):
    _, quiet = audit_text(tmp_path, SANGONG_PROSE)
    assert "narrative.parts_total" not in {f.rule for f in quiet}  # 3.2 + 11.4 + 34 = 48.6
    _, findings = audit_text(tmp_path, SANGONG_PROSE.replace("公务接待费决算11.4万元", "公务接待费决算14.4万元"))
    hits = [f for f in findings if f.rule == "narrative.parts_total"]
    assert [(f.tier, f.actual, f.expected) for f in hits] == [(Tier.ERROR, "48.60", "51.60")]


def test_a_list_after_two_stated_totals_is_not_assigned_to_either(tmp_path):
    text = ("示例县林业站2022年“三公”经费决算情况说明\n"
            "2022年“三公”经费支出预算为30万元，支出决算为26万元，完成预算的86.67%。"
            "其中：因公出国(境)费支出决算为0万元；公务用车购置及运行维护费支出决算为20万元；公务接待费支出决算为6万元。\n")
    _, findings = audit_text(tmp_path, text)
    assert "narrative.parts_total" not in {f.rule for f in findings}  # 预算 or 决算: the text does not say which


def test_a_bracketed_list_inside_a_part_does_not_end_the_outer_list(tmp_path):
    text = ("示例县林业站2022年“三公”经费决算情况说明\n"
            "2022年示例县林业站“三公”经费决算总额40.5万元，其中：因公出国(境)费决算2万元，比上年持平。"
            "公务用车购置及运行维护费决算30万元（其中，公务用车购置费决算0万元，公务用车运行维护费决算30万元），比上年下降4.0%。"
            "公务接待费决算{}万元，比上年下降1.0%。\n")
    _, quiet = audit_text(tmp_path, text.format("8.5"))
    assert "narrative.parts_total" not in {f.rule for f in quiet}
    _, findings = audit_text(tmp_path, text.format("12.5"))
    assert [(f.actual, f.expected) for f in findings if f.rule == "narrative.parts_total"] == [("40.50", "44.50")]


def test_a_table_listed_after_every_table_the_body_has_is_only_suspected_missing(tmp_path):
    """A body that stops after its first tables (the rest attached separately, or the copy cut off) cannot prove the
    later ones absent: the convention that every listed table is in the document is named, as a warning."""
    text = _with_contents("九、财政拨款“三公”经费支出决算表\t10")
    start, end = text.index("## 财政拨款“三公”经费支出决算表"), text.index("### 第三部分 情况说明")
    _, findings = audit_text(tmp_path, text[:start] + text[end:])
    hits = [f for f in findings if f.rule == "disclosure.contents_table_absent"]
    assert [(f.tier, f.location.table) for f in hits] == [(Tier.WARNING, "公开09")]
    assert "惯例" in hits[0].message
