"""`jixiao changes`: the change report in the terminal and as Excel, with the user and before → after."""

from __future__ import annotations

from datetime import date, timedelta

from openpyxl import load_workbook

from jixiao.render.project_template import write_project_template
from tests.cli.test_import_projects import WORLD, jixiao, row


def test_changes_table_and_excel(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert jixiao(url, tmp_path, "manage", "shell", "-c", WORLD).returncode == 0
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    first.write_bytes(write_project_template([row(0, 1000), row(1, 3000)]))
    second.write_bytes(write_project_template([row(0, 1200)]))
    for path in (first, second):
        result = jixiao(url, tmp_path, "import-projects", str(path), "--user", "importer")
        assert result.returncode == 0, result.stderr
    today = date.today()
    table = jixiao(url, tmp_path, "changes", "--since", str(today - timedelta(days=1)), "--until", str(today + timedelta(days=1)))
    assert table.returncode == 0, table.stderr
    assert "importer" in table.stdout and "1,000.00 → 1,200.00" in table.stdout and "第1号项目" in table.stdout
    out = tmp_path / "report" / "changes.xlsx"
    result = jixiao(url, tmp_path, "changes", "--format", "xlsx", "--out", str(out), "--user", "importer")
    assert result.returncode == 0 and "已写入" in result.stdout, result.stderr
    lines = list(load_workbook(out).active.iter_rows(min_row=3, values_only=True))
    assert ("importer", "全年预算数（元）", "1,000.00", "1,200.00") in {(r[1], r[8], r[9], r[10]) for r in lines}
    assert not jixiao(url, tmp_path, "changes", "--user", "nobody").stdout.count("importer")
    for args, message in ((("--since", "2025-02-30"), "--since 的日期“2025-02-30”无效"),
                          (("--format", "pdf"), "未知的输出格式"), (("--format", "xlsx"), "须用 --out"),
                          (("--since", "2025-02-01", "--until", "2025-01-01"), "开始日期不能晚于结束日期")):
        result = jixiao(url, tmp_path, "changes", *args)
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
