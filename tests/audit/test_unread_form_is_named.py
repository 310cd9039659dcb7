"""A document whose form is there but could not be placed in rows and columns: the warning says a table (the form
the reader named) stands at a line and was not read — never that the document is text only."""

from __future__ import annotations

from tests.audit.test_mutations import audit_text

# The indicator header's first cell is cut to one character ("一"): the reader cannot place the level columns (a cell
# cut to "一级" is read since the target-form reader learnt it).
TARGET_FORM = """示例县文化馆2031年“乡村书屋补助”项目资金投入情况
(1)项目概述。为各村书屋添置图书。
(2)年度预算安排。乡村书屋补助预算安排8万元
项目支出绩效目标表 |
||||||
(2031年度) |
||||||
项目名称 |
乡村书屋补助 |
|||||
主管部门及代码 |
[021]示例县文化馆 |
实施单位 |
示例县文化馆 |
|||
项目资金 |
年度资金总额: |
8.00 |
||||
其中:财政拨款 |
8.00 |
|||||
上年结转 |
0.00 |
|||||
年度 |
为各村书屋添置图书,共40个村,每村2000元。 |
|||||
绩 |
一 |
二级指标 |
三级指标 |
指标值 |
||
产出指标 |
数量指标 |
添置图书的村 |
≥40村 |
|||
满意度指标 |
满意度指标 |
村民满意程度 |
≥90% |
|||
"""

SELF_FORM = """示例县农技站项目支出绩效自评表
( 2031年度)
项目名称
农技培训经费
实施单位
示例县农技站
项目资金
(万元)
年初预算数
调整预算数
全年执行数
分值
执行率
得分
年度资金总≥90%
96%
10
10
可持续影响指标
可持续
可持续
可持续
10
8
总分
100
98
全年开展培训12期,培训农户600人次,资金使用规范。
"""


def _warning(found):
    [warning] = [f for f in found if f.rule == "reading.nothing_read"]
    return warning.message


def test_a_target_form_left_unread_is_named_with_its_line(tmp_path):
    _, found = audit_text(tmp_path, TARGET_FORM)
    message = _warning(found)
    assert "只有文字" not in message and "文档含绩效目标表" in message and "第 8 行" in message


def test_a_self_evaluation_form_one_cell_per_line_is_not_a_prose_report(tmp_path):
    _, found = audit_text(tmp_path, SELF_FORM)
    message = _warning(found)
    assert "文字形式" not in message and "文档含" in message and "未能按行列读" in message
