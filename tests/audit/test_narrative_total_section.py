"""A final account whose explanation opens with '三、收支决算总体情况' (no 说明 in the heading): its sentences are
read and checked like any 情况说明; before, the whole paragraph was left as numbers not read."""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

TEXT = ("一、基本职能及主要工作\n"
        "本所承担辖区内的公共卫生服务工作。\n"
        "二、收支决算总体情况\n"
        "2021年示例乡卫生所本年支出合计{total}万元,与2020年相比减少10.00万元,下降7.41%;其中:基本支出100.00万元,"
        "占80.00%与2020年相比减少8.00万元,减少7.41%;项目支出25.00万元,占20.00%与2020年相比减少2.00万元,减少7.41%。\n"
        "三、财政拨款收入支出决算总体情况说明\n"
        "示例乡卫生所2021年度财政拨款收入决算总计60.00万元。与2020年相比增加6.00万元,增加11.11%。\n")


def test_the_total_section_without_explanation_word_is_read(tmp_path):
    doc, found = audit_text(tmp_path, TEXT.format(total="125.00"))
    assert [f for f in found if f.tier is not Tier.NOTICE] == []
    assert doc.disclosure is not None and len(doc.disclosure.narrative) >= 1
    _, found = audit_text(tmp_path, TEXT.format(total="124.80"))  # the parts exceed the whole: certain
    assert ("narrative.parts_total", Tier.ERROR) in [(f.rule, f.tier) for f in found]
    _, found = audit_text(tmp_path, TEXT.format(total="125.20"))  # short: 经营支出 etc. may be the rest, unlisted
    assert ("narrative.parts_total", Tier.WARNING) in [(f.rule, f.tier) for f in found]
    assert ("narrative.parts_total", Tier.ERROR) not in [(f.rule, f.tier) for f in found]
