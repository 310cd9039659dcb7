"""A form's own-unit label read as written, and a body's first subject stated by its spending (own wording and names):
'单位名称:' whose value is a section of a bureau run straight into the next label, '示例局主要有…两类支出', and an essay
site's page of samples naming different units, which names none (未识别, never the first sample's unit)."""

from __future__ import annotations

import pytest

from jixiao.ingest.detect import detect

FORM_ROW = ("项目名称示例渔船补贴主管部门区示例监管局项目实施单位示例科项目类别1、部门预算项目0预算执行情况(万元)(20分)"
            "预算数(A)执行数(B)执行率(B/A)得分年度财政资金总额2.402.40120")


@pytest.mark.parametrize(("labelled", "unit"), [
    ("2030年度示例禁捕项目自评表单位名称:渔政管理股填报日期:", "渔政管理股"),  # run into the next label
    ("2030年度示例禁捕项目自评表\n填报单位：示例水产工作科\n", "示例水产工作科"),  # at the end of its line
    ("2030年度示例禁捕项目自评表\n编制单位(盖章): 计划财务股 | 金额单位:万元\n", "计划财务股"),  # its cell's end
])
def test_a_forms_own_unit_label_gives_its_value_as_written(labelled, unit):
    assert detect(labelled + FORM_ROW).unit == unit


def test_a_labelled_value_running_on_into_other_words_or_naming_a_place_alone_is_not_read():
    assert detect("2030年度示例项目自评表单位名称:示例省 示例厅填报日期:" + FORM_ROW).unit != "示例省"
    assert detect("2030年度示例项目自评表单位名称:示例省\n" + FORM_ROW).unit != "示例省"


SAMPLE = ("  一、项目基本情况\n\n  (一)绩效目标情况\n\n  {opening}\n\n"
          "  部门预算项目支出主要用于示例交流活动和示例平台维护。\n\n")


@pytest.mark.parametrize("opening", [
    "示例市示例技术局主要有部门预算项目支出、专项预算支出两类支出，项目资金总预算为312.5万元，其中部门预算项目支出"
    "12.5万元，专项预算支出300万元。",
    "示例市示例技术局项目资金总预算为312.5万元，其中部门预算项目支出12.5万元，专项预算支出300万元。",
])
def test_a_first_sentence_stating_the_units_spending_names_the_unit(opening):
    text = "项目绩效自评报告\n\n项目绩效自评报告1\n\n" + SAMPLE.format(opening=opening)
    assert detect(text).unit == "示例市示例技术局"


def _samples_page(*openings: str) -> str:
    samples = "".join(f"项目绩效自评报告{n}\n\n" + SAMPLE.format(opening=opening)
                      for n, opening in enumerate(openings, start=1))
    return ("项目绩效自评报告\n\n时间:2031-05-01 自评报告 我要投稿\n\n项目绩效自评报告精品12篇\n\n"
            "  以下是小编为大家整理的项目绩效自评报告，仅供参考。\n\n" + samples)


def test_a_page_of_samples_naming_different_units_names_none():
    text = _samples_page("示例市示例技术局主要有部门预算项目支出、专项预算支出两类支出，项目资金总预算为312.5万元。",
                         "示例县示例农业局主要有基本支出、项目支出两类支出，项目资金总预算为80万元。")
    assert detect(text).unit == ""


def test_a_page_of_samples_naming_different_units_by_other_subjects_names_none():
    text = _samples_page("示例市示例技术局主要有部门预算项目支出、专项预算支出两类支出，项目资金总预算为312.5万元。",
                         "示例县档案馆是示例县人民政府直属的公益一类事业单位。")
    assert detect(text).unit == ""


def test_a_page_of_samples_all_naming_one_unit_names_it():
    text = _samples_page("示例市示例技术局主要有部门预算项目支出、专项预算支出两类支出，项目资金总预算为312.5万元。",
                         "示例市示例技术局2031年项目资金总预算为280万元。")
    assert detect(text).unit == "示例市示例技术局"
