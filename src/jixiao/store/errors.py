"""Errors a write can end in; each message is for the user (Chinese)."""

from __future__ import annotations


class ServiceError(ValueError):
    """The input or the state refuses this write; nothing was changed."""


class ConflictError(ServiceError):
    """Somebody saved the object after the user opened it: the user's copy is stale (no lost updates)."""
