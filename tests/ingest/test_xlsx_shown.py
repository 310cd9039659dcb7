"""Excel numbers are read as the sheet shows them: the decimals of the cell's number format are the printed
precision, and a formula's binary residue is not a figure."""

from __future__ import annotations

from jixiao.ingest.xlsx import read_xlsx


def test_numbers_read_at_their_number_format(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["项目", "金额"])
    rows = [(0.1 + 0.2, "#,##0.00"), (1785.0000000000002, "#,##0.00_ "), (0.824, "0.00%"), (12, "0.00"),
            (3, "General"), (2.675, "0.00"), (1785.0000000000002, "General"), (7, '"￥"#,##0')]
    for value, number_format in rows:
        sheet.append(["行", value])
        sheet.cell(sheet.max_row, 2).number_format = number_format
    book.save(tmp_path / "a.xlsx")
    document, errors = read_xlsx(tmp_path / "a.xlsx")
    assert errors == []
    [table] = [b for b in document.blocks if hasattr(b, "rows")]
    assert [r.texts[1] for r in table.rows[1:]] == ["0.30", "1785.00", "82.40%", "12.00", "3", "2.68", "1785", "7"]
