"""Budget-side 绩效目标表 and the notices that carry them, in layouts met on published pages (own wording and
numbers): a regional target form in padded '|' cells under a 下达 notice, a page whose site metadata is printed as
label and value lines before its title, and a notice publishing allocation files with their target tables under a
title broken over three lines. Each is the budget side, with its year, its fund or project and its unit read from
what the page prints — never from where a line happens to stand."""

from __future__ import annotations

from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.source import read_source
from jixiao.ingest.textlayout import metadata_lines
from jixiao.profiles import load_profile
from tests.builders import load_text

B = DocumentKind.BUDGET_DISCLOSURE
CENTRAL = load_profile("central")


def _tree(doc):  # type: ignore[no-untyped-def]
    [form] = doc.goal_forms
    return form, [
        (i.level1, i.level2, i.name, i.target.raw if i.target else None) for i in form.goal.indicators
    ]


# A county finance bureau passes a fund down, then its attachment: a regional target form whose label and value cells
# are one per line, each row padded out with bars to the form's width — but a row of the indicator table that fills
# every column has no padding, so it runs on into the next row. The notice says where the money goes in the year's
# accounts (年终决算), which makes it no 决算. The text is cut after the second indicator.
REGIONAL = "\n".join(
    [
        "县林业局:",
        "根据《示例市财政局关于提前下达2031年示例护林补助资金预算的通知》(示财农〔2030〕12号)文件,"
        "现将2031年示例护林补助资金215万元下达你单位,用于支持森林管护。",
        "年终决算列报功能科目“林业和草原(21302)”,经济科目按实际支出内容列报。",
        "附件:示例护林补助资金区域绩效目标表",
        "示例县财政局",
        "2031年1月9日",
        "附件",
        "示例护林补助资金区域绩效目标表 | |||||",
        "资金名称 |",
        "示例护林补助资金 | ||||",
        "中央主管部门 |",
        "财政部、国家林草局 | ||||",
        "省级财政部门 |",
        "示例市财政局 | ||||",
        "省级主管部门 |",
        "示例市林业局 | ||||",
        "区县财政部门 |",
        "示例县财政局 | ||||",
        "区县主管部门 |",
        "示例县林业局 | ||||",
        "资金情况 |",
        "年度金额(万元): |",
        "215 | |||",
        "其中:中央补助(万元) |",
        "215 | ||||",
        "地方资金(万元) |",
        "|||||",
        "年度目标 |",
        "到2031年底,完成森林管护任务,林地保有量保持稳定。 | ||||",
        "一级指标 |",
        "二级指标 |",
        "三级指标 |",
        "单位 |",
        "指标值 | |",
        "绩效指标 |",
        "产出指标 |",
        "数量指标 |",
        "森林管护面积完成率 |",
        "% |",
        "≥98% |",
        "护林员到岗率 |",
        "% |",
        "95% | |||",
        "时",
    ]
)


def test_a_regional_target_form_names_its_fund_and_the_county_that_carries_it_out(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, REGIONAL)
    assert doc.kind is B and doc.year == 2031 and doc.self_evaluations == ()
    form, tree = _tree(doc)
    # the fund is the form's 资金名称, its unit the lowest level's managing department, not the province's
    assert form.project == "示例护林补助资金" and form.unit == "示例县林业局"
    # the unpadded full row ends where its cells are all read: the next name opens the next row
    assert [(name, target) for _, _, name, target in tree] == [
        ("森林管护面积完成率", "≥98%"),
        ("护林员到岗率", "95%"),
    ]
    assert form.budget == 2150000 and form.goal.incomplete  # cut after the second indicator: said so


# A page's metadata printed as label lines and value lines with blank lines between, more lines than a title window,
# then the title, then each project's targets under a heading naming the project, the indicator table one cell per
# line; the second project begins where the text is cut.
METADATA = "\n\n".join(
    [
        "索引号:",
        "000000000000000000/2031-000001",
        "发布机构:",
        "市财政局",
        "公开方式:",
        "主动公开",
        "组配分类:",
        "财政预决算",
        "发布日期:",
        "2031-03-09",
        "成文日期:",
        "2031-03-08",
        "公开范围:",
        "面向社会",
        "2031年示例市重大政策和项目绩效目标情况",
        "示例养老服务补贴项目项目绩效目标",
        "(一)中长期绩效目标",
        "健全居家养老服务体系,到2033年,每千名老年人拥有养老床位40张。",
        "(二)中长期绩效指标",
        "项目单位按项目实施内容设置了4个指标。指标如下:",
        "项目具体目标表",
        "一级指标",
        "二级指标",
        "指标名称",
        "指标值",
        "产出指标",
        "数量指标",
        "补贴发放人数",
        "3200",
        "时效指标",
        "补贴发放及时性",
        "按月发放",
        "效益指标",
        "社会效益",
        "居家养老服务覆盖率",
        "提高",
        "满意度指标",
        "满意度指标",
        "受助老人满意度",
        "≥90%",
        "示例社区食堂运营补助项目项目绩效目标",
        "(一)中长期绩效目标",
        "推进社区食堂建设,方便老年人就",
    ]
)


