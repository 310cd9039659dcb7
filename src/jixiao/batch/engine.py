"""The self-evaluation scoring rules and numeric audit rules over columnar tables, as one SQL query.

The query is written once (DuckDB dialect) with the profile's thresholds bound in, and transpiled by sqlglot for
PostgreSQL, so the same rules run on Parquet in DuckDB and inside the production database. All arithmetic is
in integer hundredths (fen for money) with ROUND_HALF_UP as floor((2·n + d) / 2d), which equals the
per-document engine's Decimal results exactly; tests/batch proves it finding for finding on random data.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jixiao.core.profile import Profile

# Rules of jixiao.scoring.selfeval / jixiao.audit.rules.selfeval that the batch engine computes.
BATCH_RULES = (
    "selfeval.s1_execution_score", "selfeval.s1_zero_budget", "selfeval.s1_over_budget",
    "selfeval.s2_quantitative_score", "selfeval.s2_strict_bound", "selfeval.s6_qualitative_band",
    "selfeval.s7_over_achievement", "selfeval.s8_reason_required", "selfeval.s8_score_above_weight",
    "selfeval.s9_weight_total", "selfeval.s9_block_weight", "selfeval.s10_indicator_sum", "selfeval.s10_total_parts",
    "selfeval.s10_grade_band", "selfeval.s10_grade_by_rules", "selfeval.carryover",
)


def _h(value: Decimal) -> int:
    """A profile number in hundredths."""
    return int(value * 100)


def _grade_sql(column: str, profile: Profile) -> str:
    g = profile.grades
    return (f"CASE WHEN {column} >= {_h(g.excellent)} THEN '优' WHEN {column} >= {_h(g.good)} THEN '良' "
            f"WHEN {column} >= {_h(g.fair)} THEN '中' ELSE '差' END")


def _half_up(num: str, den: str) -> str:
    return f"((2 * ({num}) + ({den})) // (2 * ({den})))"


@dataclass(frozen=True)
class Tables:
    projects: str
    indicators: str


def findings_sql(profile: Profile, tables: Tables) -> str:
    """One query returning (project_id, seq, rule, tier, expected, actual) for every batch rule (hundredths)."""
    r = profile.selfeval
    w_exec = _h(r.execution_weight)
    tol = _h(r.score_tolerance)
    ach_lo, ach_hi = (_h(f) for f in r.achieved_band)
    par_lo, par_hi = (_h(f) for f in r.partial_band)
    not_lo, not_hi = (_h(f) for f in r.not_achieved_band)
    over = _h(r.over_achievement_ratio)
    blocks = {"产出指标": _h(r.output_weight), "效益指标": _h(r.benefit_weight), "满意度指标": _h(r.satisfaction_weight)}
    total_w = sum(blocks.values())
    band_lo = (f"CASE attainment WHEN '达成' THEN {_half_up(f'weight100 * {ach_lo}', '100')} "
               f"WHEN '部分达成' THEN {_half_up(f'weight100 * {par_lo}', '100')} "
               f"ELSE {_half_up(f'weight100 * {not_lo}', '100')} END")
    band_hi = (f"CASE attainment WHEN '达成' THEN {_half_up(f'weight100 * {ach_hi}', '100')} "
               f"WHEN '部分达成' THEN {_half_up(f'weight100 * {par_hi}', '100')} "
               f"ELSE {_half_up(f'weight100 * {not_hi}', '100')} END")
    top = f"(attainment = '达成' AND {ach_hi} >= 100)"
    in_band = f"(rep_score100 >= lo AND (rep_score100 < hi OR ({top} AND rep_score100 <= hi)))"
    nearest = (f"CASE WHEN {in_band} THEN rep_score100 WHEN rep_score100 < lo THEN lo "
               f"WHEN {top} THEN hi ELSE GREATEST(lo, hi - 1) END")
    x = "GREATEST(actual100, 0)"
    quant_score = (
        f"CASE WHEN operator IN ('≤', '<') THEN "
        f"  CASE WHEN target100 <= 0 THEN CASE WHEN {x} <= 0 THEN weight100 ELSE 0 END "
        f"       WHEN {x} <= target100 THEN weight100 WHEN {x} >= 2 * target100 THEN 0 "
        f"       ELSE {_half_up(f'(2 * target100 - {x}) * weight100', 'target100')} END "
        f"ELSE CASE WHEN target100 <= 0 THEN CASE WHEN {x} <= 0 THEN weight100 ELSE 0 END "
        f"       WHEN {x} >= target100 THEN weight100 ELSE {_half_up(f'{x} * weight100', 'target100')} END END"
    )
    block_checks = " UNION ALL ".join(
        f"SELECT project_id, CAST(-1 AS INTEGER) AS seq, 'selfeval.s9_block_weight' AS rule, 'warning' AS tier, "
        f"{want} AS expected, got AS actual FROM (SELECT b.project_id, COALESCE(SUM(CASE WHEN i.level1 = '{name}' THEN "
        f"i.weight100 END), 0) AS got, MAX(has_sat) AS has_sat, MAX(total_w) AS total_w FROM block_flags b "
        f"JOIN {tables.indicators} i ON i.project_id = b.project_id GROUP BY b.project_id) x "
        f"WHERE has_sat = 1 AND got <> {want}"
        for name, want in blocks.items()
    )
    return f"""
