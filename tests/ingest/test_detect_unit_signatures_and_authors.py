"""Units and kinds read from how a text is signed and phrased (own wording and names, one case per cause): a town's
government written out with its county in the body, a broadcaster or an observatory named by its own word, a sentence
opening with the year before the unit and what it took in, a notice's signature run into its attachment list, the
author line under a title naming the government a town office filed for; an untitled account of a place's
performance-management work, and a scoring rubric that is no unit's evaluation — and what stays unread (a verb '出台',
a date after a name inside a sentence, an author line of another place)."""

from __future__ import annotations

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect

SANGONG_TOWN = (
    "示例镇人民政府2031年度一般公共预算财政拨款“三公”经费支出决算情况说明\n"
    "一、2031年度“三公”经费支出决算表\n单位:万元\n项 目 |\n预 算 数 |\n决 算 数 |\n合 计 |\n20.4 |\n18.2 |\n"
    "二、“三公”经费支出情况说明\n"
    "示例省南坡县示例镇人民政府2031年度一般公共预算财政拨款“三公”经费支出预算为20.4万元,支出决算为18.2万元。"
    "2031年示例省南坡县示例镇人民政府国内公务接待共40批次,310人次。\n"
)


def test_a_towns_government_is_written_out_with_the_county_the_body_names():
    found = detect(SANGONG_TOWN)
    assert found.kind is DocumentKind.DISCLOSURE
    assert found.unit == "示例省南坡县示例镇人民政府"


def test_a_county_named_in_the_title_is_whole_already():
    text = SANGONG_TOWN.replace("示例镇人民政府2031年度一般", "南坡县示例中心2031年度一般", 1).replace(
        "示例镇人民政府", "南坡县示例中心"
    )
    assert detect(text).unit == "南坡县示例中心"


def test_a_broadcaster_named_by_its_own_word():
    text = (
        "6月30日,示例广播电视总台公布了2031年度部门决算。示例广播电视总台 2031年度部门决算编制范围为示例广播电视总台本级。\n"
        "▍2031年度收、支总计 5,120.50万元\n"
        "2031年度,示例广播电视总台收、支总计5,120.50万元。\n"
    )
    assert detect(text).unit == "示例广播电视总台"
    assert detect("示例县气象台2031年度部门决算公开说明\n一、部门职责\n").unit == "示例县气象台"


def test_a_verb_ending_in_the_same_character_names_no_unit():
    text = "示例办法\n2031年,示例县出台《示例资金管理暂行办法》,全年完成事前评估项目12个。\n"
    assert detect(text).unit == ""


def test_a_sentence_opening_with_the_year_before_the_unit_and_what_it_took_in():
    text = (
        "本报告依据示例市红十字会本级财务收支汇总情况编制。本报告期为 2031年1月1日至2031年12月31日。\n"
        "一、财务收支情况\n(一)收入情况\n2031年,示例市红十字会本级实现财务收入120.50万元。收入分类情况如下:\n"
        "1.捐赠收入\n本年度公益性资金收入20.50万元。\n2.政府拨款收入\n本年度政府拨款收入90.00万元,其中:基本支出60.00万元,"
        "项目支出30.00万元。\n3.其他收入\n本年度其他收入10.00万元。\n"
    )
    found = detect(text)
    assert found.kind is DocumentKind.DISCLOSURE
    assert found.unit == "示例市红十字会"


NOTICE = (
    "省示例厅、省示例局:为支持示例产业发展,现下达你单位2031年第二季度示例奖励资金(具体项目及金额详见附件),请按规定尽快拨付,"
    "并对照有关绩效目标(详见附件2)做好绩效监控,附件:1.示例资金分配表2.示例项目绩效目标表示例省财政厅2032年3月15日(此件主动公开)"
    "附件1示例资金分配表序号单位名称项目名称分配金额(万元)1省示例厅2031年示例博览会3002省示例局2031年示例论坛150合计450"
    "附件2示例项目绩效目标表主管部门:省示例厅资金总额:450.00财政拨款:450.00其他资金:总体目标目标1:全年完成示例任务"
    "一级指标*二级指标*三级指标*绩效指标性质*绩效指标值*绩效度量单位权重*指标方向性*产出指标数量指标示例任务完成数≥12个30%正向指标"
)


