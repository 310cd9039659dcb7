"""Units a text establishes outside a plain title (own wording and names, one case per cause): a management zone's
transfer-payment title, a form's 主管部门及代码 label, a catalogue's 部门 field for a text speaking as its place, the
unit's scope sentence ('只有本级'), the founding sentence followed by its duties — and a place's summary over all its
departments ('示例市全市部门…') is the place, not '示例市全市'."""

from __future__ import annotations

import pytest

from jixiao.ingest.detect import detect


def test_a_management_zone_names_its_transfer_payment_report_before_the_year():
    text = (
        "示例湖管理区专项转移支付2031年度耕地保护补助实施情况\n绩效目标分解下达情况\n"
        "2031年度省级拨付我区耕地保护补助资金30万元,共计30万元。\n"
    )
    assert detect(text).unit == "示例湖管理区"


@pytest.mark.parametrize("label", ["主管部门及代码", "主管部门及其编码"])
def test_a_department_label_with_its_code_names_the_department(label):
    text = (
        "示例市县(区)级预算部门(单位)项目支出绩效目标申报表 (2031年度) 项目名称 2031年古建修缮经费 "
        f"{label} 512-示例市文化和旅游局 实施单位 项目属性 一次性项目 实施期资金总额: 200,000\n"
    )
    assert detect(text).unit == "示例市文化和旅游局"


CATALOGUE = "示例县2031年度中央彩票公益金支持养老服务资金绩效自评报告\n"
FIELDS = "索引号: | AB1234/2032-00077 | 部门: | 财政局 |\n栏目: | 专项资金 | 来源: | 财政局预算股 |\n"


def test_a_catalogues_finance_bureau_issues_a_text_speaking_as_its_place():
    body = "一、绩效目标分解下达情况\n2031年度,下达我县中央专项彩票公益金50万元,用于示例县养老服务中心改造。\n"
    assert detect(CATALOGUE + FIELDS + body).unit == "示例县财政局"


def test_a_catalogues_finance_bureau_is_not_the_unit_of_a_text_speaking_as_another_body():
    body = "一、绩效目标分解下达情况\n2031年度,我中心收到中央专项彩票公益金50万元,用于养老服务中心改造。\n"
    assert detect(CATALOGUE + FIELDS + body).unit == ""


@pytest.mark.parametrize(
    "scope",
    ["只有本级,没有其他预算单位,因此本部门预算仅含本级预算。", "没有下属预算单位,本部门预算即本级预算。"],
)
def test_the_unit_named_in_its_scope_sentence(scope):
    text = (
        "目 录\n第一部分 2031年部门预算说明\n第二部分 2031年部门预算表\n第一部分 2031年部门预算说明\n"
        "一、部门基本概况\n(一)职能职责:\n1. 执行本级人民代表大会的决议。\n二、部门预算单位构成\n"
        f"示例镇人民政府{scope}\n三、收入预算情况\n2031年收入预算900万元。\n"
    )
    assert detect(text).unit == "示例镇人民政府"


def test_the_unit_a_founding_decision_set_up_followed_by_its_duties():
    text = (
        "目 录\n第一部分 2031年度部门决算报表\n第二部分 2031年度部门决算说明\n报表详见附件。\n"
        "第二部分 2031年度部门决算说明\n一、单位基本情况\n"
        "根据《关于印发<示例市示例区水务局职能配置、内设机构和人员编制规定>的通知》(示办字〔2029〕8号),"
        "设立示例市示例区水务局。主要负责辖区内水务方面行政职能,主要职责如下:\n1.负责本区水资源管理;\n"
    )
    assert detect(text).unit == "示例市示例区水务局"


@pytest.mark.parametrize(
    "title",
    ["2031年度示例市全市部门“三公”经费支出决算情况说明", "2031年度示例市全市部门决算公开"],
)
def test_a_places_summary_over_all_its_departments_is_the_place(title):
    assert detect(title + "\n2031年全市部门“三公”经费支出合计120万元。\n").unit == "示例市"
