"""Jurisdiction profiles: every threshold of SPEC lives here, never as a constant in a rule.

A profile is a tree of frozen dataclasses whose defaults are the central rules. Each field carries
its Chinese documentation and SPEC basis in metadata, so `jixiao profile --explain` prints the keys.
TOML files override the defaults (see jixiao.profiles.load_profile).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


def _key(default: Any, doc: str, basis: str = "") -> Any:
    factory = (lambda: default) if isinstance(default, (dict, list, tuple)) else None
    meta = {"doc": doc, "basis": basis}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


D = Decimal

GRADE_NAMES = ("优", "良", "中", "差")


def grade_of(score: Decimal, excellent: Decimal, good: Decimal, fair: Decimal) -> str:
    """优/良/中/差 by three lower bounds (each inclusive): ≥ excellent 优, ≥ good 良, ≥ fair 中, else 差."""
    if score >= excellent:
        return "优"
    if score >= good:
        return "良"
    if score >= fair:
        return "中"
    return "差"


@dataclass(frozen=True)
class Grades:
    """评价等次：下限（含）。"""

    excellent: Decimal = _key(D(90), "“优”的最低分（含）", "SPEC §1.6")
    good: Decimal = _key(D(80), "“良”的最低分（含）", "SPEC §1.6")
    fair: Decimal = _key(D(60), "“中”的最低分（含）；低于此为“差”", "SPEC §1.6")

    def grade(self, total: Decimal) -> str:
        """优/良/中/差 for a total already rounded to 2 decimals (lower bounds inclusive)."""
        return grade_of(total, self.excellent, self.good, self.fair)


@dataclass(frozen=True)
class SelfEvalRules:
    execution_weight: Decimal = _key(D(10), "预算执行率分值", "SPEC §1.2/§1.3")
    output_weight: Decimal = _key(D(50), "产出指标分值", "SPEC §1.2")
    benefit_weight: Decimal = _key(D(30), "效益指标分值", "SPEC §1.2")
    satisfaction_weight: Decimal = _key(D(10), "满意度指标分值（无满意度指标时并入产出/效益）", "SPEC §1.2")
    achieved_band: tuple[Decimal, Decimal] = _key((D("0.8"), D("1.0")), "定性“达成”得分区间（占权重比例，下限含）", "SPEC §1.5")
    partial_band: tuple[Decimal, Decimal] = _key((D("0.6"), D("0.8")), "定性“部分达成”得分区间（下限含、上限不含）", "SPEC §1.5")
    not_achieved_band: tuple[Decimal, Decimal] = _key((D("0"), D("0.6")), "定性“未达成”得分区间（下限含、上限不含）", "SPEC §1.5")
    over_achievement_ratio: Decimal = _key(D("1.3"), "正向指标实际值/目标值达到此比例时须说明偏差原因", "SPEC §1.4 S7")
    strict_inequality: bool = _key(True, "“>”“<”是否严格：实际值恰等于目标值时提示未严格满足", "SPEC §1.4")
    score_tolerance: Decimal = _key(D("0.01"), "填报得分与规则得分的容差（分）", "SPEC §1.3")
    mu_square_metres: Decimal = _key(D(0), "1亩折合的平方米数；为0时亩与平方米不互相换算（报为不可比）", "SPEC §1.4")

    @property
    def indicator_total(self) -> Decimal:
        return self.output_weight + self.benefit_weight + self.satisfaction_weight


@dataclass(frozen=True)
class Tolerance:
    per_term: Decimal = _key(D("0.5"), "尾数误差：每个相加项允许的打印精度单位数", "SPEC §7.3")
    cap: Decimal = _key(D(5), "尾数误差上限（打印精度单位数）", "SPEC §7.3")


@dataclass(frozen=True)
class GoalRules:
    satisfaction_min: Decimal = _key(D(80), "满意度目标低于此值提示偏低（%）", "SPEC §3.4")
    satisfaction_max: Decimal = _key(D(98), "满意度目标高于此值提示偏高（%）", "SPEC §3.4")
    name_max_length: int = _key(30, "指标名称最大长度（字）", "SPEC §3.4")
    cost_budget_ratio_max: Decimal = _key(D("1.0"), "成本指标目标金额不得超过项目预算的倍数", "SPEC §3.4")
    cost_budget_ratio_min: Decimal = _key(D("0.5"), "成本指标目标金额低于项目预算此比例时提示不匹配", "SPEC §3.4")


@dataclass(frozen=True)
class MonitoringRules:
    period: str = _key("quarter", "监控周期：quarter（季度）、month（月）、central（1–7月集中监控）", "SPEC §4.3")
    central_round_months: int = _key(7, "集中监控（central）覆盖1月至第几月的数据（中央为1–7月）", "SPEC §4.3")
    checkpoints: dict[str, Decimal] = _key(
        {}, "执行进度检查点：{月份: 最低执行率%}，如四川 4→25, 6→40, 8→60, 10→80；期末月份已过的最近一个检查点适用",
        "SPEC §4.4 M1",
    )
    checkpoint_colour: str = _key("red", "执行率低于检查点时的预警颜色（red 红 / yellow 黄）", "SPEC §4.4 M1")
    lag_tolerance: Decimal = _key(D(10), "执行率落后时间进度超过此百分点即黄色预警", "SPEC §4.4")
    red_lag: Decimal = _key(D(20), "执行率落后时间进度超过此百分点为红色预警", "SPEC §4.4")
    gap_points: Decimal = _key(D(10), "目标完成进度与预算执行进度相差超过此百分点即预警", "SPEC §4.4 M1")
    overshoot_ratio: Decimal = _key(D("1.3"), "正向指标预计完成值（或已完成值）/目标值达到此比例提示目标设置偏低", "SPEC §1.4 S7")
    likelihood_colours: dict[str, str] = _key(
        {"确定能": "yellow", "有可能": "yellow", "完全不可能": "red"},
        "指标预计不能完成时，按单位判断的完成可能性给出的预警颜色", "SPEC §4.4 M2",
    )
    attainment_colours: dict[str, str] = _key(
        {"达成": "green", "部分达成": "yellow", "未达成": "red"},
        "定性指标预计完成等级对应的信号灯颜色", "SPEC §4.4",
    )


@dataclass(frozen=True)
class ReviewRules:
    """绩效目标审核评分等次（下限含）及其处理。"""

    excellent: Decimal = _key(D(90), "审核“优”下限", "SPEC §3.5")
    good: Decimal = _key(D(80), "审核“良”下限", "SPEC §3.5")
    fair: Decimal = _key(D(60), "审核“中”下限；低于此为“差”", "SPEC §3.5")
    consequences: dict[str, str] = _key(
        {
            "优": "直接进入预算安排",
            "良": "与单位沟通、对绩效目标稍作完善后进入预算安排",
            "中": "退回单位修改完善绩效目标后重新报送审核",
            "差": "不得进入预算安排",
        },
        "审核等次 → 处理", "SPEC §3.5（财预〔2015〕88号）",
    )

    def grade(self, score: Decimal) -> str:
        return grade_of(score, self.excellent, self.good, self.fair)


@dataclass(frozen=True)
class ExAnteRules:
    dimensions: dict[str, Decimal] = _key(
        {"立项必要性": D(20), "投入经济性": D(20), "绩效目标合理性": D(20), "实施方案可行性": D(20), "筹资合规性": D(20)},
        "事前评估五个维度及分值", "SPEC §5.2",
    )
    excellent: Decimal = _key(D(90), "事前评估“优”下限", "SPEC §5.2")
    good: Decimal = _key(D(80), "事前评估“良”下限", "SPEC §5.2")
    fair: Decimal = _key(D(60), "事前评估“中”下限；低于此为“差”", "SPEC §5.2")
    support_min: Decimal = _key(D(80), "得分不低于此值“支持”", "SPEC §5.2 P1")
    adjust_min: Decimal = _key(D(60), "得分不低于此值“调整后支持”，否则“不予支持”", "SPEC §5.2 P1")

    def grade(self, score: Decimal) -> str:
        return grade_of(score, self.excellent, self.good, self.fair)


@dataclass(frozen=True)
class ResultRules:
    actions: dict[str, str] = _key(
        {
            "优": "根据情况予以支持",
            "良": "根据情况予以支持",
            "中": "完善政策、改进管理，根据情况核减预算",
            "差": "完善政策、改进管理，根据情况核减预算",
        },
        "评价等次 → 下年预算处理", "SPEC §6.1（财预〔2020〕10号）",
    )
    max_cut_pct: dict[str, Decimal] = _key(
        {"优": D(0), "良": D(0)},
        "评价等次 → 下年预算最高扣减比例（%）；未列出的等次不设比例上限（视情况核减）", "SPEC §6.1 A1",
    )
    rectification_months: int = _key(2, "收到评价报告后整改反馈期限（月）", "SPEC §6.2")


@dataclass(frozen=True)
class KeyEvalRules:
    framework: dict[str, Decimal] = _key(
        {"决策/项目立项/立项依据充分性": D(4), "决策/项目立项/立项程序规范性": D(3), "决策/绩效目标/绩效目标合理性": D(3),
         "决策/绩效目标/绩效指标明确性": D(3), "决策/资金投入/预算编制科学性": D(4), "决策/资金投入/资金分配合理性": D(3),
         "过程/资金管理/资金到位率": D(3), "过程/资金管理/预算执行率": D(3), "过程/资金管理/资金使用合规性": D(7),
         "过程/组织实施/管理制度健全性": D(4), "过程/组织实施/制度执行有效性": D(3),
         "产出/产出数量/实际完成率": D(10), "产出/产出质量/质量达标率": D(10), "产出/产出时效/完成及时性": D(10),
         "产出/产出成本/成本节约率": D(10), "效益/项目效益/实施效益": D(10), "效益/项目效益/服务对象满意度": D(10)},
        "重点评价指标体系：{一级/二级/三级: 分值}，上级分值由下级合计；常见做法 决策20/过程20/产出40/效益20",
        "SPEC §2.1（财预〔2020〕10号附件1）",
    )
    department_framework: dict[str, Decimal] = _key(
        {"投入/目标设定/绩效目标合理性": D(5), "投入/目标设定/绩效指标明确性": D(5), "投入/预算配置/重点支出安排率": D(5),
         "投入/预算配置/三公经费变动率": D(5), "过程/预算执行/预算执行率": D(10), "过程/预算执行/预算调整率": D(5),
         "过程/预算执行/结转结余率": D(5), "过程/预算执行/公用经费控制率": D(5), "过程/预算执行/政府采购执行率": D(5),
         "过程/预算管理/资金使用合规性": D(5), "过程/预算管理/预决算信息公开性": D(5), "过程/资产管理/资产管理安全性": D(5),
         "产出/职责履行/实际完成率": D(10), "产出/职责履行/重点工作办结率": D(10),
         "效益/履职效益/社会效益": D(10), "效益/履职效益/服务对象满意度": D(5)},
        "部门整体支出评价指标体系：{一级/二级/三级: 分值}（投入/过程/产出/效益）", "SPEC §11",
    )


@dataclass(frozen=True)
class Profile:
    name: str = _key("central", "配置名称")
    title: str = _key("中央（默认）", "配置说明")
    grades: Grades = field(default_factory=Grades)
    selfeval: SelfEvalRules = field(default_factory=SelfEvalRules)
    tolerance: Tolerance = field(default_factory=Tolerance)
    goals: GoalRules = field(default_factory=GoalRules)
    monitoring: MonitoringRules = field(default_factory=MonitoringRules)
    review: ReviewRules = field(default_factory=ReviewRules)
    keyeval: KeyEvalRules = field(default_factory=KeyEvalRules)
    exante: ExAnteRules = field(default_factory=ExAnteRules)
    results: ResultRules = field(default_factory=ResultRules)


class ProfileError(ValueError):
    """A profile key that does not exist or a value of the wrong kind (message in Chinese)."""


def _convert(value: Any, default: Any, key: str) -> Any:
    try:
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise TypeError
            return value
        if isinstance(default, Decimal):
            if isinstance(value, bool):
                raise TypeError
            return Decimal(str(value))
        if isinstance(default, int):
            return int(value)
        if isinstance(default, str):
            return str(value)
        if isinstance(default, tuple):
            return tuple(Decimal(str(v)) for v in value)
        if isinstance(default, dict):
            sample = next(iter(default.values()), None)
            if isinstance(sample, Decimal) or (not default and key.endswith("checkpoints")):
                return {str(k): Decimal(str(v)) for k, v in value.items()}
            return {str(k): str(v) for k, v in value.items()}
    except (TypeError, ValueError, ArithmeticError, AttributeError) as exc:
        raise ProfileError(f"配置项 {key} 的值 {value!r} 类型不正确") from exc
    return value


def _build(cls: type[Any], data: Mapping[str, Any], prefix: str) -> Any:
    base = cls()
    known = {f.name: f for f in dataclasses.fields(cls)}
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise ProfileError(f"未知的配置项：{prefix}{key}")
        current = getattr(base, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, Mapping):
                raise ProfileError(f"配置项 {prefix}{key} 应为一个表")
            changes[key] = _build(type(current), value, f"{prefix}{key}.")
        else:
            changes[key] = _convert(value, current, f"{prefix}{key}")
    return dataclasses.replace(base, **changes)


def profile_from_mapping(data: Mapping[str, Any]) -> Profile:
    """Build a Profile from nested mappings (TOML), starting from the central defaults."""
    result: Profile = _build(Profile, data, "")
    return result


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge two nested mappings (override wins)."""
    out: dict[str, Any] = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def explain(profile: Profile) -> Iterator[tuple[str, Any, str, str]]:
    """(key, value, doc, basis) for every leaf key of the profile."""

    def walk(obj: Any, prefix: str) -> Iterator[tuple[str, Any, str, str]]:
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if dataclasses.is_dataclass(value):
                yield from walk(value, f"{prefix}{f.name}.")
            else:
                yield f"{prefix}{f.name}", value, f.metadata.get("doc", ""), f.metadata.get("basis", "")

    yield from walk(profile, "")
