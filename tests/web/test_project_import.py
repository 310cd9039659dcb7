"""The project-library Excel template: download, fill, import all-or-nothing with per-cell errors; export reads
back as the same projects; nobody imports into a unit outside their scope."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from jixiao.store.models import FundSource, Project


def workbook_bytes(client, url="/projects/template.xlsx"):
    response = client.get(url)
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def upload(client, book, name="projects.xlsx"):
    buffer = BytesIO()
    book.save(buffer)
    return client.post("/projects/import/", {"file": SimpleUploadedFile(name, buffer.getvalue())})


def filled(client, rows, funds=()):
    book = workbook_bytes(client)
    for row in rows:
        book["项目"].append(row)
    for row in funds:
        book["资金来源"].append(row)
    return book


ROWS = [("101001", 2025, "GK-001", "国库支付系统升级", "一次性项目", 1500000, 1500000),
        ("101001", 2025, "GK-002", "国库业务培训", "经常性项目", 80000, 80000)]
FUNDS = [("101001", "GK-001", "一般公共预算", "县级", 1000000), ("101001", "GK-001", "政府性基金预算", "省级", 500000)]


def test_template_imports_and_exports_round_trip(client, world):
    client.force_login(world["accounts"]["unit"].user)
    response = upload(client, filled(client, ROWS, FUNDS))
    assert response.status_code == 302
    project = Project.objects.get(code="GK-001")
    assert project.adjusted_budget == Decimal("1500000") and project.project_type == "one_off"
    assert sorted(f.amount for f in project.fund_sources.all()) == [Decimal("500000"), Decimal("1000000")]
    exported = workbook_bytes(client, "/projects/export.xlsx?q=GK-&sort=code")
    assert [tuple(r) for r in exported["项目"].iter_rows(min_row=2, values_only=True)] == [
        (*r[:5], float(r[5]), float(r[6]), None) for r in ROWS]  # not approved: no 批复金额
    assert upload(client, exported).status_code == 302  # re-import updates, creates nothing
    assert Project.objects.filter(code__startswith="GK-").count() == 2


def test_one_bad_cell_rejects_the_whole_file_and_names_sheet_row_column(client, world):
    client.force_login(world["accounts"]["unit"].user)
    before = Project.objects.count()
    bad = [*ROWS, ("101001", 2025, "GK-003", "国库档案数字化", "一次性项目", 50000, "五万元整")]
    response = upload(client, filled(client, bad, FUNDS), "bad.xlsx")
    page = response.content.decode()
    assert response.status_code == 400 and "整份文件未导入" in page
    assert "文件 bad.xlsx，表 项目，行 4，列 全年预算数（元）" in page and "全年预算数（元）“五万元整”不是有效的金额" in page
    assert Project.objects.count() == before and not FundSource.objects.exists()


def test_fund_sources_must_add_up_to_the_budget(client, world):
    client.force_login(world["accounts"]["unit"].user)
    response = upload(client, filled(client, ROWS, FUNDS[:1]))
    assert response.status_code == 400 and "资金来源合计 1000000 元与全年预算数 1500000 元不一致" in response.content.decode()


def test_import_into_another_units_project_is_refused_as_a_whole(client, world):
    client.force_login(world["accounts"]["unit"].user)
    before = Project.objects.count()
    rows = [*ROWS, ("201001", 2025, "GL-001", "乙县公路养护", "经常性项目", 10000, 10000)]
    response = upload(client, filled(client, rows))
    assert response.status_code == 400 and "无权为单位“201001”登记项目" in response.content.decode()
    assert Project.objects.count() == before


def test_department_imports_for_its_units_only(client, world):
    client.force_login(world["accounts"]["department"].user)
    ok = [("101002", 2025, "YS-001", "预算编制辅助", "一次性项目", 1000, 1000)]
    assert upload(client, filled(client, ok)).status_code == 302
    other = [("102001", 2025, "XX-001", "教育局项目", "一次性项目", 1000, 1000)]
    assert upload(client, filled(client, other)).status_code == 400


def test_not_an_excel_file_is_a_clear_error(client, world):
    client.force_login(world["accounts"]["unit"].user)
    response = client.post("/projects/import/", {"file": SimpleUploadedFile("x.xlsx", b"not a zip")})
    assert response.status_code == 400 and "x.xlsx" in response.content.decode()


def test_submitted_projects_cannot_be_changed_by_import(client, world):
    client.force_login(world["accounts"]["unit"].user)
    assert upload(client, filled(client, ROWS)).status_code == 302
    Project.objects.filter(code="GK-001").update(status="finance_review")
    changed = [("101001", 2025, "GK-001", "国库支付系统升级", "一次性项目", 1500000, 9000000)]
    response = upload(client, filled(client, changed))
    assert response.status_code == 400 and "待财政审核" in response.content.decode()
    assert Project.objects.get(code="GK-001").adjusted_budget == Decimal("1500000")


def test_fund_sources_follow_unit_and_code_and_old_files_still_read(client, world):
    client.force_login(world["accounts"]["department"].user)  # units 101001 and 101002
    rows = [("101001", 2025, "X-1", "一号", "一次性项目", 100, 100), ("101002", 2025, "X-1", "二号", "一次性项目", 300, 300)]
    funds = [("101001", "X-1", "一般公共预算", "县级", 100), ("101002", "X-1", "政府性基金预算", "省级", 300)]
    assert upload(client, filled(client, rows, funds)).status_code == 302
    assert [(p.name, [f.amount for f in p.fund_sources.all()]) for p in Project.objects.filter(code="X-1")
            .order_by("name")] == [("一号", [Decimal(100)]), ("二号", [Decimal(300)])]
    book = filled(client, [("101001", 2025, "Y-1", "三号", "一次性项目", 50, 50)])
    legacy = book["资金来源"]  # a file from before the 单位代码 column: funds keyed by project code alone
    legacy.delete_cols(1)
    legacy.append(("Y-1", "一般公共预算", "县级", 50))
    assert upload(client, book).status_code == 302
    assert Project.objects.get(code="Y-1").fund_sources.get().amount == Decimal(50)
    ambiguous = filled(client, [("101001", 2025, "Z-1", "四号", "一次性项目", 5, 5),
                                ("101002", 2025, "Z-1", "五号", "一次性项目", 5, 5)])
    ambiguous["资金来源"].delete_cols(1)
    ambiguous["资金来源"].append(("Z-1", "一般公共预算", "县级", 5))
    response = upload(client, ambiguous)
    assert response.status_code == 400 and "在多个单位使用，资金来源表须填写单位代码" in response.content.decode()
