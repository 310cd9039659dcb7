"""Evaluation documents recognised by what they contain when no usual title says so (own wording and numbers): the
opening parts of an evaluation report, a score given item by item, a 跟踪问效报告, a compilation of evaluation
results; and what is not audited said as such — a blank form, an ex-ante assessment, a text that shows no kind."""

from __future__ import annotations

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.pipeline import load_document

K, S = DocumentKind.KEY_EVALUATION, DocumentKind.SELF_EVALUATION

# The first pages of a provincial fund's evaluation report, its title not in the excerpt.
OPENING = ("一、项目基本情况\n(一)项目立项背景及实施目的\n示例省自2031年5月起推进农村公路养护，要求各市统筹资金。\n"
           "(二)项目投入情况\n2032年度示例省农村公路养护补助资金预算总额8000万元，2032年实际支出6400.50万元，结余资金"
           "1599.50万元。\n二、项目绩效目标\n(一)总体绩效目标\n用三年时间完成全省农村公路养护提升。\n(二)2032年度绩效目标\n"
           "完成12个县的养护工程。\n三、评价基本情况\n评价对象是使用2032年养护补助资金的项目。\n(一)评价思路\n"
           "该项目的绩效评价，先由各县进行自评，再以第三方机构现场核查")


def test_the_opening_parts_of_an_evaluation_report_make_it_one():
    found = detect(OPENING)
    assert (found.kind, found.year) == (K, 2032)  # a third party evaluates after the counties' own self-evaluation
    assert "评价基本情况" in found.evidence[0]
    # the same outline with no evaluator named: the unit evaluating its own project
    own = OPENING.replace("先由各县进行自评，再以第三方机构现场核查", "由本单位对照目标逐项核查")
    assert detect(own).kind is S
    # a project and its targets without the evaluation's own part are no evaluation report
    assert detect(OPENING.split("三、评价基本情况")[0]).kind is None


def test_a_follow_up_report_on_a_fund_is_an_evaluation():
    text = ("2033年度示例省农村公路养护补助资金全周期跟踪问效报告\n一、项目基本情况\n(一)项目立项背景及实施目的\n"
            "农村公路是服务群众出行的基础设施。\n(二)项目内容和预算支出情况\n2033年度补助资金预算总额9000万元，其中中央资金"
            "6000万元，省级资金3000万元。")
    found = detect(text)
    assert (found.kind, found.year) == (K, 2033)
    assert "跟踪问效报告" in found.evidence[0]


def test_an_excerpt_following_up_a_fund_over_its_whole_cycle_is_an_evaluation():
    # no title in the excerpt and no evaluator named: the fund followed up over its cycle says whose evaluation it is
    text = OPENING.replace("三、评价基本情况\n评价对象是使用2032年养护补助资金的项目。\n(一)评价思路\n"
                           "该项目的绩效评价，先由各县进行自评，再以第三方机构现场核查",
                           "二、绩效评价工作开展情况\n(一)评价的范围和目的\n通过开展2032年示例省农村公路养护补助资金"
                           "全周期跟踪问效，全面掌握项目建设情况")
    assert detect(text).kind is K
    assert detect(text.replace("全周期跟踪问效", "核查")).kind is S


# An evaluation report opening on the results it hands over, then how the evaluation was done (no title).
HANDOVER = ("2032年度省级资金共下达我县农村公路养护补助经费360.50万元。我们对示例县公路养护中心养护专项经费进行了绩效评价，"
            "现将评价结果报告如下：\n一、项目绩效评价工作情况\n(一)评价目的\n了解资金使用的进展和问题。\n(二)评价过程\n"
            "县财政局组成了绩效评价工作组，在汇总项目单位上报的自评报告的基础上实地抽查。\n(三)评价方法\n定量与定性相结合。")


def test_an_opening_handing_over_an_evaluations_results_makes_it_one():
    found = detect(HANDOVER)
    assert (found.kind, found.year) == (K, 2032)  # the finance bureau's working group evaluates
    assert "现将评价结果报告如下" in found.evidence[0]
    # the same opening with no evaluator in sight: the unit's own evaluation
    own = HANDOVER.replace("县财政局组成了绩效评价工作组，在汇总项目单位上报的自评报告的基础上实地抽查", "逐项核对台账")
    assert detect(own).kind is S
    # how an evaluation is done, without the opening that hands its results over, is no report (a method text)
    assert detect(HANDOVER.replace("现将评价结果报告如下", "特制定本方案")).kind is not K


