"""A page filed under its unit in the site's breadcrumb ('政务公开 > 示例县青石乡人民政府 > 预算/决算') whose title
names the town short ('示例县青石乡 2031年部门决算编制说明') (own wording and names): the breadcrumb writes the name out,
the town's people's government. A breadcrumb never names the unit on its own, nor a body the title does not name."""

from __future__ import annotations

from jixiao.ingest.detect import detect

BODY = "\n一、基本职能及主要工作\n(一)主要职能。\n(1)执行本级人民代表大会的决议;\n三、收支决算总体情况说明\n本年收入合计812.40万元。\n"


def test_the_breadcrumb_writes_out_the_towns_name():
    text = "政务公开 > 示例县青石乡人民政府 > 预算/决算\n示例县青石乡 2031年部门决算编制说明" + BODY
    assert detect(text).unit == "示例县青石乡人民政府"


def test_a_breadcrumb_naming_another_body_changes_nothing():
    text = "政务公开 > 示例县财政局 > 预算/决算\n示例县青石乡 2031年部门决算编制说明" + BODY
    assert detect(text).unit == "示例县青石乡"


def test_a_line_with_one_arrow_is_no_breadcrumb():
    text = "示例县青石乡 > 示例县青石乡人民政府\n示例县青石乡 2031年部门决算编制说明" + BODY
    assert detect(text).unit == "示例县青石乡"
