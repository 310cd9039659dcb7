"""The base a percentage is taken on, read from the wording around it: a share of the whole its own sentence states,
a rate written in brackets after its change, last year's figure implied by this year's and the change. Own wording
and figures, reproducing layouts of real explanations."""

from __future__ import annotations

from tests.audit.test_mutations import audit_text

SHARE_OF_OWN_WHOLE = """第三部分 2022年度部门决算情况说明
三、支出决算情况说明
本年支出合计2000.00万元,其中:基本支出1800.00万元,占90.00%;项目支出200.00万元,占10.00%。
六、一般公共预算财政拨款基本支出决算情况说明
2022年度财政拨款基本支出1600.00万元,其中:人员经费{personnel}万元,占基本支出的{share}%,主要包括基本工资300.00万元。
"""


def _share_findings(tmp_path, personnel: str, share: str):
    _, findings = audit_text(tmp_path, SHARE_OF_OWN_WHOLE.format(personnel=personnel, share=share))
    return [f for f in findings if f.rule == "narrative.n2_percentages"]


def test_a_share_is_taken_on_the_whole_its_own_sentence_states(tmp_path):
    # 800 ÷ 1600 = 50.00%; the 基本支出 of all funds stated earlier (1800) is another figure, not this base
    assert _share_findings(tmp_path, "800.00", "50.00") == []


def test_a_wrong_share_of_the_own_whole_is_still_certain(tmp_path):
    [hit] = _share_findings(tmp_path, "800.00", "45.00")
    assert hit.tier.name == "ERROR" and hit.expected == "50.00" and "1600" in hit.message.replace(",", "")


SHARE_OF_AMBIGUOUS_WHOLE = """第三部分 2022年度部门决算情况说明
三、支出决算情况说明
本年支出合计2000.00万元,其中:基本支出1800.00万元,占90.00%;项目支出200.00万元,占10.00%。
五、财政拨款支出决算情况说明
2022年度财政拨款支出1800.00万元,主要用于以下方面:基本支出1600.00万元,占88.89%;项目支出200.00万元,占11.11%。
六、人员经费说明
人员经费800.00万元,占基本支出的50.00%。
"""


def test_a_share_of_a_whole_stated_with_several_figures_is_not_certain(tmp_path):
    _, findings = audit_text(tmp_path, SHARE_OF_AMBIGUOUS_WHOLE)
    # 基本支出 is stated as 1800 (all funds) and 1600 (财政拨款): which one the share means is not known
    assert not [f for f in findings if f.rule == "narrative.n2_percentages" and f.tier.name == "ERROR"]
