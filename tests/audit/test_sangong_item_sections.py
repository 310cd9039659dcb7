"""A 三公 决算 statement split into sections each headed by one item ('一、因公出国(境)经费'), with an appended table
of the 决算 only (no 合计 row, no 预算 column, one cell per line): the items' changes under their own headings are
read against the total's, the table's '因公出国(境)经费' row is the item itself, and what the table does not print
(its 合计, any 预算数) is unknown, not zero."""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

TEXT = (
    "经示例市财政局汇总，2019年示例市市本级部门使用财政拨款安排“三公”经费支出总额为1200万元，比预算数减少{total}万元。"
    "具体情况如下：\n"
    "一、因公出国(境)经费\n"
    "2019年因公出国(境)费50万元，比预算数减少10万元。\n"
    "二、公务接待费\n"
    "2019年公务接待费350万元，比预算数减少40万元。\n"
    "三、公务用车购置及运行维护费\n"
    "2019年公务用车购置及运行维护费800万元(其中:公务用车购置费100万元,公务用车运行维护费700万元),比预算数减少{car}万元。\n"
    "附表:示例市本级2019年“三公”经费决算汇总表\n"
    "项目 |\n2019年决算(万元) |\n因公出国(境)经费 |\n50 |\n公务接待费 |\n350 |\n公务用车购置及运行维护费 |\n800 |\n"
    "其中:公务用车购置费 |\n100 |\n公务用车运行维护费 |\n700 |\n"
)


def audit(tmp_path, total="100", car="50"):
    doc, found = audit_text(tmp_path, TEXT.format(total=total, car=car))
    return doc, [(f.rule, f.tier) for f in found if f.tier is not Tier.NOTICE]


def test_consistent_statement_is_quiet_and_the_table_row_is_the_item(tmp_path):
    doc, found = audit(tmp_path)
    assert found == []
    [row] = doc.disclosure.tables["D09"].rows
    assert row.cells["final_overseas"].value == 500000  # '因公出国(境)经费' read, in 元
    assert not row.known("budget_total") and not row.known("final_total")  # not printed: unknown, not 0


def test_item_changes_under_their_own_headings_are_summed(tmp_path):
    # −10 − 40 − 50 = −100; a total said to fall by 300 cannot hold
    assert audit(tmp_path, total="300")[1] == [("narrative.n3_sangong_changes", Tier.ERROR)]
