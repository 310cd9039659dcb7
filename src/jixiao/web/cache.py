"""The server's cache: Django's file-based cache (every worker process of `jixiao serve` reads what another wrote),
with an `add` that is atomic across processes. Django's checks whether the key exists and then writes it, so two
processes could both "add" the same key; the figures' recomputation lock (jixiao.web.scope_figures) relies on
exactly one of them succeeding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

ADD_LOCK = "add.lock"  # not a cache file (those end in .djcache): never culled nor cleared


class FileCache(FileBasedCache):
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
