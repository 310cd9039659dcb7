"""A score table whose rows a PDF cut at its lines (own wording and numbers): each line opens with the previous row's
分值 and 得分 ('5 4') and goes on with the next row's name, so no line holds a figure with a unit and no sentence
reader reads it. Nothing being read, the table is listed unread with where it starts, never passed over; a numbered
list ('1 收入支出决算总表') is no such table."""

from __future__ import annotations

from pathlib import Path

from jixiao.ingest.pipeline import load_document

SPLIT_SCORES = "\n".join([
    "发布: 示例 | 2032-03-08 |",
    "30 分)部门决策(12 分)目标设定依据充分性 (政策依据)",
    "6 6 (",
    "6 ) 目标明确性",
    "6 5 资金分配",
    "8 7",
    "18 (",
    "9 分)部门管理(9分)资金管理资金使用",
    "9 8 (",
    "9 ) 采购管理",
    "4 4 服务对象满意度",
    "整体支出绩效自评开展情况。本部门对2031年整体支出开展绩效自评,自评得分",
])

NUMBERED = "\n".join([
    "示例县图书馆2031年度部门整体支出绩效自评报告",
    "附表目录",
    "1 部门整体支出绩效自评表",
    "2 项目支出绩效自评表",
    "3 自评得分汇总表",
])


def _load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc, _ = load_document(path)
    assert doc is not None and doc.reading is not None
    return doc


def test_score_rows_cut_at_a_pdfs_lines_are_listed_unread_where_they_start(tmp_path: Path) -> None:
    doc = _load(tmp_path, SPLIT_SCORES)
    [table] = [u for u in doc.reading.unread if u.kind == "table"]
    assert table.location.line == 5
    assert table.what.startswith("6 个数字分散在 3 个短行的行首（自“6 5 资金分配”起")


def test_a_numbered_list_is_not_such_a_table(tmp_path: Path) -> None:
    doc = _load(tmp_path, NUMBERED)
    assert not [u for u in doc.reading.unread if u.kind == "table"]
