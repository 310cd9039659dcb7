"""Ledger-level data of a department's year, from which the 决算公开 tables and narrative are computed.

Amounts are Decimal yuan. Nothing here is a printed total: every table figure is derived from these records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.model import FundType

INCOME_SOURCES = ("fiscal_general", "fiscal_fund", "fiscal_state_capital", "upper", "business", "operating",
                  "subsidiary", "other")


@dataclass(frozen=True)
class Spending:
    """One ledger line: spending under a 7-digit function code, by budget type, basic or project."""

    function_code: str  # 7 digits (项)
    function_name: str
    fund_type: FundType
    basic: bool  # 基本支出 (True) or 项目支出
    amount: Decimal
    economic_code: str = ""  # 5 digits (款) for 基本支出, used by 公开06


@dataclass(frozen=True)
class SangongItem:
    """“三公”经费: budget and final per item; prior year's final for the comparison."""

    overseas: Decimal = Decimal(0)
    car_purchase: Decimal = Decimal(0)
    car_operation: Decimal = Decimal(0)
    reception: Decimal = Decimal(0)

    @property
    def car(self) -> Decimal:
        return self.car_purchase + self.car_operation

    @property
    def total(self) -> Decimal:
        return self.overseas + self.car + self.reception


@dataclass(frozen=True)
class ProjectResult:
    """A self-evaluated project, as the 预算绩效情况说明 counts it."""

    name: str
    fund_type: FundType
    executed: Decimal
    grade: str


@dataclass(frozen=True)
class Ledger:
    department: str
    year: int
    unit_type: str  # 行政单位 / 参照公务员法管理事业单位 / 全额事业单位 …
    spending: tuple[Spending, ...]
    class_names: dict[str, str] = field(default_factory=dict)  # 3/5-digit code → name
    economic_names: dict[str, str] = field(default_factory=dict)  # 3/5-digit economic code → name
    other_income: dict[str, Decimal] = field(default_factory=dict)  # upper/business/operating/subsidiary/other
    opening_balance: Decimal = Decimal(0)  # 年初结转和结余
    closing_balance: Decimal = Decimal(0)  # 年末结转和结余
    initial_budget: dict[str, Decimal] = field(default_factory=dict)  # 3-digit class → 年初预算 (一般公共预算)
    prior: dict[str, Decimal] = field(default_factory=dict)  # prior-year finals: 'total', 'general', 'fund', class codes
    sangong_budget: SangongItem = field(default_factory=SangongItem)
    sangong_final: SangongItem = field(default_factory=SangongItem)
    sangong_prior: SangongItem | None = None
    vehicles: int = 0  # 公务用车保有量 = 车辆数
    vehicles_by_type: dict[str, int] = field(default_factory=dict)
    procurement: dict[str, Decimal] = field(default_factory=dict)  # goods/works/services
    procurement_sme: Decimal = Decimal(0)  # 授予中小企业合同金额
    admin_cost: Decimal = Decimal(0)  # 机关运行经费
    projects: tuple[ProjectResult, ...] = ()
