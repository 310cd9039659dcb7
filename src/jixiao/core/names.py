"""Names of units: a name without the heading number printed before it; whether one name is another abbreviated."""

from __future__ import annotations

import re

_HEADING_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|\d{1,2}[、.．])")


def without_heading_number(name: str) -> str:
    """'二、示例县档案馆' → '示例县档案馆': the number of the heading a name was read from is not part of it."""
    return _HEADING_NUMBER.sub("", name)


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` is `name` abbreviated ('示例县经科局' for '示例县经济信息化和科技局'): shorter, its characters
    taken in order from the name, ending as the name ends (the same kind of body)."""
    rest = iter(name)
    return len(short) < len(name) and short[-1:] == name[-1:] and all(char in rest for char in short)
