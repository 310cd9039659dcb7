"""Wholes and their parts as real explanations phrase them (own wording and figures): an outline of the parts
printed before the text without a 目录 title, money in a bare 亿, a bracket listing the parts of the amount it
follows, a sum of no known subject split into 基本支出 and 项目支出, shares of budgets in a 预算公开 and of an item
the grammar does not know, and a document whose only figures are counts."""

from __future__ import annotations

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from jixiao.core.statements import figures_of
from tests.audit.test_mutations import audit_text


def found(findings, rule):
    return [f for f in findings if f.rule == rule]


# ---------------------------------------------------------------- an outline of the parts without a 目录 title

OUTLINE = """示例市档案服务中心2024年度部门决算公开
第一部分 部门概况
一、 主要职责
二、 部门决算单位构成
第二部分 2024年度部门决算情况说明
一、收入支出决算总体情况说明
二、财政拨款收入支出决算情况说明
第三部分 名词解释
第四部分 2024年度部门决算报表
一、收入支出决算总表
第一部分 部门概况
一、主要职责
负责档案的接收、保管和利用服务。
二、部门决算单位构成
纳入本部门2024年部门决算编制范围的单位为本级。
第二部分 2024年度部门决算情况说明
一、收入支出决算总体情况说明
(一)收入总计400.00万元,包括:
1.财政拨款收入380.00万元,占收入总计的{share}%。其中:一般公共预算财政拨款收入380.00万元,政府性基金收入{fund}万元。
2.事业收入20.00万元,占收入总计的5.00%。
"""


def test_an_outline_before_the_text_is_not_the_explanation(tmp_path):
    doc, findings = audit_text(tmp_path, OUTLINE.format(share="95.00", fund="0.00"))
    sentences = [s for s in doc.disclosure.narrative if s.kind == "sentence" and s.figures]
    assert len(sentences) == 4  # the explanation printed after the outline is read
    assert not found(findings, "reading.nothing_read")
    assert not [f for f in findings if f.rule.startswith("narrative.")]
    _, findings = audit_text(tmp_path, OUTLINE.format(share="96.00", fund="0.00"))
    [wrong] = found(findings, "narrative.n2_percentages")
    assert wrong.tier is Tier.ERROR and "95.00%" in wrong.message


def test_a_kinds_income_named_without_its_fiscal_word_is_a_part_of_the_fiscal_income(tmp_path):
    _, findings = audit_text(tmp_path, OUTLINE.format(share="95.00", fund="10.00"))
    [above] = found(findings, "narrative.parts_total")  # 380.00 + 10.00 above the 财政拨款收入 380.00
    assert above.tier is Tier.ERROR and "政府性基金预算" in above.message


# ---------------------------------------------------------------- a bare 亿, a bracket listing the parts

SANGONG = """示例省2024年度部门决算
第三部分 2024年度部门决算情况说明
七、“三公”经费支出决算情况说明
全省行政事业单位财政拨款“三公”经费支出5.00亿元,其中:因公出国(境)经费0.40亿元;公务用车购置及运行费4.00亿元(公务用车购置费1.50亿元、公务用车运行维护费{car}亿元);公务接待费{reception}亿。
"""


def test_money_in_a_bare_yi_is_read():
    [claim] = claims_of("公务接待费0.6亿。")[0]
    assert (claim.subject, claim.measure, claim.value) == ("公务接待费", "amount", 60000000)
    assert figures_of("公务接待费0.6亿。")[0].value == 60000000
    assert not figures_of("管护面积59.87万㎡，受益5万人")  # 万 before another unit or a word is no money


def test_a_bracket_after_an_amount_lists_its_parts(tmp_path):
    _, findings = audit_text(tmp_path, SANGONG.format(car="2.50", reception="0.60"))
    assert not found(findings, "narrative.parts_total")
    _, findings = audit_text(tmp_path, SANGONG.format(car="2.50", reception="0.90"))
    [total] = found(findings, "narrative.parts_total")  # 0.40 + 4.00 + 0.90 = 5.30: the 0.90亿 is read
    assert total.tier is Tier.ERROR and total.location.row == "三公经费"
    _, findings = audit_text(tmp_path, SANGONG.format(car="2.20", reception="0.60"))
    [car] = found(findings, "narrative.parts_total")  # 1.50 + 2.20 = 3.70, not 4.00
    assert car.tier is Tier.ERROR and car.location.row == "公务用车购置及运行维护费"


