"""Backup and restore round trips on SQLite and PostgreSQL: the restored database equals the original."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

from jixiao.backup import BackupError, backup, restore


def sqlite_dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def make_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE project (id INTEGER PRIMARY KEY, name TEXT, budget_fen INTEGER)")
        db.executemany("INSERT INTO project (name, budget_fen) VALUES (?, ?)",
                       [(f"项目{i}", 187150000 + i) for i in range(500)])


def test_sqlite_round_trip_is_identical(tmp_path: Path):
    live = tmp_path / "jixiao.sqlite3"
    make_sqlite(live)
    before = sqlite_dump(live)
    archive = backup(f"sqlite:///{live}", tmp_path / "b" / "jixiao.bak")
    with sqlite3.connect(live) as db:
        db.execute("DELETE FROM project WHERE id % 2 = 0")
        db.execute("UPDATE project SET name = '改过' WHERE id = 1")
    assert sqlite_dump(live) != before
    restore(f"sqlite:///{live}", archive)
    assert sqlite_dump(live) == before


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path):
    bogus = tmp_path / "bogus.bak"
    bogus.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(BackupError, match="不是 SQLite 备份文件"):
        restore(f"sqlite:///{tmp_path / 'live.sqlite3'}", bogus)


def test_unsupported_database_url():
    with pytest.raises(BackupError, match="不支持的数据库地址"):
        backup("mysql://root@localhost/x", Path("x.bak"))


@pytest.fixture
def pg_database():
    url = os.environ.get("JIXIAO_TEST_DATABASE_URL")
    if not url:
        pytest.skip("JIXIAO_TEST_DATABASE_URL not set (PostgreSQL backup test)")
    import psycopg

    name = f"jixiao_backup_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    db_url = url.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield db_url
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_rows(url: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as db:
        return db.execute("SELECT id, name, budget_fen FROM project ORDER BY id").fetchall()


@pytest.mark.postgres
def test_postgresql_round_trip_is_identical(pg_database: str, tmp_path: Path):
    import psycopg

    with psycopg.connect(pg_database) as db:
        db.execute("CREATE TABLE project (id serial PRIMARY KEY, name text, budget_fen bigint)")
        db.cursor().executemany("INSERT INTO project (name, budget_fen) VALUES (%s, %s)",
                                [(f"项目{i}", 187150000 + i) for i in range(500)])
    before = pg_rows(pg_database)
    archive = backup(pg_database, tmp_path / "pg.dump")
    with psycopg.connect(pg_database) as db:
        db.execute("DELETE FROM project WHERE id % 2 = 0")
    assert pg_rows(pg_database) != before
    restore(pg_database, archive)
    assert pg_rows(pg_database) == before


def test_cli_backup_and_restore_need_confirmation(tmp_path: Path):
    import subprocess
    import sys

    from tests.conftest import REPO

    live = tmp_path / "jixiao.sqlite3"
    make_sqlite(live)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "JIXIAO_DATABASE_URL": f"sqlite:///{live}"}
    archive = tmp_path / "cli.bak"
    done = subprocess.run([sys.executable, "-m", "jixiao", "backup", str(archive)], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and archive.is_file(), done.stderr
    refused = subprocess.run([sys.executable, "-m", "jixiao", "restore", str(archive)], env=env,
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "--yes" in refused.stderr


@pytest.mark.parametrize("operation", ["backup", "restore"])
def test_postgresql_password_goes_through_the_environment_not_the_command_line(operation, tmp_path, monkeypatch):
    import jixiao.backup as module

    seen = []

    def fake_run(args, **kwargs):
        seen.append((args, kwargs["env"]))
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(module, "_pg_tool", lambda name: name)
    monkeypatch.setattr(module.subprocess, "run", fake_run)
    url = "postgresql://jx:s3cr%40t@db.example:5433/jixiao?sslmode=require"
    source = tmp_path / "x.dump"
    source.write_bytes(b"x")
    module.backup(url, tmp_path / "y.dump") if operation == "backup" else module.restore(url, source)
    [(args, env)] = seen
    assert not any("s3cr" in a for a in args)  # before: the whole URL, password included, was an argument
    assert (env["PGPASSWORD"], env["PGUSER"], env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGSSLMODE"]) == (
        "s3cr@t", "jx", "db.example", "5433", "jixiao", "require")
