"""The reading report: what was read, checked and not understood, with locations; three outcomes per rule; no
silent pass on a recognised document from which nothing was read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from jixiao.audit.catalogue import Context, NotApplicable, Rule, apply
from jixiao.audit.engine import audit_document
from jixiao.core.coverage import Status
from jixiao.core.finding import Finding, Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from jixiao.render.findings import reading_lines
from tests.builders import consistent_package, row

CENTRAL = load_profile("central")
EXTRA_TABLE = ["### 附表 重点工作资金安排", "",
               row("事项", "安排数", "完成数"), row("河道清淤", "12.50", "11.00"), row("路灯更换", "8.00", "8.00"), ""]


def load(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc, _ = load_document(path)
    assert doc is not None
    return doc


def with_extra_table(text: str) -> tuple[str, int]:
    """The package with a table of figures no extractor knows, before the 情况说明; and its first line."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "第三部分" in line)
    lines[at:at] = EXTRA_TABLE
    return "\n".join(lines), at + 3  # 1-based line of the table's first row


def test_consistent_package_reading_lists_tables_forms_and_checked_claims(tmp_path):
    doc = load(tmp_path, consistent_package())
    cov = audit_document(doc, CENTRAL).coverage
    assert cov is not None
    names = [t.name for t in cov.reading.tables]
    assert names[:10] == [t.label for t in doc.disclosure.tables.values()]
    assert "项目「道路维护项目」预算执行情况" in names
    d03 = next(t for t in cov.reading.tables if t.name.startswith("公开03"))
    assert (d03.unit, d03.rows) == ("万元", len(doc.disclosure.tables["D03"].rows))
    assert "基本支出" in d03.columns
    assert [f.projects for f in cov.reading.forms] == [("道路维护项目", "土地整理项目")]
    assert cov.reading.year == 2024 and cov.reading.unit == "测试区管理委员会"
    # Every sentence with figures in this 情况说明 is compared by some rule.
    assert cov.checked_claims == len(cov.reading.claims) > 20 and not cov.unchecked


def test_a_sentence_no_rule_checks_is_listed_as_unchecked_with_its_line(tmp_path):
    text = consistent_package().replace("公务接待费支出0万元，与上年相同", "公务接待费支出0万元，与上年相同。全年培训费支出2.40万元")
    cov = audit_document(load(tmp_path, text), CENTRAL).coverage
    assert cov is not None
    [left] = cov.unchecked
    assert left.kind == "claim" and left.what.startswith("未核对：全年培训费支出2.40万元，")
    assert left.location.line == text[: text.index("培训费支出2.40万元")].count("\n") + 1
    assert cov.checked_claims == len(cov.reading.claims) - 1


def test_a_table_no_extractor_reads_is_listed_with_its_location(tmp_path):
    text, line = with_extra_table(consistent_package())
    doc = load(tmp_path, text)
    [table] = [u for u in doc.reading.unread if u.kind == "table"]
    assert table.location.line == line
    assert "河道清淤" not in table.what and "事项 安排数 完成数" in table.what  # first row, 3 rows × 3 columns
    assert "3 行 × 3 列" in table.what
    lines = reading_lines(audit_document(doc, CENTRAL).coverage)
    assert any(f"第 {line} 行" in entry and "表格未被识别" in entry for entry in lines)
    # Without the extra table nothing is reported unread as a table.
    assert not [u for u in load(tmp_path, consistent_package(), "clean.txt").reading.unread if u.kind == "table"]


def test_a_paragraph_with_figures_no_extractor_reads_is_listed(tmp_path):
    lines = consistent_package().split("\n")
    at = next(i for i, line in enumerate(lines) if "第三部分" in line)
    lines[at:at] = ["本单位年末实有人员 35 人，较上年增加 2 人。", ""]
    doc = load(tmp_path, "\n".join(lines))
    [paragraph] = [u for u in doc.reading.unread if u.kind == "paragraph"]
    assert paragraph.location.line == at + 1 and "实有人员 35 人" in paragraph.what


# A form whose cells were run into one paragraph, each amount right after its unit caption: a sentence reader
# sees no figure in it ('(万元)56.8' has its unit before it), so it must still be listed as not read.
GLUED_FORM = ("# 示例县财政支出项目绩效评价报告\n\n"
              "1、示例县财政支出项目绩效评价报告项目名称2023年度路灯维护经费项目实施单位示例县路灯管理所"
              "评价方式:部门评价一、项目基本信息项目负责人王五计划安排资金(万元)56.8实际到位资金(万元)56.8"
              "其中:市县财政56.8实际支出(万元)55.2二、支出明细情况支出内容\n")


