"""Tables of parts and their total run together into one line (own wording and figures): an allocation notice's
distribution table with each recipient's name glued to its amount ('东湖街道12西岭镇8.5…全市合计48'), and a
部门整体支出绩效目标申报表 copied out of a PDF whose fund head prints amounts broken by a space ('5000.137 8') and
one amount that lost its decimal point ('31250878' for 3125.0878)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

ALLOCATION = (
    "各街道财政所、农业服务中心:为做好畜禽疫病防控,现将2031年示例市畜禽防疫补助资金48万元(附件1)下达给你们,"
    "请按绩效目标(附件2)使用,附件:1.2031年示例市畜禽防疫补助资金分配表2.2031年畜禽防疫补助资金绩效目标表"
    "示例市农业局2031年4月2日附件12031年示例市畜禽防疫补助资金分配表街道(场)补助资金(万元)备注"
    "东湖街道12西岭镇8.5南山乡6北坪农场4.5青石镇9柳河乡8全市合计48注:按养殖量和村数安排,"
    "附件2畜禽防疫补助资金绩效目标表(2031年度)项目名称畜禽防疫补助主管部门示例市农业局资金情况(万元)"
    "资金总额:48其中:财政拨款48其他资金总体目标按计划完成畜禽强制免疫\n"
)

FORM = (
    "示例区档案馆整体支出绩效目标.pdf\n"
    "附件 3: 部门整体支出绩效目标申报表 填报日期:2031 年 2 月 10 日 部门(单位) 名称 填报人 示例区档案馆 李四 "
    "财政拨款 收入构成 支出构成 5551234 联系电话 总体资金情况 部门总体 资金情况 单位:万元 当年 金额 占比 "
    "5000.137 8 其他资金 合计 5000.137 8 100% 基本支出 31250878 62.5% 项目支出 1875.05 37.5% 合计 5000.137 8 100% "
    "(一)负责全区档案的收集、整理和保管。 (二)负责档案的开发利用和查阅服务。 — 1 — (三)指导全区各单位的档案工作。\n"
)


def _audit(tmp_path, text: str, name: str = "page.txt"):  # type: ignore[no-untyped-def]
    doc, _ = load_text(tmp_path, text, name)
    return doc, audit_document(doc, CENTRAL)


def _of(result, rule: str) -> list:  # type: ignore[no-untyped-def]
    return [f for f in result.findings if f.rule == rule]


def test_glued_names_and_amounts_are_read_as_a_distribution_table(tmp_path):
    doc, result = _audit(tmp_path, ALLOCATION)
    [table] = doc.parts_tables
    assert [r.label for r in table.rows] == ["东湖街道", "西岭镇", "南山乡", "北坪农场", "青石镇", "柳河乡"]
    assert [r.amount.text for r in table.rows] == ["12万元", "8.5万元", "6万元", "4.5万元", "9万元", "8万元"]
    assert (table.total.label, table.total.amount.value) == ("全市合计", Decimal(480000))
    assert table.unit == "万元" and table.title.endswith("分配表")
    assert not _of(result, "table.parts_total") and not _of(result, "reading.nothing_read")
    assert any(t.rows == 7 for t in doc.reading.tables)


def test_a_glued_total_that_does_not_add_up_is_found(tmp_path):
    _, result = _audit(tmp_path, ALLOCATION.replace("全市合计48", "全市合计58"))
    [found] = _of(result, "table.parts_total")
    assert found.tier is Tier.ERROR and found.location.row == "全市合计"
    assert "48万元" in found.message


def test_a_difference_within_the_rounding_of_whole_figures_rests_on_the_column_precision(tmp_path):
    # 12, 9, 8 printed beside 8.5: read as 12.0 …, the total is 2 short; if each were rounded to a whole 万元 on
    # its own, 7 figures could hide 3.5 — so the fault rests on a reading of the column and is only suspected
    _, result = _audit(tmp_path, ALLOCATION.replace("全市合计48", "全市合计46"))
    [found] = _of(result, "table.parts_total")
    assert found.tier is Tier.WARNING and "省略了末尾的0" in found.message


def test_a_glued_run_whose_first_name_is_run_into_prose_is_reported_unread(tmp_path):
    text = ALLOCATION.replace("补助资金(万元)备注东湖街道12", "补助资金(万元)分配如下东湖街道12")
    doc, result = _audit(tmp_path, text)
    assert not doc.parts_tables and not _of(result, "table.parts_total")
    [unread] = [u for u in doc.reading.unread if "分配表" in u.what and "第一行名称" in u.what]
    assert unread.location.line == 1 and unread.kind == "table"


def test_a_glued_run_with_a_name_that_is_no_recipient_is_reported_unread(tmp_path):
    doc, result = _audit(tmp_path, ALLOCATION.replace("南山乡6", "南山乡其中6"))
    assert not doc.parts_tables and not _of(result, "table.parts_total")
    assert any("不是单位或地名" in u.what for u in doc.reading.unread)


def test_a_fund_head_with_a_lost_decimal_point_is_read_by_the_only_position_that_adds_up(tmp_path):
    doc, result = _audit(tmp_path, FORM, "form.txt")
    [table] = doc.parts_tables
    basic, project = table.rows
    assert (basic.label, basic.amount.value, basic.printed_as) == ("基本支出", Decimal("31250878"), "31250878")
    assert project.amount.value == Decimal("18750500") and table.total.amount.value == Decimal("50001378")
    assert basic.share.value == Decimal("62.5")
    [said] = _of(result, "table.decimal_point_lost")
    assert said.tier is Tier.WARNING and "3125.0878万元" in said.message and said.location.row == "基本支出"
    assert not [f for f in result.findings if f.tier is Tier.ERROR]
    assert not _of(result, "reading.nothing_read")


def test_a_bare_digit_run_no_decimal_point_explains_stays_unread(tmp_path):
    doc, result = _audit(tmp_path, FORM.replace("31250878", "31250879"), "form.txt")
    [table] = doc.parts_tables
    assert table.rows[0].amount is None  # never read as 3 千万
    assert not _of(result, "table.parts_total") and not _of(result, "table.decimal_point_lost")
    assert not [f for f in result.findings if f.tier is Tier.ERROR]
    [unread] = [u for u in doc.reading.unread if "没有小数点" in u.what]
    assert unread.location.row == "基本支出" and unread.location.line == 2


def test_a_printed_share_that_does_not_match_its_amount_is_found(tmp_path):
    text = FORM.replace("31250878 62.5%", "3125.0878 60.5%")
    _doc, result = _audit(tmp_path, text, "form.txt")
    [found] = _of(result, "table.parts_total")
    assert found.tier is Tier.ERROR and found.location.row == "基本支出" and found.location.column == "占比"
    assert not _of(result, "table.decimal_point_lost")


def test_an_amount_broken_before_any_decimal_point_is_not_guessed(tmp_path):
    doc, result = _audit(tmp_path, FORM.replace("项目支出 1875.05 37.5%", "项目支出 1875 05 37.5%"), "form.txt")
    assert not _of(result, "table.parts_total") and not _of(result, "table.decimal_point_lost")
    assert any("被空格断开" in u.what for u in doc.reading.unread)


def test_a_glued_amount_that_lost_its_decimal_point_is_read_only_by_the_sum(tmp_path):
    doc, result = _audit(tmp_path, ALLOCATION.replace("西岭镇8.5", "西岭镇85"))
    [table] = doc.parts_tables
    assert (table.rows[1].amount.text, table.rows[1].printed_as) == ("8.5万元", "85")
    [said] = _of(result, "table.decimal_point_lost")
    assert said.tier is Tier.WARNING and not [f for f in result.findings if f.tier is Tier.ERROR]


def test_a_fund_head_printing_its_total_first_totals_the_rows_after_it(tmp_path):
    text = FORM.replace("合计 5000.137 8 100% 基本支出 31250878 62.5% 项目支出 1875.05 37.5% 合计 5000.137 8 100%",
                        "合计 5000.137 8 100% 基本支出 3125.0878 62.5% 项目支出 1875.05 37.5% 注:无其他资金")
    doc, result = _audit(tmp_path, text, "form.txt")
    [table] = doc.parts_tables
    assert [r.label for r in table.rows] == ["基本支出", "项目支出"] and table.total.label == "合计"
    assert not [f for f in result.findings if f.rule.startswith("table.")]