WITH p AS (
  SELECT *, CASE WHEN adjusted_fen <= 0 THEN 0
           ELSE {_half_up(f'LEAST(executed_fen, adjusted_fen) * {w_exec}', 'adjusted_fen')} END AS exec_score
  FROM {tables.projects}
), i AS (
  SELECT *, CASE WHEN kind = 'quant' THEN {quant_score} END AS score100,
         CASE WHEN kind = 'qual' THEN {band_lo} END AS lo, CASE WHEN kind = 'qual' THEN {band_hi} END AS hi
  FROM {tables.indicators}
), ic AS (
  SELECT *, CASE WHEN kind = 'quant' THEN score100 ELSE {nearest} END AS counted,
         COALESCE(rep_score100, CASE WHEN kind = 'quant' THEN score100 END) AS effective
  FROM i
), agg AS (
  SELECT project_id, SUM(counted) AS counted_sum, SUM(weight100) AS weight_sum, SUM(rep_score100) AS rep_sum,
         MAX(CASE WHEN level1 = '满意度指标' THEN 1 ELSE 0 END) AS has_sat,
         SUM(CASE WHEN level1 IN ('产出指标', '效益指标') THEN weight100 ELSE 0 END) AS ob_weight
  FROM ic GROUP BY project_id
), block_flags AS (
  SELECT project_id, has_sat, weight_sum AS total_w FROM agg
), pa AS (
  SELECT p.*, a.counted_sum, a.weight_sum, a.rep_sum, a.has_sat, a.ob_weight,
         {_grade_sql('p.rep_total', profile)} AS band_of_reported,
         {_grade_sql('p.exec_score + a.counted_sum', profile)} AS rules_grade
  FROM p JOIN agg a ON a.project_id = p.project_id
)
SELECT project_id, CAST(-1 AS INTEGER) AS seq, 'selfeval.s1_execution_score' AS rule, 'error' AS tier,
       exec_score AS expected, rep_exec_score AS actual FROM pa WHERE ABS(rep_exec_score - exec_score) > {tol}
UNION ALL SELECT project_id, -1, 'selfeval.s1_zero_budget', 'warning', NULL, adjusted_fen FROM pa WHERE adjusted_fen <= 0
UNION ALL SELECT project_id, -1, 'selfeval.s1_over_budget', 'warning', adjusted_fen, executed_fen FROM pa
  WHERE adjusted_fen > 0 AND executed_fen > adjusted_fen
UNION ALL SELECT project_id, -1, 'selfeval.carryover', 'error', adjusted_fen - executed_fen, carryover_fen FROM pa
  WHERE carryover_fen <> adjusted_fen - executed_fen
UNION ALL SELECT project_id, seq, 'selfeval.s8_score_above_weight', 'error', weight100, rep_score100 FROM ic
  WHERE rep_score100 > weight100
UNION ALL SELECT project_id, seq, 'selfeval.s2_quantitative_score', 'error', score100, rep_score100 FROM ic
  WHERE kind = 'quant' AND ABS(rep_score100 - score100) > {tol}
UNION ALL SELECT project_id, seq, 'selfeval.s2_strict_bound', 'notice', NULL, NULL FROM ic
  WHERE kind = 'quant' AND operator IN ('>', '<') AND actual100 = target100 AND {1 if r.strict_inequality else 0} = 1
UNION ALL SELECT project_id, seq, 'selfeval.s7_over_achievement', 'warning', target100, actual100 FROM ic
  WHERE kind = 'quant' AND operator IN ('≥', '>', '=') AND target100 > 0 AND {x} * 100 >= target100 * {over}
    AND NOT has_reason
UNION ALL SELECT project_id, seq, 'selfeval.s6_qualitative_band', 'error', NULL, rep_score100 FROM ic
  WHERE kind = 'qual' AND NOT {in_band}
UNION ALL SELECT project_id, seq, 'selfeval.s8_reason_required', 'warning', weight100, effective FROM ic
  WHERE effective < weight100 AND NOT has_reason
UNION ALL SELECT project_id, -1, 'selfeval.s9_weight_total', 'error', {total_w}, weight_sum FROM pa
  WHERE weight_sum <> {total_w}
UNION ALL {block_checks}
UNION ALL SELECT project_id, -1, 'selfeval.s9_block_weight', 'warning', {total_w}, ob_weight FROM pa
  WHERE has_sat = 0 AND ob_weight <> {total_w} AND weight_sum = {total_w}
UNION ALL SELECT project_id, -1, 'selfeval.s10_indicator_sum', 'error', rep_sum, rep_ind_score FROM pa
  WHERE ABS(rep_sum - rep_ind_score) > {tol}
UNION ALL SELECT project_id, -1, 'selfeval.s10_total_parts', 'error', rep_exec_score + rep_ind_score, rep_total FROM pa
  WHERE ABS(rep_exec_score + rep_ind_score - rep_total) > {tol}
UNION ALL SELECT project_id, -1, 'selfeval.s10_grade_band', 'error', NULL, NULL FROM pa WHERE band_of_reported <> rep_grade
UNION ALL SELECT project_id, -1, 'selfeval.s10_grade_by_rules', 'warning', NULL, NULL FROM pa
  WHERE rules_grade <> rep_grade AND rules_grade <> band_of_reported
"""


def scores_sql(profile: Profile, tables: Tables) -> str:
    """Computed execution score, indicator score, total and grade per project (hundredths)."""
    sql = findings_sql(profile, tables)
    head = sql.split("\nSELECT project_id, CAST(-1 AS INTEGER)")[0]
    return head + ("\nSELECT project_id, department_id, exec_score, counted_sum AS indicator_score, "
                   "exec_score + counted_sum AS total, rules_grade AS grade FROM pa")


def for_postgres(sql: str) -> str:
    """The same query in PostgreSQL's dialect."""
    import sqlglot

    return sqlglot.transpile(sql, read="duckdb", write="postgres")[0]


def parquet_tables(folder: Path) -> Tables:
    return Tables(projects=f"read_parquet('{folder / 'projects' / '*.parquet'}')",
                  indicators=f"read_parquet('{folder / 'indicators' / '*.parquet'}')")
