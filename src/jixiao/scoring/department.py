"""部门整体支出绩效 (SPEC §11): the ratios a department's own data decides, computed rather than typed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

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
