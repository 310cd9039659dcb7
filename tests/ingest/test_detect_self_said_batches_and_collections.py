"""Kind, year and unit from what a text says of itself (own wording and numbers, one case per layout met in the
development corpus): evaluation words with no title but the opening '现将…绩效自评如下' make a self-evaluation; a
year's batch of allocations ('2031年第二批') is that year's; an essay site's collection title ('(精选9篇)') gives no
year to a sample that says '20xx年'; a subject's scope bracket before its verb ('示例县残联(本级)为…'); what money was
used for ('用于政府系统…') is no unit."""

from __future__ import annotations

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect


def test_self_evaluation_said_in_the_opening_without_a_title():
    text = "\n".join([
        "为落实全面实施预算绩效管理的要求，根据《关于开展20xx年度部门整体支出和项目支出绩效评价工作的通知》，"
        "现将20xx年示例乡村道路维修工程绩效自评如下：",
        "一、专项资金基本情况",
        "(一)专项资金概况",
        "年初预算88万元，实际下达87.5万元。",
        "二、绩效评价工作开展情况",
        "按照部门整体支出的要求组织自查。",
    ])
    found = detect(text)
    assert found.kind is DocumentKind.SELF_EVALUATION
    assert found.year is None


def test_a_years_batch_of_allocations_gives_the_year():
    text = "\n".join([
        "示例县2031年第二批农村桥梁加固工程绩效自评报告",
        "一、绩效目标分解下达情况",
        "上级下达补助资金42万元，全部用于桥梁加固。",
    ])
    found = detect(text)
    assert found.kind is DocumentKind.SELF_EVALUATION
    assert found.year == 2031


def test_an_essay_sites_collection_title_gives_no_year():
    text = "\n".join([
        "2032年示例水厂项目绩效自评报告(精选9篇)",
        "",
        "报告的写法各有不同，以下范文可供参考。",
        "示例水厂项目绩效自评报告篇一",
        "(一)项目概况",
        "20xx年，示例县投入资金120万元，其中上级补助70万元、县级配套50万元，已全部到位。",
        "(二)项目绩效目标情况",
        "经自评，数量指标、质量指标均完成100%。",
    ])
    found = detect(text)
    assert found.year is None


def test_a_subject_with_its_scope_bracket():
    text = "\n".join([
        "一、单位基本情况",
        "(一)机构设置",
        "示例省示例县残疾人联合会(本级)为参照公务员法管理事业单位，内设办公室、维权科。编制人数为7人。",
        "二、收入支出决算总体情况说明",
        "1.总体情况。2031年度收入总计512.30万元，支出总计512.30万元。",
        "2.收入情况。2031年度收入合计512.30万元，其中财政拨款收入512.30万元。单位决算如上。",
    ])
    found = detect(text)
    assert found.unit.startswith("示例省示例县残疾人联合会")


def test_what_money_was_used_for_is_no_unit():
    text = "\n".join([
        "经示例区财政局汇总，2031年区级“三公”经费财政拨款支出320.50万元，比上年减少12.30万元。",
        "(一)因公出国(境)费10.00万元。全年组织出国团组2个，累计6人次。",
        "(二)公务用车购置及运行费250.50万元。",
        "1、公务用车购置费20.00万元，购置1辆客车，用于政府系统公务活动使用等。",
        "2、公务用车运行费230.50万元，年末公务用车保有量88辆。",
        "(三)公务接待费60.00万元，接待120批次900人次。",
    ])
    found = detect(text)
    assert "用于" not in found.unit
    assert found.unit.startswith("示例区")
