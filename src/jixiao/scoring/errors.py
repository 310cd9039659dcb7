"""Input the lifecycle rules cannot score: every problem is listed, in Chinese, at once."""

from __future__ import annotations

from collections.abc import Sequence


class InputError(ValueError):
    """Invalid input for a scoring rule; `messages` holds every problem found (Chinese, user-facing)."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages: tuple[str, ...] = tuple(messages)
        super().__init__("；".join(self.messages))


def raise_if(messages: Sequence[str]) -> None:
    """Raise InputError listing `messages` when there is any."""
    if messages:
        raise InputError(messages)
