"""A budget table printed one row per line with each amount run into its label ('办公经费12.30'), under a title that
names the unit by its short name while the table's header gives the full one (own wording and figures)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.names import abbreviates
from jixiao.ingest.source import Table, text_blocks
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

GLUED = """示例县农科局2025年部门预算“三公”经费情况说明

2025年财政拨款“三公”经费预算合计7.2万元,其中:公务用车运行维护费4.5万元,公务接待费2.7万元。
表6
2025年一般公共预算安排的行政经费及“三公”经费预算表
单位名称:示例县农业科学技术局单位:万元
项目2025年预算
行政经费210.40
“三公”经费7.20
      其中:(一)因公出国(境)支出
           (二)公务用车购置及运行维护支出
                   1.公务用车购置
                   2.公务用车运行维护费4.50
           (三)公务接待费支出2.70
注:
1、行政经费包括基本支出和一般行政管理项目支出。
"""


def _load(tmp_path, text: str):  # type: ignore[no-untyped-def]
    return load_text(tmp_path, text, "glued.txt")


def test_rows_with_amounts_run_into_their_labels_are_split():
    [table] = [b for b in text_blocks(GLUED, "t.txt") if isinstance(b, Table)]
    texts = [[t.strip() for t in row.texts] for row in table.rows]
    assert texts[0] == ["项目", "2025年预算"]
    assert texts[1] == ["行政经费", "210.40"]
    assert ["(二)公务用车购置及运行维护支出", ""] in texts  # no amount printed: a blank, not a figure
    assert texts[-1] == ["(三)公务接待费支出", "2.70"]  # the note below is not a row
    assert len(texts) == 8


def test_glued_sangong_rows_are_read_and_agree(tmp_path):
    doc, errors = _load(tmp_path, GLUED)
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values == {"budget_total": Decimal("7.20"), "budget_car_operation": Decimal("4.50"),
                      "budget_reception": Decimal("2.70")}  # '公务接待费支出' is the item, not a part of it
    assert any("行政经费" in str(e) and "未读取" in str(e) for e in errors)  # not a 三公 item: reported unread
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier in (Tier.ERROR, Tier.WARNING)]


def test_a_sum_error_in_glued_rows_is_found(tmp_path):
    doc, _ = _load(tmp_path, GLUED.replace("“三公”经费7.20", "“三公”经费7.60"))
    assert any(f.rule == "disclosure.r24_sangong_sum" and f.tier is Tier.ERROR
               for f in audit_document(doc, CENTRAL).findings)


def test_the_unit_is_the_full_name_the_table_gives_not_the_title_short_name(tmp_path):
    doc, _ = _load(tmp_path, GLUED)
    assert doc.disclosure.department == "示例县农业科学技术局"


def test_another_unit_in_the_title_is_still_questioned(tmp_path):
    doc, _ = _load(tmp_path, GLUED.replace("示例县农科局", "示例县林业局", 1))
    assert any(f.rule == "disclosure.heading_unit" for f in audit_document(doc, CENTRAL).findings)


def test_abbreviation_keeps_order_and_ending():
    assert abbreviates("示例县农科局", "示例县农业科学技术局")
    assert not abbreviates("示例县科农局", "示例县农业科学技术局")
    assert not abbreviates("示例县农科站", "示例县农业科学技术局")
