"""A count of inner bodies whose list is finished by the next sentence's other group ('内设职能部门9个,包括A、…G。另有
两个派出法庭分别位于…'): the count takes both in (own wording and names)."""

from __future__ import annotations

from tests.audit.test_mutations import audit_text

COURT = """示例县人民法院2030年度部门决算情况说明
一、部门基本情况
(一)机构设置。
我院内设职能部门{count}个,包括办公室、政治部、立案庭、刑事审判庭、民事审判庭、行政审判庭、执行局。
另有两个派出法庭分别位于东镇、西镇。
二、部门决算情况说明
(一)收入支出决算总体情况说明。
2030年度收入总计120.00万元,支出总计120.00万元。
"""


def named(findings):
    return [f for f in findings if f.rule == "narrative.named_count"]


def test_the_next_sentences_other_group_completes_the_count(tmp_path):
    _, findings = audit_text(tmp_path, COURT.format(count="9"))  # 7 named + 2 courts
    assert not named(findings)


def test_a_count_neither_reading_gives_is_still_reported(tmp_path):
    _, findings = audit_text(tmp_path, COURT.format(count="12"))
    assert named(findings)
