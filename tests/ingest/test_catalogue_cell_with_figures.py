"""A page's catalogue table (索引号, 发布机构 … 内容概述) whose 内容概述 cell holds a whole form run together, its
figures fused ('年度资金总额:2005025.00%'): the cell is reported as not read, at its line — never passed over, and its
fused figures never split by guess."""

from __future__ import annotations

from tests.builders import load_text

PAGE = """索引号 | 0000-2032-00017 | 组配分类 | 部门项目 |
发布机构 | 示例市林业局 | 发文日期 | 2033-03-01 |
信息名称 | 2032年示例市林业补助绩效目标自评表 | 内容概述 | 示例市转移支付(项目)绩效目标自评表(2032年度)项目名称林业补助\
资金使用单位示例市林业局资金投入情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A×100%)年度资金总额:2005025.00%\
其中:中央财政资金15000%地方资金5050100%资金管理情况分配科学无 |
示例市转移支付(项目)绩效目标自评表 | ||||
(2032年度) | ||||
"""


def test_a_form_run_together_in_a_catalogue_cell_is_reported_unread(tmp_path):
    doc, _ = load_text(tmp_path, PAGE, "page.txt")
    unread = [u for u in doc.reading.unread if "一格中有一段含数字的文字" in u.what]
    assert len(unread) == 1 and unread[0].location.line == 3
    assert not doc.self_evaluations  # '2005025.00%' is not split by guess


def test_a_short_catalogue_cell_is_no_unread_text(tmp_path):
    doc, _ = load_text(tmp_path, PAGE.replace(PAGE.split("内容概述 | ")[1].split(" |")[0], "林业补助自评"), "page.txt")
    assert not [u for u in doc.reading.unread if "一格中有一段含数字的文字" in u.what]
