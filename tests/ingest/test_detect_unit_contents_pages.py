"""The unit and year of a package copied with its table of contents (own wording and numbers, one case per layout met
in the development corpus): a page's index number and the title on the lines above '目录', each a line of its own
and never a wrapped sentence; a title naming its body without its place, the body written out once with its place
in the text; a contents entry numbering the attachment that names the unit; an essay site's sample heading, whose
year is the site's."""

from __future__ import annotations

from pathlib import Path

from jixiao.ingest.pipeline import read_source
from tests.builders import read_text

CONTENTS = [
    "第一部分 单位概况",
    "一、主要职能",
    "二、部门基本情况",
    "第二部分 2031年度部门决算表",
    "一、收入支出决算表",
    "二、收入决算表",
    "三、支出决算表",
    "四、财政拨款收入支出决算总表",
    "五、一般公共预算财政拨款收入支出决算表",
    "六、一般公共预算财政拨款基本支出决算表",
    "第三部分 2031年度部门决算情况说明",
    "一、收入决算情况说明",
    "二、支出决算情况说明",
    "第四部分 名词解释",
]


def _read(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    doc, errors = read_text(tmp_path, text, "page.txt")
    assert doc is not None, errors
    return doc


def test_an_index_number_and_a_two_body_title_above_the_contents_are_lines_of_their_own(tmp_path):
    # a mirror's copy without blank lines: the index number, a title naming one department by its two names, '目录',
    # then the contents (most of its lines end without a sentence mark, as a wrapped PDF text's do)
    title = "中共示例市纪律检查委员会示例市监察委员会2031年度部门决算"
    text = "\n".join(
        [
            "监督索引号53990000700001000",
            title,
            "目录",
            *CONTENTS,
            "第一部分 单位概况",
            "一、主要职能",
            "(一)主要职能",
            "(1)负责党的纪律检查工作,维护党的章程和其他党内法规,检查党的路线方针政策和决议的执行情况",
        ]
    )
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    source, _ = read_source(path)
    assert source is not None
    lines = source.text.splitlines()
    assert title in lines and "目录" in lines  # not '监督索引号…决算目录' run together
    doc = _read(tmp_path, text)
    assert (doc.unit, doc.year) == ("中共示例市纪律检查委员会示例市监察委员会", 2031)


def test_a_title_without_its_place_takes_the_place_the_text_writes_it_with(tmp_path):
    # the title over two lines, then '目 录' on its own line; the body's 决算单位构成 writes the centre out with its city
    text = "\n".join(
        [
            "2031年度",
            "示例湖公园事务中心部门决算",
            "目 录",
            *CONTENTS,
            "第一部分 单位概况",
            "一、部门职责",
            "主要负责示例湖公园卫生保洁,绿化养护,设施维护等事务性工作。",
            "二、机构设置及决算单位构成",
            "本单位2031年部门决算汇总公开单位构成包括:示例市示例湖公园事务中心本级。",
        ]
    )
    doc = _read(tmp_path, text)
    assert (doc.unit, doc.year) == ("示例市示例湖公园事务中心", 2031)


def test_a_title_without_its_place_written_out_with_two_places_names_no_unit(tmp_path):
    # the text writes the centre's name with two different cities: which one's the title is, is not said
    text = "\n".join(
        [
            "2031年度",
            "示例湖公园事务中心部门决算",
            "目 录",
            *CONTENTS,
            "第一部分 单位概况",
            "一、部门职责",
            "负责示例湖公园的保洁养护工作。",
            "二、机构设置及决算单位构成",
            "本单位由甲例市示例湖公园事务中心、乙例市示例湖公园事务中心合并组建。",
        ]
    )
    assert _read(tmp_path, text).unit == ""


def test_a_contents_entry_numbering_the_attachment_names_the_unit(tmp_path):
    # a budget's contents whose only title is its twelfth entry, the attachment of the unit's own tables
    text = "\n".join(
        [
            "目 录",
            "一、基本职能及主要工作",
            "二、部门预算单位构成",
            "三、收支预算情况说明",
            "四、财政拨款收支预算情况说明",
            "五、一般公共预算当年拨款情况说明",
            "六、一般公共预算基本支出情况说明",
            "七、“三公”经费财政拨款预算安排情况说明",
            "八、其他重要事项的情况说明",
            "九、名词解释",
            "十、附件:示例县示例区人民医院2031年预算公开报表",
            "1.部门收支总表(公开表1)",
            "2.部门收入总表(公开表1-1)",
            "3.部门支出总表(公开表1-2)",
            "按照预算管理有关规定,目前部门预算的编制实行综合预算制度,即全部收入和支出都反映在预算中。",
        ]
    )
    doc = _read(tmp_path, text)
    assert (doc.unit, doc.year) == ("示例县示例区人民医院", 2031)


def test_an_essay_sites_sample_heading_gives_no_year(tmp_path):
    # the collection's title, then its first sample headed with the same title and the sample's number; the sample's
    # own years are a template's '20xx'
    text = "\n".join(
        [
            "2032年项目绩效监控报告(通用12篇)",
            "2032年项目绩效监控报告 篇1",
            "一、项目基本情况",
            "(一)项目概况。包括项目背景、主要内容及实施情况、资金投入和使用情况等。",
            "20xx年度项目预算投入40万元,截至6月底资金使用18万元,执行率45%。",
            "二、绩效运行监控工作开展情况",
            "按照绩效运行监控的要求,对项目执行进度和绩效目标实现程度开展了监控。",
        ]
    )
    doc, errors = read_text(tmp_path, text, "page.txt")
    assert doc is not None, errors
    assert doc.year is None


def test_a_part_heading_naming_the_accounts_with_their_sangong_is_no_sangong_title():
    # '第二部分 部门决算和“三公”经费决算表' heads the set of tables; the table after it is the summary its own caption
    # row names, never the 三公 table (the contents then lists each table by its own name)
    from jixiao.ingest.disclosure import extract_disclosure, table_code
    from jixiao.ingest.source import SourceDocument, text_blocks

    assert table_code("第二部分 部门决算和 “三公”经费决算表") is None
    assert table_code("附件4:部门决算及“三公”经费决算公开表格(表1)") is None
    assert table_code("八、“三公”经费支出决算表") == "D09"
    assert table_code("财政拨款“三公”经费支出决算表") == "D09"
    lines = [
        "第二部分 部门决算和 “三公”经费决算表",
        "| 附件4:部门决算和“三公”经费决算公开表格(表1) | |||||",
        "| 部门收支决算总表 | |||||",
        "| 单位名称: | 示例县党校 |",
        "| 项目 | 决算数 | 项目 | 决算数 |",
        "| 一、财政拨款 | 120.50 | 一、一般公共服务 | 118.30 |",
        "| 本年收入合计 | 120.50 | 本年支出合计 | 118.30 |",
    ]
    source = SourceDocument("t.txt", "text", text_blocks("\n".join(lines), "t.txt"))
    package, _ = extract_disclosure(source, 2031, "示例县党校")
    assert package is None or "D09" not in package.tables
