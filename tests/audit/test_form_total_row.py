"""The 总分 row of a project's self-evaluation form against the scores it adds up (selfeval.s10_total_row), in the
layouts the form reader knows: a grid row '总分 | 100 | 97' under the 分值 and 得分 columns, one cell '总分：97', a
row whose cells fell apart into paragraphs, a workbook dumped cell by cell (figures bunched before their names) and a
form whose cells were run together ('总分10098'). Wording and figures are this file's own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests.ingest.test_selfeval_lost_separators import GLUED_FORMS, MERGED_TWO_TIER
from tests.ingest.test_selfeval_real_layouts import BUNCHED_FIGURES

RULE = "selfeval.s10_total_row"

HEAD = ("项目支出绩效自评表\n（2031年度）\n项目名称：示例镇河道保洁\n主管部门：示例镇人民政府\n实施单位：示例镇农业服务中心\n"
        "金额单位：万元\n资金来源\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "年度资金总额\t50\t50\t45\t10\t90%\t9\n其中：当年财政拨款\t50\t50\t45\t—\t—\t—\n\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        "产出指标\t数量指标\t保洁河道长度\t≥12公里\t12公里\t30\t30\t\n"
        "产出指标\t质量指标\t保洁验收合格率\t≥95%\t96%\t20\t20\t\n"
        "效益指标\t生态效益指标\t河道水面整洁程度\t明显改善\t达成预期指标\t30\t28\t部分河段汛期漂浮物增多\n"
        "满意度指标\t服务对象满意度指标\t沿河群众满意度\t≥90%\t93%\t10\t10\t\n")
GRID = HEAD + "总分\t\t\t\t\t100\t97\t\n"  # 9 + 30 + 20 + 28 + 10


def audited(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "自评表.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, audit_document(doc, load_profile("central"))


def total_findings(tmp_path: Path, text: str) -> list[tuple[Tier, str]]:
    _, result = audited(tmp_path, text)
    return [(f.tier, f.message) for f in result.findings if f.rule == RULE]


def outcome(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    _, result = audited(tmp_path, text)
    return next(o for o in result.outcomes if o.rule == RULE)


def test_a_grid_total_row_is_read_under_its_columns_and_holds(tmp_path):
    doc, result = audited(tmp_path, GRID)
    total = doc.self_evaluations[0].reported.form_total
    assert (total.points, total.score, total.inferred) == (Decimal(100), Decimal(97), "")
    assert next(o for o in result.outcomes if o.rule == RULE).status.value == "held"
    assert [f for f in result.findings if f.tier is not Tier.NOTICE] == []


def test_a_total_beyond_rounding_of_every_score_read_is_an_error(tmp_path):
    [(tier, message)] = total_findings(tmp_path, GRID.replace("\t100\t97\t", "\t100\t99\t"))
    assert tier is Tier.ERROR
    assert "总分行得分 99 分" in message and "9 + 各指标得分合计 88 = 97 分" in message


def test_a_total_that_only_rounds_the_scores_is_a_notice(tmp_path):
    text = GRID.replace("\t30\t28\t", "\t30\t27.6\t")  # 9 + 87.6 = 96.6, printed 97
    [(tier, message)] = total_findings(tmp_path, text)
    assert tier is Tier.NOTICE and "四舍五入" in message


def test_a_row_whose_score_was_not_read_makes_the_difference_a_warning_naming_it(tmp_path):
    text = GRID.replace("93%\t10\t10\t", "93%\t10\t/\t")
    [(tier, message)] = total_findings(tmp_path, text)
    assert tier is Tier.WARNING and "沿河群众满意度" in message and "得分未读到" in message


def test_the_score_alone_in_the_labels_cell(tmp_path):
    doc, _ = audited(tmp_path, HEAD + "\n总分：97\n")
    total = doc.self_evaluations[0].reported.form_total
    assert (total.points, total.score) == (None, Decimal(97))
    assert outcome(tmp_path, HEAD + "\n总分：97\n").status.value == "held"
    [(tier, _)] = total_findings(tmp_path, HEAD + "\n总分：95\n")
    assert tier is Tier.ERROR


def test_a_form_without_a_total_row_is_not_applicable(tmp_path):
    found = outcome(tmp_path, HEAD)
    assert found.status.value == "not_applicable" and "未印总分行" in found.reason


def test_a_total_row_whose_cells_fell_apart_into_paragraphs(tmp_path):
    # '| 其他需要说明事项 | 无 | 总分 | 100 | 98 | 优 |': 10 + 20 + 20 + 28 + 10 + 10
    doc, _ = audited(tmp_path, MERGED_TWO_TIER)
    total = doc.self_evaluations[0].reported.form_total
    assert (total.points, total.score) == (Decimal(100), Decimal(98))
    assert outcome(tmp_path, MERGED_TWO_TIER).status.value == "held"
    [(tier, _)] = total_findings(tmp_path, MERGED_TWO_TIER.replace("| 总分 | 100 | 98 |", "| 总分 | 100 | 93 |"))
    assert tier is Tier.ERROR


def test_a_bunched_form_whose_total_adds_the_unrounded_execution_score_is_a_notice(tmp_path):
    # the workbook prints the execution score 9 (38 ÷ 40 × 10 = 9.5) and its total adds 9.5: 9.5 + 84 = 93.5 → 94
    text = BUNCHED_FIGURES.replace("80% 80% 30 27", "80% 80% 30 26")
    doc, _ = audited(tmp_path, text)
    assert doc.self_evaluations[0].reported.form_total.inferred  # read by the order of its figures
    [(tier, message)] = total_findings(tmp_path, text)
    assert tier is Tier.NOTICE and "未取整的预算执行得分 9.50 分" in message and "93.50" in message


def test_a_bunched_form_read_by_the_order_of_its_figures_gives_a_warning_not_an_error(tmp_path):
    assert outcome(tmp_path, BUNCHED_FIGURES).status.value == "held"  # 9 + 85 = 94
    text = BUNCHED_FIGURES.replace("80% 80% 30 27", "80% 80% 30 24")  # 9 + 82 = 91, printed 94
    [(tier, message)] = total_findings(tmp_path, text)
    assert tier is Tier.WARNING and "按排列次序" in message


def test_a_run_together_total_is_split_by_its_points(tmp_path):
    doc, _ = audited(tmp_path, GLUED_FORMS)
    total = doc.self_evaluations[0].reported.form_total
    assert (total.points, total.score) == (Decimal(100), Decimal(98)) and "10098" in total.inferred
    # no execution score printed: 23.2 ÷ 25.8 × 10 = 8.99, and 8.99 + 90 = 98.99 cut to 98
    [(tier, message)] = total_findings(tmp_path, GLUED_FORMS)
    assert tier is Tier.NOTICE and "截尾" in message and "按执行率计算为 8.99 分" in message
    [(tier, _)] = total_findings(tmp_path, GLUED_FORMS.replace("总分10098", "总分10093"))
    assert tier is Tier.WARNING


def test_a_total_the_report_text_already_states_is_one_finding(tmp_path):
    text = (GRID.replace("\t100\t97\t", "\t100\t99\t")
            + "\n自评结论：预算执行情况得分 9 分，指标完成情况得分 88 分，总得分 99 分，属于“优”。\n")
    _, result = audited(tmp_path, text)
    assert [f.rule for f in result.findings if f.rule.startswith("selfeval.s10_total")] == ["selfeval.s10_total_parts"]


def test_a_wrong_row_score_the_total_does_not_add_is_one_finding_at_its_row(tmp_path):
    # the 12 km were cleaned as targeted: the row's 30 points are due, and the total (97) adds 30, not the 25 printed
    text = GRID.replace("12公里\t30\t30\t", "12公里\t30\t25\t宣传不足")
    _, result = audited(tmp_path, text)
    wrong = [(f.rule, f.tier) for f in result.findings if f.tier is not Tier.NOTICE]
    assert wrong == [("selfeval.s2_quantitative_score", Tier.ERROR)]
