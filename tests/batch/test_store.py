"""The store → batch layout mapping round-trips: the batch engine on the store's live tables (SQLite through DuckDB,
PostgreSQL in place) gives, finding for finding and score for score, what the per-document engine gives on the same
stored projects — including values the SQL does not read, which go to the per-document engine."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest
from django.db import connection

from jixiao.audit.catalogue import Context
from jixiao.audit.catalogue import run as run_rules
from jixiao.batch import store
from jixiao.batch.engine import BATCH_RULES
from jixiao.batch.equality import batch_keys
from jixiao.profiles import load_profile
from jixiao.scoring.selfeval import score_self_evaluation
from jixiao.store.mapping import self_evaluation
from jixiao.store.models import Department, Indicator, Jurisdiction, Project, Unit

# (target, actual) pairs as units type them; the last group is what the SQL must leave to the per-document engine.
READ = [("≥95%", "96%"), ("≥95%", "90%"), ("=3个", "3个"), ("=3个", "2个"), ("≤300万元", "280"), ("≤300万元", "350万元"),
        ("≤300万元", "700万元"), ("不低于90%", "92%"), ("大于80%", "80%"), ("<5%", "5%"), ("≥100人次", "150人次"),
        ("≥1.5", "2"), ("≥ 95 %", " 97.5 %"), ("提高", "达成"), ("提高", "部分达成预期指标"), ("有所改善", "未完成"),
        ("达成预期指标", "基本完成"), ("提高", ""), ("≥95%", ""), ("≥95%", "达成"), ("明显改善", "95%"), ("≥0", "0"),
        ("≤0", "3"), ("提高", "情况良好")]
UNREAD = [("≤300万元", "2950000元"), ("2024年12月底", "2024年11月"), ("80-100%", "90%"), ("不少于三个", "3个"),
          ("≥95%", "９６％"), ("≥95%", "95.555%")]
LEVELS = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "成本指标"), ("效益指标", "社会效益指标"),
          ("效果指标", "经济效益"), ("满意度指标", "服务对象满意度")]


def build_store(projects: int, seed: int, unread_rate: float = 0.1) -> None:
    """Two jurisdictions (two profiles) of projects whose goals, actuals, scores and reports vary as real ones do."""
    rng = random.Random(seed)
    units = []
    for code, profile in (("J1", "central"), ("J2", "hubei")):
        j = Jurisdiction.objects.create(code=code, name=f"{code}县", profile=profile)
        for d in range(2):
            dept = Department.objects.create(jurisdiction=j, code=f"{code}{d}", name=f"{code}部门{d}")
            units.append(Unit.objects.create(department=dept, code=f"{code}{d}01", name=f"{code}单位{d}"))
    indicators = []
    for n in range(projects):
        adjusted = Decimal(rng.choice([0, 100000, 1871500, 2500000]))
        executed = adjusted * Decimal(rng.choice(["1", "0.95", "0.6", "1.1"]))
        total = rng.choice([None, Decimal(rng.randint(5000, 9900)) / 100])
        # the execution points the imported form established (printed 15, the usual 10 or 20), or none: a convention
        points = rng.choice([None, None, Decimal(10), Decimal(15), Decimal(20)])
        project = Project.objects.create(
            unit=rng.choice(units), year=rng.choice([2023, 2024]), name=f"项目{n}", initial_budget=adjusted,
            adjusted_budget=adjusted, executed=executed.quantize(Decimal("0.01")), reported_total=total,
            reported_grade="" if total is None else rng.choice("优良中差"), execution_points=points)
        count = rng.randint(0, 8) if rng.random() < 0.1 else rng.randint(5, 8)
        left = 100 - int(points or 10)  # what the execution part leaves of the form's 100
        weights = [Decimal(left // count)] * count if count else []
        if weights and rng.random() < 0.7:
            weights[0] += left - sum(weights)
        for position in range(count):
            forms = UNREAD if rng.random() < unread_rate / 5 else READ
            target, actual = rng.choice(forms)
            level1, level2 = rng.choice(LEVELS)
            weight = None if rng.random() < 0.03 else weights[position]
            score = None if rng.random() < 0.2 else Decimal(rng.randint(0, int((weight or 10) * 110))) / 100
            indicators.append(Indicator(project=project, position=rng.choice([position, 0]), level1=level1,
                                        level2=level2, name=f"指标{position}", target=target, actual=actual, weight=weight,
                                        reported_score=score, deviation_reason=rng.choice(["", "", "已说明", " \n"])))
    Indicator.objects.bulk_create(indicators)


def per_document_keys() -> tuple[set, dict[int, tuple[int, str]]]:
    keys, scores = set(), {}
    for project in Project.objects.select_related("unit__department__jurisdiction").prefetch_related("indicators"):
        profile = load_profile(project.unit.department.jurisdiction.profile)
        se = self_evaluation(project)
        findings = run_rules("self_evaluation", se, Context(profile), only=BATCH_RULES)
        seq_of = store._name_to_seq(project)
        rows = [store.finding_row(project.pk, seq_of, f) for f in findings]
        keys |= batch_keys(pl.DataFrame(rows, schema=store.FINDING_SCHEMA, orient="row"))
        result = score_self_evaluation(se, profile)
        scores[project.pk] = (None if result.total is None else int(result.total * 100), result.grade)
    return keys, scores


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def check_round_trip(tmp_path: Path, engine: str) -> None:
    build_store(400, seed=3)
    result = store.run_store(database_url(), engine, tmp_path)
    findings = pl.read_parquet(result.findings / "*.parquet")
    scores = pl.read_parquet(result.scores / "*.parquet")
    expected_keys, expected_scores = per_document_keys()
    assert result.projects == Project.objects.count() == scores.height
    assert 0 < result.unread_projects < result.projects / 3  # most projects go through the SQL
    assert batch_keys(findings) == expected_keys and len(expected_keys) > 500
    got = {r["project_id"]: (r["total"], r["grade"]) for r in scores.iter_rows(named=True)}
    assert got == expected_scores
    rules = set(findings["rule"])
    assert {"selfeval.s2_quantitative_score", "selfeval.s6_qualitative_band", "selfeval.s9_block_weight",
            "selfeval.s10_grade_band", "selfeval.s8_reason_required", "selfeval.s1_zero_budget"} <= rules
    # the weight total against printed points is certain, against the profile's convention a suspicion
    weight_tiers = set(findings.filter(pl.col("rule") == "selfeval.s9_weight_total")["tier"])
    assert weight_tiers == {"error", "warning"}


@pytest.mark.django_db(transaction=True)
def test_batch_on_the_store_equals_the_per_document_engine(tmp_path):
    engine = "duckdb" if connection.vendor == "sqlite" else "postgres"
    check_round_trip(tmp_path, engine)


@pytest.mark.django_db(transaction=True)
def test_cli_audits_the_store_and_its_export_alike(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from jixiao.batch.results import load
    from jixiao.cli import _register, app

    _register()
    build_store(150, seed=8)
    monkeypatch.setenv("JIXIAO_DATABASE_URL", database_url())
    runner = CliRunner()
    live = runner.invoke(app, ["batch", "audit", "--out", str(tmp_path / "live")])
    assert live.exit_code == 0, live.output
    assert "逐项目引擎" in live.output and "按规则" in live.output
    exported = runner.invoke(app, ["batch", "export", "--out", str(tmp_path / "export"), "--jurisdiction", "J1",
                                   "--year", "2024"])
    assert exported.exit_code == 0, exported.output
    assert sorted(p.name for p in (tmp_path / "export" / "projects").iterdir()) == ["jurisdiction=J1"]
    offline = runner.invoke(app, ["batch", "audit", "--input", str(tmp_path / "export"), "--out", str(tmp_path / "off")])
    assert offline.exit_code == 0, offline.output

    ids = pl.read_parquet(tmp_path / "export" / "projects" / "**" / "*.parquet")["project_id"]
    unread = pl.read_parquet(tmp_path / "export" / "unread" / "*.parquet")["project_id"]
    expected_ids = Project.objects.filter(unit__department__jurisdiction__code="J1", year=2024).values_list("pk",
                                                                                                         flat=True)
    assert set(ids) | set(unread) == set(expected_ids) and not set(ids) & set(unread)
    results = load(tmp_path / "live")
    in_export = results["findings"].filter(pl.col("project_id").is_in(ids.implode()))
    assert batch_keys(load(tmp_path / "off")["findings"]) == batch_keys(in_export) and in_export.height > 50
    departments = results["departments"]
    assert departments["projects"].sum() == Project.objects.count()
    assert departments["errors"].sum() == results["findings"].filter(pl.col("tier") == "error").height


@pytest.mark.django_db(transaction=True)
def test_engine_refusals_are_chinese(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from jixiao.cli import _register, app

    _register()
    monkeypatch.setenv("JIXIAO_DATABASE_URL", database_url())
    result = CliRunner().invoke(app, ["batch", "audit", "--out", str(tmp_path), "--engine", "spark"])
    assert result.exit_code == 2 and "export" in result.output and "Traceback" not in result.output
