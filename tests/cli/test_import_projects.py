"""`jixiao import-projects`: a large template imports completely, or — killed with SIGKILL in the middle of the
write — leaves the database exactly as it was (every table's row count and content checksum), on a file SQLite
database and, when JIXIAO_TEST_DATABASE_URL is set, on PostgreSQL. Bad files and users end in one Chinese line."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest

from jixiao.core.provenance import Location
from jixiao.ingest.project_template import FundRow, ProjectRow
from jixiao.render.project_template import write_project_template
from tests.conftest import REPO

UNITS = [f"101{n:03d}" for n in range(10)]
EXISTING = 50  # projects imported before the big file, which updates them
NEW = 5000  # projects the big file adds, each with two fund sources
SPREAD = 101  # the existing projects are every 101st of the big file's
WORLD = f"""
from django.core.management import call_command
call_command("migrate", verbosity=0)
from jixiao.store.models import Department, Jurisdiction, Role, Unit
from jixiao.store.services import create_account
county = Jurisdiction.objects.create(code="A", name="甲县")
department = Department.objects.create(jurisdiction=county, code="101", name="甲县教育局")
for code in {UNITS!r}:
    Unit.objects.create(department=department, code=code, name="学校" + code)
create_account("importer", "importer-password", Role.FINANCE, jurisdiction=county)
create_account("school", "school-password", Role.UNIT, unit=Unit.objects.get(code="101000"))
"""


def row(n: int, budget: int) -> ProjectRow:
    half = Decimal(budget) / 2
    return ProjectRow(UNITS[n % len(UNITS)], 2025, f"P-{n:06d}", f"第{n}号项目", "一次性项目", Decimal(budget),
                      Decimal(budget), (FundRow("一般公共预算", "县级", half), FundRow("政府性基金预算", "省级", half)),
                      Location())


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    small, big = folder / "small.xlsx", folder / "big.xlsx"
    small.write_bytes(write_project_template([row(n * SPREAD, 1000) for n in range(EXISTING)]))
    # The existing projects come back with new budgets, spread through the file among the new ones.
    big.write_bytes(write_project_template([row(n, 2000 + n) for n in range(EXISTING + NEW)]))
    return {"small": small, "big": big}


def jixiao(database_url: str, data_dir: Path, *args: str, wait: bool = True):  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "JIXIAO_DATABASE_URL": database_url,
           "JIXIAO_DATA_DIR": str(data_dir)}
    for name in ("JIXIAO_TEST_DATABASE_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    command = [sys.executable, "-m", "jixiao", *args]
    if wait:
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


@dataclass
class Backend:
    """One database engine: fresh databases, cloning, a full-content snapshot, and 'a write is in flight'."""

    name: str
    make: Callable[[str], str]  # database name → URL of a new empty database
    clone: Callable[[str, str], str]  # source URL, new name → URL of a copy
    snapshot: Callable[[str], dict[str, tuple[int, str]]]  # table → (rows, sha256 of the content)
    writing: Callable[[str], bool]  # a transaction has written and not committed


def _digest(rows: list[tuple]) -> str:  # type: ignore[type-arg]
    return hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()


def sqlite_backend(folder: Path) -> Backend:
    def path(url: str) -> Path:
        return Path(url[len("sqlite:///"):])

    def snapshot(url: str) -> dict[str, tuple[int, str]]:
        with sqlite3.connect(path(url)) as con:  # opening ignores WAL frames a killed writer never committed
            tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            return {t: (len(rows), _digest(rows))
                    for t in tables for rows in [con.execute(f'SELECT * FROM "{t}"').fetchall()]}

    def clone(url: str, name: str) -> str:
        target = folder / f"{name}.sqlite3"
        shutil.copyfile(path(url), target)
        return f"sqlite:///{target}"

    def writing(url: str) -> bool:
        """jixiao runs SQLite in WAL mode: an open write transaction spills its pages into the -wal file."""
        try:
            return Path(f"{path(url)}-wal").stat().st_size > 512 * 1024
        except FileNotFoundError:
            return False

    return Backend("sqlite", lambda name: f"sqlite:///{folder / name}.sqlite3", clone, snapshot, writing)


def postgres_backend(server: str, created: list[str]) -> Backend:
    import psycopg

    def url_of(name: str) -> str:
        return urlunparse(urlparse(server)._replace(path=f"/{name}"))

    def admin(sql: str) -> None:
        with psycopg.connect(server, autocommit=True) as con:
            con.execute(sql)

    def make(name: str) -> str:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{name}"')
        created.append(name)
        return url_of(name)

    def clone(url: str, name: str) -> str:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{name}" TEMPLATE "{urlparse(url).path[1:]}"')
        created.append(name)
        return url_of(name)

    def snapshot(url: str) -> dict[str, tuple[int, str]]:
        with psycopg.connect(url) as con:
            tables = [t for (t,) in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
            return {t: (len(rows), _digest(rows))
                    for t in sorted(tables) for rows in [con.execute(f'SELECT * FROM "{t}"').fetchall()]}

    def writing(url: str) -> bool:
        with psycopg.connect(server, autocommit=True) as con:
            return con.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND backend_xid IS NOT NULL",
                               (urlparse(url).path[1:],)).fetchone()[0] > 0  # type: ignore[index]

    return Backend("postgresql", make, clone, snapshot, writing)


def backends() -> list[str]:
    names = ["sqlite"]
    if os.environ.get("JIXIAO_TEST_DATABASE_URL", "").startswith("postgres"):
        names.append("postgresql")
    return names


@pytest.fixture(params=backends())
def backend(request, tmp_path) -> Iterator[Backend]:
    if request.param == "sqlite":
        yield sqlite_backend(tmp_path)
        return
    created: list[str] = []
    server = os.environ["JIXIAO_TEST_DATABASE_URL"]
    yield postgres_backend(server, created)
    import psycopg

    with psycopg.connect(server, autocommit=True) as con:
        for name in created:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for(condition: Callable[[], bool], process: subprocess.Popen, timeout: float = 120) -> float:  # type: ignore[type-arg]
    """Poll until `condition` holds while `process` runs; the moment it first held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return time.monotonic()
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"import ended (exit {process.returncode}) before its write was seen: {out} {err}")
        time.sleep(0.005)
    pytest.fail("import never started writing")


