"""Figures over everything a user sees (the dashboard's charts, totals and work queues, the warning board's, the
review statistics), computed once per scope and version and shared by every user of that scope. Never stale: the
cache key holds the version stamps of the user's scope (jixiao.store.stamps), which every write to the figures of
that scope renews when it commits, so the request after a write computes them again and every other request reads
them from the cache (no query beyond the session's, the user's and the account's).

- found under the current stamps: served as they are;
- missing (never computed, a write since, or older than KEPT_FOR): computed in the request by whoever takes the
  lock (`cache.add`, one across every worker process of the server); the requests that come meanwhile wait for
  that result rather than compute it again, and compute it themselves only if the lock goes without a result (its
  holder failed) or the wait runs out.

The cache key also holds the user's scope (`scope_key`: the unit, department, jurisdiction, evaluator or admin):
users of different scopes never share figures. KEPT_FOR bounds how long figures last without any write, so a
change made outside the application (by hand in the database) shows within that time."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.core.cache import cache
from django.utils import timezone

from jixiao.store.access import scope_key
from jixiao.store.stamps import scope_stamps

T = TypeVar("T")
KEPT_FOR = 600  # seconds figures are kept without a write in their scope
LOCK_FOR = 120  # seconds until the lock of a computation that never finished (its process died) expires
FIRST_WAIT = 10.0  # seconds a request waits for another's computation of the same figures
POLL = 0.05  # seconds between two looks at the cache while waiting


@dataclass(frozen=True)
class Figures(Generic[T]):
    value: T
    computed_at: datetime  # aware; the templates show it in local time


def _now() -> datetime:  # one place for the clock (the tests move it)
    return timezone.now()


def figures_key(kind: str, user: Any, *parts: object) -> str:
    """The cache key of `kind` figures for the scope of `user` as it is now (its stamps), and `parts` (a year…)."""
    return ":".join(["jixiao:figures", kind, scope_key(user), scope_stamps(user), *map(str, parts)])


def scope_figures(kind: str, user: Any, compute: Callable[[], T], *parts: object) -> Figures[T]:
    """The `kind` figures of the scope of `user`, computed by `compute()` (which must read only what `user` sees)
    since the last write to them."""
    key = figures_key(kind, user, *parts)  # the stamps are read before anything is computed
    found = cache.get(key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    lock = f"{key}:lock"
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
