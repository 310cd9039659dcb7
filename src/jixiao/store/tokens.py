"""API tokens for machine clients: shown once, stored as a SHA-256 digest."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.utils import timezone

from jixiao.store.models import ApiToken


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def issue_token(user: Any, name: str) -> str:
    key = "jx_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name[:100] or "API", digest=_digest(key))
    return key


def user_for_token(key: str) -> Any | None:
    token = ApiToken.objects.select_related("user").filter(digest=_digest(key)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used=timezone.now())
    return token.user
