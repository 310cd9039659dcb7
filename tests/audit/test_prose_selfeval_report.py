"""A self-evaluation written as a report, without its form: the warning says what the document is, and its prose
is checked as prose — a '其中' list against its total (bracketed sub-parts against their part, changes left out) and
an execution rate against the amounts the paragraph states."""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = "示例县农技推广站2023年度项目支出绩效自评报告\n一、项目基本情况\n"


def rules(found):
    return sorted((f.rule, f.tier) for f in found)


def test_a_report_without_its_form_says_it_is_a_prose_report(tmp_path):
    text = HEAD + "本年共安排资金100.00万元，其中：种子补贴60.00万元，培训费40.00万元。\n"
    doc, found = audit_text(tmp_path, text)
    assert doc.kind.value == "self_evaluation" and not doc.self_evaluations
    [warning] = [f for f in found if f.rule == "reading.nothing_read"]
    assert warning.tier is Tier.WARNING and "文字形式的自评报告" in warning.message
    assert "未能读取" not in warning.message
    assert rules(found) == [("reading.nothing_read", Tier.WARNING)]  # the parts add up


def test_parts_above_their_total_are_certain(tmp_path):
    text = HEAD + "本年共安排资金100.00万元，其中：种子补贴60.00万元，培训费45.00万元。\n"
    _, found = audit_text(tmp_path, text)
    [finding] = [f for f in found if f.rule == "prose.parts_total"]
    assert finding.tier is Tier.ERROR and "105" in finding.message


def test_bracketed_sub_parts_are_not_parts_of_the_outer_total(tmp_path):
    text = HEAD + ("本年共安排资金300.50万元，其中：省级200.25万元（上年结转80.25万元，本年下达120万元），"
                   "县级100.25万元（上年结转0.25万元，本年配套100万元）。\n")
    _, found = audit_text(tmp_path, text)
    assert not [f for f in found if f.rule == "prose.parts_total"]
    wrong = text.replace("本年下达120万元", "本年下达121万元")
    _, found = audit_text(tmp_path, wrong)
    [finding] = [f for f in found if f.rule == "prose.parts_total"]
    assert "200.25万元" in finding.message and "201.25万元" in finding.message


def test_a_bracketed_list_ends_with_its_bracket(tmp_path):
    # each stage's '(其中…)' lists that stage's subset; the next stages and the grand total are not its parts
    text = HEAD + ("本项目分两期建设，一期批复投资450.6万元(其中设备购置410万元)，二期批复投资180.4万元"
                   "(其中设备购置170.25万元)，合计批复投资631万元(其中设备购置580.25万元)。\n")
    _, found = audit_text(tmp_path, text)
    assert not [f for f in found if f.rule == "prose.parts_total"]
    # a bracket listing two parts or more is still checked against the figure before it, and only those parts
    listed = HEAD + "一期批复投资450.6万元（其中设备购置410万元，安装费45万元），二期批复投资180.4万元。\n"
    _, found = audit_text(tmp_path, listed)
    [finding] = [f for f in found if f.rule == "prose.parts_total"]
    assert finding.tier is Tier.ERROR and "2 项" in finding.message and "455" in finding.message


def test_a_change_on_last_year_is_not_a_total(tmp_path):
    text = HEAD + "1、收入：520.40万元。同比上年增加120.40万元，增加30.1%。其中：财政拨款收入520.40万元，同比上年增加100万元。\n"
    _, found = audit_text(tmp_path, text)
    assert not [f for f in found if f.rule == "prose.parts_total"]


def test_execution_rate_on_the_funds_received(tmp_path):
    text = HEAD + "本年收到上级资金合计80.00万元，实际发放60.00万元，实际执行率为75%。\n"
    doc, found = audit_text(tmp_path, text)
    assert not [f for f in found if f.rule == "prose.execution_rate"]
    assert doc.reading is not None
    _, found = audit_text(tmp_path, text.replace("75%", "70%"))
    [finding] = [f for f in found if f.rule == "prose.execution_rate"]
    assert finding.tier is Tier.WARNING  # the base is read, not named: never certain


def test_execution_rate_may_rest_on_an_earlier_sentence_of_the_paragraph(tmp_path):
    text = HEAD + ("本年共安排资金200.00万元，其中：省级120.00万元，县级80.00万元；本年应支付150.00万元，实际支付130.00万元，"
                   "执行率65%。\n")
    _, found = audit_text(tmp_path, text)
    assert not [f for f in found if f.rule == "prose.execution_rate"]  # 130 ÷ 200 = 65%


def test_a_report_on_one_line_ends_a_list_at_the_next_run_on_section(tmp_path):
    # the sections run together without a stop: the next section's amount is no part of the list before it
    text = ("示例县第五小学公用经费绩效自评价报告一、基本情况(一)项目概况我校2031年项目为一个(二)资金情况我校2031年共安排"
            "80万元,其中上级资金60万元,本级20万元,目标是保障学校运转二、资金使用情况主要用于办公费、水电费"
            "三、预算支出组织实施情况我校2031年支出共计72.50万元,余款结转下年\n")
    doc, found = audit_text(tmp_path, text)
    assert doc.kind.value == "self_evaluation"
    assert not [f for f in found if f.rule == "prose.parts_total"], [f.message for f in found]
    wrong = text.replace("本级20万元", "本级25万元")  # …while the list itself is still checked
    _, found = audit_text(tmp_path, wrong)
    [finding] = [f for f in found if f.rule == "prose.parts_total"]
    assert finding.tier is Tier.ERROR and "85" in finding.message


def test_ordinals_and_a_first_heading_do_not_cut_a_sentence():
    from jixiao.core.statements import run_on_sections

    assert run_on_sections("一、基本情况本校初一、初二、初三共有学生300人二、资金情况") == [
        "一、基本情况本校初一、初二、初三共有学生300人", "二、资金情况"]
    assert run_on_sections("统一、规范管理专项资金二、其他") == ["统一、规范管理专项资金二、其他"]
