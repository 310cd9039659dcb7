"""A report that says the money was not spent and still scores its budget execution: the score is questioned (疑似),
naming the reason the text gave and, when the 'nothing spent' is an indicator's actual, how it was read."""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = "示例县人才驿站2031年度项目支出绩效自评报告\n一、项目绩效情况\n"
SCORES = ("本项目累计安排资金8万元，其中：项目立项5分，绩效目标5分，总得分92，资金到位率本项目满分3分，得3分，得分原因为：到位及时，"
          "预算执行率本项目满分3分，得3分，得分原因为：资金使用率大于95%的得满分。")


def _found(tmp_path, text):
    _, found = audit_text(tmp_path, text)
    return [f for f in found if f.rule == "prose.execution_score"]


def test_money_put_in_nothing_yet_execution_scored_is_questioned(tmp_path):
    text = HEAD + "成本目标：项目资金投入绩效目标值是8万元，实际完成值为0万元，目标完成率为0%，" + SCORES + "\n"
    [finding] = _found(tmp_path, text)
    assert finding.tier is Tier.WARNING
    assert "得 3 分" in finding.message and "资金使用率大于95%" in finding.message
    assert "读作实际投入使用的资金" in finding.message  # the indicator's actual, read as the money spent


def test_stated_spending_of_nothing_is_questioned_without_the_indicator_note(tmp_path):
    text = HEAD + "本年实际支出0万元。" + SCORES + "\n"
    [finding] = _found(tmp_path, text)
    assert finding.tier is Tier.WARNING and "读作" not in finding.message


def test_money_spent_or_no_score_given_is_not_questioned(tmp_path):
    spent = HEAD + "成本目标：项目资金投入绩效目标值是8万元，实际完成值为7.9万元，目标完成率为99%，" + SCORES + "\n"
    assert _found(tmp_path, spent) == []
    unscored = HEAD + "本年实际支出0万元。" + SCORES.replace("预算执行率本项目满分3分，得3分", "预算执行率本项目满分3分，得0分") + "\n"
    assert _found(tmp_path, unscored) == []
