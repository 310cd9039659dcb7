"""Pages of a list without counting the list: read one row more than the page holds, and that row says whether a
next page exists. No COUNT(*) over the rows on any request; the pages say 上一页 / 下一页 and no total."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    number: int  # from 1
    has_next: bool

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def page_of(rows: QuerySet[Any], number: int, size: int) -> Page:
    """Page `number` (1 when below 1) of `rows` in their order: `size` rows read with one more (LIMIT size + 1)."""
    number = max(1, number)
    start = (number - 1) * size
    found = list(rows[start:start + size + 1])
    return Page(found[:size], number, len(found) > size)
