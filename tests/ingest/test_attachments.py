"""A list of attachments names documents that are not in the text: its entries are no titles."""

from __future__ import annotations

from jixiao.ingest.attachments import attachment_lines


def test_a_numbered_list_after_the_attachment_word():
    lines = ["正文一段。", "附 件:1.示例厅2031年度部门整体支出绩效自评报告", "2.2031 年度“示例资金”绩效自评报告",
             "3.2031年度“另一资金”绩效自评报告"]
    assert attachment_lines(lines) == {1, 2, 3}


def test_the_attachment_word_alone_then_the_entries():
    assert attachment_lines(["附件：", "1.甲报告", "2.乙表", "下一段正文。"]) == {0, 1, 2}
    assert attachment_lines(["附件：", "1.甲报告"]) == {0, 1}  # the list ends the text


def test_a_heading_of_an_attachment_printed_below_is_not_a_list():
    assert attachment_lines(["附件：1.项目支出绩效自评表", "项目名称：示例项目"]) == set()
    assert attachment_lines(["附件1：甲报告", "2.乙"]) == set()  # '附件1：' heads one attachment
    assert attachment_lines(["附件：甲单位部门整体支出绩效自评表", "项目名称"]) == set()
    assert attachment_lines(["正文。", "附件：甲单位部门整体支出绩效自评表"]) == {1}  # named last, nothing below
