"""One vocabulary of indicator levels (core.levelwords, its patterns ingest.levelwords) for every reader, with our own wording and figures:

- the words, their 一级 parents and the patterns built from them (a whole cell, a span inside run-together text);
- a '|'-form of the newer frame: a 一级 成本指标 over 经济成本指标, a 生态效益 cell without its 指标, a
  社会公众或服务对象满意度指标 cell — each a level, not the row's name;
- a self-evaluation form whose cells ran together, with the same labels;
- a form printed one cell per line with a 经济成本指标 cell.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.core.finding import Tier
from jixiao.core.levelwords import COST_KINDS, LEVEL2_PARENT, level1_words, level2_words, parent_level
from jixiao.core.model import Indicator
from jixiao.ingest import formcolumns, fusedgoal, selfeval, targetform
from jixiao.ingest.levelwords import alternation, cost_level1_span, cost_over_kind, span
from jixiao.scoring.selfeval import block_of
from tests.builders import load_form
from tests.ingest.test_cell_per_line_indicators import FORM as CELL_PER_LINE_FORM


def test_every_second_level_word_has_its_first_level():
    assert parent_level("质量指标") == "产出指标"
    assert parent_level("生态效益") == "效益指标"
    assert parent_level("生态环境成本指标") == "成本指标"
    assert parent_level("社会公众或服务对象满意度指标") == "满意度指标"
    assert parent_level("社会指标") == "效益指标"  # the bare 效益 word of a cell of its own
    assert parent_level("三级指标") == ""
    assert COST_KINDS == ("经济成本", "社会成本", "生态环境成本")
    assert "成本" not in level1_words() and "成本" in level1_words(cost=True)
    assert "经济" not in level2_words() and "经济" in level2_words(short=True)


def test_the_scores_place_each_second_level_in_the_block_of_its_first():
    block = {"产出指标": "output", "成本指标": "output", "效益指标": "benefit", "满意度指标": "satisfaction"}
    for word, parent in LEVEL2_PARENT.items():
        assert block_of(Indicator(level1="", level2=f"{word}指标", name="示例")) == block[parent], word


def test_run_together_text_takes_the_longest_word():
    words = re.compile(span(level2_words()))
    assert words.match("经济成本指标每公里费用").group(0) == "经济成本指标"
    assert words.match("社会公众或服务对象满意度指标居民满意度").group(0) == "社会公众或服务对象满意度指标"
    assert alternation(["成本", "经济成本", "成本"]) == "经济成本|成本"
    cost = re.compile(cost_level1_span())
    assert cost.match("成本指标社会成本指标") and not cost.match("成本指标单位养护费用")
    assert cost_over_kind("成本指标", "生态环境成本指标") and cost_over_kind("成本", "经济成本指标等")
    assert not cost_over_kind("成本指标", "质量指标") and not cost_over_kind("数量指标", "经济成本指标")


def test_every_reader_takes_the_same_second_level_cells():
    for word in ("经济成本指标", "社会公众或服务对象满意度指标", "生态效益", "可持续影响指标"):
        assert formcolumns.LEVEL2_RE.match(word), word
        assert selfeval.LEVEL2_RE.match(word), word
        assert targetform.LEVEL2_RE.match(word), word
        assert fusedgoal.LEVEL_RE.match(word + "指标" if not word.endswith("指标") else word), word
    assert selfeval.LEVEL2_RE.match("服务对象满意度指标等")  # the template's own wording
    assert targetform.LEVEL2_RE.match("经济成本指标(0-10)分")  # a target form prints the label's points
    assert formcolumns.LEVEL1_RE.match("成本指标") and not selfeval.LEVEL1_RE.match("成本指标")


PIPE_NEWER_FRAME = "\n".join(
    [
        "项目支出绩效自评表(2024年度) | |||||||||",
        "项目名称 | 示例县乡村道路养护补助 | |||||||||",
        "主管部门 | 示例县交通运输局 | 实施单位 | 示例县公路养护中心 | |||||||",
        "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||",
        "总额 | 50.00 | 50.00 | 50.00 | 100.00% | 10 | 10 | 无 | ||",
        "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |",
        "产出指标 | 数量指标 | 养护道路里程 | ≥ | 40 | 公里 | 42 | 30 | 30 | ||",
        "成本指标 | 经济成本指标 | 每公里养护费用 | ≤ | 1.25 | 万元 | 1.19 | 20 | 20 | ||",
        "效益指标 | 生态效益 | 沿线扬尘减少 | 定性 | 明显 | | 明显 | 20 | 20 | ||",
        "满意度指标 | 社会公众或服务对象满意度指标 | 沿线村民满意度 | ≥ | 90 | % | 95 | 20 | 20 | ||",
        "合计 | 100 | |||||||||",
    ]
)


def test_pipe_form_of_the_newer_frame_reads_its_cost_and_satisfaction_levels(tmp_path):
    doc, findings = load_form(tmp_path, PIPE_NEWER_FRAME)
    [se] = doc.self_evaluations
    assert [(i.level1, i.level2, i.name, i.weight, i.reported_score) for i in se.indicators] == [
        ("产出指标", "数量指标", "养护道路里程", 30, 30),
        ("成本指标", "经济成本指标", "每公里养护费用", 20, 20),
        ("效益指标", "生态效益", "沿线扬尘减少", 20, 20),
        ("满意度指标", "社会公众或服务对象满意度指标", "沿线村民满意度", 20, 20),
    ]
    assert [f.message for f in findings if f.tier is Tier.ERROR] == []


def test_a_cost_kind_under_the_older_frames_output_block_stays_under_it(tmp_path):
    text = PIPE_NEWER_FRAME.replace("成本指标 | 经济成本指标", "产出指标 | 经济成本指标")
    doc, _ = load_form(tmp_path, text)
    [se] = doc.self_evaluations
    cost = se.indicators[1]
    assert (cost.level1, cost.level2, cost.name, cost.weight) == (
        "产出指标",
        "经济成本指标",
        "每公里养护费用",
        20,
    )


GLUED_NEWER_FRAME = (
    "1、项目支出绩效自评表(2023 年度)项目名称河道保洁经费主管部门示例镇人民政府实施单位示例镇水利站"
    "项目资金 (万元)年初预算数全年预算数全年执行分值执行率得分年度资金总额30302490%"
    "其中:当年财政拨款30302490%上年结转资金其他资金年度 总体 目标预期目标实际完成情况保洁全镇河道,保持水面清洁。"
    "已完成绩 效 指 标一级指标二级指标三级指标年度 指标值实际 完成值分 值得 分偏差原因分析 及改进措施"
    "产出指标数量指标保洁河道长度12公里12公里3030质量指标水面清洁达标率95%95%2020\n"
    "2、成本指标经济成本指标每公里保洁费用2万元2万元2020满意度指标社会公众或服务对象满意度指标"
    "沿岸居民满意度90%90%2020总分10098\n"
)


def test_glued_form_reads_a_cost_kind_and_the_public_satisfaction_level_as_levels(tmp_path):
    doc, _ = load_form(tmp_path, GLUED_NEWER_FRAME)
    [se] = doc.self_evaluations
    assert [(i.level1, i.level2, i.name, i.weight, i.reported_score) for i in se.indicators] == [
        ("产出指标", "数量指标", "保洁河道长度", 30, 30),
        ("产出指标", "质量指标", "水面清洁达标率", 20, 20),
        ("成本指标", "经济成本指标", "每公里保洁费用", 20, 20),
        ("满意度指标", "社会公众或服务对象满意度指标", "沿岸居民满意度", 20, 20),
    ]


def test_form_one_cell_per_line_reads_a_cost_kind_cell_as_a_level(tmp_path):
    text = CELL_PER_LINE_FORM.replace(
        "质量指标\n\n验收合格率\n\n100%\n\n100%\n\n10",
        "成本指标\n\n经济成本指标\n\n每间改造费用(≤**万元)\n\n2\n\n1.8\n\n10",
    )
    assert text != CELL_PER_LINE_FORM
    doc, _ = load_form(tmp_path, text)
    [se] = doc.self_evaluations
    last = se.goal.indicators[-1]
    assert (last.level1, last.level2, last.name, last.reported_score) == (
        "成本指标",
        "经济成本指标",
        "每间改造费用(≤万元)",
        10,
    )
    assert last.actual is not None and last.actual.number == Decimal("1.8")
