"""The server's cache: Django's file-based cache (every worker process of `jixiao serve` reads what another wrote),
with an `add` that is atomic across processes. Django's checks whether the key exists and then writes it, so two
processes could both "add" the same key; the figures' recomputation lock (jixiao.web.scope_figures) relies on
exactly one of them succeeding. Django's also lists the whole cache directory on every write to see whether
it holds more than MAX_ENTRIES files (thousands of files at the scale of a province: milliseconds per write, a
dozen writes after each save); here that look is taken at most once per CULL_EVERY seconds in each process, so
the directory may exceed MAX_ENTRIES by what those seconds write."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

ADD_LOCK = "add.lock"  # not a cache file (those end in .djcache): never culled nor cleared
CULL_EVERY = 30.0  # seconds between two looks at whether the cache holds too many files (in each process)


class FileCache(FileBasedCache):
    culled_at = -CULL_EVERY  # when this process last looked (shared by its threads' instances)

    def _cull(self) -> None:
        now = time.monotonic()
        if now - FileCache.culled_at < CULL_EVERY:
            return
        FileCache.culled_at = now
        super()._cull()

    def add(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        """Set `key` unless it holds an unexpired value; True when it was set. One `add` at a time across the
        processes sharing the cache directory (an exclusive lock on a file in it, released if a process dies)."""
        self._createdir()
        with (Path(self._dir) / ADD_LOCK).open("ab") as guard:
            locks.lock(guard, locks.LOCK_EX)
            try:
                return super().add(key, value, timeout, version)
            finally:
                locks.unlock(guard)
