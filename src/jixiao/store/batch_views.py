"""The store's own tables presented in the batch engine's layout (jixiao.batch.engine), as SQL issued at query time:
nothing is copied and no view is created. Written in DuckDB's dialect over the tables store_project, store_unit,
store_department, store_jurisdiction and store_indicator; jixiao.batch transpiles it for PostgreSQL.

Targets and actual values are text in the store ('≥95%', '≤300万元', '达成'). The SQL reads them as
jixiao.core.values.parse_value does, for the forms it can read exactly: an operator (word or sign, from the same
table), a number with at most two decimals, a short unit, or an attainment phrase (the same patterns). A value it
cannot read with certainty — Chinese numerals, ranges, dates, full-width characters, money in another unit than the
target's, more than two decimals — marks its project `unread`: such projects are left out of `projects` and
`indicators` and listed in `unread`, for the per-document engine (jixiao.batch.store does so) — never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.core.values import _ATTAINMENT_PATTERNS, _OPERATOR_WORDS
from jixiao.scoring.selfeval import _NOT_SPENT_WORDS, _SPEND_WORDS

# Characters Python's str.strip()/\s treat as white space, beyond ASCII blanks; and characters normalize_text rewrites.
_WIDE_SPACE = "\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_UNSURE = f"[{_WIDE_SPACE}\uff00-\uffef\u2212]"
_SPACE = f"[ \t\n\r\x0b\x0c{_WIDE_SPACE}]"
_CN_NUMERAL = "[零〇○一二两三四五六七八九十百千万亿点]"
_NUMBER = r"^[0-9]{1,13}(\.[0-9]{1,2})?"
_UNIT = r"[^0-9.，。；,;、 ]{0,6}$"
_MONEY = {"元": 1, "万元": 10_000, "万": 10_000, "亿元": 100_000_000, "亿": 100_000_000}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _attainment(compact: str) -> str:
    whens = " ".join(f"WHEN regexp_matches({compact}, {_quote(p.pattern)}) THEN {_quote(a.value)}"
                     for p, a in _ATTAINMENT_PATTERNS)
    return f"CASE {whens} END"


def _operator(compact: str) -> tuple[str, str]:
    """(operator sign, length of the operator word) of a compact value, by the parser's own word table."""
    sign = " ".join(f"WHEN {compact} LIKE {_quote(w + '%')} THEN {_quote(op.value)}" for w, op in _OPERATOR_WORDS)
    length = " ".join(f"WHEN {compact} LIKE {_quote(w + '%')} THEN {len(w)}" for w, _ in _OPERATOR_WORDS)
    return f"CASE {sign} END", f"CASE {length} ELSE 0 END"


def _value_columns(column: str, name: str) -> str:
    """{name}_c, the value without white space (as parse_value compacts it), and {name}_raw. _parsed and _classified
    then give {name}_att, _op, _rest, _unsure and {name}_cls ('empty', 'att', 'num', 'text', 'other'), _100, _unit."""
    return f"regexp_replace(COALESCE({column}, ''), '{_SPACE}+', '', 'g') AS {name}_c, {column} AS {name}_raw"


def _parsed(name: str) -> str:
    c = f"{name}_c"
    sign, length = _operator(c)
    rest = f"SUBSTRING({c}, {length} + 1)"
    return (f"{_attainment(c)} AS {name}_att, {sign} AS {name}_op, {rest} AS {name}_rest, "
            f"regexp_matches({name}_raw, {_quote(_UNSURE)}) AS {name}_unsure")


def _classified(name: str) -> str:
    rest = f"{name}_rest"
    number = f"regexp_replace({rest}, '^({_NUMBER[1:]}).*$', '\\1')"
    cls = (f"CASE WHEN {name}_unsure THEN 'other' WHEN {name}_c = '' THEN 'empty' WHEN {name}_att IS NOT NULL THEN 'att' "
           f"WHEN regexp_matches({name}_c, '[0-9]{{4}}年') THEN 'other' "
           f"WHEN regexp_matches({rest}, {_quote(_NUMBER + _UNIT)}) THEN 'num' "
           f"WHEN NOT regexp_matches({name}_c, '[0-9]') AND NOT regexp_matches({rest}, '^{_CN_NUMERAL}') THEN 'text' "
           "ELSE 'other' END")
    return (f"{cls} AS {name}_cls, "
            f"CASE WHEN regexp_matches({rest}, {_quote(_NUMBER + _UNIT)}) THEN "
            f"CAST(ROUND(CAST({number} AS DECIMAL(18, 2)) * 100) AS BIGINT) END AS {name}_100, "
            f"regexp_replace({rest}, {_quote(_NUMBER)}, '') AS {name}_unit")


def _money_scale(unit: str) -> str:
    return "CASE " + " ".join(f"WHEN {unit} = '{u}' THEN {s}" for u, s in _MONEY.items()) + " END"


def _spend_scale() -> str:
    """Yuan per unit of the target when the row states money spent (jixiao.scoring.selfeval.spent_amount): a
    target in 元/万元/亿元 on a 成本 row, or on a row whose name says money is spent (费用, 资金 …) and not brought in."""
    def any_of(words: tuple[str, ...]) -> str:
        return " OR ".join(f"name LIKE {_quote('%' + w + '%')}" for w in words)

    scale = "CASE t_unit WHEN '元' THEN 1 WHEN '万元' THEN 10000 WHEN '亿元' THEN 100000000 END"
    return (f"CASE WHEN level2 LIKE '%成本%' OR (({any_of(_SPEND_WORDS)}) AND NOT ({any_of(_NOT_SPENT_WORDS)})) "
            f"THEN {scale} END")


