"""A target form's fund part (项目资金: 年度资金总额 = 财政拨款 + 上年结转 + 其他资金) is read as amounts with the unit
the form prints, and its total is checked against its parts, whatever the layout: one cell per line with ' |' tails,
'|' rows, the fields run together on one line, a form splitting the whole period from the year. Own wording and
numbers."""

from __future__ import annotations

from jixiao.core.finding import Tier
from jixiao.ingest.reading import reading_of
from tests.audit.test_mutations import audit_text

INDICATORS = ["一级指标", "二级指标", "三级指标", "指标值",
              "产出指标", "数量指标", "修缮示例亭台数量", "≥12座",
              "效益指标", "社会效益指标", "游客接待能力提升", "明显",
              "满意度指标", "服务对象满意度指标", "游客满意度", "≥90%"]

# One cell per line ending in ' |', empty cells as bare '||||' lines; the unit on the part's label.
CELLS = "\n".join([
    "项目支出绩效目标表 |", "||||||", "(2031年度) |", "||||||",
    "项目名称 |", "示例公园亭台修缮 |", "|||||",
    "主管部门及代码 |", "[042]示例区园林局 |", "实施单位 |", "示例区园林局 |", "|||",
    "项目资金（万元） |", "年度资金总额: |", "36.40 |", "||||",
    "其中:财政拨款 |", "30.00 |", "|||||",
    "上年结转 |", "4.40 |", "|||||",
    "其他资金 |", "2.00 |", "|||||",
    "年度总体目标 |", "修缮示例公园亭台12座。 |", "|||||",
    *(f"{c} |" for c in INDICATORS),
])

# '|' rows: the label and its figure on one row, the unit in a caption of the form.
PIPES = "\n".join([
    "项目支出绩效目标申报表",
    "金额单位：元",
    "项目名称 | 示例公园亭台修缮 | 实施单位 | 示例区园林局 |",
    "项目资金 | 年度资金总额: | 364,000.00 | |",
    "| 其中:财政拨款 | 300,000.00 | |",
    "| 上年结转 | 44,000.00 | |",
    "| 其他资金 | 20,000.00 | |",
    "年度总体目标 | 修缮示例公园亭台12座。 |",
    "一级指标 | 二级指标 | 三级指标 | 指标值 |",
    "产出指标 | 数量指标 | 修缮示例亭台数量 | ≥12座 |",
    "效益指标 | 社会效益指标 | 游客接待能力提升 | 明显 |",
    "满意度指标 | 服务对象满意度指标 | 游客满意度 | ≥90% |",
])

# The fields run together on one line, each figure after its label's colon, the unit on the figures.
FLAT = "\n".join([
    "示例公园亭台修缮项目绩效目标表",
    "项目名称：示例公园亭台修缮主管部门：示例区园林局资金总额：36.40万元财政拨款：30.00万元上年结转：4.40万元其他资金：2.00万元",
    "年度目标：修缮示例公园亭台12座。",
    "一级指标 二级指标 三级指标 指标值",
    *(" ".join(INDICATORS[i:i + 4]) for i in range(4, len(INDICATORS), 4)),
])


def _parts(found):
    return [f for f in found if f.rule == "table.parts_total"]


def _fund_tables(doc):
    return [t for t in reading_of(doc).tables if "项目资金" in t.name]


def test_fund_part_is_read_with_its_unit_and_agrees(tmp_path):
    for text, unit in ((CELLS, "万元"), (PIPES, "元"), (FLAT, "万元")):
        doc, found = audit_text(tmp_path, text)
        assert doc.goal_forms, text[:20]
        [table] = _fund_tables(doc)
        assert table.unit == unit and table.rows == 4, (text[:20], table)
        assert not _parts(found), [f.message for f in _parts(found)]


def test_a_total_that_is_not_the_sum_of_its_parts_is_certain(tmp_path):
    for text, wrong in ((CELLS, ("4.40 |", "5.40 |")), (PIPES, ("44,000.00", "54,000.00")),
                        (FLAT, ("4.40万元", "5.40万元"))):
        _, found = audit_text(tmp_path, text.replace(*wrong))
        [finding] = _parts(found)
        assert finding.tier is Tier.ERROR and "项目资金" in finding.message, finding.message


def test_a_difference_within_printed_precision_is_a_notice(tmp_path):
    # 30.00 + 4.40 + 2.01 = 36.41 against 36.40: within half a last digit of each of the four figures
    _, found = audit_text(tmp_path, FLAT.replace("2.00万元", "2.01万元"))
    [finding] = _parts(found)
    assert finding.tier is Tier.NOTICE, finding.message
    # one printed to the 万 only ('2万元'): a difference of 0.4万 may be its rounding, said as 疑似, never 确定
    _, found = audit_text(tmp_path, FLAT.replace("2.00万元", "2万元").replace("4.40万元", "4.80万元"))
    [finding] = _parts(found)
    assert finding.tier is Tier.WARNING, finding.message


def test_a_blank_part_or_total_is_not_checked(tmp_path):
    # 其他资金 left blank: its figure is not printed, the total is not judged on the others
    doc, found = audit_text(tmp_path, CELLS.replace("2.00 |", "|"))
    assert doc.goal_forms and not _parts(found), [f.message for f in _parts(found)]
    # the total left blank: never read as 0
    doc, found = audit_text(tmp_path, CELLS.replace("36.40 |", "|"))
    assert doc.goal_forms and not _parts(found) and not _fund_tables(doc)


def test_whole_period_and_year_columns_are_two_tables(tmp_path):
    text = CELLS.replace("年度资金总额: |\n36.40 |", "资金总额 |\n80.00 |\n当年资金总额: |\n36.40 |").replace(
        "其中:财政拨款 |\n30.00 |", "其中:财政拨款 |\n70.00 |\n其中:当年财政拨款 |\n30.00 |").replace(
        "上年结转 |\n4.40 |\n|||||\n其他资金 |\n2.00 |", "其他资金 |\n10.00 |\n当年其他资金 |\n6.40 |")
    doc, found = audit_text(tmp_path, text)
    assert len(_fund_tables(doc)) == 2
    assert not _parts(found), [f.message for f in _parts(found)]
    _, found = audit_text(tmp_path, text.replace("当年其他资金 |\n6.40 |", "当年其他资金 |\n7.40 |"))
    [finding] = _parts(found)
    assert finding.tier is Tier.ERROR and "当年" in finding.message, finding.message


PROSE = "示例区园林局2031年示例公园亭台修缮项目绩效目标\n示例公园亭台修缮项目年度预算安排{}。\n"


def _stated(found):
    return [f for f in found if f.rule == "goals.stated_budget"]


def test_a_budget_stated_in_the_text_is_compared_with_the_form(tmp_path):
    doc, found = audit_text(tmp_path, PROSE.format("36.4万元") + CELLS)
    assert doc.goal_forms and not _stated(found), [f.message for f in _stated(found)]
    _, found = audit_text(tmp_path, PROSE.format("40万元") + CELLS)
    [finding] = _stated(found)
    assert finding.tier is Tier.WARNING and "40万元" in finding.message and "36.40" in finding.message
    # the form prints no unit: its 36.40 is not compared with the text's figure
    _, found = audit_text(tmp_path, PROSE.format("40万元") + CELLS.replace("项目资金（万元） |", "项目资金 |"))
    assert not _stated(found), [f.message for f in _stated(found)]
