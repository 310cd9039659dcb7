"""Self-evaluation layouts met in published documents, rebuilt with our own wording and figures:

- a 自评表 flattened into one line after a file-property dump, its header '项目资金 (万元)' printed in two
  words, the 一级 cells carrying their points ('产出指标(50分)'), rows that leave out the 一级/二级 cells
  merged from above, and the text cut off inside the last block;
- a form whose cells were run together: a fragment of indicator rows ('发放到位率=100% 25'), and fund rows
  whose figures touch ('年度资金总额86.586.5100%');
- reports on a whole department (部门整体支出绩效自评报告), flattened with PDF-style spaces or with their title
  on two lines.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.cli.score import project_json
from jixiao.core.finding import Tier
from jixiao.ingest.fundrows import unordered_total
from jixiao.ingest.fused import split_by_rate
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from jixiao.scoring.selfeval import score_self_evaluation
from tests.builders import load_form

DOCMETA = "李四 abc123 1 2020-01-02T03:04:05Z 2021-06-07T08:09:10Z 12.00 2052-11.1.0 ABCDEF0123456789 1200 3400 0 0 False False"
ONE_LINE_FORM = (
    f"{DOCMETA} 附件: 项目支出绩效自评表 (2023年度) 项目名称 乡村道路养护委托 主管部门 301-示例县交通运输局 "
    "实施单位 301002-示例县公路事务中心 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
    "年度资金总额: 60 60 57 10 95% 9.5 其中:本年财政拨款 60 60 57 上年结转资金 其他资金 "
    "年度总体目标 预期目标 实际完成情况 完成县乡道路日常养护。 日常养护全部完成。 "
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标(50分) 数量指标 养护里程 ≥120公里 126 20 20 质量指标 路面完好率 ≥85% 88% 10 10 "
    "养护记录完整性 按规定留存记录 达成预期指标 10 10 成本指标 养护总成本 ≤60万元 57 10 10 "
    "效益指标(30分) 社会效益指标 群众出行便利程度 明显改善 达成预期指标 15 15 "
    "可持续影响指标 道路使用年限延长 持续发挥作用 达成预期指标 15 15 "
    "满意度指标(10分) 满意度指标 沿线群众满"
)


def load(tmp_path: Path, content: str, name: str = "自评.txt"):  # type: ignore[no-untyped-def]
    return load_form(tmp_path, content, name)


def agree(doc, findings) -> None:  # type: ignore[no-untyped-def]
    """`jixiao score` and `jixiao audit` see the same deviations in every self-evaluation read."""
    scored = sorted(f.rule for se in doc.self_evaluations
                    for f in score_self_evaluation(se, load_profile("central")).deviations)
    assert scored == sorted(f.rule for f in findings if f.rule.startswith("selfeval.s"))


def test_one_line_form_reads_budget_in_wan_and_rows_without_merged_cells(tmp_path):
    doc, findings = load(tmp_path, ONE_LINE_FORM)
    [se] = doc.self_evaluations
    assert se.project.name == "乡村道路养护委托"
    assert [(b.source, b.initial, b.adjusted, b.executed) for b in se.budget_lines[:2]] == [
        ("年度资金总额:", Decimal("600000"), Decimal("600000"), Decimal("570000")),  # '(万元)' belongs to 项目资金
        ("其中:本年财政拨款", Decimal("600000"), Decimal("600000"), Decimal("570000"))]
    assert [(i.level1, i.level2, i.name, i.target.raw if i.target else None, i.weight, i.reported_score)
            for i in se.indicators] == [
        ("产出指标", "数量指标", "养护里程", "≥120公里", Decimal(20), Decimal(20)),
        ("产出指标", "质量指标", "路面完好率", "≥85%", Decimal(10), Decimal(10)),
        ("产出指标", "质量指标", "养护记录完整性", "按规定留存记录", Decimal(10), Decimal(10)),  # no 一级/二级 cell
        ("产出指标", "成本指标", "养护总成本", "≤60万元", Decimal(10), Decimal(10)),
        ("效益指标", "社会效益指标", "群众出行便利程度", "明显改善", Decimal(15), Decimal(15)),
        ("效益指标", "可持续影响指标", "道路使用年限延长", "持续发挥作用", Decimal(15), Decimal(15))]
    # The text ends inside the 满意度 block: a reading gap, and no total over the rows read is asserted.
    assert "中断" in se.goal.incomplete
    assert any("沿线群众满" in p.message for p in doc.problems)
    rules = {f.rule for f in findings}
    assert not rules & {"selfeval.s9_weight_total", "selfeval.s9_block_weight", "goals.t01_required_blocks"}
    # The printed block points (50, 30) of the complete blocks were checked against their rows and agree.
    # the 分值 10 of the 年度资金总额 row is the budget-execution part's points
    assert [(c.block, c.full_marks) for c in se.reported.block_claims] == [("预算执行", 10), ("产出指标", 50),
                                                                            ("效益指标", 30)]
    assert "selfeval.block_claim" not in rules
    assert [f for f in findings if f.tier is Tier.ERROR] == []
    agree(doc, findings)


def test_printed_block_points_against_the_rows_are_checked(tmp_path):
    _, findings = load(tmp_path, ONE_LINE_FORM.replace("产出指标(50分)", "产出指标(40分)"))
    [claim] = [f for f in findings if f.rule == "selfeval.block_claim"]
    assert claim.tier is Tier.ERROR and "40" in claim.message and "50" in claim.message


def test_a_total_row_below_its_own_part_is_one_certain_finding(tmp_path):
    planted = ONE_LINE_FORM.replace("年度资金总额: 60 60 57 10 95% 9.5", "年度资金总额: 0 0 0 10 0 0")
    doc, findings = load(tmp_path, planted)
    [error] = [f for f in findings if f.tier is Tier.ERROR]
    assert error.rule == "selfeval.s1_total_parts"
    assert error.location.row.startswith("年度资金总额") and error.location.column == "年初预算数"
    # One fault, one finding: the 0 budget and the cost above 'executed 0' follow from the same row.
    assert not {f.rule for f in findings} & {"selfeval.s1_zero_budget", "selfeval.s2_money_vs_executed"}
    agree(doc, findings)


FRAGMENT = ("产出指标数量指标发放到位率=100% 25 补助对象核对次数≥4次 25 时效指标发放及时率=100% 20 "
            "效益指标社会效益指标政策知晓率(知晓人数/调查人数)≥90% 20 合计100 评价结论按时发放。存在问题无改进措施无"
            "项目负责人:财务负责人:\n")


def test_fused_fragment_reads_its_indicator_rows_and_says_it_is_a_fragment(tmp_path):
    doc, findings = load(tmp_path, FRAGMENT, "片段.txt")
    [se] = doc.self_evaluations
    assert [(i.level1, i.level2, i.name, i.target.raw, i.weight) for i in se.indicators] == [
        ("产出指标", "数量指标", "发放到位率", "=100%", Decimal(25)),
        ("产出指标", "数量指标", "补助对象核对次数", "≥4次", Decimal(25)),
        ("产出指标", "时效指标", "发放及时率", "=100%", Decimal(20)),
        ("效益指标", "社会效益指标", "政策知晓率(知晓人数/调查人数)", "≥90%", Decimal(20))]
    assert se.goal.incomplete  # the project name and the budget part are on another page
    rules = {f.rule for f in findings}
    assert "selfeval.s9_weight_total" not in rules  # 90 of 100 points seen: the rest is not on this page
    [gap] = [f for f in findings if f.rule == "selfeval.s1_missing_budget"]
    assert gap.tier is Tier.WARNING
    agree(doc, findings)


FUSED_FUNDS = (
    "2022年度县级专项资金绩效目标自评表专项资金名称农机作业补贴负责人及电话王五县级主管部门示例县农业农村局"
    "实施单位农机股项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额80.572.4590%"
    "其中:中央、省、市补助县级资金80.572.4590%其他资金年度总体目标完成作业补贴发放"
    "绩 效 指 标一级 指标二级 指标三级指标年度指标 值全年 完成值产出指标数量指标补贴面积5000亩5200亩\n"
)


def test_fused_fund_rows_are_split_where_the_rate_decides_and_the_rest_is_listed(tmp_path):
    doc, findings = load(tmp_path, FUSED_FUNDS, "专项资金自评表.txt")
    [se] = doc.self_evaluations
    assert se.project.name == "农机作业补贴"
    assert [(b.source, b.adjusted, b.executed, b.reported_rate) for b in se.budget_lines] == [
        ("年度资金总额", Decimal("805000"), Decimal("724500"), Decimal(90)),
        ("其中:中央、省、市补助县级资金", Decimal("805000"), Decimal("724500"), Decimal(90))]
    assert any("格子连在一起" in p.message for p in doc.problems)  # the indicator rows without operators
    assert [f for f in findings if f.tier is Tier.ERROR] == []
    agree(doc, findings)


def test_split_by_rate_takes_only_a_reading_the_rate_singles_out():
    assert split_by_rate("80.572.4590%", 3) == ["80.5", "72.45", "90"]
    assert split_by_rate("194.9194.9100%", 3) == ["194.9", "194.9", "100"]
    assert split_by_rate("5040100%", 3) is None  # no reading gives 100%: not read, not guessed
    assert split_by_rate("5040", 3) is None  # no rate: nothing decides


def test_unsplittable_fused_fund_row_is_a_reading_gap(tmp_path):
    doc, _ = load(tmp_path, FUSED_FUNDS.replace("年度资金总额80.572.4590%", "年度资金总额5040100%"), "专项资金自评表.txt")
    assert any("5040100%" in p.message and "无法" in p.message for p in doc.problems)


OVERALL_FLAT = (
    "示例县水务服务中心2023年整体支出绩效自评报告.docx\n"
    "示例县水务服务中心 2023 年整体支出绩效自评报告 一 绩效管理工作开展情况。 我中心按照 有关文件要求 开展自评。 "
    "二 整体绩效自评结果。 部门预算总金额 512.40 万元其中:基本支出 430.10 万元,项目支出 82.30 万元。 "
    "全年执行数 504.71 万元,预算执行率 98.5%, 整体绩效自评为优 秀; 共有 2 个项目开展自评。\n"
)


def test_department_report_is_read_as_a_department_with_its_figures(tmp_path):
    doc, findings = load(tmp_path, OVERALL_FLAT, "整体自评.txt")
    [se] = doc.self_evaluations
    assert se.is_department and se.project.name.endswith("部门整体支出")
    total = se.budget_total
    assert total is not None
    assert (total.adjusted, total.executed, total.reported_rate) == (Decimal("5124000"), Decimal("5047100"),
                                                                     Decimal("98.5"))
    assert [(b.source, b.adjusted) for b in se.budget_lines[1:]] == [("基本支出", Decimal("4301000")),
                                                                      ("项目支出", Decimal("823000"))]
    assert se.reported.grade == "优"
    # The project form's points (10 + 90, grade by rules) are not applied to a department.
    assert [f for f in findings if f.tier is not Tier.NOTICE] == []
    assert any("另有" in p.message and "未读取" in p.message for p in doc.problems)  # '2 个项目' not read
    assert doc.reading is not None and doc.reading.forms[0].kind == "部门整体支出绩效自评"
    agree(doc, findings)


def test_department_rate_against_its_own_figures_is_checked(tmp_path):
    doc, findings = load(tmp_path, OVERALL_FLAT.replace("98.5%", "95.5%"), "整体自评.txt")
    [error] = [f for f in findings if f.tier is Tier.ERROR]
    assert error.rule == "selfeval.s1_execution_rate"
    agree(doc, findings)


def test_department_report_without_figures_says_what_it_did_not_find(tmp_path):
    cover = ("示例市2022年度部门整体支出\n\n绩效评价自评报告\n\n部门(单位)名称: 示例市数字城管中心\n\n"
             "一、部门(单位)基本概况\n\n人员编制\n\n18\n\n实有人数\n\n17\n")
    doc, findings = load(tmp_path, cover, "整体自评报告.txt")
    [se] = doc.self_evaluations
    assert se.is_department and se.budget_lines == ()
    [gap] = [p for p in doc.problems if "未读到" in p.message]
    assert "全年预算数" in gap.message and "自评得分或等级" in gap.message
    assert [f for f in findings if f.rule.startswith("selfeval.s")] == []


def test_score_shows_no_computed_points_for_a_department(tmp_path):
    doc, _ = load(tmp_path, OVERALL_FLAT, "整体自评.txt")
    project = project_json(score_self_evaluation(doc.self_evaluations[0], load_profile("central")))
    assert project["scope"] == "department"
    assert (project["total"], project["grade"], project["reported"]["grade"]) == (None, None, "优")  # type: ignore[index]
    assert (project["adjusted_budget"], project["executed"], project["execution_rate"]) == (
        "5124000.00", "5047100.00", "98.50")


def outcomes(tmp_path: Path, content: str, name: str) -> dict[str, str]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    doc, _ = load_document(path)
    assert doc is not None
    return {o.rule: o.reason for o in audit_document(doc, load_profile("central")).outcomes
            if o.rule.startswith(("selfeval.s", "goals.t01")) and o.reason}


def test_rules_that_cannot_be_checked_say_why_instead_of_passing(tmp_path):
    department = outcomes(tmp_path, OVERALL_FLAT, "整体自评.txt")
    assert "10分" in department["selfeval.s9_weight_total"]  # the project form's points: not a department's
    assert "selfeval.s1_execution_rate" not in department  # its own arithmetic is checked
    fragment = outcomes(tmp_path, FRAGMENT, "片段.txt")
    assert "未读全" in fragment["selfeval.s9_weight_total"] and "未读全" in fragment["goals.t01_required_blocks"]


def test_fused_fund_rows_report_the_unit_their_header_prints(tmp_path):
    doc, _ = load(tmp_path, FUSED_FUNDS, "专项资金自评表.txt")
    [budget] = [t for t in audit_document(doc, load_profile("central")).coverage.reading.tables if "预算执行" in t.name]
    assert (budget.unit, budget.rows) == ("万元", 2)  # '项目资金(万元)' in the form's header
    doc, _ = load(tmp_path, FUSED_FUNDS.replace("项目资金(万元)", "项目资金"), "专项资金自评表.txt")
    [budget] = [t for t in audit_document(doc, load_profile("central")).coverage.reading.tables if "预算执行" in t.name]
    assert budget.unit == ""  # the text does not say: reported as not recognised, not guessed


def test_department_report_named_only_by_its_opening_sentence(tmp_path):
    text = ("根据《示例区财政局关于做好2023年度预算绩效自评工作的通知》（示财绩〔2024〕3号），我中心组织力量对2023年部门预算"
            "整体支出进行了绩效评价，自评得分为91分，现将情况报告如下：\n一、基本情况\n我中心为全额拨款事业单位，编制8人。\n"
            "二、预算执行情况\n2023年全年预算数120.00万元，全年执行数114.00万元，预算执行率95%。\n")
    doc, findings = load(tmp_path, text, "情况报告.txt")
    assert doc.kind.value == "self_evaluation"
    [se] = doc.self_evaluations
    assert se.is_department and se.reported.total == Decimal(91)
    total = se.budget_total
    assert (total.adjusted, total.executed, total.reported_rate) == (Decimal("1200000"), Decimal("1140000"), Decimal(95))
    assert [f for f in findings if f.tier is not Tier.NOTICE] == []
    agree(doc, findings)


# A complete one-line form whose 数量 rows print a bare figure as the actual ('=12个 12 10 10'), after a run of
# page-fill dots in the goal text.
BARE_ACTUALS = (
    f"{DOCMETA} 附件: 项目支出绩效自评表 (2023年度) 项目名称 社区服务站运转补助 主管部门 402-示例镇人民政府 "
    "实施单位 402001-示例镇人民政府 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
    "年度资金总额: 50 50 48 10 96% 9.6 其中:本年财政拨款 50 50 48 上年结转资金 其他资金 "
    "年度总体目标 预期目标 实际完成情况 保障12个社区服务站正常运转。 " + "." * 120 + " 12个服务站全部正常运转。 "
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标(50分) 数量指标 补助服务站数量 =12个 12 10 10 配备专职人员人数 =30人 30 10 10 "
    "质量指标 资金使用合规性 合规 达成预期指标 10 10 时效指标 补助发放及时性 及时 达成预期指标 10 10 "
    "成本指标 项目总成本 ≤50万元 48 10 10 效益指标(30分) 社会效益指标 居民办事便利程度 明显提升 达成预期指标 15 15 "
    "可持续影响指标 服务站长效运转 持续发挥作用 达成预期指标 15 15 "
    "满意度指标(10分) 服务对象满意度指标 居民满意度 ≥90% 93% 10 10"
)


def test_one_line_form_rows_with_bare_figure_actuals_are_all_read(tmp_path):
    doc, findings = load(tmp_path, BARE_ACTUALS)
    [se] = doc.self_evaluations
    assert [(i.level2, i.name, i.actual.raw if i.actual else None, i.weight) for i in se.indicators[:3]] == [
        ("数量指标", "补助服务站数量", "12", 10), ("数量指标", "配备专职人员人数", "30", 10),
        ("质量指标", "资金使用合规性", "达成预期指标", 10)]
    assert len(se.indicators) == 8 and sum(i.weight for i in se.indicators) == 90
    assert se.goal.incomplete == ""
    assert not {f.rule for f in findings} & {"selfeval.s9_weight_total", "goals.t01_required_blocks"}
    agree(doc, findings)


def test_indicator_rows_left_unread_after_the_table_make_totals_not_applicable(tmp_path):
    # The second row's 年度指标值 is blank: where its cells go cannot be told, so the rest of the table stays text.
    text = BARE_ACTUALS.replace("=30人 30 10 10", "30 10 10")
    doc, findings = load(tmp_path, text)
    [se] = doc.self_evaluations
    assert "未读取的部分" in se.goal.incomplete
    [gap] = [p for p in doc.problems if "未读取的部分" in p.message]
    assert gap.location.line == 1 and "质量指标" in gap.message
    assert [f for f in findings if f.tier is Tier.ERROR] == []
    reasons = outcomes(tmp_path, text, "自评.txt")
    for rule in ("selfeval.s9_weight_total", "selfeval.s9_block_weight", "goals.t01_required_blocks"):
        assert "未读全" in reasons[rule], rule
    agree(doc, findings)


def test_text_ending_on_a_level_cell_leaves_the_table_incomplete(tmp_path):
    text = BARE_ACTUALS[:BARE_ACTUALS.index("满意度指标(10分)")] + "满意度指标(10分) 服务对象满意度指标"
    doc, findings = load(tmp_path, text)
    [se] = doc.self_evaluations
    assert len(se.indicators) == 7 and "中断" in se.goal.incomplete
    assert any("服务对象满意度指标" in p.message for p in doc.problems)
    assert not {f.rule for f in findings} & {"selfeval.s9_weight_total", "goals.t01_required_blocks"}


# A '|' table copied out of a page in traditional characters: cells that held line breaks carry their row over
# several lines ('|' / '項目資金 (萬元) |' / '年初預算數 | … |'), and the indicator header is two rows copied without
# their spans (the upper row names 實際完成值 / 分值 / 得分, the lower one splits 績效指標 and 年度指標值).
BROKEN_PIPES = "\n".join([
    "| 2022年度項目支出績效自評表 | ||||||",
    "| 項目名稱 |", "河道保潔補助 |", "||||||",
    "| 主管部門 | 示例縣水務局 | 實施單位 | 示例縣河道管理站 | |||",
    "|", "項目資金 (萬元) |", "年初預算數 | 全年預算數 | 全年執行數 | 分值 | 執行率 | 得分 | ||",
    "| 年度資金總額 | 12.5 | 12.5 | 12 | 10 | 96% | 9.6 | ||",
    "| 其中:當年財政撥款 | 12.5 | 12.5 | 12 | | ||",
    "|", "年度 總體 目標 |", "預期目標 | 實際完成情況 | |||||",
    "| 保潔河道長度15公里 | 保潔15公里 | |||||",
    "| 績效指標 | 年度指標值 | 實際完成值 | 分值 | 得分 | 偏差原因分析及改進措施 | ||",
    "|", "一級 指標 |", "二級指標 | 三級指標 | 指標性質 | 指標值 | 度量單位 | ||",
    "| 產出指標 | 數量指標 | 保潔河道長度 | ﹦ | 15 | 公里 | 15 | 30 | 30 | |",
    "| 時效指標 | 保潔完成及時率 | ≥ | 90 | % | 95 | 30 | 30 | ||",
    "| 效益指標 | 生態效益指標 | 河面漂浮物減少 | ≥ | 80 | % | 85 | 20 | 20 | |",
    "| 滿意度指標 | 服務對象滿意度指標 | 沿河居民滿意度 | ≥ | 85 | % | 90 | 10 | 10 | |",
])


def test_pipe_rows_broken_over_lines_with_a_header_copied_without_spans(tmp_path):
    doc, findings = load(tmp_path, BROKEN_PIPES, "河道保潔.txt")
    [se] = doc.self_evaluations
    assert (se.project.name, se.project.unit.name) == ("河道保洁补助", "示例县河道管理站")
    assert [(b.source, b.adjusted, b.executed) for b in se.budget_lines] == [
        ("年度资金总额", Decimal("125000"), Decimal("120000")), ("其中:当年财政拨款", Decimal("125000"), Decimal("120000"))]
    assert [(i.level1, i.level2, i.name, i.target.raw, i.actual.raw, i.weight, i.reported_score)
            for i in se.indicators] == [
        ("产出指标", "数量指标", "保洁河道长度", "﹦15公里", "15", 30, 30),
        ("产出指标", "时效指标", "保洁完成及时率", "≥90%", "95", 30, 30),  # its 一级 cell merged from above
        ("效益指标", "生态效益指标", "河面漂浮物减少", "≥80%", "85", 20, 20),
        ("满意度指标", "服务对象满意度指标", "沿河居民满意度", "≥85%", "90", 10, 10)]
    assert se.indicators[0].target.operator.value == "="  # the small equals sign some templates print
    assert [f for f in findings if f.tier is Tier.ERROR] == []
    agree(doc, findings)


# A whole form with every separator gone (a document-sharing page), the Hubei layout: 预算数(A) / 执行数(B) /
# 执行率 / 得分(20分*执行率), the unit label run into the 填报日期 that follows it.
NO_SEPARATORS = (
    "2022年度财政项目绩效自评表单位名称:示例县人民医院填报日期:2023年3月2日项目名称门诊楼改造补助主管部门示例县卫生健康局"
    "项目实施单位示例县人民医院预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)"
    "年度财政资金总额500500100%20绩效指标一级指标二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出指标数量指标"
    "改造面积3000平方米3000平方米10质量指标验收合格合格合格10"
)


def test_form_without_separators_reads_its_unit_and_the_fund_row_its_formula_decides(tmp_path):
    doc, findings = load(tmp_path, NO_SEPARATORS, "自评表.txt")
    assert doc.unit == "示例县人民医院"
    [se] = doc.self_evaluations
    # '500500100%' is 500 / 500 / 100% or 5005001 / 0 / 0%; only the first gives 20分 × 执行率 = the printed 20.
    assert [(b.adjusted, b.executed, b.reported_rate) for b in se.budget_lines] == [
        (Decimal("5000000"), Decimal("5000000"), Decimal("100"))]
    assert se.indicators == () and "未能读取" in se.goal.incomplete  # rows without an operator are not guessed
    assert [f for f in findings if f.tier is Tier.ERROR] == []


# A form run together whose 一级 blocks print their points ('产出指标(60分)') and whose budget row prints its own
# 分值 between 执行数 and 执行率: 10 + 60 + 30 + 20 = 120 while the form is scored out of 100.
BLOCK_POINTS_FUSED = (
    "项目支出绩效自评表(2023年度)项目名称示例村灌溉渠修缮项目主管部门示例县水利局实施单位示例县水利局资金情况(万元)"
    "全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:353510100.00%10其中:本年财政拨款3535其他资金"
    "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标(60分)数量指标修缮渠道长度30≥2公里≥2公里30"
    "质量指标验收合格率30100%100%30效益指标(30分)社会效益指标受益农户数20≥300户≥300户20生态效益指标节水效果10明显明显10"
    "满意度指标(20分)服务对象满意度指标受益农户满意度20≥90%≥90%20总分100100"
)


def test_block_points_and_budget_points_over_100_are_a_warning_naming_the_convention(tmp_path):
    doc, findings = load(tmp_path, BLOCK_POINTS_FUSED, "自评表.txt")
    [se] = doc.self_evaluations
    assert next((b.adjusted, b.executed, b.reported_rate, b.reported_score) for b in se.budget_lines) == (
        Decimal("350000"), Decimal("350000"), Decimal("100.00"), Decimal("10"))
    assert [(c.block, c.full_marks) for c in se.reported.block_claims] == [
        ("预算执行", Decimal(10)), ("产出指标", Decimal(60)), ("效益指标", Decimal(30)), ("满意度指标", Decimal(20))]
    [finding] = [f for f in findings if f.rule == "selfeval.section_points"]
    assert finding.tier is Tier.WARNING and "合计 120 分" in finding.message and "满分 100 分" in finding.message
    assert [f for f in findings if f.tier is Tier.ERROR] == []
    fits = BLOCK_POINTS_FUSED.replace("(60分)", "(50分)").replace("满意度指标(20分)", "满意度指标(10分)")
    doc, findings = load(tmp_path, fits, "相符.txt")
    assert not [f for f in findings if f.rule == "selfeval.section_points"]


def test_split_by_rate_uses_the_score_formula_only_to_choose_between_readings():
    assert split_by_rate("500500100%", 3) is None  # two readings fit the rate
    assert split_by_rate("500500100%", 3, (Decimal(20), Decimal(20))) == ["500", "500", "100"]
    assert split_by_rate("500500100%", 3, (Decimal(20), Decimal(7))) is None  # no reading gives the score



def test_split_by_rate_reads_a_points_column_only_with_the_score_after_the_rate():
    # 'A B 分值 rate%' then the score: 10 × 90% = 9 decides between readings.
    assert split_by_rate("6480721090%", 4) is None  # without the points no reading gives the rate
    assert split_by_rate("80.572.451090%", 4, (Decimal(0), Decimal(9)), points_column=True) == [
        "80.5", "72.45", "10", "90"]
    assert split_by_rate("80.572.451090%", 4, (Decimal(0), Decimal(7)), points_column=True) is None
    assert split_by_rate("80.572.451090%", 4, points_column=True) is None  # no score: nothing decides the points


DEPARTMENT_FUSED = ("1、部门整体支出绩效自评表(2022年度)单位名称示例区文化馆年度预算申请(万元)"
                    "年初预算数全年预算数全年执行数分值执行率得分年度资金总额6480721090%9按收入性质分:80")


def test_department_form_run_together_reads_its_fund_row_where_the_points_decide(tmp_path):
    doc, _ = load(tmp_path, DEPARTMENT_FUSED, "整体自评表.txt")
    [se] = doc.self_evaluations
    total = se.budget_total
    assert total is not None
    assert (total.initial, total.adjusted, total.executed, total.reported_rate) == (
        Decimal("640000"), Decimal("800000"), Decimal("720000"), Decimal(90))
    assert not any("6480" in p.message for p in doc.problems)


def test_department_form_run_together_without_a_unique_split_stays_unread(tmp_path):
    doc, _ = load(tmp_path, DEPARTMENT_FUSED.replace("1090%9", "1090%7"), "整体自评表.txt")
    [se] = doc.self_evaluations
    assert se.budget_total is None
    assert any("未读到全年预算数" in p.message for p in doc.problems)
    # the reason is given with the run: no reading gives a score of 7
    assert any("6480721090%" in p.message and "没有一种拆分符合执行率" in p.message for p in doc.problems)


def test_department_form_run_that_several_readings_fit_is_unread_with_their_count(tmp_path):
    doc, _ = load(tmp_path, DEPARTMENT_FUSED.replace("6480721090%9", "316.5316.5316.510100%10"), "整体自评表.txt")
    [se] = doc.self_evaluations
    assert se.budget_total is None
    [run] = [p for p in doc.problems if "316.5316.5316.510100%" in p.message]
    assert "有 3 种拆分都符合执行率" in run.message and run.location.line == 1
    # the run's figures are not counted again among the paragraph's other figures
    assert not any("段落中" in p.message and "316.5" in p.message.split("：")[1] for p in doc.problems)

# A document-sharing page: its notes, one caption and page counter per page thumbnail, then the text in page
# chunks ('1、…'), the unit label run into the next label.
THUMBNAILS = "\n".join([
    "整体支出自评表(2).docx", "", "上传人:张** 文档编号:1234 上传时间:2023-05-06 格式:DOCX 页数:6",
    *[line for n in range(1, 5) for line in (f"整体支出自评表(2).docx_第{n}页", f"第{n}页 / 共6页")],
    "亲,该文档总共6页,到这儿已超出免费预览范围", "资源描述", "",
    "1、部门整体支出绩效自评表(2022年度)区级预算单位名称示例区图书馆年度预算申请(万元)年初预算数全年预算数全年执行数",
    "2、全年预算执行率98%,自评得分92分。",
])


def test_page_thumbnail_captions_are_not_report_titles(tmp_path):
    doc, _ = load(tmp_path, THUMBNAILS, "整体自评.txt")
    assert doc.unit == "示例区图书馆"
    [se] = doc.self_evaluations  # one report, not one per thumbnail
    assert se.is_department and se.reported.total == 92
    assert not any("第1页" in p.message for p in doc.problems)


# A Hubei form saved one cell per paragraph (blank lines between cells): its column letters lose a bracket
# ('执行数B)'), amounts carry their unit ('350万元'), and its indicator table prints no 分值 column.
HUBEI_CELLS = "\n\n".join([
    "2023年度示例项目自评表", "项目名称", "操场翻新", "主管部门", "示例市教育局", "项目实施单位", "示例市第九中学",
    "预算执行情况(万元)", "20分)", "", "预算数(A)", "执行数B)", "执行率B/A)", "年度财政资金总额", "350万元", "343万元", "98%",
    "年度绩效目标", "80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A", "实际完成值(B",
    "产出指标", "数量指标", "翻新跑道面积", "≥4000平方米", "4200平方米", "质量指标", "验收合格率", "=100%", "100%",
    "效益指标", "社会效益指标", "体育课正常开设", "=100%", "100%",
])


def test_hubei_form_one_cell_per_paragraph_without_a_weight_column(tmp_path):
    doc, findings = load(tmp_path, HUBEI_CELLS, "自评表.txt")
    [se] = doc.self_evaluations
    assert [(b.source, b.adjusted, b.executed, b.reported_rate) for b in se.budget_lines] == [
        ("年度财政资金总额", Decimal("3500000"), Decimal("3430000"), Decimal("98"))]
    assert [(i.name, i.target.raw, i.weight) for i in se.indicators] == [
        ("翻新跑道面积", "≥4000平方米", None), ("验收合格率", "=100%", None), ("体育课正常开设", "=100%", None)]
    assert se.goal.unweighted
    assert [f for f in findings if f.tier is Tier.ERROR] == []  # no 分值 column: no weight is missing
    reasons = outcomes(tmp_path, HUBEI_CELLS, "自评表.txt")
    assert "未设分值列" in reasons["selfeval.s8_missing_weight"] and "未设分值列" in reasons["selfeval.s9_weight_total"]
    agree(doc, findings)


def test_a_heading_after_the_indicator_table_is_not_rows_left_unread(tmp_path):
    doc, _ = load(tmp_path, BARE_ACTUALS + "\n2. 质量指标 完成情况\n")
    [se] = doc.self_evaluations
    assert se.goal.incomplete == "" and len(se.indicators) == 8


def test_a_last_row_cut_after_its_weight_reports_its_score_unread(tmp_path):
    cut = BROKEN_PIPES.replace("| 90 | 10 | 10 | |", "| 90 | 10 |")  # the text ends after the last row's 分值
    assert cut != BROKEN_PIPES
    doc, _ = load(tmp_path, cut, "河道保潔.txt")
    [se] = doc.self_evaluations
    assert (se.indicators[-1].weight, se.indicators[-1].reported_score) == (10, None)
    assert any("得分未读入" in p.message and p.location.line == 22 for p in doc.problems)


# A '|'-table whose rows were merged across row boundaries: each line ends with the label of the next row, and the
# 年初预算数 cell of the total row was lost (two amounts for three amount columns).
MERGED_PIPES = "\n".join([
    "2023年度项目支出绩效自评表", "",
    "| 项目名称 | 校舍维修专项 | 主管部门 | 示例县教育局 | 实施单位 | 示例县第二小学 | 项目资金 (元) |",
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |",
    "| 52000 | 48000 | 10 | 92.31% | 9.2 | 其中:当年财政 拨款 |",
    "| 52000 | 48000 | — |",
    "| — | 上年结转 资金 |",
    "|",
    "| — | 其他资金 | — | — | — | — |",
])


def test_pipe_rows_merged_across_rows_are_placed_where_the_rate_and_sums_decide(tmp_path):
    doc, findings = load(tmp_path, MERGED_PIPES, "自评表.txt")
    [se] = doc.self_evaluations
    assert se.project.name == "校舍维修专项"
    assert [(b.source, b.initial, b.adjusted, b.executed, b.reported_rate) for b in se.budget_lines[:2]] == [
        ("年度资金总额", None, Decimal(52000), Decimal(48000), Decimal("92.31")),
        ("其中:当年财政 拨款", None, Decimal(52000), Decimal(48000), None)]
    assert [f for f in findings if f.tier is Tier.ERROR] == []


def test_pipe_rows_merged_across_rows_leave_undecided_cells_unread(tmp_path):
    # 500 / 500 / 500 / 100% fits 年初预算数 blank (the last 500 the points) and 分值 blank alike, in both rows.
    text = MERGED_PIPES.replace("52000 | 48000 | 10 | 92.31% | 9.2", "500 | 500 | 500 | 100% | 10").replace(
        "| 52000 | 48000 | — |", "| 500 | 500 | 500 |")
    doc, findings = load(tmp_path, text, "自评表.txt")
    [se] = doc.self_evaluations
    total = se.budget_lines[0]
    assert (total.initial, total.adjusted, total.executed) == (None, Decimal(500), Decimal(500))
    assert any("年初预算数" in p.message and "无法确定" in p.message for p in doc.problems)
    assert [f for f in findings if f.tier is Tier.ERROR] == []


SECTION_FORM = "\n".join([
    "## 项目支出绩效自评分析报告", "", "项目名称：示例河道清淤", "", "项目单位：901001-示例镇水利站", "",
    "### (一) 预算执行情况（10分）", "",
    "资金来源\t年初预算数\t全年预算数 (元)\t全年执行数(元)\t执行率\t得分",
    "合计\t300,000\t300,000\t270,000\t90\t9", "",
    "## (二) 绩效指标完成情况（90分）", "",
    "一级指标\t二级指标\t指标名称\t年度指标值\t实际完成值\t权重\t得分",
    "产出指标\t数量指标\t清淤长度\t≥3公里\t3.2\t50\t50",
    "效益指标\t生态效益\t水质改善\t明显改善\t达成预期指标\t30\t30",
    "满意度指标\t服务对象满意度\t群众满意度\t≥90%\t93\t10\t10",
])


def section_findings(tmp_path: Path, text: str) -> list[tuple[Tier, str]]:
    _, findings = load(tmp_path, text, "自评表.txt")
    return [(f.tier, f.message) for f in findings if f.rule == "selfeval.section_points"]


def test_printed_section_points_are_checked_against_the_weights_and_the_full_marks(tmp_path):
    doc, _ = load(tmp_path, SECTION_FORM, "自评表.txt")
    [se] = doc.self_evaluations
    assert [(c.block, c.full_marks) for c in se.reported.block_claims] == [("预算执行", 10), ("绩效指标", 90)]
    assert section_findings(tmp_path, SECTION_FORM) == []
    # 80 printed over rows weighing 90: two printed figures that cannot both hold; 10 + 80 is not the form's 100.
    found = section_findings(tmp_path, SECTION_FORM.replace("完成情况（90分）", "完成情况（80分）"))
    assert [tier for tier, _ in found] == [Tier.ERROR, Tier.WARNING]
    assert "80" in found[0][1] and "90" in found[0][1] and "90 分" in found[1][1]


def test_section_points_printed_alone_after_their_caption_are_read(tmp_path):
    doc, findings = load(tmp_path, HUBEI_CELLS, "自评表.txt")
    [se] = doc.self_evaluations
    assert [(c.block, c.full_marks) for c in se.reported.block_claims] == [("预算执行", 20), ("绩效指标", 80)]
    assert not [f for f in findings if f.rule == "selfeval.section_points"]  # 20 + 80 = 100; no 分值 column
    [(tier, message)] = section_findings(tmp_path, HUBEI_CELLS.replace("80分)", "98分)"))
    assert tier is Tier.WARNING and "118" in message


def test_a_fund_word_inside_a_row_does_not_make_a_table_a_merged_stream():
    from jixiao.ingest.textlayout import merged_pipe_runs

    listing = ["序号 | 主管部门 | 项目名称 | 资金量 | 等级 |", "1 | 示例局 | 防汛物资专项资金 | 120 | 良 |",
               "2 | 示例局 | 河道整治补助资金 | 80 | 中 |"]
    assert merged_pipe_runs(listing) == set()
    assert merged_pipe_runs(MERGED_PIPES.split("\n")) == set(range(2, 9))  # from the row with the form's labels


# Two forms flattened out of reading order (a PDF whose text objects come column by column): the project name
# before its label, the amounts before the fund labels and the header '项目资金 (元)' after them, the 执行率 after
# the goal text, one executed amount printed with and without thousands separators, a vertical label '绩 效 指 标'
# split into characters, the indicator header cut before its value columns.
OUT_OF_ORDER_FORMS = (
    "自评表.pdf\n"
    "项目支出绩效自评表 (2023 年度) 河道保洁服务外 包经费 项目名称 主管部门 示例区水务局 "
    "年初预算数 全年预算数 全年执行数 分值 执行率 得分 80000.00 80000.00 61,240.5 10 7.66 80000.00 80000.00 "
    "61240.5 — 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) 示例区河道 管理所 实施单位 "
    "其中:当年财政拨款 预期目标 年度 总体 目标 76.55% 实际完成情况 完成河道保洁。 -1- "
    "项目支出绩效自评表 (2023 年度) 项目名称 防汛物资储备经费 主管部门 示例区水务局 "
    "年初预算数 全年预算数 全年执行数 分值 执行率 得分 36000.00 36000.00 5.14 其中:当年财政拨款 0 0 — "
    "上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) 示例区河道 管理所 实施单位 18,504 预期目标 "
    "年度 总体 目标 10 51.40% 实际完成情况 完成物资采购。 一级指标 二级指标 三级指标 数量指标 产出指标 "
    "绩 效 指 标 物资储备率 质量指标 物资合格率 效益指标 社会效益指标 满意度 总分 -2- 年度 指标值\n"
)


def test_forms_out_of_reading_order_read_the_total_row_the_arithmetic_singles_out(tmp_path):
    doc, findings = load(tmp_path, OUT_OF_ORDER_FORMS)
    assert [se.project.name for se in doc.self_evaluations] == ["河道保洁服务外包经费", "防汛物资储备经费"]
    assert [[(b.source, b.adjusted, b.executed, b.reported_rate, b.reported_score) for b in se.budget_lines]
            for se in doc.self_evaluations] == [
        [("年度资金总额", Decimal("80000.00"), Decimal("61240.5"), Decimal("76.55"), Decimal("7.66"))],
        [("年度资金总额", Decimal("36000.00"), Decimal("18504"), Decimal("51.40"), Decimal("5.14"))]]
    # What was not read is said: the fund-source rows, and the indicator table whose value columns are missing.
    assert sum("未能按行列对齐读取" in p.message for p in doc.problems) == 2
    assert any("未读作指标行" in p.message for p in doc.problems)
    # No finding rests on the pieces: no 0 score for rows merely not read, no letter of '绩 效 指 标' as a target.
    assert not [f for f in findings if f.rule.startswith(("selfeval.s1", "goals."))]
    assert not [f for f in findings if "0分" in f.message or "“绩”" in f.message]
    agree(doc, findings)


# A spreadsheet form dumped as one line with its indicator labels and values interleaved out of order (the
# label of one row, then the figures of several rows, then labels whose figures came before): the total fund row is
# read by its arithmetic, the indicator rows cannot be paired with their figures.
INTERLEAVED_INDICATORS = (
    "乡村卫生服务项目支出绩效自评表.xlsx\n"
    "示例县项目支出绩效自评表 (2022年度) 项目名称 乡村卫生服务补助 主管部门 示例县卫生健康局 年初预算 数 0 "
    "项目资金 (万元) 年度资金总额 实施单位 示例镇卫生院 全年预算数 全年执行数 分值 执行率 得分 "
    "0 188.2165 10 100% 10 188.2165 — 100% — 其中:当年财政拨款 上年结转资金 其他资金 年度 总体 目标 一级 指标 — "
    "乡村卫生服务 乡村卫生服务 年度 实际 指标值 完成值 指标1:建档人数 4200人 指标2:宣传资料 不少于8 种 "
    "9种 20次 18次 二级指标 三级指标 指标4:健康讲座 分值 得分 4100人 4 4 9种 2 2 20次 2 2 "
    "指标5:随访人数 600人 540人 2 1.8 指标6:体检人数 900人 720人 2 1.6 质量指标 指标1:随访"
)


def test_indicator_rows_out_of_order_are_reported_as_not_read_at_the_header(tmp_path):
    doc, findings = load(tmp_path, INTERLEAVED_INDICATORS)
    [se] = doc.self_evaluations
    # '项目资金 (万元)' heads the amounts: its unit is kept with the label the fields are rebuilt from
    assert [(b.adjusted, b.executed) for b in se.budget_lines] == [(Decimal("1882165"), Decimal("1882165"))]
    assert [t.unit for t in doc.reading.tables if "预算执行" in t.name] == ["万元"]
    assert not se.indicators and se.goal.incomplete
    [unread] = [u for u in doc.reading.unread if u.location.table == "绩效指标"]
    assert "各指标行均未读取" in unread.what and unread.location.line == 2
    assert unread.location.project == "乡村卫生服务补助"
    assert not [f for f in findings if f.rule.startswith(("selfeval.s2", "selfeval.s8", "selfeval.s9", "goals."))]


# A pipe table one row per line, padded with empty cells: the budget caption with its unit alone on its line
# ('资金情况 (万元) |'), the indicator header broken after its 一级 column, 一级/二级 cells letter-spaced on lines of
# their own, '其中' rows that break an indicator down (no 分值, no 得分), the text cut inside the 满意度 caption.
BROKEN_HEADER_FORM = (
    "绩效目标自评表 | | | | |\n"
    "(2024年度) | | | | |\n"
    "项目名称 | 示例村果蔬种植补贴项目 | 项目负责人及电话 | 赵六 | | |\n"
    "主管部门 | 示例县农业农村局 | 实施单位 | 示例镇人民政府 | | |\n"
    "资金情况 (万元) |\n"
    "全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | | |\n"
    "年度资金总额: | 6.25 | 6.25 | 10 | 100% | 10 | | |\n"
    "其中:本年财政拨款 | 6.25 | 6.25 | 10 | 100% | 10 | | |\n"
    "其他资金 | - | - | | |\n"
    "年度总体目标 | 年初设定目标 | 年度总体目标完成情况综述 | | |\n"
    "补贴25户种植果蔬 | 已补贴25户种植果蔬 | | |\n"
    "绩效指标 | 一级 指标 |\n"
    "二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | | |\n"
    "产 出 指 标 (50分) |\n"
    "数量指标 | 补助果蔬种植面积 | 30 | ≥12亩 | 12亩 | 30 | | |\n"
    "其中梨树种植面积 | 4亩 | 4亩 | | |\n"
    "其中大棚蔬菜面积 | 8亩 | 8亩 | | |\n"
    "质量指标 | | |\n"
    "种植成活率 | 20 | ≥90% | 96% | 20 | | |\n"
    "效 益 指 标 (30分) |\n"
    "经济效益 指标 |\n"
    "带动农户增收 | 30 | ≥5万元 | 5.4万元 | 30 | | |\n"
    "满意\n"
)


def test_a_header_broken_over_two_lines_is_read_as_one_row(tmp_path):
    doc, findings = load(tmp_path, BROKEN_HEADER_FORM)
    [se] = doc.self_evaluations
    # the caption's unit heads the amounts; the 得分 column is read with the amounts
    total = se.budget_lines[0]
    assert (total.adjusted, total.executed, total.reported_rate, total.reported_score) == (
        Decimal("62500.00"), Decimal("62500.00"), Decimal("100"), Decimal("10"))
    assert [t.unit for t in doc.reading.tables if "预算执行" in t.name] == ["万元"]
    assert [(i.level1, i.level2, i.name, i.weight, i.reported_score) for i in se.indicators] == [
        ("产出指标", "数量指标", "补助果蔬种植面积", Decimal(30), Decimal(30)),
        ("产出指标", "质量指标", "种植成活率", Decimal(20), Decimal(20)),
        ("效益指标", "经济效益指标", "带动农户增收", Decimal(30), Decimal(30))]
    # the '其中' rows and the cut 满意度 block are said, not read as indicators without weights
    unread = [u.what for u in doc.reading.unread]
    assert any("2 行“其中”分项" in w for w in unread) and any("“满意”未能读作指标行" in w for w in unread)
    assert se.goal.incomplete
    assert not [f for f in findings if f.tier is Tier.ERROR]
    assert not [f for f in findings if f.rule in ("selfeval.s8_missing_weight", "selfeval.s9_weight_total",
                                                  "goals.t01_required_blocks")]


def test_unordered_total_reads_only_what_the_rate_and_the_score_single_out():
    words = ["52000", "52000", "40,118", "10", "7.72", "—", "0", "0", "实施单位", "77.15%"]  # 40118 ÷ 52000 = 77.150%
    assert unordered_total(words) == (0, 2, 9, 3, 4)
    # a rate rounded the other way (77.16% for 77.150…) is within a unit of its last digit: still one reading
    assert unordered_total([*words[:-1], "77.16%"]) == (0, 2, 9, 3, 4)
    # a second pair of amounts fitting the same rate and score leaves two readings: nothing is read
    assert unordered_total([*words, "26000", "20059"]) is None
    # without a score that points × rate gives, nothing decides the row
    assert unordered_total(["52000", "52000", "40,118", "10", "—", "77.15%"]) is None
    # the header's formula gives the points when the form prints no 分值 cell
    assert unordered_total(["52000", "40118", "15.43", "77.15%"], Decimal(20)) == (0, 1, 3, None, 2)


# A one-line form of another template: the budget part is worth 20 points and its header prints the formula
# ('得分 (20 分*执行率)'), the header words broken over the caption ('预算执行 情况(万元) (20 分)'), labels of the
# form's other fields between the caption and the column headers.
TWENTY_POINT_FORM = (
    "2022 年示例专项资金项目自评表 单位名称:示例县农业局 填报日期:2023 年 3 月 1 日 项目名称 2022 年示例专项资金 "
    "主管部门 示例县农业局 项目类别 1、部门预算项目 □ 预算执行 情况(万元) (20 分) 一级指标 年度财政 资金总额 "
    "项目实施单位 示例县农技站 □ 预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) 140.5 131.2 93.38% 18.68 "
    "三级指标 年初目标值 (A) 实际完成值 (B) 得分 推广面积(亩) 5000 5210 10 培训人次 300 320 10\n"
)


def test_a_budget_part_printing_its_own_points_is_scored_by_them(tmp_path):
    doc, findings = load(tmp_path, TWENTY_POINT_FORM)
    [se] = doc.self_evaluations
    [line] = se.budget_lines
    assert (line.adjusted, line.executed, line.reported_rate, line.reported_score) == (
        Decimal("1405000"), Decimal("1312000"), Decimal("93.38"), Decimal("18.68"))  # 万元 from the caption
    # 20 × 93.38% = 18.68 is the form's own rule: no '应为 9.34 分' against a 10-point convention
    assert not [f for f in findings if f.rule.startswith("selfeval.s1")]
    assert [f for f in findings if f.tier is Tier.ERROR] == []
    result = score_self_evaluation(se, load_profile("central"))
    assert result.execution_score == Decimal("18.68")


def test_rows_of_100_in_a_part_printed_smaller_are_a_scaling_convention_not_an_error(tmp_path):
    """预算执行 20 分 and 绩效指标 80 分 printed, the rows weighing 100: scored out of 100 and scaled ×0.8 — a
    convention the form does not state. One warning naming it; neither '应为 90' nor '80 ≠ 100' as certain."""
    scaled = (SECTION_FORM.replace("预算执行情况（10分）", "预算执行情况（20分）")
              .replace("完成情况（90分）", "完成情况（80分）").replace("90\t9", "90\t18")
              .replace("≥90%\t93\t10\t10", "≥90%\t93\t20\t20"))
    doc, findings = load(tmp_path, scaled, "自评表.txt")
    assert [(c.block, c.full_marks) for c in doc.self_evaluations[0].reported.block_claims] == [
        ("预算执行", 20), ("绩效指标", 80)]
    assert [f for f in findings if f.tier is Tier.ERROR] == []
    [warning] = [f for f in findings if f.rule in ("selfeval.s9_weight_total", "selfeval.section_points")]
    assert warning.tier is Tier.WARNING and "折算" in warning.message


# A workbook dumped cell by cell into one line, the figures of several indicator rows bunched before their names:
# the first row's name, then the header's words with its 指标值 among them, its other figures and its 偏差原因; two
# rows in order; then the figures of the last two rows and of the 总分 row, and only after them those rows' names
# (each with the template's '指标1:' mark, a name broken by a space), the block captions letter-spaced and split.
BUNCHED_FIGURES = (
    "示例县村道保洁绩效自评表.xlsx\n"
    "示例县项目支出绩效自评表 (2030年度) 项目名称 村道保洁补助 主管部门 示例县交通运输局 项目资金 年初预算数 (万元) "
    "年度资金总额 其中:当年财政拨款 实施单位 全年预算数 全年执行数 分值 执行率 得分 40.00 38.00 10 95% 9 40.00 38.00 "
    "— 95% — 上年结转资金 — — 其他资金 — — 预期目标 实际完成情况 保持村道整洁 村道保洁覆盖全部行政村 年度总 体目标 "
    "一级 指标 二级指标 三级指标 数量指标 指标1:保洁村道里程 绩 效 指 标 示例县道路养护站 产出 指标 (50分 ) 实际 "
    "指标值 完成值 120公里 分值 得分 偏差原因分析及改进措 施 115公里 20 18 部分路段改建 暂停保洁 质量指标 "
    "指标1:保洁验收合格 率 100% 100% 20 20 时效指标 指标1:补助按月拨付 率 100% 100% 10 10 80% 80% 30 27 "
    "90% 90% 10 10 100 94 效益指 标(30 分) 年度 社会效益 指标1:村民出行环境改善 率 满意度 指标 服务对象满 "
    "指标1:村民满意 度 (10分 意度指标 ) 总分\n"
)


def test_bunched_indicator_figures_are_paired_with_their_names_when_the_points_add_up(tmp_path):
    doc, findings = load(tmp_path, BUNCHED_FIGURES)
    [se] = doc.self_evaluations
    assert [(i.level1, i.level2, i.name, i.initial_target.raw, i.actual.raw, i.weight, i.reported_score)
            for i in se.indicators] == [
        ("产出指标", "数量指标", "保洁村道里程", "120公里", "115公里", 20, 18),
        ("产出指标", "质量指标", "保洁验收合格率", "100%", "100%", 20, 20),
        ("产出指标", "时效指标", "补助按月拨付率", "100%", "100%", 10, 10),
        ("效益指标", "社会效益指标", "村民出行环境改善率", "80%", "80%", 30, 27),
        ("满意度指标", "满意度指标", "村民满意度", "90%", "90%", 10, 10)]
    assert se.indicators[0].deviation_reason == "部分路段改建暂停保洁"  # the words right after its figures
    assert any("按排列次序逐一对应读出" in p.message for p in doc.problems)  # how it was read is said
    assert not any("各指标行均未读取" in u.what for u in doc.reading.unread)
    # a target met as printed and scored below its points is the form's own inconsistency
    assert [(f.tier, f.location.row) for f in findings if f.rule == "selfeval.s2_quantitative_score"
            and f.tier is Tier.ERROR] == [(Tier.ERROR, "村民出行环境改善率")]


def test_bunched_indicator_figures_whose_points_do_not_add_up_stay_unread(tmp_path):
    # 20 + 20 + 10 + 30 + 10 + the budget's 10 is 100; with a 总分 of 90 which figure is which row is not settled
    for changed in (BUNCHED_FIGURES.replace(" 100 94 ", " 90 94 "), BUNCHED_FIGURES.replace("80% 80% 30 27", "80% 80% 30 31")):
        doc, findings = load(tmp_path, changed)
        [se] = doc.self_evaluations
        assert not se.indicators and any("各指标行均未读取" in u.what for u in doc.reading.unread)
        assert not [f for f in findings if f.rule.startswith(("selfeval.s2", "selfeval.s8", "goals."))]


# A report printed with its cover page: the title, the unit's name and the date, a note that this is the cover, then
# the title again (here with a space inside) over the body. One report, not two.
COVERED = (
    "2030年度示例区档案馆整体支出绩效自评报告\n"
    "部门(单位)名称:示例区档案馆\n"
    "2031年 5 月 20日\n"
    "(此页为封面)\n"
    "2030年度示例区档案馆整体支出 绩效自评报告\n"
    "一、部门基本情况\n"
    "示例区档案馆核定编制8名,实有8人。\n"
    "二、一般公共预算支出情况\n"
    "2030年全年预算数210.00万元,全年执行数205.80万元,预算执行率98%,自评得分95分。\n"
)


def test_a_report_title_repeated_after_its_cover_page_is_one_report(tmp_path):
    doc, _ = load(tmp_path, COVERED, "整体自评封面.txt")
    [se] = doc.self_evaluations
    assert se.is_department
    total = se.budget_total
    assert total is not None and (total.adjusted, total.executed) == (Decimal("2100000"), Decimal("2058000"))
    # a second report of the same title after figures were read is another report
    again = COVERED + COVERED.split("(此页为封面)\n", 1)[1].replace("210.00", "120.00").replace("205.80", "118.00")
    doc, _ = load(tmp_path, again, "整体自评两份.txt")
    assert len(doc.self_evaluations) == 2
