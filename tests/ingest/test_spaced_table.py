"""A table saved as text one row per line, its cells separated by spaces and an empty cell printed as a space
(own wording and figures)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.source import Table, text_blocks
from jixiao.ingest.spacedtable import BARE, PADDED, fit_row, split_cells
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

# The comparison year's column is empty: three spaces put each figure in the second column.
EMPTY_FIRST = """示例镇2025年度部门“三公”经费预算情况表
示例镇文化站2025-度部门“三公”经费预算情况表
    单位:元
项目 2024-执行数 2025-预算数
一、支出合计   86000
1、因公出国(境)费用____
2、公务接待费   36000
3、公务用车费   50000
其中:(1)公务用车运行维护费   50000
(2)公务用车购置____
二、相关统计数____
4.公务用车保有量(辆)   2
备注:1、“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。
""".replace("_", " ")  # "_": a space kept at a line's end

# A two-line header: one year's budget split into 小计 and the general budget; a text cell in one row.
TWO_LINE = """2025年市示例局财政拨款“三公”经费预算表
金额单位:万元
项目 2025年预算数
小计 其中:一般公共预算安排数
一、“三公”经费合计 9.45 9.45
(一)因公出国(境)费 单位不需填列 单位不需填列
(二)公务接待费 3.25 3.25
(三)公务用车费 6.2 6.2
      1.公务用车购置费____
      2.公务用车运行维护费 6.2 6.2
二、会议费 2.10 2.10
注:“三公”经费包括因公出国(境)费、公务接待费、公务用车费。
""".replace("_", " ")


def _load(tmp_path, text: str):  # type: ignore[no-untyped-def]
    return load_text(tmp_path, text, "spaced.txt")


def _values(doc) -> dict[str, Decimal]:
    [row] = doc.disclosure.tables["D09"].rows
    return {key: amount.value for key, amount in row.cells.items()}


def test_cells_are_split_by_the_spaces_between_them():
    assert split_cells("合计   80", PADDED) == ["合计", "", "80"]  # one space + an empty cell + one space
    assert split_cells("购置费    ", PADDED) == ["购置费", "", ""]
    assert split_cells("合计  80", PADDED) == []  # two spaces: not this way of printing
    assert split_cells("合计  80", BARE) == ["合计", "", "80"]
    assert fit_row("接待 费 3.1 3.1", 2, PADDED) == ["接待 费", "3.1", "3.1"]  # a label with a space in it
    assert fit_row("接待 说明 不填 3.1", 2, PADDED) is None  # '说明' a word of the label or a cell: not known
    assert fit_row("接待费", 2, PADDED) == ["接待费", "", ""]  # a label alone: nothing to place


def test_three_spaces_put_the_figure_in_the_second_column():
    [table] = [b for b in text_blocks(EMPTY_FIRST, "t.txt") if isinstance(b, Table)]
    texts = [row.texts for row in table.rows]
    assert texts[0] == ["项目", "2024-执行数", "2025-预算数"]
    assert texts[1] == ["一、支出合计", "", "86000"]
    assert texts[2] == ["1、因公出国(境)费用", "", ""]
    assert texts[-1] == ["4.公务用车保有量(辆)", "", "2"]  # the note below is not a row


def test_the_budget_column_is_read_and_agrees(tmp_path):
    doc, _ = _load(tmp_path, EMPTY_FIRST)
    assert _values(doc) == {"budget_total": Decimal(86000), "budget_reception": Decimal(36000),
                            "budget_car": Decimal(50000), "budget_car_operation": Decimal(50000)}
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier in (Tier.ERROR, Tier.WARNING)]


def test_a_sum_error_in_a_spaced_table_is_found(tmp_path):
    doc, _ = _load(tmp_path, EMPTY_FIRST.replace("一、支出合计   86000", "一、支出合计   88000"))
    assert any(f.rule == "disclosure.r24_sangong_sum" and f.tier is Tier.ERROR
               for f in audit_document(doc, CENTRAL).findings)


def test_a_two_line_header_and_text_cells(tmp_path):
    doc, _ = _load(tmp_path, TWO_LINE)
    values = {k: v / 10000 for k, v in _values(doc).items()}
    assert values == {"budget_total": Decimal("9.45"), "budget_reception": Decimal("3.25"),
                      "budget_car": Decimal("6.2"), "budget_car_operation": Decimal("6.2"),
                      "budget_meeting": Decimal("2.10")}
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier in (Tier.ERROR, Tier.WARNING)]


def test_a_row_whose_spacing_was_lost_is_not_placed(tmp_path):
    # one space before the figure: its empty cell lost, before it or after it (the line's end is not kept)
    doc, errors = _load(tmp_path, EMPTY_FIRST.replace("2、公务接待费   36000", "2、公务接待费 36000"))
    [table] = [b for b in doc.source.blocks if isinstance(b, Table)]
    assert [c.placed for c in table.rows[3].cells] == [True, False, False]
    assert table.rows[1].texts == ["一、支出合计", "", "86000"]  # the other rows show how empty cells are printed
    assert "budget_reception" not in _values(doc)
    assert any("公务接待费" in str(e) and "36000或空" in str(e) and "未读取" in str(e) for e in errors)


# The same layout in Traditional characters under a site's chrome: a source line, then a counter line ending in
# empty bars ('瀏覽量:3 | | |') that looks like a table row until it is read in Simplified characters.
TRADITIONAL_CHROME = """示例縣農機站2024年度“三公”經費決算情況表
來源:示例縣農機站   2025-05-20
瀏覽量:3 | | | |

示例縣農機站2024-度“三公”經費決算情況表
                                                  單位:萬元
項      目 本-決算數
一、支出合計 4.60
1、因公出國(境)費用__
2、公務接待費 1.20
3、公務用車費 3.40
其中:(1)公務用車運行維護費 3.40
      (2)公務用車購置__
二、相關統計數__
4.公務用車保有量(輛)__
5.公務接待批次(批) 12
備注:1、“三公”經費包括因公出國(境)費、公務用車購置及運行費和公務接待費。
""".replace("_", " ")


def test_traditional_spaced_table_under_page_chrome_is_read_as_in_simplified(tmp_path):
    doc, _ = _load(tmp_path, TRADITIONAL_CHROME)
    table = doc.disclosure.tables["D09"]
    assert table.unit == "万元"
    values = _values(doc)
    assert values["final_total"] == Decimal("46000") and values["final_reception"] == Decimal("12000")
    assert values["final_car_operation"] == Decimal("34000")
    assert not [u for u in doc.reading.unread if u.kind == "table"]
    counts = doc.disclosure.tables["S09"]  # the counts under the amounts, each in its own unit; a blank is none
    assert counts.unit == "辆、批"
    assert [(r.label, r.value("count")) for r in counts.rows] == [("4.公务用车保有量(辆)", 0), ("5.公务接待批次(批)", 12)]
    assert not [u for u in doc.reading.unread if "公务接待批次" in u.what]
