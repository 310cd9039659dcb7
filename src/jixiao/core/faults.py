"""One fault, one finding, for printed arithmetic: the single figure that explains several identities failing.

A table's identities share their figures: a 项 row's 基本支出 is a term of its row (本年支出合计 = 基本 + 项目) and of
its 款's column (款 = Σ 项). One misprinted figure breaks every identity it takes part in and no other, so several
failures with one figure in common are one fault, not several.

`localise` is given every identity checked — those that hold as well as those that fail — each as a sum of signed
figures with its residue as printed and its rounding tolerance. A figure *explains* the failing identities it is a
term of when one change of it makes every identity it is a term of hold (within each one's tolerance): the failing
ones, and the ones that hold now as well (a figure whose change would break an identity that holds is not the fault
alone). A figure explaining two failures or more is a fault located at that figure, and the failures it explains
are one — unless another figure explains them as well, or explains two or more failures some of which are among
them (another pairing of wrong figures then accounts for the same failures: which is wrong is not known). Failures
no single figure explains stay apart; for each, the figures that could alone be the wrong one (the others being tied
by identities that hold) are named when they are fewer than the identity's figures.

Pure arithmetic on Decimal; no rule, no table and no wording here.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.provenance import Location


@dataclass(frozen=True)
class Figure:
    """A printed figure an identity adds up: `key` is the same whichever identity reads it."""

    key: Hashable
    value: Decimal
    name: str = ""  # '公开03 2210201·基本支出'
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class Identity:
    """Σ coefficient × figure = 0 as it should be: a total (+1) and its parts (−1). `residue` is that sum as printed
    (total − Σ parts), `tolerance` the rounding residue it allows; `key` names it for the caller."""

    key: Hashable
    terms: tuple[tuple[Figure, int], ...]
    residue: Decimal
    tolerance: Decimal

    @property
    def holds(self) -> bool:
        return abs(self.residue) <= self.tolerance

    def coefficients(self) -> dict[Hashable, int]:
        """Each figure's coefficient, a figure on both sides cancelling out (absent: the identity does not depend
        on it)."""
        out: dict[Hashable, int] = {}
        for figure, coefficient in self.terms:
            out[figure.key] = out.get(figure.key, 0) + coefficient
        return {key: c for key, c in out.items() if c}

    def figures(self) -> list[Figure]:
        """Its figures, each once, in order, those it does not depend on left out."""
        depends = self.coefficients()
        seen: dict[Hashable, Figure] = {}
        for figure, _ in self.terms:
            if figure.key in depends:
                seen.setdefault(figure.key, figure)
        return list(seen.values())


@dataclass(frozen=True)
class Fault:
    """One figure that, changed by `change` (to value + change), makes every failing identity in `identities` hold
    and breaks none that holds."""

    figure: Figure
    change: Decimal
    identities: tuple[Hashable, ...]  # the failing identities it explains, in the order given

    @property
    def corrected(self) -> Decimal:
        return self.figure.value + self.change


@dataclass(frozen=True)
class Localised:
    faults: tuple[Fault, ...] = ()
    # a failing identity left as it is (no single figure explains it with others) → the figures that could each alone
    # be wrong, when they are fewer than its figures: e.g. two of its three, the third tied by an identity that holds
    suspects: dict[Hashable, tuple[Figure, ...]] = field(default_factory=dict)


def _bounds(identity: Identity, coefficient: int) -> tuple[Decimal, Decimal]:
    """The changes d of one figure (its coefficient in the identity given) for which the identity holds:
    |residue + coefficient × d| ≤ tolerance."""
    low = (-identity.tolerance - identity.residue) / coefficient
    high = (identity.tolerance - identity.residue) / coefficient
    return (low, high) if low <= high else (high, low)


def _explains(key: Hashable, taking_part: Sequence[tuple[Identity, int]]) -> Decimal | None:
    """The change of figure `key` that makes every identity it takes part in hold, or None when there is none.
    The change making the first failing identity exact is preferred, kept within what the others allow."""
    low: Decimal | None = None
    high: Decimal | None = None
    for identity, coefficient in taking_part:
        lo, hi = _bounds(identity, coefficient)
        low = lo if low is None else max(low, lo)
        high = hi if high is None else min(high, hi)
    if low is None or high is None or low > high:
        return None
    first, coefficient = next((i, c) for i, c in taking_part if not i.holds)
    exact = -first.residue / coefficient
    return min(max(exact, low), high)


def _rivals(explained: frozenset[Hashable], theirs: frozenset[Hashable]) -> bool:
    """Whether another figure explaining the failures `theirs` makes the one explaining `explained` uncertain: it
    explains them all as well, or two failures or more of which some are among them and some not (two wrong figures
    in another pairing would explain the same failures). One explaining fewer of them only is no rival: one figure
    explaining all is the simpler account."""
    return bool(explained & theirs) and len(theirs) >= 2 and not theirs < explained


def localise(identities: Sequence[Identity]) -> Localised:
    """The faults located at one figure each, and the suspects of the failures left apart (see the module text)."""
    taking_part: dict[Hashable, list[tuple[Identity, int]]] = {}
    figures: dict[Hashable, Figure] = {}
    for identity in identities:
        for key, coefficient in identity.coefficients().items():
            taking_part.setdefault(key, []).append((identity, coefficient))
        for figure in identity.figures():
            figures.setdefault(figure.key, figure)
    failing = [i for i in identities if not i.holds]
    order = {i.key: n for n, i in enumerate(failing)}
    explainers: dict[Hashable, tuple[Decimal, frozenset[Hashable]]] = {}
    for identity in failing:
        for key in identity.coefficients():
            if key in explainers:
                continue
            change = _explains(key, taking_part[key])
            if change is not None:
                explainers[key] = (change, frozenset(i.key for i, _ in taking_part[key] if not i.holds))
    faults: list[Fault] = []
    left = set(order)
    by_size = sorted(
        explainers.items(), key=lambda item: (-len(item[1][1]), min(order[k] for k in item[1][1]))
    )
    for key, (change, explained) in by_size:
        if len(explained) < 2 or not explained <= left:
            continue
        if any(other != key and _rivals(explained, theirs) for other, (_, theirs) in explainers.items()):
            continue  # another figure explains them, or some of them with others, as well: which is wrong is not known
        faults.append(Fault(figures[key], change, tuple(sorted(explained, key=order.__getitem__))))
        left -= explained
    suspects: dict[Hashable, tuple[Figure, ...]] = {}
    for identity in failing:
        if identity.key not in left:
            continue
        could = tuple(figures[k] for k in identity.coefficients() if k in explainers)
        if could and len(could) < len(identity.coefficients()):
            suspects[identity.key] = could
    return Localised(tuple(sorted(faults, key=lambda f: order[f.identities[0]])), suspects)
