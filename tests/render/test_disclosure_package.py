"""The 决算公开 package computed from ledger data: read back it equals its source, audits clean, states the
SPEC §7.4 figures, and an inconsistent input is refused at the gate."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

from jixiao.core.finding import Tier
from jixiao.core.model import FundType
from jixiao.core.money import WAN
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from jixiao.render import blocks as writers
from jixiao.render.disclosure import build
from jixiao.render.gate import check, same_tables
from jixiao.render.ledger_json import LedgerError, load_ledger
from tests.conftest import REPO

LEDGER = Path(str(files("jixiao.data").joinpath("demo", "disclosure_ledger.json")))
CENTRAL = load_profile("central")


@pytest.fixture(scope="module")
def ledger():
    return load_ledger(LEDGER)


@pytest.fixture(scope="module")
def pdf_path(ledger, tmp_path_factory, to_pdf):
    return to_pdf(build(ledger), tmp_path_factory.mktemp("pdf") / "package.pdf", "部门决算公开")


@pytest.fixture(scope="module")
def written(ledger, tmp_path_factory, pdf_path):
    folder = tmp_path_factory.mktemp("package")
    blocks = build(ledger)
    paths = {"txt": folder / "package.txt", "docx": folder / "package.docx", "xlsx": folder / "package.xlsx",
             "pdf": pdf_path}
    paths["txt"].write_text(writers.to_text(blocks), encoding="utf-8")
    writers.to_docx(blocks, paths["docx"], "package")
    writers.to_xlsx(blocks, paths["xlsx"])
    return {kind: load_document(path)[0] for kind, path in paths.items()}


def test_every_rendition_reads_back_to_the_same_ten_tables(written):
    assert sorted(written["docx"].disclosure.tables) == [f"D{n:02d}" for n in range(1, 11)]
    for kind in ("txt", "xlsx", "pdf"):
        assert same_tables(written["docx"], written[kind]) == [], kind


def test_the_pdf_renders_chinese_text(pdf_path, tmp_path):
    """Rasterise the first page with poppler's pdftoppm: ink where the text is, and the CJK font embedded."""
    import shutil

    import pdfplumber

    if shutil.which("pdftoppm") is None:
        if os.environ.get("JIXIAO_REQUIRE_BROWSER") == "1":
            pytest.fail("pdftoppm missing (apt-get install poppler-utils)")
        pytest.skip("pdftoppm not installed (apt-get install poppler-utils)")
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-gray", str(pdf_path), str(tmp_path / "page")],
                   check=True, timeout=60)
    [image] = list(tmp_path.glob("page*.pgm"))
    data = image.read_bytes()
    header_end = data.index(b"255\n") + 4  # binary PGM: P5 width height 255
    pixels = data[header_end:]
    dark = sum(1 for value in pixels if value < 128)
    assert dark > len(pixels) * 0.002, "the first page is blank"
    with pdfplumber.open(pdf_path) as pdf:
        fonts = {c["fontname"] for c in pdf.pages[0].chars}
        text = pdf.pages[0].extract_text() or ""
    from jixiao.render.fonts import cjk_font

    font = cjk_font()  # whichever CJK font this machine has: its family is what the PDF embeds
    assert font is not None and "部门决算" in text
    assert any(font.family.replace(" ", "").lower() in f.replace("-", "").lower() for f in fonts), fonts


def test_figures_equal_the_ledger(ledger, written):
    tables = written["docx"].disclosure.tables
    spent = sum(s.amount for s in ledger.spending)
    basic = sum(s.amount for s in ledger.spending if s.basic)
    general = sum(s.amount for s in ledger.spending if s.fund_type is FundType.GENERAL)
    assert (tables["D03"].total.value("total"), tables["D03"].total.value("basic")) == (spent, basic)
    assert tables["D05"].total.value("total") == general
    assert tables["D10"].row("政府采购情况/工程").value("amount") == Decimal("445.84") * WAN
    assert tables["D09"].rows[0].value("final_car_operation") == Decimal("4.90") * WAN


