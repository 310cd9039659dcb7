"""Seeded synthetic jurisdictions for the batch engine: departments → units → projects with budgets, indicator
trees, reported self-evaluation scores and a configurable rate of planted faults (each recorded in `faults`).

Scores are reported honestly (by the rules, in integer hundredths) except where a fault is planted, so the
audit's recall and its silence on clean data can both be measured. Output: Parquet files projects.parquet,
indicators.parquet, faults.parquet in a folder, written in chunks so that 10⁶ projects fit in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

# Indicator templates per block: (level1, level2, operator, unit, kind)
TEMPLATES = [
    ("产出指标", "数量指标", "≥", "个", "quant"), ("产出指标", "数量指标", "=", "人", "quant"),
    ("产出指标", "质量指标", "=", "%", "quant"), ("产出指标", "时效指标", "定性", "", "qual"),
    ("产出指标", "成本指标", "≤", "万元", "quant"), ("效益指标", "社会效益", "定性", "", "qual"),
    ("效益指标", "经济效益", ">", "%", "quant"), ("效益指标", "可持续影响", "定性", "", "qual"),
    ("满意度指标", "服务对象满意度", "≥", "%", "quant"),
]
OUTPUT = [0, 1, 2, 3, 4]
BENEFIT = [5, 6, 7]
FAULT_KINDS = ("selfeval.s1_execution_score", "selfeval.s2_quantitative_score", "selfeval.s6_qualitative_band",
               "selfeval.s8_score_above_weight", "selfeval.s9_weight_total", "selfeval.s10_total_parts",
               "selfeval.s10_grade_band", "selfeval.carryover")
ATTAINMENTS = np.array(["达成", "部分达成", "未达成"])
GRADES = np.array(["差", "中", "良", "优"])


@dataclass(frozen=True)
class Spec:
    projects: int
    seed: int = 1
    fault_rate: float = 0.05
    departments: int = 0  # 0: about one per 200 projects
    # The budget-execution points each project's form establishes, drawn evenly (None: the form prints none, the
    # profile's convention applies). A form of 15 points has indicators of 85 (5 fewer for the first 产出 row): its
    # 产出 block is then below the profile's, which both engines report (selfeval.s9_block_weight).
    execution_points: tuple[int | None, ...] = (None, None, 10)

    @property
    def department_count(self) -> int:
        return self.departments or max(1, self.projects // 200)


def half_up_div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """round_half_up(num / den) for non-negative integers."""
    return (2 * num + den) // (2 * den)


def _weights(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Template index and weight (hundredths) of each of 9 slots: 产出 50 over 5, 效益 30 over 3, 满意度 10."""
    output = rng.choice(np.array([[1000, 1000, 1000, 1000, 1000], [2000, 1000, 1000, 500, 500],
                                  [1500, 1000, 1000, 1000, 500]]), size=n)
    benefit = rng.choice(np.array([[1000, 1000, 1000], [1500, 1000, 500], [1000, 500, 1500]]), size=n)
    satisfaction = np.full((n, 1), 1000)
    return np.arange(9), np.hstack([output, benefit, satisfaction])


