"""A '其中' opening a sentence right after a sentence that lists parts of its own (own wording and figures):

'项目总投资200万元，其中：县级资金50万元，其他资金150万元。其中甲路项目120万元，乙路项目80万元。' — the second list
goes on about the first sentence's subject (the 200), not about its last part (the 150). Parts adding up to the
earlier total hold; adding up to neither, which total is meant the text does not say: at most a warning.
"""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = "示例镇2032年度项目支出绩效自评报告\n"


def parts_findings(found):
    return [f for f in found if f.rule in ("prose.parts_total", "selfeval.total_parts")]


def test_a_new_sentence_lists_the_earlier_total(tmp_path):
    text = HEAD + ("项目总投资200万元，其中：县级衔接资金50万元，其他资金150万元。其中甲路项目总投资120万元，"
                   "乙路项目总投资80万元。\n")
    _, found = audit_text(tmp_path, text)
    assert not parts_findings(found)


def test_adding_up_to_neither_total_is_a_warning(tmp_path):
    text = HEAD + ("项目总投资200万元，其中：县级衔接资金50万元，其他资金150万元。其中甲路项目总投资120万元，"
                   "乙路项目总投资90万元。\n")
    _, found = audit_text(tmp_path, text)
    [finding] = parts_findings(found)
    assert finding.tier is Tier.WARNING and "另起一句" in finding.message


def test_the_first_list_is_still_checked(tmp_path):
    text = HEAD + ("项目总投资200万元，其中：县级衔接资金60万元，其他资金150万元。其中甲路项目总投资120万元，"
                   "乙路项目总投资80万元。\n")
    _, found = audit_text(tmp_path, text)
    [finding] = parts_findings(found)
    assert finding.tier is Tier.ERROR and "210万元" in finding.message


def test_a_sentence_without_a_list_of_its_own_keeps_its_last_amount(tmp_path):
    # no '其中' in the earlier sentence: the new one lists its (last) amount as before
    text = HEAD + "省财政下达专项资金200万元。其中甲路项目120万元，乙路项目90万元。\n"
    _, found = audit_text(tmp_path, text)
    [finding] = parts_findings(found)
    assert finding.tier is Tier.ERROR
