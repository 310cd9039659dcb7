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

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jixiao.core.ledger import Ledger, ProjectResult, SangongItem, Spending
from jixiao.core.model import FundType
from jixiao.core.money import WAN


class LedgerError(ValueError):
    """A ledger file that cannot be used, with the field named (Chinese)."""


def _wan(value: Any, where: str) -> Decimal:
    try:
        return Decimal(str(value).replace(",", "")) * WAN
    except (InvalidOperation, ValueError) as exc:
        raise LedgerError(f"{where} 的金额“{value}”不是数字") from exc


def _sangong(data: dict[str, Any] | None, where: str) -> SangongItem:
    data = data or {}
    return SangongItem(**{k: _wan(data.get(k, 0), f"{where}.{k}") for k in
                          ("overseas", "car_purchase", "car_operation", "reception")})


def _fund(value: str, where: str) -> FundType:
    try:
        return FundType(value)
    except ValueError as exc:
        raise LedgerError(f"{where} 的资金类型“{value}”应为 general、fund 或 state_capital") from exc


def load_ledger(path: Path) -> Ledger:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LedgerError(f"无法读取 {path.name}：{exc}") from exc
    except json.JSONDecodeError as exc:
        raise LedgerError(f"{path.name} 第 {exc.lineno} 行第 {exc.colno} 列 JSON 格式错误") from exc
    for key in ("department", "year", "spending"):
        if key not in data:
            raise LedgerError(f"{path.name} 缺少必填项 {key}")
    spending = []
    for n, item in enumerate(data["spending"], start=1):
        where = f"spending 第 {n} 项"
        code = str(item.get("function_code", ""))
        if len(code) != 7 or not code.isdigit():
            raise LedgerError(f"{where} 的功能分类代码“{code}”应为 7 位数字（项级科目）")
        spending.append(Spending(code, str(item.get("function_name", "")), _fund(item.get("fund_type", "general"), where),
                                 bool(item.get("basic", False)), _wan(item.get("amount", 0), where),
                                 str(item.get("economic_code", ""))))
    return Ledger(
        department=str(data["department"]), year=int(data["year"]), unit_type=str(data.get("unit_type", "")),
        spending=tuple(spending), class_names=data.get("class_names", {}),
        economic_names=data.get("economic_names", {}),
        other_income={k: _wan(v, f"other_income.{k}") for k, v in data.get("other_income", {}).items()},
        opening_balance=_wan(data.get("opening_balance", 0), "opening_balance"),
        closing_balance=_wan(data.get("closing_balance", 0), "closing_balance"),
        initial_budget={k: _wan(v, f"initial_budget.{k}") for k, v in data.get("initial_budget", {}).items()},
        prior={k: _wan(v, f"prior.{k}") for k, v in data.get("prior", {}).items()},
        sangong_budget=_sangong(data.get("sangong_budget"), "sangong_budget"),
        sangong_final=_sangong(data.get("sangong_final"), "sangong_final"),
        sangong_prior=_sangong(data["sangong_prior"], "sangong_prior") if "sangong_prior" in data else None,
        vehicles=int(data.get("vehicles", 0)), vehicles_by_type=data.get("vehicles_by_type", {}),
        procurement={k: _wan(v, f"procurement.{k}") for k, v in data.get("procurement", {}).items()},
        procurement_sme=_wan(data.get("procurement_sme", 0), "procurement_sme"),
        admin_cost=_wan(data.get("admin_cost", 0), "admin_cost"),
        projects=tuple(ProjectResult(str(p["name"]), _fund(p.get("fund_type", "general"), f"projects.{p['name']}"),
                                     _wan(p.get("executed", 0), f"projects.{p['name']}"), str(p.get("grade", "")))
                       for p in data.get("projects", [])),
    )
