"""A '其中' list whose first part repeats the total ('支出预算80.40万元，其中：一般公共服务支出80.40万元，教育支出60.10万元，
…'): the parts exceed their whole at any precision — one certain finding for that fault, and no second finding (a
restated total, a doubtful reading) for the same figures. Own wording and figures, reproducing a unit's budget
explanation."""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

TEXT = """示例镇示例服务中心2032年单位预算情况说明
一、单位收支总体情况
(一)收入预算2032年年初预算数80.40万元,其中:一般公共预算拨款80.40万元,政府性基金预算拨款0万元。
(二)支出预算2032年年初预算数80.40万元,其中:一般公共服务支出预算80.40万元,教育支出预算60.10万元,卫生健康支出预算12.20万元,住房保障支出预算8.10万元。
"""


def test_parts_repeating_their_total_are_one_certain_finding(tmp_path):
    _, findings = audit_text(tmp_path, TEXT)
    about = [f for f in findings if "160.80" in f.message or "80.40" in f.message]
    assert [(f.rule, f.tier) for f in about] == [("narrative.parts_total", Tier.ERROR)]
