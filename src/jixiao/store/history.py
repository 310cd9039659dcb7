"""Optimistic concurrency: every save names the version it started from; a stale version is refused."""

from __future__ import annotations

from typing import Any

from jixiao.store.errors import ConflictError
from jixiao.store.models import Project


def bump_version(project: Project, version: int, actor: Any, reason: str = "", **changes: Any) -> Project:
    """Apply `changes` to the locked current row if it is still at `version`; record who changed it.
    Must run inside a transaction (the row lock holds until commit on PostgreSQL)."""
    current = Project.objects.select_for_update().get(pk=project.pk)
    if current.version != version:
        raise ConflictError(f"项目“{current.name}”已被他人修改（当前版本 {current.version}，您打开的是版本 {version}），"
                            "为避免覆盖，本次保存未执行。请刷新页面后重新修改。")
    changed = {name for name, value in changes.items() if getattr(current, name) != value}
    for name, value in changes.items():
        setattr(current, name, value)
    if not changed:  # a save that changes nothing but the version leaves no (empty) entry in the change log
        current.skip_history_when_saving = True  # type: ignore[attr-defined]
    current.version = version + 1
    current._history_user = actor  # type: ignore[attr-defined]
    current._change_reason = reason  # type: ignore[attr-defined]
    current.save()
    return current
