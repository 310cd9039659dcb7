"""Figures over everything a user sees (the dashboard's charts and totals, the warning board's, the review
statistics), computed once per scope and shared by every user of that scope, with stale-while-revalidate:

- fresh for FRESH_FOR seconds: served as they are;
- then stale, for at most KEPT_FOR seconds after they were computed: still served at once, while exactly one
  recomputation runs (the lock is `cache.add`, so one across every worker process of the server) — in a daemon
  thread of the worker process when FIGURES_IN_BACKGROUND (a server), else in the request itself (the tests);
- missing (never computed, or older than KEPT_FOR): computed in the request by whoever takes the lock; the
  requests that come meanwhile wait for that result rather than compute it again, and compute it themselves only
  if the lock goes without a result (its holder failed) or the wait runs out.

The cache key holds the user's scope (`scope_key`: the unit, department, jurisdiction, evaluator or admin): users
of different scopes never share figures. Pages show when the figures were computed (`Figures.computed_at`), since
they may be up to a minute old (longer only while a recomputation is running)."""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.utils import timezone

from jixiao.store.access import scope_key

T = TypeVar("T")
FRESH_FOR = 60  # seconds figures are served without recomputing them
KEPT_FOR = 600  # seconds stale figures may still be served while they are recomputed
LOCK_FOR = 120  # seconds until the lock of a recomputation that never finished (its process died) expires
FIRST_WAIT = 10.0  # seconds a request waits for another's first computation of the same figures
POLL = 0.05  # seconds between two looks at the cache while waiting

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Figures(Generic[T]):
    value: T
    computed_at: datetime  # aware; the templates show it in local time


def _now() -> datetime:  # one place for the clock (the tests move it)
    return timezone.now()


def figures_key(kind: str, user: Any, *parts: object) -> str:
    """The cache key of `kind` figures for the scope of `user` (and `parts`, e.g. a year)."""
    return ":".join(["jixiao:figures", kind, scope_key(user), *map(str, parts)])


def scope_figures(kind: str, user: Any, compute: Callable[[], T], *parts: object) -> Figures[T]:
    """The `kind` figures of the scope of `user`, computed by `compute()` (which must read only what `user` sees)
    at most FRESH_FOR seconds ago, or stale ones while they are being recomputed."""
    key = figures_key(kind, user, *parts)
    lock = f"{key}:lock"
    found = cache.get(key)
    if found is not None:
        if (_now() - found.computed_at).total_seconds() < FRESH_FOR or not cache.add(lock, 1, LOCK_FOR):
            return found  # type: ignore[no-any-return]  # fresh, or stale while another recomputes them
        if settings.FIGURES_IN_BACKGROUND:
            _submit(lambda: _compute(key, lock, compute))
            return found  # type: ignore[no-any-return]
        return _compute(key, lock, compute)
    if cache.add(lock, 1, LOCK_FOR):
        return _compute(key, lock, compute)
    deadline = time.monotonic() + FIRST_WAIT
    while time.monotonic() < deadline:  # another request computes them: wait for its result
        time.sleep(POLL)
        if (found := cache.get(key)) is not None:
            return found  # type: ignore[no-any-return]
        if cache.add(lock, 1, LOCK_FOR):  # its holder gave up without a result: compute them here
            return _compute(key, lock, compute)
    return _compute(key, None, compute)


def _compute(key: str, lock: str | None, compute: Callable[[], T]) -> Figures[T]:
    """Compute, keep for KEPT_FOR seconds, release the lock (also when `compute` fails)."""
    try:
        figures = Figures(compute(), _now())
        cache.set(key, figures, KEPT_FOR)
        return figures
    finally:
        if lock is not None:
            cache.delete(lock)


# --- the recomputations of a worker process: one daemon thread, one recomputation at a time --------------------

_jobs: queue.Queue[Callable[[], Any]] = queue.Queue()
_worker: threading.Thread | None = None
_worker_pid = 0
_starting = threading.Lock()


def _submit(job: Callable[[], Any]) -> None:
    """Queue `job` for this process's figures thread, started on first use (and again in a forked child, which
    inherits the parent's variables but not its threads)."""
    global _jobs, _worker, _worker_pid
    with _starting:
        if _worker is None or _worker_pid != os.getpid() or not _worker.is_alive():
            if _worker_pid != os.getpid():
                _jobs = queue.Queue()
            _worker = threading.Thread(target=_work, args=(_jobs,), name="jixiao-figures", daemon=True)
            _worker_pid = os.getpid()
            _worker.start()
        _jobs.put(job)


def _work(jobs: queue.Queue[Callable[[], Any]]) -> None:
    while True:
        job = jobs.get()
        try:
            job()
        except Exception:  # the lock is released: the next request that finds the figures stale tries again
            logger.exception("figures recomputation failed")
        finally:
            connections.close_all()  # this thread's own connections: none is held between recomputations
            jobs.task_done()


def wait_for_recomputations() -> None:
    """Return when this process's figures thread has nothing left to do (tests)."""
    _jobs.join()
