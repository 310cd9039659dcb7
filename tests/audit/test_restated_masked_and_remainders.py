"""Lists and rates a self-evaluation report states in its text (own wording and figures):

- a report whose headings run on with its sentences ('1.资金到位情况,其中…,2.资金执行情况…'): a '其中' list ends
  where the outline it sits in goes on;
- the same money said again ('下达30万元…其中专项资金30万元已全部到位'): its arrival is no part beside the cost items;
- figures a web page hid ('点击查看>>', '***'): the list's other members are unknown, nothing is summed;
- a part printed as a reduction ('调减1.1万元') counts negative;
- '支付X万元，未支Y万元，支付率P%': the rate is of X + Y, never of the remainder Y.
"""

from __future__ import annotations

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = "示例县文工团2032年度项目支出绩效自评报告\n"


def parts_findings(found):
    return [f for f in found if f.rule in ("prose.parts_total", "selfeval.total_parts")]


def test_a_list_ends_where_its_outline_goes_on(tmp_path):
    text = HEAD + ("一、绩效目标下达情况省财政厅下达专项资金30万元,二、绩效目标完成情况分析(一)资金投入情况分析"
                   "1.项目资金到位情况,其中专项资金30万元于2032年3月2日全部到位,2.项目资金执行情况分析,专项资金30万元,"
                   "(二)绩效指标完成情况分析,编剧费6万元,作曲费3万元。\n")
    _, found = audit_text(tmp_path, text)
    assert not parts_findings(found)


def test_the_whole_said_again_is_no_part(tmp_path):
    text = HEAD + "省财政厅下达专项资金30万元，其中专项资金30万元已于3月全部到位，编剧费6万元，作曲费3万元。\n"
    _, found = audit_text(tmp_path, text)
    assert not [f for f in parts_findings(found) if f.tier is Tier.ERROR]
    # a part equal to the whole that says nothing of the money's arrival stays a part
    listed = HEAD + "省财政厅下达专项资金30万元，其中演出补助30万元，编剧费6万元，作曲费3万元。\n"
    _, found = audit_text(tmp_path, listed)
    [finding] = parts_findings(found)
    assert finding.tier is Tier.ERROR and "39万元" in finding.message


@pytest.mark.parametrize("mark", ["点击查看>>", "***", "(略)"])
def test_hidden_figures_leave_the_list_unsummed(tmp_path, mark):
    text = HEAD + (f"下达给我单位资金2.4万元，其中：护林员补助 {mark} 万元，森林抚育补助3.2万元，"
                   "造林补助1.6万元，有害生物防治费1.4万元。\n")
    _, found = audit_text(tmp_path, text)
    assert not parts_findings(found)
    printed = text.replace(f" {mark} 万元", "1万元")  # the same list with every figure printed: 7.2 > 2.4
    _, found = audit_text(tmp_path, printed)
    [finding] = parts_findings(found)
    assert finding.tier is Tier.ERROR


def test_a_hidden_name_hides_no_figure(tmp_path):
    # names masked by the page ('****财政局', '水****管理'): every amount is printed, the list is summed
    text = HEAD + "****财政局下达示例县资金30万元，其中：河道治理18万元，水****管理6万元，水价改革3万元。\n"
    _, found = audit_text(tmp_path, text)
    [finding] = parts_findings(found)
    assert finding.tier is Tier.WARNING and "27万元" in finding.message


def test_a_reduction_counts_negative(tmp_path):
    text = HEAD + "下达给我单位资金2.4万元，其中：生态效益补偿资金调减1.1万元，造林补助2.3万元，管护补助1.2万元。\n"
    _, found = audit_text(tmp_path, text)
    assert not parts_findings(found)  # −1.1 + 2.3 + 1.2 = 2.4
    off = text.replace("管护补助1.2万元", "管护补助1.5万元")
    _, found = audit_text(tmp_path, off)
    [finding] = parts_findings(found)
    assert finding.tier is Tier.WARNING and "调减" in finding.message


def rate_findings(found):
    return [f for f in found if f.rule == "prose.execution_rate"]


def test_a_payment_rate_is_of_paid_and_unpaid_together(tmp_path):
    text = HEAD + "2032年，项目资金支付8250.5万元，未支249.5万元，支付率95%。\n"
    _, found = audit_text(tmp_path, text)
    [finding] = rate_findings(found)
    # 8250.5 ÷ (8250.5 + 249.5) = 97.06%: no rounding of it gives 95%; the remainder 249.5 is no base
    assert finding.tier is Tier.ERROR and "97%" in finding.message and "3306" not in finding.message
    right = text.replace("支付率95%", "支付率97.06%")
    _, found = audit_text(tmp_path, right)
    assert not rate_findings(found)


def test_a_stated_whole_that_gives_the_rate_is_enough(tmp_path):
    # paid + unpaid is 90, but the rate is of the 100 arranged: one reading that gives it and it holds
    text = HEAD + "安排资金100万元，其中中央资金60万元，县级资金40万元。项目资金支付80万元，未支10万元，支付率80%。\n"
    _, found = audit_text(tmp_path, text.replace("。项目", "，项目"))
    assert not rate_findings(found)


def test_the_parts_of_a_total_of_reductions_add_up_unsigned(tmp_path):
    """'压减预算X万元，其中：审减a万元，…调减b万元，…收回c万元': every part is a reduction, like the total."""
    from jixiao.audit.rules.selfeval_text import totals_and_parts

    text = "全年压减预算300.00万元，其中：事前评估审减100.00万元，部门申请调减50.00万元，财政收回150.00万元。"
    [item] = totals_and_parts([text])
    assert sum(p.value for p in item.parts) == item.total.value
