"""Tables a person reads that were left unread or passed over in silence, each in its layout with this file's own
wording and figures: a 绩效目标表 whose cells ran together (one row a line, or the whole form on one line behind a
notice), the same form with its cells set apart by spaces, an indicator table whose cells each broke onto an indented
line, a table of counts that is no table of contents. What the text decides is read; a row it does not decide is
reported with where it is, never guessed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.core.model import DocumentKind
from jixiao.ingest.fusedgoal import split_header, split_rows
from jixiao.ingest.source import Table, text_blocks
from tests.builders import load_text

# A 绩效目标表 copied from a page that dropped every separator: labels run into their values, the header is one word,
# each row one line (the page's line breaks are kept or lost alike).
FUSED_LINES = "\n".join([
    "绩效目标表",
    "(2031年度)",
    "项目名称示例村道路硬化补助资金",
    "项目主管部门示例县交通运输局项目执行单位示例镇人民政府",
    "资金情况",
    "(万元)",
    "年度资金总额:24",
    "其中:上级资金24",
    "总体目标年度目标",
    "硬化村组道路，方便群众出行。",
    "绩效指标一级指标二级指标指标内容指标值",
    "产出指标数量指标硬化道路长度≥3公里",
    "质量指标工程验收合格率100%",
    "时效指标工程按期完工率100%",
    "效益指标可持续影响指标群众出行条件持续改善",
    "满意度指标服务对象满意度指标沿线群众满意度≥90%",
    "",
    "附件:",
])

# A notice and its 绩效目标表 flattened into one line, stars after the header's words, the row's cells run together.
ONE_LINE = (
    "示例县财政局关于下达2031年会展奖励资金的通知各乡镇人民政府:现下达会展奖励资金(详见附件),请按规定及时拨付,"
    "确保绩效目标如期实现。附件:项目绩效目标表示例县财政局2031年3月1日附件项目绩效目标表主管部门:示例县商务局"
    "资金总额:120.00财政拨款:120.00一级指标*二级指标*三级指标*绩效指标性质*绩效指标值*绩效度量单位权重*指标方向性*"
    "产出指标数量指标奖励展会个数≥4个40%正向指标"
)

# The header and rows with their cells set apart by spaces, a 二级 label without its 指标.
SPACED = "\n".join([
    "项目支出绩效目标申报表",
    "（2031年度）",
    "项目名称示例镇饮水管网改造 年度资金总额：30",
    "年度目标：完成管网改造5公里。",
    "一级指标 二级指标 三级指标 指标值",
    "产出指标 数量指标 改造管网长度 ≥5公里",
    "满意度指标 服务对象满意度 群众满意度 ≥90%",
])


def _indicators(doc):  # type: ignore[no-untyped-def]
    assert len(doc.goal_forms) == 1
    return [(i.level1, i.level2, i.name, i.initial_target.raw if i.initial_target else None, i.weight)
            for i in doc.goal_forms[0].goal.indicators]


def test_a_target_form_whose_cells_ran_together_is_read_where_the_text_decides(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, FUSED_LINES)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE
    form = doc.goal_forms[0]
    assert form.project == "示例村道路硬化补助资金" and form.budget == Decimal("240000")
    assert _indicators(doc) == [
        ("产出指标", "数量指标", "硬化道路长度", "≥3公里", None),
        ("产出指标", "质量指标", "工程验收合格率", "100%", None),
        ("产出指标", "时效指标", "工程按期完工率", "100%", None),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", None),
    ]
    # a target in words run into its name: where the name ends the text does not say — reported, not guessed
    assert form.goal.incomplete
    unread = [u for u in doc.reading.unread if "群众出行条件持续改善" in u.what]
    assert len(unread) == 1 and unread[0].location.line


def test_a_target_form_run_into_its_notice_on_one_line_is_read_and_the_notice_is_kept(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, ONE_LINE)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE
    assert _indicators(doc) == [("产出指标", "数量指标", "奖励展会个数", "≥4个", Decimal("40"))]
    # the notice's sentence is the notice's, not the form's: still listed, and the form names no unit of the page
    assert any(c.location.line == 1 for c in doc.reading.claims)
    assert doc.unit != "示例县商务局"


def test_a_target_form_whose_cells_spaces_set_apart_is_read(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, SPACED)
    assert doc.goal_forms[0].project == "示例镇饮水管网改造"
    assert _indicators(doc) == [
        ("产出指标", "数量指标", "改造管网长度", "≥5公里", None),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", None),
    ]


def test_cells_run_together_are_split_only_one_way() -> None:
    header = split_header("附件绩效目标表一级指标*二级指标*三级指标指标值分值产出指标")
    assert header is not None and header.words == ("一级指标", "二级指标", "三级指标", "指标值", "分值")
    assert header.before == "附件绩效目标表" and header.after == "产出指标"
    roles = ["target", "weight"]
    assert split_rows("示例覆盖率≥95%10", roles) == [("示例覆盖率", ["≥95%", "10"])]
    assert split_rows("甲合格率100%乙完成率100%", ["target"]) == [("甲合格率", ["100%"]), ("乙完成率", ["100%"])]
    assert split_rows("2031年度完成率100%", ["target"]) == [("2031年度完成率", ["100%"])]
    # target and weight glued (2100 and 10, or 21001 and 0 …), a target in words, a name holding a figure and its
    # unit before the target: several readings or none — not split
    assert split_rows("资助人数210010", roles) is None
    assert split_rows("出行条件持续改善", ["target"]) is None
    assert split_rows("建成3个站点覆盖率100%", ["target"]) is None
    # a note after a figure could start inside it ('105项'): not split
    assert split_rows("示例率≥95%105项", ["target", "weight", "note"]) is None


# An indicator table whose cells each broke onto a line: the row's first cell at the margin, each further cell on
# an indented line opening with a bar, a cell's wrapped words indented without one.
INDENTED = "\n".join([
    "二、项目绩效目标完成情况",
    "绩效",
    "       指标",
    "        | 一级指标",
    "        | 二级指标",
    "        | 三级指标",
    "        | 指标值",
    "        | 完成情况",
    "        | ",
    "产出指标",
    "        | 数量指标",
    "        | 培训场次",
    "        | 至少4场",
    "        | 已完成5场",
    "        | |",
    "效益指标",
    "        | 社会效益",
    "       指标",
    "        | 群众知晓率",
    "        | 80%",
    "        | 已达到86%",
    "        | |",
    "满意度指标",
    "        | 满意度指标",
    "        | 群众满意度",
    "        | 90%",
    "        | 已完成95%",
    "        | ",
    "三、存在的问题",
    "项目自评工作有待加强。",
])


def test_an_indicator_table_with_each_cell_on_an_indented_line_is_one_table() -> None:
    tables = [b for b in text_blocks(INDENTED, "x.txt") if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [row.filled for row in tables[0].rows]
    assert rows == [
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "完成情况"],
        ["产出指标", "数量指标", "培训场次", "至少4场", "已完成5场"],
        ["效益指标", "社会效益指标", "群众知晓率", "80%", "已达到86%"],
        ["满意度指标", "满意度指标", "群众满意度", "90%", "已完成95%"],
    ]


def test_an_indicator_table_no_reader_took_is_listed_unread(tmp_path: Path) -> None:
    text = "示例专项资金项目自评报告\n一、项目基本情况\n本项目于2031年实施。\n" + INDENTED
    doc, _ = load_text(tmp_path, text)
    assert doc.kind is DocumentKind.SELF_EVALUATION
    table = next(i for i, b in enumerate(doc.source.blocks) if isinstance(b, Table))
    if not any(i.location.block == table for se in doc.self_evaluations for i in se.indicators):
        assert [u for u in doc.reading.unread if u.location.block == table and u.kind == "table"]


# A table of counts: one figure a row, like a table of contents' page numbers, but going back and forth.
COUNTS = "\n".join([
    "示例县示例乡2031年部门决算编制说明",
    "一、部门机构情况说明",
    "纳入本部门决算汇编范围的独立核算单位共 7 个，分类说明如下：",
    "项目 | 数量 | 比上年增减 |",
    "一、按单位基本性质 | 7 | |",
    "行政单位 | 2 | |",
    "事业单位 | 5 | |",
    "二、按预算级次 | 7 | |",
    "一级预算单位 | 1 | |",
    "二级预算单位 | 6 | |",
])


def test_a_table_of_counts_is_not_taken_for_a_table_of_contents(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, COUNTS)
    table = next(i for i, b in enumerate(doc.source.blocks) if isinstance(b, Table))
    assert [u for u in doc.reading.unread if u.location.block == table and u.kind == "table"]


# A PDF form's text cut into words on one line: the fund row read by 执行率 = 执行数 ÷ 合计 is in the unit its
# header prints eight words before it ('(万元)' under each column), not 'unit not recognised'.
PDF_WORDS = (
    "示例县财政预算支出项目绩效目标自评表 填报日期:2032 年 2 月 18 日 自评总分: 90 单位领导审签: 项目名称 示例网络维护费 "
    "项目实施单位 示例网络公司 项目主管单位 示例县示例局 项目负责人 张三 项目属性 项目资金 1、常年性 √ 2、延续性□ 4、新增性□ "
    "中央 省、地 本级 其他 合计 执行数 (万元) (万元) (万元) (万元) (万元) (万元) 8.5 8.5 来源 项目年度目标 3、一次性□ 8.5 "
    "执行率 100% 1. 对网络进行升级改造,提高办公效率。 项目权重 评价内容 分值 自评分 项目决策 2 分 决策依据 2 2 复核分"
)


def test_a_fund_row_of_a_form_cut_into_words_is_read_with_its_unit(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, PDF_WORDS)
    funds = [t for t in doc.reading.tables if t.name.endswith("预算执行情况")]
    assert len(funds) == 1 and funds[0].unit == "万元"
