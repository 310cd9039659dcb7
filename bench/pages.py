"""Per-page cost in one process: CPU milliseconds and SQL queries of each page the load test opens, for this
checkout and a baseline (another git revision, default `main`) in the same run, on the same copy of the demo data.

    python bench/pages.py [--projects 5000] [--baseline main] [--repeat 7] [--data DIR]

The demo data (`jixiao demo --no-serve --size province --projects N`, SQLite) is built once into --data (default
/tmp/jixiao-pages-<N>) and copied afresh for each side, so the saves one side measures never reach the other. Each
side runs in its own process (PYTHONPATH at that side's src; the baseline is `git archive`d, no worktree touched),
requests through Django's test client with the production settings (file cache, figures computed behind the writes
in a thread as on a server) and reports, per page, the median CPU time of the request's thread (SQLite works
in-process: its work is counted too; with PostgreSQL it would not be; the figures thread's is not, and it is let
finish between two requests) and the most queries of a request. Pages are measured warm (each opened once before)
except "after a save", which opens the dashboard or board of a department, finance or admin user right after a
monitoring save in its scope; "… older than the bound" with the figures' clock moved past the time a finance
bureau's or the administrator's figures may lag (what the figures thread pays for each computation, and a request
when it finds none recent enough); "first build" with the cache emptied (the first request of a server).
The login page is the floor: what any request costs. No timing is asserted anywhere; this is for reading.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


# --- the measuring side (a child process) ------------------------------------------------------------------------


def _setup(data: Path) -> None:
    os.environ["JIXIAO_DATA_DIR"] = str(data)
    os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host allowed, mail kept in memory
    settings.FIGURES_IN_BACKGROUND = True  # as on a server (let finish between two requests, not counted)


def _pick() -> dict[str, Any]:
    """The users and projects measured: a unit with an approved project of the latest year (not submitted) and an
    editable one, its department and its jurisdiction's finance bureau, and the administrator."""
    from django.contrib.auth import get_user_model

    from jixiao.store.models import Account, Project, SelfEvaluationRecord

    submitted = SelfEvaluationRecord.objects.filter(submitted=True).values("project_id")
    year = Project.objects.order_by("-year").values_list("year", flat=True).first()
    accounts = Account.objects.filter(role="unit").select_related("unit__department__jurisdiction")
    for account in accounts.order_by("user__username"):
        approved = (Project.objects.filter(unit=account.unit, status="approved", year=year, scope="project")
                    .exclude(pk__in=submitted).order_by("pk").first())
        editable = Project.objects.filter(unit=account.unit, status__in=("draft", "returned")).order_by("pk").first()
        if approved is None or editable is None:
            continue
        department = account.unit.department
        finance = Account.objects.filter(role="finance", jurisdiction=department.jurisdiction).order_by("pk").first()
        dept = Account.objects.filter(role="department", department=department).order_by("pk").first()
        admin = Account.objects.filter(role="admin").order_by("pk").first()
        if finance is None or dept is None or admin is None:
            continue
        users = get_user_model().objects
        return {"unit": account.user, "department": users.get(pk=dept.user_id),
                "finance": users.get(pk=finance.user_id), "admin": users.get(pk=admin.user_id),
                "approved": approved, "editable": editable}
    raise SystemExit("no unit with an approved and an editable project: build the demo data first")


def _fields(html: str) -> dict[str, str]:
    """The named inputs of a page's form (text and hidden), as a browser would post them back."""
    found = dict(re.findall(r'name="([\w-]+)" value="([^"]*)"', html))
    found.pop("csrfmiddlewaretoken", None)
    return found