# A self-evaluation copied onto one line: the indicators' targets and actuals, then a score for each item and the total.
SCORED = ("示例驿站运行经费到位率目标值为100%,,项目年度绩效目标(定量目标)绩效内容目标值实际完成值完成率产出目标数量目标"
          "当年举办交流活动>=20次25次125%(二)项目财务管理状况本项目累计安排资金8万元,,其中:项目立项5分,绩效目标5分,"
          "资金管理10分,产出目标40分,效益目标30分,满意度8分,总得分98,,资金到位率本项目满分3分,得3分,得分原因为:到位及时,,"
          "预算执行率本项目满分3分,得3分,得分原因为:资金使用率大于95%的得满分,,当年举办交流活动本项目满分10分,得10分")


def test_scores_given_item_by_item_make_an_evaluation():
    found = detect(SCORED)
    assert found.kind is S  # no evaluator named: the unit's own
    assert "逐项评分" in found.evidence[0] and "总得分98" in found.evidence[0]
    # the same items commissioned: an evaluation by a third party
    assert detect("受示例县财政局委托，第三方机构对项目进行绩效评价。" + SCORED).kind is K
    # the maxima of a scoring rule are no scores: '得2分；未完成的，不得分'
    rule = "任务分解(2分)按要求分解落实的，得2分；未完成的，不得分。储备入库(2分)建立项目库的，得2分，否则不得分。"
    assert detect(rule).kind is None


def test_a_notice_publishing_compiled_evaluation_results_is_an_evaluation():
    text = ("为落实《示例区预算绩效管理办法》，区财政分局选取三个预算单位2031年度已完成的9个项目，委托第三方机构开展再评价，"
            "形成评价分数，评价结果反馈至各预算单位。现对各项目绩效评价结果进行公示（见附件）。\n"
            "附件：示例区2031年度财政支出绩效评价成果汇编\n示例市财政局示例区分局\n2032年11月20日")
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (K, "示例市财政局示例区分局", 2031)


def test_a_blank_target_form_is_refused_as_a_template():
    text = ("示例县财政支出项目绩效目标申报表 ( 年度) 填报单位(盖章) 项目名称 项目属性 新增项目 □ 延续项目 □ 主管部门 "
            "项目实施单位 项目资金申请(万元) 资金总额: 财政拨款: 自有资金: 其他: 单位职能概述\n"
            "年度绩效指标 一级指标 二级指标 指标内容 指标值 备注 产出指标 数量指标 质量指标 效益指标 填报人: 单位负责人: 填报日期:")
    found = detect(text)
    assert found.kind is None and "空白模板" in found.hint
    # the same form filled in is read
    filled = text.replace("( 年度)", "(2031年度)").replace("资金总额: 财政拨款: 自有资金: 其他:", "资金总额:12.5万元")
    assert detect(filled).kind is DocumentKind.BUDGET_DISCLOSURE


def test_an_ex_ante_assessment_is_named_and_not_audited(tmp_path):
    text = ("示例县财政支出项目事前绩效评估报告\n项目名称：\n示例农产品推介\n项目单位：\n示例县商务局\n申请资金总额：\n"
            "300万元\n评估方式和方法：\n(一)评估程序：\n1.前期调研。\n2.撰写评估结论。")
    found = detect(text)
    assert found.kind is None and found.unaudited == "事前绩效评估报告"
    path = tmp_path / "exante.txt"
    path.write_text(text, encoding="utf-8")
    doc, [error] = load_document(path)
    assert doc is None and error.message.startswith("暂不审核事前绩效评估报告") and "无法识别" not in error.message
    # a work summary's part on its ex-ante assessments is not one
    summary = ("一、事前绩效评估报告审核情况\n2031年共审核新增项目6个，审减资金120万元。\n二、绩效运行监控\n"
               "对全部项目开展运行监控。\n三、结果运用\n评价结果与预算安排挂钩。")
    assert detect(summary).unaudited == ""


def test_a_refusal_names_what_the_text_shows():
    found = detect("示例区财政局积极开展运行监控工作\n近期，区财政局组织各预算单位开展了运行监控，督促加快进度。")
    assert found.kind is None
    assert "开头为“示例区财政局积极开展运行监控工作”" in found.hint and "零星的相关词语（“运行监控”）" in found.hint


def test_a_street_is_read_as_its_office():
    text = ("示例区2030年度示例街道小区整新项目绩效评价报告\n项目名称:小区整新 项目单位:示例街道 管理办 主管部门:示例街道办事处 "
            "委托单位:示例街道办事处\n受示例街道办事处委托，示例咨询中心开展了绩效评价，评价得分85分。")
    assert detect(text).unit == "示例街道办事处"
