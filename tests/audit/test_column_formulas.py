"""Column formulas a table's header prints ('⑥=③*⑤' in a row numbering the columns): checked row by row where the
formula parses and its columns are numbered; an unparsed formula stays named as not checked."""

from __future__ import annotations

from jixiao.audit.engine import audit_document
from jixiao.core.colformula import check_row, numbering, parse_formula, table_formulas
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

PAGE = """示例县2033年农机补贴项目支出绩效自评表
附:各乡镇补贴兑付情况(单位:元)
序号 | 乡镇 | 补贴标准 | 申报台数 | 兑付台数 | 补贴金额 |
① | ② | ③ | ④ | ⑤ | ⑥=③*⑤ |
1 | 东岭镇 | 1200 | 35 | 30 | 36000 |
2 | 西岭镇 | 1200 | 28 | 25 | {second} |
"""


def _findings(tmp_path, text):
    doc, _ = load_text(tmp_path, text, "page.txt")
    return doc, [f for f in audit_document(doc, CENTRAL).findings if f.rule == "table.column_formula"]


def test_the_parser_reads_circled_bracketed_and_bare_column_numbers_and_refuses_anything_else():
    assert parse_formula("⑧=④*⑦").columns == (4, 7)
    assert parse_formula("(4)=(2)/(3)×100%").percent
    assert parse_formula("5=3+4", bare=True).columns == (3, 4)
    assert parse_formula("5=3+4") is None  # bare numbers are columns only under a numbering by bare digits
    assert parse_formula("⑧=④*系数") is None
    assert parse_formula("⑧=④*") is None
    assert parse_formula("⑧=⑧+①") is None
    assert numbering(["①", "②", "③=①+②"]) == {1: 0, 2: 1, 3: 2}


def test_the_printed_precision_decides_between_exact_residue_and_wrong():
    rate = parse_formula("(3)=(2)/(1)×100%")
    assert check_row(rate, {1: "80", 2: "61.5", 3: "76.9%"}).outcome == "exact"
    assert check_row(rate, {1: "80", 2: "61.5", 3: "77%"}).outcome == "exact"  # 76.875 rounds to 77
    assert check_row(rate, {1: "80", 2: "61.5", 3: "77.2%"}).outcome == "residue"  # 61.45…61.55 ÷ 79.5…80.5
    assert check_row(rate, {1: "80", 2: "61.5", 3: "79%"}).outcome == "wrong"
    product = parse_formula("⑥=③*⑤")
    assert check_row(product, {3: "1200", 5: "30", 6: "3.6"}).outcome == "scale"  # 36000 元 printed as 3.6 万元


def test_a_row_that_breaks_the_header_formula_is_an_error(tmp_path):
    doc, found = _findings(tmp_path, PAGE.format(second="32000"))
    assert [f.tier.value for f in found] == ["error"]
    assert "⑥=③*⑤" in found[0].message and "30000" in found[0].message and "32000" in found[0].message
    assert any("已按列号逐行核对" in u.what for u in doc.reading.unread)


def test_rows_that_hold_give_no_finding(tmp_path):
    _, found = _findings(tmp_path, PAGE.format(second="30000"))
    assert found == []


def test_a_residue_within_the_printed_precision_is_a_notice(tmp_path):
    text = PAGE.replace("1200", "1200.5").format(second="30012")  # 1200.45…1200.55 × 24.5…25.5: within
    _, found = _findings(tmp_path, text)
    assert {f.tier.value for f in found} == {"notice"}


def test_an_unparsed_formula_is_named_as_not_checked(tmp_path):
    doc, found = _findings(tmp_path, PAGE.replace("⑥=③*⑤", "⑥=③*系数").format(second="32000"))
    assert found == []
    assert any("⑥=③*系数" in u.what and "无法解析" in u.what and "未核对" in u.what for u in doc.reading.unread)
    assert table_formulas([["①", "②", "③=①×k"], ["1", "2", "3"]]).unparsed == ("③=①×k",)