def test_amounts_after_their_unit_caption_in_a_glued_form_are_listed(tmp_path):
    doc = load(tmp_path, GLUED_FORM)
    [paragraph] = [u for u in doc.reading.unread if u.kind == "paragraph"]
    assert paragraph.location.line == 3 and paragraph.what.startswith("段落中有 3 个写在单位之后的金额")
    assert "(万元)56.8" in paragraph.what
    # a caption with no amount after it is no figure
    words = load(tmp_path, GLUED_FORM.replace("56.8", "").replace("55.2", ""), "words.txt")
    assert not [u for u in words.reading.unread if u.kind == "paragraph"]


# A 三公 section whose table was flattened one cell per line with blank lines between, in a shape no layout
# rebuilds (rows of unequal length): the bare figures state nothing a sentence reader checks.
CELLS_LEFT_AS_LINES = "\n\n".join([
    "示例县档案馆2023年度“三公”经费支出决算公开", "一、“三公”经费支出决算表", "单位:万元",
    "4.20", "3.10", "2.05", "公务接待费", "2.70", "公务用车运行维护费", "0.60", "0.45", "因公出国(境)费",
    "二、情况说明", "本单位2023年度“三公”经费支出决算为3.10万元。"])


def test_figures_left_as_lines_of_their_own_are_listed_as_one_unread_table(tmp_path):
    doc = load(tmp_path, CELLS_LEFT_AS_LINES)
    runs = [u for u in doc.reading.unread if "单独成行的数字" in u.what]
    assert len(runs) == 1 and runs[0].kind == "table"
    assert runs[0].location.line == 7 and runs[0].what.startswith("6 个")  # the first figure's line; six figures


# A self-evaluation form taken out of a PDF as text fragments on one line: labels and their figures apart, the
# criteria's words between the scores (own wording and figures). The figures are the words of one line, not lines.
FRAGMENTS_ON_ONE_LINE = "\n".join([
    "示例县2031年度公路养护项目自评表.pdf",
    "示例县财政预算支出项目绩效目标自评表 填报日期:2032 年 3 月 5 项目名称 项目主管单 位 自评总分: 88 项目实施单位 示例县公路站 "
    "项目负责人 张某 中央 省、地 本级 其他 合计 执行数 执行 (万元) (万元) (万元) 率 120 120 来源 项目年度目 标 单位领导审签: "
    "公路养护项目 项目属性 项目资金 日 120 100 % 项目权重 评价内容 分值 自评分 项目决策 2 分 决策依据 2 2 复核分 评价标准及依据 "
    "有计划得 2 分 财务制度 3 3 项目管理 13 分 2 2 运行监管 4 4 目标申报 4 3 数量指标 15 分",
])


def test_figures_of_a_form_on_one_line_out_of_order_are_named_as_that_line(tmp_path):
    doc = load(tmp_path, FRAGMENTS_ON_ONE_LINE)
    [run] = [u for u in doc.reading.unread if u.kind == "table" and "排成一行的表格" in u.what]
    assert run.location.line == 2 and "文字次序" in run.what and "单独成行" not in run.what


# A budget workbook flattened into one line: the second half's header lands among the first half's items, so
# which item a figure belongs to cannot be told from the text (own wording and figures).
FLAT_BUDGET = "\n".join([
    "示例局2025年部门预算公开表", "",
    "示例局 2025年部门预算 表1 部门收支总表 单位:万元 收 项 入 目 支 2025年预算数 项 出 目 一、一般公共预算拨款收入 "
    "2,310.20 一、一般公共服务支出 二、事业收入 二、教育支出 三、其他收入 三、科学技术支出 2025年预算数 1,905.10 "
    "四、卫生健康支出 405.10 本 年 收 入 合 计 2,310.20 本 年 支 出 合 计 2,310.20 表1-1 部门收入总表 单位:万元"])


