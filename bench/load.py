"""`make load`: N logged-in users (default 50) working against `jixiao serve` for a while (default 300 s).

Bounded and local: it creates a fresh PostgreSQL database (default `jixiao_load`), loads the demo data into it
(`jixiao demo --no-serve`, the county; with `--size province` also a province of `--projects` projects, default
50,000) plus one account per unit and department (written in bulk with one password hash), starts `jixiao serve` (granian) on a free
port of 127.0.0.1, runs the users as threads, then stops the server and drops the database. Each user logs in once
and loops over a realistic mix — project list with filters, project detail, goal editor and its live check, the
history page, review statistics, the JSON list — with a think time between requests. It reports requests, errors
and p50/p95/p99 latency per endpoint, and appends the result to bench/RESULTS.md.

    python bench/load.py [--users 50] [--duration 300] [--think 1.0] [--workers 2] [--no-record]
                         [--size county|province] [--projects 50000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import requests

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # never anything else
LOAD_PASSWORD = "load-test-password-1"
STATUSES = ("draft", "department_review", "finance_review", "returned", "approved")
GOAL = {
    "annual_goal": "完成示范区道路养护，保障通行安全。",
    "level1": ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"],
    "level2": ["数量指标", "质量指标", "成本指标", "社会效益指标", "服务对象满意度指标"],
    "name": ["养护道路里程", "验收合格率", "项目总成本", "道路通行事故率", "群众满意度"],
    "operator": ["≥", "≥", "≤", "≤", "≥"],
    "value": ["120", "95", "150", "0.5", "90"],
    "unit": ["公里", "%", "万元", "%", "%"],
    "weight": ["20", "15", "15", "30", "10"],
}
ACCOUNTS = f"""
from jixiao.store.demo_province import bulk_accounts
from jixiao.store.models import Department, Role, Unit
rows = [("load_unit_" + unit.code, Role.UNIT, {{"unit": unit}}) for unit in Unit.objects.all()]
rows += [("load_dept_" + d.code, Role.DEPARTMENT, {{"department": d}}) for d in Department.objects.all()]
bulk_accounts(rows, {LOAD_PASSWORD!r})
"""
# Share of users per role: most are units filling in projects, fewer reviewers.
ROLE_SHARE = (("unit", 0.6), ("department", 0.2), ("finance", 0.12), ("admin", 0.08))


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    conflicts: int = 0  # saves refused because another session saved the same object first (correct behaviour)

    def conflict(self) -> None:
        with self.lock:
            self.conflicts += 1

    def record(self, endpoint: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[endpoint].append(seconds)
            if error:
                self.errors[endpoint] += 1
                self.samples.setdefault(endpoint, error)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))] if ordered else 0.0


class User(threading.Thread):
    """One logged-in person: a browser session, its projects, a loop of page visits until `deadline`."""

    def __init__(self, base: str, username: str, role: str, stats: Stats, deadline: float, think: float,
                 seed: int) -> None:
        super().__init__(daemon=True)
        self.base, self.username, self.role, self.stats = base, username, role, stats
        self.deadline, self.think, self.rng = deadline, think, random.Random(seed)
        self.session = requests.Session()
        self.projects: list[dict] = []  # type: ignore[type-arg]
        self.editable: list[int] = []
        self.approved: list[dict] = []  # type: ignore[type-arg]  # own approved projects: monitoring, self-evaluation
        self.units: list[str] = []

    def call(self, endpoint: str, method: str, path: str, expect: int = 200, **kwargs) -> requests.Response | None:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        error = None
        response = None
        try:
            response = self.session.request(method, self.base + path, timeout=60, allow_redirects=False, **kwargs)
            if response.status_code != expect:
                error = f"{method} {path} → {response.status_code}"
        except requests.RequestException as exc:
            error = f"{method} {path} → {type(exc).__name__}"
        self.stats.record(endpoint, time.perf_counter() - started, error)
        return response

    def csrf(self) -> dict[str, str]:
        return {"X-CSRFToken": self.session.cookies.get("csrftoken", ""), "Referer": self.base + "/"}

    def login(self, password: str) -> bool:
        self.call("login page", "GET", "/login/")
        response = self.call("login", "POST", "/login/", expect=302, headers=self.csrf(), data={
            "username": self.username, "password": password,
            "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", "")})
        if response is None or response.status_code != 302:
            return False
        listed = self.call("api list", "GET", "/api/projects?limit=200")
        self.projects = listed.json()["items"] if listed is not None and listed.ok else []
        if self.role == "unit":  # only the owning unit edits, and only a draft or a returned goal
            self.editable = [p["id"] for p in self.projects if p["status"] in ("draft", "returned")]
            self.approved = [p for p in self.projects if p["status"] == "approved" and p["year"] == 2025]
        self.units = sorted({p["unit_code"] for p in self.projects})
        return True

    def monitoring(self, project: dict) -> None:  # type: ignore[type-arg]
        """Open the Q4 report, preview the warnings as the unit types, then save it."""
        page = self.call("monitoring entry", "GET", f"/projects/{project['id']}/monitoring/4/")
        funds = re.findall(r'name="(executed_\d+)"', page.text) if page is not None and page.ok else []
        data = {name: f"{float(project['adjusted_budget']) * self.rng.uniform(0.6, 1.0):.2f}" for name in funds}
        self.call("monitoring preview", "POST", f"/projects/{project['id']}/monitoring/4/",
                  headers={**self.csrf(), "HX-Request": "true"}, data={**data, "action": "preview"})
        if self.rng.random() < 0.5:
            self.call("monitoring save", "POST", f"/projects/{project['id']}/monitoring/4/", expect=302,
                      headers=self.csrf(), data={**data, "action": "save"})

    def selfeval(self, project: dict) -> None:  # type: ignore[type-arg]
        """Open the self-evaluation, let the live score follow the typing, then save a draft."""
        page = self.call("self-evaluation", "GET", f"/projects/{project['id']}/selfeval/")
        if page is None or not page.ok or 'name="action" value="save"' not in page.text:
            return  # already submitted: read-only (the page still shows the figures in a form, without its buttons)
        version = re.search(r'name="version" value="(\d+)"', page.text)
        fields = dict(re.findall(r'name="((?:actual|score|reason)_\d+)" value="([^"]*)"', page.text))
        data = {**fields, "executed": f"{float(project['adjusted_budget']) * 0.9:.2f}",
                "version": version.group(1) if version else "0"}
        self.call("self-evaluation score", "POST", f"/projects/{project['id']}/selfeval/",
                  headers={**self.csrf(), "HX-Request": "true"}, data=data)
        response = self.session.post(self.base + f"/projects/{project['id']}/selfeval/", allow_redirects=False,
                                     headers=self.csrf(), data={**data, "action": "save"}, timeout=60)
        if response.status_code == 409:
            self.stats.conflict()  # another session saved this project first: refused, nothing overwritten
            return
        self.stats.record("self-evaluation save", response.elapsed.total_seconds(),
                          None if response.status_code == 302 else f"POST selfeval → {response.status_code}")

    def step(self) -> None:
        pick = self.rng.random()
        pk = self.rng.choice(self.projects)["id"] if self.projects else 0
        if pick < 0.25 or not self.projects:
            query = {"status": self.rng.choice(("", *STATUSES)), "sort": self.rng.choice(("", "name", "-budget", "status")),
                     "q": self.rng.choice(("", "", "", "养护", "设备", "建设")),
                     "unit": self.rng.choice(("", "", *self.units[:5])), "page": str(self.rng.randint(1, 3))}
            self.call("project list", "GET", "/", params={k: v for k, v in query.items() if v})
        elif pick < 0.37:
            self.call("project detail", "GET", f"/projects/{pk}/")
        elif pick < 0.47:
            self.call("dashboard", "GET", "/dashboard/")
        elif pick < 0.62 and self.approved:
            self.monitoring(self.rng.choice(self.approved))
        elif pick < 0.72 and self.approved:
            self.selfeval(self.rng.choice(self.approved))
        elif pick < 0.80 and self.editable:
            editable = self.rng.choice(self.editable)
            if self.rng.random() < 0.5:
                self.call("goal editor", "GET", f"/projects/{editable}/goal/")
            else:
                self.call("goal check", "POST", f"/projects/{editable}/goal/check/", headers={
                    **self.csrf(), "HX-Request": "true"}, data=GOAL)
        elif pick < 0.85:
            self.call("history", "GET", f"/projects/{pk}/history/")
        elif pick < 0.92 and self.role in ("finance", "department", "admin"):
            self.call(*self.rng.choice((("warning board", "GET", "/monitoring/"),
                                        ("review statistics", "GET", "/reviews/statistics/"))))
        else:
            self.call("api list", "GET", "/api/projects", params={"limit": self.rng.randint(1, 200)})  # cursor pages

    def run(self) -> None:
        while time.monotonic() < self.deadline:
            self.step()
            time.sleep(self.rng.uniform(0, 2 * self.think))


def run_cli(env: dict[str, str], *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "jixiao", *args], env=env, capture_output=True, text=True,
                            timeout=timeout, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"jixiao {args[0]} failed: {result.stderr[-2000:]}")
    return result


def admin_sql(server: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as con:
        for sql in statements:
            con.execute(sql)


def accounts(url: str) -> list[tuple[str, str]]:
    import psycopg

    with psycopg.connect(url) as con:
        return [(u, r) for u, r in con.execute(
            "SELECT u.username, a.role FROM auth_user u JOIN store_account a ON a.user_id = u.id "
            "WHERE a.role <> 'evaluator' ORDER BY u.username")]


def pick_accounts(available: list[tuple[str, str]], users: int, rng: random.Random) -> list[tuple[str, str]]:
    """The role shares of ROLE_SHARE, each role's accounts drawn at random (in a province, from every level)."""
    by_role: dict[str, list[str]] = defaultdict(list)
    for username, role in available:
        by_role[role].append(username)
    picked = []
    for role, share in ROLE_SHARE:
        names = by_role.get(role, [])
        rng.shuffle(names)
        for n in range(round(users * share) if names else 0):
            picked.append((names[n % len(names)], role))
    while len(picked) < users:
        picked.append(rng.choice(available))
    return picked[:users]


