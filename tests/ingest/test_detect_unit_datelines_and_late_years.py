"""Units named where two pages met in the corpus name them (own wording and numbers): a 三公 budget's first sentence
naming the unit, then what it reports on, then the year ('示例中心财政拨款“三公”经费预算2031年情况如下'); and a unit's
name on the line under a page's dateline ('示例省/示例市-2031-05-06 00:00:00') in a text whose 目录 lines all run on
without punctuation — a dateline is complete as it stands, never the first half of a wrapped line."""

from __future__ import annotations

from tests.builders import read_text


def _read(tmp_path, text: str):  # type: ignore[no-untyped-def]
    doc, _ = read_text(tmp_path, text, "page.txt")
    assert doc is not None
    return doc


SANGONG_BUDGET = """示例市城郊道路养护站财政拨款“三公”经费预算2031年情况如下:
一、 因公出国(境)经费
2031年示例市城郊道路养护站没有安排出国计划。
二、 公务用车购置及运行维护费
安排公车运行维护费12万元。较上年预算下降10%。
三、 公务接待费
安排公务接待费预算3万元。
2031年“三公”经费预算财政拨款情况统计表
单位:万元
项 目 | 本年预算数 |
合 计 | 15 |
1.因公出国(境)费用 | |
2.公务接待费 | 3 |
3.公务用车费 | 12 |
"""


def test_a_sangong_budget_naming_its_unit_before_the_year(tmp_path):
    doc = _read(tmp_path, SANGONG_BUDGET)
    assert doc.unit == "示例市城郊道路养护站" and doc.year == 2031


CONTENTS = ["一、收入支出决算公开表", "二、收入决算公开表", "三、支出决算公开表", "四、财政拨款收入支出决算公开表",
            "五、一般公共预算财政拨款收入支出决算公开表", "六、一般公共预算财政拨款基本支出决算公开表",
            "七、政府性基金预算财政拨款收入支出决算公开表", "八、国有资本经营预算财政拨款收入支出决算公开表",
            "九、财政拨款“三公”经费支出决算公开表"]
UNDER_DATELINE = "\n".join([
    "示例省/示例市-2031-05-06 00:00:00",
    "示例县河道工程服务中心",
    "2030年度单位决算",
    "目录",
    "第一部分 示例县河道工程服务中心单位概况",
    "第二部分 示例县河道工程服务中心2030年单位决算公开表(见附件)",
    *CONTENTS,
    "第三部分 示例县河道工程服务中心2030年度单位决算情况说明",
    "一、收入支出决算总体情况说明",
    "二、收入决算情况说明",
])


def test_a_dateline_does_not_run_on_into_the_units_name(tmp_path):
    doc = _read(tmp_path, UNDER_DATELINE)
    assert doc.unit == "示例县河道工程服务中心"
    assert not any("00:00:00示例县" in line for line in doc.source.text.splitlines())


TOWN_DUTIES = "\n".join([
    "目 录",
    "第一部分 部门概况",
    "第二部分 2030年度部门决算表",
    "一、收入支出决算总表",
    "第三部分 2030年度部门决算情况说明",
    "一、收入支出决算总体情况说明",
    "第一部分 部门概况",
    "一、部门职责",
    "乡镇党政机构具有党委和政府两种职能,党委领导政府工作。乡镇政府是基层国家行政机关,行使本行政区的行政职能。",
    "(1)负责抓好本镇党建工作。",
])


def test_a_townships_kind_of_body_is_not_its_name(tmp_path):
    doc = _read(tmp_path, TOWN_DUTIES)
    assert doc.unit == ""  # which town is not said: '乡镇政府' is what every township is


KINDERGARTEN = "\n".join([
    "第一部分 部门概况",
    "一、部门职责",
    "为学龄前儿童提供保育和教育服务。",
    "二、机构设置",
    "示例县第二幼儿园归示例县教育局主管。属示例县教育局下属的二级预算单位,是全额事业单位。现有在职教师20人。",
    "第二部分 2030年度部门决算表",
    "一、收入支出决算总表",
    "公开01表 | ||",
    "单位:示例回族自治县第二幼儿园 | 2030年度 | 金额单位:万元 |",
    "收入 | 支出 | ||||",
])


def test_the_body_a_unit_belongs_to_is_not_the_unit_and_a_piped_caption_names_it(tmp_path):
    doc = _read(tmp_path, KINDERGARTEN)
    assert doc.unit == "示例回族自治县第二幼儿园"  # the caption's full name, not '属示例县教育局'
    without_caption = _read(tmp_path, "\n".join(KINDERGARTEN.splitlines()[:6]))
    assert "属" not in without_caption.unit
