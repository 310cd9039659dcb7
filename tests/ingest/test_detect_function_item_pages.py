"""A page of a 决算 explanation that is only its function items by 类/款/项, each with its 决算 and 完成预算 (own
wording and figures, the layout of a page met in the corpus): a person reads it as a 部门决算's 一般公共预算财政拨款支出
决算具体情况, so jixiao does too, instead of refusing it as unrecognised."""

from __future__ import annotations

from jixiao.core.model import DocumentKind
from tests.builders import read_text

ITEMS = "\n".join([
    "一般公共服务(类)政府办公厅(室)及相关机构事务(款)行政运行(项):支出决算为210.40万元,完成预算100%,决算数与预算数持平。",
    "社会保障和就业(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项):支出决算为31.20万元,完成预算100%,"
    "决算数与预算数持平。",
    "卫生健康(类)行政事业单位医疗(款)行政单位医疗(项):支出决算为12.75万元,完成预算100%,决算数与预算数持平。",
    "城乡社区(类)城乡社区环境卫生(款)城乡社区环境卫生支出(项):支出决算为40.00万元,完成预算100%,决算数与预算数持平。",
])


def test_a_page_of_function_items_with_their_accounts_is_a_disclosure(tmp_path):
    doc, _ = read_text(tmp_path, ITEMS, "page.txt")
    assert doc is not None and doc.kind is DocumentKind.DISCLOSURE
