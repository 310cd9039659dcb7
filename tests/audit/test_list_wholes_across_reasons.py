"""A list's whole stated in a sentence whose reason runs on into a sentence of no figure ('…增长8.0%，主要原因是
人员增加。办公场所租金随之上涨。其中：基本支出…'): the parts after '其中' are the parts of that whole, not of the
total of an earlier list (own wording and figures)."""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

EXPLANATION = """示例县司法服务中心2023年度部门决算情况说明
一、部门决算情况说明
(一)收入支出决算总体情况说明。
1.收入情况。2023年度收入合计820.00万元,较上年决算数增加40.00万元,增长5.1%,主要原因是新增调解项目。其中:财政拨款收入820.00万元,占100%。年初结转和结余30.00万元。
2.支出情况。2023年度支出合计800.00万元,较上年决算数增加60.00万元,增长8.1%,主要原因是人员增加。办公场所租金随之上涨。其中:基本支出{basic}万元,占{share}%;项目支出{project}万元,占{other}%。
"""


def shares_found(findings):
    return [f for f in findings if f.rule in ("narrative.n2_percentages", "narrative.n5_shares_total")]


def test_parts_after_a_reason_without_figures_are_shares_of_the_whole_before_it(tmp_path):
    _, findings = audit_text(tmp_path, EXPLANATION.format(basic="600.00", share="75.0", project="200.00", other="25.0"))
    assert not shares_found(findings)  # 600 ÷ 800 = 75.0%, not 600 ÷ 820 = 73.2%


def test_a_wrong_share_of_that_whole_is_still_an_error(tmp_path):
    _, findings = audit_text(tmp_path, EXPLANATION.format(basic="600.00", share="73.2", project="200.00", other="26.8"))
    wrong = [f for f in shares_found(findings) if f.tier is Tier.ERROR]
    assert wrong and "75.0%" in wrong[0].message


BUDGET_CUT = """示例县第一小学2030年单位预算情况说明
一、综合预算收支指标情况
(一)收入预算 900.00万元,其中:
1.一般公共预算拨款收入880.00万元;
2.政府性基金预算拨款收入0万元;
3.国有资本经营预算拨款收入0万元;
4.财政专户管理资金收入0万"""


def test_a_numbered_list_cut_off_by_the_end_of_the_text_is_not_judged_short(tmp_path):
    _, findings = audit_text(tmp_path, BUDGET_CUT)
    assert not [f for f in findings if f.rule == "narrative.parts_total"]  # items 5… are beyond the cut
    _, findings = audit_text(tmp_path, BUDGET_CUT + "元;\n5.单位资金收入0万元。\n二、支出预算\n支出预算900.00万元。")
    assert [f for f in findings if f.rule == "narrative.parts_total"]  # the whole list printed: 880 short of 900
