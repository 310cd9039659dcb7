"""Version stamps of what the figures pages show: a random token per unit, department and jurisdiction (and one
over everything), kept in the cache every server process shares and renewed when a transaction that changed
figures in that scope commits (`transaction.on_commit`, so no request can read the new token before the data).
A write renews the stamps of its unit, department, jurisdiction and of everything: whatever was computed under
the stamps of before is known to be behind it (the summaries, kept under keys that hold the stamps, are looked up
under new keys; jixiao.web.scope_figures decides when the figures of each scope are computed again).

Every save and delete of a model the figures read (FIGURE_MODELS, connected in StoreConfig.ready) renews the
stamps of its project's scope; writes that bypass the model signals (bulk imports, demo loads, restores) call
`renew_units` or `renew_everything` themselves. Rows the figures do not read (indicators, fund sources, transitions,
scores) are left unconnected, and so are MonitoringFund and MonitoringIndicator, only ever written with their
report, whose save renews the stamps (a signal receiver would make Django read each row before deleting it).

A stamp the cache lost (culled, cleared) is created again with a new token: a miss, never stale figures. The
figures themselves are kept for a bounded time (the callers' timeout), so a change made outside the application
(SQL by hand) shows within that time."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from jixiao.store.access import account_of
from jixiao.store.models import (
    BudgetSuggestion,
    CorrectiveAction,
    Department,
    ExAnteAssessment,
    ExAnteRequest,
    Jurisdiction,
    KeyEvaluation,
    MonitoringReport,
    MonitoringWarning,
    Project,
    RectificationItem,
    Review,
    Role,
    SelfEvaluationRecord,
    Unit,
)

PREFIX = "jixiao:stamp:"
EVERYTHING = "epoch"  # renewed by writes no scope can be told for: part of every key
ALL = "all"  # renewed by every write: the scope of administrators and evaluators

FIGURE_MODELS = (Project, Review, MonitoringReport, MonitoringWarning, CorrectiveAction, SelfEvaluationRecord,
                 KeyEvaluation, BudgetSuggestion, RectificationItem, ExAnteAssessment, ExAnteRequest)
WIDE_MODELS = (Unit, Department, Jurisdiction)  # names, rules and the tree of scopes: everything renewed

_local = threading.local()  # what this thread's open transaction changed, renewed when it commits


def _token() -> str:
    return secrets.token_hex(8)


def stamps_of(names: list[str]) -> dict[str, str]:
    """The current stamps of these scopes ("u12", "d3", "j1", ALL), each with the stamp over everything, in one
    read of the cache (a stamp missing is made: one token for every process, `add` being atomic)."""
    keys = [PREFIX + n for n in (EVERYTHING, *names)]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _token(), None)
            found[key] = cache.get(key) or _token()
    epoch = found[PREFIX + EVERYTHING]
    return {n: f"{epoch}.{found[PREFIX + n]}" for n in names}


def scope_name(user: Any) -> str:
    """The stamp that covers what `user` sees: its unit's, department's, jurisdiction's, or ALL."""
    account = account_of(user)
    if account is None:
        return "none"
    if account.role == Role.UNIT:
        return f"u{account.unit_id}"
    if account.role == Role.DEPARTMENT:
        return f"d{account.department_id}"
    if account.role == Role.FINANCE:
        return f"j{account.jurisdiction_id}"
    return ALL


def scope_stamps(user: Any) -> str:
    """The stamps of what `user` sees, as one string for a cache key (read before the figures are computed)."""
    name = scope_name(user)
    return stamps_of([name])[name]


# --- renewal -----------------------------------------------------------------------------------------------------


def _pending() -> dict[str, set[Any]]:
    pending: dict[str, set[Any]] | None = getattr(_local, "pending", None)
    if pending is None:
        pending = {"scopes": set(), "units": set(), "projects": set(), "evaluations": set(), "gone": set(),
                   "everything": set()}
        _local.pending = pending
    return pending


def _note(kind: str, value: Any) -> None:
    _pending()[kind].add(value)
    transaction.on_commit(_flush)  # at once outside a transaction; each callback renews all that is pending


