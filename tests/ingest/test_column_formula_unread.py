"""A table not recognised whose header states how a column is computed from others ('⑥=③*⑤' under a row of circled
column numbers): the unread entry names the formula, so a reader knows a checkable relation was left unchecked."""

from __future__ import annotations

from tests.builders import load_text

PAGE = """示例县2032年技能补贴项目支出绩效自评表
附:各机构补贴发放情况
序号 | 机构 | 补贴标准(元/人) | 报名人数 | 结业人数 | 补贴金额 |
① | ② | ③ | ④ | ⑤ | ⑥=③*⑤ |
1 | 示例甲培训学校 | 1500 | 210 | 200 | 30 |
2 | 示例乙培训学校 | 1500 | 180 | 176 | 26.4 |
"""


def test_an_unread_table_names_the_column_formula_its_header_states(tmp_path):
    doc, _ = load_text(tmp_path, PAGE, "page.txt")
    unread = [u for u in doc.reading.unread if u.kind == "table"]
    assert unread and all("⑥=③*⑤" in u.what and "未核对" in u.what for u in unread)


def test_a_header_cell_that_is_no_formula_is_not_named(tmp_path):
    doc, _ = load_text(tmp_path, PAGE.replace("⑥=③*⑤", "⑥"), "page.txt")
    assert not any("计算关系" in u.what for u in doc.reading.unread)
