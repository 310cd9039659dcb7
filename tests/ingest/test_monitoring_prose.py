"""A 绩效运行监控报告 written in prose (own wording and figures): taken for a monitoring report by its title or, with
no title, by its outline (a monitoring heading, an in-year period, 执行进度 / 目标完成情况 / 纠偏); its budgets are
read with the execution said against each and the period, so a project behind 时间进度 is warned naming the
configuration, a stated rate its own amounts cannot give is certain, and an amount received (到位) or a class of
spending ('项目支出…万元') is never taken for the execution. Self-evaluations, work summaries and news that speak of
monitoring stay what they are."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

WAN = Decimal(10000)

TITLED = ("示例县农技中心2033年项目支出绩效运行监控报告\n"
          "一、项目支出基本情况\n"
          "2033年度纳入运行监控的项目共2个，年初预算安排共计300万元，其中公用经费40万元，部门项目支出260万元。\n"
          "截至2033年6月底，示例灌渠维护项目预算200万元，已支出50万元，预算执行率25%；"
          "农技培训经费预算60万元，已执行30万元，执行率{rate}。\n"
          "二、绩效目标完成情况及偏差原因\n"
          "培训农户目标800人次，1-6月已完成300人次，主要原因是春耕期间农户集中时间少。\n"
          "三、纠偏措施\n督促施工单位按合同节点推进，加快支付。\n")

UNTITLED = ("示例区文化馆关于2034年项目预算执行情况的说明\n"
            "一、绩效运行监控情况\n"
            "截至2034年9月底，非遗展演项目年初预算80万元，累计支付资金30万元，执行进度慢于时间进度。\n"
            "二、目标完成情况及偏差原因\n展演场次完成目标的五成，受场馆维修影响。\n"
            "三、纠偏措施\n调整展演安排，加快合同结算。\n")


def test_a_titled_prose_report_is_read_and_its_project_behind_time_is_warned(tmp_path):
    found = detect(TITLED.format(rate="50%"))
    assert found.kind is DocumentKind.MONITORING and "文字形式" in found.evidence[0]
    doc, _ = load_text(tmp_path, TITLED.format(rate="50%"))
    forms = {f.project: f for f in doc.monitoring_forms}
    # the total before 其中 names no execution: no form; the two projects with what they spent to the end of June
    assert set(forms) == {"示例灌渠维护项目", "农技培训经费"}
    assert forms["示例灌渠维护项目"].budget_lines[0].executed == 50 * WAN
    assert all(f.end_month == 6 and f.from_text for f in forms.values())
    findings = audit_document(doc, CENTRAL).findings
    (lag,) = [f for f in findings if f.rule == "monitoring.m1_execution_lag"]
    # 50 / 200 = 25 % against 时间进度 50 %: 25 points behind (red beyond 20), the configuration named
    assert lag.tier is Tier.WARNING and "示例灌渠维护项目" in lag.message and "lag_tolerance" in lag.message
    assert not [f for f in findings if f.tier is Tier.ERROR]  # 25 % and 30 / 60 = 50 % agree


def test_a_stated_rate_its_own_amounts_cannot_give_is_certain_once(tmp_path):
    doc, _ = load_text(tmp_path, TITLED.format(rate="45%"))
    findings = audit_document(doc, CENTRAL).findings
    errors = [f for f in findings if f.tier is Tier.ERROR]
    assert [f.rule for f in errors] == ["prose.execution_rate"] and "30万元 ÷ 60万元" in errors[0].message


def test_an_untitled_report_is_known_by_its_outline_and_its_period(tmp_path):
    found = detect(UNTITLED)
    assert found.kind is DocumentKind.MONITORING and "绩效运行监控情况" in found.evidence[0]
    doc, _ = load_text(tmp_path, UNTITLED)
    (form,) = doc.monitoring_forms
    assert form.end_month == 9 and form.budget_lines[0].initial == 80 * WAN
    (lag,) = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "monitoring.m1_execution_lag"]
    assert "37.50%" in lag.message or "37.5%" in lag.message  # 30 / 80 = 37.5 % against 75 %


def test_an_amount_received_is_not_the_execution(tmp_path):
    text = ("示例县医保局项目运行绩效监控报告\n一、项目支出基本情况\n"
            "2035年本级财政预算安排医保局专项资金共计500万元，截至2035年6月30日，专项资金已到位120万元，"
            "使用120万元，使用率100%。\n")
    doc, _ = load_text(tmp_path, text)
    (form,) = doc.monitoring_forms
    assert form.budget_lines[0].executed == 120 * WAN and form.budget_lines[0].initial == 500 * WAN
    findings = audit_document(doc, CENTRAL).findings
    assert not [f for f in findings if f.tier is Tier.ERROR]  # 100 % is of the 120 received


def test_self_evaluations_work_summaries_and_news_that_speak_of_monitoring_stay_what_they_are():
    selfeval = ("示例县水务局2036年度项目支出绩效自评报告\n一、绩效运行监控情况\n1-6月执行进度正常，"
                "全年执行率98%。\n二、目标完成情况及偏差\n全部完成。\n三、纠偏措施\n无。\n")
    assert detect(selfeval).kind is not DocumentKind.MONITORING
    summary = ("示例市财政局2036年上半年预算绩效管理工作开展情况\n一、绩效运行监控\n"
               "组织各部门开展1-6月绩效运行监控，执行进度偏慢的项目已督促纠偏，目标完成情况良好。\n"
               "二、事前绩效评估\n完成评估12项。\n三、结果运用\n压减预算300万元。\n")
    assert detect(summary).kind is not DocumentKind.MONITORING
    news = ("示例区开展绩效运行监控\n记者 张明 报道\n一、绩效监控情况\n截至6月底，全区项目执行进度达到时间进度，"
            "目标完成情况良好，对偏差项目及时纠偏。\n")
    assert detect(news).kind is not DocumentKind.MONITORING


def test_a_self_evaluation_under_a_monitoring_title_is_not_taken_for_monitoring():
    # a page of samples titled 绩效运行监控报告 whose text is the year's self-evaluation, with no in-year period
    text = ("绩效运行监控报告\n一、项目基本情况\n示例医院2037年预防项目预算12.5万元。\n"
            "二、项目绩效自评工作开展情况\n组织专人开展自评，撰写自评报告。\n")
    assert detect(text).kind is not DocumentKind.MONITORING


def test_a_lag_with_no_reason_nor_measure_in_the_report_says_so(tmp_path):
    text = ("示例镇2038年项目支出绩效运行监控报告\n一、项目支出基本情况\n"
            "截至2038年6月底，示例道路养护项目预算90万元，已支出18万元。\n")
    doc, _ = load_text(tmp_path, text)
    (lag,) = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "monitoring.m1_execution_lag"]
    assert "未说明执行滞后的原因或纠偏措施" in lag.message  # 18 / 90 = 20 % against 50 %
    doc, _ = load_text(tmp_path, TITLED.format(rate="50%"), "other.txt")
    (lag,) = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "monitoring.m1_execution_lag"]
    assert "未说明" not in lag.message and "取自报告文字" in lag.message


def test_the_ways_a_report_words_its_budget_and_execution(tmp_path):
    text = ("示例市图书馆2039年绩效运行监控报告\n一、预算执行情况\n"
            "古籍修复项目年初预算数50万元，调整后预算数40万元，1-6月预算执行数为10万元。\n"
            "截至2039年6月底，数字阅读推广经费已支出12万元，占年初预算60万元的20%。\n"
            "三、纠偏措施\n加快政府采购进度。\n")
    doc, _ = load_text(tmp_path, text)
    lines = {f.project: f.budget_lines[0] for f in doc.monitoring_forms}
    # the adjusted budget is the one the execution is measured against; an execution said before its budget pairs too
    assert (lines["古籍修复项目"].adjusted, lines["古籍修复项目"].executed) == (40 * WAN, 10 * WAN)
    assert (lines["数字阅读推广经费"].initial, lines["数字阅读推广经费"].executed) == (60 * WAN, 12 * WAN)
    findings = audit_document(doc, CENTRAL).findings
    lags = [f for f in findings if f.rule == "monitoring.m1_execution_lag"]
    assert len(lags) == 2 and not [f for f in findings if f.tier is Tier.ERROR]  # 12 / 60 = 20 % as stated