def report(stats: Stats, args: argparse.Namespace, elapsed: float, projects: int, server: str) -> list[str]:
    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(stats.errors.values())
    everything = [x for v in stats.latencies.values() for x in v]
    lines = [
        f"## Load test ({datetime.now():%Y-%m-%d}): {args.users} users × {elapsed:.0f} s against `jixiao serve`",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}; server: {server}; "
        f"PostgreSQL database with the {args.size} demo data ({projects:,} projects); load client on the same machine "
        f"(`bench/load.py`: one thread per user, think time 0–{2 * args.think:g} s between requests).",
        "",
        f"**{total:,} requests, {errors} errors ({errors / total * 100 if total else 0:.2f} %), "
        f"{total / elapsed:.1f} requests/s; all endpoints p50 {percentile(everything, 50) * 1000:.0f} ms, "
        f"p95 {percentile(everything, 95) * 1000:.0f} ms, p99 {percentile(everything, 99) * 1000:.0f} ms.**",
        "",
        "| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for endpoint in sorted(stats.latencies, key=lambda e: -len(stats.latencies[e])):
        values = stats.latencies[endpoint]
        lines.append(f"| {endpoint} | {len(values):,} | {stats.errors.get(endpoint, 0)} | "
                     f"{percentile(values, 50) * 1000:.0f} | {percentile(values, 95) * 1000:.0f} | "
                     f"{percentile(values, 99) * 1000:.0f} | {max(values) * 1000:.0f} |")
    lines += ["", f"Self-evaluation saves refused because another session had just saved the same project "
                  f"(optimistic concurrency, HTTP 409, nothing overwritten): {stats.conflicts}."]
    if stats.samples:
        lines += ["", "First error per endpoint: " + "; ".join(f"{k}: {v}" for k, v in stats.samples.items())]
    return [*lines, ""]


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop `jixiao serve` and the granian processes it started (its own process group, by its id)."""
    log("stopping jixiao serve")
    for sig, wait in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                os.killpg(server.pid, 0)  # anyone of the group still alive?
            except ProcessLookupError:
                break
            server.poll()
            time.sleep(0.1)
    server.poll()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=300, help="seconds of load after every user logged in")
    parser.add_argument("--think", type=float, default=1.0, help="mean think time between a user's requests (s)")
    parser.add_argument("--workers", type=int, default=2, help="granian worker processes")
    parser.add_argument("--server", default=os.environ.get("JIXIAO_LOAD_SERVER",
                                                           "postgresql://postgres@127.0.0.1:5432/postgres"),
                        help="PostgreSQL server (a maintenance database) where the load database is created")
    parser.add_argument("--database", default="jixiao_load")
    parser.add_argument("--size", choices=("county", "province"), default="county",
                        help="demo data: the county (a few hundred projects) or a province besides it")
    parser.add_argument("--projects", type=int, default=50_000, help="projects of the province (--size province)")
    parser.add_argument("--no-record", action="store_true", help="do not append the result to bench/RESULTS.md")
    args = parser.parse_args()
    if not 1 <= args.users <= 500 or not 1 <= args.duration <= 3600:
        raise SystemExit("--users must be 1–500 and --duration 1–3600 s")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.database):
        raise SystemExit("--database must be a plain lower-case name")
    if urlparse(args.server).hostname not in ("127.0.0.1", "localhost", None):
        raise SystemExit("the load test runs against a local PostgreSQL only")
    url = urlunparse(urlparse(args.server)._replace(path=f"/{args.database}"))
    data_dir = Path(tempfile.mkdtemp(prefix="jixiao_load_"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "JIXIAO_DATABASE_URL": url, "JIXIAO_DATA_DIR": str(data_dir),
           "JIXIAO_SECRET_KEY": secrets.token_urlsafe(50)}
    for name in ("DJANGO_SETTINGS_MODULE", "JIXIAO_TEST_DATABASE_URL", "JIXIAO_DEBUG"):
        env.pop(name, None)
    server: subprocess.Popen[bytes] | None = None
    try:
        log(f"creating database {args.database}")
        admin_sql(args.server, f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)',
                  f'CREATE DATABASE "{args.database}"')
        log(f"loading the demo data (jixiao demo --no-serve --size {args.size})")
        started = time.monotonic()
        demo = run_cli(env, "demo", "--no-serve", "--size", args.size, "--projects", str(args.projects),
                       timeout=900 if args.size == "county" else 7200)
        log(f"demo data loaded in {time.monotonic() - started:.0f} s")
        password = re.search(r"密码均为 (\S+)", demo.stdout)
        run_cli(env, "manage", "shell", "-c", ACCOUNTS)
        admin_sql(url, "ANALYZE")  # planner statistics of the bulk-loaded tables now, not when autovacuum gets to it
        port = free_port()
        base = f"http://{HOST}:{port}"
        log(f"starting jixiao serve on {base} with {args.workers} workers")
        server = subprocess.Popen([sys.executable, "-m", "jixiao", "serve", "--host", HOST, "--port", str(port),
                                   "--workers", str(args.workers)], env=env, cwd=ROOT, start_new_session=True,
                                  stdout=subprocess.DEVNULL, stderr=(data_dir / "server.log").open("wb"))
        for _ in range(600):
            try:
                if requests.get(base + "/login/", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if server.poll() is not None:
                raise SystemExit(f"jixiao serve exited: {(data_dir / 'server.log').read_text()[-2000:]}")
            time.sleep(0.1)
        else:
            raise SystemExit("jixiao serve did not answer within 60 s")
        rng = random.Random(2024)
        available = accounts(url)
        stats = Stats()
        demo_password = password.group(1) if password else ""
        users = []
        log(f"logging in {args.users} users")
        for n, (username, role) in enumerate(pick_accounts(available, args.users, rng)):
            user = User(base, username, role, stats, 0, args.think, seed=n)
            if not user.login(LOAD_PASSWORD if username.startswith("load_") else demo_password):
                raise SystemExit(f"login failed for {username}: {stats.samples}")
            users.append(user)
        with stats.lock:  # measure the work, not the logins
            stats.latencies.clear()
            stats.errors.clear()
            stats.samples.clear()
        log(f"running {args.users} users for {args.duration:g} s")
        started = time.monotonic()
        for user in users:
            user.deadline = started + args.duration
            user.start()
        for user in users:
            user.join(timeout=args.duration + 120)
        elapsed = time.monotonic() - started
        import psycopg

        with psycopg.connect(url) as con:
            projects = con.execute("SELECT count(*) FROM store_project").fetchone()[0]  # type: ignore[index]
        lines = report(stats, args, elapsed, projects, f"granian, {args.workers} workers")
        print("\n".join(lines))
        if not args.no_record:
            results = ROOT / "bench" / "RESULTS.md"
            text = results.read_text(encoding="utf-8") if results.exists() else "# jixiao benchmarks\n"
            results.write_text(text.rstrip("\n") + "\n\n" + "\n".join(lines), encoding="utf-8")
            log(f"appended to {results}")
    finally:
        if server is not None:
            stop(server)
        log(f"dropping database {args.database}")
        admin_sql(args.server, f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
