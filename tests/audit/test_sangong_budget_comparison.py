"""A 三公 budget table printing last year's budget and the change beside this year's (own wording and figures; the
layout of a county's page: bars between cells, the change caption over two sub-columns whose empty leading cells
the export dropped):

    项目 | 2030年预算数 | 2031年预算数 | 比上年增、减情况 | |
    增、减金额 | 增、减幅度 | |||
    合计 | 20.50 | 24.50 | 4 | 20% |

The template reads the 2031 column (公开09); the 2030 column and the changes are read as a two-year comparison:
增减金额 = 2031 − 2030, 增减幅度 = 增减金额 ÷ 2030, within the printed precision.
"""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text


def _page(total_change: str, reception_rate: str) -> str:
    return "\n".join([
        "2031年示例县示例镇“三公”经费预算财政拨款情况统计表 | ||||",
        "单位:万元 | ||||",
        "项目 | 2030年预算数 | 2031年预算数 | 比上年增、减情况 | |",
        "增、减金额 | 增、减幅度 | |||",
        f"合计 | 20.50 | 24.50 | {total_change} | 20% |",
        "1.因公出国(境)费 | ||||",
        f"2.公务接待费 | 4 | 8 | 4 | {reception_rate} |",
        "3.公务用车购置及运行费 | 16.50 | 16.50 | ||",
        "其中:(1)公务用车购置费 | ||||",
        "(2)公务用车运行费 | 16.50 | 16.50 | 0 | 0 |",
        "注:“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。 |",
    ])


def comparison_findings(found):
    return [f for f in found if f.rule == "disclosure.comparison_table"]


def test_the_changes_of_a_sangong_budget_table_are_checked(tmp_path):
    doc, found = audit_text(tmp_path, _page("4", "100%"))
    assert not [f for f in comparison_findings(found) if f.tier is not Tier.NOTICE]
    assert doc.disclosure is not None and doc.disclosure.comparisons
    # the columns the comparison reads are no longer listed as unread
    assert not [u for u in doc.unread if "只读取本年度的列" in str(u)]


def test_a_wrong_change_or_rate_is_an_error(tmp_path):
    _, found = audit_text(tmp_path, _page("5.00", "100%"))
    [finding] = comparison_findings(found)
    assert finding.tier is Tier.ERROR and "合计" in finding.message
    _, found = audit_text(tmp_path, _page("4", "50%"))
    [finding] = comparison_findings(found)
    assert finding.tier is Tier.ERROR and "公务接待费" in finding.message


def test_an_items_own_parts_do_not_end_the_list_of_items(tmp_path):
    # '2.公务用车…' over '(1)购置费', '(2)运行费', then '3.公务接待费': the 2030 total is items 1–3, not 1–2
    text = "\n".join([
        "示例县2031年“三公”经费决算对比表 | |||||",
        "单位:万元 | |||||",
        "项目 | 2030年决算数 | 2031年决算数 | 比上年增减 | |",
        "增减额 | 增减率 | ||||",
        "合计 | 30.00 | 33.00 | 3.00 | 10.00% |",
        "1.因公出国(境)费 | 0.00 | 0.00 | 0.00 | 0.00% |",
        "2.公务用车购置及运行费 | 20.00 | 22.00 | 2.00 | 10.00% |",
        "(1)公务用车购置费 | 5.00 | 6.00 | 1.00 | 20.00% |",
        "(2)公务用车运行费 | 15.00 | 16.00 | 1.00 | 6.67% |",
        "3.公务接待费 | 10.00 | 11.00 | 1.00 | 10.00% |",
    ])
    doc, found = audit_text(tmp_path, text)
    assert doc.disclosure is not None and doc.disclosure.comparisons
    assert not [f for f in comparison_findings(found) if f.tier is not Tier.NOTICE]
    # the same table with a 2030 total that is not items 1–3 (29.00 against 30.00): still found
    _, found = audit_text(tmp_path, text.replace("合计 | 30.00 | 33.00 | 3.00 | 10.00% |", "合计 | 29.00 | 33.00 | 4.00 | 13.79% |"))
    assert [f for f in comparison_findings(found) if f.tier is not Tier.NOTICE and "第 1–3 项" in f.message]
