"""Kind, unit and year of evaluation-results pages and budget explanation pages (own wording and numbers, one case
per layout met in the development corpus): a results table or bulletin titled '…绩效评价情况(表)' or '…评价结果的
通报', the same table of a unit's own scores, a unit's note on its performance work, a page of a budget's
explanation by economic class, and a year named only as last year's."""

from __future__ import annotations

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from tests.builders import read_text

B, S, K, W = (DocumentKind.BUDGET_DISCLOSURE, DocumentKind.SELF_EVALUATION, DocumentKind.KEY_EVALUATION,
              DocumentKind.WORK_SUMMARY)


def _load(tmp_path, text: str):  # type: ignore[no-untyped-def]
    return read_text(tmp_path, text, "page.txt")


def test_a_results_table_with_a_grade_column_is_a_key_evaluation(tmp_path):
    # the lead-in ends with a colon, the title over the table ends with 表, then one cell per line
    doc, _ = _load(tmp_path, "\n".join([
        "按照省里关于开展2031年度债券项目资金绩效评价工作的通知要求，现将示例市建设中心2031年度债券项目资金绩效评价"
        "情况公示如下：",
        "2031年度债券项目资金绩效评价情况表",
        "序号", "项目单位", "项目名称", "发行金额(亿元)", "评价结果", "备注",
        "1", "示例市建设中心", "示例市第三职业技术学校整体迁建工程", "0.8", "良"]))
    assert doc is not None and doc.kind is K
    assert doc.year == 2031 and doc.unit == "示例市建设中心"


def test_the_same_table_of_a_units_own_scores_is_a_self_evaluation():
    found = detect("\n".join([
        "2031年度新增债券项目绩效评价情况",
        "我单位2031年新增债券项目2个，从决策、管理、产出和效益等方面对新增债券项目进行绩效自评，评价结果如下：",
        "2031年新增债券项目绩效评价表",
        "项目名称", "债券性质", "债券规模", "自评分数", "自评等级",
        "示例卫生院迁建工程", "一般债券", "0.3", "93",
        "示例病房楼工程", "一般债券", "0.5", "88"]))
    assert found.kind is S and found.year == 2031


def test_a_finance_bureaus_results_bulletin_names_the_bureau_and_the_year_evaluated(tmp_path):
    doc, _ = _load(tmp_path, "\n".join([
        "您现在的位置：首页",
        " > 信息公开 > 工作信息 > 业务信息",
        "示例县财政局关于2032年财政支出绩效评价结果的通报",
        "各有关单位：",
        "各预算单位对2031年度项目支出开展了绩效自评。县财政局抽取12个项目，委托中介机构对自评结果进行复核评价，"
        "现将结果通报如下：",
        "序号", "单位", "项目", "评价档次",
        "1", "示例开发区管理委员会", "示例平台建设", "良好",
        "2", "示例县文化馆", "示例演出活动", "中"]))
    assert doc is not None and doc.kind is K
    assert doc.year == 2031 and doc.unit == "示例县财政局"


def test_a_part_heading_on_evaluation_results_is_no_title():
    found = detect("\n".join([
        "目录", "第一部分 部门概况", "第四部分 绩效评价情况",
        "示例区档案馆2031年度部门决算", "一、部门职责", "示例区档案馆负责全区档案的收集和保管。"]))
    assert found.kind is DocumentKind.DISCLOSURE


def test_a_note_on_a_districts_performance_work_is_a_work_summary():
    found = detect("\n".join([
        "示例区预算绩效工作开展情况说明",
        "区本级选取5个项目开展重点评价，涉及预算金额1200万元，经第三方机构评审，等级为良的3个，中的2个。"]))
    assert found.kind is W


def test_a_page_of_a_budgets_explanation_by_economic_class(tmp_path):
    doc, _ = _load(tmp_path, "\n".join([
        "7",
        "住房公积金 41,200.00 元，全部是基本支出。主要用于支付职工计缴的住房公积金。",
        "（二）按支出结构分类划分，分为基本支出预算和项目支出预算。",
        "1. 基本支出预算 512,300.40 元，占支出总预算的100.00%，同比减少 31,000.60 元，下降 5.71%。其中：",
        "工资福利支出预算 470,100.40 元，占基本支出预算91.76%，同比减少 30,000.00 元，下降 6.00%。",
        "对个人和家庭补助支出预算 2,000.00 元，占基本支出预算0.39%，同比增加 2,000.00 元，2040 年无此项预算。"]))
    assert doc is not None and doc.kind is B
    assert doc.year == 2041  # the year after the one that had no such item