def test_a_table_flattened_into_one_line_is_listed_unread_with_its_title(tmp_path):
    # a table jixiao does not read (部门支出总表): its line is listed with its title, not passed over
    doc = load(tmp_path, FLAT_BUDGET.replace("部门收支总表", "部门支出总表"))
    [flat] = [u for u in doc.reading.unread if "排成一行的表格" in u.what]
    assert flat.kind == "table" and flat.location.line == 3 and "表1 部门支出总表" in flat.what
    # the 部门收支总表 is read; the figure after the displaced 预算数 is listed unread on each row it may be in
    doc = load(tmp_path, FLAT_BUDGET)
    assert not [u for u in doc.reading.unread if "排成一行的表格" in u.what]
    assert [t.name for t in doc.reading.tables] == ["部门收支总表"]
    assert sorted(u.location.row for u in doc.reading.unread if "1,905.10或空" in u.what) == [
        "一般公共服务支出", "教育支出", "科学技术支出"]
    # a sentence with a year and a page number is not a table
    assert not [u for u in load(tmp_path, "示例局2025年部门预算公开表\n\n第 2 页 共 46 页 2025 年 12 月").reading.unread
                if "排成一行的表格" in u.what]


def test_a_lone_figure_among_sentences_is_no_table(tmp_path):
    text = CELLS_LEFT_AS_LINES.replace("3.10\n\n2.05\n\n公务接待费\n\n2.70\n\n公务用车运行维护费\n\n0.60\n\n0.45\n\n", "")
    assert not [u for u in load(tmp_path, text).reading.unread if "单独成行的数字" in u.what]


def test_cells_that_are_not_amounts_are_listed(tmp_path):
    text = consistent_package().replace("300.00", "三百", 1)
    doc = load(tmp_path, text)
    cells = [u for u in doc.reading.unread if u.kind == "cell"]
    assert any("“三百”不是金额" in u.what and u.location.table.startswith("公开") for u in cells)


def test_rule_outcomes_are_held_broken_or_not_applicable_with_a_reason(tmp_path):
    doc = load(tmp_path, consistent_package().replace("保有量共1辆", "保有量共2辆"))
    pkg = doc.disclosure
    doc = replace(doc, disclosure=replace(pkg, tables={k: v for k, v in pkg.tables.items() if k != "D05"}))
    result = audit_document(doc, CENTRAL)
    by_rule = {(o.rule, o.subject): o for o in result.outcomes}
    general = by_rule[("disclosure.r14_r17_general_budget", "决算公开表和说明")]
    assert (general.status, general.reason) == (Status.NOT_APPLICABLE, "缺少公开05表")
    assert by_rule[("crosssection.vehicles", "决算公开表和说明")].status is Status.BROKEN
    assert by_rule[("disclosure.r01_income_total", "决算公开表和说明")].status is Status.HELD
    assert by_rule[("keyeval.total", "文档")].reason == "文档中没有绩效评价评分表"
    counts = result.coverage.counts()
    assert counts["broken"] >= 1 and counts["not_applicable"] >= 5 and counts["held"] > 20
    assert any("缺少公开05表" in line for line in reading_lines(result.coverage))


def test_a_check_can_say_it_does_not_apply():
    def check(subject: object, ctx: Context) -> Iterator[Finding | NotApplicable]:
        if subject is None:
            yield NotApplicable("没有数据")
            return
        yield Finding("t.rule", Tier.ERROR, "错")

    rule_ = Rule("t.rule", "测试", Tier.ERROR, "测试", "", "document", check)
    ctx = Context(profile=CENTRAL)
    assert apply(rule_, None, ctx)[1].status is Status.NOT_APPLICABLE
    assert apply(rule_, None, ctx)[1].reason == "没有数据"
    findings, outcome = apply(rule_, 1, ctx)
    assert (len(findings), outcome.status, outcome.findings) == (1, Status.BROKEN, 1)
    declared = replace(rule_, applies=lambda subject: "不适用的原因")
    assert apply(declared, 1, ctx) == ([], replace(outcome, status=Status.NOT_APPLICABLE, reason="不适用的原因",
                                                   findings=0))


def test_a_recognised_document_with_nothing_read_gets_a_warning(tmp_path):
    doc = load(tmp_path, "# 2024年度项目支出绩效自评表\n\n项目名称：道路维护项目\n\n本项目按计划实施，效果良好。\n")
    assert doc.kind.value == "self_evaluation" and not doc.self_evaluations
    result = audit_document(doc, CENTRAL)
    [finding] = [f for f in result.findings if f.rule == "reading.nothing_read"]
    assert finding.tier is Tier.WARNING and finding.message.startswith("未能读取项目支出绩效自评表")
    assert finding.location.document == doc.path
    assert result.coverage.checked_phrase().startswith("已核对 0 张表 0 行、0 条说明数据")