IN_A_LIST = """示例镇2024年度部门决算
第三部分 2024年度部门决算情况说明
七、“三公”经费支出决算情况说明
2024年度“三公”经费41.00万元,其中:因公出国(境)费0.00万元,公务用车购置及运行维护费{car}万元(公务用车购置费0.00万元、公务用车运行维护费{upkeep}万元),公务接待费20.00万元。
"""


def test_a_bracketed_list_inside_a_longer_list_is_checked_once(tmp_path):
    _, findings = audit_text(tmp_path, IN_A_LIST.format(car="21.00", upkeep="21.00"))
    assert not found(findings, "narrative.parts_total")
    _, findings = audit_text(tmp_path, IN_A_LIST.format(car="21.00", upkeep="20.00"))
    [part] = found(findings, "narrative.parts_total")  # the car's own parts: 0.00 + 20.00 ≠ 21.00
    assert part.tier is Tier.ERROR and part.location.row == "公务用车购置及运行维护费"
    _, findings = audit_text(tmp_path, IN_A_LIST.format(car="22.00", upkeep="21.00"))
    [whole] = found(findings, "narrative.parts_total")  # one fault, one finding: at the 三公 total
    assert whole.tier is Tier.ERROR and whole.location.row == "三公经费"


def test_an_unnamed_amount_in_a_bracket_is_a_part_not_the_subjects_amount():
    claims, _ = claims_of("项目支出共安排120万元（上年结转20万元，本年安排100万元）。")
    amounts = [c for c in claims if c.subject == "项目支出" and c.measure == "amount"]
    assert [c.text for c in amounts] == ["120万元"]


# ---------------------------------------------------------------- a sum of no known subject

BUDGET = """示例市民政局2025年部门预算
第三部分 2025年部门预算情况说明
一、收支预算总体情况说明
另外,示例市民政局下属共有3个事业单位,事业运行经费总预算安排5000000.00元,其中:基本支出预算1200000.00元,项目支出预算{project}元。
"""


def test_a_sum_of_no_known_subject_is_checked_against_its_basic_and_project_parts(tmp_path):
    _, findings = audit_text(tmp_path, BUDGET.format(project="3800000.00"))
    assert not found(findings, "narrative.parts_total")
    _, findings = audit_text(tmp_path, BUDGET.format(project="3900000.00"))
    [above] = found(findings, "narrative.parts_total")
    assert above.tier is Tier.ERROR and "事业运行经费总预算安排" in above.message
    _, findings = audit_text(tmp_path, BUDGET.format(project="3700000.00"))
    [below] = found(findings, "narrative.parts_total")  # other spending may be the rest
    assert below.tier is Tier.WARNING


# ---------------------------------------------------------------- shares of budgets, shares of an unnamed item

SHARES = """示例县第二中学2025年单位预算
第二部分 2025年单位预算情况说明
一、单位收支预算总体预算情况说明
2025年收支总预算 1000000.00 元,同比增加 50000.00 元,增长 5.26%。
二、单位支出预算情况说明
1. 基本支出预算 800000.00 元,占支出总预算的 80.00%。其中:
工资福利支出预算 600000.00 元,占基本支出预算{wages}%。
商品和服务支出预算 200000.00 元,占基本支出预算25.00%。
三、政府采购预算情况说明
2025 年政府采购预算 500000.00 元。其中:政府集中采购预算 300000.00 元,占政府采购预算的 60.00%;分散采购
200000.00 元,占政府采购预算的 {scattered}%。
四、一般公共预算基本支出情况说明
2025 年本年一般公共预算基本支出 900000.00 元。
"""


def test_shares_of_budgets_rest_on_the_whole_their_list_opens_with(tmp_path):
    _, findings = audit_text(tmp_path, SHARES.format(wages="75.00", scattered="40.00"))
    assert not found(findings, "narrative.n2_percentages")
    # 600000 ÷ 800000 (the 基本支出 whose list it is, not the other 基本支出 figure of the text) = 75%
    _, findings = audit_text(tmp_path, SHARES.format(wages="76.00", scattered="40.00"))
    [wrong] = found(findings, "narrative.n2_percentages")
    assert wrong.tier is Tier.ERROR and "800000.00" in wrong.message


def test_a_share_of_an_item_the_grammar_does_not_know_rests_on_the_sum_before_it(tmp_path):
    _, findings = audit_text(tmp_path, SHARES.format(wages="75.00", scattered="41.00"))
    [wrong] = found(findings, "narrative.n2_percentages")
    assert wrong.tier is Tier.ERROR and "200000.00" in wrong.message and "500000.00" in wrong.message