def test_a_unit_named_in_a_list_item_loses_the_item_number():
    found = detect("\n".join([
        "一、部门基本情况",
        "（一）示例市示例区人民检察院是国家的法律监督机关，依法履行法律监督职能。",
        "二、部门决算情况说明",
        "2031年度收入总计1,200.00万元，支出总计1,200.00万元。"]))
    assert found.unit == "示例市示例区人民检察院"


def test_a_duty_sentence_about_every_such_body_is_not_the_unit_and_the_accounts_sentence_is():
    found = detect("\n".join([
        "一、概况",
        "（一）部门职责",
        "公安机关是维护社会治安秩序的专门机关，其任务是保护公民的人身安全和合法财产。",
        "（二）机构设置",
        "从预算单位构成看，示例省示例县公安局（汇总）部门决算包括：局本级决算、局属交警大队决算。",
        "二、2031年度部门决算情况说明",
        "2031年度收入总计900.00万元，支出总计900.00万元。"]))
    assert found.unit == "示例省示例县公安局"


def test_a_unit_listing_its_inner_offices_is_still_the_subject():
    found = detect("\n".join([
        "一、单位基本情况",
        "（二）机构设置",
        "示例幼儿园内设综合办公室、教研部门和后勤部门。综合办公室负责行政事务，教研部门负责教学工作。",
        "二、单位决算情况说明",
        "2031年度收入总计300.00万元，支出总计300.00万元。"]))
    assert found.unit == "示例幼儿园"


def test_the_unit_a_founding_decision_set_up():
    found = detect("\n".join([
        "目 录", "第一部分 2031年度部门决算报表", "第二部分 2031年度部门决算说明",
        "一、部门基本情况",
        "根据示例区机构编制委员会示编〔2020〕3号设立示例市示例区人民法院，内设9个部门。"]))
    assert found.unit == "示例市示例区人民法院"


def test_a_title_abbreviating_the_name_the_body_gives_with_its_staff_count():
    found = detect("\n".join([
        "2031年度示例文化馆预算公开",
        "第一部分", "概况",
        "一、主要职责",
        "示例市文化馆编制30人，实有在职职工28人。内设5个部室。"]))
    assert found.unit == "示例市文化馆"


def test_publisher_left_in_the_text_as_a_labelled_line_or_a_bullet_pair():
    text = "\n".join([
        "2031年创业担保贷款专项资金绩效自评报告",
        "关键词 发布机构 示例县人社局",
        "我局对2031年度专项资金开展了绩效自评，现将自评情况报告如下：",
        "一、绩效指标设定情况", "产出指标分值为40分。"])
    assert detect(text).unit == "示例县人社局"
    bullets = "\n".join(["• 索引号", "• 0001/2031-01", "• 发布机构", "• 示例市文化和旅游局", "• 发布日期",
                         "2031年度公共文化项目资金绩效自评报告", "我局对2031年度项目资金开展了绩效自评。"])
    assert detect(bullets).unit == "示例市文化和旅游局"


def test_a_publisher_shortened_by_its_level_takes_the_titles_place(tmp_path):
    doc, _ = _load(tmp_path, "\n".join([
        "发布时间：2032-11-02 15:39 来源：县城管执法局 作者：张三",
        "示例县2031年度城区绿化养护项目支出绩效自评报告",
        "一、项目支出基本情况",
        "我单位对2031年度城区绿化养护项目进行了自评，自评得分92分。"]))
    assert doc is not None and doc.unit == "示例县城管执法局"


def test_a_publisher_whose_rest_is_a_place_of_its_own_and_a_bare_bureau_of_the_title_place(tmp_path):
    doc, _ = _load(tmp_path, "\n\n".join([  # one cell per line, blank lines between, as the page prints them
        "发布日期：2032-06-24 08:59 信息来源：区示例湖度假区管委会",
        "2031年度新增债券项目绩效评价情况",
        "我单位对2031年新增债券项目进行绩效自评，评价结果如下：",
        "项目名称", "自评分数", "示例安置房项目", "95"]))
    assert doc is not None and doc.unit == "示例湖度假区管委会"
    doc, _ = _load(tmp_path, "\n".join([
        "文章来源：财政局  更新时间：2031-11-09",
        "示例区预算绩效工作开展情况说明",
        "区本级选取5个项目开展重点评价，经第三方机构评审，等级为良的3个。"]))
    # a place's work summary is its bureau's own report: the bare 财政局 that publishes it is the title place's
    # (publishing a unit's budget, it would name nobody: tests/ingest/test_detect_units.py)
    assert doc is not None and doc.unit == "示例区财政局"