@dataclass(frozen=True)
class StoreLayout:
    """Three relations (SQL subqueries) over the store's tables: the batch layout's projects and indicators of the
    projects the SQL reads exactly, and the projects it does not (project_id, seq, indicator, value)."""

    projects: str
    indicators: str
    unread: str


def layout(jurisdiction: str | None = None, year: int | None = None, profile: str | None = None) -> StoreLayout:
    """The store's projects (optionally of one jurisdiction code, year and profile) in the batch layout."""
    where = ["1 = 1"]
    if jurisdiction is not None:
        where.append(f"j.code = {_quote(jurisdiction)}")
    if year is not None:
        where.append(f"p.year = {int(year)}")
    if profile is not None:
        where.append(f"j.profile = {_quote(profile)}")
    selected = (
        "SELECT p.id AS project_id, u.department_id, p.unit_id, p.year, j.code AS jurisdiction, j.profile, "
        "p.initial_budget AS initial_fen, p.adjusted_budget AS adjusted_fen, p.executed AS executed_fen, "
        "CAST(ROUND(p.reported_total * 100) AS BIGINT) AS rep_total, NULLIF(p.reported_grade, '') AS rep_grade, "
        "CAST(ROUND(p.execution_points * 100) AS BIGINT) AS exec_points100 "
        "FROM store_project p JOIN store_unit u ON u.id = p.unit_id JOIN store_department d ON d.id = u.department_id "
        f"JOIN store_jurisdiction j ON j.id = d.jurisdiction_id WHERE {' AND '.join(where)}")
    reason = "COALESCE(i.deviation_reason, '')"
    v1 = (f"SELECT i.project_id, CAST(ROW_NUMBER() OVER (PARTITION BY i.project_id ORDER BY i.position, i.id) - 1 "
          f"AS SMALLINT) AS seq, i.name, i.level1, i.level2, CAST(ROUND(i.weight * 100) AS BIGINT) AS weight100, "
          f"CAST(ROUND(i.reported_score * 100) AS BIGINT) AS rep_score100, "
          f"regexp_matches({reason}, '[^ \t\n\r\x0b\x0c{_WIDE_SPACE}]') AS has_reason, "
          f"{_value_columns('i.target', 't')}, {_value_columns('i.actual', 'a')} "
          f"FROM store_indicator i WHERE i.project_id IN (SELECT project_id FROM ({selected}) s)")
    # OFFSET 0 keeps PostgreSQL from pulling these subqueries up, which would copy each parsing expression into
    # every expression that uses its result (DuckDB computes each projection once either way).
    v2 = f"SELECT *, {_parsed('t')}, {_parsed('a')} FROM ({v1} OFFSET 0) v1"
    v3 = f"SELECT *, {_classified('t')}, {_classified('a')} FROM ({v2} OFFSET 0) v2"
    money_mismatch = (f"({_money_scale('t_unit')} IS NOT NULL AND {_money_scale('a_unit')} IS NOT NULL "
                      f"AND {_money_scale('t_unit')} <> {_money_scale('a_unit')})")
    kind = ("CASE WHEN a_cls = 'att' THEN 'qual' WHEN a_cls = 'other' THEN 'other' "
            f"WHEN a_cls = 'num' AND t_cls = 'num' THEN CASE WHEN {money_mismatch} THEN 'other' ELSE 'quant' END "
            "WHEN a_cls = 'num' AND t_cls = 'other' THEN 'other' ELSE 'unscored' END")
    rows = (f"SELECT project_id, seq, name, level1, level2, t_op AS operator, t_unit AS unit, {kind} AS kind, "
            "t_100 AS target100, a_100 AS actual100, a_att AS attainment, weight100, rep_score100, has_reason, "
            f"{_spend_scale()} AS spend_scale, t_raw, a_raw FROM ({v3} OFFSET 0) v3 OFFSET 0")
    unread_ids = f"SELECT DISTINCT project_id FROM ({rows}) r WHERE kind = 'other'"
    projects = (f"SELECT project_id, department_id, unit_id, year, jurisdiction, initial_fen, adjusted_fen, "
                "executed_fen, CAST(NULL AS BIGINT) AS carryover_fen, CAST(NULL AS BIGINT) AS rep_exec_score, "
                "CAST(NULL AS BIGINT) AS rep_ind_score, rep_total, rep_grade, exec_points100 "
                f"FROM ({selected}) s WHERE project_id NOT IN ({unread_ids})")
    indicators = (f"SELECT project_id, seq, level1, level2, operator, unit, kind, target100, actual100, attainment, "
                  f"weight100, rep_score100, has_reason, spend_scale FROM ({rows}) r "
                  f"WHERE project_id NOT IN ({unread_ids})")
    unread = (f"SELECT project_id, seq, name AS indicator, t_raw AS target, a_raw AS actual FROM ({rows}) r "
              "WHERE kind = 'other'")
    return StoreLayout(f"({projects})", f"({indicators})", f"({unread})")