def test_a_total_budget_of_income_and_spending_is_named():
    [claim, *_] = claims_of("2025年财政拨款收支总预算 1,085,203.63 元。")[0]
    assert (claim.subject, claim.scope, claim.measure) == ("收支总计", "fiscal", "budget")


SIDES = """示例县第四小学2025年单位预算
第二部分 2025年单位预算情况说明
四、财政拨款收支预算情况说明
2025 年财政拨款收支总预算 1,000,000.00 元。收入包括:一般公共预算拨款 980,000.00 元、上年结转结余 20,000.00 元;
支出包括:教育支出 900,000.00 元、社会保障和就业支出 {social} 元。
"""


def test_each_side_of_a_total_budget_lists_its_items(tmp_path):
    _, findings = audit_text(tmp_path, SIDES.format(social="100,000.00"))
    assert not found(findings, "narrative.parts_total")
    _, findings = audit_text(tmp_path, SIDES.format(social="110,000.00"))
    [above] = found(findings, "narrative.parts_total")
    assert above.tier is Tier.ERROR and above.location.row == "支出构成" and "1,010,000.00" in above.message
    _, findings = audit_text(tmp_path, SIDES.format(social="90,000.00"))
    [below] = found(findings, "narrative.parts_total")  # an item may be left out
    assert below.tier is Tier.WARNING


# ---------------------------------------------------------------- a document whose only figures are counts

COUNTS = """示例乡人民政府2025年部门预算
第一部分 示例乡人民政府概况
一、部门主要职责
负责本乡的经济、社会事务管理。二、机构设置及人员情况
机构设置:2025年示例乡人民政府共有预算单位{units}个,包括示例乡人民政府本级和二级预算单位2个,二级单位分别是示例乡便民服务
中心和示例乡综合执法队。
"""


def test_sentences_checked_by_their_counts_are_something_read(tmp_path):
    doc, findings = audit_text(tmp_path, COUNTS.format(units="3"))
    assert doc.kind.value == "budget_disclosure"
    assert not found(findings, "reading.nothing_read")
    _, findings = audit_text(tmp_path, COUNTS.format(units="2"))  # 本级 and 2 more: 3
    assert [f.rule for f in findings if f.tier is not Tier.NOTICE] == ["narrative.count_parts"]


# ---------------------------------------------------------------- '共安排X万元（…）' in a report's prose

REPORT = "示例县农机服务站2024年度项目支出绩效自评报告\n一、项目基本情况\n"


def test_an_amount_in_a_bracket_after_the_whole_is_no_whole_of_the_list_after(tmp_path):
    text = (
        REPORT
        + "本年共安排资金120.00万元（含上年结转20.00万元），其中：中央资金70.00万元，省级资金50.00万元。\n"
    )
    _, findings = audit_text(tmp_path, text)
    assert not found(findings, "prose.parts_total")  # 70 + 50 = 120, not the 20 in brackets
    _, findings = audit_text(tmp_path, text.replace("省级资金50.00万元", "省级资金60.00万元"))
    [above] = found(findings, "prose.parts_total")
    assert above.tier is Tier.ERROR and "120.00万元" in above.message


def test_a_bracket_after_the_whole_lists_its_parts(tmp_path):
    text = REPORT + "本年共安排资金120.00万元（上年结转20.00万元，本年下达100.00万元）。\n"
    _, findings = audit_text(tmp_path, text)
    assert not found(findings, "prose.parts_total")
    _, findings = audit_text(tmp_path, text.replace("本年下达100.00万元", "本年下达90.00万元"))
    [below] = found(findings, "prose.parts_total")
    assert below.tier is Tier.WARNING and "110万元" in below.message
    # figures of two years, or a budget beside its execution, in brackets are no parts
    for aside in ("上年100.00万元，本年120.00万元", "预算130.00万元，实际执行120.00万元"):
        _, findings = audit_text(tmp_path, REPORT + f"本年共安排资金120.00万元（{aside}）。\n")
        assert not found(findings, "prose.parts_total"), aside


def test_a_list_in_the_bracket_belongs_to_the_reading_that_adds_up(tmp_path):
    # '其中' after the carried-over funds lists either them or the whole: the reading whose parts add up is taken
    for parts in ("中央资金15.00万元，省级资金5.00万元", "中央资金80.00万元，省级资金40.00万元"):
        text = REPORT + f"本年共安排资金120.00万元（上年结转20.00万元，其中：{parts}）。\n"
        _, findings = audit_text(tmp_path, text)
        assert not found(findings, "prose.parts_total"), parts
