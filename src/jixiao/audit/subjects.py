"""Subjects that rules apply to which are not plain core objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.model import Goal
from jixiao.core.provenance import Location


@dataclass(frozen=True)
class GoalSubject:
    """A project's goal with the budget its cost indicators must match."""

    project: str
    goal: Goal
    budget: Decimal | None = None  # yuan: the initial budget (else the adjusted one)
    location: Location = field(default_factory=Location)
