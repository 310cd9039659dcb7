"""Layouts of published pages met in the corpus (own wording and numbers): a government catalogue's metadata in
square brackets before the document's title, a one-cell-per-line table whose header opens with a label
('单位名称 |' / '编制数 |'), and a '|' table of a 三公 budget with a remarks column, trailing empty cells and its
explanation printed in a cell of its own after the rows."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.source import Paragraph, Table
from jixiao.ingest.textlayout import text_blocks
from tests.builders import load_text

# The metadata block one field a line ('- [ 索引号 ]' / '- value'), its category naming both 预算 and 决算, then the
# title, then an explanation whose words alone would read as a 决算 (事业收入, 经营收入, 上年结转, 基本支出 …).
LISTED_METADATA = """首页>信息公开>预算/决算>示例区教育局
- [ 索引号 ]
- 000000000/2031-00011
- [ 发文字号 ]
- [ 主题分类 ]
- 教育
- [ 体裁分类 ]
- 财政预算、决算
- [ 发布机构 ]
- 示例区教育局
- [ 有效性 ]
- [ 成文日期 ]
- 2031-02-10
示例区青禾小学 2031年部门预算情况说明
一、单位基本情况
本校是全额拨款事业单位。
二、部门收支总体情况
收入预算312.40万元,其中:一般公共预算拨款300.40万元,事业收入0万元,事业单位经营收入0万元,上年结转12万元。
支出预算312.40万元,其中:基本支出290.40万元,项目支出22万元。
"""

# The same fields two to a line: '[ 索引号 ] … [ 发文字号 ]'.
INLINE_METADATA = "\n\n".join([
    "示例区教育局", "首页 | 信息公开 | 办事服务", "部门站群",
    "您当前的位置: 首页 > 教育局 > 信息公开 > 预算公开",
    "[ 索引号 ] 000000000/2031-00012 [ 发文字号 ]\n[ 主题分类 ] 教育 [ 体裁分类 ] 财政预算、决算\n[ 发布机构 ] 示例区教育局\n"
    "[ 成文日期 ] 2031-03-01 [ 发布日期 ] 2031-03-01",
    "示例区白石小学2031年部门预算情况说明",
    "一、部门收支总体情况",
    "收入预算188.20万元,其中:一般公共预算拨款186.20万元,事业收入2万元,上年结转收入0万元。基本支出180.20万元,项目支出8万元。"])


def test_a_title_after_a_bracketed_metadata_block_decides_budget(tmp_path):
    doc, _ = load_text(tmp_path, LISTED_METADATA)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE
    assert any("2031年部门预算情况说明" in e for e in doc.kind_evidence)
    assert doc.unit == "示例区青禾小学" and doc.year == 2031


def test_bracketed_labels_two_to_a_line_are_metadata_too(tmp_path):
    found = detect(INLINE_METADATA)
    assert found.kind is DocumentKind.BUDGET_DISCLOSURE and "2031年部门预算情况说明" in found.evidence[0]
    doc, _ = load_text(tmp_path, INLINE_METADATA)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE


# A staff table copied one cell per line, cut inside its header: '单位名称' is a column's header here, not a label
# whose value is the next cell.
STAFF_TABLE = """示例县档案馆2031年部门预算公开说明
一、部门概况
本馆是全额拨款事业单位,2031年收入预算120万元,支出预算120万元。
1.部门人员构成:
2030年底编制人数20人,实有人数18人。(表格如下)
单位名称 |
编制数 |
实有人数 | |||
小计 |
行政人数 |
"""


def test_a_label_followed_by_a_column_header_takes_no_value(tmp_path):
    blocks = text_blocks(STAFF_TABLE, "staff.txt")
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert "单位名称：编制数" not in texts
    assert "单位名称" in texts and "编制数" in texts


def test_no_unit_is_read_from_two_header_cells(tmp_path):
    from jixiao.audit.engine import audit_document
    from tests.audit.test_mutations import CENTRAL

    doc, _ = load_text(tmp_path, STAFF_TABLE)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.rule == "disclosure.heading_unit"]


# A county's 三公 budget as a '|' table: the unit '萬' (万 without 元, Traditional), a 备注 column whose 合计 cell holds
# the definitions, empty cells trailing every row, and the explanation of the change in a cell after the rows.
SANGONG_TABLE = """示例縣2031年“三公”經費預算財政撥款情況統計表 | |||||
單位:萬 | |||||
項目 | 本年預算數 | 備註 | |||
合計 | 3120 | 注:“三公”經費包括因公出國(境)費、公務用車購置及運行費和公務接待費。(1)因公出國(境)費,指單位工作人員公務出國(境)的住宿費、旅費等支出。 |
|||
1、因公出國(境)費用 | 0 | ||||
2、公務接待費 | 1800 | ||||
3、公務用車費 | 1320 | ||||
其中:(1)公務用車運行維護費 | 1320 | ||||
(2)公務用車購置 | 0 | ||||
增減情況說明:2031年度“三公”經費預算數為3120萬元,較2030年3400萬元減少280萬元,同比下降8.2%。其中:公務接待費預算數為1800萬元;公務用車維護費預算數為1320萬元。按照只減不增的原則,嚴格控制接待規模。 |
"""


def test_a_sangong_budget_table_with_remarks_and_trailing_cells_is_read(tmp_path):
    doc, _ = load_text(tmp_path, SANGONG_TABLE)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE
    [table] = doc.disclosure.tables.values()
    [row] = table.rows
    cells = {key: amount.value for key, amount in row.cells.items()}
    wan = Decimal(10000)
    assert cells["budget_total"] == 3120 * wan
    assert cells["budget_reception"] == 1800 * wan and cells["budget_overseas"] == 0
    assert cells["budget_car"] == 1320 * wan and cells["budget_car_operation"] == 1320 * wan


def test_the_explanation_in_a_cell_after_the_rows_is_a_paragraph():
    blocks = text_blocks(SANGONG_TABLE.replace("萬", "万"), "sangong.txt")
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1 and not any("增減情況說明" in t for r in tables[0].rows for t in r.texts)
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text.startswith("增減情況說明")