def test_a_metadata_block_of_label_and_value_lines_leaves_the_title_in_view(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, METADATA)
    # the title decides the year and the kind; the publisher '市财政局' is the city's the title names
    assert doc.kind is B and doc.year == 2031 and doc.unit == "示例市财政局"
    form, tree = _tree(doc)
    assert form.project == "示例养老服务补贴项目"  # the heading naming the project, not the page's first line
    assert [name for _, _, name, _ in tree] == [
        "补贴发放人数",
        "补贴发放及时性",
        "居家养老服务覆盖率",
        "受助老人满意度",
    ]


def test_metadata_values_are_joined_to_their_labels_only_in_a_block_of_them() -> None:
    lines = ["索引号:", "", "0001/2031-01", "发布日期:", "2031-03-09", "示例市2031年部门预算"]
    assert metadata_lines(lines) == {0: "索引号:0001/2031-01", 2: "", 3: "发布日期:2031-03-09", 4: ""}
    # one label alone ending with a colon is no metadata block: the line after it stays
    assert metadata_lines(["来源:", "示例市2031年部门预算"]) == {0: "来源:"}


def test_an_empty_catalogue_field_takes_no_title_as_its_value() -> None:
    # '[ 有效性 ]' closing a catalogue block is empty: the title after it is no value of it
    lines = ["[ 索引号 ] 0001/2031-01", "[ 发文字号 ]", "[ 发布机构 ] 示例镇", "[ 有效性 ]", "",
             "示例县示例镇人民政府 2031年部门预算情况说明"]
    assert 5 not in metadata_lines(lines)
    # a file-name label alone takes its value still
    assert metadata_lines(["文件名称:", "示例镇2031年部门预算情况说明", "发布日期:", "2031-03-09"])[1] == ""


def test_a_portal_menu_and_toolbar_above_a_catalogue_leave_the_title_in_view() -> None:
    text = "\n".join(["示例网址", "", "图片", "中国政府网 | 示例市人民政府网 区人大 区政协 网站专栏",
                     "| 无障碍 | 敬老版 | 登录 | 注册 网站支持IPv6", "网站专栏",
                     "首页 走进示例 政务公开 政务服务 营商环境 政民互动 示例数据",
                     "您当前的位置: 首页>政务公开>预算/决算>示例镇> 预算",
                     "[ 索引号 ] 0001/2031-01 [ 发文字号 ]", "[ 发布机构 ] 示例镇 [ 发布日期 ] 2031-03-07",
                     "[ 成文日期 ] 2031-03-07 [ 有效性 ]", "[ 发文字号 ]", "[ 有效性 ]", "",
                     "示例县示例镇人民政府 2031年部门预算情况说明", "", "一、单位基本情况", "(一)职能职责。",
                     "党政办公室:负责综合协调、文秘等工作。"])
    found = detect(text)
    assert found.kind is B and found.year == 2031 and found.unit == "示例县示例镇人民政府"


# A division's finance bureau publishes its allocation files and their target tables: the page's title in one line
# quoting the files' title, then the title again broken over three lines, a one-row table of the file, the file's
# own title broken over three lines, and the allocation with its parts. The notice is dated the year before the one
# the money is for.
def _published(total: str, first: str, second: str) -> str:
    return "\n".join(
        [
            "关于公示《关于下达2031年示例补助资金(产业发展任务和以工代赈任务)文件及绩效目标表》的通知",
            "关于公示《2031年示例补助资金文件",
            "及绩效目标表》",
            "的通知",
            "为加强示例补助资金管理,接受群众和社会监督,现将2031年示例补助资金文件及绩效目标表进行公示",
            "公示时间为2030年12月12日至2030年12月22日。联系电话:0000-0000000",
            "序号 | 文件号 | 文件标题 |",
            "1 | 示财农发[2030]9号 | 关于提前下达2031年示例补助资金预算的通知 |",
            "关于提前下达2031年示例补助资金(产业",
            "发展任务和以工代赈",
            "任务)预算的通知",
            "一团、二团:",
            f"现下达你单位2031年示例补助资金{total}万元,其中:产业发展任务{first}万元、以工代赈任务{second}万元。"
            "分配方案详见附件1",
            "请严格按照资金管理办法加强资金管理",
        ]
    )


