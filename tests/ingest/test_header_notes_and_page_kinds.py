"""Readings that published pages got wrong, rebuilt with our own wording and figures:

- a budget header whose score column prints its formula ('得分（20分×执行率）'): the column is the score, read by
  its head noun, and the 20 points it prints are the part's full marks;
- a project named with the year its funds were granted, under a form titled with the year it reports on;
- a flattened form whose 主管部门 value runs into the next label ('…局资金使用单位…局');
- a 三公 table in Traditional characters laid out with spaces, its rows not rebuilt (a chrome line taken for it):
  reported as not read, with its figures;
- pages that are no unit's document: a 其他重要事项 list read as a work summary from its fourth item, a news item
  filed under a site's news section, an answer on a question-and-answer site.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.headers import head_label
from jixiao.ingest.source import Table
from tests.builders import load_form

FORMULA_HEADER_FORM = "\n".join(
    [
        "示例区2030年示范项目补助资金绩效自评",
        "- 索引号",
        "- 000000-0/20320101-00001",
        "- 发文机构",
        "- 示例区农业局",
        "- 公开目录",
        "- 绩效自评报告",
        "2031年度项目支出绩效自评表",
        "单位名称:示例区农技站 填报日期:2032年3月1日",
        "项目名称 | 示例区2030年示范项目补助资金 | ||||||",
        "主管部门 | 示例区农业局 | 项目实施单位 | 示例区农技站 | ||||",
        "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | ||||",
        "年度财政资金总额 | 400.00 | 50.00 | 12.50% | 2.50 | ||||",
        "年度绩效目标 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | ||",
        "产出指标 | 数量指标 | 示范面积 | ≥3000亩 | 3000亩 | 40.0 | |||",
        "效益指标 | 社会效益指标 | 受益农户 | ≥800户 | 800户 | 40.0 | |||",
    ]
)


def load(tmp_path: Path, content: str, name: str = "page.txt"):  # type: ignore[no-untyped-def]
    return load_form(tmp_path, content, name)


def test_a_header_means_its_head_noun_not_the_note_in_brackets():
    assert head_label("得分 (20分*执行率)") == "得分"
    assert head_label("预算执行情况(万元) (20分)") == "预算执行情况"
    assert head_label("执行率（B/A）") == "执行率"
    # a bracket inside the label is part of it
    assert head_label("转移支付（项目）名称") == "转移支付(项目)名称"
    assert head_label("(B/A)") == "(B/A)"


def test_score_column_printing_its_formula_is_the_score(tmp_path):
    doc, findings = load(tmp_path, FORMULA_HEADER_FORM)
    [se] = doc.self_evaluations
    [total] = se.budget_lines
    assert (total.reported_rate, total.reported_score) == (Decimal("12.50"), Decimal("2.50"))
    assert [c.full_marks for c in se.reported.block_claims if c.block == "预算执行"] == [Decimal("20")]
    # 20 × 12.5% = 2.5: neither the rate nor the score is wrong
    assert not [f for f in findings if f.rule.startswith("selfeval.s1_execution")]


def test_year_is_the_forms_reporting_year_not_the_year_in_the_project_name(tmp_path):
    assert detect(FORMULA_HEADER_FORM).year == 2031
    # without a form title of its own, the title's year stands
    assert detect("示例区2030年示范项目补助资金绩效自评\n项目名称：示范项目").year == 2030


def test_a_label_inside_a_flattened_value_ends_it():
    text = (
        "示例资金绩效目标自评表\n(2031年度)\n转移支付(项目)名称示例补助资金\n中央主管部门财政部\n"
        "地方主管部门示例市交通局资金使用单位示例市交通局\n全年预算数(A)全年执行数(B)预算执行率(B/A)\n"
    )
    assert detect(text).unit == "示例市交通局"


# A page counter printed as a table row ('阅读:3 | | | | |') is page chrome, no table; the rows under the title are lines
# of text that no layout rebuilds (no unit caption, no header): the table is found by its title, no row is read, and the
# figures of those lines are said to be unread.
SPACED_SANGONG = "\n".join(
    [
        "示例县2031年度档案局“三公”经费决算情况表",
        "来源:县档案局   2032-06-10",
        "阅读:3 | | | | |",
        "",
        "一、支出合计 6.40",
        "1、因公出国(境)费用  ",
        "2、公务接待费 6.40",
        "3、公务用车费  ",
        "二、相关统计数  ",
        "5.公务接待批次(批) 42",
        "6.公务接待人数(人) 310",
        "三、“三公”经费增减变化原因等说明 三公经费比上年略有减少,减少0.30万元,主要是压减了接待。",
    ]
)


def test_a_table_found_with_no_row_read_is_reported_with_its_figures(tmp_path):
    doc, findings = load(tmp_path, SPACED_SANGONG)
    assert not any(isinstance(b, Table) for b in doc.source.blocks)  # the counter is no table
    # no table of 0 rows counted as read
    assert not any(t.name.startswith("公开09") for t in doc.reading.tables)
    [unread] = [u for u in doc.reading.unread if u.what.startswith("公开09")]
    assert "未读出任何行" in unread.what and "6.40、6.40、42、310" in unread.what
    assert unread.location.line is not None
    assert "reading.nothing_read" in {f.rule for f in findings}  # nothing of the package was checked


OTHER_MATTERS = "\n".join(
    [
        "1、机关运行经费支出情况。2031年决算为保障机构正常运行而发生的购买货物和服务各项支出合计52.10万元,较上年增加2.10万元。",
        "2、关于政府采购支出情况。无。",
        "3、关于国有资产占用情况。截止2031年12月31日,所属车辆总数2辆。",
        "4、关于预算绩效管理工作开展情况。本单位无重点支出项目,故无绩效评价情况公开。",
    ]
)


def test_a_list_of_other_matters_is_a_final_accounts_section_not_a_work_summary():
    found = detect(OTHER_MATTERS)
    assert found.kind is DocumentKind.DISCLOSURE
    assert "其他重要事项" in found.evidence[0]
    # the first item of a list still names a text that has no title of its own
    found = detect(
        "一、2032年“三公”经费预算安排情况\n2032年度“三公”经费预算总计8.2万元。\n"
        "二、2031年“三公”经费决算情况\n2031年度“三公”经费合计支出7.9万元。"
    )
    assert found.kind is DocumentKind.BUDGET_DISCLOSURE


def test_a_page_of_a_sites_news_section_is_no_units_document():
    text = (
        "当前位置: 首页 > 政务信息 > 工作动态 > 重要活动\n\n我市2031年本级政府采购情况\n\n发布日期:2032-01-10\n\n"
        "  2031年,市本级纳入政府集中采购的预算规模为5000.00万元,其中:货物类采购预算金额2000.00万元;工程类采购预算金额"
        "1000.00万元;服务类采购预算金额2000.00万元。实际采购规模为4600.00万元,节约资金400.00万元,节约率为8.00%。"
    )
    found = detect(text, "page.txt", ("当前位置: 首页 > 政务信息 > 工作动态 > 重要活动",))
    assert found.kind is None and "新闻" in found.hint
    # a unit's own document filed under such a section keeps its title's kind
    titled = detect(
        "示例县政协2031年度部门整体支出绩效自评报告\n一、基本情况",
        "",
        ("您的位置:首页 > 新闻中心 > 部门动态 > 详细内容",),
    )
    assert titled.kind is DocumentKind.SELF_EVALUATION


def test_an_answer_on_a_question_site_is_no_units_document():
    text = (
        "问答示例网\n收录1234567题,免费搜题解答\n今日已更新0道题\n全国三公经费总额\n优质解答\n"
        "2031年中央本级“三公”经费财政拨款预算安排50.00亿元,其中因公出国(境)费10.00亿元,公务用车购置及运行费"
        "37.00亿元,公务接待费3.00亿元;某县“三公”经费预算总额500.00万元。"
    )
    found = detect(text)
    assert found.kind is None and "问答" in found.hint


def test_a_disclosure_column_is_matched_by_its_head_noun_when_its_note_names_nothing():
    from jixiao.ingest.disclosure import COLUMN_ALIASES
    from jixiao.ingest.headers import match_column

    assert match_column(["公务接待费(含外宾接待)"], COLUMN_ALIASES["D09"]) == "reception"
    # a whole alias is taken as it is
    assert match_column(["因公出国(境)费"], COLUMN_ALIASES["D09"]) == "overseas"
