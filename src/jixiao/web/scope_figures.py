"""Figures over everything a user sees (the dashboard's charts, totals and work queues, the warning board's, the
review statistics), computed once per scope and shared by every user of that scope. This module owns when they are
computed again. Each result is kept with the version stamps of its scope as they were when its computation began
(jixiao.store.stamps: every write renews the stamps of its unit, department, jurisdiction and of everything when it
commits), and with that time (`computed_at`).

- Its stamps are still the scope's: served as it is (exact), by any scope.
- A unit's, a department's and an evaluator's figures are exact, never stale: after a write in their scope the
  next request computes them again (a unit or a department counts its own projects: cheap).
- A finance bureau's (a jurisdiction) and an administrator's (everything) may lag behind the writes by at most
  STALE_FOR seconds: figures computed less than STALE_FOR seconds ago are served, and once they are REFRESH_EVERY
  seconds old exactly one computation runs outside the request, in a daemon thread of the worker process (the
  lock is `cache.add`, one across every worker process of the server). With writes every second somewhere in a
  province, the widest figures are computed again at most once per REFRESH_EVERY seconds, not after every write.
  Older figures are computed in the request. The pages show when the figures were computed and that they refresh
  by themselves. What such a user just wrote (a POST: `note_write`) is never lagged behind: figures computed
  before it are computed again in the request. Without FIGURES_IN_BACKGROUND (the tests) they are exact too.
- Missing (never computed, or older than KEPT_FOR), or not to be served: computed in the request by whoever takes
  the lock; the requests that come meanwhile wait for a result they may serve rather than compute it again, and
  compute it themselves only if the lock goes without one (its holder failed) or the wait runs out.

The cache key holds the user's scope (`scope_key`: the unit, department, jurisdiction, evaluator or admin):
users of different scopes never share figures. KEPT_FOR bounds how long figures last without any write, so a
change made outside the application (by hand in the database) shows within that time."""

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

from jixiao.store.access import account_of, scope_key
from jixiao.store.models import Role
from jixiao.store.stamps import scope_stamps

T = TypeVar("T")
STALE_FOR = 30  # seconds a jurisdiction's or everything's figures may lag behind the writes
REFRESH_EVERY = 10  # seconds: figures behind the writes and this old are computed again outside the request
LAGGING = (Role.FINANCE, Role.ADMIN)  # the scopes whose figures may lag (the widest: dearest to compute)
KEPT_FOR = 600  # seconds figures are kept without a write in their scope
LOCK_FOR = 120  # seconds until the lock of a computation that never finished (its process died) expires
FIRST_WAIT = 10.0  # seconds a request waits for another's computation of the same figures
POLL = 0.05  # seconds between two looks at the cache while waiting

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Figures(Generic[T]):
    value: T
    computed_at: datetime  # aware, when the computation began; the templates show it in local time
    stamps: str = ""  # the scope's stamps when the computation began
    lagging: bool = False  # of a scope whose figures may lag (the page says when they were computed)


def _now() -> datetime:  # one place for the clock (the tests move it)
    return timezone.now()


def lags(user: Any) -> bool:
    """Whether the figures of `user`'s scope may lag behind the writes by up to STALE_FOR seconds (never without
    FIGURES_IN_BACKGROUND: the tests' figures are all exact)."""
    if not settings.FIGURES_IN_BACKGROUND:
        return False
    account = account_of(user)
    return account is not None and account.role in LAGGING


def figures_key(kind: str, user: Any, *parts: object) -> str:
    """The cache key of `kind` figures for the scope of `user` and `parts` (a year…)."""
    return ":".join(["jixiao:figures", kind, scope_key(user), *map(str, parts)])


def _wrote_key(user: Any) -> str:
    return f"jixiao:wrote:{user.pk}"


def note_write(user: Any) -> None:
    """`user` has just written (a POST answered): its next pages show figures computed after it."""
    if lags(user):
        cache.set(_wrote_key(user), _now(), STALE_FOR)


def scope_figures(kind: str, user: Any, compute: Callable[[], T], *parts: object) -> Figures[T]:
    """The `kind` figures of the scope of `user`, computed by `compute()` (which must read only what `user` sees):
    exact, or for a lagging scope computed at most STALE_FOR seconds ago and after the user's own last write."""
    key, lagging = figures_key(kind, user, *parts), lags(user)
    lock = f"{key}:lock"
    stamps = scope_stamps(user)  # read before anything is computed
    found: Figures[T] | None
    wrote: datetime | None
    if lagging:
        kept = cache.get_many([key, _wrote_key(user)])
        found, wrote = kept.get(key), kept.get(_wrote_key(user))
    else:
        found, wrote = cache.get(key), None

    def servable(figures: Figures[T]) -> bool:
        """Exact, or of a lagging scope, recent enough and computed after the user's own last write."""
        if figures.stamps == stamps:
            return True
        return lagging and (_now() - figures.computed_at).total_seconds() <= STALE_FOR and (
            wrote is None or wrote < figures.computed_at)

    def job() -> Figures[T]:
        return _compute(key, lock, user, compute, lagging)

    if found is not None and found.stamps == stamps:
        return found  # exact
    if found is not None and servable(found):  # behind, recent enough: served while one computation runs elsewhere
        if (_now() - found.computed_at).total_seconds() >= REFRESH_EVERY and cache.add(lock, 1, LOCK_FOR):
            _submit(job)
        return found
    if cache.add(lock, 1, LOCK_FOR):
        return job()
    deadline = time.monotonic() + FIRST_WAIT
    while time.monotonic() < deadline:  # another computes them: wait for a result that may be served
        time.sleep(POLL)
        found = cache.get(key)
        if found is not None and servable(found):
            return found
        if cache.add(lock, 1, LOCK_FOR):  # its holder finished with figures too old, or gave up: compute here
            return job()
    return _compute(key, None, user, compute, lagging)


def when(*figures: Figures[Any]) -> dict[str, Any]:
    """What a page says of its figures: when the oldest were computed, and whether they may lag behind."""
    return {"computed_at": min(f.computed_at for f in figures), "lagging": any(f.lagging for f in figures),
            "stale_for": STALE_FOR}


def _compute(key: str, lock: str | None, user: Any, compute: Callable[[], T], lagging: bool) -> Figures[T]:
    """Compute, keep for KEPT_FOR seconds, release the lock (also when `compute` fails)."""
    try:
        began, stamps = _now(), scope_stamps(user)
        figures = Figures(compute(), began, stamps, lagging)
        cache.set(key, figures, KEPT_FOR)
        return figures
    finally:
        if lock is not None:
            cache.delete(lock)


# --- the computations of a worker process outside its requests: one daemon thread, one at a time ----------------

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
        except Exception:  # the lock is released: the next request that finds the figures behind tries again
            logger.exception("figures computation failed")
        finally:
            connections.close_all()  # this thread's own connections: none is held between computations
            jobs.task_done()


def wait_for_computations() -> None:
    """Return when this process's figures thread has nothing left to do (tests, bench)."""
    _jobs.join()
