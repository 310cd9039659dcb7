"""Jurisdiction profiles shipped with jixiao (TOML), loaded by name or path; `extends` chains them."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from jixiao.core.profile import Profile, ProfileError, merge, profile_from_mapping

PROFILE_DIR = Path(__file__).parent


def available() -> list[str]:
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def _read(name_or_path: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    path = Path(name_or_path)
    if not path.suffix:
        path = PROFILE_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        raise ProfileError(f"找不到配置“{name_or_path}”；可用配置：{'、'.join(available())}")
    if str(path) in seen:
        raise ProfileError(f"配置继承出现循环：{' → '.join(seen)}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(f"配置文件 {path.name} 格式错误：{exc}") from exc
    parent = data.pop("extends", None)
    if parent:
        data = merge(_read(str(parent), (*seen, str(path))), data)
    return data


def load_profile(name_or_path: str = "central") -> Profile:
    """The profile called `name_or_path` (a shipped name such as 'central', or a .toml path)."""
    return profile_from_mapping(_read(name_or_path))


@cache
def configured_profile() -> Profile:
    """The profile the server runs with (JIXIAO_PROFILE, default central), loaded once."""
    from jixiao.config import get_settings

    return load_profile(get_settings().profile)