def test_read_back_audit_has_no_error_and_only_the_explainable_sangong_warning(written):
    from jixiao.audit.engine import audit_document

    findings = audit_document(written["docx"], CENTRAL).findings
    assert [f.rule for f in findings if f.tier is not Tier.NOTICE] == ["disclosure.r25_sangong_vs_detail"]


@pytest.mark.parametrize("phrase", [
    "收入总计增加5,577.84万元，增长29.39%", "一般公共预算财政拨款支出减少2,087.63万元，下降17.57%",
    "政府性基金预算财政拨款支出总计增加7,665.47万元，增长107.96%", "比上年度减少1.10万元，下降18.33%",
    "一般公共服务支出(类)9,661.63万元，占比98.68%", "社会保障和就业支出(类)51.05万元，占比0.52%",
    "卫生健康支出(类)19.38万元，占比0.20%", "农林水支出(类)5.90万元，占比0.06%", "住房保障支出(类)53.25万元，占比0.54%",
    "完成年初预算的266.41%", "基本支出446.22万元，占比1.82%", "项目支出24,110.46万元，占比98.18%",
    "占本年支出合计的39.87%", "占政府采购支出总额的0.80%", "较上年决算增加19.38万元，主要原因是",
    "公务接待费支出0万元，比上年度减少3.00万元，下降100.00%",
])
def test_narrative_states_the_spec_figures(written, phrase):
    text = " ".join(s.text for s in written["txt"].disclosure.narrative)
    assert phrase in text


def test_reasons_are_left_as_visible_slots(written):
    assert any("【请填写原因】" in s.text for s in written["txt"].disclosure.narrative)


def test_gate_refuses_an_inconsistent_vehicle_count(ledger, tmp_path):
    bad = dataclasses.replace(ledger, vehicles_by_type={"其他用车": 3})
    path = writers.to_docx(build(bad), tmp_path / "bad.docx", "bad")
    result = check(path, CENTRAL)
    assert not result.released and [f.rule for f in result.blocking] == ["disclosure.r26_statistics"]


def test_warning_needs_an_explanation(ledger, tmp_path):
    path = writers.to_docx(build(ledger), tmp_path / "ok.docx", "ok")
    unexplained = check(path, CENTRAL)
    assert not unexplained.released and len(unexplained.unexplained) == 1
    explained = check(path, CENTRAL, {unexplained.unexplained[0].fingerprint: "含项目支出，已说明"})
    assert explained.released


def test_ledger_errors_name_the_field(tmp_path):
    data = json.loads(LEDGER.read_text(encoding="utf-8"))
    data["spending"][0]["function_code"] = "201"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LedgerError, match=r"spending 第 1 项.*7 位数字"):
        load_ledger(path)


def test_cli_releases_only_through_the_gate(tmp_path):
    from jixiao.audit.engine import audit_document

    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = tmp_path / "out"
    command = [sys.executable, "-m", "jixiao", "report", "disclosure", "--data", str(LEDGER), "--out", str(out)]
    refused = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert refused.returncode == 2 and "未通过发布前审核" in refused.stderr and not out.exists()

    name = "青川县经济开发区管理委员会2024年度部门决算公开.docx"
    probe = writers.to_docx(build(load_ledger(LEDGER)), (tmp_path / "probe").mkdir() or tmp_path / "probe" / name, "p")
    [warning] = [f for f in audit_document(load_document(probe)[0], CENTRAL).findings if f.tier is Tier.WARNING]
    explanations = tmp_path / "explain.json"
    explanations.write_text(json.dumps({warning.fingerprint: "含项目支出，已说明"}, ensure_ascii=False), encoding="utf-8")
    released = subprocess.run([*command, "--explain", str(explanations)], capture_output=True, text=True, env=env,
                              timeout=300)
    assert released.returncode == 0, released.stdout + released.stderr
    gate = json.loads((out / f"{name}.gate.json").read_text(encoding="utf-8"))
    assert gate["released"] and any(f["explanation"] for f in gate["findings"])
    assert list(out.glob("*.xlsx")) and list(out.glob("*.pdf"))
