"""Names of units: whether one name is another abbreviated."""

from __future__ import annotations


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` is `name` abbreviated ('示例县经科局' for '示例县经济信息化和科技局'): shorter, its characters
    taken in order from the name, ending as the name ends (the same kind of body)."""
    rest = iter(name)
    return len(short) < len(name) and short[-1:] == name[-1:] and all(char in rest for char in short)
