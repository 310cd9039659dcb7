"""Certain findings published pages got wrong, rebuilt with our own wording and figures:

- a base-data table printed one cell per line: its prior-year column caption ('2030 年决算数') is no heading of the
  document naming a wrong year;
- a '其中' list whose part is followed by what was paid out of it ('…补助资金80万元，已支出52.5万元，支付率…'): the
  amount paid is not another part;
- a total broken down by batch, each batch then by project ('共1,500万元，其中第一批900万元，分别用于甲…、乙…；第二批
  600万元，分别用于…'): a batch's projects are not parts of the whole;
- a list in a text cut off by the excerpt's end: its last parts are not there, it is not judged.
"""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

BASE_DATA = """2031年示例镇人民政府决算编制说明

520001-示例县示例镇人民政府2031年部门决算公开

附件一

2031年度部门整体支出绩效评价基础数据表

财政供养人员情况(人

编制数

2031 年实际在职人数

控制率

20

18

90.00%

经费控制情况(万元

2030 年决算数

2031 年预算数

2031 年决算数

三公经费:

3.00

2.50

2.40
"""


def test_a_column_caption_is_no_heading(tmp_path):
    doc, found = audit_text(tmp_path, BASE_DATA)
    assert doc.year == 2031
    assert not [f for f in found if f.rule == "disclosure.heading_year"]
    # a heading of the document naming another year is still certain
    _, found = audit_text(tmp_path, BASE_DATA + "\n2030年度收入支出决算总表\n")
    assert [f.tier for f in found if f.rule == "disclosure.heading_year"] == [Tier.ERROR]


HEAD = "示例市交通局关于2031年度省级交通专项资金绩效自评报告\n一、资金使用情况\n"


def _parts(found):
    return [f for f in found if f.rule == "prose.parts_total"]


def test_what_was_paid_out_of_a_part_is_no_other_part(tmp_path):
    text = HEAD + ("收到省级养护保障资金80万元，其中：治超站点改造补助资金80万元，已支出52.5万元，资金支付率65.63%。\n"
                   "收到农村公路补助资金150万元，其中：桥梁维修90万元、安防工程60万元，已拨付40万元。\n")
    _, found = audit_text(tmp_path, text)
    assert not _parts(found), [f.message for f in _parts(found)]
    # the parts before the clause on use are still added up
    _, found = audit_text(tmp_path, text.replace("桥梁维修90万元", "桥梁维修95万元"))
    [finding] = _parts(found)
    assert finding.tier is Tier.ERROR and "150万元" in finding.message and "155万元" in finding.message
    # a list of the uses themselves is a list of parts
    _, found = audit_text(tmp_path, HEAD + "共收到资金100万元，其中：已支出70万元，结余35万元。\n")
    [finding] = _parts(found)
    assert finding.tier is Tier.ERROR and "105万元" in finding.message


BATCHES = ("我局获得2031年度水污染防治资金1500万元其中第一批资金900万元,分别支持甲湖治理项目300万元、乙河整治项目"
           "250.5万元、丙渠修复项目349.5万元;第二批资金600万元,分别支持甲湖治理项目300万元、丁河提升项目(一期)"
           "280万元、戊区调查评估项目20万元。\n")


def test_a_parts_breakdown_is_no_part_of_the_whole(tmp_path):
    _, found = audit_text(tmp_path, HEAD + BATCHES)
    assert not _parts(found), [f.message for f in _parts(found)]
    # a batch whose projects ('分别…') do not add up to it: the batch is wrong, not the whole
    _, found = audit_text(tmp_path, HEAD + BATCHES.replace("349.5万元", "359.5万元"))
    [finding] = _parts(found)
    assert finding.tier is Tier.ERROR and "900万元" in finding.message and "910万元" in finding.message
    # without '分别', a run of parts adding up to the part before it is that part's detail
    plain = BATCHES.replace(",分别支持", ",用于")
    _, found = audit_text(tmp_path, HEAD + plain)
    assert not _parts(found), [f.message for f in _parts(found)]
    # a bracket whose closing bracket was lost ('(文号〔2031〕5号及…') does not hold the list after it
    lost = HEAD + "根据《示例通知》(示财〔2031〕5号及《示例函》文件要求," + BATCHES
    _, found = audit_text(tmp_path, lost)
    assert not _parts(found), [f.message for f in _parts(found)]
    _, found = audit_text(tmp_path, lost.replace("20万元。", "30万元。"))
    [finding] = _parts(found)
    assert finding.tier is Tier.ERROR and "600万元" in finding.message and "610万元" in finding.message


CUT = HEAD + ("全市收到省补助资金合计900万元,已支出300万元,资金支付率33.33%。其中:\n"
              "收到国省道建设补助资金500万元,已支出20万元,资金支付率4%。\n"
              "收到交通发展保障资金150万元,其中:电子监控设施建设补助资金150万元,已支出100万元,资金支")


def test_a_list_cut_off_by_the_end_of_the_text_is_not_judged(tmp_path):
    _, found = audit_text(tmp_path, CUT)
    assert not _parts(found), [f.message for f in _parts(found)]
    # the same list, ended, is judged: the paid amounts of the parts listed fall short of the whole's
    _, found = audit_text(tmp_path, CUT + "付率66.67%。\n")
    [finding] = _parts(found)
    assert finding.tier is Tier.WARNING and "300万元" in finding.message


BUDGET = """示例县第二中学
2031年单位预算情况说明
一、单位收支总体情况
(一)收入预算:2031年收入合计1200.50万元,其中:本年收入1000.50万元,上年结转收入200.00万元。
(二)支出预算:2031年支出合计{total}万元,其中:一般公共服务支出0.00万元,教育支出900.25万元,社会保障和就业支出150.10万元,卫生健康支出50.05万元,住房保障支出100.10万元;支出较去年增加20.00万元。
"""


def test_spending_by_function_class_adds_up_to_its_total(tmp_path):
    doc, found = audit_text(tmp_path, BUDGET.format(total="1200.50"))
    assert doc.kind.value == "budget_disclosure"
    assert not [f for f in found if f.rule == "narrative.parts_total"], [f.message for f in found]
    _, found = audit_text(tmp_path, BUDGET.format(total="1198.70"))
    [finding] = [f for f in found if f.rule == "narrative.parts_total"]
    assert finding.tier is Tier.ERROR and "1,200.50" in finding.message
    # classes falling short of the total: another class may be unlisted
    _, found = audit_text(tmp_path, BUDGET.format(total="1300.50"))
    [finding] = [f for f in found if f.rule == "narrative.parts_total"]
    assert finding.tier is Tier.WARNING and "其他功能分类" in finding.message