def project_count(backend: Backend, url: str) -> int:
    return backend.snapshot(url)["store_project"][0]


def test_killed_import_leaves_the_database_exactly_as_before(backend, templates, tmp_path):
    tag = f"jx_kill_{os.getpid()}"
    base = backend.make(f"{tag}_base")
    assert jixiao(base, tmp_path, "manage", "shell", "-c", WORLD).returncode == 0
    small = jixiao(base, tmp_path, "import-projects", str(templates["small"]), "--user", "importer")
    assert small.returncode == 0 and f"新增 {EXISTING} 个项目" in small.stdout, small.stderr

    # A full run on a copy: it completes, and it shows how long the write takes.
    full = backend.clone(base, f"{tag}_full")
    process = jixiao(full, tmp_path, "import-projects", str(templates["big"]), "--user", "importer", wait=False)
    started = wait_for(lambda: backend.writing(full), process)
    out, err = process.communicate(timeout=300)
    write_seconds = time.monotonic() - started
    assert process.returncode == 0 and f"新增 {NEW} 个项目，更新 {EXISTING} 个项目" in out, err
    assert project_count(backend, full) == EXISTING + NEW
    after = backend.snapshot(full)
    assert after["store_fundsource"][0] == 2 * (EXISTING + NEW)
    assert after["store_historicalproject"][0] == 2 * EXISTING + NEW  # created, changed, created

    # The same import on another copy, killed during its write. Under load the write may run faster than the
    # full run above did; kill earlier on a fresh copy until the kill lands inside the write.
    for attempt, fraction in enumerate((0.35, 0.1, 0.0)):
        victim = backend.clone(base, f"{tag}_kill{attempt}")
        before = backend.snapshot(victim)
        process = jixiao(victim, tmp_path, "import-projects", str(templates["big"]), "--user", "importer", wait=False)
        wait_for(lambda victim=victim: backend.writing(victim), process)
        time.sleep(write_seconds * fraction)
        if process.poll() is None and backend.writing(victim):
            break
        process.communicate(timeout=300)
    else:
        pytest.fail("the import finished before it could be killed, three times")
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL and "导入完成" not in out
    print(f"\n{backend.name}: write took {write_seconds:.2f} s; killed {write_seconds * fraction:.2f} s into it")
    assert backend.snapshot(victim) == before  # row counts and content of every table, projects included
    assert project_count(backend, victim) == EXISTING

    # The database is usable afterwards: the same file imports completely.
    again = jixiao(victim, tmp_path, "import-projects", str(templates["big"]), "--user", "importer")
    assert again.returncode == 0 and f"新增 {NEW} 个项目" in again.stdout, again.stderr


def test_bad_input_is_one_chinese_line_and_writes_nothing(tmp_path, templates):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert jixiao(url, tmp_path, "import-projects", str(templates["small"]), "--user", "importer").returncode == 2
    assert jixiao(url, tmp_path, "manage", "shell", "-c", WORLD).returncode == 0
    from openpyxl import load_workbook

    book = load_workbook(templates["small"])
    book["项目"]["G5"] = "五万元"
    book["资金来源"]["C3"] = "自筹"
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    cases = [
        (("import-projects", str(bad), "--user", "importer"), ["表 项目，行 5，列 全年预算数（元）", "表 资金来源，行 3，列 预算类型",
                                                               "整份文件未导入"]),
        (("import-projects", str(templates["small"]), "--user", "nobody"), ["用户“nobody”不存在"]),
        (("import-projects", str(templates["small"]), "--user", "school"), ["无权为单位“101001”登记项目", "行 3，列 单位代码"]),
        (("import-projects", str(tmp_path / "missing.xlsx"), "--user", "importer"), ["不存在"]),
    ]
    for args, expected in cases:
        result = jixiao(url, tmp_path, *args)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and all(text in result.stderr for text in expected), result.stderr
    assert sqlite3.connect(tmp_path / "db.sqlite3").execute("SELECT count(*) FROM store_project").fetchone() == (0,)