def test_a_notices_signature_run_into_its_attachment_list_names_the_issuer():
    found = detect(NOTICE)
    assert found.kind is DocumentKind.BUDGET_DISCLOSURE
    assert found.unit == "示例省财政厅"
    assert found.year == 2031  # the year the money is for, not the date the notice was signed


def test_a_signature_after_the_last_sentence_names_the_issuer_but_a_date_inside_a_sentence_does_not():
    signed = NOTICE.replace("附件:1.示例资金分配表2.示例项目绩效目标表示例省财政厅", "特此通知。示例省财政厅", 1)
    assert detect(signed).unit == "示例省财政厅"
    narrated = NOTICE.replace(
        "附件:1.示例资金分配表2.示例项目绩效目标表示例省财政厅2032年3月15日(此件主动公开)",
        "。示例省财政厅2032年3月15日召开会议部署。",
        1,
    )
    assert detect(narrated).unit == ""


def test_a_signature_after_a_closing_remark_in_brackets_is_the_name_alone():
    text = (
        "示例职业学院\n政府采购决算公开情况说明\n现将2031年度示例职业学院政府采购决算公开如下:\n"
        "2031年度政府采购支出总额820.50万元,其中:政府采购货物支出320.50万元,政府采购服务支出500.00万元。\n"
        "(政府采购支出金额的计算口径为政府采购合同金额,不包括涉密采购项目的合同金额。)示例职业学院\n2032年4月1日"
    )
    assert detect(text).unit == "示例职业学院"


def test_the_author_line_under_a_town_offices_title_names_the_government():
    text = (
        "南坡县示例乡财政所2031年部门决算编制说明\n部门决算填报说明\n(示例乡人民政府)\n一、决算信息来源说明\n"
        "(一)本套决算主表数据主要依据本单位会计账簿填列。\n二、决算汇编基本情况\n"
        "2031 年度,纳入本部门决算汇编范围的独立核算单位共 6 个。\n"
    )
    assert detect(text).unit == "南坡县示例乡人民政府"
    # an author line of another place says nothing about the title's unit
    other = text.replace("(示例乡人民政府)", "(北岭镇人民政府)")
    assert detect(other).unit == "南坡县示例乡财政所"


def test_an_untitled_account_of_a_places_performance_management_work():
    text = (
        "2031年以来,全市各级财政部门以巩固全方位、全过程、全覆盖预算绩效管理体系建设成果为主线,绩效管理工作取得新成效。"
        "上半年开展预算绩效管理业务培训1200人次。\n"
        "关口前移,事前评估工作扎实推进。市级完成对15个重点项目的事前评估,审减金额860.50万元;示例县对120个项目开展"
        "事前绩效评估,审减入库项目18个。\n"
        "2031年,市级210个预算单位预算总额32.10亿元全部纳入绩效管理。\n"
    )
    found = detect(text)
    assert found.kind is DocumentKind.WORK_SUMMARY
    assert found.unit == ""  # the city is only '全市', '市级': not named
    assert found.year == 2031


def test_a_notice_arranging_the_work_with_one_marker_is_not_a_summary_of_it():
    text = (
        "现就2031年度预算绩效管理考核相关事宜通知如下:一、考核内容包括事前绩效评估和绩效目标管理,"
        "二、请各预算单位于2032年1月20日前报送考核材料。\n"
    )
    assert detect(text).kind is None


def test_a_scoring_rubric_with_no_score_is_no_units_evaluation():
    text = (
        "1、目标完整性(4分)。评分方法:项目绩效目标缺少产出指标的,扣1分;缺少效益指标的,扣1分。\n"
        "2、目标细化程度(3分)。评分方法:指标未量化的,每个扣0.5分。\n"
        "(1)相关性(5分)。指设立的评价指标与绩效目标的对应程度,重点绩效评价工作中对应性不强的,扣0.5分/个。\n"
    )
    found = detect(text)
    assert found.kind is None
    assert "评分规则" in found.hint
    scored = text + "经评价,该项目综合得分88分。\n"
    assert detect(scored).kind is not None
