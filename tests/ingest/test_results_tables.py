"""Tables of evaluation results (each project's amount, score, grade), printed as a table or one cell per line:
columns by header text, blank cells left blank (values never shift), a cut row reported, a total row kept apart."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document, parse_kind
from jixiao.ingest.results import extract_results
from jixiao.ingest.source import Paragraph
from tests.audit.test_mutations import CENTRAL

INTRO = "现将本局2023年度专项资金项目绩效评价情况公示如下：\n"
PIPE = (INTRO + "本局2023年度专项资金项目绩效评价情况表\n"
        "序号 | 实施单位 | 项目名称 | 资金金额(万元) | 评价得分 | 评价等级 | 备注 |\n"
        "1 | 甲街道办事处 | 河道清淤工程 | 120.5 | 88 | 良 | 重点评价 |\n"
        "2 | 乙镇人民政府 | 村道硬化工程 | 64 | {score} | 优 | 单位自评 |\n")
# one cell per line, blank lines between; the grade column printed empty, then a 合计 row with blank cells
FLAT = ("我单位今年新增专项债券项目2个，争取债券资金0.75亿元，自评结果如下：\n\n"
        "新增专项债券项目绩效评价表（单位：亿元）\n\n序号\n\n项目名称\n\n债券类型\n\n债券规模\n\n自评分数\n\n自评等级\n\n"
        "滨江体育馆建设工程\n\n社会事业专项债券\n\n0.3\n\n93.5\n\n"
        "城北学校扩建工程\n\n社会事业专项债券\n\n0.45\n\n90\n\n合计\n\n{total}\n\n扫一扫在手机打开\n")


def _load(tmp_path, text, kind="绩效评价"):
    path = tmp_path / "results.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path, kind=parse_kind(kind))
    assert doc is not None, errors
    return doc


def _findings(tmp_path, text, kind="绩效评价", prefix="results."):
    return [f for f in audit_document(_load(tmp_path, text, kind), CENTRAL).findings if f.rule.startswith(prefix)]


def test_a_pipe_table_is_read_by_its_headers(tmp_path):
    [table] = _load(tmp_path, PIPE.format(score="92")).results
    assert table.unit == "万元"
    assert [(r.name, r.amount.text, r.score.value, r.grade) for r in table.rows] == [
        ("河道清淤工程", "120.5万元", Decimal(88), "良"), ("村道硬化工程", "64万元", Decimal(92), "优")]


def test_cells_one_per_line_with_an_empty_grade_column_and_a_total_row(tmp_path):
    doc = _load(tmp_path, FLAT.format(total="0.75"), kind="项目支出绩效自评")
    [table] = doc.results
    assert [(r.name, r.amount.text, r.score.text, r.grade) for r in table.rows] == [
        ("滨江体育馆建设工程", "0.3亿元", "93.5分", ""), ("城北学校扩建工程", "0.45亿元", "90分", "")]
    assert table.total is not None and table.total.amount.text == "0.75亿元"
    assert not any("逐格" in u.what or "单独成行" in u.what for u in doc.reading.unread)


def test_a_row_cut_short_is_reported_not_dropped(tmp_path):
    text = "复核评价情况如下：\n\n" + "\n\n".join(["序号", "单位", "项目", "评价档次", "1", "丙局", "档案数字化", "良好", "2",
                                             "丁中心"]) + "\n"
    doc = _load(tmp_path, text)
    [table] = doc.results
    assert [r.grade for r in table.rows] == ["良好"]
    assert any("表格可能在此中断" in u.what for u in doc.reading.unread)


def test_a_figure_run_onto_the_name_is_split_off():
    # blocks as the layout reader leaves a table flattened without blank lines: the amount run onto the name
    cells = ["项目单位", "项目名称", "发行金额(亿元)", "评价结果", "备注", "1", "戊中心", "图书馆迁建工程2.4", "优"]
    blocks = [Paragraph(INTRO), *(Paragraph(c) for c in cells)]
    [table], used, errors = extract_results(blocks)
    assert [(r.name, r.amount.text, r.grade) for r in table.rows] == [("图书馆迁建工程", "2.4亿元", "优")]
    assert errors == [] and used == frozenset(range(1, 10))


def test_each_rows_grade_is_checked_against_its_score(tmp_path):
    assert _findings(tmp_path, PIPE.format(score="92")) == []
    [finding] = _findings(tmp_path, PIPE.format(score="85"), kind="项目支出绩效自评")
    assert finding.rule == "results.grade_band"
    assert finding.tier is Tier.WARNING and finding.expected == "良" and "村道硬化工程" in finding.message


def test_the_total_row_against_its_rows(tmp_path):
    assert _findings(tmp_path, FLAT.format(total="0.75"), kind="项目支出绩效自评") == []
    [finding] = _findings(tmp_path, FLAT.format(total="0.85"), kind="项目支出绩效自评")
    assert (finding.rule, finding.tier) == ("results.total", Tier.ERROR)


COUNTS = ("今年对{total}个项目开展了重点评价，涉及资金860万元。经第三方评审，等级为优良（80分以上）的项目有5个，占{share}%，"
          "等级为中（70-80分）的项目有3个，占37.5%。\n")


def test_counts_per_grade_and_their_shares(tmp_path):
    def found(text, kind="预算绩效管理工作情况"):
        return [(f.tier, f.expected) for f in _findings(tmp_path, text, kind, "results.graded_counts")]

    assert found(COUNTS.format(total=8, share="62.5")) == []
    assert found(COUNTS.format(total=8, share="60.5"), kind="绩效评价") == [(Tier.ERROR, "62.5")]
    assert found(COUNTS.format(total=8, share="60.5")) == [(Tier.ERROR, "62.5")]
    assert found(COUNTS.format(total=7, share="62.5")) == [(Tier.ERROR, "7"), (Tier.WARNING, "71.4"),
                                                            (Tier.WARNING, "42.9")]