def _chunk(spec: Spec, start: int, size: int, rng: np.random.Generator) -> tuple[pl.DataFrame, pl.DataFrame,
                                                                                 pl.DataFrame]:
    ids = np.arange(start, start + size, dtype=np.int64)
    dept = (ids % spec.department_count).astype(np.int32)
    unit = (dept * 10 + (ids // spec.department_count) % 7).astype(np.int32)
    initial = rng.integers(5, 5000, size) * 10_000_00  # fen: 5万 … 5000万
    adjusted = (initial * rng.choice([100, 100, 100, 95, 90], size) // 100).astype(np.int64)
    executed = (adjusted * rng.choice([100, 100, 98, 90, 75, 60], size) // 100).astype(np.int64)

    slots, weight = _weights(rng, size)
    # drawn from their own stream, so that the other columns do not depend on the choice of points
    points_rng = np.random.default_rng([spec.seed, start])
    printed = np.array([-1 if p is None else p * 100 for p in spec.execution_points], dtype=np.int64)[
        points_rng.integers(0, len(spec.execution_points), size)]
    points100 = np.where(printed < 0, 1000, printed)  # the central profile's 10 where none is printed
    weight[:, 0] -= np.maximum(points100 - 1000, 0)  # the indicators take what the execution part leaves of 100
    n_ind = size * 9
    project_id = np.repeat(ids, 9)
    template = np.tile(slots, size)
    weight100 = weight.reshape(-1).astype(np.int64)
    kind = np.array([t[4] for t in TEMPLATES])[template]
    operator = np.array([t[2] for t in TEMPLATES])[template]
    quant = kind == "quant"
    lower = np.isin(operator, ["≤", "<"])
    target100 = rng.integers(1, 500, n_ind).astype(np.int64) * 100
    target100 = np.where(np.array([t[3] for t in TEMPLATES])[template] == "%", rng.choice([8000, 9000, 9500, 10000],
                                                                                         n_ind), target100)
    ratio = rng.choice([100, 100, 100, 100, 96, 80, 120, 135], n_ind)
    ratio = np.where((operator == ">") & (ratio == 100), 105, ratio)  # '>' met strictly on clean data
    actual100 = np.where(lower, target100 * rng.choice([100, 90, 110, 150, 210], n_ind) // 100,
                         target100 * ratio // 100)
    att_index = rng.choice([0, 0, 0, 1, 2], n_ind)
    attainment = np.where(quant, "", ATTAINMENTS[att_index])  # "" for quantitative rows

    # Honest scores by the rules (integer hundredths, ROUND_HALF_UP).
    x = np.maximum(actual100, 0)
    t = np.maximum(target100, 1)
    higher = np.where(x >= t, weight100, half_up_div(x * weight100, t))
    lowered = np.where(x <= t, weight100, np.where(x >= 2 * t, 0, half_up_div((2 * t - x) * weight100, t)))
    band_low = half_up_div(weight100 * np.array([80, 60, 0])[att_index], np.full(n_ind, 100))
    qual_score = np.where(att_index == 0, weight100, band_low)
    score = np.where(quant, np.where(lower, lowered, higher), qual_score)
    over = quant & ~lower & (x * 10 >= t * 13)
    has_reason = (score < weight100) | over

    exec_score = np.where(adjusted > 0, half_up_div(np.minimum(executed, adjusted) * points100, np.maximum(adjusted, 1)),
                          0)
    ind_sum = score.reshape(size, 9).sum(axis=1)
    total = exec_score + ind_sum
    grade_index = (total >= 6000).astype(int) + (total >= 8000) + (total >= 9000)
    projects = {
        "project_id": ids, "department_id": dept, "unit_id": unit, "initial_fen": initial, "adjusted_fen": adjusted,
        "executed_fen": executed, "carryover_fen": adjusted - executed, "rep_exec_score": exec_score.astype(np.int64),
        "rep_ind_score": ind_sum.astype(np.int64), "rep_total": total.astype(np.int64), "rep_grade": GRADES[grade_index],
        "exec_points100": pl.Series(printed, dtype=pl.Int64).set(pl.Series(printed < 0), None),
    }
    indicators = {
        "project_id": project_id, "seq": np.tile(np.arange(9, dtype=np.int16), size),
        "level1": np.array([t[0] for t in TEMPLATES])[template], "level2": np.array([t[1] for t in TEMPLATES])[template],
        "operator": operator, "unit": np.array([t[3] for t in TEMPLATES])[template], "kind": kind,
        "target100": np.where(quant, target100, 0), "actual100": np.where(quant, actual100, 0),
        "attainment": attainment, "weight100": weight100, "rep_score100": score.astype(np.int64),
        "has_reason": has_reason,
        # yuan per 万元 on the 成本 rows (money spent), NULL elsewhere
        "spend_scale": pl.Series(np.where(template == 4, 10_000, 0), dtype=pl.Int64).set(
            pl.Series(template != 4), None),
    }
    faults = _plant(spec, rng, projects, indicators, size)
    return (pl.DataFrame(projects), pl.DataFrame(indicators),
            pl.DataFrame(faults, schema={"project_id": pl.Int64, "seq": pl.Int16, "rule": pl.Utf8}))


def _plant(spec: Spec, rng: np.random.Generator, projects: dict[str, np.ndarray], indicators: dict[str, np.ndarray],
           size: int) -> dict[str, list[object]]:
    faults: dict[str, list[object]] = {"project_id": [], "seq": [], "rule": []}
    chosen = np.flatnonzero(rng.random(size) < spec.fault_rate)
    kinds = rng.integers(0, len(FAULT_KINDS), chosen.size)
    for p, k in zip(chosen, kinds, strict=True):
        rule = FAULT_KINDS[k]
        base = p * 9
        seq = -1
        if rule == "selfeval.s1_execution_score":
            points = projects["exec_points100"][int(p)]
            projects["rep_exec_score"][p] = (projects["rep_exec_score"][p] + 150) % ((points or 1000) + 1)
        elif rule == "selfeval.s2_quantitative_score":
            seq = int(rng.choice([0, 1, 2, 4, 8]))
            i = base + seq
            indicators["rep_score100"][i] = indicators["rep_score100"][i] // 2 if indicators["rep_score100"][i] else 300
        elif rule == "selfeval.s6_qualitative_band":
            seq = int(rng.choice([3, 5, 7]))
            i = base + seq
            w = indicators["weight100"][i]
            indicators["rep_score100"][i] = w // 4 if indicators["attainment"][i] != "未达成" else w
        elif rule == "selfeval.s8_score_above_weight":
            seq = 8
            indicators["rep_score100"][base + seq] = indicators["weight100"][base + seq] + 200
        elif rule == "selfeval.s9_weight_total":
            seq = 0
            indicators["weight100"][base] += 500
        elif rule == "selfeval.s10_total_parts":
            projects["rep_total"][p] += 300
            continue_grade = projects["rep_total"][p]
            projects["rep_grade"][p] = GRADES[int(continue_grade >= 6000) + int(continue_grade >= 8000)
                                              + int(continue_grade >= 9000)]
        elif rule == "selfeval.s10_grade_band":
            current = list(GRADES).index(projects["rep_grade"][p])
            projects["rep_grade"][p] = GRADES[(current + 2) % 4]
        elif rule == "selfeval.carryover":
            projects["carryover_fen"][p] += 100
        if rule in ("selfeval.s2_quantitative_score", "selfeval.s6_qualitative_band", "selfeval.s8_score_above_weight"):
            row_sum = indicators["rep_score100"][base:base + 9].sum()
            projects["rep_ind_score"][p] = row_sum
            projects["rep_total"][p] = projects["rep_exec_score"][p] + row_sum
            t = projects["rep_total"][p]
            projects["rep_grade"][p] = GRADES[int(t >= 6000) + int(t >= 8000) + int(t >= 9000)]
        faults["project_id"].append(int(projects["project_id"][p]))
        faults["seq"].append(seq)
        faults["rule"].append(rule)
    return faults


def generate(spec: Spec, out: Path, chunk: int = 200_000, progress: Callable[[int], None] | None = None) -> Path:
    """Write projects/indicators/faults Parquet (one file per chunk) under `out`; deterministic from spec.seed."""
    for name in ("projects", "indicators", "faults"):
        (out / name).mkdir(parents=True, exist_ok=True)
        for old in (out / name).glob("*.parquet"):
            old.unlink()
    rng = np.random.default_rng(spec.seed)
    for number, start in enumerate(range(0, spec.projects, chunk)):
        size = min(chunk, spec.projects - start)
        projects, indicators, faults = _chunk(spec, start, size, rng)
        projects.write_parquet(out / "projects" / f"part-{number:04d}.parquet")
        indicators.write_parquet(out / "indicators" / f"part-{number:04d}.parquet")
        faults.write_parquet(out / "faults" / f"part-{number:04d}.parquet")
        if progress is not None:
            progress(size)
    return out
