"""A consistent 决算公开 package is clean; each planted fault is found by the right rule at the right place."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests.builders import consistent_package

CENTRAL = load_profile("central")


def audit_text(tmp_path: Path, text: str):
    path = tmp_path / "package.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, audit_document(doc, CENTRAL).findings


def test_consistent_package_reads_every_table(tmp_path):
    doc, _ = audit_text(tmp_path, consistent_package())
    assert sorted(doc.disclosure.tables) == [f"D{n:02d}" for n in range(1, 11)]
    assert doc.disclosure.tables["D08"].empty_note == "本表无数据"
    assert len(doc.self_evaluations) == 2


def test_consistent_package_has_no_error_or_warning(tmp_path):
    _, findings = audit_text(tmp_path, consistent_package())
    assert [f.message for f in findings if f.tier is not Tier.NOTICE] == []


# (planted fault: text replaced, replacement) → the rule that must find it, and a word its location must name
MUTATIONS = [
    ("本年收入合计\t27\t1500.00", "本年收入合计\t27\t1510.00", "disclosure.r01_income_total", "本年收入合计"),
    ("本年支出合计\t58\t1500.00", "本年支出合计\t58\t1400.00", "disclosure.r02_expenditure_total", "本年支出合计"),
    ("合计\t\t1500.00\t1500.00", "合计\t\t1500.00\t1400.00", "disclosure.r06_r07_income_table", "合计"),
    ("201\t一般公共服务支出\t900.00\t200.00\t700.00", "201\t一般公共服务支出\t900.00\t200.00\t600.00",
     "disclosure.r08_r09_expenditure_table", "201"),
    ("三、城乡社区支出\t35\t500.00\t\t500.00", "三、城乡社区支出\t35\t500.00\t\t400.00",
     "disclosure.r10_r13_fiscal_table", "城乡社区支出"),
    ("合计\t\t1000.00\t300.00\t700.00", "合计\t\t1000.00\t300.00\t600.00", "disclosure.r14_r17_general_budget", "合计"),
    ("人员经费合计\t\t250.00", "人员经费合计\t\t240.00", "disclosure.r18_r20_basic_detail", "人员经费合计"),
    ("合计\t\t\t500.00\t500.00\t\t500.00\t", "合计\t\t\t500.00\t500.00\t\t450.00\t", "disclosure.r21_r23_fund_tables",
     "合计"),
    ("10.00\t\t10.00\t\t10.00\t\t8.00\t\t8.00\t\t8.00\t", "10.00\t\t10.00\t\t10.00\t\t9.00\t\t8.00\t\t8.00\t",
     "disclosure.r24_sangong_sum", "三公经费"),
    ("工程\t3\t30.00", "工程\t3\t35.00", "disclosure.r26_statistics", "政府采购合计"),
    ("2010101\t行政运行\t900.00\t900.00", "2010101\t行政运行\t800.00\t800.00", "disclosure.r28_r30_classification_tree",
     "20101"),
    ("政府采购工程支出30.00万元", "政府采购工程支出29.99万元", "narrative.n1_amount_vs_table", "政府采购工程"),
    ("基本支出300.00万元，其中", "基本支出299.99万元，其中", "narrative.n1_amount_vs_table", "基本支出"),
    ("占比90.00%", "占比91.00%", "narrative.n2_percentages", "占比"),
    ("完成年初预算的112.50%", "完成年初预算的115.50%", "narrative.n2_percentages", "完成预算比例"),
    ("增长25.00%，支出总计", "增长52.00%，支出总计", "narrative.n2_year_on_year", "同比"),
    ("减少100.00万元，下降9.09%", "减少100.00万元，增长9.09%", "narrative.n2_year_on_year", "增减方向"),
    ("主要原因是：公务活动减少", "主要原因是：公务活动增加", "narrative.n2_reason_direction", "原因"),
    ("公务接待费支出0万元，与上年相同", "公务接待费支出0万元，比上年度减少1.00万元，下降100%", "narrative.n3_sangong_changes",
     "三公经费增减"),
    ("保有量共1辆", "保有量共2辆", "crosssection.vehicles", "车辆数"),
    ("2个项目自评等级为“优”", "1个项目自评等级为“优”", "coverage.grade_counts", "优"),
    ("资金1,200.00万元", "资金1,300.00万元", "coverage.self_evaluated_amount", "自评项目"),
    ("完成数量\t\t=10个\t10\t\t30\t30", "完成数量\t\t=10个\t8\t\t30\t30", "selfeval.s2_quantitative_score", "完成数量"),
    ("评价得分 50 分", "评价得分 45 分", "selfeval.block_claim", "产出指标"),
]


@pytest.mark.parametrize(("old", "new", "rule", "place"), MUTATIONS, ids=[m[2] + ":" + m[3] for m in MUTATIONS])
def test_planted_fault_is_found_at_its_place(tmp_path, old, new, rule, place):
    text = consistent_package()
    assert text.count(old) >= 1, f"fixture does not contain {old!r}"
    _, findings = audit_text(tmp_path, text.replace(old, new, 1))
    hits = [f for f in findings if f.rule == rule and f.tier is not Tier.NOTICE]
    assert hits, f"{rule} did not fire; got {[(f.rule, f.message) for f in findings if f.tier is not Tier.NOTICE]}"
    assert any(place in (f.location.row + f.location.table + f.message) and f.location.line for f in hits)


def test_glossary_terms_are_read(tmp_path):
    doc, _ = audit_text(tmp_path, consistent_package())
    assert doc.disclosure.glossary == ("财政拨款收入",)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_package_in_word_and_excel_audits_like_text(tmp_path, suffix):
    from jixiao.ingest.source import text_blocks
    from tests.ingest.test_formats import write_docx, write_xlsx

    faulty = consistent_package().replace("保有量共1辆", "保有量共2辆")
    blocks = text_blocks(faulty, "package.txt")
    path = tmp_path / f"package{suffix}"
    (write_docx if suffix == ".docx" else write_xlsx)(blocks, path)
    doc, errors = load_document(path)
    assert doc is not None, errors
    assert sorted(doc.disclosure.tables) == [f"D{n:02d}" for n in range(1, 11)]
    found = [f.rule for f in audit_document(doc, CENTRAL).findings if f.tier is not Tier.NOTICE]
    assert found == ["crosssection.vehicles"]


@pytest.mark.parametrize(("old", "new", "rule"), [
    ("总计\t31\t1500.00", "总计\t31\t1600.00", "disclosure.r03_r05_grand_totals"),
    ("一般公共服务支出(类)900.00万元，占比90.00%；\n\n社会保障和就业支出(类)100.00万元，占比10.00%。",
     "一般公共服务支出(类)900.00万元，占比90.00%；\n\n城乡社区支出(类)0.00万元，占比0.00%。", "narrative.n5_shares_total"),
    ("(一) 行政单位\t5\t", "(一) 行政单位\t5\t5.00", "crosssection.admin_cost"),
])
def test_more_planted_faults(tmp_path, old, new, rule):
    text = consistent_package()
    assert old in text
    _, findings = audit_text(tmp_path, text.replace(old, new, 1))
    assert rule in {f.rule for f in findings if f.tier is not Tier.NOTICE}
    _, clean = audit_text(tmp_path, text)
    assert rule not in {f.rule for f in clean}


def test_sangong_detail_rule_fires_only_when_the_detail_row_differs(tmp_path):
    text = consistent_package().replace("30201\t办公费\t50.00", "30231\t公务用车运行维护费\t50.00")
    _, findings = audit_text(tmp_path, text)
    assert "disclosure.r25_sangong_vs_detail" in {f.rule for f in findings}
    _, clean = audit_text(tmp_path, text.replace("30231\t公务用车运行维护费\t50.00", "30231\t公务用车运行维护费\t8.00").replace(
        "302\t商品和服务支出\t50.00", "302\t商品和服务支出\t8.00"))
    assert "disclosure.r25_sangong_vs_detail" not in {f.rule for f in clean}
