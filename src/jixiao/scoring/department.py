"""部门整体支出绩效 (SPEC §11): the ratios a department's own data decides, computed rather than typed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.core.ledger import Ledger
from jixiao.core.model import FundType
from jixiao.scoring.numbers import percent

ZERO = Decimal(0)


@dataclass(frozen=True)
class DepartmentRatios:
    initial: Decimal  # Σ 年初预算数
    adjusted: Decimal  # Σ 全年预算数
    executed: Decimal  # Σ 全年执行数
    execution_rate: Decimal | None  # 预算执行率 = 执行数 / 全年预算数, %
    adjustment_rate: Decimal | None  # 预算调整率 = (全年预算数 − 年初预算数) / 年初预算数, %
    carryover: Decimal  # 结转结余 = 全年预算数 − 执行数
    carryover_rate: Decimal | None  # 结转结余率 = 结转结余 / 全年预算数, %


def department_ratios(lines: list[tuple[Decimal, Decimal, Decimal]]) -> DepartmentRatios:
    """From each project's (initial, adjusted, executed) in yuan."""
    initial = sum((i for i, _, _ in lines), ZERO)
    adjusted = sum((a for _, a, _ in lines), ZERO)
    executed = sum((e for _, _, e in lines), ZERO)
    carryover = adjusted - executed
    return DepartmentRatios(initial, adjusted, executed, percent(executed, adjusted),
                            percent(adjusted - initial, initial), carryover, percent(carryover, adjusted))


@dataclass(frozen=True)
class LedgerRatios:
    """The department-wide ratios its 决算 ledger decides (SPEC §11, §7.4)."""

    sangong_budget: Decimal
    sangong_final: Decimal
    sangong_control: Decimal | None  # “三公”经费控制率 = 决算 / 预算, %
    sangong_change: Decimal | None  # “三公”经费变动率 = (本年 − 上年) / 上年, %
    public_funds: Decimal  # 公用经费 = 基本支出中的商品和服务支出(302)与资本性支出(310)
    general_spending: Decimal  # 一般公共预算财政拨款支出
    initial_completion: Decimal | None  # 完成年初预算 = 一般公共预算支出 / 年初预算, %
    procurement: Decimal  # 政府采购支出
    procurement_sme_share: Decimal | None  # 授予中小企业合同金额占比, %
    carryover_rate: Decimal | None  # 年末结转结余 / 本年支出, %


def ledger_ratios(ledger: Ledger) -> LedgerRatios:
    spent = sum((s.amount for s in ledger.spending), ZERO)
    general = sum((s.amount for s in ledger.spending if s.fund_type is FundType.GENERAL), ZERO)
    public = sum((s.amount for s in ledger.spending if s.basic and s.economic_code[:3] in ("302", "310")), ZERO)
    procurement = sum(ledger.procurement.values(), ZERO)
    prior = ledger.sangong_prior.total if ledger.sangong_prior is not None else ZERO
    return LedgerRatios(
        ledger.sangong_budget.total, ledger.sangong_final.total,
        percent(ledger.sangong_final.total, ledger.sangong_budget.total),
        percent(ledger.sangong_final.total - prior, prior), public, general,
        percent(general, sum(ledger.initial_budget.values(), ZERO)), procurement,
        percent(ledger.procurement_sme, procurement), percent(ledger.closing_balance, spent))
