"""Units and kinds that published pages hide behind what stands around a name (own wording and names, one case per
layout): a site banner's greeting before the name, a budget code before it (bracketed, or with a dash in a table's
单位名称 column), the seal's mark after a name run on after its title, the finance bureau that commissioned an
evaluation and publishes it (not the unit evaluated), and an allocation notice whose 绩效目标表 is flattened onto
the notice's line (the budget's targets, not a self-evaluation)."""

from __future__ import annotations

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from tests.builders import read_text


def test_a_site_banners_greeting_is_no_part_of_the_name(tmp_path):
    doc, _ = read_text(tmp_path, "\n".join([
        "欢迎进入示例市生态环境局网站!",
        "您当前所在位置:首页 > 财政公开",
        "示例市中央土壤污染防治资金2031年度绩效自评报告",
        "来源:市生态环境局  发布日期: 2032-03-20  访问量: ",
        "为加强资金管理,现将2031年度土壤污染防治资金自评情况报告如下:",
        "一、绩效目标分解下达情况",
        "我市获得2031年度土壤污染防治资金500万元,已全部下达。"]), "page.txt")
    assert doc is not None and doc.kind is DocumentKind.SELF_EVALUATION
    assert doc.unit == "示例市生态环境局"


def test_a_bracketed_budget_code_before_the_department(tmp_path):
    # a form printed one cell per line, each cell ending ' |'
    doc, _ = read_text(tmp_path, "\n".join([
        "(示例补助)绩效目标自评表",
        "绩效目标自评表 (2031年度) |", "||||||||",
        "项目名称 |", "示例补助 |", "|", "|||||",
        "主管部门 |", "[207]示例县民政局 |", "|", "|||||",
        "资金情况(万元) |", "|", "全年预算数(A) |", "全年执行数(B) |", "分值 |", "执行率(B/A) |", "得分 |", "||",
        "|", "年度资金总额: |", "40 |", "40 |", "10 |", "100% |", "10 |", "||"]), "form.txt")
    assert doc is not None and doc.unit == "示例县民政局"


TARGETS = """| 部门预算项目绩效目标申报表(2031年度) | ||||||||||||
| 金额单位:元 | ||||||||||||
| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 | |
| 730-示例镇部门 | 1,200,000.00 | |||||||||||
| 730001-示例县示例镇人民政府 | 示例补助 | 800,000.00 | 按时发放补助 | 产出指标 | 数量指标 | 补助人数 | ≥ | 120 | 人 | 20 | 正向指标 | |
| 效益指标 | 社会效益指标 | 保障基本生活 | ≥ | 90 | % | 20 | 正向指标 | |||||
"""


def test_the_unit_column_of_a_target_table_names_the_unit():
    assert detect(TARGETS).unit == "示例县示例镇人民政府"
    # two units in the column: the document is not one unit's
    two = TARGETS + "| 730002-示例县示例中心 | 示例经费 | 400,000.00 | 保障运转 | 产出指标 | 数量指标 | 运转天数 | ≥ | 300 | 天 | 20 | 正向指标 | |\n"
    assert detect(two).unit == ""


def test_the_name_before_the_seals_mark_run_on_after_the_title():
    text = ("版权说明:本文档由用户提供并上传\n文档简介\n"
            "PAGE3PAGE2031年度部门整体支出绩效自评报告示例县疾病预防控制中心(盖章)为进一步规范财政资金管理,"
            "我中心对2031年部门财政资金开展了绩效自评,现将自评情况报告如下:一、部门基本情况")
    assert detect(text).unit == "示例县疾病预防控制中心"


def test_the_finance_bureau_that_commissioned_an_evaluation_is_not_the_unit_evaluated(tmp_path):
    page = "\n".join([
        "当前页面:首页 >>信息公开>>财政资金 >>绩效管理",
        "示例县2029-2031年度农田水利专项资金绩效评价报告",
        "来源:示例县财政局     发布时间:2032-11-30 09:42",
        "根据《示例县财政局关于开展2032年度重点绩效评价的通知》等文件要求,示例会计师事务所受示例县财政局委托,"
        "对示例县2029-2031年度农田水利专项资金开展绩效评价工作,现将评价情况报告如下:",
        "一、基本情况"])
    doc, _ = read_text(tmp_path, page, "page.txt")
    assert doc is not None and doc.kind is DocumentKind.KEY_EVALUATION
    assert doc.unit == ""
    # a publisher that commissioned nothing still names the unit when nothing else does
    doc, _ = read_text(tmp_path, page.replace("受示例县财政局委托", "受示例县农业农村局委托"), "page.txt")
    assert doc is not None and doc.unit == "示例县财政局"


def test_an_allocation_notice_with_its_target_form_on_one_line_is_a_budgets_targets():
    text = ("示例省财政厅:为支持示例产业发展,现下达你单位2031年示例奖励资金(具体项目及金额详见附件),请对照有关绩效目标"
            "(详见附件2)做好绩效监控,附件:1.项目奖励资金分配表2.项目绩效目标表示例省财政厅2032年3月1日(此件主动公开)"
            "附件1项目奖励资金分配表序号单位名称项目名称分配金额(万元)1示例协会示例博览会120合计120"
            "附件2项目绩效目标表主管部门:示例省商务厅资金总额:120.00财政拨款:120.00预算执行率权重:10%其他资金:"
            "总体目标目标1:全年实现展会收入不低于5亿元一级指标*二级指标*三级指标*绩效指标性质*绩效指标值*绩效度量单位"
            "权重*指标方向性*产出指标数量指标全年展会收入≥5亿元30%正向指标")
    found = detect(text)
    assert found.kind is DocumentKind.BUDGET_DISCLOSURE and found.targets
    # with a completed value after the header it is an evaluation's table, not the budget's
    assert detect(text + "实际完成值6亿元得分30").kind is not DocumentKind.BUDGET_DISCLOSURE


def test_a_budget_explanation_without_a_title_names_its_unit_by_its_kind_of_unit():
    # no title line: the explanation says what kind of unit it is ('…属行政单位，下属事业单位3个')
    text = "\n".join([
        "一、基本职能及主要工作",
        "(一)职能简介",
        "示例县示例镇人民政府基本职能:贯彻党的路线、方针、政策,承担促进经济发展、搞好公共服务等职能。",
        "二、部门预算单位构成",
        "示例县示例镇人民政府属行政单位,下属事业单位3个。",
        "三、收支预算情况说明",
        "2031年收支总预算1200000.00元。",
        "(一)收入预算情况",
        "2031年收入预算1200000.00元,其中:本年财政拨款收入1000000.00元,占83.33%;上年结转200000.00元,占16.67%。",
    ])
    found = detect(text)
    assert found.unit == "示例县示例镇人民政府"
