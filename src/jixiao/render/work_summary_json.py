"""The facts file (JSON) that `jixiao report summary` reads. Amounts in 万元 (numbers or strings, at most two
decimals), scores as numbers; counts, sums, grades and rates are never given — they are computed.

Shape (only jurisdiction and year are required; every list may be empty or absent):
  {"jurisdiction": "青川县示范区", "year": 2024,
   "ex_ante":   [{"project", "unit", "investment", "requested", "approved", "score"}],
   "goal_review": {
      "basic":       [{"unit", "requested", "approved"}],
      "projects":    [{"project", "unit", "requested", "approved", "scores": [一审, 二审, …]}],
      "departments": [{"department", "score"}]},
   "monitoring": [{"project", "unit", "action": "budget_cut" | "recall" | "payment_hold", "amount"}],
   "evaluations": [{"name", "scope": "project" | "department", "amount", "score"}],
   "self_evaluations": [{"project", "amount", "score"}]}
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jixiao.core.money import WAN
from jixiao.core.work_summary import (
    BudgetRequest,
    DepartmentGoal,
    EvaluationRecord,
    EvaluationScope,
    ExAnteRecord,
    GoalReviewRecord,
    MonitoringAction,
    MonitoringRecord,
    SelfEvaluationRecord,
    WorkSummaryFacts,
)
from jixiao.render.json_input import read_json


class FactsError(ValueError):
    """A facts file that cannot be used, with the field named (Chinese)."""


def _number(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise FactsError(f"{where} 应为数字")
    if not str(value).strip():
        raise FactsError(f"{where} 的值为空，应填写数字")
    try:
        number = Decimal(str(value).replace(",", ""))
    except InvalidOperation as exc:
        raise FactsError(f"{where} 的值“{value}”不是数字") from exc
    if not number.is_finite():
        raise FactsError(f"{where} 的值“{value}”不是数字")
    return number


def _wan(value: Any, where: str) -> Decimal:
    number = _number(value, where)
    if number < 0:
        raise FactsError(f"{where} 的金额“{value}”不能为负数")
    if number.as_tuple().exponent < -2:  # type: ignore[operator]
        raise FactsError(f"{where} 的金额“{value}”最多两位小数（万元）")
    return number * WAN


def _score(value: Any, where: str) -> Decimal:
    number = _number(value, where)
    if not 0 <= number <= 100:
        raise FactsError(f"{where} 的得分“{value}”应在 0–100 之间")
    return number


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise FactsError(f"{where} 缺少 {key}")
    return value.strip()


def _items(data: dict[str, Any], key: str, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise FactsError(f"{where}{key} 应为列表")
    out = []
    for n, item in enumerate(value, start=1):
        label = f"{where}{key} 第 {n} 项"
        if not isinstance(item, dict):
            raise FactsError(f"{label} 应为对象")
        out.append((label, item))
    return out


def _choice(enum: type[Any], value: Any, where: str) -> Any:
    try:
        return enum(value)
    except ValueError as exc:
        allowed = "、".join(e.value for e in enum)
        raise FactsError(f"{where} 的值“{value}”应为 {allowed} 之一") from exc


def facts_from_mapping(data: Any) -> WorkSummaryFacts:
    if not isinstance(data, dict):
        raise FactsError("事实数据应为 JSON 对象")
    jurisdiction = _text(data, "jurisdiction", "事实数据")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        raise FactsError(f"year 应为年度整数，实为“{year}”")
    review = data.get("goal_review", {})
    if not isinstance(review, dict):
        raise FactsError("goal_review 应为对象")
    projects = []
    for where, item in _items(review, "projects", "goal_review."):
        scores = item.get("scores", [])
        if not isinstance(scores, list):
            raise FactsError(f"{where} 的 scores 应为列表（一审、二审……的得分）")
        projects.append(GoalReviewRecord(
            _text(item, "project", where), str(item.get("unit", "")), _wan(item.get("requested"), f"{where}.requested"),
            _wan(item.get("approved"), f"{where}.approved"),
            tuple(_score(s, f"{where}.scores[{i}]") for i, s in enumerate(scores))))
    return WorkSummaryFacts(
        jurisdiction=jurisdiction, year=year,
        ex_ante=tuple(ExAnteRecord(_text(i, "project", w), _text(i, "unit", w), _wan(i.get("investment", 0), f"{w}.investment"),
                                   _wan(i.get("requested"), f"{w}.requested"), _wan(i.get("approved"), f"{w}.approved"),
                                   _score(i.get("score"), f"{w}.score")) for w, i in _items(data, "ex_ante")),
        basic_requests=tuple(BudgetRequest(_text(i, "unit", w), _wan(i.get("requested"), f"{w}.requested"),
                                           _wan(i.get("approved"), f"{w}.approved"))
                             for w, i in _items(review, "basic", "goal_review.")),
        goal_reviews=tuple(projects),
        department_goals=tuple(DepartmentGoal(_text(i, "department", w), _score(i.get("score"), f"{w}.score"))
                               for w, i in _items(review, "departments", "goal_review.")),
        monitoring=tuple(MonitoringRecord(_text(i, "project", w), str(i.get("unit", "")),
                                          _choice(MonitoringAction, i.get("action"), f"{w}.action"),
                                          _wan(i.get("amount"), f"{w}.amount")) for w, i in _items(data, "monitoring")),
        evaluations=tuple(EvaluationRecord(_text(i, "name", w), _choice(EvaluationScope, i.get("scope", "project"),
                                                                         f"{w}.scope"),
                                           _wan(i.get("amount", 0), f"{w}.amount"), _score(i.get("score"), f"{w}.score"))
                          for w, i in _items(data, "evaluations")),
        self_evaluations=tuple(SelfEvaluationRecord(_text(i, "project", w), _wan(i.get("amount", 0), f"{w}.amount"),
                                                    _score(i.get("score"), f"{w}.score"))
                               for w, i in _items(data, "self_evaluations")),
        groundwork=str(data.get("groundwork", "")),
    )


def load_facts(path: Path) -> WorkSummaryFacts:
    return facts_from_mapping(read_json(path, FactsError))
