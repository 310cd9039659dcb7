"""The self-evaluation scoring rules and numeric audit rules over columnar tables, as SQL.

Each rule is written once (DuckDB dialect) as a condition over one indicator row or one project row, with the
profile's thresholds bound in; sqlglot transpiles the queries for PostgreSQL and Spark, so the same rules run on
Parquet in DuckDB, inside the production database and on a cluster. All arithmetic is in integer hundredths (fen
for money) with ROUND_HALF_UP as floor((2·n + d) / 2d), which equals the per-document engine's Decimal results
exactly; tests/batch proves it finding for finding on random data and on the store's own tables.

Layout (what `jixiao batch generate` writes and jixiao.store.batch_views presents):
  projects(project_id, department_id, unit_id, initial_fen, adjusted_fen, executed_fen, carryover_fen,
           rep_exec_score, rep_ind_score, rep_total, rep_grade,             -- reported values may be NULL
           exec_points100)
  indicators(project_id, seq, level1, level2, operator, unit, kind, target100, actual100, attainment, weight100,
             rep_score100, has_reason, spend_scale)
kind: 'quant' (numeric target and actual), 'qual' (an attainment grade), 'unscored' (neither: the reported score
counts as is). A NULL weight100 leaves the row unscored, as in the per-document engine. spend_scale: yuan per unit of
the target when the row states money the project spent (jixiao.scoring.selfeval.spent_amount: 元/万元/亿元 of a 成本
row or of a name saying 费用, 资金 …), else NULL; such a row whose actual exceeds the project's 全年执行数 is also scored
with the executed amount, and a reported score that this gives is not the row's fault (selfeval.s2_money_vs_executed).
exec_points100: the budget-execution points the form itself establishes (printed for the part, or its 总分 row's 分值
less the indicators' points; jixiao.scoring.selfeval.execution_points), NULL when it does not: the profile's
execution_weight then applies as a convention only, and the findings resting on it (selfeval.s1_execution_score,
selfeval.s9_weight_total) are suspicions (warning), as in the per-document engine. Established points are taken as
the form's points for the part (jixiao.batch.equality and jixiao.store.mapping give them to the per-document engine
so). Reported figures are in hundredths and taken as printed to the hundredth (as the store keeps them): a difference
is never a rounding residue of a figure printed to fewer places (a notice in the per-document engine).
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
FINDING_COLUMNS = ("project_id", "seq", "rule", "tier", "expected", "actual")
SCORE_COLUMNS = ("project_id", "department_id", "exec_score", "indicator_score", "total", "grade")


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


@dataclass(frozen=True)
class Check:
    """One rule as a condition over a row of `ic` (indicator rows) or `pa` (project rows); `tier` is a tier's name
    or an SQL expression giving one per row."""

    rule: str
    tier: str
    expected: str
    actual: str
    condition: str


def _rows_sql(profile: Profile, tables: Tables) -> str:
    """CTEs i, ic: every indicator row with its kind k (0 unweighted, 1 quantitative, 2 qualitative, 3 scored as
    reported), block of its 一级指标, computed, counted and effective score."""
    r = profile.selfeval
    bands = {"达成": r.achieved_band, "部分达成": r.partial_band, "未达成": r.not_achieved_band}

    def band_score(band: tuple[Decimal, Decimal]) -> str:
        """The counted score of a qualitative row in `band`: the reported one inside [lo, hi] (hi excluded unless
        the band reaches 100 %), else the nearest admissible; lo when none is reported."""
        lo, hi = (_half_up(f"weight100 * {_h(b)}", "100") for b in band)
        inside, beyond = (hi, hi) if band[1] >= 1 else (f"{hi} - 1", f"GREATEST({lo}, {hi} - 1)")
        return (f"CASE WHEN rep_score100 IS NULL OR rep_score100 < {lo} THEN {lo} "
                f"WHEN rep_score100 <= {inside} THEN rep_score100 ELSE {beyond} END")

    qual_score = "CASE attainment " + " ".join(f"WHEN '{name}' THEN {band_score(band)}"
                                               for name, band in bands.items()) + " END"
    x = "GREATEST(actual100, 0)"
    quant_score = (
        f"CASE WHEN operator IN ('≤', '<') THEN "
        f"  CASE WHEN target100 <= 0 THEN CASE WHEN {x} <= 0 THEN weight100 ELSE 0 END "
        f"       WHEN {x} <= target100 THEN weight100 WHEN {x} >= 2 * target100 THEN 0 "
        f"       ELSE {_half_up(f'(2 * target100 - {x}) * weight100', 'target100')} END "
        f"ELSE CASE WHEN target100 <= 0 THEN CASE WHEN {x} <= 0 THEN weight100 ELSE 0 END "
        f"       WHEN {x} >= target100 THEN weight100 ELSE {_half_up(f'{x} * weight100', 'target100')} END END"
    )
    block = ("CASE level1 WHEN '产出指标' THEN 1 WHEN '效益指标' THEN 2 WHEN '满意度指标' THEN 3 ELSE "  # the usual names first
             "CASE WHEN level1 LIKE '%满意%' THEN 3 WHEN level1 LIKE '%效益%' OR level1 LIKE '%效果%' THEN 2 "
             "WHEN level1 LIKE '%产出%' THEN 1 ELSE 0 END END")
    return f"""i AS (
  SELECT project_id, seq, level2, unit, attainment, spend_scale, weight100, rep_score100, has_reason, operator,
         target100, actual100,
         CASE WHEN weight100 IS NULL THEN 0 WHEN kind = 'quant' THEN 1 WHEN kind = 'qual' THEN 2 ELSE 3 END AS k,
         {block} AS block, CASE WHEN kind = 'quant' THEN {quant_score} END AS score100,
         CASE WHEN kind = 'qual' THEN {qual_score} END AS qual_score100
  FROM {tables.indicators} ind
), ic AS (
  SELECT project_id, seq, k, block, level2, unit, attainment, spend_scale, weight100, rep_score100, has_reason,
         operator, target100, actual100, score100,
         CASE k WHEN 1 THEN score100 WHEN 2 THEN qual_score100 ELSE COALESCE(rep_score100, 0) END AS counted,
         COALESCE(rep_score100, CASE WHEN k = 1 THEN score100 END) AS effective
  FROM i
)"""


# jixiao.scoring.selfeval.is_money_indicator: a 成本 row, or a target in an amount unit (jixiao.core.values.amount_unit)
_MONEY = "level2 LIKE '%成本%' OR regexp_matches(unit, '^(亿元|万元|元)([/每].+)?$') OR regexp_matches(unit, '^每.+$')"


def _by_table() -> str:
    """The score of a money-spent row whose actual exceeds the project's 全年执行数, with the executed amount as its
    actual (executed_fen / spend_scale in the target's unit, kept as a fraction); NULL for any other row, and for a 成本
    row with “=” whose actual repeats its target above the 年初预算数 (jixiao.scoring.selfeval._score_indicator)."""
    t = "target100 * spend_scale"  # the target in fen
    x = "GREATEST(executed_fen, 0)"
    score = (f"CASE WHEN target100 <= 0 THEN CASE WHEN {x} <= 0 THEN weight100 ELSE 0 END "
             f"WHEN operator IN ('≤', '<') THEN CASE WHEN {x} <= {t} THEN weight100 WHEN {x} >= 2 * {t} THEN 0 "
             f"ELSE {_half_up(f'(2 * {t} - {x}) * weight100', t)} END "
             f"WHEN {x} >= {t} THEN weight100 ELSE {_half_up(f'{x} * weight100', t)} END")
    repeats = ("(level2 LIKE '%成本%' AND operator = '=' AND actual100 = target100 AND initial_fen IS NOT NULL "
               "AND actual100 * spend_scale > initial_fen)")
    return (f"CASE WHEN k = 1 AND spend_scale IS NOT NULL AND actual100 <> 0 AND executed_fen IS NOT NULL "
            f"AND actual100 * spend_scale > executed_fen AND NOT COALESCE({repeats}, FALSE) THEN {score} END")


def _indicator_checks(profile: Profile) -> list[Check]:
    r = profile.selfeval
    tol = _h(r.score_tolerance)
    strict = "TRUE" if r.strict_inequality else "FALSE"
    by_table = _by_table()
    s2_tier = (f"CASE WHEN {by_table} <> score100 THEN 'warning' "
               f"WHEN ({_MONEY}) AND COALESCE(operator, '=') = '=' AND actual100 <> target100 THEN 'warning' "
               "WHEN score100 = weight100 AND rep_score100 < weight100 THEN 'error' "
               "WHEN score100 <> weight100 AND rep_score100 >= weight100 THEN 'error' ELSE 'warning' END")
    s2_hit = (f"k = 1 AND ABS(rep_score100 - score100) > {tol} AND NOT COALESCE(ABS(rep_score100 - {by_table}) <= {tol}, "
              "FALSE)")
    s6_tier = ("CASE WHEN (attainment = '达成' AND rep_score100 <= 0) OR (attainment = '未达成' AND rep_score100 >= weight100) "
               "THEN 'error' ELSE 'warning' END")
    # a row that met its target and is certainly scored short asks for no deviation reason (the score's fault)
    scored_short = (f"(k = 1 AND score100 >= weight100 AND {s2_hit} AND {s2_tier} = 'error') OR "
                    f"(k = 2 AND attainment = '达成' AND counted <> rep_score100 AND {s6_tier} = 'error')")
    return [
        Check("selfeval.s8_score_above_weight", "error", "weight100", "rep_score100", "rep_score100 > weight100"),
        # certain only when the row's own numbers decide it (met without full marks, full marks unmet); a money
        # target written with “=” and missed is met or not by convention (jixiao.scoring.selfeval._quantitative_tier)
        # A money-spent row scored as the executed amount gives is the printed actual's fault; where that amount
        # gives another score, which actual is right decides it.
        Check("selfeval.s2_quantitative_score", s2_tier, "score100", "rep_score100", s2_hit),
        Check("selfeval.s2_strict_bound", "notice", "NULL", "NULL",
              f"k = 1 AND {strict} AND operator IN ('>', '<') AND actual100 = target100"),
        Check("selfeval.s7_over_achievement", "warning", "target100", "actual100",
              f"NOT has_reason AND k = 1 AND COALESCE(operator, '=') IN ('≥', '>', '=') AND target100 > 0 "
              f"AND actual100 * 100 >= target100 * {_h(r.over_achievement_ratio)}"),
        # The counted score of a qualitative row is the reported one exactly when that lies inside its band.
        # certain for 达成 scored 0 or 未达成 given full marks; else outside the profile's band (a convention)
        Check("selfeval.s6_qualitative_band", s6_tier, "NULL", "rep_score100", "k = 2 AND counted <> rep_score100"),
        Check("selfeval.s8_reason_required", "warning", "weight100", "effective",
              f"NOT has_reason AND effective < weight100 AND NOT COALESCE({scored_short}, FALSE)"),
    ]


def _indicator_prefilter(profile: Profile) -> str:
    """A cheap condition implied by every indicator check (so rows failing it cannot hit): a reported score above
    the weight or differing from the counted one (s2, s6, s8), no reason where one may be due (s7, s8), a strict
    bound met with equality."""
    strict = " OR (actual100 = target100 AND operator IN ('>', '<'))" if profile.selfeval.strict_inequality else ""
    over = f"actual100 * 100 >= target100 * {_h(profile.selfeval.over_achievement_ratio)}"
    return ("rep_score100 > weight100 OR rep_score100 <> counted OR (NOT has_reason AND (effective < weight100 "
            f"OR (k = 1 AND target100 > 0 AND {over}))){strict}")


TIERS = ("error", "warning", "notice")
FULL = 10_000  # the form's 100 points, in hundredths


def _weight_total(profile: Profile) -> tuple[str, str, str]:
    """selfeval.s9_weight_total as (condition, tier, expected) over a pa row: the indicators' points against 100 less
    the execution points the form establishes, or against the profile's indicator total when the points are the
    profile's (a suspicion when only its convention); rows of 100 beside the form's own execution points are rows
    scaled into the part left, a convention the form does not state (jixiao.scoring.selfeval._weight_findings)."""
    r = profile.selfeval
    w_exec, total_w = _h(r.execution_weight), _h(r.indicator_total)
    scaled = f"exec_established AND weight_sum = {FULL}"
    condition = (f"has_rows AND CASE WHEN {scaled} THEN TRUE WHEN exec_points <> {w_exec} "
                 f"THEN weight_sum <> {FULL} - exec_points ELSE weight_sum <> {total_w} END")
    tier = (f"CASE WHEN {scaled} THEN 'warning' WHEN exec_points <> {w_exec} OR exec_established THEN 'error' "
            "ELSE 'warning' END")
    expected = f"CASE WHEN {scaled} OR exec_points <> {w_exec} THEN {FULL} - exec_points ELSE {total_w} END"
    return condition, tier, expected


def _project_checks(profile: Profile) -> list[Check]:
    r = profile.selfeval
    tol = _h(r.score_tolerance)
    total_w = _h(r.indicator_total)
    blocks = {"w_output": _h(r.output_weight), "w_benefit": _h(r.benefit_weight),
              "w_satisfaction": _h(r.satisfaction_weight)}
    block_sum = sum(blocks.values())
    weight_condition, weight_tier, weight_expected = _weight_total(profile)
    return [
        # against points the form does not establish (the profile's convention only), a suspicion
        Check("selfeval.s1_execution_score", "CASE WHEN exec_established THEN 'error' ELSE 'warning' END",
              "exec_score", "rep_exec_score", f"ABS(rep_exec_score - exec_score) > {tol}"),
        Check("selfeval.s1_zero_budget", "warning", "NULL", "adjusted_fen", "adjusted_fen <= 0"),
        Check("selfeval.s1_over_budget", "warning", "adjusted_fen", "executed_fen",
              "adjusted_fen > 0 AND executed_fen > adjusted_fen"),
        Check("selfeval.carryover", "error", "adjusted_fen - executed_fen", "carryover_fen",
              "carryover_fen <> adjusted_fen - executed_fen"),
        Check("selfeval.s9_weight_total", weight_tier, weight_expected, "weight_sum", weight_condition),
        *(Check("selfeval.s9_block_weight", "warning", str(want), column,
                f"has_rows AND has_sat AND {column} <> {want}") for column, want in blocks.items()),
        Check("selfeval.s9_block_weight", "warning", str(block_sum), "w_output + w_benefit",
              f"has_rows AND NOT has_sat AND w_output + w_benefit <> {block_sum} AND weight_sum = {total_w}"),
        Check("selfeval.s10_indicator_sum", "error", "rep_sum", "rep_ind_score",
              f"has_rows AND n_unreported = 0 AND ABS(rep_sum - rep_ind_score) > {tol}"),
        Check("selfeval.s10_total_parts", "error", "rep_exec_score + rep_ind_score", "rep_total",
              f"ABS(rep_exec_score + rep_ind_score - rep_total) > {tol}"),
        Check("selfeval.s10_grade_band", "error", "NULL", "NULL", "band_of_reported <> rep_grade"),
        Check("selfeval.s10_grade_by_rules", "warning", "NULL", "NULL",
              "has_rows AND rules_grade <> rep_grade AND (band_of_reported IS NULL OR rules_grade <> band_of_reported)"),
    ]


def _sums_sql(extra: str = "") -> str:
    """The per-project sums of the indicator rows `ic`, seven aggregates (and `extra` ones): a project has indicator
    rows when it has a group, and a satisfaction block when the sum of that block's weights is not NULL."""
    return f"""SELECT project_id, {extra} COUNT(CASE WHEN rep_score100 IS NULL THEN 1 END) AS n_unreported,
         SUM(counted) AS counted_sum, SUM(weight100) AS weight_sum, SUM(rep_score100) AS rep_sum,
         SUM(CASE WHEN block = 1 THEN weight100 END) AS w_output, SUM(CASE WHEN block = 2 THEN weight100 END) AS w_benefit,
         SUM(CASE WHEN block = 3 THEN weight100 END) AS w_satisfaction
  FROM ic GROUP BY project_id"""


def _projects_sql(profile: Profile, tables: Tables, sums: str, hits: bool = False) -> str:
    """CTE pa: every project row with its computed scores and the sums `sums` of its indicator rows (and their
    `hits`, of a one_pass_sql result)."""
    w_exec = _h(profile.selfeval.execution_weight)
    return f"""pp AS (
  SELECT p.*, COALESCE(exec_points100, {w_exec}) AS exec_points, exec_points100 IS NOT NULL AS exec_established
  FROM {tables.projects} p
), pe AS (
  SELECT p.*, CASE WHEN adjusted_fen <= 0 THEN 0
           ELSE {_half_up('LEAST(executed_fen, adjusted_fen) * exec_points', 'adjusted_fen')} END AS exec_score,
         a.project_id IS NOT NULL AS has_rows, a.n_unreported, COALESCE(a.counted_sum, 0) AS indicator_score,
         COALESCE(a.weight_sum, 0) AS weight_sum, a.rep_sum, a.w_satisfaction IS NOT NULL AS has_sat,
         COALESCE(a.w_output, 0) AS w_output, COALESCE(a.w_benefit, 0) AS w_benefit,
         COALESCE(a.w_satisfaction, 0) AS w_satisfaction{', a.hits' if hits else ''}
  FROM pp p LEFT JOIN {sums} a ON a.project_id = p.project_id
), pa AS (
  SELECT *, CASE WHEN has_rows THEN exec_score + indicator_score END AS total,
         CASE WHEN has_rows THEN {_grade_sql('exec_score + indicator_score', profile)} END AS rules_grade,
         CASE WHEN rep_total IS NOT NULL THEN {_grade_sql('rep_total', profile)} END AS band_of_reported
  FROM pe
)"""


def _aggregate_sql(profile: Profile, tables: Tables) -> str:
    """CTEs agg, pa over the CTE ic."""
    return f"agg AS (\n  {_sums_sql()}\n), {_projects_sql(profile, tables, 'agg')}"


def checks_sql(profile: Profile, rows: str, projects: str) -> str:
    """Findings (FINDING_COLUMNS) of every rule over indicator rows `rows` (shaped as ic) and project rows
    `projects` (shaped as pa). Each source is read once: the rows on which any rule holds are kept (a few percent)
    and crossed with the rule numbers, so that no rule rescans its source."""
    parts = []
    project_checks = _project_checks(profile)
    for checks, source, seq, keep in (
            (_indicator_checks(profile), rows, "seq", _indicator_prefilter(profile)),
            (project_checks, projects, "CAST(-1 AS SMALLINT)", " OR ".join(f"({c.condition})" for c in project_checks))):
        def case(field: str, checks: list[Check] = checks) -> str:
            def literal(value: str) -> str:
                quote = field == "rule" or (field == "tier" and value in TIERS)
                return repr(value) if quote else value

            return "CASE c.rule_no " + " ".join(f"WHEN {n} THEN {literal(getattr(c, field))}"
                                          for n, c in enumerate(checks)) + " END"

        numbers = ", ".join(f"({n})" for n in range(len(checks)))
        parts.append(
            f"SELECT project_id, seq, rule, tier, expected, actual FROM (SELECT h.project_id, {seq} AS seq, "
            f"{case('rule')} AS rule, {case('tier')} AS tier, CAST({case('expected')} AS BIGINT) AS expected, "
            f"CAST({case('actual')} AS BIGINT) AS actual, {case('condition')} AS hit "
            f"FROM (SELECT * FROM {source} src WHERE {keep}) h CROSS JOIN (VALUES {numbers}) AS c(rule_no)) x WHERE hit")
    return "\nUNION ALL ".join(parts)


# The indicator rows with their project's 全年执行数 and 年初预算数 (selfeval.s2_quantitative_score of a money-spent
# row); the checks keep only the rows their prefilter passes before the projects are joined.
INDICATOR_ROWS = ("(SELECT ic.*, pa.executed_fen, pa.initial_fen FROM ic JOIN pa ON pa.project_id = ic.project_id)")


def findings_sql(profile: Profile, tables: Tables) -> str:
    """One query returning (project_id, seq, rule, tier, expected, actual) for every batch rule (hundredths)."""
    return f"""
WITH {_rows_sql(profile, tables)},
{_aggregate_sql(profile, tables)}
{checks_sql(profile, INDICATOR_ROWS, 'pa')}
"""


def one_pass_sql(profile: Profile, tables: Tables) -> str:
    """DuckDB: the per-project sums of the indicator rows (_sums_sql) and, from the same single scan, `hits`: the
    project's indicator rows (shaped as ic) that may hold a finding (_indicator_prefilter; NULL when none). Over its
    result table T, pass_scores_sql and pass_findings_sql give scores and findings without reading the indicator
    rows again."""
    return f"""
WITH {_rows_sql(profile, tables)}
{_sums_sql(f"LIST(ic) FILTER (WHERE {_indicator_prefilter(profile)}) AS hits,")}
"""


def pass_scores_sql(profile: Profile, tables: Tables, table: str) -> str:
    """SCORE_COLUMNS of the projects from a one_pass_sql result `table`."""
    return f"WITH {_projects_sql(profile, tables, table)}\n{score_columns('pa')}"


def pass_findings_sql(profile: Profile, tables: Tables, table: str) -> str:
    """FINDING_COLUMNS of the projects from a one_pass_sql result `table`."""
    rows = ("(SELECT h.*, x.executed_fen, x.initial_fen FROM (SELECT UNNEST(hits) AS h, executed_fen, initial_fen "
            "FROM pa WHERE hits IS NOT NULL) x)")  # the project's own columns beside its rows: no join
    # pa is read twice (its rows' hits, its own checks): computed once
    projects = _projects_sql(profile, tables, table, hits=True).replace("), pa AS (", "), pa AS MATERIALIZED (")
    return f"WITH {projects}\n{checks_sql(profile, rows, 'pa')}"


def score_columns(source: str) -> str:
    """The SCORE_COLUMNS of a pa-shaped relation, as 64-bit integers (DuckDB sums into 128-bit ones)."""
    return (f"SELECT project_id, department_id, CAST(exec_score AS BIGINT) AS exec_score, "
            f"CAST(indicator_score AS BIGINT) AS indicator_score, CAST(total AS BIGINT) AS total, "
            f"rules_grade AS grade FROM {source}")


def scores_sql(profile: Profile, tables: Tables) -> str:
    """Computed execution score, indicator score, total and grade per project (hundredths)."""
    return f"""
WITH {_rows_sql(profile, tables)},
{_aggregate_sql(profile, tables)}
{score_columns('pa')}
"""


def for_postgres(sql: str) -> str:
    """The same query in PostgreSQL's dialect."""
    import sqlglot

    return sqlglot.transpile(sql, read="duckdb", write="postgres")[0]


def parquet_tables(folder: Path) -> Tables:
    """The projects/ and indicators/ Parquet folders (flat or partitioned) under `folder`."""
    return Tables(projects=f"read_parquet('{folder / 'projects' / '**' / '*.parquet'}')",
                  indicators=f"read_parquet('{folder / 'indicators' / '**' / '*.parquet'}')")
