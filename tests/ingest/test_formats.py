"""Word and Excel self-evaluations, built here from seed-004 figures, score exactly as the seed text does."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from jixiao.cli.score import project_json, score_documents
from jixiao.ingest.pipeline import load_document
from jixiao.ingest.source import Paragraph, SourceDocument, read_source
from jixiao.profiles import load_profile
from tests.conftest import seed_path

PROJECTS = ("岚县经开区铸造产业园提升项目 10KV 供电工", "开发区建设发展专项资金(转移支付)", "开发区办公楼租赁费 2")


def report_blocks(source: SourceDocument, name_start: str) -> list:
    """The blocks of one report of the seed: from its title to the next report's title."""
    blocks = list(source.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.clean.startswith(
        f"项目名称：{name_start}"))
    start -= 1  # the report title just before the name
    end = next((i for i in range(start + 2, len(blocks)) if isinstance(blocks[i], Paragraph)
                and blocks[i].clean == "项目支出绩效自评分析报告"), len(blocks))
    return blocks[start:end]


@pytest.fixture(scope="module")
def seed_blocks():
    source, errors = read_source(seed_path("004"))
    assert source is not None, errors
    return [block for name in PROJECTS for block in report_blocks(source, name)]


def write_docx(blocks, path: Path) -> None:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, Paragraph):
            document.add_paragraph(block.text.rstrip())
            continue
        width = max(len(row.cells) for row in block.rows)
        table = document.add_table(rows=len(block.rows), cols=width)
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row.cells):
                table.cell(r, c).text = cell.text
        first = block.rows[0].texts
        if first[:3] == ["资金来源", "年初预算数", ""]:
            table.cell(0, 1).merge(table.cell(0, 2))  # a real merged header cell
    document.save(str(path))


def write_xlsx(blocks, path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "自评报告"
    r = 0
    for block in blocks:
        rows = [[block.text.rstrip()]] if isinstance(block, Paragraph) else [
            [_number_or_text(c.text) for c in row.cells] for row in block.rows]
        for values in rows:
            r += 1
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # '=2 座' is a target typed as text, not a formula
    workbook.save(str(path))


def _number_or_text(text: str) -> object:
    plain = text.replace(",", "").strip()
    try:
        return int(plain) if plain.isdigit() else float(plain) if plain.replace(".", "", 1).isdigit() else text
    except ValueError:
        return text


def scored(path: Path) -> list[dict]:
    doc, errors = load_document(path)
    assert doc is not None, errors
    [(_, results)] = score_documents([doc], load_profile("central"))
    out = []
    for result in results:
        payload = project_json(result)
        for deviation in payload["deviations"]:
            deviation.pop("location")
        out.append(payload)
    return out


@pytest.fixture(scope="module")
def text_result(tmp_path_factory, seed_blocks):
    path = tmp_path_factory.mktemp("text") / "reports.txt"
    lines = []
    for block in seed_blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend("\t".join(c.text for c in row.cells) for row in block.rows)
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return scored(path)


def test_text_extract_has_the_three_projects(text_result):
    assert [p["name"][:6] for p in text_result] == ["岚县经开区铸", "开发区建设发", "开发区办公楼"]


def test_docx_scores_like_text(tmp_path, seed_blocks, text_result):
    path = tmp_path / "自评.docx"
    write_docx(seed_blocks, path)
    assert json.dumps(scored(path), ensure_ascii=False) == json.dumps(text_result, ensure_ascii=False)


def test_xlsx_scores_like_text(tmp_path, seed_blocks, text_result):
    path = tmp_path / "自评.xlsx"
    write_xlsx(seed_blocks, path)
    assert json.dumps(scored(path), ensure_ascii=False) == json.dumps(text_result, ensure_ascii=False)


def test_docx_cells_keep_table_row_and_column(tmp_path, seed_blocks):
    path = tmp_path / "自评.docx"
    write_docx(seed_blocks, path)
    doc, _ = load_document(path)
    row = next(i for i in doc.self_evaluations[0].indicators if i.name == "工程成本")
    assert row.location.table.startswith("绩效指标（表") and row.location.row.startswith("工程成本（第")


def test_macro_enabled_and_broken_files_are_refused(tmp_path):
    xlsm = tmp_path / "宏.xlsm"
    xlsm.write_bytes(b"PK")
    fake_docx = tmp_path / "坏.docx"
    fake_docx.write_text("不是 Word 文件", encoding="utf-8")
    with_macro = tmp_path / "含宏.docx"
    with zipfile.ZipFile(with_macro, "w") as archive:
        archive.writestr("word/vbaProject.bin", b"\0" * 10)
    messages = [load_document(p)[1][0].message for p in (xlsm, fake_docx, with_macro)]
    assert "启用宏" in messages[0] and "不是有效的" in messages[1] and "含宏" in messages[2]


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_zip_of_an_unsupported_version_is_refused_in_chinese(tmp_path, suffix):
    path = tmp_path / f"新版压缩{suffix}"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")
    data[central + 6] = 64  # 'version needed to extract' 6.4: Python's zipfile raises NotImplementedError
    path.write_bytes(bytes(data))
    document, errors = load_document(path)
    assert document is None and "不是有效的" in errors[0].message


def test_zip_bomb_is_refused_before_opening(tmp_path):
    bomb = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (210 * 1024 * 1024))
    document, errors = load_document(bomb)
    assert document is None and "压缩炸弹" in errors[0].message


def write_pdf(blocks, path: Path) -> None:
    """Render the blocks as HTML (bordered tables) and print them to PDF with WeasyPrint."""
    import html

    from weasyprint import HTML

    parts = ['<html><head><meta charset="utf-8"><style>@page{size:A4 landscape;margin:1cm}'
             "body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;font-size:8pt}"
             "table{border-collapse:collapse}td{border:1px solid #000;padding:2px 4px;min-width:8mm;height:4mm}"
             "</style></head><body>"]
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(f"<p>{html.escape(block.clean)}</p>")
        else:
            parts.append("<table>")
            for row in block.rows:
                parts.append("<tr>" + "".join(f"<td>{html.escape(c.text)}</td>" for c in row.cells) + "</tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    HTML(string="".join(parts)).write_pdf(str(path))


def test_pdf_scores_like_text(tmp_path, seed_blocks, text_result):
    path = tmp_path / "自评.pdf"
    write_pdf(seed_blocks, path)
    result = scored(path)
    assert [(p["name"], p["total"], p["reported"]) for p in result] == [
        (p["name"], p["total"], p["reported"]) for p in text_result]


def test_pdf_without_text_layer_is_refused(tmp_path):
    from weasyprint import HTML

    path = tmp_path / "扫描件.pdf"
    HTML(string="<html><body><div style='width:5cm;height:5cm;background:#000'></div></body></html>").write_pdf(
        str(path))
    document, errors = load_document(path)
    assert document is None and "没有文字层" in errors[0].message
