"""Kind, unit and year where the page around a document says otherwise than the document, or names it in words the
titles did not know (own wording and numbers, one case per layout met in the development corpus): a portal's title
field filing a 决算 under next year's 预算, its field labels cut to their last character; a 部门评价报告 and a
…绩效评价情况报告 titled by who evaluates or what it reports; a target form whose header lost '指标' from '一级指标'; a
self-evaluation titled with a short placed name and the fund before the year; a unit label run together with the
budget code after it; a government portal's name topping a department's page whose breadcrumb names the
department."""

from __future__ import annotations

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.textlayout import metadata_lines
from tests.builders import read_text

D, B, S, K = (DocumentKind.DISCLOSURE, DocumentKind.BUDGET_DISCLOSURE, DocumentKind.SELF_EVALUATION,
              DocumentKind.KEY_EVALUATION)

# A portal's information page: its fields (labels cut by the page to their last character: '号:' for 索引号 and 文号,
# '称:' for 名称), its heading repeating the title field, then the document printed below under its own title.
PORTAL_FIELDS = [
    "您当前的位置: 首页 >> 公开信息内容",
    "号: abc001-/2031-0305001 信息分类: 示例县部门预决算",
    "发文日期: 2031-03-05",
    "发布机构: 示例县卫生健康局 生成日期:",
    "称: 示例县人民医院2031年预算公开",
    "号:",
    "",
    "示例县人民医院2031年预算公开",
    "",
    "发表时间:2031-03-05",
    "",
]


def test_the_documents_own_title_below_a_portals_title_field_decides(tmp_path):
    doc, _ = read_text(tmp_path, "\n".join([
        *PORTAL_FIELDS,
        "示例县人民医院2030年度部门决算",
        "目录",
        "第一部分 部门概况",
        "第二部分 2030年度部门决算表",
        "一、收入支出决算表"]))
    assert doc is not None and doc.kind is D and doc.year == 2030
    assert doc.unit == "示例县人民医院"
    assert "2030年度部门决算" in doc.kind_evidence[0]


def test_a_portals_title_field_still_decides_over_a_numbered_section_heading(tmp_path):
    # the body opens with its sections, no title of its own: the page's title is the document's
    doc, _ = read_text(tmp_path, "\n".join([
        "索引号: abc002/2031-00002",
        "发布机构: 示例县档案馆",
        "名称: 示例县档案馆2031年部门预算公开",
        "示例县档案馆2031年部门预算公开",
        "一、2030年度部门决算执行情况回顾",
        "二、部门职责",
        "三、2031年部门预算收支情况"]))
    assert doc is not None and doc.kind is B and doc.year == 2031


def test_a_field_label_cut_to_its_last_character_is_metadata_only_beside_metadata():
    lines = ["发布机构: 示例县卫生健康局", "号: abc001-/2031-0305001", "", "示例县人民医院2030年度部门决算",
             "", "号: 这一行在正文中"]
    found = metadata_lines(lines)
    assert 1 in found and 5 not in found and 3 not in found


def test_a_departments_evaluation_report_on_a_document_site_is_an_evaluation(tmp_path):
    # a document site's copy: its pages numbered '1、' '2、', the cover's fields run together, ticked boxes misread
    doc, _ = read_text(tmp_path, "\n".join([
        "《部门评价报告.docx》由会员分享,可在线阅读,更多相关《部门评价报告.docx(6页珍藏版)》请在示例文库网上搜索。",
        "1、部门评价报告评价类型:口实施过程评价E1完成结果评价项目名称:示例河道保洁经费项目单位:示例市示例县水利局主管部门:"
        "示例市示例县水利局评价时间:2031年01月01日至2031年12月31日组织方式:口财政部门口主管部门E1项目单位评价机构:"
        "口第三方机构口专家组E1项目单位评价组部门评价报告一、基本情况(一)项目概况。1、项目背景保持河道整洁。2、主要内容"
        "全年保洁河道12条。(二)项目绩效目标。包括",
        "2、总体目标和阶段性目标。二、绩效评价工作开展情况(一)绩效评价目的、对象和范围。纳入本次评价的是2031年度由示例市"
        "示例县水利局使用的示例河道保洁经费项目，涉及资金18万元。"]))
    assert doc is not None and doc.kind in (S, K)
    assert doc.unit == "示例市示例县水利局" and doc.year == 2031