def test_a_sangong_budget_table_with_last_years_column_first_reports_on_the_later_year():
    found = detect("\n".join([
        "单位:万元 | ||||",
        "项目 | 2040年预算数 | 2041年预算数 | 2041年预算数增减 | 增减原因 |",
        "合计 | 120.00 | 110.00 | -10.00 | |",
        "1、因公出国(境)费用 | 0 | 0 | 0 | |",
        "2、公务接待费 | 60.00 | 50.00 | -10.00 | 压减一般性支出 |",
        "3、公务用车费 | 60.00 | 60.00 | 0 | |",
        "说明：按照部门预算管理有关规定，“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。"]))
    assert found.kind is B and found.year == 2041


def test_a_year_printed_with_a_dash_for_nian_in_a_places_title():
    found = detect("\n".join([
        "示例县2040-“三公”经费汇总情况决算表 | |",
        "单位:万元 | |",
        "项目 | 本-决算数 |",
        "合计 | 300 |",
        "1、因公出国(境)费用 | 0 |",
        "2、公务接待费 | 100 |",
        "3、公务用车费 | 200 |"]))
    assert found.year == 2040 and found.unit == "示例县"


def test_all_the_districts_units_and_a_verb_before_a_province_are_no_place():
    found = detect("\n".join([
        "2040年度全区“三公”经费决算情况",
        "2040年度全区“三公”经费支出合计500万元，其中公务接待费200万元，公务用车运行维护费300万元，因公出国(境)费0万元。",
        "三、2040年使用省本级财政拨款安排“三公”经费的部门均纳入统计范围。"]))
    assert found.unit == ""


def test_a_places_title_in_a_table_cell_after_the_page_metadata():
    found = detect("\n".join([
        "索引号\t0001/2041-01\t发布机构\t示例县财政局",
        "文号\t浏览量\t31\t附件.\t\t\t示例县2040年“三公”经费决算情况统计表\t\t单位:万元\t项目\t上年决算数\t本年决算数",
        "合计\t300.00\t280.00",
        "三、2040年使用省本级财政拨款安排“三公”经费的预算部门均纳入统计范围。"]))
    assert found.unit == "示例县"


def test_a_title_without_the_place_is_written_out_by_the_publisher_or_the_government_line(tmp_path):
    doc, _ = _load(tmp_path, "\n".join([
        "示例县2041年度部门“三公”经费预算情况表",
        "来源:示例县示例园   2041-04-27 00:00",
        "示例园2041年度部门“三公”经费预算情况表",
        "单位:元",
        "项目 2040-执行数 2041-预算数",
        "一、支出合计   250000",
        "2、公务接待费   150000",
        "3、公务用车费   100000"]))
    assert doc is not None and doc.unit == "示例县示例园"
    found = detect("\n".join([
        "示例乡2041年“三公”经费预算安排",
        "示例市示例县示例乡人民政府2041年财政拨款安排“三公”经费预算情况",
        "公务接待费预算11.00万元，公务用车运行维护费预算10.00万元，因公出国(境)费预算0万元。"]))
    assert found.unit == "示例市示例县示例乡人民政府"


def test_a_name_with_its_place_is_not_lengthened_by_a_province_but_is_by_its_parent_body():
    found = detect("\n".join([
        "示例县文物中心2041年度“三公”经费支出决算",
        "示例省示例县文物中心2041年度“三公”经费支出决算为12.00万元，比上年减少1.00万元。"]))
    assert found.unit == "示例县文物中心"


def test_a_transfer_forms_central_ministry_is_not_the_unit_and_the_local_department_is():
    found = detect("2031年度就业补助资金绩效目标自评表.xlsx\n附件1 就业补助资金绩效目标自评表 (2031年度) "
                   "转移支付(项目)名称 就业补助资金 中央主管部门 人力资源社会保障部 地方财政部门 示例市示例 "
                   "全年预算数(A) 全年执行数(B) 500.00 480.00 地方主管部 门 示例市示例区财政局 情况说明 分配科学性")
    assert found.unit == "示例市示例区财政局"


def test_a_company_implementing_a_project_is_not_the_unit_when_the_form_names_the_department_over_it():
    found = detect("示例市财政预算支出项目绩效目标自评表 填报日期:2032 年 2 月 18 日 自评总分: 80 项目名称 办公网络维护费 "
                   "项目实施单位 示例市城投公司 项目主管单位 示例市纪委监委 项目负责人 张三 项目资金 5.5 执行率 100%")
    assert found.unit == "示例市纪委监委"


def test_an_implementing_unit_glued_to_the_next_label():
    found = detect("1、示例县财政支出项目绩效评价报告项目名称2031年度垃圾清运经费项目实施单位示例县环境卫生管理处"
                   "项目主管部门示例县住房和城乡建设局评价方式:部门评价")
    assert found.unit == "示例县环境卫生管理处"