def measure(data: Path, repeat: int) -> list[dict[str, Any]]:
    _setup(data)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from jixiao.web import scope_figures

    shift = [0.0]  # seconds the figures' clock is moved on (past the bound on their lag)
    if hasattr(scope_figures, "STALE_FOR"):
        scope_figures._now = lambda: timezone.now() + datetime.timedelta(seconds=shift[0])
    finish = getattr(scope_figures, "wait_for_computations", lambda: None)

    def past_the_bound(save: Any) -> Any:
        def prepare() -> Any:
            shift[0] += getattr(scope_figures, "STALE_FOR", 0) + 1
            return save()
        return prepare

    def emptied() -> None:
        cache.clear()

    picked = _pick()
    approved, editable = picked["approved"].pk, picked["editable"].pk
    clients = {}
    for role in ("unit", "department", "finance", "admin"):
        clients[role] = Client()
        clients[role].force_login(picked[role])
    anonymous = Client()
    monitoring_url = f"/projects/{approved}/monitoring/4/"
    first = clients["unit"].get(monitoring_url)
    funds = re.findall(r'name="(executed_\d+)"', first.content.decode())
    budget = float(picked["approved"].adjusted_budget or 0)
    monitoring_form = {**{name: f"{budget * 0.7 / max(1, len(funds)):.2f}" for name in funds}, "action": "save"}

    def monitoring_save() -> Any:
        return clients["unit"].post(monitoring_url, monitoring_form)

    def selfeval_save() -> Any:
        page = clients["unit"].get(f"/projects/{approved}/selfeval/").content.decode()
        fields = {k: v for k, v in _fields(page).items() if re.match(r"(actual|score|reason)_\d+$|version$", k)}
        return lambda: clients["unit"].post(f"/projects/{approved}/selfeval/", {
            **fields, "executed": f"{budget * 0.9:.2f}", "action": "save"})

    pages: list[tuple[str, str, Any, Any]] = [  # (page, who, prepare (not measured), request)
        ("login page (floor)", "anonymous", None, lambda: anonymous.get("/login/")),
        ("project list", "unit", None, lambda: clients["unit"].get("/")),
        ("project list", "finance", None, lambda: clients["finance"].get("/?sort=-budget&page=2")),
        ("project detail", "unit", None, lambda: clients["unit"].get(f"/projects/{approved}/")),
        ("project detail", "finance", None, lambda: clients["finance"].get(f"/projects/{approved}/")),
        ("history", "unit", None, lambda: clients["unit"].get(f"/projects/{approved}/history/")),
        ("goal editor", "unit", None, lambda: clients["unit"].get(f"/projects/{editable}/goal/")),
        ("monitoring entry", "unit", None, lambda: clients["unit"].get(monitoring_url)),
        ("monitoring save", "unit", None, monitoring_save),
        ("self-evaluation", "unit", None, lambda: clients["unit"].get(f"/projects/{approved}/selfeval/")),
        ("self-evaluation save", "unit", selfeval_save, None),
        ("dashboard", "unit", None, lambda: clients["unit"].get("/dashboard/")),
        ("dashboard", "department", None, lambda: clients["department"].get("/dashboard/")),
        ("dashboard", "finance", None, lambda: clients["finance"].get("/dashboard/")),
        ("dashboard", "admin", None, lambda: clients["admin"].get("/dashboard/")),
        ("dashboard after a save", "department", monitoring_save, lambda: clients["department"].get("/dashboard/")),
        ("dashboard after a save", "finance", monitoring_save, lambda: clients["finance"].get("/dashboard/")),
        ("dashboard after a save", "admin", monitoring_save, lambda: clients["admin"].get("/dashboard/")),
        ("warning board", "department", None, lambda: clients["department"].get("/monitoring/")),
        ("warning board", "finance", None, lambda: clients["finance"].get("/monitoring/")),
        ("warning board", "admin", None, lambda: clients["admin"].get("/monitoring/")),
        ("warning board after a save", "finance", monitoring_save, lambda: clients["finance"].get("/monitoring/")),
        ("warning board after a save", "department", monitoring_save,
         lambda: clients["department"].get("/monitoring/")),
        ("warning board after a save", "admin", monitoring_save, lambda: clients["admin"].get("/monitoring/")),
        ("dashboard after a save, older than the bound", "finance", past_the_bound(monitoring_save),
         lambda: clients["finance"].get("/dashboard/")),
        ("dashboard after a save, older than the bound", "admin", past_the_bound(monitoring_save),
         lambda: clients["admin"].get("/dashboard/")),
        ("warning board after a save, older than the bound", "finance", past_the_bound(monitoring_save),
         lambda: clients["finance"].get("/monitoring/")),
        ("warning board after a save, older than the bound", "admin", past_the_bound(monitoring_save),
         lambda: clients["admin"].get("/monitoring/")),
        ("dashboard first build", "finance", emptied, lambda: clients["finance"].get("/dashboard/")),
        ("dashboard first build", "admin", emptied, lambda: clients["admin"].get("/dashboard/")),
        ("review statistics", "finance", None, lambda: clients["finance"].get("/reviews/statistics/")),
    ]
    rows = []
    for name, who, prepare, request in pages:
        cpu, queries, status = [], [], 0
        for n in range(repeat + 1):
            call = request
            if prepare is not None:
                made = prepare()
                call = made if callable(made) and request is None else request
            with CaptureQueriesContext(connection) as captured:
                started = time.thread_time()
                response = call()
                spent = time.thread_time() - started
            finish()
            status = response.status_code
            if n:  # the first opens the page (caches, connections): not counted
                cpu.append(spent * 1000)
                queries.append(len(captured.captured_queries))
        rows.append({"page": name, "who": who, "status": status, "cpu_ms": statistics.median(cpu),
                     "queries": max(queries)})
    return rows


