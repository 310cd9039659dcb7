"""A 三公 table exported one cell per line, whose 其中 rows under 公务用车购置及运行维护费 are left blank: blank is not
zero — the car item is not broken down, which contradicts nothing. And two shares of one list written the other way
round are one fault, reported once."""

from __future__ import annotations

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

TABLE_AND_TEXT = "\n".join([
    '示例研究所2024年度一般公共预算财政拨款“三公”经费支出决算',
    '一、2024年度一般公共预算财政拨款“三公”经费支出决算表',
    '单位:万元',
    '项 目 |',
    '预 算 数 |',
    '决 算 数 |',
    '合 计 |',
    '5 |',
    '2.40 |',
    '因公出国(境)费 |',
    '|',
    '|',
    '公务接待费 |',
    '2 |',
    '0.60 |',
    '公务用车购置及运行维护费 |',
    '3 |',
    '1.80 |',
    '其中:公务用车运行维护费 |',
    '|',
    '|',
    '公务用车购置费 |',
    '|',
    '|',
    '二、2024年度一般公共预算财政拨款“三公”经费支出情况说明',
    '(一)一般公共预算财政拨款“三公”经费支出决算总体情况说明。',
    '示例研究所2024年度一般公共预算财政拨款“三公”经费支出预算为5万元,支出决算为2.40万元,完成预算的48%。',
    '(二)一般公共预算财政拨款“三公”经费支出决算具体情况说明。',
    '示例研究所2024年度一般公共预算财政拨款“三公”经费支出决算中,公务接待费支出决算0.60万元,占{reception}%;公务用车购置及运行维护费支出决算1.80万元,占{car}%。具体情况如下:',
]) + "\n"


@pytest.mark.parametrize(("reception", "car", "found"), [
    ("25", "75", []),                                             # 0.60 ÷ 2.40, 1.80 ÷ 2.40
    ("75", "25", [("narrative.n2_percentages", "公务接待费占比")]),  # swapped: one finding
    ("35", "75", [("narrative.n2_percentages", "公务接待费占比")]),  # one wrong share
])
def test_blank_car_parts_and_swapped_shares(tmp_path, reception, car, found):
    doc, findings = audit_text(tmp_path, TABLE_AND_TEXT.format(reception=reception, car=car))
    assert doc.disclosure.tables["D09"].rows
    errors = [f for f in findings if f.tier is Tier.ERROR]
    assert [(f.rule, f.location.row) for f in errors] == found
    if reception == "75":
        assert "互换" in errors[0].message and errors[0].related