def test_an_evaluation_report_named_by_what_it_reports_is_an_evaluation():
    text = "\n".join([
        "示例县水务局示例县城区供水管网改造项目绩效评价情况报告",
        "根据《示例省财政厅关于全面实施预算绩效管理的通知》要求，我局聘请第三方采取比较法、因素分析法等方法，"
        "对2030年示例县城区供水管网改造项目资金使用情况进行了绩效考评。第三方根据绩效考核指标体系、被评价单位提供的资料"
        "进行考评打分，现将绩效评价情况报告如下： 一、项目基本情况 本项目实施单位为示例县水务局。"])
    found = detect(text)
    assert found.kind is K and found.unit == "示例县水务局" and found.year == 2030


def test_a_meeting_on_evaluation_reports_is_not_a_report():
    text = "示例县召开2031年度绩效评价情况报告会\n5月8日，示例县财政局召开报告会，各部门负责同志参加会议。"
    assert detect(text).kind is None


def test_a_target_form_whose_first_level_header_was_cut_is_a_target_form(tmp_path):
    # the header row '绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值' printed with its first cells cut ('绩', '一级'),
    # the form's title below the first lines (a project's description numbered (1)–(7) above it)
    doc, _ = read_text(tmp_path, "\n".join([
        "示例市示例局2031年“社区书屋补助经费”项目资金投入情况",
        "“社区书屋补助经费”项目。",
        "(1)项目概述。为社区书屋补充图书。",
        "(2)立项依据。全民阅读工作方案",
        "(3)实施主体。示例市示例局",
        "(4)起止时间。2031年1月-12月",
        "(5)项目内容。补助20个社区书屋，每个4000元。",
        "(6)年度预算安排。社区书屋补助经费预算安排8万元",
        "(7)绩效目标。",
        "项目支出绩效目标表 |", "||||||", "(2031年度) |", "||||||",
        "项目名称 |", "社区书屋补助经费 |", "|||||",
        "主管部门及代码 |", "[045]示例市示例局 |", "实施单位 |", "示例市示例局 |", "|||",
        "项目资金 |", "年度资金总额: |", "8.00 |", "||||",
        "绩 |", "一级 |", "二级指标 |", "三级指标 |", "指标值 |", "||",
        "产出指标 |", "数量指标 |", "补助社区书屋 |", "≥20个 |", "|||",
        "满意度指标 |", "满意度指标 |", "读者满意程度 |", "≥90% |", "|||"]))
    assert doc is not None and doc.kind is B and doc.targets
    assert doc.unit == "示例市示例局" and doc.year == 2031


def test_a_self_evaluation_titled_with_a_short_placed_name_and_its_fund_is_that_bodys():
    text = "\n".join([
        "示例区残联中央转移支付2031年度绩效自评报告(残疾人事业发展补助资金)",
        "一、绩效目标分解下达情况",
        "2031年下达示例区中央转移支付资金(残疾人事业发展补助资金)12.5万元，用于残疾人康复服务。"])
    found = detect(text)
    assert found.kind is S and found.unit == "示例区残联" and found.year == 2031


def test_a_unit_label_run_together_with_the_budget_code_after_it():
    text = ("1、示例区2031年度部门(单位)整体支出绩效评价自评报告部门(单位)名称示例市示例区发展和改革局预算编码401002"
            "报告日期:2032年5月10日示例区财政局(制)部门整体支出绩效评价指标表一级指标分值二级指标分值三级指标分值"
            "评价标准得分投入12预算配置12在职人员控制率4")
    found = detect(text)
    assert found.kind is S and found.unit == "示例市示例区发展和改革局" and found.year == 2031


def test_a_departments_page_on_its_governments_portal_is_the_departments(tmp_path):
    doc, _ = read_text(tmp_path, "\n".join([
        "示例县人民政府",
        "首页 >> 部门信息公开 >> 示例县交通运输局 >> 正文",
        "",
        "示例县2030年第一批公路安全设施工程绩效自评报告",
        "",
        "日期:2031年03月24日   作者:   来源:    点击:[]",
        "",
        "一、绩效目标分解下达情况",
        "示例县2030年第一批公路安全设施工程下达补助资金30万元，实际完成投资29.5万元。"]))
    assert doc is not None and doc.kind is S and doc.year == 2030
    assert doc.unit == "示例县交通运输局"


def test_a_portals_name_stays_the_unit_when_its_breadcrumb_names_no_body_of_its_own(tmp_path):
    doc, _ = read_text(tmp_path, "\n".join([
        "示例县人民政府",
        "首页 >> 信息公开 >> 通知公告 >> 正文",
        "",
        "示例县2030年第一批公路安全设施工程绩效自评报告",
        "",
        "一、绩效目标分解下达情况",
        "示例县2030年第一批公路安全设施工程下达补助资金30万元，实际完成投资29.5万元。"]))
    assert doc is not None and doc.unit == "示例县人民政府"