def test_a_notice_publishing_allocation_files_with_target_tables_is_the_budget_side(tmp_path: Path) -> None:
    found = detect(_published("760", "600", "160"))
    assert found.kind is B and found.targets
    assert found.year == 2031  # the year the money is for, not the year the notice is dated
    doc, _ = load_text(tmp_path, _published("760", "600", "160"))
    assert doc.kind is B
    findings = audit_document(doc, CENTRAL).findings
    assert not [f for f in findings if f.rule == "prose.parts_total"]
    assert doc.reading is not None and any(c.parts for c in doc.reading.claims)  # the sum was checked
    # its sum was checked, so the page was read: no "nothing read" warning (the tables' absence is in its coverage)
    assert not [f for f in findings if f.rule == "reading.nothing_read"]


def test_a_title_broken_over_three_lines_is_read_whole() -> None:
    # no piece names a kind of document on its own ('…文件及绩效' / '目标表》' / '的通知'); whole, it publishes target
    # tables, and its quotes' closing mark may be lost in the copy
    for closing in ("》", ""):
        found = detect(
            "\n".join(
                [
                    "关于公示《2031年示例补助资金文件及绩效",
                    f"目标表{closing}",
                    "的通知",
                    "为加强示例补助资金管理,现将文件及绩效目标表进行公示。",
                ]
            )
        )
        assert found.kind is B and found.year == 2031


def test_the_parts_of_an_allocation_are_checked_against_its_total(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, _published("760", "600", "190"))
    wrong = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "prose.parts_total"]
    assert len(wrong) == 1 and wrong[0].tier is Tier.ERROR  # 600 + 190 = 790, more than the 760 allocated


def test_a_web_pages_metadata_block_of_label_and_value_paragraphs_is_left_out(tmp_path: Path) -> None:
    labels = ["索引号", "发布机构", "公开方式", "组配分类", "发布日期", "成文日期", "公开范围"]
    values = ["0001/2031-01", "市财政局", "主动公开", "财政预决算", "2031-03-09", "2031-03-08", "面向社会"]
    rows = "".join(
        f"<div><p>{label}:</p><p>{value}</p></div>" for label, value in zip(labels, values, strict=True)
    )
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body>{rows}<h1>2031年示例市重大政策和项目绩效目标情况</h1><p>示例养老服务补贴项目项目绩效目标</p>"
        "</body></html>",
        encoding="utf-8",
    )
    source, _ = read_source(path)
    assert source is not None and "发布机构:市财政局" in source.preamble
    assert source.text.splitlines()[0] == "2031年示例市重大政策和项目绩效目标情况"


def test_a_bulleted_catalogue_entry_whose_labels_were_lost_is_metadata() -> None:
    """A government catalogue entry copied as bullets, each value alone ('• 1150…/2031-00030', '• 财政', '• 2031-10-29'):
    page metadata, not the title; a label kept on its own bullet ('• 发布机构') goes with the value after it."""
    lines = ["  • 11500000000000000X/2031-00030", "  • 财政", "  • 财政预算、决算", "  • 示例区示例镇", "  • 2031-10-29",
             "", "示例区示例镇人民政府(本级)2030年度决算公开说明", "一、单位基本情况"]
    assert sorted(metadata_lines(lines)) == [0, 1, 2, 3, 4]
    text = "\n".join([*lines, "(一)职能职责", "1、负责辖区内的社会性工作。"])
    found = detect(text)
    assert found.kind is DocumentKind.DISCLOSURE and found.year == 2030
    labelled = ["• 索引号", "  • 0000-2-/2031-0001", "  • 发布机构", "  • 示例市文化局", "  • 发布日期", "  • 2031-07-06"]
    assert list(metadata_lines(labelled).values()) == ["索引号：0000-2-/2031-0001", "", "发布机构：示例市文化局", "",
                                                       "发布日期：2031-07-06", ""]
    # a bulleted list in the text (no index number, no date) is not metadata
    assert metadata_lines(["• 收入支出决算总表", "• 收入决算表", "• 支出决算表", "示例局2030年度部门决算"]) == {}
