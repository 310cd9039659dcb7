"""Third-party scripts installed by `make vendor` (npm, git-ignored): a tag only when the file is there, so a
checkout without them keeps working with the server-drawn charts."""

from __future__ import annotations

from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@cache
def vendored(path: str) -> bool:
    return finders.find(f"vendor/{path}") is not None


@register.simple_tag
def vendor_script(path: str) -> SafeString | str:
    if not vendored(path):
        return ""
    return format_html('<script src="{}" defer></script>', static(f"vendor/{path}"))
