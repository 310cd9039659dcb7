"""Backup and restore of the jixiao database: SQLite via the online backup API, PostgreSQL via pg_dump.

A backup is one file. Restoring replaces the whole database with the backup's content, in one step.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse


class BackupError(RuntimeError):
    """A backup or restore that could not be done; the message is in Chinese."""


@dataclass(frozen=True)
class Database:
    engine: str  # sqlite | postgresql
    path: Path | None = None  # sqlite
    url: str = ""  # postgresql


def parse_database_url(url: str) -> Database:
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # As dj-database-url reads it: sqlite:///relative.db, sqlite:////absolute/path.db
        return Database("sqlite", path=Path(unquote(url[len("sqlite:///"):])))
    if parsed.scheme in ("postgres", "postgresql"):
        return Database("postgresql", url=url.replace("postgres://", "postgresql://", 1))
    raise BackupError(f"不支持的数据库地址“{parsed.scheme or url}”（支持 sqlite 与 postgresql）")


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"未找到 {name}，请安装 PostgreSQL 客户端（apt-get install postgresql-client）")
    return path


PG_PARAMETERS = {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT",
                 "sslkey": "PGSSLKEY", "connect_timeout": "PGCONNECT_TIMEOUT", "application_name": "PGAPPNAME"}


def pg_environment(url: str) -> dict[str, str]:
    """The connection of a postgresql:// URL as libpq environment variables: the password never appears on a
    command line (where any user of the machine could read it in the process list)."""
    parsed = urlparse(url)
    env = {"PGCONNECT_TIMEOUT": "10"}
    for name, value in (("PGHOST", parsed.hostname), ("PGPORT", parsed.port), ("PGUSER", parsed.username),
                        ("PGPASSWORD", parsed.password), ("PGDATABASE", parsed.path.lstrip("/"))):
        if value:
            env[name] = unquote(str(value))
    for key, value in parse_qsl(parsed.query):
        if key in PG_PARAMETERS:
            env[PG_PARAMETERS[key]] = value
    return env


def _run(args: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(f"{Path(args[0]).name} 失败：{detail[-1] if detail else result.returncode}")


def backup(database_url: str, target: Path) -> Path:
    """Write a complete backup of the database to `target`."""
    db = parse_database_url(database_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    if db.engine == "sqlite":
        assert db.path is not None
        if not db.path.is_file():
            raise BackupError(f"数据库文件 {db.path} 不存在")
        tmp = target.with_suffix(target.suffix + ".part")
        with sqlite3.connect(db.path) as source, sqlite3.connect(tmp) as copy:
            source.backup(copy)
        tmp.replace(target)
        return target
    _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
         pg_environment(db.url))
    return target


def restore(database_url: str, source: Path) -> None:
    """Replace the database's content with the backup in `source`."""
    if not source.is_file():
        raise BackupError(f"备份文件 {source} 不存在")
    db = parse_database_url(database_url)
    if db.engine == "sqlite":
        assert db.path is not None
        try:
            with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as check:
                check.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{source.name} 不是 SQLite 备份文件") from exc
        db.path.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(source) as backup_db, sqlite3.connect(db.path) as live:
            backup_db.backup(live)
        return
    env = pg_environment(db.url)
    _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", f"--dbname={env.get('PGDATABASE', 'postgres')}", str(source)], env)
