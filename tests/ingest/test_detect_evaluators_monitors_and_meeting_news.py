"""Who a report names as the unit, and what is no unit's document (own wording and numbers, one case per layout met in
the development corpus): an evaluation with no title whose evaluator speaks in the first person ('我们对示例县示例中心…
进行了绩效评价') names the unit evaluated; a prose monitoring report whose first sentence says who monitors its own
projects names that unit; a notice carrying a target form cut before its indicators is the budget side, with the
notice's signer as unit; a news item opening '近日，' on a meeting held about evaluation reports, signed by its reporter,
is refused as news, while an evaluation report telling of its own expert review is still read."""

from __future__ import annotations

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from tests.builders import read_text


def test_an_evaluator_speaking_in_the_first_person_names_the_unit_evaluated():
    found = detect("\n".join([
        "为保障示例检测工作,2031年度上级财政共下达我县示例检测专项经费86.40万元。为加强资金管理,按照示例县财政局有关"
        "办法的要求,我们对示例县畜禽检测服务中心示例检测专项经费进行了绩效评价,现将评价结果报告如下:",
        "一、项目绩效评价工作情况",
        "(一)评价目的",
        "了解项目实施进展,分析存在的问题,为以后年度预算安排提供依据。",
        "(二)评价过程",
        "县财政局组成了绩效评价工作组,收集项目单位上报的自评报告,对项目实施单位进行了实地核查。",
        "(三)评价方法",
        "采用定量分析与定性分析相结合的方法。",
    ]))
    assert found.kind is DocumentKind.KEY_EVALUATION and found.year == 2031
    assert found.unit == "示例县畜禽检测服务中心"


def test_a_unit_monitoring_its_own_projects_names_itself():
    found = detect("\n".join([
        "示例镇东岭路和西岭路项目绩效运行监控报告",
        "为规范衔接资金管理,示例镇人民政府对2031年度实施的衔接资金项目进行绩效目标运行监控,现将1-6月份的绩效运行监控"
        "报告如下:",
        "一、绩效目标分解下达情况",
        "项目总投资96万元,其中:区级衔接资金30万元,其他资金66万元。",
        "二、绩效运行开展情况",
        "项目资金已拨付48万元。",
    ]))
    assert found.kind is DocumentKind.MONITORING and found.year == 2031
    assert found.unit == "示例镇人民政府"


def test_a_notice_with_a_target_form_cut_before_its_indicators_is_the_budget_side(tmp_path):
    text = ("各乡镇财政所:为做好示例防治工作,现将2031年示例防治补助资金20万(附件1)下达给你们,请按照绩效目标(附件2)做好"
            "工作。附件:1.2031年示例县示例防治补助资金分配表2.2031年示例防治补助资金绩效目标表示例县农业农村局2031年4月2日"
            "附件12031年示例县示例防治补助资金分配表乡镇补助经费(万元)备注东镇8西镇7南乡5全县合计20"
            "附件2示例防治补助资金绩效目标表(2031年度)项目名称示例防治补助主管部门(单位)名称示例县农业农村局"
            "资金情况(万元)资金总额:20其中:财政拨款20其他资金总体目标按照示例防治计划完成")
    doc, errors = read_text(tmp_path, text)
    assert doc is not None, errors
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.year == 2031
    assert doc.unit == "示例县农业农村局"


NEWS = [
    "近日,示例市财政局召开2031年度绩效重点评价报告专家评审会。本次重点评价包括示例补助资金等4个项目,涉及财政资金"
    "3.25亿元。",
    "2031年度绩效重点评价报告专家评审会以第三方机构出具的绩效评价报告为依据,就4个项目的预算执行情况、主要成效和存在"
    "问题展开讨论。",
    "本次评价结果将与下一年度预算挂钩。(记者 王小明)",
]


def test_a_news_item_on_a_meeting_about_evaluation_reports_is_refused(tmp_path):
    doc, errors = read_text(tmp_path, "\n".join(NEWS))
    assert doc is None
    assert any("新闻报道" in e.message for e in errors)


def test_the_meeting_lede_alone_is_a_sign_of_news():
    found = detect("\n".join(NEWS[:2]))  # no byline: the lede reports a meeting held
    assert found.kind is None and "新闻报道" in found.hint


def test_an_evaluation_report_telling_of_its_expert_review_is_still_read():
    found = detect("\n".join([
        "示例市示例补助资金2031年度重点绩效评价报告",
        "受示例市财政局委托,示例会计师事务所对示例市示例补助资金开展了重点绩效评价。",
        "一、评价工作过程",
        "2032年3月,示例市财政局召开重点评价报告专家评审会,评价组根据专家意见修改完善了本报告。",
        "二、评价结论",
        "综合评分86.5分,评价等级为良。",
    ]))
    assert found.kind is DocumentKind.KEY_EVALUATION