def test_a_commissioned_evaluation_names_the_unit_it_evaluated():
    found = detect("\n".join([
        "2031年度示例县示例镇乡村振兴专项资金", "绩效评价报告", "示会报字(2032)第0011号",
        "受示例县财政局委托，我所成立绩效评价工作组对示例县示例镇人民政府2031年乡村振兴专项资金项目进行绩效评价。"]))
    assert found.kind is K and found.unit == "示例县示例镇人民政府"


def test_a_bureau_named_by_its_trade_alone_takes_the_titles_place_or_is_not_established():
    assert detect("教育局 2031年部门预算 报送日期: 年 月 日 表1 部门收支总表 单位:万元 收支预算总表 "
                  "一、一般公共预算拨款收入 100.00").unit == ""
    found = detect("\n".join([
        "示例省交通运输部门2031年“三公”经费预算情况说明",
        "交通运输厅2031年一般公共预算“三公”经费预算数为98.00万元，其中：因公出国(境)经费7万元，公务接待费11万元，"
        "公务用车购置及运行费80万元。"]))
    assert found.unit == "示例省交通运输厅"


def test_a_forms_implementing_unit_printed_away_from_its_empty_label():
    found = detect("\n".join([
        "示例县项目支出绩效自评表", "(2031年度)", "项目名称：示例配套资金", "主管部门：示例县医疗保障局",
        "实施单位：", "全年预算数\t全年执行数\t分值\t执行率\t得分",
        "60.00 59.00 10 98% 9 预期目标 指标1:参保人数 绩效指标 示例县医疗保险服务中心 产出 指标 (50分 ) 完成值 8000"]))
    assert found.unit == "示例县医疗保险服务中心"


def test_a_statement_explaining_evaluation_results_is_an_evaluation():
    found = detect("\n".join([
        "示例市2031年度示例发展资金绩效评价结果的说明",
        "市财政局、市示例局委托第三方，对各区县2031年度示例发展资金使用效益进行了绩效评价，现就评价结果予以公开：",
        "一、资金使用总体情况", "二、绩效评价结果"]))
    assert found.kind is DocumentKind.KEY_EVALUATION


def test_a_title_run_into_a_running_header_keeps_its_last_word(tmp_path):
    """A PDF's running header run into the title pushes '报告' just past the title length: the title still ends there,
    and the commissioned firm makes it an evaluation, whatever the uploaded file is named."""
    doc, _ = read_text(tmp_path, "\n".join([
        "3绩效自评报告(示例镇示例排涝站工程项目).doc",
        "示例县 2031 年度新增债券资金项目 审计报告 附件 3. 2031 年度新增债券资金项目----示例镇示例 排涝站涵闸工程项目绩效评价报告 "
        "示例县财政局: 根据《示例县财政局关于开展 2031 年度新增债券资金项目绩效评价工作的通知》要求,示例会计师事务所接受示例县"
        "财政局的委托,对 2031 年度新增债券资金项目进行了绩效评价。"]))
    assert doc is not None and doc.kind is DocumentKind.KEY_EVALUATION


def test_a_bracketed_publisher_label_of_a_catalogue_names_the_unit_with_the_titles_place(tmp_path):
    doc, _ = _load(tmp_path, "\n".join([
        "  • 首页", "  • 政务公开",
        "  • [ 索引号 ] 0001/2032-00009 [ 发文字号 ]",
        "    [ 主题分类 ] 财政 [ 体裁分类 ] 财政预算、决算",
        "    [ 发布机构 ] 市林业局",
        "    [ 成文日期 ] 2032-12-20 [ 发布日期 ] 2032-12-20",
        "",
        "    示例市2031年度林业改革资金绩效评价结果的说明",
        "",
        "    市财政局、市林业局委托第三方机构，对12个区县2031年度林业改革资金使用效益进行了绩效评价，现将结果公开如下：",
        "    一、资金使用总体情况",
        "    2031年，共下达林业改革资金5200万元，其中：中央资金3100万元，市级资金2100万元。"]))
    assert doc is not None and doc.unit == "示例市林业局"


def test_a_bracketed_year_stamp_under_the_title_outweighs_a_year_inside_the_project_name(tmp_path):
    cover = ["部门名称(公章):示例县林业局", "项目名称: 2031年造林补助资金项目支出", "绩效自评日期: 2033年5月",
             "一、项目基本情况", "我局2032年度共使用造林补助资金85万元，完成造林1200亩。"]
    title = "示例县林业局2031年造林补助资金项目支出绩效自评报告"
    for head in ([title, "(2032年度)"], [title, title, "（2032年度）"]):
        doc, _ = _load(tmp_path, "\n".join(head + cover))
        assert doc is not None and doc.year == 2032, head
    doc, _ = _load(tmp_path, "\n".join([title, *cover]))  # no stamp: the year the title names
    assert doc is not None and doc.year == 2031
