"""A 项目支出绩效监控表 (绩效运行监控, own wording and figures) in the layouts pages publish it: a pipe table copied
from a web page (title split over two lines, '||||' filler lines, a stamp line with the unit, the funds under
'年初预算数 | 1-N月执行数 | 全年预计执行数' with the expectation left blank, the indicators with their half-year
progress in words) and the same form one cell per line. The form is taken for a monitoring form, its funds are read
with the period and unit, a blank expectation is said to be blank (never zero), indicator rows whose cells cannot
be placed are listed as not read, and the monitoring rules check the stated rate, the expectation and the execution against 时间进度."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.pipeline import parse_kind
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

WAN = Decimal(10000)


def _pipe_form(budget: str = "150", done: str = "66.3", expected: str = "", said: str = "已支付约45%",
               months: str = "1-6月") -> str:
    return (
        "示例市项目支出绩效监控表 (古桥修缮) |\n||||||\n(2032年度)\n|\n||||||\n"
        "项目单位(盖章): 单位:万元 | ||||||\n"
        "项目名称 | 古桥修缮补助 | |||||\n"
        "主管部门 | 示例市住房和城乡建设局 | 项目执行单位 | 示例市古建筑保护中心 | |||\n"
        "项目类型 | 1、常年性项目 □ 2、一次性项目 □ √ | |||||\n"
        f"项目资金 (万元) | 年初预算数 | {months}执行数 | 全年预计执行数 | |||\n"
        f"年度资金总额: | {budget} | {done} | {expected} | |||\n"
        f"其中:当年一般公共预算拨款 | {budget} | {done} | {expected} | |||\n"
        "绩效指标 | 一级 指标 | 指标名称 | 指标值 |\n半年度 指标执行情况 |\n完成目标可能性(确定能、有可能、不可能) | 备注 |\n"
        "产 出 指 标 |\n数量 | 修缮古桥3座 | 已完成1座 | 确定能 | |||\n"
        f"成本 | 年度预算{budget}万元 | 按合同进度付款,{said} | 确定能 | |||\n"
        "偏差或不能完成目标原因分析 | ||||||\n相关建议或举措 | ||||||\n"
    )


def _cell_lines_form(budget: str = "80", done: str = "30", expected: str = "78", rate: str = "37.5%") -> str:
    cells = [
        "示例县项目支出绩效运行监控表", "（2033年度）", "单位：万元",
        "项目名称", "乡村阅览室建设", "项目执行单位", "示例县图书馆",
        "资金来源", "年初预算数", "1-8月执行数", "全年预计执行数", "执行率",
        "合计", budget, done, expected, rate,
        "绩效指标", "年度指标值", "1-8月实际完成值", "全年预计完成值", "偏差原因",
        "新建阅览室", "≥10个", "4个", "10个", "",
    ]
    return "\n\n".join(cells) + "\n"


def test_a_pipe_table_monitoring_form_is_read_with_its_period_unit_and_blank_expectation(tmp_path):
    doc, _ = load_text(tmp_path, _pipe_form())
    assert doc.kind is DocumentKind.MONITORING and doc.year == 2032
    assert doc.unit == "示例市古建筑保护中心"  # the executing unit, not the 主管部门 nor the stamp's blank
    (form,) = doc.monitoring_forms
    assert form.project == "古桥修缮补助" and form.end_month == 6
    total, general = form.budget_lines
    assert total.is_total and total.initial == 150 * WAN and total.executed == Decimal("66.3") * WAN
    assert total.expected is None and general.executed == Decimal("66.3") * WAN  # blank, not zero
    (said,) = form.stated_rates
    assert said.value == 45 and said.approximate
    unread = [u.what for u in doc.reading.unread]
    assert any("全年预计执行数" in u and "未填写" in u for u in unread)
    # the indicator rows lost their blank cells: each says why it was not read, none is guessed
    assert any("“数量”一行共 3 格（含名称），不能确定各格属于哪一列" in u for u in unread)
    assert not form.indicators
    (table,) = doc.reading.tables
    assert "1-6月" in table.name and table.unit == "万元" and table.rows == 2


def test_the_same_form_one_cell_per_line_reads_its_rate_and_expectation(tmp_path):
    doc, _ = load_text(tmp_path, _cell_lines_form())
    assert doc.kind is DocumentKind.MONITORING and doc.year == 2033
    (form,) = doc.monitoring_forms
    (total,) = form.budget_lines
    assert form.end_month == 8 and form.unit == "示例县图书馆"
    assert (total.initial, total.executed, total.expected, total.reported_rate) == (
        80 * WAN, 30 * WAN, 78 * WAN, Decimal("37.5"))


def test_kind_by_name_and_a_prose_monitoring_report_is_taken_for_one():
    assert parse_kind("绩效运行监控") is DocumentKind.MONITORING and parse_kind("monitoring") is DocumentKind.MONITORING
    prose = detect("示例县2031年项目绩效运行监控报告\n截至6月底，专项资金已使用120.5万元。\n")
    assert prose.kind is DocumentKind.MONITORING and "文字形式的绩效运行监控报告" in prose.evidence[0]


def _findings(tmp_path, text):
    doc, _ = load_text(tmp_path, text)
    return audit_document(doc, CENTRAL).findings


def test_a_consistent_form_on_schedule_gives_no_finding(tmp_path):
    # 66.3 / 150 = 44.2 %, '约45%' at its precision; 时间进度 50 %, 5.8 points behind: within 10
    assert [f.message for f in _findings(tmp_path, _pipe_form()) if f.rule.startswith("monitoring.")] == []


def test_the_stated_rate_against_the_funds(tmp_path):
    # an approximate rate off by more than its last digit: a notice, never 确定
    (approx,) = [f for f in _findings(tmp_path, _pipe_form(said="已支付约50%")) if f.rule == "monitoring.m1_stated_rate"]
    assert approx.tier is Tier.NOTICE and "近似数" in approx.message
    # a rate in words that does not say it is the 执行率: its reference is an interpretation, a warning
    (words,) = [f for f in _findings(tmp_path, _pipe_form(said="已支付50%")) if f.rule == "monitoring.m1_stated_rate"]
    assert words.tier is Tier.WARNING
    # the 执行率 column: 30 / 80 = 37.5 %, printed 40 %
    (column,) = [f for f in _findings(tmp_path, _cell_lines_form(rate="40%")) if f.rule == "monitoring.m1_stated_rate"]
    assert column.tier is Tier.ERROR and "37.50%" in column.message
    assert not [f for f in _findings(tmp_path, _cell_lines_form()) if f.rule == "monitoring.m1_stated_rate"]


def test_an_expectation_above_the_budget_is_a_warning(tmp_path):
    (found,) = [f for f in _findings(tmp_path, _cell_lines_form(expected="85"))
                if f.rule == "monitoring.m1_expected_over_budget"]
    assert found.tier is Tier.WARNING and "85" in found.message and "80" in found.message


def test_execution_behind_time_progress_names_the_profile_threshold(tmp_path):
    # 1-8月: 时间进度 66.67 %; 30 / 80 = 37.5 %, 29.17 points behind (> red_lag 20)
    (found,) = [f for f in _findings(tmp_path, _cell_lines_form()) if f.rule == "monitoring.m1_execution_lag"]
    assert found.tier is Tier.WARNING and "monitoring.lag_tolerance" in found.message and "红色" in found.message
    # 1-6月, 45 / 150 = 30 %: 20 points behind 50 %, beyond lag_tolerance 10
    (half,) = [f for f in _findings(tmp_path, _pipe_form(done="45", said="已支付约30%"))
               if f.rule == "monitoring.m1_execution_lag"]
    assert "黄色" in half.message and "central" in half.message


def _bordered_form(expected: str = "250") -> str:
    return (
        "示例区项目支出绩效监控情况表\n2034年度\n项目名称：社区助餐补贴\n项目执行单位：示例区民政局\n单位：万元\n"
        "| 资金来源 | 年初预算数 | 全年预算数 | 1-9月执行数 | 全年预计执行数 | 执行率 |\n"
        f"| 合计 | 200 | 240 | 186 | {expected} | 77.5% |\n"
        f"| 其中：财政拨款 | 200 | 240 | 186 | {expected} | 77.5% |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 1-9月实际完成值 | 全年预计完成值 |\n"
        "| 产出指标 | 数量指标 | 受助老人人数 | ≥300人 | 260人 | 310人 |\n"
    )


def test_a_bordered_table_is_read_by_the_form_reader_and_an_overrun_is_one_finding(tmp_path):
    doc, _ = load_text(tmp_path, _bordered_form())
    (form,) = doc.monitoring_forms
    total = form.total
    assert form.end_month == 9 and (total.initial, total.adjusted, total.executed, total.expected) == (
        200 * WAN, 240 * WAN, 186 * WAN, 250 * WAN) and total.reported_rate == Decimal("77.5")
    found = [f for f in audit_document(doc, CENTRAL).findings if f.rule.startswith("monitoring.")]
    (over,) = found  # 186 / 240 = 77.5 % (stated), 时间进度 75 %: only the expectation above the 全年预算数
    assert over.rule == "monitoring.m1_expected_over_budget" and len(over.related) == 1
    assert [f for f in audit_document(load_text(tmp_path, _bordered_form("238"), "b.txt")[0], CENTRAL).findings
            if f.rule.startswith("monitoring.")] == []
