"""Evaluation and self-evaluation reports written as text, without their forms.

An evaluation's results published as text (no 评分表): each project's 支付完成率 is checked against the amounts it
was computed from, and each total score against the grade given beside it. A self-evaluation report stating an
allocation as a list ('涉及3个部门，共5个项目。其中：甲局3个1.95亿元…') and then the projects one by one
('㈠…项目。安排资金8000万元'): the list's counts add up to the project count, and the projects, grouped in the list's
order, make up each entry — in another unit than the list's.
"""

from __future__ import annotations

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL, audit_text

RESULTS = """示例县2031年3个重点项目绩效评价报告公开
来源:示例县财政局 日期:2032-05-06
我县选择3个2031年县级重点项目，委托示例咨询有限公司开展了重点项目绩效评价，现予以公开：
1、示例乡东村灌溉渠道改造项目，新建渠道8公里。2031年下达衔接资金250万元，截至2031年12月31日，实际已支付236.5万元，支付完成率为94.6%。第三方机构最终绩效评价总得分为92.4分，评价等级为优秀。
2、示例乡西村农贸市场建设项目，新建棚房一座。2031年度下达财政专项资金120万元，截至2031年12月31日，实际已支付110.4万元，支付率为92%。第三方机构最终绩效评价总得分为88.5分，评价等级为良好。
"""


def _only(found, rule):
    return [f for f in found if f.rule == rule]


def test_published_results_are_checked_as_text(tmp_path):
    doc, found = audit_text(tmp_path, RESULTS)
    assert doc.kind.value == "key_evaluation" and not doc.key_evaluations
    assert not _only(found, "prose.execution_rate") and not _only(found, "prose.grade_band")
    [warning] = _only(found, "reading.nothing_read")
    assert "文字形式的评价报告" in warning.message and "未能读取" not in warning.message
    coverage = audit_document(doc, CENTRAL).coverage
    assert coverage is not None and coverage.checked_claims >= 2  # both payment sentences


def test_a_payment_rate_the_amounts_do_not_give_is_reported_under_its_own_name(tmp_path):
    _, found = audit_text(tmp_path, RESULTS.replace("支付完成率为94.6%", "支付完成率为96.4%"))
    [finding] = _only(found, "prose.execution_rate")
    assert finding.tier is Tier.WARNING and "支付完成率写为 96.4%" in finding.message
    assert "236.5万元 ÷ 250万元" in finding.message


def test_a_grade_outside_the_profile_band_is_suspected_naming_the_convention(tmp_path):
    _, found = audit_text(tmp_path, RESULTS.replace("总得分为88.5分", "总得分为78.5分"))
    [finding] = _only(found, "prose.grade_band")
    assert finding.tier is Tier.WARNING and "78.5" in finding.message and "配置" in finding.message


def test_a_grade_outside_the_documents_own_band_is_certain(tmp_path):
    stated = RESULTS.replace("现予以公开：", "评价结果分为四档，90分以上为优秀，80-90分为良好，现予以公开：")
    _, found = audit_text(tmp_path, stated.replace("总得分为92.4分", "总得分为86.4分"))
    [finding] = _only(found, "prose.grade_band")
    assert finding.tier is Tier.ERROR and "本文写明的分档" in finding.message


ALLOCATION = """示例市2031年专项债券资金项目绩效自评报告
一、资金下达及绩效目标情况
1.资金分配情况
2031年，省级下达示例市专项资金3.25亿元，涉及3个部门单位，共5个项目。其中：市水务局3个1.95亿元、市交通局1个0.8亿元、市卫健委1个0.5亿元。
2.项目安排情况
㈠示例河堤加固工程项目。安排资金8000万元，主要用于加固堤防12公里。
㈡城区雨水管网改造项目。安排资金6500万元，主要用于新建雨水管网20公里、300个雨水口。
㈢示例水厂扩建项目。安排资金5000万元，主要用于新增日供水能力2万m³。
㈣示例公路路面改造项目。安排资金8000万元，主要用于改造路面15公里。
㈤示例医院
"""