@pytest.mark.parametrize(("text", "kind", "missing"), [
    ("# 2024年度部门决算公开\n\n部门名称：测试局\n\n本部门无公开内容。\n", "disclosure", "决算公开表"),
    ("# 2024年度部门评价表\n\n项目名称：路灯维护\n\n评价工作已完成。\n", "key_evaluation", "绩效评价评分表"),
])
def test_an_empty_document_gets_the_warning_and_a_full_one_does_not(tmp_path, text, kind, missing):
    empty = load(tmp_path, text, "empty.txt")
    assert empty.kind.value == kind
    [finding] = audit_document(empty, CENTRAL).findings
    assert finding.rule == "reading.nothing_read" and finding.message.startswith(f"未能读取{missing}")
    full = load(tmp_path, consistent_package(), "full.txt")
    assert "reading.nothing_read" not in [f.rule for f in audit_document(full, CENTRAL).findings]


def test_json_coverage_structure(tmp_path):
    text, line = with_extra_table(consistent_package())
    payload = audit_document(load(tmp_path, text), CENTRAL).coverage.to_dict()
    assert set(payload) >= {"kind", "kind_evidence", "unit", "year", "tables", "sections", "projects", "checks",
                            "unread", "summary"}
    assert payload["kind"] == "部门决算公开" and payload["year"] == 2024
    assert {"name", "unit", "rows", "columns", "location"} <= set(payload["tables"][0])
    assert {p["name"] for p in payload["projects"]} == {"道路维护项目", "土地整理项目"}
    assert all({"title", "claims", "checked", "location"} <= set(s) for s in payload["sections"])
    assert {"held", "broken", "not_applicable", "merged"} == set(payload["checks"]["counts"])
    na = {e["rule"]: e["reasons"] for e in payload["checks"]["not_applicable"]}
    assert na["keyeval.total"] == ["文档中没有绩效评价评分表"]
    assert any(e["rule"] == "disclosure.r01_income_total" for e in payload["checks"]["applied"])
    [table] = [u for u in payload["unread"] if u["kind"] == "table"]
    assert table["location"]["line"] == line


def test_narrative_rules_do_not_apply_to_tables_without_a_narrative(tmp_path):
    lines = consistent_package().split("\n")
    start = next(i for i, line in enumerate(lines) if "情况说明" in line and "第三部分" in line)
    end = next(i for i, line in enumerate(lines) if "名词解释" in line)
    result = audit_document(load(tmp_path, "\n".join(lines[:start] + lines[end:])), CENTRAL)
    by_rule = {o.rule: o for o in result.outcomes if o.subject == "决算公开表和说明"}
    for rule_id in ("narrative.n1_amount_vs_table", "narrative.n2_percentages", "narrative.parts_total",
                    "crosssection.vehicles"):
        assert (by_rule[rule_id].status, by_rule[rule_id].reason) == (Status.NOT_APPLICABLE, "缺少情况说明文字")
    assert by_rule["disclosure.r01_income_total"].status is Status.HELD


def test_a_sentence_checked_in_part_is_counted_as_such_and_its_rest_listed(tmp_path):
    """The counts and the list say the same: a sentence some of whose figures no rule compared is counted as checked
    in part, and each figure left is listed as 未核对."""
    text = consistent_package().replace("公务接待费支出0万元，与上年相同", "公务接待费支出0万元，与上年相同，全年培训费支出2.40万元")
    cov = audit_document(load(tmp_path, text), CENTRAL).coverage
    assert cov is not None
    [left] = cov.unchecked
    assert left.what.startswith("未核对：培训费") and "2.40万元" in left.what
    assert cov.checked_claims == len(cov.reading.claims) and cov.partly_checked_claims == 1
    assert "（其中 1 条部分核对）" in cov.checked_phrase()
    assert sum(s["partly"] for s in cov.to_dict()["sections"]) == 1


def test_a_share_printed_without_its_figure_is_reported_missing(tmp_path):
    """'占…%' with no number is a blank, not a zero: listed with its line; a unit caption '执行率(%)' is not."""
    text = consistent_package().replace("公务接待费支出0万元，与上年相同", "公务接待费支出0万元，占三公经费 %，与上年相同")
    cov = audit_document(load(tmp_path, text), CENTRAL).coverage
    assert cov is not None
    [blank] = [u for u in cov.not_read if "百分比未写数字" in u.what]
    assert "占三公经费%" in blank.what and blank.location.line == text[: text.index("占三公经费 %")].count("\n") + 1
    clean = audit_document(load(tmp_path, consistent_package(), "clean.txt"), CENTRAL).coverage
    assert clean is not None and not [u for u in clean.not_read if "百分比未写数字" in u.what]