# --- the driver -------------------------------------------------------------------------------------------------


def _python() -> str:
    return sys.executable


def build(data: Path, projects: int) -> None:
    if (data / "jixiao.sqlite3").exists():
        return
    data.mkdir(parents=True, exist_ok=True)
    print(f"building the demo data ({projects:,} province projects) in {data} …", file=sys.stderr)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "JIXIAO_DATA_DIR": str(data)}
    subprocess.run([_python(), "-m", "jixiao", "demo", "--no-serve", "--size", "province", "--projects",
                    str(projects)], env=env, check=True, stdout=subprocess.DEVNULL)


def side(src: Path, data: Path, repeat: int) -> list[dict[str, Any]]:
    """Measure with the code under `src` on a fresh copy of `data` (its database, not its cache)."""
    with tempfile.TemporaryDirectory(prefix="jixiao-pages-") as folder:
        copy = Path(folder) / "data"
        copy.mkdir()
        for name in ("jixiao.sqlite3", "secret_key"):
            shutil.copy2(data / name, copy / name)
        env = {**os.environ, "PYTHONPATH": str(src)}
        out = subprocess.run([_python(), __file__, "--measure", str(copy), "--repeat", str(repeat)], env=env,
                             check=True, capture_output=True, text=True)
        return json.loads(out.stdout)  # type: ignore[no-any-return]


def baseline_src(ref: str, folder: Path) -> Path:
    """`ref`'s src, exported by git archive into `folder` (or `ref` itself when it is a folder)."""
    if Path(ref).is_dir():
        return Path(ref)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=5000)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--baseline", default="main", help="a git revision or a src folder; '' for none")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeat)))
        return
    data = args.data or Path(tempfile.gettempdir()) / f"jixiao-pages-{args.projects}"
    build(data, args.projects)
    with tempfile.TemporaryDirectory(prefix="jixiao-baseline-") as folder:
        before = side(baseline_src(args.baseline, Path(folder)), data, args.repeat) if args.baseline else None
    after = side(ROOT / "src", data, args.repeat)
    print(f"| page | user | queries {args.baseline or ''} → now | CPU ms {args.baseline or ''} → now |")
    print("|---|---|---:|---:|")
    for n, row in enumerate(after):
        old = before[n] if before else None
        q = f"{old['queries']} → {row['queries']}" if old else str(row["queries"])
        ms = f"{old['cpu_ms']:.1f} → {row['cpu_ms']:.1f}" if old else f"{row['cpu_ms']:.1f}"
        bad = "" if row["status"] in (200, 302) and (not old or old["status"] in (200, 302)) else \
            f" (HTTP {old['status'] if old else ''}/{row['status']})"
        print(f"| {row['page']} | {row['who']} | {q} | {ms}{bad} |")


if __name__ == "__main__":
    main()
