"""The ledger data file (JSON) that `jixiao report disclosure` reads; amounts in 万元 as strings or numbers.

Schema (all keys optional unless noted):
  department (required), year (required), unit_type,
  spending (required): [{function_code (7 digits), function_name, fund_type: general|fund|state_capital,
                         basic: bool, amount (万元), economic_code (5 digits, basic spending only)}],
  class_names, economic_names: {code: name}, initial_budget: {class code: 万元}, prior: {total|general|fund|class: 万元},
  sangong_budget / sangong_final / sangong_prior: {overseas, car_purchase, car_operation, reception} (万元),
  vehicles, vehicles_by_type: {name: n}, procurement: {goods, works, services} (万元), procurement_sme, admin_cost,
  opening_balance, closing_balance, projects: [{name, fund_type, executed (万元), grade}].
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jixiao.core.ledger import Ledger, ProjectResult, SangongItem, Spending
from jixiao.core.model import FundType
from jixiao.core.money import WAN
from jixiao.render.json_input import read_json


class LedgerError(ValueError):
    """A ledger file that cannot be used, with the field named (Chinese)."""


def _wan(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise LedgerError(f"{where} 的金额应为数字（万元）")
    if not str(value).strip():
        raise LedgerError(f"{where} 的金额为空，应填写数字")
    try:
        number = Decimal(str(value).replace(",", ""))
    except (InvalidOperation, ValueError) as exc:
        raise LedgerError(f"{where} 的金额“{value}”不是数字") from exc
    if not number.is_finite():
        raise LedgerError(f"{where} 的金额“{value}”不是数字")
    return number * WAN


def _object(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise LedgerError(f"{where} 应为 JSON 对象")
    return value


def _list(value: Any, where: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise LedgerError(f"{where} 应为对象列表")
    return value


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10**6:
        raise LedgerError(f"{where} 应为非负整数")
    return value


def _names(value: Any, where: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in _object(value, where).items()}


def _amounts(value: Any, where: str) -> dict[str, Decimal]:
    return {str(k): _wan(v, f"{where}.{k}") for k, v in _object(value, where).items()}


def _sangong(data: Any, where: str) -> SangongItem:
    data = _object(data, where)
    return SangongItem(**{k: _wan(data.get(k, 0), f"{where}.{k}") for k in
                          ("overseas", "car_purchase", "car_operation", "reception")})


def _fund(value: Any, where: str) -> FundType:
    try:
        return FundType(value)
    except ValueError as exc:
        raise LedgerError(f"{where} 的资金类型“{value}”应为 general、fund 或 state_capital") from exc


def load_ledger(path: Path) -> Ledger:
    """The ledger JSON file, or LedgerError naming the file and the field (Chinese)."""
    return ledger_from_mapping(read_json(path, LedgerError), path.name)


def ledger_from_mapping(data: Any, name: str = "台账") -> Ledger:
    """A ledger from parsed JSON; LedgerError naming `name` and the field."""
    if not isinstance(data, dict):
        raise LedgerError(f"{name} 应为 JSON 对象")
    for key in ("department", "year", "spending"):
        if key not in data:
            raise LedgerError(f"{name} 缺少必填项 {key}")
    year = data["year"]
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise LedgerError(f"{name} 的 year 应为年度整数，实为“{year}”")
    spending = []
    for n, item in enumerate(_list(data["spending"], "spending"), start=1):
        where = f"spending 第 {n} 项"
        code = str(item.get("function_code", ""))
        if len(code) != 7 or not code.isdigit():
            raise LedgerError(f"{where} 的功能分类代码“{code}”应为 7 位数字（项级科目）")
        spending.append(Spending(code, str(item.get("function_name", "")), _fund(item.get("fund_type", "general"), where),
                                 bool(item.get("basic", False)), _wan(item.get("amount", 0), where),
                                 str(item.get("economic_code", ""))))
    projects = []
    for n, p in enumerate(_list(data.get("projects"), "projects"), start=1):
        name = str(p.get("name", "")).strip()
        if not name:
            raise LedgerError(f"projects 第 {n} 项缺少 name")
        projects.append(ProjectResult(name, _fund(p.get("fund_type", "general"), f"projects.{name}"),
                                      _wan(p.get("executed", 0), f"projects.{name}"), str(p.get("grade", ""))))
    return Ledger(
        department=str(data["department"]), year=year, unit_type=str(data.get("unit_type", "")),
        spending=tuple(spending), class_names=_names(data.get("class_names"), "class_names"),
        economic_names=_names(data.get("economic_names"), "economic_names"),
        other_income=_amounts(data.get("other_income"), "other_income"),
        opening_balance=_wan(data.get("opening_balance", 0), "opening_balance"),
        closing_balance=_wan(data.get("closing_balance", 0), "closing_balance"),
        initial_budget=_amounts(data.get("initial_budget"), "initial_budget"),
        prior=_amounts(data.get("prior"), "prior"),
        sangong_budget=_sangong(data.get("sangong_budget"), "sangong_budget"),
        sangong_final=_sangong(data.get("sangong_final"), "sangong_final"),
        sangong_prior=_sangong(data["sangong_prior"], "sangong_prior") if "sangong_prior" in data else None,
        vehicles=_count(data.get("vehicles", 0), "vehicles"),
        vehicles_by_type={str(k): _count(v, f"vehicles_by_type.{k}")
                          for k, v in _object(data.get("vehicles_by_type"), "vehicles_by_type").items()},
        procurement=_amounts(data.get("procurement"), "procurement"),
        procurement_sme=_wan(data.get("procurement_sme", 0), "procurement_sme"),
        admin_cost=_wan(data.get("admin_cost", 0), "admin_cost"),
        projects=tuple(projects),
    )
