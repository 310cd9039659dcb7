"""Text copied out of web pages and viewers: each layout (own wording and figures) becomes the same rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.ingest.pipeline import load_document
from jixiao.ingest.source import Paragraph, Table, read_source, text_blocks

SANGONG_ROWS = [["项目", "预算数", "决算数"], ["合计", "8.5", "7.06"], ["因公出国(境)费", "", ""],
                ["公务接待费", "2.5", "1.96"], ["公务用车购置及运行维护费", "6", "5.1"]]


def tables(blocks) -> list[list[list[str]]]:
    return [[[t.replace(" ", "") for t in row.texts] for row in b.rows] for b in blocks if isinstance(b, Table)]


def paragraphs(blocks) -> list[str]:
    return [b.clean for b in blocks if isinstance(b, Paragraph)]


def test_pipe_rows_with_trailing_bar_and_cells_left_off():
    text = "\n".join([
        "示例县图书馆2022年度“三公”经费支出决算表", "单位:万元",
        "项 目 | 预 算 数 | 决 算 数 |", "合 计 | 8.5 | 7.06 |", "因公出国(境)费 | ||", "公务接待费 | 2.5 | 1.96 |",
        "公务用车购置及运行维护费 | 6 | 5.1 |", "公务用车购置费 |", "说明：本单位无车辆购置。"])
    blocks = text_blocks(text, "t.txt")
    [table] = tables(blocks)
    assert table[:5] == SANGONG_ROWS
    assert table[5] == ["公务用车购置费"]  # a row whose other cells were left off stays a row
    assert paragraphs(blocks)[-1] == "说明：本单位无车辆购置。"


def test_markdown_table_drops_its_rule_row():
    text = "| 项目 | 预算数 | 决算数 |\n|:---|---:|---:|\n| 合计 | 8.5 | 7.06 |\n"
    assert tables(text_blocks(text, "t.md")) == [[["项目", "预算数", "决算数"], ["合计", "8.5", "7.06"]]]


def test_one_cell_per_line_rows_opened_by_lone_bars():
    rows = [[c or "0" for c in row] for row in SANGONG_ROWS]  # this layout writes zeros, never an empty cell
    text = "单位:万元\n" + "\n".join(line for row in rows for line in ["|", *[f"{c} |" for c in row]])
    assert tables(text_blocks(text, "t.txt")) == [rows]


def test_one_cell_per_line_table_rebuilt_from_its_column_number_row():
    grid = [["项目", "行次", "金额", "项目", "行次", "金额"], ["栏次", "", "1", "栏次", "", "2"],
            ["一、一般公共预算财政拨款收入", "1", "412.80", "一、教育支出", "30", "400.00"],
            ["", "", "", "二、卫生健康支出", "31", "12.80"], ["本年收入合计", "28", "412.80", "本年支出合计", "58", "412.80"]]
    text = "公开01表\n金额单位:万元\n" + "\n".join(f"{c} |" if c else "|" for row in grid for c in row) + "\n说明：无。\n"
    blocks = text_blocks(text, "t.txt")
    assert tables(blocks) == [grid]
    assert paragraphs(blocks) == ["公开01表", "金额单位:万元", "说明：无。"]
    row = next(b for b in blocks if isinstance(b, Table)).rows[2]
    assert (row.cells[2].location.line, row.cells[2].location.row, row.cells[2].location.column) == (17, "3", "3")


FORM_TOKENS = [
    "项目支出绩效自评表（2022年度）", "项目名称", "乡村道路养护", "主管部门", "示例县交通运输局", "实施单位 （盖章）",
    "示例县公路养护中心", "资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
    "合计", "120", "118", "112.1", "10", "95%", "9.5", "其中：财政拨款", "120", "118", "112.1", "", "", "",
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
    "产出指标", "数量指标", "养护里程", "≥85公里", "86公里", "25", "25", "",
    "质量指标", "路面完好率", "≥92%", "94%", "25", "25", "",
    "效益指标", "社会效益指标", "通行条件", "改善", "明显改善", "30", "30", "",
    "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥88%", "90%", "10", "10", "",
    "自评结论", "总得分 99.5 分，属于“优”。",
]


def check_form(path: Path) -> None:
    doc, errors = load_document(path)
    assert doc is not None and errors == [], errors
    assert (doc.kind.value, doc.unit, doc.year) == ("self_evaluation", "示例县公路养护中心", 2022)
    [evaluation] = doc.self_evaluations
    assert evaluation.project.name == "乡村道路养护"
    assert evaluation.project.department.name == "示例县交通运输局"
    assert next((b.source, b.adjusted, b.executed) for b in evaluation.budget_lines) == ("合计", 118, Decimal("112.1"))
    assert [(i.level1, i.level2, i.name, i.weight, i.reported_score) for i in evaluation.goal.indicators] == [
        ("产出指标", "数量指标", "养护里程", 25, 25), ("产出指标", "质量指标", "路面完好率", 25, 25),
        ("效益指标", "社会效益指标", "通行条件", 30, 30), ("满意度指标", "服务对象满意度指标", "沿线群众满意度", 10, 10)]
    assert (evaluation.reported.total, evaluation.reported.grade) == (Decimal("99.5"), "优")


def test_form_one_cell_per_line_is_rebuilt_from_its_labels(tmp_path):
    path = tmp_path / "form.txt"
    path.write_text("\n".join(f"{t} |" if t else "|" for t in FORM_TOKENS) + "\n", encoding="utf-8")
    check_form(path)
    source, _ = read_source(path)
    assert "实施单位：示例县公路养护中心" in paragraphs(source.blocks)
    budget = tables(source.blocks)[0]
    assert budget[2] == ["其中：财政拨款", "120", "118", "112.1", "", "", ""]  # empty cells keep their columns


def test_form_flattened_into_one_line_is_rebuilt_from_its_labels(tmp_path):
    path = tmp_path / "form.txt"
    preamble = "乡村道路养护自评表.docx\n索引号: 11-22/2023-0007\n发布日期: 2023-04-12\n"
    path.write_text(preamble + " ".join(t for t in FORM_TOKENS if t) + "\n", encoding="utf-8")
    check_form(path)
    source, _ = read_source(path)
    assert tables(source.blocks)[1][2] == ["质量指标", "路面完好率", "≥92%", "94%", "25", "25"]


def test_site_preamble_decides_neither_unit_nor_year(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("\n".join([
        "首页 > 信息公开 > 财政预决算", "- 索引号: 0093/2024-00031", "- 发布机构: 示例市财政局", "- 发布日期: 2024-09-18",
        "字号:[ 大 中 小 ]  打印本页", "示例县水利局2023年度部门决算", "一、收入支出决算总体情况说明",
        "2023年度收入总计512.00万元，支出总计512.00万元。"]), encoding="utf-8")
    doc, _ = load_document(path)
    assert (doc.kind.value, doc.unit, doc.year) == ("disclosure", "示例县水利局", 2023)
    assert not any("发布" in p or "索引号" in p for p in paragraphs(doc.source.blocks))


def test_traditional_text_and_inserted_pinyin_read_as_simplified(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("\n".join([
        "示例縣文化館2022年度一般公共預(yù)算財政撥款“三公”經(jīng)費支出決算表", "單位:萬元",
        "項 目 | 預 算 數(shù) | 決 算 數(shù) |", "合 計 | 3.2 | 2.75 |", "公務接待費 | 3.2 | 2.75 |",
        "因公出國(境)費 | ||"]), encoding="utf-8")
    doc, _ = load_document(path)
    assert (doc.kind.value, doc.unit, doc.year) == ("disclosure", "示例县文化馆", 2022)
    assert paragraphs(doc.source.blocks)[0] == "示例县文化馆2022年度一般公共预算财政拨款“三公”经费支出决算表"
    assert tables(doc.source.blocks) == [[["项目", "预算数", "决算数"], ["合计", "3.2", "2.75"],
                                         ["公务接待费", "3.2", "2.75"], ["因公出国(境)费", "", ""]]]


def test_simplified_text_is_left_exactly_as_it_is(tmp_path):
    path = tmp_path / "page.txt"
    text = "乾县档案馆2023年度部门决算\n著录档案1200卷，于年内完成。\n"
    path.write_text(text, encoding="utf-8")
    source, _ = read_source(path)
    assert paragraphs(source.blocks) == ["乾县档案馆2023年度部门决算", "著录档案1200卷，于年内完成。"]


def test_cells_separated_by_blank_lines_with_a_column_number_row(tmp_path):
    grid = [["项目", "行次", "金额", "项目", "行次", "金额"], ["栏次", "", "1", "栏次", "", "2"],
            ["一、一般公共预算财政拨款收入", "1", "96.30", "一、农林水支出", "30", "96.30"],
            ["本年收入合计", "28", "96.30", "本年支出合计", "58", "96.30"]]
    cells = ["收入", "支出"] + [c for row in grid for c in row]
    lines = ["收入支出决算总表", "", "公开01表", "", "部门:示例县农技站", "", "金额单位:万元", ""]
    for cell in cells:
        lines += [cell, ""] if cell else [""]  # an empty cell is one more blank line
    lines += ["第三部分 情况说明", "本年度收入合计96.30万元，全部为财政拨款，与上年持平，没有结转结余。"]
    path = tmp_path / "d01.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    source, _ = read_source(path)
    assert tables(source.blocks) == [grid]
    assert paragraphs(source.blocks)[:6] == ["收入支出决算总表", "公开01表", "部门:示例县农技站", "金额单位:万元", "收入", "支出"]
    doc, _ = load_document(path)
    assert (doc.kind.value, doc.unit) == ("disclosure", "示例县农技站")
    assert [r.cells["amount"].value for r in doc.disclosure.tables["D01"].rows][:2] == [Decimal("963000"),
                                                                                       Decimal("963000")]


def test_blank_separated_short_lines_without_column_numbers_stay_paragraphs():
    text = "\n\n".join(["一、部门职责", "负责全县农业技术推广。", "二、机构设置", "内设三个股室。"] * 4)
    blocks = text_blocks(text, "t.txt")
    assert tables(blocks) == [] and len(paragraphs(blocks)) == 16


# A 项目支出绩效自评表 saved from Word one cell per paragraph (own wording and figures): a blank line between
# cells, a line of one space for an empty cell, '(万元)' on the line under 项目资金, headers and levels broken
# over two paragraphs ('年初' / '预算数', '经济效益' / '指标'), the merged 一级/二级 cells left out of the rows
# below them and unfilled template rows ('指标2', '……').
PARAGRAPH_FORM = [
    "示例县第二小学操场翻新经费 绩效自评表", "附件2", "项目支出绩效自评表", "(2022年度)",
    "项目名称", "示例县第二小学操场翻新经费", "主管部门", "示例县教育局", "实施单位", "示例县第二小学",
    "项目资金\n(万元)", " ", "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
    "年度资金总额", "50", "48", "45.6", "10", "95%", "9.5",
    "其中:当年财政拨款", "50", "48", "45.6", " ", "上年结转资金", " ", " ", " ", " ",
    "年度总体目标", "预期目标", "实际完成情况", "完成操场翻新", "已完成",
    "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因分析及改进措施",
    "产出指标", "数量指标", "指标1翻新面积", "≥3000平方米", "3200", "20", "20", " ",
    "指标2", " ", " ", " ", " ", " ", "……", " ", " ", " ", " ", " ",
    "质量指标", "指标1验收合格率", "=100%", "100%", "20", "20", " ",
    "指标2场地平整度", "≥95%", "96%", "10", "10", " ",
    "效益指标", "社会效益", "指标", "指标1学生体育活动时长", "≥1小时/天", "1.2", "20", "18", "雨季影响使用",
    "满意度", "指标", "服务对象满意度指标", "指标1师生满意度", "≥90%", "93%", "10", "10", " ",
    "评价结论", "项目按期完成。",
]


def test_form_saved_one_cell_per_paragraph_is_rebuilt_from_its_labels(tmp_path):
    path = tmp_path / "form.txt"
    path.write_text("\n\n".join(PARAGRAPH_FORM) + "\n", encoding="utf-8")
    doc, _ = load_document(path)
    [se] = doc.self_evaluations
    assert se.project.name == "示例县第二小学操场翻新经费"
    assert [(b.source, b.initial, b.adjusted, b.executed, b.reported_rate, b.reported_score)
            for b in se.budget_lines[:2]] == [
        ("年度资金总额", Decimal("500000"), Decimal("480000"), Decimal("456000"), Decimal("95"), Decimal("9.5")),
        ("其中:当年财政拨款", Decimal("500000"), Decimal("480000"), Decimal("456000"), None, None)]  # in 万元
    assert [(i.level1, i.level2, i.name, i.target.raw if i.target else None, i.weight, i.reported_score)
            for i in se.indicators] == [
        ("产出指标", "数量指标", "翻新面积", "≥3000平方米", Decimal(20), Decimal(20)),
        ("产出指标", "质量指标", "验收合格率", "=100%", Decimal(20), Decimal(20)),
        ("产出指标", "质量指标", "场地平整度", "≥95%", Decimal(10), Decimal(10)),  # no 一级/二级 cell of its own
        ("效益指标", "社会效益指标", "学生体育活动时长", "≥1小时/天", Decimal(20), Decimal(18)),
        ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", Decimal(10), Decimal(10))]
    assert se.indicators[3].deviation_reason == "雨季影响使用"
    assert not doc.problems  # every cell placed: the unfilled '指标2' / '……' rows are no indicators


def test_blank_separated_short_paragraphs_with_few_form_words_stay_paragraphs():
    text = "\n\n".join(["项目名称", "示例", "主管部门", "示例县教育局", "备注", "12", "另见附件", "3"] * 2)
    blocks = text_blocks(text, "t.txt")
    assert tables(blocks) == []