def renew_units(unit_ids: Iterable[int]) -> None:
    """Renew the stamps of these units' scopes when the current transaction commits."""
    for pk in unit_ids:
        _note("units", pk)


def renew_projects(project_ids: Iterable[int]) -> None:
    for pk in project_ids:
        _note("projects", pk)


def renew_everything() -> None:
    """Renew every stamp (bulk loads, restores, changes of names or rules) when the transaction commits."""
    _note("everything", True)


def _flush() -> None:
    pending = _pending()
    _local.pending = None
    scopes: set[tuple[int, int, int]] = set(pending["scopes"])
    units, projects = set(pending["units"]), set(pending["projects"]) - pending["gone"]
    everything = bool(pending["everything"])
    if not everything and pending["evaluations"]:
        projects |= set(KeyEvaluation.objects.filter(pk__in=pending["evaluations"]).values_list("project_id", flat=True))
    if not everything and projects:
        found = list(Project.objects.filter(pk__in=projects).values_list(
            "pk", "unit_id", "unit__department_id", "unit__department__jurisdiction_id"))
        everything = len(found) < len(projects)  # a project deleted since: its scope cannot be told
        scopes |= {row[1:] for row in found}
    units -= {s[0] for s in scopes}
    if not everything and units:
        found_units = list(Unit.objects.filter(pk__in=units).values_list("pk", "department_id",
                                                                         "department__jurisdiction_id"))
        everything = len(found_units) < len(units)
        scopes |= set(found_units)
    if everything:
        names = [EVERYTHING]
    elif scopes:  # from the narrowest to the widest: whoever reads a wider one renewed finds the narrower renewed
        names = [*{f"u{u}" for u, _, _ in scopes}, *{f"d{d}" for _, d, _ in scopes},
                 *{f"j{j}" for _, _, j in scopes}, ALL]
    else:
        return
    for name in names:
        cache.set(PREFIX + name, _token(), None)


# --- the signals --------------------------------------------------------------------------------------------------


def _cached(instance: Any, name: str) -> Any:
    """The related object `name` of `instance` if it was read with it (no query), else None."""
    return instance._state.fields_cache.get(name)


def _note_project(project: Project) -> None:
    unit = _cached(project, "unit")
    department = _cached(unit, "department") if unit is not None else None
    if department is not None:
        _note("scopes", (unit.pk, department.pk, department.jurisdiction_id))
    else:
        _note("units", project.unit_id)


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # fixtures loaded as they are
        renew_everything()
        return
    if isinstance(instance, Project):
        if kwargs.get("signal") is post_delete:
            _note("gone", instance.pk)
        _note_project(instance)
    elif (project := _cached(instance, "project")) is not None:
        _note_project(project)
    elif getattr(instance, "project_id", None) is not None:
        _note("projects", instance.project_id)
    elif (evaluation := _cached(instance, "evaluation")) is not None:
        _note("projects", evaluation.project_id)
    elif getattr(instance, "evaluation_id", None) is not None:
        _note("evaluations", instance.evaluation_id)
    else:
        renew_everything()


def _wide(sender: Any, instance: Any, **kwargs: Any) -> None:
    renew_everything()


def _members(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        if isinstance(instance, KeyEvaluation):
            _note("projects", instance.project_id)
        else:  # a user's evaluations changed from the user's side
            renew_everything()


def connect() -> None:
    """Renew the stamps on every write of the models the figures read (called once, by StoreConfig.ready)."""
    for model in FIGURE_MODELS:
        post_save.connect(_changed, sender=model, dispatch_uid=f"stamps-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"stamps-delete-{model.__name__}")
    for model in WIDE_MODELS:
        post_save.connect(_wide, sender=model, dispatch_uid=f"stamps-save-{model.__name__}")
        post_delete.connect(_wide, sender=model, dispatch_uid=f"stamps-delete-{model.__name__}")
    m2m_changed.connect(_members, sender=KeyEvaluation.members.through, dispatch_uid="stamps-members")
