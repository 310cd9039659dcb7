"""The batch results page: a `jixiao batch audit` run over the application database, browsed by finance — its own
jurisdiction's departments and findings only; every other role refused; results that do not match the database
show nothing."""

from __future__ import annotations

import polars as pl
import pytest
from django.db import connection

from jixiao.batch.results import write_departments
from jixiao.batch.store import run_store

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def results(world, tmp_path, monkeypatch):
    """The store's projects scored and audited by the batch engine (DuckDB over SQLite, or PostgreSQL in place)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        url, engine = f"sqlite:///{settings['NAME']}", "duckdb"
    else:
        url, engine = f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}", \
            "postgres"
    out = tmp_path / "batch"
    run_store(url, engine, out)
    write_departments(out)
    monkeypatch.setenv("JIXIAO_BATCH_RESULTS", str(out))
    return out


def test_finance_sees_its_jurisdictions_summary_and_findings(client, world, results):
    client.force_login(world["accounts"]["finance"].user)
    response = client.get("/dashboard/batch/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "甲县财政局" in page and "甲县教育局" in page and "乙县交通局" not in page
    assert "本辖区 3 个项目" in page

    # the summary equals the batch run's own per-department summary for these departments
    departments = pl.read_parquet(results / "departments.parquet")
    ours = world["projects"]["国库项目"].unit.department_id
    row = departments.filter(pl.col("department_id") == ours).row(0, named=True)
    assert row["projects"] == 2
    cells = f'<td>甲县财政局</td><td class="num">{row["projects"]}</td><td class="num">{row["mean_total"]:.2f}</td>'
    assert cells in page
    assert (f'<td class="num">{row["projects_with_findings"]}</td><td class="num">{row["errors"]}</td>'
            f'<td class="num">{row["warnings"]}</td><td class="num">{row["notices"]}</td></tr>') in page

    findings = pl.read_parquet(results / "findings" / "*.parquet")
    mine = {p.pk for name, p in world["projects"].items() if name != "公路项目"}
    rule = findings.filter(pl.col("project_id").is_in(list(mine)))["rule"][0]
    by_rule = client.get("/dashboard/batch/", {"rule": rule}).content.decode()
    listed = findings.filter(pl.col("project_id").is_in(list(mine)) & (pl.col("rule") == rule))
    assert f"规则 {rule} 的问题（{listed.height} 项" in by_rule
    assert "公路项目" not in by_rule  # another jurisdiction's project, although the run found the same fault there
    assert findings.filter(pl.col("project_id") == world["projects"]["公路项目"].pk).height > 0


@pytest.mark.parametrize("role", ["unit", "department", "evaluator", "admin"])
def test_other_roles_are_refused(client, world, results, role):
    client.force_login(world["accounts"][role].user)
    response = client.get("/dashboard/batch/")
    assert response.status_code == 403 and "只有财政部门" in response.content.decode()
    assert "批量审核结果" not in client.get("/dashboard/").content.decode()  # not in the menu either


def test_anonymous_is_sent_to_login(client, world):
    response = client.get("/dashboard/batch/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_no_results_and_foreign_results_show_nothing(client, world, tmp_path, monkeypatch):
    client.force_login(world["accounts"]["finance"].user)
    monkeypatch.setenv("JIXIAO_BATCH_RESULTS", str(tmp_path / "none"))
    assert "尚无批量审核结果" in client.get("/dashboard/batch/").content.decode()

    # results of other data: our project ids, but departments the database does not give them
    foreign = tmp_path / "foreign"
    (foreign / "scores").mkdir(parents=True)
    ids = [p.pk for p in world["projects"].values()]
    pl.DataFrame({"project_id": ids, "department_id": [9_999] * len(ids), "exec_score": [1000] * len(ids),
                  "indicator_score": [8000] * len(ids), "total": [9000] * len(ids), "grade": ["优"] * len(ids)},
                 schema={"project_id": pl.Int64, "department_id": pl.Int64, "exec_score": pl.Int64,
                         "indicator_score": pl.Int64, "total": pl.Int64, "grade": pl.String}
                 ).write_parquet(foreign / "scores" / "part.parquet")
    monkeypatch.setenv("JIXIAO_BATCH_RESULTS", str(foreign))
    page = client.get("/dashboard/batch/").content.decode()
    assert "本辖区 0 个项目" in page and "结果中没有本辖区的项目" in page

    response = client.get("/dashboard/batch/", {"rule": "没有这条规则"})
    assert response.status_code == 404 and "没有规则" in response.content.decode()


def test_findings_of_a_rule_page_through_all_of_them(client, world, results, monkeypatch):
    from jixiao.web.views import batch_results

    monkeypatch.setattr(batch_results, "LIMIT", 1)
    client.force_login(world["accounts"]["finance"].user)
    findings = pl.read_parquet(results / "findings" / "*.parquet")
    mine = [p.pk for name, p in world["projects"].items() if name != "公路项目"]
    counts = findings.filter(pl.col("project_id").is_in(mine)).group_by("rule").len().sort("len", descending=True)
    rule, total = counts.row(0)
    assert total >= 2
    seen = []
    for number in range(1, total + 1):
        page = client.get("/dashboard/batch/", {"rule": rule, "page": number}).content.decode()
        assert f"第 {number}/{total} 页" in page and ("下一页" in page) == (number < total)
        seen.append(page.split('<table class="batch-findings">')[1].split("</table>")[0])
    assert len(set(seen)) == total  # every page lists another finding
    assert client.get("/dashboard/batch/", {"rule": rule, "page": total + 1}).status_code == 404
    for bad in ("0", "-1", "x", "1e3"):
        response = client.get("/dashboard/batch/", {"rule": rule, "page": bad})
        assert response.status_code == 400 and "页码" in response.content.decode()
