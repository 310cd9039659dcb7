"""The one-way layering of DESIGN §2 as a failing test: core, scoring and audit import no Django, file formats
or engines; nothing but the web layer imports the web layer; pages and the JSON API write no database query of
their own (reads go through store/selectors.py, writes through the store's services)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "import-linter is a dev dependency"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([lint, "--config", str(REPO / ".importlinter")], capture_output=True, text=True,
                            env=env, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]


# QuerySet methods that build or run a query; none of them is a method of a dict, list, str or set.
QUERY_METHODS = frozenset({
    "filter", "exclude", "annotate", "aggregate", "alias", "values_list", "order_by", "reverse", "select_related",
    "prefetch_related", "distinct", "only", "defer", "iterator", "in_bulk", "get_or_create", "update_or_create",
    "bulk_create", "bulk_update", "select_for_update", "using", "raw", "extra", "earliest", "latest", "dates",
    "datetimes", "intersection", "difference", "explain", "contains"})
# Run a query when called without arguments (list.count, str.count and dict.values take one or none).
QUERY_WITHOUT_ARGUMENTS = frozenset({"exists", "count", "first", "last", "none", "delete"})
# Run a lookup when called with keywords only (dict.get takes a key; rows.get(pk=1) does not).
QUERY_WITH_KEYWORDS = frozenset({"get", "create", "update"})
# What may be imported from django.db in a view or handler: the type of the rows a selector returns.
DB_IMPORTS = frozenset({"QuerySet"})
QUERY_FREE = ("src/jixiao/web/views", "src/jixiao/api")


def orm_queries(source: str) -> list[tuple[int, str]]:
    """(line, what) of each database query written in `source`: a model manager (`.objects`), a QuerySet method
    call, a query expression or raw-SQL import from django.db. Walking a loaded row's relation (`project.indicators
    .all()`) is not a query written here; `.all()` is therefore not counted."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append((node.lineno, ".objects"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, args, keywords = node.func.attr, node.args, node.keywords
            if (name in QUERY_METHODS or (name in QUERY_WITHOUT_ARGUMENTS and not args and not keywords)
                    or (name == "values" and (args or keywords))
                    or (name in QUERY_WITH_KEYWORDS and keywords and not args)):
                found.append((node.lineno, f".{name}()"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("django.db"):
            found += [(node.lineno, f"import {a.name}") for a in node.names if a.name not in DB_IMPORTS]
    return sorted(found)


def test_query_finder_tells_queries_from_plain_python():
    queries = orm_queries(
        "Project.objects.all()\nrows.filter(year=2024).count()\nrows.get(pk=1)\nrows.values('year')\n"
        "from django.db.models import Q, QuerySet\nrows.exists()\n")
    assert [line for line, _ in queries] == [1, 2, 2, 3, 4, 5, 6]
    plain = ("d.get('a', 1)\nd.values()\nd.update({'a': 1})\nnames.count('x')\nlist(filter(None, xs))\n"
             "project.indicators.all()\n'rows.filter(year=1).count()'\n# Project.objects.all()\n"
             "from django.db.models import QuerySet\n")
    assert orm_queries(plain) == []


def test_views_and_api_handlers_write_no_query():
    found = [f"{path.relative_to(REPO)}:{line} {what}"
             for folder in QUERY_FREE for path in sorted((REPO / folder).rglob("*.py"))
             for line, what in orm_queries(path.read_text(encoding="utf-8"))]
    assert not found, "query written outside store/selectors.py and the services:\n" + "\n".join(found)