def test_an_allocation_list_and_its_projects_listed_one_by_one_are_checked(tmp_path):
    doc, found = audit_text(tmp_path, ALLOCATION)
    assert doc.kind.value == "self_evaluation" and not doc.self_evaluations
    assert not _only(found, "prose.allocation_list") and not _only(found, "prose.parts_total")
    coverage = audit_document(doc, CENTRAL).coverage
    unchecked = [u.what for u in coverage.unchecked]
    assert not [u for u in unchecked if "5个" in u or "3个" in u or "8000万元" in u or "5000万元" in u], unchecked
    # a volume in 万 cubic metres is not money
    assert not [c for s in doc.disclosure.narrative for c in s.claims if c.text == "2万"]


def test_projects_that_do_not_make_up_their_entry_are_suspected(tmp_path):
    _, found = audit_text(tmp_path, ALLOCATION.replace("安排资金5000万元", "安排资金4500万元"))
    [finding] = _only(found, "prose.allocation_list")
    assert finding.tier is Tier.WARNING
    assert "第 1–3 项合计 19000万元（1.9亿元）" in finding.message and "市水务局3个1.95亿元" in finding.message


def test_counts_that_do_not_add_up_to_the_project_count(tmp_path):
    _, found = audit_text(tmp_path, ALLOCATION.replace("共5个项目", "共6个项目"))
    [finding] = _only(found, "prose.allocation_list")
    assert finding.tier is Tier.WARNING and "6个项目" in finding.message and "之和为 5 个" in finding.message
    # entries that name what they count, above the total: certain
    named = ALLOCATION.replace("共5个项目", "共4个项目").replace("3个1.95亿元", "3个项目1.95亿元") \
        .replace("1个0.8亿元", "1个项目0.8亿元").replace("1个0.5亿元", "1个项目0.5亿元")
    _, found = audit_text(tmp_path, named)
    [finding] = _only(found, "prose.allocation_list")
    assert finding.tier is Tier.ERROR and "之和为 5 个" in finding.message


def test_an_attachment_list_is_no_report_and_no_title(tmp_path):
    text = ("根据预算管理要求，2031年度我厅开展了部门整体支出绩效自评，涉及一般公共预算支出12,345.60万元；"
            "同时对示例专项资金开展绩效自评，共涉及资金5,000.00万元，自评等次均为优秀。\n"
            "附 件:1.示例省农业厅2031年度部门整体支出绩效自评报告\n"
            "2.2031 年度“示例专项资金”绩效自评报告\n")
    path = tmp_path / "summary.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    assert doc.kind.value == "self_evaluation"
    assert not doc.self_evaluations  # no 「部门整体支出」 made of an attachment's title
    assert not any("绩效自评报告" in e and "示例专项资金" in e for e in doc.kind_evidence), doc.kind_evidence


def test_a_clause_about_the_whole_after_the_list_is_not_an_entry(tmp_path):
    text = ("示例市2031年6个重点项目绩效评价报告公开\n"
            "2031年共对6个重点项目开展了评价，其中项目支出评价3个、政策评价2个、部门整体评价1个，涉及部门单位5个，"
            "资金1,200.00万元。\n")
    _, found = audit_text(tmp_path, text)
    assert not _only(found, "prose.allocation_list")  # 3 + 2 + 1 = 6; the 5 units are not a part
    _, found = audit_text(tmp_path, text.replace("政策评价2个", "政策评价3个"))
    [finding] = _only(found, "prose.allocation_list")
    assert finding.tier is Tier.WARNING and "3 项的个数之和为 7 个" in finding.message


def test_a_rate_whose_sentence_states_only_the_amount_paid_is_left_unchecked(tmp_path):
    # the base (25万元) is not printed; the amounts of the sentences before are other quantities (a loan applied for)
    text = ("示例县2031年度项目支出绩效自评报告\n一、项目绩效完成情况\n"
            "本年争取省预算内基本建设投资1000万元。申报信贷资金支持项目3个，申贷金额2.5亿元。"
            "项目支出费用20.00万元，执行率80.00%。\n")
    doc, found = audit_text(tmp_path, text)
    assert not _only(found, "prose.execution_rate")
    unchecked = [u.what for u in audit_document(doc, CENTRAL).coverage.unchecked]
    assert any("80.00%" in u or "执行率" in u for u in unchecked), unchecked  # listed, not passed
    # a base stated in the rate's own sentence is read, and a rate no reading gives is suspected
    _, found = audit_text(tmp_path, text.replace("项目支出费用20.00万元", "下达资金30.00万元，项目支出费用20.00万元"))
    [finding] = _only(found, "prose.execution_rate")
    assert finding.tier is Tier.WARNING and "20.00万元 ÷ 30.00万元" in finding.message
