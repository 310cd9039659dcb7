"""Scores printed part by part outside any form table (own wording and figures): a self-evaluation report whose
outline headings carry their points and whose paragraphs end '自评得N分', and an evaluation report whose
一级/二级/三级 scoring table ran together into one paragraph. Each is read with its sums checked, or what cannot
be checked is listed unread — never guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text


def _outline(part_points: str = "4", part_score: str = "4", second: str = "", cut: bool = False) -> str:
    text = (
        "一、前期工作(12分)\n"
        "(一)方案编制(7分):\n"
        "(1)需求调查(3分)\n"
        "本站组织人员走访各村,摸清养殖户需求,形成调查清单。自评得3分。\n"
        f"(2)方案论证({part_points}分):\n"
        f"邀请专家对实施方案进行论证,修改完善后报批。自评得{part_score}分。\n"
        + (f"另行编制的补充方案也经过论证。自评得{second}分。\n" if second else "")
        + "(二)资金安排(5分):\n"
        "本年安排防疫经费320万元,其中省级补助200万元,县级配套120万元,已全部到位。自评得5分。\n"
    )
    if not cut:
        text += "二、实施管理(20分)\n(一)制度建设(8分)\n建立了项目台账和月报制度。自评得8分。\n"
        text += (
            "(二)过程监督(12分)\n开展督查四次,问题均已整改。自评得12分。\n三、存在的问题\n个别村档案不全。\n"
        )
    else:
        text += "二、实施管理(20分)\n(一)制度建设(8分)\n建立了项目台账和月报制度。自评得8分。\n(二)过程监"
    return text


def _load(tmp_path, text: str):  # type: ignore[no-untyped-def]
    return load_text(tmp_path, text, "report.txt")


def _errors(doc, tier: Tier = Tier.ERROR) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        f.message
        for f in audit_document(doc, CENTRAL).findings
        if f.rule == "scores.parts_sum" and f.tier is tier
    ]


def test_a_report_scored_section_by_section_is_a_self_evaluation_and_its_scores_are_read(tmp_path):
    doc, _ = _load(tmp_path, _outline())
    assert doc.kind is DocumentKind.SELF_EVALUATION
    [outline] = doc.score_outlines
    first, second = outline.parts
    assert (first.name, first.points, first.closed) == ("前期工作", Decimal(12), True)
    plan, money = first.parts
    assert [(p.name, p.points, p.score) for p in plan.parts] == [("需求调查", 3, 3), ("方案论证", 4, 4)]
    assert (money.points, money.score) == (5, 5)
    assert second.points == 20 and [p.score for p in second.parts] == [8, 12]
    assert not _errors(doc) and not _errors(doc, Tier.WARNING)
    assert [t.name for t in doc.reading.tables] == ["正文各节的分值与自评得分"]
    assert not any(f.rule == "reading.nothing_read" for f in audit_document(doc, CENTRAL).findings)


@pytest.mark.parametrize(
    ("points", "score", "tier", "words"),
    [
        ("5", "4", Tier.ERROR, "其下各项分值合计 8 分"),  # 3 + 5 = 8 > 7: the parts cannot both hold
        ("3", "3", Tier.WARNING, "其下各项分值合计 6 分"),  # 3 + 3 = 6 < 7: a part may be left unwritten
        ("4", "5", Tier.ERROR, "得分 5 分，大于其分值 4 分"),
    ],
)
def test_section_sums_and_scores_are_checked(tmp_path, points, score, tier, words):
    doc, _ = _load(tmp_path, _outline(points, score))
    found = _errors(doc, tier)
    assert len(found) == 1 and words in found[0]


def test_one_part_scored_twice_alike_is_one_score_and_differently_is_unread(tmp_path):
    doc, _ = _load(tmp_path, _outline(second="4"))
    assert doc.score_outlines[0].parts[0].parts[0].parts[1].score == 4  # the same score for a second fund
    doc, _ = _load(tmp_path, _outline(second="2"))
    assert doc.score_outlines[0].parts[0].parts[0].parts[1].score is None
    assert any("不同的自评得分" in u.what for u in doc.reading.unread)
    assert not _errors(doc)


def test_a_section_the_text_ends_inside_is_not_summed(tmp_path):
    doc, _ = _load(tmp_path, _outline(cut=True))
    last = doc.score_outlines[0].parts[1]
    assert not last.closed
    assert any("实施管理" in u.what and "中断" in u.what for u in doc.reading.unread)
    assert not _errors(doc) and not _errors(doc, Tier.WARNING)  # 8 of 20 printed: not a shortfall


def _run_together(second_leaf: str = "4") -> str:
    return (
        "示例县财政局关于示例河道清淤项目绩效评价报告根据年度工作安排,对该项目开展了绩效评价。项目绩效评价总体得分90分。"
        "示例市项目支出绩效评分表一级指标二级指标三级指标分值指标评价内容(公式计算结果=x)得分"
        "(15分)项目决策(9分)项目立项立项依据4项目符合行业规划和年度计划4程序规范5按规定程序申请设立"
        + second_leaf
        + "(6)绩效目标目标明确6目标清晰细化可衡量6(25分)项目管理(10分)资金管理资金到位4资金及时足额到位"
    )


def test_a_scoring_table_run_together_is_read_by_the_order_of_its_figures(tmp_path):
    doc, _ = _load(tmp_path, _run_together())
    assert doc.kind is DocumentKind.KEY_EVALUATION  # a finance bureau's report on the evaluation of a project
    [outline] = doc.score_outlines
    assert not outline.certain
    decision, management = outline.parts
    assert (decision.name, decision.points, decision.closed) == ("项目决策", 15, True)
    assert [(p.points, [(q.points, q.score) for q in p.parts]) for p in decision.parts] == [
        (9, [(4, 4), (5, 4)]),
        (6, [(6, 6)]),
    ]
    assert not management.closed  # the text ends inside it
    assert any("未能按一级、二级、三级指标读出" in u.what for u in doc.reading.unread)
    assert not _errors(doc) and not _errors(doc, Tier.WARNING)


def test_a_run_together_table_that_does_not_add_up_is_only_suspected(tmp_path):
    doc, _ = _load(tmp_path, _run_together("6"))  # a score of 6 in a row worth 5
    assert not _errors(doc)
    [found] = _errors(doc, Tier.WARNING)
    assert "大于其分值 5 分" in found and "连排" in found


# A department's whole-budget scoring table copied out of a web page: '|'-rows whose cells broke over lines at their
# ends (the header over four lines, a row's name and its weight on lines of their own), a 序号 column, the weights of
# the groups in brackets, the cells merged from the rows above printed as empty cells at a row's end, and the text
# cut off inside the last row.
def _serial_table(planning: str = "20", basics: str = "8", plans: str = "12", second: str = "6",
                  second_score: str = "6") -> str:
    return "\n".join([
        "2031年度部门整体支出绩效评价自评表", "单位 | |||||||",
        "序号 | 一级 指标 |", "二级 指标 |", "三级 指标 |", "指标分值 | 指标解释 | 评分标准 | 自评得分 |",
        f"1 | 决策 ({planning}分) |",
        f"基础资料 ({basics}分) | 资料 完整性 | 8 | 单位基础资料是否齐全。 | 齐全得8分。 |", "8 |",
        f"2 | 工作计划 ({plans}分) | 计划 可行性 | 6 | 计划是否可行。 | 可行得6分。 | 6 | |",
        f"3 | 计划 细化程度 | {second} | 计划是否细化。 | 细化得{second}分。 | {second_score} | ||",
        "4 | 过程 (40分) |", "资金管理 (25分) | 支付 进度 | 10 | 资金支付是否及时。 |",
        "1、按时支付(5"]) + "\n"


def _serial_outline(tmp_path, text: str):
    doc, _ = load_text(tmp_path, text, "overall.txt")
    [outline] = doc.score_outlines
    return doc, outline


def test_a_scoring_table_with_serials_whose_rows_broke_over_lines_is_read_row_by_row(tmp_path):
    doc, outline = _serial_outline(tmp_path, _serial_table())
    decision, process = outline.parts
    assert (decision.name, decision.points, decision.closed) == ("决策", Decimal(20), True)
    assert [(p.name, p.points) for p in decision.parts] == [("基础资料", 8), ("工作计划", 12)]
    assert [(leaf.points, leaf.score) for part in decision.parts for leaf in part.parts] == [(8, 8), (6, 6), (6, 6)]
    # the row the text ends inside opens its parts; they are not summed
    assert (process.name, process.closed) == ("过程", False)
    assert [(p.name, p.points) for p in process.parts[0].parts] == [("支付 进度", 10)]
    assert sum(1 for u in doc.reading.unread if "评分表结束处中断" in u.what) == 2
    assert not [u for u in doc.reading.unread if "表格未被识别" in u.what]
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.rule == "scores.parts_sum"]


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"plans": "14", "second": "8", "second_score": "8"}, [("决策", Tier.ERROR)]),  # 8 + 14 = 22 over 20
    ({"second_score": "7"}, [("计划 细化程度", Tier.ERROR)]),  # 7 over its weight of 6
    ({"planning": "25"}, [("决策", Tier.WARNING)]),  # 8 + 12 = 20 under 25: a part may be unlisted
])
def test_weights_and_scores_of_a_scoring_table_with_serials_are_summed(tmp_path, kwargs, expected):
    doc, _ = _serial_outline(tmp_path, _serial_table(**kwargs))
    found = [(f.location.row, f.tier) for f in audit_document(doc, CENTRAL).findings if f.rule == "scores.parts_sum"]
    assert found == expected


def test_lines_that_do_not_make_a_row_of_the_width_stay_as_printed(tmp_path):
    # the second row's lines hold one cell too many for the table: which cells belong together is not known
    text = _serial_table().replace("8 |\n2 |", "8 | 备注 |\n2 |")
    doc, _ = load_text(tmp_path, text, "overall.txt")
    rows = [r for t in doc.source.tables() for r in t.rows]
    assert any(r.texts[:2] == ["1", "决策 (20分)"] and len(r.texts) == 2 for r in rows)


@pytest.mark.parametrize(("total", "expected"), [
    ("4 | 合计 | | | 20 | | | 20 |", []),
    ("4 | 合计 | | | 20 | | | 19 |", [("合计", Tier.ERROR)]),  # scores 8 + 6 + 6 = 20 against the printed 19
    ("合计 | | | | 20 | | | 20 |", []),
])
def test_the_total_row_of_a_scoring_table_with_serials_is_checked(tmp_path, total, expected):
    text = _serial_table().split("4 | 过程")[0] + total + "\n"
    doc, outline = _serial_outline(tmp_path, text)
    assert [p.name for p in outline.parts] == ["合计"] and outline.parts[0].points == 20
    found = [(f.location.row, f.tier) for f in audit_document(doc, CENTRAL).findings if f.rule == "scores.parts_sum"]
    assert found == expected
