"""情况说明与表 — the narrative against the tables (SPEC §7.4, N1–N6) and facts stated in two places.

Every amount the narrative states for a table item must equal the table; every 占比, 同比 and 完成预算 percentage
is recomputed from the figures the text itself states; direction words must agree with each other, and a
stated reason that points the other way is a warning for a human to read.

Every claim a rule compares with a table figure or recomputes is marked with `compared()` (ctx.checked), so the
reading report lists the stated figures no rule could use as 未核对. Rules that read the 情况说明 do not apply to a
package without one (`has_narrative`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.compare import wan
from jixiao.core.claims import (
    COMPARABLE,
    TOTALS,
    UNITLESS,
    chinese_number,
    listed_subjects,
    scope_of,
    subject_at,
    subject_opening,
)
from jixiao.core.counts import CUE_RE as COUNT_CUE_RE
from jixiao.core.counts import count_lists
from jixiao.core.coverage import stated_key
from jixiao.core.disclosure import Amount, DisclosurePackage, DisclosureRow, DisclosureTable, column_name
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import (
    BARE_MONEY_UNIT,
    NUMBER_RE,
    WAN,
    compact_text,
    format_amount,
    normalize_text,
    parse_decimal,
    printed_exponent,
    round_half_up,
    rounding_tolerance,
    truncate,
)
from jixiao.core.provenance import Location
from jixiao.core.statements import DOWN, UP, Claim, Statement

CAT = "说明与表"
BASIS = "SPEC §7.4"
ZERO = Decimal(0)
Printed = tuple[Decimal, Decimal]  # a figure as printed: its value and one unit of its last printed digit
NUM = r"([\d,]+(?:\.\d+)?)万元"

SCOPE_WORDS = {"": "", "fiscal": "财政拨款", "general": "一般公共预算财政拨款", "fund": "政府性基金预算财政拨款",
               "state_capital": "国有资本经营预算财政拨款"}


@dataclass(frozen=True)
class Cell:
    """Where a subject's figure lives in the tables: table, row label ('合计' = the total row), side, column."""

    code: str
    label: str
    column: str = "amount"
    side: str = ""


# The synonym list per table (SPEC §7.2): (subject, scope) → cell. A subject read from any wording (core/claims.py)
# meets its row here; a scope not listed falls back to the subject without scope only where that is the same figure.
CELLS: dict[tuple[str, str], Cell] = {
    ("收入总计", ""): Cell("D01", "总计", side="income"),
    ("收支总计", ""): Cell("D01", "总计", side="income"),
    ("支出总计", ""): Cell("D01", "总计", side="expenditure"),
    ("收入总计", "fiscal"): Cell("D04", "总计", side="income"),
    ("收支总计", "fiscal"): Cell("D04", "总计", side="income"),
    ("支出总计", "fiscal"): Cell("D04", "总计", "total", side="expenditure"),
    ("收入总计", "fund"): Cell("D07", "合计", "income"),
    ("支出总计", "fund"): Cell("D07", "合计", "total"),
    ("本年收入合计", ""): Cell("D01", "本年收入合计", side="income"),
    ("本年支出合计", ""): Cell("D01", "本年支出合计", side="expenditure"),
    ("本年收入合计", "fiscal"): Cell("D04", "本年收入合计", side="income"),
    ("本年支出合计", "fiscal"): Cell("D04", "本年支出合计", "total", side="expenditure"),
    ("收入", "fiscal"): Cell("D04", "本年收入合计", side="income"),
    ("支出", "fiscal"): Cell("D04", "本年支出合计", "total", side="expenditure"),
    ("本年支出合计", "general"): Cell("D05", "合计", "total"),
    ("支出", "general"): Cell("D05", "合计", "total"),
    ("收入", "fund"): Cell("D07", "合计", "income"),
    ("支出", "fund"): Cell("D07", "合计", "total"),
    ("支出", "state_capital"): Cell("D08", "合计", "total"),
    ("财政拨款收入", ""): Cell("D02", "合计", "fiscal"),
    ("财政拨款收入", "fiscal"): Cell("D02", "合计", "fiscal"),
    # a kind of funds' part of it: its own row of 公开04 (公开02's column holds them all)
    ("财政拨款收入", "general"): Cell("D04", "一般公共预算财政拨款", side="income"),
    ("财政拨款收入", "fund"): Cell("D04", "政府性基金预算财政拨款", side="income"),
    ("财政拨款收入", "state_capital"): Cell("D04", "国有资本经营预算财政拨款", side="income"),
    ("上级补助收入", ""): Cell("D02", "合计", "upper"),
    ("事业收入", ""): Cell("D02", "合计", "business"),
    ("经营收入", ""): Cell("D02", "合计", "operating"),
    ("附属单位上缴收入", ""): Cell("D02", "合计", "subsidiary"),
    ("其他收入", ""): Cell("D02", "合计", "other"),
    ("使用非财政拨款结余", ""): Cell("D01", "使用非财政拨款结余", side="income"),
    ("结余分配", ""): Cell("D01", "结余分配", side="expenditure"),
    ("年初结转和结余", ""): Cell("D01", "年初结转和结余", side="income"),
    ("年末结转和结余", ""): Cell("D01", "年末结转和结余", side="expenditure"),
    ("基本支出", ""): Cell("D03", "合计", "basic"),
    ("项目支出", ""): Cell("D03", "合计", "project"),
    ("基本支出", "fiscal"): Cell("D05", "合计", "basic"),
    ("基本支出", "general"): Cell("D05", "合计", "basic"),
    ("项目支出", "general"): Cell("D05", "合计", "project"),
    ("基本支出", "fund"): Cell("D07", "合计", "basic"),
    ("项目支出", "fund"): Cell("D07", "合计", "project"),
    ("人员经费", ""): Cell("D06", "人员经费合计"),
    ("公用经费", ""): Cell("D06", "公用经费合计"),
    ("政府采购", ""): Cell("D10", "政府采购情况/合计"),
    ("政府采购货物", ""): Cell("D10", "政府采购情况/货物"),
    ("政府采购工程", ""): Cell("D10", "政府采购情况/工程"),
    ("政府采购服务", ""): Cell("D10", "政府采购情况/服务"),
    ("中小企业合同", ""): Cell("D10", "中小企业"),
}
SCOPE_FREE = ("中小企业合同", "使用非财政拨款结余", "人员经费", "公用经费", "政府采购", "政府采购货物", "政府采购工程", "政府采购服务", "财政拨款收入")
SANGONG = {"三公经费": "total", "因公出国(境)费": "overseas", "公务用车购置及运行维护费": "car",
           "公务用车购置费": "car_purchase", "公务用车运行维护费": "car_operation", "公务接待费": "reception",
           "会议费": "meeting", "培训费": "training"}  # the last two only where the table prints them
CLASS_TABLES = {"": ("D03", "total", ""), "general": ("D05", "total", ""), "fiscal": ("D04", "total", "expenditure"),
                "fund": ("D07", "total", "")}


@dataclass(frozen=True)
class Found:
    """A claim's figure in a table: the table, the row (None when the table is blank), the column, the amount."""

    table: DisclosureTable
    row: DisclosureRow | None
    column: str

    @property
    def amount(self) -> Amount | None:
        return self.row.cells.get(self.column) if self.row is not None else None

    @property
    def value(self) -> Decimal:
        return self.row.value(self.column) if self.row is not None else ZERO

    def describe(self) -> str:
        row = self.row.label if self.row is not None else ""
        return f"{self.table.label}“{row}”{column_name(self.column) if self.column != 'amount' else ''}".replace("“”", "")


def is_blank(table: DisclosureTable) -> bool:
    """A table printed without figures: '本表无数据', or no amount in any row (and nothing left unread: a table
    whose layout could not be mapped is not known to be blank)."""
    return bool(table.empty_note) or not (any(row.cells for row in table.rows) or table.unmapped)


def locate(pkg: DisclosurePackage, subject: str, scope: str, measure: str = "amount") -> Found | None:
    """The table cell holding a subject's figure (amount, or budget for the 三公 table), or None."""
    if subject in SANGONG:
        table = pkg.table("D09")
        if table is None or measure not in ("amount", "budget"):
            return None
        budget_table = not any(c.startswith("final_") for c in table.columns)  # a 预算公开's: every figure a 预算数
        column = f"{'final' if measure == 'amount' and not budget_table else 'budget'}_{SANGONG[subject]}"
        if column not in table.columns and column.endswith(("_meeting", "_training")):
            return None  # a 三公 table without 会议费/培训费 says nothing about them
        row = table.rows[0] if table.rows else None
        if table.unmapped and (row is None or column not in row.cells):
            return None  # figures of this table were left unread: an empty cell is not known to be zero
        if row is not None and not row.known(column):
            return None  # a column the table does not print ('决算' only): unknown, not zero
        return Found(table, row, column)
    if measure != "amount":
        return None
    if subject == "机关运行经费" and (table := pkg.table("D10")) is not None:
        rows = [r for r in table.rows if r.label.startswith("机关运行经费") and r.cells]
        if not rows:
            return None
        amounts = [r.cells["amount"] for r in rows if "amount" in r.cells]
        total = Amount(sum((a.value for a in amounts), ZERO), "", max(a.quantum for a in amounts), rows[0].location)
        return Found(table, DisclosureRow("机关运行经费", cells={"amount": total}, location=rows[0].location), "amount")
    cell = CELLS.get((subject, scope)) or (CELLS.get((subject, "")) if subject in SCOPE_FREE else None)
    if cell is not None:
        table = pkg.table(cell.code)
        if table is None:
            return None
        row = table.total if cell.label == "合计" else table.row(cell.label, side=cell.side)
        return Found(table, row, cell.column) if row is not None or is_blank(table) else None
    if subject.endswith("支出") and scope in CLASS_TABLES:
        code, column, side = CLASS_TABLES[scope]
        table = pkg.table(code)
        if table is None:
            return None
        rows = [r for r in table.rows if (not side or r.side == side) and (len(r.code) == 3 or side)]
        row = next((r for r in rows if r.label and subject.endswith(re.sub(r"^[一二三四五六七八九十]+、|\s", "", r.label))),
                   None)
        return Found(table, row, column) if row is not None else None
    return None


def _printed(pkg: DisclosurePackage) -> list[Statement]:
    return [s for s in pkg.narrative if s.kind == "sentence"]


def sentences(pkg: DisclosurePackage) -> list[Statement]:
    """The 情况说明's sentences as every rule reads them: a figure printed in 元 that is a unit slip of the document's
    万元 (see unit_slips) read in 万元, so that it is reported once, as the slip, and checked as meant."""
    statements = _printed(pkg)
    slips = unit_slips(pkg, statements)
    if not slips:
        return statements
    return [replace(s, claims=tuple(slips[(i, j)].claim if (i, j) in slips else c for j, c in enumerate(s.claims)))
            for i, s in enumerate(statements)]


def has_narrative(pkg: DisclosurePackage) -> str | None:
    """`applies` of the rules that read the 情况说明."""
    return None if _printed(pkg) else "缺少情况说明文字"


def compared(ctx: Context, *claims: Claim | None) -> None:
    """Mark claims as compared with a table figure or recomputed: the one place rules record what they checked."""
    ctx.checked(*(c for c in claims if c is not None))


def _differs(stated: Claim, amount: Amount | None) -> bool:
    """Whether a stated figure cannot be the table's at the two printed precisions: the true value lies within half
    a table unit of the table's figure, and the text's figure must be that value rounded to the text's precision
    (|stated − table| ≤ ½ text unit + ½ table unit). Copying a figure allows no more."""
    table_value = amount.value if amount is not None else ZERO
    table_quantum = amount.quantum if amount is not None else ZERO
    if stated.quantum == table_quantum:
        return stated.value != table_value
    return abs(stated.value - table_value) > (stated.quantum + table_quantum) / 2


def _share_closes(statements: list[Statement], stated_in: dict[int, int], total: Claim, parts: list[Claim],
                  difference: Decimal) -> bool:
    """Whether one listed part's own share ('项目支出a万元，占P%') puts it at exactly what closes the parts' gap to their
    total: P% of the total is that part plus the gap, the share printed finely enough to pin the part down to a few of
    its last digits. Then the sum falling short and the share not fitting the part
    are one misprinted amount (a digit dropped), which narrative.n2_percentages reports with the share (确定) — not a
    part left unlisted as well."""
    for part in parts:
        at = stated_in.get(id(part))
        if at is None:
            continue
        claims = statements[at].claims
        after = claims[claims.index(part) + 1:] if part in claims else []
        share = next((c for c in after[:1] if c.measure == "share" and not c.basis), None)
        if share is None:
            continue
        implied = share.value * total.value / 100
        slack = share.quantum / 2 * total.value / 100 + sum((c.quantum for c in (total, *parts)), ZERO) / 2
        if slack > 10 * part.quantum:
            continue  # a share too coarse to pin the part down ('99.2%' of thousands): a coincidence proves nothing
        if abs(implied - (part.value + difference)) <= slack:
            return True
    return False


def _against_parts(ctx: Context, total: Claim, parts: list[Claim]) -> tuple[Decimal, Decimal, Tier] | None:
    """A stated total against the sum of its stated parts: (sum, difference, tier), or None when they agree. A
    difference within the rounding allowance of the printed figures is a notice, beyond it certain."""
    compared(ctx, total, *parts)
    summed = sum((p.value for p in parts), ZERO)
    difference = total.value - summed
    if not difference:
        return None
    return summed, difference, Tier.NOTICE if abs(difference) <= _parts_tolerance(ctx, total, parts) else Tier.ERROR


def _parts_tolerance(ctx: Context, total: Claim, parts: list[Claim]) -> Decimal:
    """What rounding the printed total and parts may hide between them. A zero ('0万元', '减少0万元') beside figures
    printed to cents is none: it hides no rounding and does not widen the allowance to its own coarser digit."""
    quantum = max((p.quantum for p in (*parts, total) if p.value), default=None) or max(
        p.quantum for p in (*parts, total))
    return rounding_tolerance(len(parts), quantum, ctx.profile.tolerance.per_term, ctx.profile.tolerance.cap)


def _what(claim: Claim) -> str:
    scope = SCOPE_WORDS.get(claim.scope, "") if claim.subject not in SANGONG else ""
    if scope.endswith("财政拨款") and claim.subject.startswith("财政拨款"):
        scope = scope.removesuffix("财政拨款")  # '一般公共预算' + '财政拨款收入', not '…财政拨款财政拨款收入'
    return f"{scope}{claim.subject}"


def _once(findings: list[tuple[tuple[object, ...], Finding]]) -> Iterator[Finding]:
    """One finding per fault: the same fault at other places is listed in `related`."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for key, finding in findings:
        groups.setdefault(key, []).append(finding)
    for first, *others in groups.values():
        yield replace(first, related=tuple(o.location for o in others)) if others else first


def _initial_budget(claim: Claim) -> bool:
    """A 年初预算: 公开09's 预算数 is the 全年 (adjusted) budget, so a 年初 figure is not compared with it."""
    return claim.measure in ("budget", "completion") and claim.basis == "年初"


PROJECT_SECTION_RE = re.compile(r"绩效")  # figures of the evaluated projects, checked by the coverage rules


def _stated_amounts(pkg: DisclosurePackage, ctx: Context) -> Iterator[tuple[Claim, Found]]:
    """Each stated amount that meets a table cell (marked as compared)."""
    for statement in sentences(pkg):
        if PROJECT_SECTION_RE.search(statement.section):
            continue
        for claim in statement.claims:
            if claim.measure in ("amount", "budget") and claim.subject and not _initial_budget(claim):
                found = locate(pkg, claim.subject, claim.scope, claim.measure)
                # a blank cell of a table read in full is a zero; of a table whose layout was not understood it is
                # unknown, and the claim stays unchecked (reading report)
                if found is not None and (found.amount is not None or not found.table.unmapped):
                    compared(ctx, claim)
                    yield claim, found


@rule("narrative.n1_amount_vs_table", "情况说明中的金额与表中数不一致", Tier.ERROR, CAT, f"{BASIS} N1", "disclosure",
      applies=has_narrative)
def n1_amounts(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """情况说明无论怎样措辞（为/是/共计/达/支出/决算数为……，元、万元或亿元，有无千分位）写出的表内金额——收入支出总计、
    本年收入/支出合计、财政拨款收入、基本/项目支出、各功能分类“类”、人员/公用经费、三公经费预算与决算、政府采购——按各表的
    同义词表对到表中的行，须是表中数按说明的精度四舍五入所得（确定）。同一错误出现在多处只报一次。"""
    found: list[tuple[tuple[object, ...], Finding]] = []
    for claim, cell in _stated_amounts(pkg, ctx):
        if is_blank(cell.table):
            continue  # narrative.blank_table_stated
        if not _differs(claim, cell.amount):
            continue
        what = _what(claim) + ("预算" if claim.measure == "budget" else "")
        found.append(((cell.table.code, cell.row.label if cell.row else "", cell.column, claim.value), Finding(
            "narrative.n1_amount_vs_table", Tier.ERROR, f"说明称{what} {claim.text}，{cell.describe()}为 {wan(cell.value)} 万元",
            claim.location.with_(row=claim.subject), CAT, expected=wan(cell.value), actual=wan(claim.value),
            difference=wan(claim.value - cell.value))))
    yield from _once(found)


@rule("narrative.blank_table_stated", "表为空表而说明写有其数字", Tier.ERROR, CAT, f"{BASIS} N1, SPEC §7.2", "disclosure",
      applies=has_narrative)
def blank_table_stated(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """表格印为空表（“本表无数据”或没有任何金额），说明却写出该表项目的非零金额（如三公经费预算、政府性基金支出）：两处
    不能同时为真（确定）。每张表报一次，其余句子列为相关位置。"""
    found: list[tuple[tuple[object, ...], Finding]] = []
    for claim, cell in _stated_amounts(pkg, ctx):
        if is_blank(cell.table) and claim.value:
            note = f"（{cell.table.empty_note}）" if cell.table.empty_note else ""
            what = _what(claim) + ("预算" if claim.measure == "budget" else "")
            found.append(((cell.table.code,), Finding(
                "narrative.blank_table_stated", Tier.ERROR,
                f"{cell.table.label}为空表{note}，说明却写明{what} {claim.text}", claim.location.with_(row=claim.subject),
                CAT, expected=f"{cell.table.label}填列该数", actual=claim.text)))
    yield from _once(found)


def reachable(function: Callable[..., Decimal | None], *operands: Printed) -> tuple[Decimal, Decimal] | None:
    """The least and greatest value `function` takes while each operand lies within half a printed unit of its
    printed value (each rate here is monotone in each operand, so the corners of that box suffice); None when
    some corner leaves the function undefined (a base of zero or less): then nothing about it is certain."""
    results = []
    for corner in itertools.product(*((value - quantum / 2, value + quantum / 2) for value, quantum in operands)):
        result = function(*corner)
        if result is None:
            return None
        results.append(result)
    return min(results), max(results)


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    """|part| ÷ whole × 100, undefined for a whole of zero or less."""
    return abs(part) / whole * 100 if whole > 0 else None


def _check_rate(ctx: Context, rule_id: str, claim: Claim, what: str, stated: Decimal,
                function: Callable[..., Decimal | None], operands: tuple[Printed, ...], formula: str,
                used: tuple[Claim | None, ...] = ()) -> Iterator[Finding]:
    """A stated percentage against its recomputed value (the claim and the figures `used` are marked compared).

    Certain (error) only when the stated percentage, within half its own last digit, lies outside every value
    the operands allow at their printed precision and is not those values with the last digits dropped
    (truncated instead of rounded); otherwise a difference is a rounding notice."""
    computed = function(*(value for value, _ in operands))
    if computed is None:
        return
    compared(ctx, claim, *used)
    places = _places(claim.quantum)
    expected = round_half_up(computed, places)
    if stated == expected:
        return
    bounds = reachable(function, *operands)
    half = claim.quantum / 2
    certain = bounds is not None and (stated + half < bounds[0] or stated - half > bounds[1])
    span = f"（按所印精度可为 {round_half_up(bounds[0], places)}%–{round_half_up(bounds[1], places)}%）" if bounds else ""
    if certain and bounds is not None and truncate(bounds[0], places) <= stated <= truncate(bounds[1], places):
        certain, span = False, f"（所写为末位直接舍去的结果，未按四舍五入）{span}"
    yield Finding(rule_id, Tier.ERROR if certain else Tier.NOTICE,
                  f"{what}写为 {stated}%，按 {formula} 应为 {expected}%{span}", claim.location.with_(row=what),
                  CAT, expected=f"{expected}", actual=f"{stated}", difference=f"{stated - expected}")


def _places(quantum: Decimal) -> int:
    return max(0, -quantum.as_tuple().exponent) if quantum else 0  # type: ignore[operator]


# A bracket right after an amount, listing two amounts or more and no comparison: the parts of that amount
# ('公务用车购置及运行费3亿元(公务用车购置费0.2亿元、公务用车运行维护费2.8亿元)'); its '其中' is read as such.
_MONEY_IN = rf"\d\s*(?:亿元|万元|元|{BARE_MONEY_UNIT})"
_BRACKET_LIST = (rf"(?<=[元万亿])[(（](?![^()（）]*(?:其中|含|比|较|增|减|上年|同期))"
                 rf"(?=[^()（）]*?{_MONEY_IN}[^()（）]*?{_MONEY_IN}[^()（）]*[)）])")
_OPENER_RE = re.compile(rf"其中|用于以下|如下|包括[：:]|分项情况|[：:](?=[一1][、.．])|{_BRACKET_LIST}")  # '…520万元：一、…'
# A 三公 total stated with its stage ('预算安排21万元', '支出决算汇总数为1134万元', '预算数为98.65万元') opens the
# list of its items like a plain amount; a sum of 三公经费 and other costs ('三公经费及会议费…') does not.
_STAGE_GAP_RE = re.compile(r"^(?:[)）”\"]|财政拨款|一般公共预算|支出|开支|安排|预算|决算|汇总|总额|合计|数|为|是|共|计|：|:|\s)*$")


_COMPARED_RE = re.compile(r"(较|比|与|同)[^，,；;]*$")  # '较预算数1237万元': a base of comparison, not a total


def _opens_list(claim: Claim) -> bool:
    """A figure that may be the whole of a list after it: an amount or a budget ('基本支出预算X元，其中：…'), the sum
    of subjects named together, a 三公 total with its stage, or a figure of no subject at all ('…经费总预算安排X元，
    其中：基本支出…'; its parts name what it is made of)."""
    return claim.measure in ("amount", "budget") or _listed(claim) != () or _unnamed_money(claim) or (
        claim.subject == "三公经费" and claim.measure in ("figure", "budget") and bool(_STAGE_GAP_RE.match(claim.basis))
        and not _COMPARED_RE.search(claim.clause[: max(claim.clause.find(claim.text), 0)]))


def _unnamed_money(claim: Claim) -> bool:
    """A sum of money stated of no subject the grammar knows ('事业运行经费总预算安排X元')."""
    return not claim.subject and claim.measure in ("amount", "budget", "figure") and bool(
        MONEY_UNIT_RE.search(claim.text)) and not _BASE_BEFORE_RE.search(claim.clause[: max(claim.clause.find(claim.text), 0)])


# The base of a comparison before a figure ('较上年', '比2022年预算'), not '研究与开发'.
_BASE_BEFORE_RE = re.compile(r"(?:较|比|与|同)(?:上年|去年|同期|\d{4}|年初|全年|调整|预算|决算)")


CUE_AT_START = 4  # '其中：…' / '分项情况是：…' opening a sentence: the list of the sentence before


def _listed(claim: Claim) -> tuple[str, ...]:
    """The subjects a figure is stated for together ('会议费、培训费、差旅费预算数X元'), or ()."""
    return listed_subjects(claim.basis) if claim.measure == "figure" else ()


def _scan_lists(pkg: DisclosurePackage) -> tuple[dict[int, Claim], dict[int, tuple[Claim, list[Claim]]]]:
    """For each sentence (by index), the amount that opened the list it belongs to: the figure standing before
    “其中/主要用于/包括/分项情况” in the same sentence or in an earlier sentence of the same section (a sentence that
    opens with the cue lists the parts of the sentence before). And the lists that hold a list of their own: a
    part that opens its own list ('公务用车…1618万元，其中：购置费…') is still a part of the first list of its
    section ('“三公”经费决算总额2771万元' … ), with the parts stated before its cue."""
    statements = sentences(pkg)
    opener: Claim | None = None
    first: Claim | None = None  # the section's first list
    section = None
    result: dict[int, Claim] = {}
    nested: dict[int, tuple[Claim, list[Claim]]] = {}
    last: Claim | None = None  # the last amount that could open a list, in this section
    for index, statement in enumerate(statements):
        if statement.section != section:
            opener, first, last, section = None, None, None, statement.section
        text = compact_text(statement.text)
        cue = _OPENER_RE.search(text)
        amounts = [c for c in statement.claims if _opens_list(c)]
        before_cue = [c for c in amounts if cue and 0 <= _position(text, c) < cue.start()]
        if not before_cue and cue and cue.start() <= CUE_AT_START and last is not None:
            opener = first = last  # '其中：…' opening a sentence: the parts of the figure just stated
        if before_cue:
            if first is not None and first is not before_cue[-1]:
                nested.setdefault(id(first), (first, []))[1].extend(
                    c for c in statement.claims if c.measure == "amount" and 0 <= _position(text, c) < cue.start())
            result[index] = before_cue[-1]  # parts in the same sentence, after the cue
            head = text[: cue.start() + (cue.group(0) in "(（")]  # a list in brackets ends with its bracket
            bracketed = head.count("(") + head.count("（") > head.count(")") + head.count("）")
            opener = first if bracketed and first is not None else before_cue[-1]  # '（其中：…）' ends with its bracket
            first = first or opener
        elif opener is not None:
            result[index] = opener
        # two totals before '其中' (预算 and 决算): the 决算 amount when it is the only one ('预算为2.4万元，支出决算为
        # 20.39万元。其中：…支出决算为…'), whose parts the amounts listed are; otherwise neither is taken
        # (a sum of no subject printed after a cue is a part of another list, not the whole of the next one)
        if not statement.claims:
            continue  # a sentence of no figure ('办案成本增大，…'; a reason running on) leaves the figure before it open
        named = [c for c in amounts if not (_unnamed_money(c) and cue and _position(text, c) > cue.start())]
        spent = [c for c in named if c.measure == "amount"]
        last = named[0] if len(named) == 1 else spent[0] if len(spent) == 1 else None
    return result, nested


def _position(text: str, claim: Claim) -> int:
    """Where a claim's figure stands in its sentence: within its own clause, so that two figures printed alike
    ('收入总计X万元(其中…),支出总计X万元') are told apart; -1 when not found."""
    clause = text.find(claim.clause) if claim.clause else -1
    within = claim.clause.find(claim.text) if clause >= 0 else -1
    return clause + within if within >= 0 else text.find(claim.text)


def _openers(pkg: DisclosurePackage) -> dict[int, Claim]:
    return _scan_lists(pkg)[0]



def _whole(pkg: DisclosurePackage, claim: Claim, opener: Claim | None,
           statement: Statement | None = None) -> tuple[Printed, str] | None:
    """The base of a share: the whole it names — stated in its own sentence ('财政拨款基本支出X万元，其中：人员经费Y万元，
    占基本支出的Z%': that X, of its own subject and stage), else its table figure, else the one figure the text states
    for it (several different figures: the base is not known and the share stays unchecked) — or the list opener."""
    if claim.basis and statement is not None and (own := _named_in_sentence(statement, claim)) is not None:
        return _true_printed(pkg, own), f"{_what(own)} {own.text}"
    if claim.basis:
        subject, scope = whole_named(claim.basis)
        found = locate(pkg, subject, scope)
        if found is not None and found.amount is not None and found.value:
            return (found.value, found.amount.quantum), f"{found.describe()} {wan(found.value)}"
        of_budget = "预算" in claim.clause[claim.clause.find("占"):]  # '占政府采购预算58.8%': of the stated budget
        if opener is not None and opener is not claim and opener.subject == subject and opener.value and (
                not scope or opener.scope == scope) and (opener.measure == "amount" or of_budget):
            return _true_printed(pkg, opener), f"{_what(opener)} {opener.text}"  # the whole its list belongs to
        measures = ("amount", "budget") if of_budget else ("amount",)
        named = [c for s in sentences(pkg) for c in s.claims if c.subject == subject and c.measure in measures
                 and c.value and (not scope or c.scope == scope)]
        if not named and subject in _BOTH_TOTALS:  # '收支总预算X元' states both grand totals
            named = [c for s in sentences(pkg) for c in s.claims if c.subject == "收支总计" and c.measure in measures
                     and c.value and c.scope == scope]
        if len({c.value for c in named}) != 1:
            return None  # none, or several figures (of different scopes or stages): which one is meant is not known
        return (named[0].value, named[0].quantum), f"{claim.basis} {named[0].text}"
    if opener is not None and opener.value and opener is not claim:
        return _true_printed(pkg, opener), f"{_what(opener)} {opener.text}"
    if claim.subject in SANGONG and claim.subject != "三公经费" and SANGONG[claim.subject] in D09_ITEMS:
        found = locate(pkg, "三公经费", "")  # a 三公 item's share, no whole named: of the 三公经费
        if found is not None and found.amount is not None and found.value:
            return (found.value, found.amount.quantum), f"{found.describe()} {wan(found.value)}"
        stated = {c.value: c for s in sentences(pkg) for c in s.claims
                  if c.subject == "三公经费" and c.measure == "amount" and c.value}
        if found is None and len(stated) == 1:  # no table: the one 三公 total the text states
            [total] = stated.values()
            return (total.value, total.quantum), f"三公经费 {total.text}"
    return None


D09_ITEMS = ("overseas", "car", "reception")  # the parts of the 三公经费 total
_BOTH_TOTALS = ("收入总计", "支出总计")


def whole_named(basis: str) -> tuple[str, str]:
    """The (subject, scope) of the whole a share names: a subject of the lexicon as is; a total with a scope word
    before it, kept as written by the grammar ('一般公共预算财政拨款总支出'), is that scope's spending or income
    ('支出', 'general'); anything else stays as written (and is found nowhere: the share is not checked)."""
    scope = scope_of(basis)
    named = subject_at(basis, len(basis))
    if not scope or named is None or named[0] not in TOTALS or named[2] != len(basis):
        return basis, ""
    return ("支出" if "支出" in named[0] else "收入"), scope


def _named_in_sentence(statement: Statement, claim: Claim) -> Claim | None:
    """The amount of the whole a share names, stated in the share's own sentence before it (the nearest one)."""
    before = statement.claims[: statement.claims.index(claim)]
    subject, scope = whole_named(claim.basis)
    return next((c for c in reversed(before) if c.subject == subject and (not scope or c.scope == scope)
                 and c.measure == "amount" and c.value), None)


def _part(statement: Statement, claim: Claim) -> Claim | None:
    """The amount a share, completion or comparison speaks of: the same subject's amount in the same sentence (of
    the same scope when there is one: not a kind of funds' part listed after it); without one, its budget ('工资福利
    支出预算X元，占基本支出预算P%'). A share of a subject the grammar does not know ('分散采购X元，占政府采购预算的P%')
    speaks of the sum stated right before it."""
    earlier = list(reversed(statement.claims[: statement.claims.index(claim)]))
    if not claim.subject:
        last = next((c for c in earlier if c.measure not in ("share", "count")), None)
        return last if last is not None and _unnamed_money(last) else None
    for measure in ("amount", "budget"):
        before = [c for c in earlier if c.measure == measure and c.subject == claim.subject]
        if before:
            return next((c for c in before if c.scope == claim.scope), before[0])
    return None


def _true_printed(pkg: DisclosurePackage, claim: Claim) -> Printed:
    """A stated amount as the tables print it, when they have it: a share or a sum is judged on its own, and a
    wrong amount is reported once, by narrative.n1_amount_vs_table."""
    found = locate(pkg, claim.subject, claim.scope, claim.measure) if claim.subject else None
    if found is not None and found.amount is not None and not is_blank(found.table) and not _initial_budget(claim):
        return found.value, found.amount.quantum
    return claim.value, claim.quantum


def _true_value(pkg: DisclosurePackage, claim: Claim) -> Decimal:
    return _true_printed(pkg, claim)[0]


def _cell_printed(found: Found | None) -> Printed | None:
    amount = found.amount if found is not None else None
    return (amount.value, amount.quantum) if amount is not None else None


def _budget(pkg: DisclosurePackage, statement: Statement, claim: Claim) -> tuple[Printed, Printed] | None:
    """(决算, 预算) as printed for a subject: both from the sentence, else from the tables (三公)."""
    own = [c for c in statement.claims if c.subject == claim.subject]
    budget = next((_true_printed(pkg, c) for c in own if c.measure == "budget"), None)
    final = next((_true_printed(pkg, c) for c in own if c.measure == "amount"), None)
    if budget is None and not _initial_budget(claim):
        budget = _cell_printed(locate(pkg, claim.subject, claim.scope, "budget"))
    if final is None:
        final = _cell_printed(locate(pkg, claim.subject, claim.scope))
    return (final, budget) if final is not None and budget is not None else None


def _own_pair(statement: Statement, claim: Claim) -> tuple[Claim, ...]:
    """The 决算 and 预算 amounts a sentence states for a claim's subject (what _budget takes from the text)."""
    return tuple(c for c in statement.claims if c.subject == claim.subject and c.measure in ("amount", "budget"))


def _shares(pkg: DisclosurePackage) -> Iterator[tuple[Claim, Claim | None, tuple[Printed, Printed] | None, str,
                                                     tuple[Claim, ...], str]]:
    """Each share with the list it belongs to (its opener), its (part, whole) as printed (None when no whole or
    part is known), the formula, the amounts it speaks of (one, or the items a combined share sums) and what it
    is the share of."""
    openers = _openers(pkg)
    for index, statement in enumerate(sentences(pkg)):
        for claim in statement.claims:
            if claim.measure == "share":
                combined = _combined(statement, claim)
                single = _part(statement, claim) if combined is None else None
                parts = combined or ((single,) if single is not None else ())
                what = f"{'、'.join(c.subject for c in combined)}合计" if combined else _what(claim)
                whole = _whole(pkg, claim, openers.get(index), statement)
                # a share of a whole named in its own sentence belongs to that whole, not to the list around it
                opener = (_named_in_sentence(statement, claim) if claim.basis else None) or openers.get(index)
                if not parts or whole is None:
                    yield claim, opener, None, "", parts, what
                    continue
                printed = [_true_printed(pkg, c) for c in parts]
                part = (sum((v for v, _ in printed), ZERO), sum((q for _, q in printed), ZERO))
                shown = " + ".join(c.text for c in parts)
                yield (claim, opener, (part, whole[0]), f"{f'({shown})' if combined else shown} ÷ {whole[1]}",
                       parts, what)


# A share of several items together ('经营收入A万元，附属单位上缴收入B万元，两项合计占0.1%'; '…共占12%').
COMBINED_SHARE_RE = re.compile(r"(?:([两二三四五六七八九十\d]+)项|两者|二者|以上各项|上述各项|以上|上述)?(?:合计|共计|总计|共)占")


def _combined(statement: Statement, claim: Claim) -> tuple[Claim, ...] | None:
    """The amounts a combined share ('两项合计占Y%', '合计占', '共占') is the share of: the named amounts stated in its
    sentence before it and after the share before it — as many as it counts ('两项'), else all of them (at least
    two); () when they cannot be told (fewer amounts than it counts); None when the share is of one item."""
    cue = COMBINED_SHARE_RE.search(claim.clause[: max(claim.clause.find(claim.text), 0)])
    if cue is None:
        return None
    before = statement.claims[: statement.claims.index(claim)]
    after = next((i for i in range(len(before) - 1, -1, -1) if before[i].measure == "share"), -1)
    amounts = [c for c in before[after + 1:] if c.measure == "amount" and c.subject]
    count = (chinese_number(cue.group(1)) if cue.group(1) else None) or len(amounts)
    if count < 2 or len(amounts) < count:
        return ()
    return tuple(amounts[-count:])


@rule("narrative.n2_percentages", "情况说明中的占比、完成预算比例计算错误", Tier.ERROR, CAT, f"{BASIS} 占比/完成年初预算", "disclosure",
      applies=has_narrative)
def n2_percentages(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """占比 = 部分 ÷ 整体 × 100（整体为句中点名的合计，如“占本年支出合计的”，否则为“其中/主要用于”前的金额）；完成预算 =
    决算 ÷ 预算 × 100（“完成全年预算X万元的Y%”同样）；按所写小数位四舍五入，差一个末位为提示，超过为确定。同一列表中两项
    占比恰为对方的应有值时，为一处错误（两项占比互换），只报一次；两项占比合计恰为 100% 而前一项算错时，后一项是 100% 减去
    前一项所得，同为一处错误，只报一次。“A x万元，B y万元，两项合计占Z%”（“合计占”“共占”）的占比是所列几项之和的占比。所列
    各项占比合计印为 100%、而各自四舍五入合计不为 100% 时，相差一个末位的项是按合计 100% 调整了尾差，为提示。"""
    shares: list[tuple[int, Finding]] = []
    checked: dict[int, list[Claim]] = {}
    for claim, opener, operands, formula, parts, what in _shares(pkg):
        if operands is not None:
            checked.setdefault(id(opener), []).append(claim)
            shares.extend((id(opener), f) for f in _check_rate(
                ctx, "narrative.n2_percentages", claim, f"{what}占比", claim.value, ratio, operands, formula,
                (*parts, opener if opener is not None and (not claim.basis or opener.subject == claim.basis) else None)))
    yield from _swapped(_complementary(_forced_to_hundred(shares, checked), checked))
    statements = sentences(pkg)
    for index, statement in enumerate(statements):
        for claim in statement.claims:
            if claim.measure == "completion" and (pair := _budget(pkg, statement, claim)) and pair[1][0]:
                yield from _check_rate(ctx, "narrative.n2_percentages", claim, "完成预算比例", claim.value, ratio, pair,
                                       f"决算 {wan(pair[0][0])} ÷ 预算 {wan(pair[1][0])}", _own_pair(statement, claim))
            elif claim.measure == "completion":
                yield from _completion_bound(ctx, statements, index, claim)


_SPENT = ("支出", "本年支出合计")  # a completion's 决算: the year's spending, which the side's 支出总计 bounds


def _completion_bound(ctx: Context, statements: list[Statement], index: int, claim: Claim) -> Iterator[Finding]:
    """A completion rate whose 决算 is neither in its sentence nor in a table, beside a 支出总计 of the same scope stated
    just before in the same paragraph ('财政拨款收入总计X万元，支出总计Y万元。…年初预算数B万元，完成年初预算的P%'): the
    year's spending is at most Y (总计 adds the 年末结转和结余), so P above Y ÷ B beyond rounding cannot hold
    (确定); P below it holds only with a carry-over the text does not state (疑似)."""
    statement = statements[index]
    budget = next((c for c in statement.claims if c.subject == claim.subject and c.measure == "budget"), None)
    if claim.subject not in _SPENT or budget is None or not budget.value:
        return
    total = next((c for s in reversed(statements[:index]) if s.location.block == statement.location.block
                  and s.section == statement.section for c in reversed(s.claims)
                  if c.subject == "支出总计" and c.measure == "amount" and c.scope == claim.scope), None)
    if total is None:
        return
    operands = ((total.value, total.quantum), (budget.value, budget.quantum))
    bounds = reachable(ratio, *operands)
    computed = ratio(total.value, budget.value)
    if bounds is None or computed is None:
        return
    compared(ctx, claim, budget, total)
    half = claim.quantum / 2
    places = _places(claim.quantum)
    expected = round_half_up(computed, places)
    formula = f"支出总计 {total.text} ÷ 年初预算 {budget.text}"
    if claim.value - half > bounds[1]:
        yield Finding("narrative.n2_percentages", Tier.ERROR,
                      f"完成预算比例写为 {claim.value}%，而本年支出不超过{formula}，至多 {expected}%",
                      claim.location.with_(row="完成预算比例"), CAT, expected=f"{expected}", actual=f"{claim.value}",
                      difference=f"{claim.value - expected}")
    elif claim.value + half < bounds[0]:
        gap = (total.value - budget.value) / WAN
        carry = total.value - budget.value * claim.value / 100  # what the stated rate leaves of the 支出总计
        slip = (f"；所写 {claim.value} 恰为支出总计与年初预算之差（{wan(total.value - budget.value)} 万元），像是把差额写成了"
                "百分比" if abs(gap - claim.value) <= half + (total.quantum + budget.quantum) / 2 / WAN else "")
        yield Finding("narrative.n2_percentages", Tier.WARNING,
                      f"完成预算比例写为 {claim.value}%，按{formula}应为 {expected}%（按“支出总计 = 本年支出 + 年末结转和结余”，"
                      f"两者同时成立须有年末结转和结余约 {wan(carry)} 万元）{slip}，请核对",
                      claim.location.with_(row="完成预算比例"), CAT, expected=f"{expected}", actual=f"{claim.value}",
                      difference=f"{claim.value - expected}")


HUNDRED = Decimal(100)


def _complementary(shares: list[tuple[int, Finding]], checked: dict[int, list[Claim]]) -> list[tuple[int, Finding]]:
    """The two shares of a two-part whole printed to add up to exactly 100%: the second may have been written as 100%
    less the first, so when the first is only a rounding residue (or truncated) the second's larger miss rests on the
    convention “the shares add up to 100%”, not on its own arithmetic. The pair is one rounding notice, at the first,
    with the other as related. When the first is wrong beyond rounding, the second (100% less it) is wrong with it:
    one error, at the first."""
    result: list[tuple[int, Finding]] = []
    merged: set[int] = set()
    for i, (whole, first) in enumerate(shares):
        if i in merged:
            continue
        pair = checked.get(whole, [])
        partner = next((j for j, (other_whole, other) in enumerate(shares) if j != i and j not in merged
                        and other_whole == whole and Tier.ERROR in {first.tier, other.tier}
                        and other.tier in (Tier.NOTICE, Tier.ERROR) and first.tier in (Tier.NOTICE, Tier.ERROR)
                        and first.actual != other.expected), None)  # a swapped pair is _swapped's
        if partner is None or len(pair) != 2 or pair[0].value + pair[1].value != HUNDRED:
            result.append((whole, first))
            continue
        other = shares[partner][1]
        if first.tier is other.tier is Tier.ERROR:  # the first is wrong, the second printed as 100% less it: one fault
            merged.add(partner)
            one, two = (first, other) if i < partner else (other, first)
            result.append((whole, replace(
                one, related=(two.location,),
                message=f"{one.message}；{_what_of(two)}占比 {two.actual}% 为 100% 减去它所得，随之有误（应为 "
                        f"{two.expected}%）")))
            continue
        notice, error = (first, other) if first.tier is Tier.NOTICE else (other, first)
        if Decimal(error.actual) != HUNDRED - Decimal(notice.actual):
            result.append((whole, first))
            continue
        merged.add(partner)
        one, two = (first, other) if i < partner else (other, first)
        a, b = one.location.row.removesuffix("占比"), two.location.row.removesuffix("占比")
        result.append((whole, replace(
            one, tier=Tier.NOTICE, related=(two.location,),
            message=f"{a}占比写为 {one.actual}%、{b}占比写为 {two.actual}%，按各自金额应分别为 {one.expected}%、"
                    f"{two.expected}%：{_what_of(error)}占比 {error.actual}% 为 100% 减去{_what_of(notice)}占比 "
                    f"{notice.actual}% 所得（两项占比按合计 100% 印出），差异源于后者的尾数")))
    return result


def _forced_to_hundred(shares: list[tuple[int, Finding]], checked: dict[int, list[Claim]]) -> list[tuple[int, Finding]]:
    """The shares of a list printed to add up to exactly 100% where the shares rounded each on its own do not: the
    printed ones were adjusted by a last digit to make up 100% (尾差调整). When every share of the list that misses
    misses by exactly one last digit, and all together by no more than the rounding the list can hold (half a last
    digit per share), the misses rest on that convention, not on the arithmetic: rounding notices."""
    result: list[tuple[int, Finding]] = []
    for whole, finding in shares:
        listed = checked.get(whole, [])
        missed = [f for w, f in shares if w == whole and f.tier in (Tier.ERROR, Tier.NOTICE)]
        if finding.tier is Tier.ERROR and len(listed) >= 2 and sum((c.value for c in listed), ZERO) == HUNDRED:
            quantum = max(c.quantum for c in listed)
            drift = sum((Decimal(f.actual) - Decimal(f.expected) for f in missed), ZERO)
            if all(abs(Decimal(f.actual) - Decimal(f.expected)) == quantum for f in missed) and drift and abs(
                    drift) <= sum((c.quantum / 2 for c in listed), ZERO):
                finding = replace(finding, tier=Tier.NOTICE, message=f"{finding.message}；所列 {len(listed)} 项占比合计"
                                  f"印为 100%，各自四舍五入则合计为 {HUNDRED - drift}%：应是按合计 100% 调整了末位（尾差调整）")
        result.append((whole, finding))
    return result


def _what_of(finding: Finding) -> str:
    return finding.location.row.removesuffix("占比")


def _swapped(shares: list[tuple[int, Finding]]) -> Iterator[Finding]:
    """Two shares of one list that are each other's value ('接待 69%、用车 31%' for 31% and 69%) are one fault: the
    shares were swapped; reported once, at the first, with the other as related."""
    taken: set[int] = set()
    for i, (whole, first) in enumerate(shares):
        if i in taken:
            continue
        partner = next((j for j, (other_whole, other) in enumerate(shares) if j > i and j not in taken
                        and other_whole == whole and first.tier is other.tier is Tier.ERROR
                        and first.actual == other.expected and other.actual == first.expected), None)
        if partner is None:
            yield first
            continue
        taken.add(partner)
        other = shares[partner][1]
        a, b = first.location.row.removesuffix("占比"), other.location.row.removesuffix("占比")
        yield replace(first, message=f"{a}占比写为 {first.actual}%、{b}占比写为 {other.actual}%，按各自金额应分别为 "
                                     f"{first.expected}%、{other.expected}%：两项占比互换", related=(other.location,))


_WORDS = {1: "大于", -1: "小于", 0: "等于"}


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


@rule("narrative.comparison_words", "比较用语与所比较的两个数不符", Tier.ERROR, CAT, f"{BASIS} N2", "disclosure",
      applies=has_narrative)
def comparison_words(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“决算数大于/小于/等于（持平于）预算数”须与决算、预算两个数（句中所写，否则三公表）或完成预算比例一致；“高于/低于/
    持平于上年”须与句中的增减额或上年数一致；否定的说法（“未超过预算”“不高于上年”“没有增加”）只在被否定的词恰好成立时
    不符。两处说法不能同时为真（确定）。"""
    for statement in sentences(pkg):
        for claim in statement.claims:
            if claim.measure != "compare":
                continue
            said = int(claim.value)
            actual: int | None = None
            numbers = ""
            if claim.basis == "预算":
                if pair := _budget(pkg, statement, claim):
                    actual = _sign(pair[0][0] - pair[1][0])
                    numbers = f"决算 {wan(pair[0][0])} 万元，预算 {wan(pair[1][0])} 万元"
                    compared(ctx, claim, *_own_pair(statement, claim))
                elif rate := next((c for c in statement.claims if c.measure == "completion"), None):
                    actual, numbers = _sign(rate.value - 100), f"完成预算 {rate.text}"
                    compared(ctx, claim, rate)
            else:
                change = next((c for c in statement.claims if c.measure in ("change", "rate")
                               and c.subject == claim.subject), None)
                prior = next((c for c in statement.claims if c.measure == "prior"), None)
                current = _part(statement, claim)
                if change is not None:
                    actual, numbers = _sign(change.value), f"增减 {change.text}"
                    compared(ctx, claim, change)
                elif prior is not None and current is not None:
                    actual, numbers = _sign(current.value - prior.value), f"本年 {current.text}，上年 {prior.text}"
                    compared(ctx, claim, prior, current)
            if actual is not None and (actual == said if claim.negated else actual != said):
                yield Finding("narrative.comparison_words", Tier.ERROR,
                              f"说明称{_what(claim)}“{claim.text}”{claim.basis}，而{numbers}，"
                              + (f"实为“{_WORDS[actual]}”" if claim.negated else f"应为“{_WORDS[actual]}”"),
                              claim.location.with_(row=f"{claim.subject}比较"), CAT, expected=_WORDS[actual],
                              actual=claim.text)


def _sangong_printed(pkg: DisclosurePackage, claim: Claim, measure: str) -> Printed | None:
    """A 三公 item's 决算 (measure 'amount') or 预算 ('budget') in 公开09 as printed; a blank cell of a table that
    prints figures is zero."""
    found = locate(pkg, claim.subject, claim.scope, measure)
    if found is None or found.row is None or is_blank(found.table) or _initial_budget(claim):
        return None
    amount = found.amount
    return (amount.value, amount.quantum) if amount is not None else (ZERO, ZERO)


@rule("narrative.change_vs_budget", "与预算相比的增减额与三公经费表不符", Tier.ERROR, CAT, f"{BASIS} N1/N2", "disclosure",
      applies=has_narrative)
def change_vs_budget(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """三公经费各项“与（年度）预算相比增加（减少）X万元”“与预算相比无增减/无变化”：X 须等于决算数 − 预算数（句中写了决算数、
    预算数时用所写之数，否则取公开09 的预算数、决算数，空格为0）。按各数所印精度仍不能相等为确定。"""
    for statement in sentences(pkg):
        for claim in statement.claims:
            if claim.measure != "change" or claim.basis != "预算" or claim.subject not in SANGONG:
                continue
            table = pkg.table("D09")
            if _earlier_budget(pkg, claim) or table is None:
                continue
            own = [c for c in statement.claims if c.subject == claim.subject]
            final = next((_true_printed(pkg, c) for c in own if c.measure == "amount"), None) or _sangong_printed(
                pkg, claim, "amount")
            budget = next((_true_printed(pkg, c) for c in own if c.measure == "budget"), None) or _sangong_printed(
                pkg, claim, "budget")
            if final is None or budget is None:
                continue
            compared(ctx, claim)
            expected = final[0] - budget[0]
            if abs(claim.value - expected) <= (claim.quantum + final[1] + budget[1]) / 2:
                continue
            said = claim.text if claim.value or claim.quantum else f"{claim.text}（即增减为0）"
            yield Finding("narrative.change_vs_budget", Tier.ERROR,
                          f"说明称{_what(claim)}与预算相比{said}，而决算 {wan(final[0])} 万元、预算 {wan(budget[0])} 万元，"
                          f"决算 − 预算 = {wan(expected)} 万元", claim.location.with_(row=f"{claim.subject}与预算比较"), CAT,
                          expected=wan(expected), actual=wan(claim.value), difference=wan(claim.value - expected))


MONEY_UNIT_RE = re.compile(r"(亿元|万元|元|万|亿)$")
SLIP_MEASURES = ("amount", "budget", "change", "prior")
SLIP_MAJORITY = 3  # 万元 figures at least this many times those in 元 make 万元 the document's unit


@dataclass(frozen=True)
class UnitSlip:
    """A money figure printed in 元 where the document counts in 万元 and only the 万元 reading fits: `claim` is
    the figure read in 万元, `printed` as printed, `agrees` what the 万元 reading agrees with."""

    claim: Claim
    printed: Claim
    agrees: tuple[str, ...]


def _money_unit(claim: Claim) -> str:
    match = MONEY_UNIT_RE.search(claim.text)
    return "" if match is None else {"万": "万元", "亿": "亿元"}.get(match.group(1), match.group(1))


def unit_slips(pkg: DisclosurePackage, statements: list[Statement]) -> dict[tuple[int, int], UnitSlip]:
    """Figures printed in 元 in a text that counts in 万元 (its 万元 figures at least SLIP_MAJORITY times those in
    元) that are the unit slipped: read in 万元 the figure agrees with everything it is checked against (the tables,
    决算 − 预算, the rate stated beside it), read in 元 with none of it. Keyed by (sentence, claim) index."""
    units = [_money_unit(c) for s in statements for c in s.claims]
    if units.count("万元") < SLIP_MAJORITY or units.count("元") * SLIP_MAJORITY > units.count("万元"):
        return {}
    slips: dict[tuple[int, int], UnitSlip] = {}
    for i, statement in enumerate(statements):
        for j, claim in enumerate(statement.claims):
            if claim.measure not in SLIP_MEASURES or _money_unit(claim) != "元":
                continue
            scaled = replace(claim, value=claim.value * WAN, quantum=claim.quantum * WAN)
            tests = _agreements(pkg, statements, i, claim, scaled)
            if tests and all(meant for _, meant, _ in tests) and not any(printed for _, _, printed in tests):
                slips[(i, j)] = UnitSlip(scaled, claim, tuple(what for what, _, _ in tests))
    return slips


def _agreements(pkg: DisclosurePackage, statements: list[Statement], index: int, printed: Claim,
                scaled: Claim) -> list[tuple[str, bool, bool]]:
    """What a money figure is checked against, each as (what, holds read in 万元, holds read as printed): its
    table cell; for a 三公 change on the budget, 决算 − 预算; for a change followed by its rate, that rate."""
    statement = statements[index]
    tests: list[tuple[str, bool, bool]] = []
    if printed.measure in ("amount", "budget") and printed.subject:
        found = locate(pkg, printed.subject, printed.scope, printed.measure)
        if found is not None and found.amount is not None and not is_blank(found.table):
            tests.append((f"{found.describe()} {wan(found.value)} 万元", not _differs(scaled, found.amount),
                          not _differs(printed, found.amount)))
    if printed.measure in ("amount", "budget"):
        tests.extend(_shares_of(statement, printed, scaled))
    if printed.measure != "change":
        return tests
    if printed.basis == "预算" and printed.subject in SANGONG and not _earlier_budget(pkg, printed):
        own = [c for c in statement.claims if c.subject == printed.subject]
        final = next((_true_printed(pkg, c) for c in own if c.measure == "amount"), None) or _sangong_printed(
            pkg, printed, "amount")
        budget = next((_true_printed(pkg, c) for c in own if c.measure == "budget"), None) or _sangong_printed(
            pkg, printed, "budget")
        if final is not None and budget is not None:
            expected = final[0] - budget[0]

            def holds(change: Claim) -> bool:
                return abs(change.value - expected) <= (change.quantum + final[1] + budget[1]) / 2

            tests.append((f"决算 {wan(final[0])} 万元 − 预算 {wan(budget[0])} 万元", holds(scaled), holds(printed)))
    after = statement.claims[statement.claims.index(printed) + 1:]
    rate = after[0] if after and after[0].measure == "rate" and after[0].subject == printed.subject else None
    current = _this_year(pkg, statements, index, rate, budgeted=_earlier_budget(pkg, printed)) if rate else None
    if rate is not None and current is not None:
        def fits(change: Claim) -> bool:
            bounds = reachable(_rate_of_change, current, (change.value, change.quantum))
            return bounds is not None and bounds[0] - rate.quantum / 2 <= abs(rate.value) <= bounds[1] + rate.quantum / 2

        tests.append((f"所写“{rate.text}”", fits(scaled), fits(printed)))
    return tests


def _shares_of(statement: Statement, printed: Claim, scaled: Claim) -> list[tuple[str, bool, bool]]:
    """The shares a sentence states after a whole printed in 元, each of a part printed in 万元 ('全年预算数A元：
    其中中央资金B万元，占比P%'), as (what, holds with the whole read in 万元, holds as printed). A share that names
    another whole ('占支出总额的') is not this figure's."""
    tests: list[tuple[str, bool, bool]] = []
    for share in statement.claims[statement.claims.index(printed) + 1:]:
        if share.measure != "share" or share.basis:
            continue
        part = _part(statement, share)
        if part is None or part is printed or _money_unit(part) != "万元":
            continue

        def fits(whole: Claim, part: Claim = part, share: Claim = share) -> bool:
            bounds = reachable(ratio, (part.value, part.quantum), (whole.value, whole.quantum))
            return bounds is not None and bounds[0] - share.quantum / 2 <= share.value <= bounds[1] + share.quantum / 2

        tests.append((f"所写“{share.text}”", fits(scaled), fits(printed)))
    return tests


@rule("narrative.unit_slip", "金额单位与全文不一致（疑为“万元”漏写“万”）", Tier.WARNING, CAT, f"{BASIS} N1", "disclosure",
      applies=has_narrative)
def unit_slip(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """全文金额以万元计时，写作“X元”的金额若按 X 万元读与其余各处（表中该项、决算 − 预算、同句所写增减率）全部相符，按 X 元读
    则均不符，为单位笔误（漏写“万”）：列为疑似，此数按 X 万元参与其余各项核对，不另报差错。"""
    statements = _printed(pkg)
    for slip in unit_slips(pkg, statements).values():
        printed = slip.printed
        compared(ctx, printed)
        number = NUMBER_RE.search(normalize_text(printed.text))
        meant = f"{number.group(0) if number else wan(abs(slip.claim.value))}万元"
        yield Finding("narrative.unit_slip", Tier.WARNING,
                      f"说明写“{printed.text}”，全文金额以万元计：按“{meant}”读，与{'、'.join(slip.agrees)}均相符，"
                      f"按元读则均不符，疑为单位漏写“万”（其余核对按 {meant} 进行）",
                      printed.location.with_(row=f"{printed.subject}金额单位"), CAT, expected="万元", actual="元")


# The kinds of a unit's income in a year.
INCOME_ITEMS = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
# The function classes (类) of spending: the year's spending adds up by class too ('支出合计X万元，其中：教育支出a万元，
# 社会保障和就业支出b万元…'); a class the unit has no spending in is not written.
FUNCTION_CLASSES = ("一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
                    "文化旅游体育与传媒支出", "文化体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "医疗卫生支出",
                    "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出", "资源勘探工业信息等支出",
                    "资源勘探信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出",
                    "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出",
                    "债务还本支出", "债务付息支出", "债务发行费用支出")
# A whole and the parts that make it up exactly, when the list names every one of them.
PARTITIONS = {
    "基本支出": (("人员经费", "公用经费"),),
    "本年支出合计": (("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"), FUNCTION_CLASSES),
    "收入总计": (("本年收入合计", "使用非财政拨款结余", "年初结转和结余"),
                ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "使用非财政拨款结余",
                 "年初结转和结余")),  # 本年收入 stated by its items
    "支出总计": (("本年支出合计", "结余分配", "年末结转和结余"),),
    "本年收入合计": (INCOME_ITEMS,),  # the year's income by its kinds, those that are zero often left out
    "政府采购": (("政府采购货物", "政府采购工程", "政府采购服务"),),
    "公务用车购置及运行维护费": (("公务用车购置费", "公务用车运行维护费"),),
    # the car item as printed first: its own parts are checked against it, so a wrong part is reported once
    "三公经费": (("因公出国(境)费", "公务用车购置及运行维护费", "公务接待费"),
                ("因公出国(境)费", "公务用车购置费", "公务用车运行维护费", "公务接待费")),
}
# Items some texts count into a total besides its own parts: a '三公' total that, as its list says, also takes in
# 会议费 and 培训费 (the convention '三公经费及会议费、培训费'). Listed under the total, they are its parts too.
WIDER_PARTS = {"三公经费": ("会议费", "培训费")}
# Parts texts leave out when they are zero; never negative. Without them the parts may fall short of the whole.
SPENDING_ITEMS = ("上缴上级支出", "经营支出", "对附属单位补助支出")  # besides 基本支出 and 项目支出
UNSTATED_PART = {"收入总计": ("使用非财政拨款结余", *INCOME_ITEMS), "支出总计": ("结余分配",),
                 "本年支出合计": (*SPENDING_ITEMS, *FUNCTION_CLASSES), "本年收入合计": INCOME_ITEMS,
                 "三公经费": ("公务用车购置费",)}  # a unit that buys no car lists its 运行维护费 alone
# What a part is made of, or a figure stated beside the parts that is no part of the whole (the 中小企业 share of
# 政府采购 is counted inside its 货物, 工程 and 服务): never a further part of the whole a list adds up.
ECONOMIC_CLASSES = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出")
WITHIN = {"基本支出": ("人员经费", "公用经费", *ECONOMIC_CLASSES), "项目支出": ECONOMIC_CLASSES,
          "本年收入合计": INCOME_ITEMS, "政府采购": ("中小企业合同", "小微企业合同")}
SENTENCE_END_RE = re.compile(r"[。！？!?]\s*$")


@rule("narrative.parts_total", "说明所列各分项之和不等于其合计", Tier.ERROR, CAT, f"{BASIS} N1", "disclosure",
      params=("tolerance",), applies=has_narrative)
def parts_total(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“X万元，其中：A…、B…”（或“…X万元。其中：…”“X万元（其中：…）”）列齐了合计的全部分项（人员经费+公用经费、基本支出+项目支出（+上缴上级支出、经营支出、对附属单位补助支出）、本年收入合计+使用非财政拨款结余+年初结转和结余、本年支出合计+结余分配+年末结转和结余、货物+工程+服务、三公四项或三项、公务用车购置费+运行维护费）时，
    分项之和 = 合计；差额在尾数误差（每项半个末位，取自配置）内为提示，超过为确定。为0时常不写的使用非财政拨款结余、
    结余分配，本年支出合计中的上缴上级支出、经营支出、对附属单位补助支出未列出时：分项之和超过合计为确定，少于合计为疑似（差额可能就是未列出的那一项）。三公经费合计下所列各项含会议费、
    培训费、且合计与含它们之和更接近时，它们也是该合计的分项（两种口径都不符时为确定），并提示该合计口径宽于三公经费（疑似，
    全文一次）。合计句以“其中：”结尾、其后逐行编号（1、2、3…）各列一个金额时，不论各项名称，各行之和即合计：超过合计为确定，
    少于合计为疑似（可能有未列出的部分）。合计写明了是哪几项之和（“会议费、培训费、差旅费预算数X元，其中：…”）时，所列这几项之和
    即合计；财政拨款收入列出一般公共预算、政府性基金预算、国有资本经营预算各自的数时，其和即财政拨款收入（未列出某类而少于合计
    为疑似）。三公经费未列公务用车购置费（不购车时常不写）而分项之和少于合计为疑似。同一句还列有其他名目的金额（如“基本支出A、
    项目支出B、经营支出C、对附属单位补助支出D”）而固定分项之和少于合计时，所列各项须一并计入：计入后相符则不报，仍不符为疑似，
    不以部分分项之和认定错误。
    金额后紧跟的括号列出两个以上金额
    （“公务用车购置及运行费3亿元（购置费0.2亿元、运行维护费2.8亿元）”）时，括号内为该金额的分项，在更长的列表中也单独核对
    （合计已不符时不再重复报告）。其他支出（功能分类、款项或未写明名称的合计，如“事业运行经费总预算安排X元，其中：基本支出…，
    项目支出…”）列出基本支出与项目支出时，二者之和即该支出：超过为确定，少于为疑似（可能另有上缴上级支出、经营支出等）。
    “收支总预算X元。收入包括：…；支出包括：…”逐项列出的收入各项、支出各类之和各等于该总额：超过为确定，少于为疑似。
    以上固定分项之外，金额之后以“其中”（同句，或下一句句首，跨“；”接续）、紧随的括号或其后逐条编号（1、2、…，各条以同一方
    收入或支出开头）列出的任意名称的各项：其和等于该金额时即已核对，在尾数误差内为提示，超过为疑似（按所列各项互不重叠计），
    少于不判断（“其中”可只列一部分，列为未核对）；各项之和相符、且合计与各项各写有一个比上年增减额时，增减额之和不符为疑似
    （上年可能另有本年未列出的部分），在尾数误差内为提示；三公各项的增减由 narrative.n3_sangong_changes 核对。
    本年收入合计下列出的各项收入（财政拨款收入、事业收入、其他收入……）之和即本年收入合计，为0时常不写的未列出而少于合计为疑似；
    文字在列表中途截断时不判断少于。预算公开“收入预算X万元，其中：一般公共预算拨款…，财政专户管理资金…，上年结转…”“支出预算X万元，
    其中：教育支出…”一句列全的各类收入、各功能分类支出（或基本支出与项目支出）之和即该总额（预算不留年末结转）。"""
    openers, nested = _scan_lists(pkg)
    statements = sentences(pkg)
    handled: set[int] = set()  # the totals of a budget's sides, listed whole by kind (checked below)
    yield from _budget_sides(pkg, ctx, statements, handled)
    lists: dict[int, tuple[Claim, list[Claim]]] = {}
    stated_in: dict[int, int] = {}  # a listed claim → the index of its sentence
    for index, opener in openers.items():
        if id(opener) in handled:
            continue
        entry = lists.setdefault(id(opener), (opener, []))
        entry[1].extend(c for c in statements[index].claims if c.measure in ("amount", "budget") and c is not opener)
        stated_in.update((id(c), index) for c in statements[index].claims)
    for key, (outer, _) in nested.items():
        lists.setdefault(key, (outer, []))
    for statement in statements:  # a part listing its own parts in a bracket after it, within a longer list
        for whole, inner in _bracketed_parts(statement):
            lists.setdefault(id(whole), (whole, inner))
    widened: list[tuple[Claim, tuple[str, ...]]] = []
    failed: set[int] = set()  # the figures of a sum found wrong: a list of theirs would report the same fault again
    for key, (opener, items) in lists.items():
        if key in failed:
            continue
        yield from _scope_parts(pkg, ctx, opener, items)
        by_subject = _parts_by_subject(opener, items)
        for extra in nested.get(key, (opener, []))[1]:
            by_subject.setdefault(extra.subject, extra)  # a part that lists its own parts
        unstated = UNSTATED_PART.get(opener.subject, ())
        wider = tuple(n for n in WIDER_PARTS.get(opener.subject, ()) if n in by_subject)
        spending = opener.subject in ("支出", "支出合计")  # of one scope ('一般公共预算拨款支出'): its parts of that scope
        listed_whole = _listed(opener)  # '“会议费”、“培训费”、“差旅费”预算数X元，其中：…': the items it names
        # any other spending (a class, an item, a sum the grammar cannot name) splits into 基本支出 and 项目支出 too,
        # but may hold other spending besides (上缴上级支出, 经营支出 …): parts short of it are only suspected
        other = not (listed_whole or spending or opener.subject in PARTITIONS or "收入" in opener.subject
                     or opener.subject in SANGONG or opener.subject in WIDER_PARTS)
        for names in ((listed_whole,) if listed_whole else PARTITIONS.get(opener.subject, ())) or (
                (("基本支出", "项目支出"),) if spending or other else ()):  # a 财政拨款 scope or another spending
            listed = tuple(n for n in names if n in by_subject or n not in unstated)
            if len(listed) < 2 or not all(n in by_subject for n in listed):
                continue
            parts = [by_subject[n] for n in listed]
            if (spending or other) and opener.scope and any(p.scope != opener.scope for p in parts):
                continue
            if wider and _closer(opener, [*parts, *(by_subject[n] for n in wider)], parts):
                # the list takes them in and the total agrees better with them: they are its parts too
                widened.append((opener, wider))
                names, listed = (*names, *wider), (*listed, *wider)
                parts = [by_subject[n] for n in listed]
            if any(_true_value(pkg, c) != c.value for c in (*parts, opener)):
                break  # a figure that differs from its table is reported once, by narrative.n1_amount_vs_table
            against = _against_parts(ctx, opener, parts)
            others = _others_beside(statements, stated_in, opener, parts, by_subject, names)
            partial = False  # the sum of some of the parts the sentence names, the others not fitting it either
            if against is not None and others and against[1] > 0:
                # the sentence names further parts of the same total: a sum of some of them proves nothing
                fuller = _against_parts(ctx, opener, [*parts, *others])
                if fuller is None or fuller[2] is Tier.NOTICE:
                    against, listed, parts = fuller, (*listed, *(c.subject for c in others)), [*parts, *others]
                else:
                    against, partial = (*against[:2], Tier.WARNING), True
            if against is not None:
                total, difference, tier = against
                unit = _unit_of(opener)
                places = max(-printed_exponent(c.text) for c in (opener, *parts))
                note = ""
                if partial:
                    note = (f"；同句还列有{'、'.join(c.subject for c in others)}，未计入上述各项之和：它们若也是"
                            f"{_what(opener)}的组成部分，只按上述各项核对不能认定不符")
                elif listed != names and tier is Tier.ERROR and difference > 0 and _cut_list(statements, stated_in,
                                                                                               parts):
                    break  # the text ends within the list: the part not read may be the rest
                elif listed != names and tier is Tier.ERROR and difference > 0 and _share_closes(
                        statements, stated_in, opener, parts, difference):
                    failed.update(id(c) for c in parts)
                    break  # one listed part is misprinted: its share is reported (n2_percentages), one fault
                elif listed != names and tier is Tier.ERROR and difference > 0:  # the unlisted part may be the rest
                    left = ("其他功能分类（类）支出" if names == FUNCTION_CLASSES
                            else "、".join(n for n in names if n not in listed))
                    shown = format_amount(difference, unit, places=places)
                    tier, note = Tier.WARNING, (f"；未列出的{left}若为 {shown} {unit}"
                                                "则相符，若为0则不符（按惯例说明列全各组成部分）")
                elif other and tier is Tier.ERROR and difference > 0:
                    shown = format_amount(difference, unit, places=places)
                    tier, note = Tier.WARNING, (f"；差额 {shown} {unit}若为基本支出、项目支出以外的支出（如上缴上级支出、"
                                                "经营支出）则相符")
                if tier is not Tier.NOTICE:
                    failed.update(id(c) for c in parts)
                summed = format_amount(total, unit, places=places)
                what = f"{'、'.join(listed_whole)}合计" if listed_whole else _what(opener) or _words_of(opener)
                yield Finding("narrative.parts_total", tier,
                              f"说明称{what} {opener.text}，所列{'、'.join(listed)}之和为 {summed} {unit}{note}",
                              opener.location.with_(row=what if listed_whole else opener.subject), CAT, expected=summed,
                              actual=format_amount(opener.value, unit, places=places),
                              difference=format_amount(difference, unit, places=places))
            break
    if widened:
        first, wider = widened[0]
        yield Finding("narrative.parts_total", Tier.WARNING,
                      f"说明所称{first.subject}合计含{'、'.join(wider)}，口径宽于三公经费（因公出国(境)费、公务用车购置及"
                      f"运行维护费、公务接待费）：按惯例三公经费不含{'、'.join(wider)}，与其他年度、单位比较时口径不一",
                      first.location.with_(row=f"{first.subject}口径"), CAT, expected="三公经费不含" + "、".join(wider),
                      actual=first.text, related=tuple(o.location for o, _ in widened[1:]))
    yield from _numbered_lists(pkg, ctx)
    yield from _side_lists(pkg, ctx)
    yield from _free_lists(pkg, ctx)


def _counted(pkg: DisclosurePackage) -> list[Statement]:
    """The sentences read for counts: the 情况说明's, and those of the 概况 listing counts with their parts."""
    return [s for s in pkg.narrative if s.kind in ("sentence", "profile")]


def has_counts(pkg: DisclosurePackage) -> str | None:
    return None if _counted(pkg) else "缺少情况说明文字"


@rule("narrative.count_parts", "人数或单位个数的“其中/包括”各项之和超过总数", Tier.ERROR, CAT, f"{BASIS} 概况",
      "disclosure", applies=has_counts)
def count_parts(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“编制人数N，其中：行政编制人数A、事业编制人数B……”“共有预算单位N个，包括X本级和二级预算单位M个”：句中以“其中/包括”
    列出的人数或单位个数是总数的组成部分，各项之和不应超过总数；超过为疑似（按所列各项互不重叠、本级按1个单位计，所列口径
    若有重叠则可能相符）。少于总数不判断（“其中”可只列一部分）。只比较同一句中“其中/包括”前后的数：实有人数与编制人数是
    不同的数，不相比较；分项在下一分句再细分的（“其中：在职人数N，行政在职人数A、……”）各自与其上一级比较。分项写明了人数或
    个数的单位（人、名、个）时不论名称，数字在前（“其中1个院机关、2个派出法庭”）亦可；数后括号内列出的（“离退休人员N人（其中：
    离休A人，退休B人）”；括号内只有两项以上写明单位的同类数、且不是增减时不写“其中”亦同：“在校学生N人（中学A人，小学B人）”）
    与该数比较；总数在上一句末、下一句以“其中”开头的同样比较。所列各项按名称是任何人不能兼属的类别（学段：小学、初中、高中，
    中学即初中与高中；性别：男、女；在职与离休、退休）时，各项之和超过总数为确定。概况中列出人数及其组成的句子同样比较。"""
    statements = _counted(pkg)
    for index, statement in enumerate(statements):
        text, used = statement.text, [statement]
        before = statements[index - 1] if index else None
        if before is not None and before.section == statement.section and COUNT_CUE_RE.match(_compact(statement)):
            last = [c for c in re.split(r"[，；;。]|,(?!\d{3}(?!\d))", _compact(before)) if c]  # '…205人。其中，…'
            text, used = f"{last[-1] if last else ''}，{text}", [before, statement]
        lists = count_lists(text)
        if not lists:
            continue
        counts = [c for s in used for c in s.claims if c.measure == "count"]
        ctx.checked(*used, *counts)
        for listed in lists:
            if listed.summed <= listed.total.value:
                continue
            unit = listed.unit
            own = "（本级按1个单位计）" if any(p.own_level for p in listed.parts) else ""
            shown = "、".join(p.label if p.own_level else f"{p.label}{p.value}{unit}" for p in listed.parts)
            tier, basis = ((Tier.ERROR, "所列各项是不能兼属的类别") if listed.exclusive
                           else (Tier.WARNING, "按所列各项为互不重叠的组成部分计"))
            yield Finding("narrative.count_parts", tier,
                          f"说明称{listed.total.label}{listed.total.value}{unit}，其后所列{shown}共 {listed.summed} {unit}{own}，"
                          f"超过总数（{basis}）",
                          statement.location.with_(row=listed.total.label), CAT, expected=f"不超过 {listed.total.value}",
                          actual=str(listed.summed))


# A total made up of the kinds of funds it comes from: '财政拨款收入X万元（其中：一般公共预算A万元，政府性基金预算B万元，
# 国有资本经营预算C万元）'.
SCOPE_PARTS = {"财政拨款收入": ("general", "fund", "state_capital")}
SCOPE_NAMES = {"general": "一般公共预算", "fund": "政府性基金预算", "state_capital": "国有资本经营预算"}


def _scope_parts(pkg: DisclosurePackage, ctx: Context, opener: Claim, items: list[Claim]) -> Iterator[Finding]:
    """A total listed with its parts by kind of funds: their sum is the total. Above it is certain; below it with a
    kind left unlisted, a warning (the unlisted kind may be the rest)."""
    kinds = SCOPE_PARTS.get(opener.subject, ())
    if not kinds or opener.scope not in ("", "fiscal"):
        return
    parts: dict[str, Claim] = {}
    for claim in items:
        # '…财政拨款收入564.3万元，政府性基金收入0万元…': a kind's income named without '财政拨款' is its part too
        if claim.subject in (opener.subject, "收入") and claim.scope in kinds and claim.measure == opener.measure:
            parts.setdefault(claim.scope, claim)
    listed = [parts[k] for k in kinds if k in parts]
    if len(listed) < 2 or any(_true_value(pkg, c) != c.value for c in (*listed, opener)):
        return  # a figure that differs from its table is reported by narrative.n1_amount_vs_table
    if (against := _against_parts(ctx, opener, listed)) is None:
        return
    summed, difference, tier = against
    unit = _unit_of(opener)
    places = max(-printed_exponent(c.text) for c in (opener, *listed))
    note = ""
    if len(listed) < len(kinds) and tier is Tier.ERROR and difference > 0:
        left = "、".join(SCOPE_NAMES[k] for k in kinds if k not in parts)
        tier, note = Tier.WARNING, f"；未列出的{left}若为 {format_amount(difference, unit, places=places)} {unit}则相符"
    shown = format_amount(summed, unit, places=places)
    yield Finding("narrative.parts_total", tier,
                  f"说明称{opener.subject} {opener.text}，所列{'、'.join(SCOPE_NAMES[c.scope] for c in listed)}之和为 "
                  f"{shown} {unit}{note}", opener.location.with_(row=opener.subject), CAT, expected=shown,
                  actual=format_amount(opener.value, unit, places=places),
                  difference=format_amount(difference, unit, places=places))


# What makes up each grand total of a 决算 (收入支出决算总表): the parts always stated, and the parts texts leave out
# when they are zero.
IDENTITY = {"收入总计": (("本年收入合计", "年初结转和结余"), ("使用非财政拨款结余",)),
            "支出总计": (("本年支出合计", "年末结转和结余"), ("结余分配",))}


def _first_amounts(statements: list[Statement]) -> dict[tuple[str, str], Claim]:
    """The first amount a group of sentences states for each (subject, scope)."""
    first: dict[tuple[str, str], Claim] = {}
    for statement in statements:
        for claim in statement.claims:
            if claim.measure == "amount" and claim.subject:
                first.setdefault((claim.subject, claim.scope), claim)
    return first


def _identity(ctx: Context, total: Claim, first: dict[tuple[str, str], Claim]
              ) -> tuple[Tier, str, Claim, Decimal] | None:
    """A grand total against its parts stated elsewhere in its section ('收入总计X万元。…收入合计A万元…此外，年初结转和
    结余B万元'): (tier, what is wrong, the last part, the parts' sum) or None when they agree or are not all stated."""
    required, optional = IDENTITY[total.subject]
    parts = [first.get((name, total.scope)) for name in required]
    if any(p is None for p in parts):
        return None
    stated = [p for p in parts if p is not None] + [
        first[(name, total.scope)] for name in optional if (name, total.scope) in first]
    against = _against_parts(ctx, total, stated)
    if against is None:
        return None
    summed, difference, tier = against
    unit = _unit_of(total)
    places = max(-printed_exponent(c.text) for c in (total, *stated))
    names = "、".join(p.subject for p in stated)
    note = ""
    unstated = [name for name in optional if (name, total.scope) not in first]
    if unstated and tier is Tier.ERROR and difference > 0:
        tier = Tier.WARNING
        note = (f"；未写明的{'、'.join(unstated)}若为 {format_amount(difference, unit, places=places)} {unit}则相符"
                "（按惯例说明列全各组成部分）")
    return tier, (f"{_what(total)} {total.text}，而{names}之和为 {format_amount(summed, unit, places=places)} {unit}"
                  f"{note}"), stated[-1], summed


# The year's flow, when neither grand total is stated: what the year ends with is what it began with, plus its
# income, minus its spending (收入总计 = 支出总计 written out), each item with its sign.
FLOW = (("年初结转和结余", 1), ("本年收入合计", 1), ("本年支出合计", -1))
FLOW_OPTIONAL = (("使用非财政拨款结余", 1), ("结余分配", -1))


def _carried_balance(pkg: DisclosurePackage, ctx: Context, first: dict[tuple[str, str], Claim], scope: str,
                     openers: set[int]) -> Iterator[Finding]:
    """'上年结转和结余A万元，本年收入B万元，支出C万元，…，年末结转和结余D万元' with no 总计 stated: D must be A + B − C (+ 使用
    非财政拨款结余 − 结余分配), the two sides of the 收入支出决算总表 being equal. Beyond the printed figures' rounding it is
    certain; when an item texts leave out at zero is not stated and would close the gap, a warning naming it."""
    closing = first.get(("年末结转和结余", scope))
    terms = [(first.get((name, scope)), sign) for name, sign in FLOW]
    if closing is None or id(closing) in openers or any(c is None or id(c) in openers for c, _ in terms):
        return
    stated = [(c, sign) for c, sign in terms if c is not None]
    stated += [(c, sign) for name, sign in FLOW_OPTIONAL if (c := first.get((name, scope))) is not None]
    if any(_true_value(pkg, c) != c.value for c, _ in (*stated, (closing, 1))):
        return  # a figure that differs from its table is reported by narrative.n1_amount_vs_table
    parts = [c for c, _ in stated]
    compared(ctx, closing, *parts)
    expected = sum((c.value * sign for c, sign in stated), ZERO)
    difference = closing.value - expected
    if not difference:
        return
    tier = Tier.NOTICE if abs(difference) <= _parts_tolerance(ctx, closing, parts) else Tier.ERROR
    unit = _unit_of(closing)
    places = max(-printed_exponent(c.text) for c in (closing, *parts))
    # an unstated item that would close the gap: 使用非财政拨款结余 adds to what is left, 结余分配 takes from it
    unstated = [name for name, sign in FLOW_OPTIONAL if (name, scope) not in first and sign * difference > 0]
    note = ""
    if unstated and tier is Tier.ERROR:
        tier = Tier.WARNING
        note = (f"；未写明的{'、'.join(unstated)}若为 {format_amount(abs(difference), unit, places=places)} {unit}则相符"
                "（按惯例说明列全各组成部分）")
    formula = "".join(("＋" if sign > 0 else "－") + c.subject for c, sign in stated).removeprefix("＋")
    shown = format_amount(expected, unit, places=places)
    yield Finding("narrative.totals_balance", tier,
                  f"说明称{_what(closing)} {closing.text}，而按{formula}应为 {shown} {unit}"
                  f"（{'、'.join(c.subject + ' ' + c.text for c in parts)}；收入支出决算总表收支两方相等）{note}",
                  closing.location.with_(row=closing.subject), CAT, expected=shown,
                  actual=format_amount(closing.value, unit, places=places),
                  difference=format_amount(difference, unit, places=places),
                  related=tuple(dict.fromkeys(c.location for c in parts if c.location != closing.location)))


# A sub-heading naming the make-up of a grand total ('（一）收入总计主要构成', '（二）支出总计构成'): its parts belong with
# the total the section above states.
COMPOSITION_HEADING_RE = re.compile(r"[收支][入出]总计的?(?:主要)?(?:构成|组成)")


@rule("narrative.totals_balance", "说明中的收入总计与支出总计不相等，或与其组成不符", Tier.ERROR, CAT,
      f"{BASIS} N1, SPEC §7.3 R3–R5", "disclosure", params=("tolerance",), applies=has_narrative)
def totals_balance(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """同一节写出的收入总计与支出总计须相等（决算、预算的收支总表按编制相等）；收入总计 = 本年收入合计 + 使用非财政拨款结余 +
    年初结转和结余，支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余（各数在同一节分句写出、未以“其中”列出时；列出的由
    narrative.parts_total 核对；组成写在紧随其后、以“收入总计主要构成”一类为标题的小节中时视为同一节）。差额在尾数误差内为提示，超过为确定；为0时常不写的使用非财政拨款结余、结余分配未写出而
    组成之和小于总计时为疑似。收入总计与支出总计相差超过尾数误差为疑似（说明常把本年收入合计、本年支出合计称作总计，
    按收支总表的编制口径判断），其中一方与其写出的组成不符、且不是把本年合计称作总计时为确定；同一节总计与组成的不符并入该处一并报告。
    两个总计都未写出、而同一节写出年初结转和结余、本年收入合计、本年支出合计与年末结转和结余时，年末结转和结余 = 年初结转和结余 + 本年收入合计 − 本年支出合计 + 使用非财政拨款结余（用事业基金弥补收支差额） − 结余分配，等级同上。"""
    openers = {id(o) for o in _openers(pkg).values()}
    sections: dict[str, list[Statement]] = {}
    parent = ""
    for statement in sentences(pkg):
        # a sub-heading on what a grand total is made of ('（一）收入总计主要构成') continues the section stating it
        if not COMPOSITION_HEADING_RE.search(statement.section):
            parent = statement.section
        sections.setdefault(parent if parent else statement.section, []).append(statement)
    for group in sections.values():
        first = _first_amounts(group)
        for scope in dict.fromkeys(scope for (_, scope) in first):
            totals = [first.get((name, scope)) for name in IDENTITY]
            if any(c is not None and _true_value(pkg, c) != c.value for c in totals):
                continue  # a total that differs from its table is reported by narrative.n1_amount_vs_table
            if all(c is None for c in totals):
                yield from _carried_balance(pkg, ctx, first, scope, openers)
                continue
            wrong = [(c, found) for c in totals if c is not None and id(c) not in openers
                     and (found := _identity(ctx, c, first)) is not None]
            income, spending = totals
            balance = _against_parts(ctx, income, [spending]) if income and spending else None
            if income is not None and spending is not None and balance is not None:
                _, difference, tier = balance
                unit = _unit_of(income)
                places = max(-printed_exponent(c.text) for c in (income, spending))
                also = "".join(f"；且{found[1]}" for _, found in wrong)
                # Beyond rounding, the two totals' inequality rests on the words: texts often call the year's own
                # 收入合计/支出合计 总计 (a misnomer, not a sum that fails) — a warning naming the convention, unless a
                # total also fails its own stated parts (certain).
                # …and a total printed as the very figure the text gives as the year's own 合计 is that misnomer too
                misnamed = any(c is not None and (part := first.get((IDENTITY[name][0][0], scope))) is not None
                               and part.value == c.value for name, c in zip(IDENTITY, totals, strict=True))
                certain = not misnamed and any(found[0] is Tier.ERROR for _, found in wrong)
                yield Finding("narrative.totals_balance", Tier.ERROR if certain else (
                    Tier.WARNING if tier is Tier.ERROR else tier),
                    f"说明称{_what(income)} {income.text}、{_what(spending)} {spending.text}，两者按编制应相等，"
                    f"相差 {format_amount(difference, unit, places=places)} {unit}{also}"
                    + ("（按收支总表收入总计与支出总计相等的编制口径；所写若为本年收入合计、本年支出合计，应如此称之）"
                       if tier is Tier.ERROR and not certain else ""),
                    income.location.with_(row="收入总计与支出总计"), CAT,
                    expected=format_amount(spending.value, unit, places=places),
                    actual=format_amount(income.value, unit, places=places),
                    difference=format_amount(difference, unit, places=places),
                    related=tuple(found[2].location for _, found in wrong))
                continue
            if len(wrong) == 2 and wrong[0][1][0] is wrong[1][1][0] and income is not None and spending is not None \
                    and wrong[0][1][3] == wrong[1][1][3]:
                # both totals, printed alike, miss the one figure both sides add up to: one fault
                (_, (tier, message, _, _)), (_, (_, other, last, _)) = wrong
                yield Finding("narrative.totals_balance", tier, f"说明称{message}；{other}",
                              income.location.with_(row="收入总计与支出总计"), CAT, actual=income.text,
                              related=(spending.location, last.location))
                continue
            for total, (tier, message, last, _) in wrong:
                yield Finding("narrative.totals_balance", tier, f"说明称{message}",
                              total.location.with_(row=total.subject), CAT, actual=total.text,
                              related=(last.location,) if last.location != total.location else ())


_LIST_CUE_RE = re.compile(r"(?:其中|如下|包括)[：:]$")
_ITEM_NUMBER_RE = re.compile(r"^[(（]?(\d{1,2})[)）、.．]")
_MONEY_TEXT_RE = re.compile(r"(?:元|万)$")


def _money_claims(statement: Statement) -> list[Claim]:
    return [c for c in statement.claims if c.measure in ("amount", "budget", "figure") and _MONEY_TEXT_RE.search(c.text)]


def _numbered_lists(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """A total whose sentence ends with “其中：”, then its parts on numbered lines (1、2、3…, one amount each), whatever
    the parts are called ('1、财政拨款…；2、专户管理的事业收入…；3、单位资金收入…'): the lines are the whole list, so their
    sum is the total. Parts above the total are certain; below it, a part may have been left unlisted (疑似). A total
    whose parts are all named in its PARTITIONS is checked above."""
    statements = sentences(pkg)
    for index, statement in enumerate(statements):
        if not _LIST_CUE_RE.search(_compact(statement)) or len(money := _money_claims(statement)) != 1:
            continue
        total = money[0]
        if not total.value:
            continue
        parts: list[Claim] = []
        ended = False  # the list stops before the text does: its last item is known
        for item in statements[index + 1:]:
            number = _ITEM_NUMBER_RE.match(_compact(item))
            if item.section != statement.section or number is None or int(number.group(1)) != len(parts) + 1:
                ended = True
                break
            amounts = _money_claims(item)
            if len(amounts) != 1:
                parts = []  # a line with several amounts (its own parts, or a base): the list is not read as parts
                break
            parts.append(amounts[0])
            ended = _compact(item).endswith("。")  # a full stop ends the list even where the text ends
        named = {n for names in PARTITIONS.get(total.subject, ()) for n in names}
        if named and all(p.subject in named for p in parts):
            continue  # parts the partition of the total names: checked above
        if not ended and sum(p.value for p in parts) < total.value:
            continue  # the list runs unfinished into the end of a text cut off: the items after the cut are not known
        if len(parts) < 2 or (against := _against_parts(ctx, total, parts)) is None:
            continue
        what = _what(total) or _words_of(total)
        yield _list_sum(total, parts, against, f"说明称{what} {total.text}，其后逐条所列", "“其中”所列各项应列全各组成部分",
                        total.location.with_(row=what))


# A budget's two sides, each listed whole under its total in one sentence: its income by kind ('收入预算X万元，其中：一般
# 公共预算拨款A万元，政府性基金预算拨款B万元，…，财政专户管理资金C万元，上年结转D万元') and its spending by function class
# ('支出预算X万元，其中：教育支出预算E万元，…') or as 基本支出 and 项目支出. A budget carries nothing to the year's end: its
# total of either side is the sum of these.
BUDGET_SIDE_TOTALS = {"收入总计": "income", "本年收入合计": "income", "支出总计": "spending", "本年支出合计": "spending"}
BUDGET_INCOME_KINDS = (*INCOME_ITEMS, "财政专户管理资金收入", "年初结转和结余")
FUND_KINDS = ("general", "fund", "state_capital")


def _budget_kind(claim: Claim) -> tuple[str, str] | None:
    """What part of a budget's side a listed figure is: ('income', its kind — an appropriation by its kind of funds),
    ('class', a function class) or ('spending', 基本支出 / 项目支出 / another spending item); None when not one."""
    if claim.subject in ("财政拨款收入", "收入") and claim.scope in FUND_KINDS:
        return "income", f"财政拨款收入·{claim.scope}"
    if claim.subject in BUDGET_INCOME_KINDS and (claim.subject != "财政拨款收入" or claim.scope in ("", "fiscal")):
        return "income", claim.subject
    if claim.subject in ("基本支出", "项目支出", *SPENDING_ITEMS):
        return "spending", claim.subject
    if claim.subject in FUNCTION_CLASSES and not claim.scope:
        return "class", claim.subject
    return None


def _bracketed(text: str, at: int) -> bool:
    head = text[:at]
    return head.count("(") + head.count("（") > head.count(")") + head.count("）")


def _budget_sides(pkg: DisclosurePackage, ctx: Context, statements: list[Statement],
                  handled: set[int]) -> Iterator[Finding]:
    """预算公开“收入预算X万元，其中：一般公共预算拨款A万元，…，财政专户管理资金B万元，上年结转C万元。”“支出预算X万元，其中：
    教育支出预算D万元，…。”：一句之内“其中”之后逐项列出的收入各类（财政拨款按资金性质、财政专户管理资金、事业收入、上年结转
    等）或支出各功能分类（或基本支出与项目支出），之和即该总额（预算不留年末结转）。超过为确定，少于为疑似（可能有一类未列出），
    尾数误差内为提示。括号中的是所列一项的细分，不另计；所列之中有不属这一方的金额、同一类写了两次或句子不完整（截断）时不核对；
    所列各项都是该总额在 PARTITIONS 中的组成时按那里核对。所核对的总额记入 `handled`，不再按决算的组成核对。"""
    if pkg.stage != "预算":
        return
    for index, statement in enumerate(statements):
        text = _compact(statement)
        cue = _LIST_CUE_IN_RE.search(text)
        if cue is None:
            continue
        money = _money_claims(statement)
        before = [c for c in money if 0 <= _position(text, c) < cue.start()]
        listed = [c for c in money if _position(text, c) > cue.start() and not _bracketed(text, _position(text, c))]
        last = index  # the list goes on over '；' to the end of its sentence
        while not SENTENCE_END_RE.search(statements[last].text) and last + 1 < len(statements) \
                and statements[last + 1].section == statement.section:
            last += 1
            more = _compact(statements[last])
            listed += [c for c in _money_claims(statements[last]) if not _bracketed(more, _position(more, c))]
        if not SENTENCE_END_RE.search(statements[last].text):
            continue  # cut off: the list may go on
        if len(before) != 1 or len(listed) < 2 or (side := BUDGET_SIDE_TOTALS.get(before[0].subject)) is None:
            continue
        total = before[0]
        kinds = [_budget_kind(c) for c in listed]
        groups = {k[0] for k in kinds if k is not None}
        if any(k is None for k in kinds) or len(groups) != 1 or len({k for k in kinds}) != len(kinds):
            continue
        group = groups.pop()
        if (side == "income") != (group == "income") or (
                total.subject == "本年收入合计" and ("income", "年初结转和结余") in kinds):
            continue  # the year's own income takes in no carry-over
        if group == "spending" and not {"基本支出", "项目支出"} <= {k[1] for k in kinds if k is not None}:
            continue
        if all(c.subject in {n for names in PARTITIONS.get(total.subject, ()) for n in names} for c in listed):
            continue  # parts its partition names: checked with the 决算's wholes
        handled.add(id(total))
        if (against := _against_parts(ctx, total, listed)) is None:
            continue
        what = _what(total)
        named = "、".join(_what(c) for c in listed)
        yield _list_sum(total, listed, against, f"说明称{what} {total.text}，其后“其中”所列{named}",
                        "“其中”应列全各类收入或支出", total.location.with_(row=what))


def _others_beside(statements: list[Statement], stated_in: dict[int, int], opener: Claim, parts: list[Claim],
                   by_subject: dict[str, Claim], names: tuple[str, ...]) -> list[Claim]:
    """The amounts a list states in the very sentence of the parts it adds up (from its start to its '。') under
    other names: not one of the parts, not what one of them is made of (WITHIN, PARTITIONS), not one the total may
    take in by convention (WIDER_PARTS, weighed on their own), not the total itself —
    further parts of the same total the fixed set of parts leaves out ('基本支出A，项目支出B，经营支出C'), or an amount
    the grammar cannot name ('其中：财政拨款X万元，事业收入Y万元': the part its words call by a short name)."""
    at = sorted(stated_in[id(p)] for p in parts if id(p) in stated_in)
    if not at:
        return []
    first, last = at[0], at[-1]
    while first > 0 and not SENTENCE_END_RE.search(statements[first - 1].text):
        first -= 1
    while last + 1 < len(statements) and not SENTENCE_END_RE.search(statements[last].text):
        last += 1
    inner = {n for name in names for n in (*WITHIN.get(name, ()), *(m for ps in PARTITIONS.get(name, ()) for m in ps))}
    inner.update(WIDER_PARTS.get(opener.subject, ()))  # 会议费 and 培训费 beside the 三公: weighed as WIDER_PARTS
    return [claim for subject, claim in by_subject.items()
            if (subject or _unnamed_money(claim)) and subject not in names and subject not in inner
            and subject != opener.subject and claim.measure == opener.measure
            and first <= stated_in.get(id(claim), -1) <= last]


def _cut_list(statements: list[Statement], stated_in: dict[int, int], parts: list[Claim]) -> bool:
    """Whether the sentence holding the list's last part is cut off (the text ends before its '。'): the list may
    have gone on."""
    at = [stated_in[id(p)] for p in parts if id(p) in stated_in]
    if not at:
        return False
    last = max(at)
    while last + 1 < len(statements) and not SENTENCE_END_RE.search(statements[last].text):
        last += 1
    return not SENTENCE_END_RE.search(statements[last].text)


_BRACKET_LIST_RE = re.compile(_BRACKET_LIST)


def _bracketed_parts(statement: Statement) -> Iterator[tuple[Claim, list[Claim]]]:
    """Each amount of a sentence followed by a bracket listing amounts of its own parts ('…公务用车购置及运行维护费
    21万元（公务用车购置费0万元、公务用车运行维护费21万元），公务接待费…'), with the amounts in the bracket."""
    text = compact_text(statement.text)
    for claim in statement.claims:
        if claim.measure not in ("amount", "budget") or claim.subject not in PARTITIONS:
            continue
        end = _position(text, claim) + len(compact_text(claim.text))
        if _position(text, claim) < 0 or _BRACKET_LIST_RE.match(text, end) is None:
            continue
        close = min((i for i in (text.find(")", end), text.find("）", end)) if i > end), default=len(text))
        inner = [c for c in statement.claims if c is not claim and c.measure in ("amount", "budget")
                 and end < _position(text, c) < close]
        if len(inner) >= 2:
            yield claim, inner


def _words_of(claim: Claim) -> str:
    """What the words before a figure of no known subject call it ('事业运行经费总预算安排'), without a number."""
    words = re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]", "", claim.clause[: max(claim.clause.find(claim.text), 0)])
    return words or "合计"


# '收入包括：A x元、B y元' / '支出包括：C z元、…' after the grand total of both sides ('财政拨款收支总预算X元'): each side's
# items, the whole list (what a side includes, named one by one).
_SIDE_RE = re.compile(r"^(收入|支出)(?:预算)?(?:主要)?包括[：:]")
_SIDE_TOTALS = {"收入": ("收支总计", "收入总计"), "支出": ("收支总计", "支出总计")}


def _side_lists(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“财政拨款收支总预算X元。收入包括：一般公共预算拨款A元、上年结转结余B元；支出包括：教育支出C元、…”：each side's
    items add up to the total stated just before (in the same section); above it is certain, below it an item may
    be left out (疑似)."""
    statements = sentences(pkg)
    total: Claim | None = None
    section = None
    for statement in statements:
        if statement.section != section:
            total, section = None, statement.section
        side = _SIDE_RE.match(_compact(statement))
        money = _money_claims(statement)
        if side is None:
            if money:
                total = money[0] if len(money) == 1 else None
            continue
        if total is None or total.subject not in _SIDE_TOTALS[side.group(1)] or not total.value:
            continue
        parts = [c for c in money if side.group(1) == "收入" or c.subject.endswith("支出")]
        if not parts or len(parts) != len(money) or (against := _against_parts(ctx, total, parts)) is None:
            continue
        yield _list_sum(total, parts, against, f"说明称{_what(total)} {total.text}，其{side.group(1)}所列", "“包括”应列全各项",
                        statement.location.with_(row=f"{side.group(1)}构成"))


# A list of a whole's parts by any names ('其中：财政基本补助收入A万元，较上年减少…；财政项目补助收入B万元…。'): each part is
# the first sum of money of its clause run, with the changes on the year before stated after it.
_FREE_CUE_RE = re.compile(r"其中[：:]?")
_LIST_ITEM_RE = re.compile(r"^(?:[(（]?\d{1,2}[)）、.．](?!\d)|[(（]?[一二三四五六七八九十]{1,3}[)）、])")


@dataclass
class _Entry:
    """One figure of a list: a sum of money and the changes on the year before stated after it."""

    amount: Claim
    changes: list[Claim]


def _money(claim: Claim, budget: bool = False) -> bool:
    """A sum of money stated (or, in a list of a `budget`'s parts, budgeted) that a list may hold."""
    measures = ("amount", "figure", "budget") if budget else ("amount", "figure")
    return claim.measure in measures and bool(MONEY_UNIT_RE.search(claim.text)) and claim.value >= 0


# Where a part's own breakdown begins, after the part: '本年收入A万元，主要是甲B万元，乙C万元…'.
_BREAKDOWN_CUE_RE = re.compile(r"[，,；;](?:主要是|主要为|主要包括|主要有|包括|含|分别为|分别是)")


def _side(claim: Claim) -> str:
    """收入 or 支出, by the words naming a sum of money; '' when they name both or neither."""
    words = claim.clause[: max(claim.clause.find(claim.text), 0)] + claim.subject
    sides = {side for side in ("收入", "支出") if side in words}
    return sides.pop() if len(sides) == 1 else ""


def _run(statements: list[Statement], start: int, offset: int, side: str = "",
         budget: bool = False) -> list[_Entry] | None:
    """The entries of a list that opens at `offset` of sentence `start`: the figures outside brackets opened within
    the list (budgets too, in the list of a `budget`'s parts), each with its changes, to the end of the sentence (the
    next ones only while each ends with '；'), a closing bracket the list is inside of, a numbered item, a sum of the
    other `side` (支出 in a list of 收入), or the section's end; figures after a breakdown cue ('，主要是…') within a
    sentence are the part's own, not the list's. None when the list holds another '其中' (a list of its own, not
    read)."""
    entries: list[_Entry] = []
    depth = 0
    section = statements[start].section
    for index in range(start, len(statements)):
        statement = statements[index]
        text = _compact(statement)
        if index > start and (statement.section != section or _LIST_ITEM_RE.match(text)):
            break
        begin = offset if index == start else 0
        if _FREE_CUE_RE.search(text, begin + (2 if index == start else 0)) is not None:
            return None
        breakdown = _BREAKDOWN_CUE_RE.search(text, begin)
        marks = [(i, ch) for i, ch in enumerate(text) if ch in "()（）" and i >= begin]
        for claim in sorted(statement.claims, key=lambda c: _position(text, c)):
            at = _position(text, claim)
            if at < begin:
                continue
            level = depth + sum(1 if ch in "(（" else -1 for i, ch in marks if i < at)
            if level < 0:
                return entries  # the bracket the list is in has closed
            if level > 0 or (breakdown is not None and at > breakdown.start() and entries):
                continue  # what a part is made of, in a bracket after it or after '主要是'
            if _money(claim, budget) and side and _side(claim) not in ("", side):
                return entries  # the other side's figure: the list is over ('…收入合计…；…支出X万元')
            if _money(claim, budget):
                entries.append(_Entry(claim, []))
            elif claim.measure == "change" and claim.basis == "上年" and entries:
                entries[-1].changes.append(claim)
        depth += sum(1 if ch in "(（" else -1 for _, ch in marks)
        if depth < 0 or not statement.text.rstrip().endswith(("；", ";")):
            break  # a list goes on past its sentence only where the sentence was cut at '；'
    return entries


def _head(statement: Statement, end: int, named: bool = True) -> _Entry | None:
    """The whole a list belongs to: the last sum of money before `end` in the sentence, with its changes; of a
    subject the grammar knows, unless `named` is False (any sum of money but a base of comparison)."""
    text = _compact(statement)
    before = [c for c in statement.claims if 0 <= _position(text, c) < end]
    amounts = [i for i, c in enumerate(before) if _money(c) and (
        c.measure == "amount" or (not named and not _BASE_BEFORE_RE.search(c.basis)))]
    if not amounts:
        return None
    return _Entry(before[amounts[-1]], [c for c in before[amounts[-1] + 1:]
                                        if c.measure == "change" and c.basis == "上年"])


def _free_wholes(statements: list[Statement]) -> Iterator[tuple[_Entry, list[_Entry], str]]:
    """Each whole with the parts a text lists for it, whatever they are called: after '其中' in its sentence or
    opening the next one, in a bracket right after it, or on numbered items (1、2、…) right after a sentence that
    states it alone; with how the list was given."""
    for index, statement in enumerate(statements):
        text = _compact(statement)
        cue = _FREE_CUE_RE.search(text)
        if cue is not None and cue.start() <= CUE_AT_START and index > 0 and \
                statements[index - 1].section == statement.section:
            before = statements[index - 1]
            if _FREE_CUE_RE.match(_compact(before)):
                continue  # '其中：A…' over '其中：B…': lines of a form, not a whole and its list
            # the one amount of the sentence before; without one, its one sum of money whatever it is called
            # ('本年度示例资金收入41.31万元，占…。其中：…')
            named = any(c.measure == "amount" and _money(c) for c in before.claims)
            whole = _head(before, len(_compact(before)), named=named)
            wholes = [c for c in before.claims if _money(c) and (c.measure == "amount" or not named)]
            if whole is not None and len(wholes) == 1 and (
                    parts := _run(statements, index, cue.end(), _side(whole.amount))):
                yield whole, parts, "“其中”"
        elif cue is not None and (whole := _head(statement, cue.start())) is not None \
                and (parts := _run(statements, index, cue.end(), _side(whole.amount))):
            yield whole, parts, "“其中”"
        for claim in statement.claims:  # '…2955万元，比上年增加936万元（A 1802万元…，B 1153万元…）'
            end = _position(text, claim) + len(compact_text(claim.text))
            budget = claim.measure == "budget"  # '…预算3300万元（A 3266万元，B 34万元）': the budget's parts
            if claim.measure not in ("amount", "budget") or not _money(claim, budget) or _position(text, claim) < 0:
                continue
            rest = text[end:]
            opened = re.match(r"(?:[，,]?(?:比|较|与|同)[^，,；;。()（）]*?(?:增加|减少|增长|下降)(?:了)?[\d,.]+(?:亿元|万元|元))?[(（]",
                              rest)
            if opened is None or re.match(r"[^()（）]*(?:其中|含)", rest[opened.end():]):
                continue
            inner = _run(statements, index, end + opened.end(), _side(claim), budget)
            whole = _Entry(claim, [c for c in statement.claims if c.measure == "change" and c.basis == "上年"
                                   and end <= _position(text, c) < end + opened.end()])
            if inner is not None and len(inner) >= 2:
                yield whole, inner, "括号内"
        if cue is None and index + 1 < len(statements) and not _LIST_ITEM_RE.match(text):
            yield from _numbered_items(statements, index)


def _numbered_items(statements: list[Statement], index: int) -> Iterator[tuple[_Entry, list[_Entry], str]]:
    """'2030年总收入X万元…。' then '1、A收入a万元…' '2、B收入b万元…': a sentence stating one sum of money alone, then
    numbered items each opening with a sum of the same side (收入 or 支出): the items are its parts."""
    statement = statements[index]
    wholes = [c for c in statement.claims if _money(c)]
    if len(wholes) != 1 or wholes[0].measure != "amount":
        return
    side = next((word for word in ("收入", "支出") if word in wholes[0].clause), "")
    whole = _head(statement, len(_compact(statement)))
    if not side or whole is None:
        return
    parts: list[_Entry] = []
    for item in statements[index + 1:]:
        text = _compact(item)
        if item.section != statement.section:
            break
        number = _ITEM_NUMBER_RE.match(text)
        if number is None:
            if not parts:
                return
            continue  # the item goes on
        if int(number.group(1)) != len(parts) + 1:
            break
        money = [c for c in item.claims if _money(c)]
        if not money or side not in money[0].clause:
            return
        cue = _FREE_CUE_RE.search(text)  # the item's own list: its changes are the parts'
        parts.append(_Entry(money[0], [c for c in item.claims if c.measure == "change" and c.basis == "上年"
                                       and _position(text, money[0]) < _position(text, c)
                                       and (cue is None or _position(text, c) < cue.start())]))
    if len(parts) >= 2:
        yield whole, parts, "逐条编号"


def _name(claim: Claim) -> str:
    return claim.basis if claim.measure == "figure" and claim.basis else _what(claim) or _words_of(claim)


def _free_lists(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """A whole and its parts by names the lexicon does not fix (see _free_wholes): parts adding up to it are
    checked, and so are their changes on the year before when each part and the whole state one. Parts above the
    whole are a warning (按所列各项为互不重叠的组成部分计); below it, the list may name only some of them (“其中”):
    not checked, and nothing said. When the parts add up, changes that do not are a warning (a part of the year
    before that is no longer listed would account for it). A list the fixed sets of parts above already checked
    (its whole and two of its parts compared) is not checked again."""
    statements = sentences(pkg)
    seen: set[tuple[int, ...]] = set()
    for whole, parts, how in _free_wholes(statements):
        claims = [whole.amount, *(p.amount for p in parts)]
        key = tuple(id(c) for c in claims)
        if len(parts) < 2 or key in seen or not whole.amount.value:
            continue
        seen.add(key)
        done = ctx.checked_claims
        if stated_key(whole.amount) in done and sum(stated_key(p.amount) in done for p in parts) >= 2:
            continue
        if any(_true_value(pkg, c) != c.value for c in claims):
            continue  # a figure that differs from its table is reported by narrative.n1_amount_vs_table
        fixed = {name for names in PARTITIONS.get(whole.amount.subject, ()) for name in names}
        if fixed and {p.amount.subject for p in parts} <= fixed:
            continue  # a whole with its fixed parts: checked by the lists above
        amounts = [p.amount for p in parts]
        summed = sum((c.value for c in amounts), ZERO)
        difference = whole.amount.value - summed
        tolerance = _parts_tolerance(ctx, whole.amount, amounts)
        unit = _unit_of(whole.amount)
        places = max(-printed_exponent(c.text) for c in claims)
        what = _what(whole.amount) or _words_of(whole.amount)
        names = "、".join(_name(c) for c in amounts)
        if difference > tolerance:
            continue  # below the whole: the list may name only some of its parts
        compared(ctx, *claims)
        shown = format_amount(summed, unit, places=places)
        if difference < -tolerance:
            yield Finding("narrative.parts_total", Tier.WARNING,
                          f"说明称{what} {whole.amount.text}，其{how}所列{names}之和为 {shown} {unit}，超过该数"
                          "（按所列各项为互不重叠的组成部分计）", whole.amount.location.with_(row=what), CAT,
                          expected=shown, actual=format_amount(whole.amount.value, unit, places=places),
                          difference=format_amount(difference, unit, places=places))
            continue
        if difference:
            yield Finding("narrative.parts_total", Tier.NOTICE,
                          f"说明称{what} {whole.amount.text}，其{how}所列{names}之和为 {shown} {unit}，差额在尾数误差内",
                          whole.amount.location.with_(row=what), CAT, expected=shown,
                          actual=format_amount(whole.amount.value, unit, places=places),
                          difference=format_amount(difference, unit, places=places))
        yield from _free_changes(ctx, whole, parts, what, how)


def _free_changes(ctx: Context, whole: _Entry, parts: list[_Entry], what: str, how: str) -> Iterator[Finding]:
    """The changes of parts that add up to their whole, against the whole's change (one each)."""
    if len(whole.changes) != 1 or any(len(p.changes) != 1 for p in parts) or whole.amount.subject in SANGONG:
        return  # the 三公 items' changes: narrative.n3_sangong_changes
    total = whole.changes[0]
    changes = [p.changes[0] for p in parts]
    compared(ctx, total, *changes)
    summed = sum((c.value for c in changes), ZERO)
    difference = total.value - summed
    if not difference:
        return
    unit = _unit_of(total)
    places = max(-printed_exponent(NUMBER_RE.search(normalize_text(c.text)).group(0))  # type: ignore[union-attr]
                 for c in (total, *changes))
    shown = format_amount(summed, unit, places=places)
    within = abs(difference) <= _parts_tolerance(ctx, total, changes)
    message = (f"说明称{what}比上年{total.text}，其{how}所列各项的增减额（{'、'.join(c.text for c in changes)}）之和为 "
               f"{shown} {unit}")
    yield Finding("narrative.parts_total", Tier.NOTICE if within else Tier.WARNING,
                  message + ("，差额在尾数误差内" if within else
                             "，而各项之和等于该数（上年若另有本年未列出的部分则可能相符）"),
                  total.location.with_(row=f"{what}增减额"), CAT, expected=shown,
                  actual=format_amount(total.value, unit, places=places),
                  difference=format_amount(difference, unit, places=places))


def _list_sum(total: Claim, parts: list[Claim], against: tuple[Decimal, Decimal, Tier], said: str, convention: str,
              location: Location) -> Finding:
    """A list's parts against its whole: beyond rounding above it is certain; below it a part may be left out of the
    list, which the convention named says should not be (疑似)."""
    summed, difference, tier = against
    unit = _unit_of(total)
    places = max(-printed_exponent(c.text) for c in (total, *parts))
    note = ""
    if tier is Tier.ERROR and difference > 0:
        tier, note = Tier.WARNING, (f"；差额 {format_amount(difference, unit, places=places)} {unit}可能是未列出的部分"
                                    f"（按惯例{convention}）")
    shown = format_amount(summed, unit, places=places)
    return Finding("narrative.parts_total", tier, f"{said} {len(parts)} 项之和为 {shown} {unit}{note}", location, CAT,
                   expected=shown, actual=format_amount(total.value, unit, places=places),
                   difference=format_amount(difference, unit, places=places))


def _closer(total: Claim, wider: list[Claim], narrower: list[Claim]) -> bool:
    """Whether the total is nearer the sum of the wider list of parts than of the narrower one."""
    def gap(parts: list[Claim]) -> Decimal:
        return abs(total.value - sum((p.value for p in parts), ZERO))
    return gap(wider) < gap(narrower)


def _parts_by_subject(opener: Claim, items: list[Claim]) -> dict[str, Claim]:
    """Each subject's part: stated as the total is (a budget's parts of a budget), else its amount ('预算总计21.8万元，
    其中：因公出国(境)经费0万元…'); a 决算 total takes amounts only. An appropriation of a second kind of funds is a
    part of its own (keyed '财政拨款收入·fund')."""
    parts: dict[str, Claim] = {}
    for claim in items:
        if claim.measure != "amount" and opener.measure == "amount":
            continue
        held = parts.get(claim.subject)
        if held is not None and claim.subject in SCOPE_PARTS and held.scope != claim.scope \
                and {held.scope, claim.scope} <= set(SCOPE_PARTS[claim.subject]):
            # '一般公共预算财政拨款收入A，政府性基金预算财政拨款B': the appropriation of each kind of funds, a part each
            parts.setdefault(f"{claim.subject}·{claim.scope}", claim)
            continue
        if held is None or (held.measure != opener.measure and claim.measure == opener.measure):
            parts[claim.subject] = claim
    return parts


def _unit_of(claim: Claim) -> str:
    """The unit the figure was printed in (元, 万元 or 亿元), so that a sum is shown as the text shows its figures."""
    return next((u for u in ("亿元", "万元") if claim.text.endswith((u, u[0]))), "元")  # '1000.86万': 万元


def _compact(statement: Statement) -> str:
    return compact_text(statement.text)


def _wan_decimal(text: str) -> Decimal:
    value = parse_decimal(text)
    return value * WAN if value is not None else ZERO


def _this_year(pkg: DisclosurePackage, statements: list[Statement], index: int, claim: Claim,
               budgeted: bool = False) -> Printed | None:
    """This year's figure a change speaks of, as printed (see _this_year_stated)."""
    return _this_year_stated(pkg, statements, index, claim, budgeted)[0]


def _this_year_stated(pkg: DisclosurePackage, statements: list[Statement], index: int, claim: Claim,
                      budgeted: bool = False) -> tuple[Printed | None, Claim | None]:
    """This year's figure a change speaks of, as printed: the tables' figure for its subject, else the subject's
    amount stated in the sentence or in the sentences before it in the same section. A change on another year
    (上年, or another year's budget: `budgeted`) may speak of this year's budget ('预算为46.8万元，较2022年预算增加
    15.6万元'): the nearest sentence stating the subject's budget and no amount gives it; a change on this year's own
    budget never does (there the budget is the base). With it, the stated claim it was read from (None for a
    table's figure)."""
    if claim.subject:
        found = locate(pkg, claim.subject, claim.scope)
        if found is not None and found.amount is not None and not is_blank(found.table):
            return (found.value, found.amount.quantum), None
    own = statements[index].claims[: statements[index].claims.index(claim)]
    section = statements[index].section
    if _of_another_year(pkg, section):  # '二、2021年“三公”经费决算情况' in a 2022 budget: last year's figures
        earlier_ones = [s.claims for s in statements if _of_the_year(pkg, s.section)]
    else:
        earlier_ones = [s.claims for s in reversed(statements[:index]) if s.section == section]
    of_budget = bool(claim.subject) and (claim.basis == "上年" or _earlier_budget(pkg, claim))
    for earlier in (own, *earlier_ones):
        stated = [c for c in earlier if c.measure == "amount" and c.subject == claim.subject
                  and not _of_another_year(pkg, c.clause)] or [
            c for c in earlier if (budgeted or of_budget) and c.measure == "budget" and c.subject == claim.subject
            and not _is_base(c)]
        if not stated and claim.subject == "收支总计":
            # '收入总计X万元，支出总计X万元。收支较上年减少…': the pair's change is of the one figure both totals print
            sides = [c for c in earlier if c.measure == "amount" and c.subject in ("收入总计", "支出总计")]
            if {c.subject for c in sides} == {"收入总计", "支出总计"} and len({c.value for c in sides}) == 1:
                stated = sides
        if stated:
            return (stated[-1].value, stated[-1].quantum), stated[-1]
    return None, None


def _is_base(claim: Claim) -> bool:
    """Whether a stated figure is the base of a comparison ('比2022年年初预算数3683.76万元'), not the year's own."""
    return bool(_COMPARED_RE.search(claim.clause[: max(claim.clause.find(claim.text), 0)]))


def _compared_years(clause: str) -> set[int]:
    """The years a clause compares with: '较2022年的410万元' → {2022}."""
    return {int(y) for y in re.findall(r"(?:比|较|与|同)((?:19|20)\d{2})\s*年", clause)}


def _section_years(section: str) -> set[int]:
    return {int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", section)}


def _of_another_year(pkg: DisclosurePackage, section: str) -> bool:
    years = _section_years(section)
    return bool(years and pkg.year is not None and pkg.year not in years)


def _of_the_year(pkg: DisclosurePackage, section: str) -> bool:
    return pkg.year is not None and _section_years(section) == {pkg.year}


def _rate_of_change(current: Decimal, change: Decimal) -> Decimal | None:
    return ratio(change, current - change)


def _rate_of_prior(current: Decimal, prior: Decimal) -> Decimal | None:
    return ratio(current - prior, prior)


BASE_WORDS = {"上年": ("同比增减率", "上年"), "预算": ("与预算相比增减率", "预算")}


@rule("narrative.n2_year_on_year", "同比增减率与增减额不符或方向矛盾", Tier.ERROR, CAT, f"{BASIS} 同比/N2", "disclosure",
      applies=has_narrative)
def n2_year_on_year(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“（比/较/与）上年增加（减少）X万元（或元），增长（下降）P%”：上年数 = 本年数 − X（本年数取表中该项，表中没有时取
    说明所写），P = X ÷ 上年数 × 100；写了上年数时 P = (本年 − 上年) ÷ 上年 × 100。“与预算相比增加（减少）X万元，
    增长（下降）P%”同样以预算数（本年数 − X）为基数。各数按所印精度取值范围，所写 P 落在范围外为确定，范围内的差异为
    提示。上年为0只写金额；增加配“增长”，减少配“下降”，同一句方向相反为确定。表中和说明中都没有本年数时只能核对方向，
    增减率列为未核对并注明原因（不算已核对）；所说的项目未写明名称（“…收入X万元，比上年增加Y万元，增长P%”）时，以同句
    增减额前所写的金额为本年数（推定），据此不符为疑似。推算的基数小于0时，增减额不是该数的（或未读懂），
    不据此判断，列为未核对。“X元，其中：A…，B Y元，同比增加Z元，增长P%”中未点名的增减额可属合计X，也可属最后一项B：按其中
    任一种读法相符即不判为错误。“A x万元和B y万元，分别减少a万元和b万元，下降P%和Q%”按顺序逐项配对。下降超过100%而本年数仍
    大于0（降幅超过100%即成负数）为确定，与增减额一并报告；未写增减额的也单独报告。
    增减额前写了所比的数（“较上年90万元减少5万元，下降5.6%”“较预算数100万元减少15万元”）时，
    P = X ÷ 该数；按本年数与所比的数也能得出 P 时，不符的是增减额（由 narrative.change_amount 报告）。
    “剔除（扣除）…因素，…仍减少X万元，下降P%”是可比口径的增减：基数可为可比口径上年数（本年数 − X），也可为全口径上年数
    （本年数 − 前文所写的全部增减额，或所写上年数），按其中任一种相符即不判为错误；都不符为疑似，注明口径惯例。
    增减额未写单位（“减少484.05，降低11.1%”）时按该句或全文所用的金额单位读取（见 claims_of）；据此得出的不符为疑似，
    注明单位是推定的。"""
    unitless = {(s.location.line, s.location.section) for s in sentences(pkg)
                if any(c.measure == "change" and UNITLESS in c.text for c in s.claims)}
    for finding in _year_on_year(pkg, ctx):
        if finding.tier is Tier.ERROR and (finding.location.line, finding.location.section) in unitless:
            finding = replace(finding, tier=Tier.WARNING,
                              message=f"{finding.message}（该句增减额未写单位，按文中金额单位读取；如单位不同，请核对）")
        yield finding


def _year_on_year(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    statements = sentences(pkg)
    paired: set[int] = set()  # the rates checked against a change or a prior
    for index, statement in enumerate(statements):
        for basis, (what, base) in BASE_WORDS.items():
            claims = [c for c in statement.claims if c.basis == basis]
            for preceding, claim, following in zip([None, *claims], claims, [*claims[1:], None], strict=False):
                function: Callable[..., Decimal | None]
                if claim.measure == "change" and following is not None and following.measure == "rate" \
                        and following.subject == claim.subject:
                    rate, function, other = following, _rate_of_change, (claim.value, claim.quantum)
                    change = claim.value
                elif claim.measure == "rate" and not (preceding is not None and preceding.measure == "change"
                                                      and preceding.subject == claim.subject) \
                        and (prior := next((c for c in claims if c.measure == "prior"
                                                                and c.subject == claim.subject), None)):
                    now = _this_year(pkg, statements, index, claim)
                    if now is None:
                        continue
                    rate, function, other = claim, _rate_of_prior, (prior.value, prior.quantum)
                    change = now[0] - prior.value
                    compared(ctx, prior)
                else:
                    continue
                paired.add(id(rate))
                if _sign(change) and _sign(rate.value) and _sign(change) != _sign(rate.value):
                    compared(ctx, claim, rate)
                    yield Finding("narrative.n2_year_on_year", Tier.ERROR,
                                  f"同一句先说“{claim.text}”又说“{rate.text}”，方向矛盾", rate.location.with_(row="增减方向"),
                                  CAT, expected=("增长" if change > 0 else "下降"), actual=rate.text)
                    continue
                current = _this_year(pkg, statements, index, rate, budgeted=_earlier_budget(pkg, claim))
                beside = _base_beside(statement, claim) if function is _rate_of_change else None
                if beside is not None and beside.value > 0:
                    # '较上年90万元减少5万元，下降5.6%': the rate is the change on the figure stated beside it; when
                    # it fails there but holds on this year's figure, the figures disagree (narrative.change_amount)
                    on_base = list(_check_rate(ctx, "narrative.n2_year_on_year", rate, what, abs(rate.value), ratio,
                                               (other, (beside.value, beside.quantum)),
                                               f"{wan(abs(change))} ÷ {base} {beside.text}", (claim, beside)))
                    if on_base and current is not None and current[0] - change > 0 and (
                            not _rate_severity(ctx, rate, what, change, current, function, other)
                            or (beside.measure == "prior" and not _rate_severity(
                                ctx, rate, what, current[0] - beside.value, current, _rate_of_prior,
                                (beside.value, beside.quantum)))):
                        continue  # the rate holds on this year's figure: the change disagrees (narrative.change_amount)
                    yield from (_on_this_year(f, rate, change, current) if current else f for f in on_base)
                    continue
                presumed = None
                if current is None and not claim.subject and function is _rate_of_change \
                        and (own := _part(statement, claim)) is not None and own.value > 0:
                    # 'A收入X万元，比上年增加Y万元，增长P%' of an item the grammar does not name: the sum the sentence
                    # states before its change is taken for this year's (presumed: a wrong rate on it is a warning)
                    current, presumed = (own.value, own.quantum), own
                if current is None:
                    # only the direction was compared (above): the rate on its base is not checked — said, not passed
                    ctx.unchecked(f"未读到{rate.subject or '该项'}的本年数，只核对了增减方向，{what}未核对", claim, rate)
                    continue
                if (own := _part(statement, claim)) is not None and own.value != current[0]:
                    # the sentence's own amount differs from the table's (narrative.n1_amount_vs_table reports it):
                    # a rate that holds on the figure the sentence states is not a second fault
                    current = min((current, (own.value, own.quantum)),
                                  key=lambda now: _rate_severity(ctx, rate, what, change, now, function, other))
                if function is _rate_of_change and (whole := _list_whole(statement, claim)) is not None:
                    # 'X万元，其中：A…，B Y万元，比上年增加Z万元': the change may be the whole's as well as B's — a rate
                    # that holds on either reading is no fault
                    current = min((current, _true_printed(pkg, whole)),
                                  key=lambda now: _rate_severity(ctx, rate, what, change, now, function, other))
                base_value = current[0] - change
                if base_value + (current[1] + claim.quantum) / 2 < 0:
                    # a base below zero cannot be: the change is not this figure's (or is misread) — not checked
                    continue
                compared(ctx, claim, rate)
                if base_value <= 0:
                    certain = base_value + (current[1] + claim.quantum) / 2 <= 0
                    yield _presumed(Finding("narrative.n2_year_on_year", Tier.ERROR if certain else Tier.NOTICE,
                                            f"按本年 {wan(current[0])} 万元与增减额推算{base}为 {wan(base_value)} 万元，"
                                            f"不应给出增减率 {rate.text}", rate.location.with_(row=what), CAT), presumed)
                    continue
                for finding in _check_rate(ctx, "narrative.n2_year_on_year", rate, what, abs(rate.value), function,
                                           (current, other), f"{wan(abs(change))} ÷ {base} {wan(base_value)}"):
                    yield _presumed(_noting_fall(_on_this_year(finding, rate, change, current), rate, current),
                                    presumed)
    yield from _falls_alone(pkg, ctx, statements, paired)
    yield from _comparable_rates(pkg, ctx, statements)


def _presumed(finding: Finding, own: Claim | None) -> Finding:
    """A rate found wrong on this year's figure presumed from the sum its sentence states before the change (no item
    named): a warning naming the presumption, never certain."""
    if own is None or finding.tier is not Tier.ERROR:
        return finding
    return replace(finding, tier=Tier.WARNING,
                   message=f"{finding.message}（该项未写明名称，本年数按同句前面所写的“{own.text}”推定；如所指不同，请核对）")


def _rate_on_full(current: Decimal, full: Decimal, change: Decimal) -> Decimal | None:
    """A comparable-scope change on last year's whole figure (this year's less the whole change)."""
    return ratio(change, current - full)


def _full_bases(statements: list[Statement], index: int, claim: Claim) -> list[Claim]:
    """The subject's own changes on the year before and its stated figures of that year, in the claim's sentence
    before it or in the sentences before it in the same section: the whole base a comparable change may be put on."""
    own = statements[index].claims[: statements[index].claims.index(claim)]
    earlier = [s.claims for s in reversed(statements[:index]) if s.section == statements[index].section]
    return [c for claims in (own, *earlier) for c in claims
            if c.subject == claim.subject and c.basis == "上年" and c.measure in ("change", "prior") and c.quantum]


def _comparable_rates(pkg: DisclosurePackage, ctx: Context, statements: list[Statement]) -> Iterator[Finding]:
    """“剔除…因素，…仍减少X万元，下降P%”: a change on a comparable scope. Its base is a matter of convention — last
    year's figure on the comparable scope (this year's less X) or last year's whole figure (this year's less the
    whole change stated before, or the figure stated for that year): P holds when it holds on either; failing both it
    is a warning naming the convention; within rounding on the nearer one, a notice. Opposite directions in one
    sentence cannot both hold (certain)."""
    what = "可比口径增减率"
    for index, statement in enumerate(statements):
        claims = [c for c in statement.claims if c.basis == COMPARABLE]
        for claim, rate in itertools.pairwise(claims):
            if claim.measure != "change" or rate.measure != "rate" or rate.subject != claim.subject:
                continue
            if _sign(claim.value) and _sign(rate.value) and _sign(claim.value) != _sign(rate.value):
                compared(ctx, claim, rate)
                yield Finding("narrative.n2_year_on_year", Tier.ERROR,
                              f"同一句先说“{claim.text}”又说“{rate.text}”，方向矛盾", rate.location.with_(row="增减方向"),
                              CAT, expected=("增长" if claim.value > 0 else "下降"), actual=rate.text)
                continue
            current = _this_year(pkg, statements, index, rate)
            if current is None:
                ctx.unchecked(f"未读到{rate.subject or '该项'}的本年数，只核对了增减方向，{what}未核对", claim, rate)
                continue
            change: Printed = (claim.value, claim.quantum)
            readings: list[tuple[Callable[..., Decimal | None], tuple[Printed, ...], str]] = [
                (_rate_of_change, (current, change),
                 f"{wan(abs(claim.value))} ÷ 可比口径上年 {wan(current[0] - claim.value)}")]
            for base in _full_bases(statements, index, claim):
                if base.measure == "change":
                    readings.append((_rate_on_full, (current, (base.value, base.quantum), change),
                                     f"{wan(abs(claim.value))} ÷ 全口径上年 {wan(current[0] - base.value)}"))
                else:
                    readings.append((ratio, (change, (base.value, base.quantum)),
                                     f"{wan(abs(claim.value))} ÷ 全口径上年 {base.text}"))
            found = [list(_check_rate(ctx, "narrative.n2_year_on_year", rate, what, abs(rate.value), function,
                                      operands, formula, (claim,)))
                     for function, operands, formula in readings]
            if any(not f for f in found):
                continue  # it holds on one reading of the base
            notices = [f[0] for f in found if f[0].tier is not Tier.ERROR]
            if notices:
                yield notices[0]
                continue
            said = "；".join(f[0].message.removeprefix(f"{what}写为 {abs(rate.value)}%，") for f in found)
            yield Finding("narrative.n2_year_on_year", Tier.WARNING,
                          f"{what}写为 {abs(rate.value)}%，{said}（剔除有关因素后的增减率，以可比口径或全口径上年数为基数"
                          "均有惯例；所写数按哪一种都不符）", rate.location.with_(row=what), CAT,
                          expected=found[0][0].expected, actual=found[0][0].actual)


def _falls_below_zero(rate: Claim, current: Printed) -> bool:
    """A fall of more than 100% (at the printed precision) of a figure that is still above zero: a fall that large
    would leave it below zero."""
    return rate.value + rate.quantum / 2 < -100 and current[0] - current[1] / 2 > 0


def _noting_fall(finding: Finding, rate: Claim, current: Printed) -> Finding:
    """A wrong rate that is a fall of more than 100% of a figure still above zero: said as well."""
    if finding.tier is not Tier.ERROR or not _falls_below_zero(rate, current):
        return finding
    return replace(finding, message=f"{finding.message}；且本年 {wan(current[0])} 万元仍大于0，下降幅度不可能超过100%")


def _falls_alone(pkg: DisclosurePackage, ctx: Context, statements: list[Statement],
                        paired: set[int]) -> Iterator[Finding]:
    """A rate of fall above 100% with no change beside it, for a subject whose figure this year is above zero: the two
    statements cannot both hold (a fall above 100% leaves less than nothing)."""
    for index, statement in enumerate(statements):
        for rate in statement.claims:
            if rate.measure != "rate" or not rate.subject or id(rate) in paired or rate.basis not in BASE_WORDS:
                continue
            current = _this_year(pkg, statements, index, rate)
            if current is None or not _falls_below_zero(rate, current):
                continue
            what, base = BASE_WORDS[rate.basis]
            compared(ctx, rate)
            yield Finding("narrative.n2_year_on_year", Tier.ERROR,
                          f"{what}写为“{rate.text}”，而{rate.subject}本年 {wan(current[0])} 万元仍大于0：比{base}下降超过100%"
                          "就成了负数，两者不能同时成立", rate.location.with_(row=what), CAT,
                          expected="不超过100%", actual=rate.text)


_LIST_CUE_IN_RE = re.compile(r"其中|包括")


def _list_whole(statement: Statement, change: Claim) -> Claim | None:
    """The whole a sentence breaks down before a change that names no subject of its own ('X万元，其中：A Y万元，
    B Z万元，同比增加W万元'): which figure the change is of — the whole or the last part — is not said. The amount
    stated before 其中/包括 in the sentence, when parts are listed between the cue and the change; else None."""
    clause = change.clause
    at = clause.find(change.text)
    if at < 0 or subject_at(clause, at) is not None:
        return None
    text = compact_text(statement.text)
    cue = _LIST_CUE_IN_RE.search(text)
    where = _position(text, change)
    if cue is None or where < cue.start():
        return None
    money = [c for c in statement.claims if c.measure in ("amount", "budget", "figure") and c.value > 0
             and not c.text.endswith("%")]
    wholes = [c for c in money if 0 <= _position(text, c) < cue.start() and not _is_base(c)]
    parts = [c for c in money if cue.start() <= _position(text, c) < where]
    return wholes[-1] if wholes and parts else None


def _base_beside(statement: Statement, change: Claim) -> Claim | None:
    """The figure a change is measured from, printed right before it in its sentence: the other year's ('较上年90万元
    减少5万元') for a change on the year before, the budget ('较预算数100万元减少15万元') for one on the budget."""
    position = next((i for i, c in enumerate(statement.claims) if c is change), 0)
    before = statement.claims[position - 1] if position else None
    if before is None or before.subject != change.subject:
        return None
    if before.measure == "prior" and change.basis == "上年" and before.quantum:
        return before
    return before if before.measure == "budget" and change.basis == "预算" and _is_base(before) else None


def _on_this_year(finding: Finding, rate: Claim, change: Decimal, current: Printed) -> Finding:
    """A wrong rate that is the change divided by this year's figure instead of the base: said, as a hint."""
    if finding.tier is not Tier.ERROR or current[0] <= 0:
        return finding
    places = _places(rate.quantum)
    on_current = abs(change) / current[0] * 100
    if abs(rate.value) not in (round_half_up(on_current, places), truncate(on_current, places)):
        return finding
    return replace(finding, message=f"{finding.message}；所写增减率等于 {wan(abs(change))} ÷ 本年 {wan(current[0])}，"
                                    "似以本年数为基数计算")


def _rate_severity(ctx: Context, rate: Claim, what: str, change: Decimal, current: Printed,
                   function: Callable[..., Decimal | None], other: Printed) -> int:
    """How bad a stated rate is on one reading of this year's figure: 0 holds, 1 rounding, 2 certain."""
    if current[0] - change <= 0:
        return 2
    found = list(_check_rate(ctx, "", rate, what, abs(rate.value), function, (current, other), ""))
    return max((2 if f.tier is Tier.ERROR else 1 for f in found), default=0)


def _earlier_budget(pkg: DisclosurePackage, claim: Claim) -> bool:
    """Whether a change “与预算相比” is measured from another year's budget, which the document does not print: the
    clause names other years only (“比2015年预算”), or its 三公 table prints budgets only (a 预算公开)."""
    years = {int(y) for y in re.findall(r"((?:19|20)\d{2})年", claim.clause or "")}
    # the year compared with, when named: '2018年预算数比2017年预算数减少…' names this year as well
    compared_years = {int(y) for y in re.findall(r"(?:比|较|与|同)((?:19|20)\d{2})年", claim.clause or "")}
    d09 = pkg.table("D09")
    budget_only = d09 is not None and not any(c.startswith("final_") for c in d09.columns)
    other_year = bool(years and pkg.year not in years) or bool(compared_years and pkg.year not in compared_years)
    return claim.basis == "预算" and (other_year or budget_only)


def _stated_base(pkg: DisclosurePackage, statements: list[Statement], index: int, claim: Claim,
                 earlier: bool = False) -> Claim | None:
    """The previous year's amount (上年X万元, or an amount its clause dates to the year before: '2023年的…为X万元')
    or the budget a change is measured from, stated for the change's subject in its sentence or in the sentences
    before it in the same section. A change on an `earlier` year's budget ('较2019年预算增加…') is measured from
    that year's figure ('2023年未安排该项预算': none). A previous year's figure whose clause names the year it is
    compared with must name the year before this one ('较2022年的410万元' in a 2023 document)."""
    measure = "prior" if claim.basis == "上年" or earlier else "budget"
    year_before = {pkg.year - 1} if pkg.year is not None else None
    quantity = _compared_quantity(claim.clause)

    def base(c: Claim) -> bool:
        if quantity and _figure_quantity(c) not in ("", quantity):
            return False  # '较上年预算数减少…' is not measured from last year's 执行数, nor the reverse
        if c.measure == "prior":
            named = _compared_years(c.clause) or _section_years(c.clause)
            return measure == "prior" and (not named or year_before is None or named == year_before)
        # an amount its clause dates to the year before is that year's figure: the base of a change on the year's
        # budget only when it is a budget too ('2018年…支出49865元' is no base of '比上年预算减少15600元')
        return c.measure == measure or (measure == "prior" and c.measure == "amount"
                                        and _section_years(c.clause) == year_before
                                        and (quantity != "预算" or _figure_quantity(c) == "预算"))

    for earlier in (statements[index].claims, *(s.claims for s in reversed(statements[:index])
                                                 if s.section == statements[index].section)):
        stated = [c for c in earlier if base(c) and c.subject == claim.subject]
        if stated:
            return stated[-1]
    return None


_COMPARED_RE = re.compile(r"(?:比|较|与|同)(?:上年|上一年|去年|(?:19|20)\d{2}年)度?(?:的)?(年初|全年)?"
                          r"(预算|决算|执行|实际支出)")


def _compared_quantity(clause: str) -> str:
    """What a change names as the other year's figure it is measured from: '较上年预算数' 预算, '比上年决算数' or
    '比上年执行数' 执行, '' when it names none ('比上年增加')."""
    found = _COMPARED_RE.search(clause or "")
    if found is None:
        return ""
    return "预算" if found.group(2) == "预算" else "执行"


def _figure_quantity(c: Claim) -> str:
    """Whether an amount is printed as a budget ('预算数') or as what was spent ('执行数', '决算数', '实际支出'):
    '' when its clause does not say."""
    if c.measure == "budget":
        return "预算"
    if c.basis == "执行" or re.search(r"执行数|决算数|决算为|实际支出|支出决算", c.clause or ""):
        return "执行"
    if re.search(r"预算数|预算为|预算安排", c.clause or ""):
        return "预算"
    return ""


def _narrow_change(pkg: DisclosurePackage, statements: list[Statement], section: str, claim: Claim,
                   current: Printed, base: Claim) -> bool:
    """Whether a change that fails its totals holds once both totals leave out the wider parts the section lists
    under them (三公经费 written with its 会议费、培训费): then which scope the change is on is an interpretation."""
    parts = WIDER_PARTS.get(claim.subject, ())

    def listed_with(total: Claim | None) -> list[Claim]:  # the wider parts listed in the sentence of a total
        return next(([c for c in s.claims if c.subject in parts and c.measure == "amount"]
                     for s in statements if s.section == section and total in s.claims), [])

    this_total = next((c for s in statements if s.section == section for c in s.claims if c.subject == claim.subject
                       and c.measure == "amount" and c.value == current[0]), None)
    prior, this = listed_with(base), listed_with(this_total)
    if not prior or not this:
        return False
    listed = [*prior, *this]
    expected = (current[0] - sum(c.value for c in this)) - (base.value - sum(c.value for c in prior))
    slack = claim.quantum + current[1] + base.quantum + sum(c.quantum for c in listed)
    return abs(claim.value - expected) <= slack / 2


@rule("narrative.change_amount", "增减额与本年数、上年数（或预算数）不符", Tier.ERROR, CAT, f"{BASIS} 同比/N2", "disclosure",
      applies=has_narrative)
def change_amount(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """只写增减额、未写增减率时（“比上年增加12.50万元”“与上年持平”）：增减额 = 本年数 − 上年数（与预算相比时 − 预算数）。
    本年数取表中该项，表中没有时取说明所写；上年数、预算数取同一句或同一节前文为同一项所写的数。两个数都有时才核对。
    确定：差额超出三个数按所印精度（各半个末位）的尾数误差；误差内的差异为提示。同一节把该项写成含更宽的分项（三公经费含
    会议费、培训费）、增减额按不含它们的口径相符时，按哪种口径是解读，为疑似；两种口径都不符为确定。写了增减率的由同比增减率规则核对，
    除非句中紧挨增减额之前写了所比的数（“较上年90万元减少5万元，下降5.6%”），此时增减额也在此核对。“比2023年预算增加X万元”
    在文中写明了该年预算数（含“2023年未安排该项预算”即为0）时，以它为基数。"""
    statements = sentences(pkg)
    for index, statement in enumerate(statements):
        claims = statement.claims
        for position, claim in enumerate(claims):
            if claim.measure != "change" or not claim.subject:
                continue
            own = _own_amount(statements, index, claim)
            if own is not None and own.clause == claim.clause and _of_another_year(pkg, claim.clause):
                continue  # '2018年…支出X元与上年比减少Y元' in a 2019 document: that year's change, from a year not stated
            rated = any(c.measure == "rate" and c.subject == claim.subject and c.basis == claim.basis
                        for c in claims[position + 1:])
            earlier = _earlier_budget(pkg, claim)
            base = _stated_base(pkg, statements, index, claim, earlier)
            if rated and (base is None or base not in claims):
                continue  # the rate is checked by narrative.n2_year_on_year; a base stated beside it is checked here
            current, stated = _this_year_stated(pkg, statements, index, claim, budgeted=earlier)
            if base is None or current is None:
                continue
            compared(ctx, claim, base, stated)
            expected = current[0] - base.value
            if claim.value == expected:
                continue
            within = abs(claim.value - expected) <= (claim.quantum + current[1] + base.quantum) / 2
            word = "上年" if claim.basis == "上年" else "上年预算" if earlier else "预算"
            narrow = None if within else _narrow_change(pkg, statements, statement.section, claim, current, base)
            tier = Tier.NOTICE if within else Tier.WARNING if narrow else Tier.ERROR
            wider = WIDER_PARTS.get(claim.subject, ())
            if not within and _unit_slip(stated, current, base, claim):
                # the figures agree once this year's is read in 万元, as the rest of the sentence is: a misprinted
                # unit, not a wrong change
                assert stated is not None
                yield Finding("narrative.change_amount", Tier.NOTICE,
                              f"说明称{_what(stated)} {stated.text}，按{word} {base.text}与“{claim.text}”应为 "
                              f"{wan(base.value + claim.value)} 万元：疑单位误写为“元”（按“万元”读则相符）",
                              stated.location.with_(row=f"{claim.subject}单位"), CAT, expected=f"{stated.text[:-1]}万元",
                              actual=stated.text)
                continue
            yield Finding("narrative.change_amount", tier,
                          f"说明称{_what(claim)}比{word}“{claim.text}”，而本年 {wan(current[0])} 万元、{word} {base.text}，"
                          f"增减额应为 {wan(expected)} 万元" + ("（尾数误差）" if within else "") + (
                              f"（该节所写{claim.subject}含{'、'.join(wider)}，按不含它们的口径计算则增减额相符：合计与增减额"
                              "口径不一，按哪种口径属解读）"
                              if tier is Tier.WARNING else ""),
                          claim.location.with_(row=f"{claim.subject}增减额"), CAT, expected=wan(expected),
                          actual=wan(claim.value), difference=wan(claim.value - expected))


def _unit_slip(stated: Claim | None, current: Printed, base: Claim, change: Claim) -> bool:
    """Whether this year's figure, printed in 元 beside figures in 万元 ('基本支出88.5元，较上年80.5万元，增加8万元'),
    agrees once read in 万元: the unit is likely misprinted."""
    if stated is None or _unit_of(stated) != "元" or _unit_of(base) == "元":
        return False
    read = current[0] * WAN
    return abs(read - base.value - change.value) <= (current[1] * WAN + base.quantum + change.quantum) / 2


@rule("narrative.n2_reason_direction", "说明的原因与增减方向相反", Tier.WARNING, CAT, f"{BASIS} N2", "disclosure",
      applies=has_narrative)
def n2_reason(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“减少……主要原因是……增加”或“增加……主要原因是……减少”：原因与变动方向相反，需人工核实（疑似）。"""
    for statement in sentences(pkg):
        text = _compact(statement)
        match = re.search(r"(?:主要)?原因(?:是|为)[：:]?(.+)$", text)
        if not match:
            continue
        before, reason = text[: match.start()], match.group(1)
        changes = re.findall(r"(?<!没有)(?<![未不没])(增加|减少|增长|下降)", before)  # '没有增加' states no change
        if not changes:
            continue
        went_up = changes[-1] in UP
        says_up = any(w in reason for w in UP) and not any(w in reason for w in DOWN)
        says_down = any(w in reason for w in DOWN) and not any(w in reason for w in UP)
        if (went_up and says_down) or (not went_up and says_up):
            yield Finding("narrative.n2_reason_direction", Tier.WARNING,
                          f"变动为“{changes[-1]}”，所述原因却是“{reason.rstrip('。；')}”，方向相反",
                          statement.location.with_(row="原因"), CAT, expected="与变动方向一致的原因", actual=reason)


@rule("narrative.n3_sangong_changes", "三公经费总增减额不等于各项增减额之和", Tier.ERROR, CAT, f"{BASIS} N3", "disclosure",
      params=("tolerance",), applies=has_narrative)
def n3_sangong(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """三公经费比上年（或比年初预算）的增减额 = 因公出国(境)、公务用车购置、公务用车运行维护、公务接待各项同一口径的增减额之和
    （“与上年/年初预算相同、持平”为 0；公务用车也可合写为购置及运行维护费）；公务用车购置及运行维护费的增减额 = 购置费 +
    运行维护费的增减额。读三公经费一节及以其中一项为标题的各节（“一、因公出国(境)经费”），没有章节标题的单独一节也读；差额在尾数误差内为提示（印作“0”的零不计尾数）。
    预算中“比2023年预算数”（另一年度的预算）与各项“比上年年初预算”按同一基数核对，两种写法混用而对不上时为疑似。只写增减率、
    不写增减额时（“比上年预算数下降P%，比上年决算数下降Q%”），所列各项之和等于本年总额的，按各数所印精度由本年数与增减率推算
    各自的基数，同一基数下各项之和须等于总额的基数：各项之和大于总额的为确定，小于的为疑似（上年可能有本年为0而未列出的项目）。
    写明本年没有的项目（“无因公出国(境)费”“因公出国(境)费0万元”）未写增减额时，其增减额只能为0或为负：其余各项之和等于总额的
    增减额为相符；总额降得比各项之和少（该项须为增加）按上述核对；降得更多的，差额在尾数误差内为相符，超过的不判断（差额可能
    是该项上年的数），列为未核对。"""
    changes: dict[tuple[str, str], Claim] = {}
    unsure: set[tuple[str, str]] = set()  # one item stated with two changes that differ: which one counts is not known
    for statement in sentences(pkg):
        if _sangong_section(statement.section):
            for claim in statement.claims:
                if claim.measure == "change" or (claim.measure == "compare" and not claim.value and not claim.negated):
                    # '比2023年预算数' in a 2024 budget is last year's figure, as the items' '比上年年初预算' is
                    basis = "上年" if _earlier_budget(pkg, claim) else claim.basis
                    first = changes.setdefault((basis, claim.subject), claim)  # compare 0: '与年初预算持平'
                    if abs(first.value - claim.value) > (first.quantum + claim.quantum) / 2:
                        unsure.add((basis, claim.subject))
    for key in unsure:  # not judged: its claims stay 未核对
        del changes[key]
    absent = _none_this_year(pkg)
    for basis, whole in itertools.product(("上年", "预算"), ("三公经费", "公务用车购置及运行维护费")):
        total = changes.get((basis, whole))
        if total is None or total.measure != "change":
            continue
        for names in PARTITIONS[whole]:
            unstated = [n for n in names if (basis, n) not in changes]
            if len(unstated) < len(names) and set(unstated) <= absent:
                # an item the text says there is none of this year ('无因公出国(境)费') changed by minus its figure of
                # the base, which is not stated: the others' changes hold when they make up the total's, and a total
                # that fell by more may have fallen by that item as well (not checked); one that fell by less cannot
                parts = [changes[(basis, n)] for n in names if n not in unstated]
                if unstated and total.value < sum((p.value for p in parts), ZERO):
                    if total.value - sum((p.value for p in parts), ZERO) >= -_parts_tolerance(ctx, total, parts):
                        compared(ctx, total, *parts)  # the unstated item's fall, or rounding: they agree
                    break
                if (against := _against_parts(ctx, total, parts)) is not None:
                    summed, difference, tier = against
                    note = f"（{'、'.join(unstated)}本年为0、未写增减额，其增减额不会大于0）" if unstated else ""
                    if tier is Tier.ERROR and len({c.basis for c in (total, *parts)}) > 1:
                        tier, note = Tier.WARNING, ("（总额与各项的比较基数写法不同，按同为上年预算数核对；"
                                                    "若基数不同则不能相加）")
                    yield Finding("narrative.n3_sangong_changes", tier,
                                  f"{whole}比{'年初预算' if basis == '预算' else '上年'}变动 {wan(total.value)} 万元，"
                                  f"{'、'.join(p.subject for p in parts)}变动之和为 {wan(summed)} 万元{note}",
                                  total.location.with_(row=f"{whole}增减"), CAT, expected=wan(summed),
                                  actual=wan(total.value), difference=wan(difference))
                break
    if not any(subject == "三公经费" for _, subject in changes):
        yield from _implied_priors(pkg, ctx)


_NONE_RE = re.compile(r"(?:无|没有|未发生|未安排)")


def _sangong_section(section: str) -> bool:
    """A section the 三公 statements are read from: one about 三公经费, one headed by one of its items ('一、因公出国(境)
    经费'), or text under no heading."""
    named = subject_at(compact_text(section), len(compact_text(section))) if section else None
    return not section or "三公" in section or (named is not None and named[0] in SANGONG)



def _none_this_year(pkg: DisclosurePackage) -> set[str]:
    """The 三公 items the text says there is none of this year: '无因公出国(境)费', '因公出国(境)费0万元' (in a 预算公开,
    '预算安排…因公出国(境)费0万元' as well: every figure there is a budget)."""
    none: set[str] = set()
    measures = ("amount", "budget") if pkg.stage == "预算" else ("amount",)
    for statement in sentences(pkg):
        if _sangong_section(statement.section):
            text = compact_text(statement.text)
            none.update(name for match in _NONE_RE.finditer(text)
                        if (name := subject_opening(text[match.end():])) in SANGONG)
            none.update(c.subject for c in statement.claims if c.measure in measures and not c.value)
    return none


_RATE_BASE_RE = re.compile(r"(?:比|较|与|同)([^，,；;]*?)(?:相比|相较)?(?:增长|下降|上升|降低|增加|减少|增幅|降幅)?(?:了|为)?$")
SANGONG_ITEMS = (("因公出国(境)费", "公务用车购置及运行维护费", "公务接待费"),
                 ("因公出国(境)费", "公务用车购置费", "公务用车运行维护费", "公务接待费"))


def _rate_base(claim: Claim) -> str:
    """The words naming what a rate compares with ('比上年预算数字下降…' → '上年预算数字'), else its basis."""
    found = _RATE_BASE_RE.search(claim.clause[: max(claim.clause.find(claim.text), 0)])
    return found.group(1) if found else claim.basis


def _prior_of(now: Decimal, rate: Decimal) -> Decimal | None:
    """Last year's figure implied by this year's and the rate of change (signed percent)."""
    return now / (1 + rate / 100) if rate > -100 else None


def _implied_priors(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """三公 figures stated with rates only ('共计35.5万元，比上年预算数下降35.45%，比上年决算数下降34.26%；其中公务接待费
    15.5万元，比上年预算数下降18.42%…'): for each base named, last year's total implied by the total and its rate must
    be the sum of the items' implied figures, when the items listed make up this year's total."""
    amounts: dict[str, Claim] = {}
    rates: dict[tuple[str, str], Claim] = {}
    for statement in sentences(pkg):
        if _sangong_section(statement.section):
            for claim in statement.claims:
                if claim.subject in SANGONG and claim.measure == "amount":
                    amounts.setdefault(claim.subject, claim)
                elif claim.subject in SANGONG and claim.measure == "rate":
                    rates.setdefault((_rate_base(claim), claim.subject), claim)
    total = amounts.get("三公经费")
    if total is None:
        return
    listed = SANGONG_ITEMS[1] if any(n in amounts for n in SANGONG_ITEMS[1][1:3]) else SANGONG_ITEMS[0]
    parts = [amounts[n] for n in listed if n in amounts]
    if len(parts) < 2 or abs(total.value - sum((p.value for p in parts), ZERO)) > sum(
            (c.quantum for c in (total, *parts)), ZERO) / 2:
        return  # the items listed are not this year's whole total: last year's cannot be summed from them
    for base in dict.fromkeys(b for b, subject in rates if subject == "三公经费"):
        if not all((base, p.subject) in rates for p in parts):
            continue
        total_rate = rates[(base, "三公经费")]
        part_rates = [rates[(base, p.subject)] for p in parts]
        pairs = list(zip((total, *parts), (total_rate, *part_rates), strict=True))
        bounds = [reachable(_prior_of, (c.value, c.quantum), (r.value, r.quantum)) for c, r in pairs]
        known = [b for b in bounds if b is not None]
        if len(known) != len(bounds):
            continue
        compared(ctx, total, total_rate, *parts, *part_rates)
        (low, high), *items = known
        items_low, items_high = sum((b[0] for b in items), ZERO), sum((b[1] for b in items), ZERO)
        if items_low <= high and items_high >= low:
            continue
        whole = _prior_of(total.value, total_rate.value) or ZERO
        summed = sum((_prior_of(c.value, r.value) or ZERO for c, r in pairs[1:]), ZERO)
        below = items_high < low
        yield Finding("narrative.n3_sangong_changes", Tier.WARNING if below else Tier.ERROR,
                      f"按所写增减率推算，三公经费“比{base}”的基数约为 {wan(whole)} 万元，而{'、'.join(p.subject for p in parts)}"
                      f"各自推算的基数之和约为 {wan(summed)} 万元"
                      + ("（上年可能有本年为0而未列出的项目）" if below else ""),
                      total_rate.location.with_(row="三公经费增减率"), CAT, expected=wan(summed), actual=wan(whole),
                      difference=wan(whole - summed))


@rule("narrative.n5_shares_total", "所列各项占比之和不等于100%", Tier.WARNING, CAT, f"{BASIS} N5", "disclosure",
      applies=has_narrative)
def n5_shares(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“其中/主要用于以下方面”列出的各项占比都按整体重算无误、其和却与 100% 相差超过各项尾数（每项半个末位）时，列表漏列了
    部分支出：按惯例结构说明列全各类（疑似）。某项占比算错时只由 narrative.n2_percentages 报告。"""
    lists: dict[int, list[tuple[Claim, Decimal | None]]] = {}
    for claim, opener, operands, _, _, _ in _shares(pkg):
        if opener is not None and not claim.basis:
            lists.setdefault(id(opener), []).append((claim, ratio(*(v for v, _ in operands)) if operands else None))
    for shares in lists.values():
        if len(shares) < 2 or any(c is None or abs(round_half_up(c, _places(s.quantum)) - s.value) > s.quantum
                                  for s, c in shares):
            continue
        total = sum((s.value for s, _ in shares), ZERO)
        tolerance = sum((s.quantum / 2 for s, _ in shares), ZERO)
        if abs(total - 100) > tolerance:
            yield Finding("narrative.n5_shares_total", Tier.WARNING,
                          f"所列 {len(shares)} 项占比之和为 {total}%，与 100% 相差超过尾数：列表可能漏列了部分支出",
                          shares[0][0].location.with_(row="占比合计"), CAT, expected="100", actual=str(total))


# A kind of vehicle within the fleet, not the fleet: its count is a part of the total, not the total.
def _own_amount(statements: list[Statement], index: int, change: Claim) -> Claim | None:
    """The amount a change follows with no other figure of money between, in its sentence or at the end of the
    sentence before ('财政拨款收入120.00万元，占40.00%，与2022年相比10.00万元'; '…决算总计120.00万元。与2022年相比增加
    12.00万元'), when it is of the change's subject; else None."""
    claims = statements[index].claims
    position = next(i for i, c in enumerate(claims) if c is change)
    before = [*(statements[index - 1].claims if index and not any(
        _MONEY_TEXT_RE.search(c.text) for c in claims[:position]) else ()), *claims[:position]]
    money = [c for c in before if _MONEY_TEXT_RE.search(c.text) and c.measure != "share"]
    last = money[-1] if money else None
    return last if last is not None and last.measure == "amount" and last.subject == change.subject else None


def _years_differ(one: Statement, other: Statement) -> bool:
    """Whether two sentences are dated to different years (each names years, none in common)."""
    first, second = _section_years(one.text), _section_years(other.text)
    return bool(first and second and not first & second)


# A sentence correcting a figure it quotes ('公开数X元，经核查，实际支出为X万元').
_CORRECTED_RE = re.compile(r"经(?:核查|核实|复核|核对)|更正为|实际应为")


def _unit_only(one: Claim, other: Claim) -> bool:
    """Whether two amounts print the same digits, one in 元 and the other in 万元 ('2.35元' beside '2.35万元')."""
    low, high = sorted((one, other), key=lambda c: c.value)
    return bool(low.value) and low.value * WAN == high.value and _unit_of(low) == "元" and _unit_of(high) == "万元"


@rule("narrative.restated", "同一项目两处所写的金额或增减额不一致", Tier.WARNING, CAT, f"{BASIS} N1", "disclosure",
      applies=has_narrative)
def restated(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """三公经费各项的金额在说明中写了两处以上（如先概述，再“具体情况如下”逐项说明）时，各处须一致；同一项目两处写了相同的
    本年数、却写了不同的比上年增减额时，两处不能同时成立。两处说的是同一年度、同一口径的同一个数，是按措辞所作的解读（一处可能
    是预算数、一处是决算数，或一处含结转），故为疑似；两处以相同名称、在同一资金口径的章节中写同一金额及其不同增减额时，
    同一性由原文确定，为确定。增减额旁未写金额（“主要是基本支出增加2.48万元”）时，与写明金额的增减额相比（该项目全文只有
    一个金额）；一处为全部资金、一处为财政拨款的，仅在本年收入全部为财政拨款时按同一口径比较，为疑似并写明此解读。
    收支总计、财政拨款收入/支出、基本支出、项目支出等本年总数写了两处而数值超出尾数时，两处不能同时成立：两句都写明本年度和
    资金口径的，为确定；口径或年度取自章节标题的，为疑似。列在某一科目之下的（“某某支出X万元，其中：基本支出…”）、写明其他
    年度或预算/结转的、表中也列出的（与表核对）不在此比较。注明了不同年度的两句不相比较；在三公经费前写明不同主体
    （“中央本级”“某省本级”“某县级”）的两处是不同主体的数，也不相比较。"""
    statements = sentences(pkg)
    budget_stage = pkg.stage == "预算"  # a 预算公开: every figure a budget, however worded
    amounts: dict[tuple[str, str, str], list[tuple[Claim, Statement]]] = {}
    changes: dict[tuple[str, str, Decimal], list[tuple[Claim, Statement, Claim, str]]] = {}
    bare: list[tuple[Claim, Statement, str]] = []  # changes whose own amount is not printed beside them
    for index, statement in enumerate(statements):
        if PROJECT_SECTION_RE.search(statement.section) or _of_another_year(pkg, statement.section):
            continue
        for claim in statement.claims:
            if claim.subject in SANGONG and claim.measure in ("amount", "budget") and not _initial_budget(claim) \
                    and not _is_base(claim) and not _of_another_year(pkg, claim.clause):
                measure = "amount" if budget_stage else claim.measure
                amounts.setdefault((claim.subject, claim.scope, measure), []).append((claim, statement))
            elif claim.measure == "change" and claim.subject and claim.basis == "上年":
                stated = _own_amount(statements, index, claim)
                context = _scope_said(statements, index)
                if stated is not None:
                    changes.setdefault((claim.subject, claim.scope, stated.value), []).append(
                        (claim, statement, stated, context))
                elif not any(_MONEY_TEXT_RE.search(c.text) and c.measure in ("amount", "budget", "figure")
                             for c in statement.claims[: next(i for i, c in enumerate(statement.claims) if c is claim)]):
                    bare.append((claim, statement, context))  # no amount before it: not another item's change
    for (subject, scope, measure), found in amounts.items():
        if locate(pkg, subject, scope, measure) is not None:
            continue  # each is compared with the table (narrative.n1_amount_vs_table)
        first, where = found[0]
        for claim, statement in found[1:]:
            if _years_differ(where, statement) or _body_named(claim) != _body_named(first):
                continue  # another year, or another body's figure ('中央本级…' beside '某县级…'): not the same number
            if abs(claim.value - first.value) <= (claim.quantum + first.quantum) / 2:
                compared(ctx, first, claim)
                continue
            word = "预算数" if measure == "budget" else "金额"
            if _unit_only(first, claim):
                # the same digits, one in 元 and one in 万元: a 万 left out, not two amounts (and the text may say so)
                fixed = "，文中随即写明核查后的数" if _CORRECTED_RE.search(statement.text + where.text) else ""
                wide, narrow = (first, claim) if first.value > claim.value else (claim, first)
                yield Finding("narrative.restated", Tier.WARNING,
                              f"说明两处所写{_what(first)}{word}数字相同而单位不同：一处为 {wide.text}，一处为 {narrow.text}{fixed}；"
                              f"疑为“{narrow.text}”漏写“万”（按两处为同一年度、同一口径的同一数）",
                              claim.location.with_(row=subject), CAT, expected=wide.text, actual=narrow.text,
                              related=(first.location,))
                continue
            yield Finding("narrative.restated", Tier.WARNING,
                          f"说明两处所写{_what(first)}{word}不一致：一处为 {first.text}，一处为 {claim.text}（按两处为同一年度、"
                          "同一口径的同一数）", claim.location.with_(row=subject), CAT, expected=first.text,
                          actual=claim.text, related=(first.location,))
    for (subject, _, _), entries in changes.items():
        first, where, amount, context = entries[0]
        for claim, statement, own, said in entries[1:]:
            if _years_differ(where, statement) or claim is first:
                continue
            compared(ctx, first, claim)
            if abs(claim.value - first.value) <= (claim.quantum + first.quantum) / 2:
                continue
            if said != context and not (said and context):
                continue  # one figure named 财政拨款, the other of all funds: two different changes
            if said == context and _words_of(own) == _words_of(amount) and own.basis == amount.basis:
                yield _changes_differ(subject, first, claim, amount, own,
                                      f"以相同名称“{_words_of(amount)}”、在同一资金口径的章节中同为 {amount.text}")
                continue
            yield _changes_differ(subject, first, claim, amount, own, f"同为 {amount.text}",
                                  reading="按两处为同一口径；若一处含结转等其他部分，应写明")
    yield from _bare_changes(pkg, ctx, statements, changes, bare)
    yield from _restated_totals(pkg, ctx, statements)


# The totals a document states of a whole side or fund, each one figure of the year: said twice, said alike.
RESTATED_TOTALS = ("收入总计", "支出总计", "收入", "支出", "财政拨款收入", "基本支出", "项目支出")
_QUALIFIED_RE = re.compile(r"结转|结余|上年|去年|调整|追加|累计")
_PLANNED_RE = re.compile(r"年初|全年|预算")  # in a 决算, the budget beside the amount spent


def _breakdown_part(statements: list[Statement], index: int, claim: Claim) -> bool:
    """Whether a figure is listed under an item that is not a total ('初中教育支出2.1万元，其中：基本支出2.1万元'): the
    item's own 基本支出, not the fund's; or listed after '其中' under a figure of its own kind ('项目支出X万元，其中：财政拨款
    项目支出a万元，其他项目支出b万元'): a part of that total, not the total said again."""
    statement = statements[index]
    claims = statement.claims
    before = list(claims[: next(i for i, c in enumerate(claims) if c is claim)])
    listed = bool(re.match(r"^[(（]?其中", statement.text))
    if index and listed and not before:
        before = list(statements[index - 1].claims)
    money = [c for c in before if _MONEY_TEXT_RE.search(c.text) and c.measure in ("amount", "budget", "figure")]
    if not money:
        return False
    if money[-1].subject not in RESTATED_TOTALS:
        return True  # a figure of no known subject: an item too
    if listed:  # the sentence lists the parts of the figure the sentence before ends on
        hung = [c for c in statements[index - 1].claims if _MONEY_TEXT_RE.search(c.text)] if index else []
        return bool(hung) and hung[-1].subject == claim.subject
    # the figure the nearest '其中' before this one hangs from: the last money figure before that '其中'
    at = statement.text.find(claim.clause)
    cut = statement.text.rfind("其中", 0, at) if at >= 0 else -1
    if cut < 0:
        return False
    above = [c for c in money if 0 <= statement.text.find(c.clause) < cut]
    return bool(above) and above[-1].subject == claim.subject


def _explicit(pkg: DisclosurePackage, statement: Statement, claim: Claim) -> bool:
    """Whether a figure's own sentence names all that makes it the one total: its fund (for a 财政拨款 figure), the
    document's year and no other, and no qualifier that makes it another figure (结转, 年初, 预算…)."""
    years = _section_years(statement.text)
    fund = claim.scope == "" or bool(_FISCAL_WORDS_RE.search(statement.text))
    words = _words_of(claim)
    planned = pkg.stage != "预算" and bool(_PLANNED_RE.search(words))
    return fund and years == {pkg.year} and not _QUALIFIED_RE.search(words) and not planned


def _restated_totals(pkg: DisclosurePackage, ctx: Context, statements: list[Statement]) -> Iterator[Finding]:
    """A total of the year (收入/支出总计, 财政拨款收入/支出, 基本支出, 项目支出) stated twice with values beyond rounding,
    of one fund, one stage and one body, neither listed under another item: the two cannot both hold. Certain when
    each sentence names the fund and the year itself; otherwise the sameness rests on the section headings — a
    warning naming it. Figures the tables also print are compared with the tables instead."""
    budget_stage = pkg.stage == "预算"
    groups: dict[tuple[str, str, str, str], list[tuple[int, Claim]]] = {}
    for index, statement in enumerate(statements):
        if PROJECT_SECTION_RE.search(statement.section) or _of_another_year(pkg, statement.section):
            continue
        for claim in statement.claims:
            if claim.subject in RESTATED_TOTALS and claim.measure in ("amount", "budget") and not claim.basis \
                    and not _initial_budget(claim) and not _is_base(claim) \
                    and not _breakdown_part(statements, index, claim):
                measure = "amount" if budget_stage else claim.measure
                groups.setdefault((claim.subject, claim.scope, measure, _body_named(claim), _total_word(claim)),
                                  []).append((index, claim))
    for (subject, scope, measure, _, _), found in groups.items():
        if len(found) < 2 or locate(pkg, subject, scope, measure) is not None:
            continue
        first_at, first = found[0]
        for index, claim in found[1:]:
            one, other = statements[first_at], statements[index]
            named = _section_years(_words_of(first)), _section_years(_words_of(claim))
            if _years_differ(one, other) or (all(named) and named[0] != named[1]):
                continue
            if abs(claim.value - first.value) <= (claim.quantum + first.quantum) / 2:
                compared(ctx, first, claim)
                continue
            compared(ctx, first, claim)
            certain = _explicit(pkg, one, first) and _explicit(pkg, other, claim)
            what = f"{pkg.year}年{_what(first)}" if certain else _what(first)
            yield Finding("narrative.restated", Tier.ERROR if certain else Tier.WARNING,
                          f"说明两处所写{what}不一致：一处为 {first.text}，一处为 {claim.text}"
                          + ("，两句都写明了年度和口径，同一数不能同时为两个值" if certain else
                             "（按两处为同一年度、同一口径的同一数：有一处未在句中写明年度或资金口径，按章节标题或上下文解读）"),
                          claim.location.with_(row=subject), CAT, expected=first.text, actual=claim.text,
                          related=(first.location,))
            break


def _total_word(claim: Claim) -> str:
    """The kind of total the words before a figure print: '总计' (the grand total, with last year's carry-over) is no
    '合计' (the year's own income or spending), nor '总收入'/'收入' of either; a total restated is compared with one
    of its own kind only."""
    words = _words_of(claim)
    return next((kind for kind in ("总计", "合计") if kind in words), "")


def _scope_said(statements: list[Statement], index: int) -> str:
    """The fund a sentence's figures are of, as its section heading or its own words say, or for a sentence opening
    '其中' the sentence it continues: 'fiscal' (财政拨款, 一般公共预算) or '' (all funds, or not said)."""
    statement = statements[index]
    words = statement.section + statement.text
    if index and re.match(r"^[(（]?其中", statement.text):
        words += statements[index - 1].text
    return "fiscal" if _FISCAL_WORDS_RE.search(words) else ""


_FISCAL_WORDS_RE = re.compile(r"财政拨款|一般公共预算")


def _all_fiscal(statements: list[Statement]) -> Claim | None:
    """The 财政拨款 income stated equal to the whole income of the year ('收入预算65.61万元，其中：一般公共预算拨款
    65.61万元'), when one is: every fund of the year is 财政拨款, a figure of all funds is one of 财政拨款 too."""
    totals = [c for s in statements for c in s.claims if c.subject == "收入总计" and c.measure in ("amount", "budget")]
    fiscal = [c for s in statements for c in s.claims if c.subject == "财政拨款收入" and c.scope in ("", "general")
              and c.measure in ("amount", "budget")]
    return next((f for t in totals for f in fiscal if t.value and t.value == f.value and t.text == f.text), None)


def _bare_changes(pkg: DisclosurePackage, ctx: Context, statements: list[Statement],
                  changes: dict[tuple[str, str, Decimal], list[tuple[Claim, Statement, Claim, str]]],
                  bare: list[tuple[Claim, Statement, str]]) -> Iterator[Finding]:
    """A change stated without its amount beside it ('主要是基本支出预算增加2.48万元') against a change of the same item
    stated with its amount ('基本支出65.61万元，比2025年增加0.82万元'), when the item has that one amount in the whole
    document: two changes of one figure on one year. Said of all funds in one place and of 财政拨款 in the other, they are
    compared only when the year's income is all 财政拨款 — a reading (last year may have had other funds), so a
    warning naming it."""
    fiscal = _all_fiscal(statements)
    for claim, statement, said in bare:
        for (subject, scope, _), found in changes.items():
            if subject != claim.subject or (scope != claim.scope and (
                    fiscal is None or "" not in (scope, claim.scope) or {scope, claim.scope} - {"", "fiscal", "general"})):
                continue  # another item, or two named funds (财政拨款 beside 一般公共预算) that may differ
            amounts = {c.value for s in statements for c in s.claims if c.subject == subject
                       and c.measure in ("amount", "budget") and not _is_base(c)}
            other, where, amount, context = found[0]
            if len(amounts) != 1 or _years_differ(where, statement) or _body_named(other) != _body_named(claim):
                continue
            compared(ctx, other, claim)
            if abs(claim.value - other.value) <= (claim.quantum + other.quantum) / 2:
                continue
            if said == context and scope == claim.scope:
                reading = "按两处为同一口径"
            elif fiscal is not None:
                reading = f"本年收入全部为财政拨款（{fiscal.text}），按两处为同一口径；若上年另有其他资金，应写明"
            else:
                continue  # one of all funds, one of 财政拨款: two different changes
            yield _changes_differ(subject, other, claim, amount, amount, f"全文只有 {amount.text} 一个金额，一处增减额旁未写金额",
                                  reading=reading)
            break


def _changes_differ(subject: str, first: Claim, claim: Claim, amount: Claim, own: Claim, same: str,
                    reading: str = "") -> Finding:
    """Two changes on last year stated for one figure of an item (`first` beside `amount`, `claim` beside `own`, or
    with no amount beside it and `own` the item's one amount), which cannot both hold. `same` says why the two are
    changes of the one figure; with no `reading` the text establishes it (确定: named alike, in sections of one fund),
    with one the sameness is that reading, named in the message (疑似)."""
    verdict = f"不能同时成立（{reading}）" if reading else "两处说的是同一个数：同一年度、同一口径的同一增减额不能同时为两个数"
    return Finding("narrative.restated", Tier.WARNING if reading else Tier.ERROR,
                   f"说明两处所写{_what(first)}比上年的增减额一处为“{first.text}”、一处为“{claim.text}”（{same}），{verdict}",
                   claim.location.with_(row=f"{subject}增减额"), CAT, expected=first.text, actual=claim.text,
                   related=(first.location, own.location))


# The body a figure is of, named right before its subject: '全国', '中央本级', '四川省本级', '某县级'.
BODY_RE = re.compile(r"(?:全国|中央)(?:本级)?|[\u4e00-\u9fa5]{0,10}(?:省|市|县|区|州|盟|旗|镇|乡)(?:本级|级)?|本级")
BODY_LEAD_RE = re.compile(r"^(?:如|即|其中|包括|含)")


def _body_named(claim: Claim) -> str:
    """The body named right before a figure's subject in its clause ('四川省本级“三公”经费…' → '四川省本级'), '' when none
    is (the unit's own figure)."""
    at = claim.clause.find(claim.text)
    named = subject_at(claim.clause, at) if at >= 0 else None
    if named is None:
        return ""
    words = re.split(r"\d{4}年度?|[^\u4e00-\u9fa5“”\"']", claim.clause[: named[1]])[-1]  # after a year or a mark
    words = BODY_LEAD_RE.sub("", re.sub(r"[“”\"']", "", words))
    return words if BODY_RE.fullmatch(words) else ""


_COMPARING_RE = re.compile(r"比|较|相比|同比|上年|去年|持平|增加|减少|增长|下降|结转|结余|累计")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
SPECIFIC_DIGITS = 4  # a figure this precise printed twice is the same money, not a coincidence


def _dated(claim: Claim, statement: Statement) -> int | None:
    """The one year a figure's clause dates it to ('2023年上级下达…资金共计318.426万元' → 2023), when its sentence
    states no comparison; None otherwise."""
    years = {int(y) for y in _YEAR_RE.findall(claim.clause)}
    return years.pop() if len(years) == 1 and not _COMPARING_RE.search(_compact(statement)) else None


def _specific(claim: Claim) -> bool:
    digits = re.sub(r"\D", "", claim.text).lstrip("0")
    return claim.value != 0 and len(digits) >= SPECIFIC_DIGITS


@rule("narrative.figure_year", "同一笔资金在文中写在不同年度下", Tier.WARNING, CAT, f"{BASIS} N1", "disclosure",
      applies=has_narrative)
def figure_year(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """本年度的文件中，同一个金额（印出四位以上有效数字）一处写明是本年度的（“2024年度安排预算318.426万元”），另一处写明是
    另一年度的（“2023年上级下达……资金共计318.426万元”），两句都不是比较（无“比、较、上年、增减”等）：同一笔资金的年度前后
    不一，疑为笔误（也可能是上年提前下达的本年资金，应写明），为疑似。写明另一年度的章节中的数不比较。"""
    if pkg.year is None:
        return
    dated: dict[tuple[Decimal, str], list[tuple[int, Claim]]] = {}
    for statement in sentences(pkg):
        if _of_another_year(pkg, statement.section):
            continue
        for claim in statement.claims:
            if claim.measure in ("amount", "budget", "figure") and _MONEY_TEXT_RE.search(claim.text) \
                    and _specific(claim) and (year := _dated(claim, statement)) is not None:
                dated.setdefault((claim.value, _unit_of(claim)), []).append((year, claim))
    for found in dated.values():
        own = next((c for year, c in found if year == pkg.year), None)
        other = next(((year, c) for year, c in found if year != pkg.year), None)
        if own is None or other is None:
            continue
        year, claim = other
        compared(ctx, *(c for _, c in found))
        yield Finding("narrative.figure_year", Tier.WARNING,
                      f"同一金额 {claim.text} 一处写为{pkg.year}年度（“{own.clause}”），一处写为{year}年（“{claim.clause}”）："
                      f"年度前后不一，疑为笔误（若为{year}年提前下达的{pkg.year}年资金，应写明）",
                      claim.location.with_(row=f"{year}年"), CAT, expected=f"{pkg.year}年", actual=f"{year}年",
                      related=(own.location,))


_VEHICLE_KIND_RE = re.compile(r"(一般|执法|执勤|特种|专业技术|其他|应急|保障|机要|通信|离退休|老干部|业务|领导)[^，,；;、\d]{0,6}用车")
# A count of vehicles bought, disposed of or added/removed in the year, not the fleet held: '购置车辆0辆',
# '公务用车保有量减少4辆', '比上年增加1辆'. Its words stand right before the number.
_FLEET_EVENT_RE = re.compile(r"(购置|新购|购买|采购|更新|处置|报废|拍卖|调拨|划转|移交|增加|减少|增长|下降|上升|降低|新增|核减|"
                             r"调减|变动)[^，,；;、\d]{0,6}$")


_FLEET_WORDS_RE = re.compile(r"保有|共有|实有|总数|合计|总计")


def _fleet_held(claim: Claim, text: str = "") -> bool:
    """Whether a count of vehicles states the fleet held (保有量, 共有车辆), not a kind within it, an event of the year
    nor a part listed after 其中 in its sentence (text: '保有量38辆，其中：公务用车4辆，执勤执法用车34辆' — the 4 is a part;
    '其中：公务用车保有量5辆' names the fleet itself)."""
    clause = claim.clause or ""
    before = clause[: clause.find(claim.text)] if claim.text in clause else clause
    if _VEHICLE_KIND_RE.search(clause) or _FLEET_EVENT_RE.search(before):
        return False
    start = text.find(clause) if clause else -1
    if start < 0 or _FLEET_WORDS_RE.search(before):
        return True
    opened = re.split(r"[。；;]", text[:start])[-1]
    return "其中" not in opened or bool(_FLEET_WORDS_RE.search(opened[opened.rfind("其中"):]))


# The words that make a count of the fleet another quantity than the fleet held at the year's end: another time
# (before the reform, the start of the year, last year) or an allowance (编制 核定), never the same number as
# the fleet; or a basis (账面 实际) or the time after the reform, which the unqualified count may or may not mean.
_FLEET_OTHER_TIMES = (("年初", re.compile(r"上年(?:年)?[末底]|年初|期初")),
                      ("上年", re.compile(r"上(?:一)?年(?!末|底|年[末底])|去年")),
                      ("改革前", re.compile(r"(?:车改|改革|改制)(?:以)?前")),
                      ("原有", re.compile(r"原有")),
                      ("编制", re.compile(r"编制|核定|定编")))
_FLEET_BASES = (("改革后", re.compile(r"(?:车改|改革|改制)(?:以)?后")),
                ("账面", re.compile(r"账面|账上|账载")),
                ("实际", re.compile(r"实际|实有")))
_FLEET_BASIS_NAMES = {name for name, _ in _FLEET_BASES}


def _fleet_qualifier(pkg: DisclosurePackage, claim: Claim) -> str:
    """The time or basis a count of the fleet is stated for ('改革前车辆保有量为N辆' → 改革前, '保有量账面数为N辆' →
    账面, '2014年保有量N辆' in a 2015 report → 2014年), '' for the fleet held at the year's end; several are joined by
    '、'. Counts of different qualifiers are different quantities, not one number stated twice."""
    clause = claim.clause or ""
    before = clause[: clause.find(claim.text)] if claim.text in clause else clause
    names = [name for name, pattern in (*_FLEET_OTHER_TIMES, *_FLEET_BASES) if pattern.search(before)]
    own = {pkg.year, pkg.year - 1} if pkg.year is not None and pkg.stage == "预算" else {pkg.year}
    names += [f"{year}年" for year in sorted(_section_years(before) - own)]
    return "、".join(names)


@rule("crosssection.vehicles", "不同章节的车辆数不一致", Tier.ERROR, "跨章节", "SPEC §7.4 十、§7.2 公开10", "disclosure",
      applies=has_narrative)
def vehicles(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """三公经费说明中“公务用车保有量共N辆”、国有资产占用说明中“共有车辆M辆”（数字或汉字）、公开10 车辆数合计、“三公”经费相关统计数中
    印出的公务用车保有量，各处应一致。
    购置、处置的车辆数和增减的车辆数（“购置车辆0辆”“保有量减少4辆”）不是保有量，不参与比较。
    写明了时点或口径的车辆数（改革前、年初、上年、编制、账面、实际……）只与同一时点、口径的车辆数比较：不同时点、口径的数本就
    可以不同。未写口径的保有量与账面数、实际数、改革后的数各不相同时口径不明，为疑似。"""
    stated: dict[str, list[tuple[str, int, Statement | DisclosureRow | None, Claim | None]]] = {}
    for statement in sentences(pkg):
        for claim in statement.claims:
            if claim.measure == "count" and claim.subject == "公务用车" and claim.basis == "辆" \
                    and _fleet_held(claim, _compact(statement)):  # not '其中：公务用车4辆', '购置车辆0辆', '减少4辆'
                where = "三公经费说明·公务用车保有量" if "三公" in statement.section else f"{statement.section or '说明'}·车辆数"
                qualifier = _fleet_qualifier(pkg, claim)
                where += f"（{qualifier}）" if qualifier else ""
                stated.setdefault(qualifier, []).append((where, int(claim.value), statement, claim))
    d10 = pkg.table("D10")
    if d10 is not None and (row := next((r for r in d10.rows if "车辆数合计" in r.label), None)) is not None \
            and row.known("count") and row.value("count") == int(row.value("count")):
        stated.setdefault("", []).append(("公开10·车辆数合计", int(row.value("count")), row, None))  # a count, not money
    for row, count, qualifier in _counted_fleet(pkg):
        where = f"{pkg.table('S09').title}·公务用车保有量" + (f"（{qualifier}）" if qualifier else "")  # type: ignore[union-attr]
        stated.setdefault(qualifier, []).append((where, count, row, None))
    for entries in stated.values():
        if len(entries) >= 2:
            compared(ctx, *(c for _, _, _, c in entries))
            if len({n for _, n, _, _ in entries}) > 1:
                yield _vehicles_finding(Tier.ERROR, "车辆数前后不一致", entries)
    held = {n for _, n, _, _ in stated.get("", [])}
    bases = [e for q, entries in stated.items() if q and set(q.split("、")) <= _FLEET_BASIS_NAMES for e in entries]
    if len(held) == 1 and bases:
        compared(ctx, *(c for _, _, _, c in (*stated[""], *bases)))
        if not held & {n for _, n, _, _ in bases}:
            names = "、".join(dict.fromkeys(q for q in stated if q and set(q.split("、")) <= _FLEET_BASIS_NAMES))
            yield _vehicles_finding(Tier.WARNING, f"车辆数可能前后不一致：未写口径的保有量（按惯例为年末实有数）与写明“{names}”"
                                    "的车辆数都不相同，口径不明", [*stated[""], *bases])


# The fleet held in the table of the 三公 counts (S09): '公务用车保有量(辆)', '4.公务用车保有数'.
_COUNTED_FLEET_RE = re.compile(r"公务用车保有(?:量|数)")


def _counted_fleet(pkg: DisclosurePackage) -> Iterator[tuple[DisclosureRow, int, str]]:
    """(row, count, qualifier) of the fleet held that the table of the 三公 counts prints, when it prints a whole number
    (a blank cell states no count); the qualifier names the year of its column when that is not the year reported
    (a budget's '2030年执行数' beside its '2031年预算数'), '' otherwise."""
    table = pkg.table("S09")
    for row in table.rows if table is not None else ():
        amount = row.cells.get("count")
        if not _COUNTED_FLEET_RE.search(row.label.replace(" ", "")) or amount is None or amount.value != int(amount.value):
            continue
        column = amount.location.column or ""
        own = {pkg.year, pkg.year - 1} if pkg.year is not None and pkg.stage == "预算" else {pkg.year}
        years = sorted(_section_years(re.sub(r"(20\d{2})\s*[-－—]", r"\1年", column)) - own)
        yield row, int(amount.value), "、".join(f"{year}年" for year in years)


def _vehicles_finding(tier: Tier, what: str,
                      entries: list[tuple[str, int, Statement | DisclosureRow | None, Claim | None]]) -> Finding:
    listing = "；".join(f"{where} {n} 辆" for where, n, _, _ in entries)
    anchor, *others = [s for _, _, s, _ in entries if s is not None]
    return Finding("crosssection.vehicles", tier, f"{what}：{listing}", anchor.location.with_(row="车辆数"), "跨章节",
                   expected=str(entries[0][1]), actual="、".join(str(n) for _, n, _, _ in entries),
                   related=tuple(o.location for o in others))


@rule("narrative.vehicle_kinds", "所列各类车辆数之和与车辆总数不符", Tier.ERROR, CAT, "SPEC §7.4 十", "disclosure",
      applies=has_narrative)
def vehicle_kinds(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“共有车辆N辆，其中：一般公务用车a辆、执法执勤用车b辆……”：各类车辆是总数的互不重叠的部分，之和超过总数为确定；
    少于总数为疑似（可能有一类未列出）。总数在上一句末、下一句以“其中”开头列出各类的同样比较；“其中”之后另有未能认出类别的
    车辆数时不比较。"""
    statements = sentences(pkg)
    for index, statement in enumerate(statements):
        text = _compact(statement)
        cue = text.find("其中")
        if cue < 0:
            continue
        counts = [c for c in statement.claims if c.measure == "count" and c.basis == "辆"]
        totals = [c for c in counts if c.subject == "公务用车" and _fleet_held(c, text) and 0 <= _position(text, c) < cue]
        if not totals and cue <= CUE_AT_START and index and statements[index - 1].section == statement.section:
            before = statements[index - 1]  # '…车辆总数8辆。其中领导用车3辆，…'
            last = re.split(r"[，,；;]", _compact(before).rstrip("。；;"))[-1]
            totals = [c for c in before.claims if c.measure == "count" and c.basis == "辆" and c.subject == "公务用车"
                      and _fleet_held(c, _compact(before)) and c.clause and c.clause in last]
        after = [c for c in counts if _position(text, c) > cue]
        kinds = [c for c in after if _VEHICLE_KIND_RE.search(c.clause)]
        unknown = [c for c in after if c not in kinds and not _FLEET_EVENT_RE.search(c.clause[: c.clause.find(c.text)])]
        if len(totals) != 1 or len(kinds) < 2 or unknown:
            continue
        total, summed = totals[0], sum((c.value for c in kinds), ZERO)
        compared(ctx, total, *kinds)
        if summed == total.value:
            continue
        over = summed > total.value
        yield Finding("narrative.vehicle_kinds", Tier.ERROR if over else Tier.WARNING,
                      f"说明称车辆 {total.text}，其中所列各类车辆之和为 {summed} 辆"
                      + ("" if over else "（可能有一类车辆未列出；按惯例应列全各类）"),
                      total.location.with_(row="车辆数"), CAT, expected=total.text, actual=f"{summed}辆")


# '内设机构8个，分别是：A、B、…' — a count of bodies followed by their names.
_NAMED_COUNT_RE = re.compile(r"(\d+|[一二两三四五六七八九十]+)个([\u4e00-\u9fa5()（）]{0,8}?)[,，]?(?:分别是|分别为|即|包括|[:：])[:：]?"
                             r"(?=[\u4e00-\u9fa5])")
_NAME_END_RE = re.compile(r"(?:中心|局|室|股|科|处|部|所|站|队|院|馆|办|会|委|庭|组|校|园|政府|本级|公司|街道|镇|乡)$")
MIN_NAME = 2


def _names(listing: str) -> list[str] | None:
    """The names of a list ('A、B(挂C、D牌子)、E和F') at its top level, up to where it ends (，。；); None when the list
    holds counts of its own ('6个分院和一个中心') or a name too short to be one."""
    depth, items, item = 0, [], ""
    for char in listing:
        depth += (char in "(（") - (char in ")）")
        if depth == 0 and char in "，,。；;":
            break
        if depth == 0 and char == "、":
            items.append(item)
            item = ""
        else:
            item += char
    items.append(item)
    names: list[str] = []
    for entry in (i for i in items if i):
        parts = re.split(r"(?<=[^和及与])[和及](?=[\u4e00-\u9fa5])", entry)
        joined = len(parts) == 2 and _NAME_END_RE.search(parts[0]) is not None  # 'A中心和B中心', not '劳动就业和社会保障…'
        names += parts if joined else [entry]
    if any(re.search(r"\d|个", n) or len(re.sub(r"[(（][^)）]*[)）]", "", n)) < MIN_NAME for n in names):
        return None
    return names


# A count of bodies in the clauses before the one a list follows: '内设16个职能部门，派出人民法庭4个，分别是…'.
_COUNT_OF_BODIES_RE = re.compile(r"(\d+|[一二两三四五六七八九十]+)个(?!人)")


def _counts_before(text: str, match: re.Match[str]) -> list[int]:
    """The counts of bodies the sentence states before the count a list follows, from the sentence's start (or its
    last 。；) on: the list may name the bodies of any of them."""
    start = max(text.rfind(mark, 0, match.start()) for mark in "。；;") + 1
    found = (chinese_number(m.group(1)) for m in _COUNT_OF_BODIES_RE.finditer(text, start, match.start()))
    return [n for n in found if n is not None]


def _names_across(listing: str) -> list[str]:
    """The names of a list read on over its commas, while what follows each comma is itself a list of names ('A、B，
    C庭、D庭。'): a list of one kind of bodies run on into the next kind."""
    names: list[str] = []
    for part in re.split(r"[，,]", re.split(r"[。；;]", listing, maxsplit=1)[0]):
        more = _names(part)
        if more is None or not all(_NAME_END_RE.search(re.sub(r"[(（][^)）]*[)）]$", "", n)) for n in more):
            break
        names += more
    return names


def _comma_names(listing: str) -> list[str] | None:
    """The names of a list separated by commas instead of '、' ('分别是：A项目，B政策，C资金和D资金。'), up to the
    sentence's end; None when the list uses '、' (commas then end it) or a part is no name."""
    sentence = re.split(r"[。；;]", listing, maxsplit=1)[0]
    sentence = re.sub(r"(?<=[一二三四五六七八九十\d])、(?=[一二三四五六七八九十\d])", "", sentence)  # '一、二、三产业'
    if "、" in sentence:
        return None
    names: list[str] = []
    for part in re.split(r"[，,]", sentence):
        more = _names(part)
        if more is None:
            return None
        names += more
    return names


def _comma_readings(listing: str) -> set[int]:
    """The counts of names a comma-separated list can be read to hold: its last part joined by '和' or '及'
    ('…资金和示例市工业和信息化局的…资金') may be one name or two."""
    names = _comma_names(listing)
    if not names:
        return set()
    joined = re.search(r"[和及]", names[-1]) is not None
    return {len(names), len(names) + 1} if joined else {len(names)}


@rule("narrative.named_count", "称有N个机构或单位，所列名称个数不同", Tier.WARNING, CAT, f"{BASIS} N1", "disclosure",
      applies=has_narrative)
def named_count(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“内设机构8个，分别是：A、B……”“纳入编制范围的单位3个，即A、B和C”：所列名称（以“、”分隔，或“A中心和B中心”，括号内的
    不计）个数须等于所称个数。名称以“等”收尾、句子不完整（截断）或所列之中另有数量时不比较。所列名称的划分依据标点，为疑似。
    “内设16个职能部门，派出人民法庭4个，分别是……”几个数之后只有一个名单时，名单可属其中任何一个数或它们之和（也可越过逗号
    接着列出后一类）：任一种配对相符即不报；都不相符时配对不明，不判断，列为未核对。"""
    statements = sentences(pkg)
    for index, statement in enumerate(statements):
        text = re.sub(r"[,，]\s*、|、\s*[,，]", "、", _compact(statement))  # '…(…),、…': a stray comma in the list
        if not text.endswith(("。", "；", ";")):
            continue  # cut off: the list may go on
        for match in _NAMED_COUNT_RE.finditer(text):
            names = _names(text[match.end():])
            if names is None or len(names) < 1 or "等" in names[-1][-2:]:
                continue
            stated = chinese_number(match.group(1))
            claim = next((c for c in statement.claims if c.measure == "count" and c.text.startswith(match.group(1))
                          and c.basis == "个"), None)
            if stated is None or claim is None:
                continue
            counts = _counts_before(text, match)
            if counts:  # several counts, one list: which count the list names is not said
                readings = {len(names), len(_names_across(text[match.end():]))}
                if readings & {stated, counts[0], sum(counts) + stated}:
                    compared(ctx, claim, *(c for c in statement.claims if c.measure == "count" and c.basis == "个"
                                           and 0 <= _position(text, c) < match.start()))
                continue
            compared(ctx, claim)
            more = _more_after(statements, index)
            if len(names) + more == stated or stated - more in _comma_readings(text[match.end():]):
                continue
            before = re.split(r"[，,。；;:：]", text[: match.start()])[-1][-12:]
            what = f"{before}{claim.text}{match.group(2)}"
            yield Finding("narrative.named_count", Tier.WARNING,
                          f"说明称{what}，所列名称 {len(names)} 个：{'、'.join(names)}",
                          claim.location.with_(row=what), CAT, expected=claim.text, actual=f"{len(names)}个")


# The sentence after a list adding a group the count takes in: '另有四个派出法庭分别位于…'.
_MORE_RE = re.compile(r"^(?:此外|另外)?[，,]?另(?:有|设)\s*([\d一二三四五六七八九十两]+)\s*个")


def _more_after(statements: list[Statement], index: int) -> int:
    """How many more bodies the next sentence of the same section adds ('另有4个派出法庭'), else 0."""
    if index + 1 >= len(statements) or statements[index + 1].section != statements[index].section:
        return 0
    more = _MORE_RE.match(_compact(statements[index + 1]))
    return (chinese_number(more.group(1)) or 0) if more else 0


@rule("crosssection.admin_cost", "机关运行经费与单位性质或公开10 不一致", Tier.WARNING, "跨章节", "SPEC §7.3 R27", "disclosure",
      applies=lambda pkg: None if pkg.table("D10") is not None else "缺少公开10表")
def admin_cost(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """机关运行经费只属于行政单位和参照公务员法管理的事业单位；说明称“无机关运行经费”时公开10 不应有数，反之亦然。"""
    d10 = pkg.table("D10")
    if d10 is None:
        return
    table_amount = sum((r.value("amount") for r in d10.rows if r.label.startswith("机关运行经费")), ZERO)
    for statement in sentences(pkg):
        text = _compact(statement)
        if "无机关运行经费" in text and table_amount:
            yield Finding("crosssection.admin_cost", Tier.WARNING,
                          f"说明称无机关运行经费，公开10 却填列 {wan(table_amount)} 万元", statement.location, "跨章节",
                          expected="0", actual=wan(table_amount))


BASIC_CLASSES = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出")


def _base_range(change: Claim, rate: Claim) -> tuple[Decimal, Decimal] | None:
    """Last year's figure implied by a change and its rate, as an interval over the printed precision of both."""
    low_rate, high_rate = abs(rate.value) - rate.quantum / 2, abs(rate.value) + rate.quantum / 2
    low_change, high_change = abs(change.value) - change.quantum / 2, abs(change.value) + change.quantum / 2
    if low_rate <= 0 or low_change < 0:
        return None
    return low_change * 100 / high_rate, high_change * 100 / low_rate


def _basic_lists(pkg: DisclosurePackage) -> Iterator[tuple[dict[str, Claim], dict[str, Claim]]]:
    """Each 基本支出 change on last year (its subject named in its sentence, not only as the whole of a share: '占基本
    支出…') with the changes and rates of the economic classes stated after it in its section, up to the next total
    (项目支出, another 基本支出 change)."""
    changes: dict[str, Claim] = {}
    rates: dict[str, Claim] = {}
    section: str | None = None
    for statement in sentences(pkg):
        for claim in statement.claims:
            if claim.basis != "上年" or claim.measure not in ("change", "rate"):
                continue
            ends = statement.section != section or claim.subject == "项目支出" or (
                claim.subject == "基本支出" and claim.measure == "change")
            if changes and ends:
                yield changes, rates
                changes, rates, section = {}, {}, None
            if claim.subject == "基本支出" and claim.measure == "change":
                if re.search(r"(?<!占)基本支出", compact_text(statement.text)):
                    changes, rates, section = {"基本支出": claim}, {}, statement.section
            elif changes and claim.subject in BASIC_CLASSES and claim.measure == "change":
                changes.setdefault(claim.subject, claim)
            elif changes and claim.subject in ("基本支出", *BASIC_CLASSES):
                rates.setdefault(claim.subject, claim)
    if changes:
        yield changes, rates


@rule("narrative.basic_classes_changes", "基本支出增减额不等于所列各经济分类增减额之和", Tier.WARNING, CAT, f"{BASIS} N3",
      "disclosure", params=("tolerance",), applies=has_narrative)
def basic_classes_changes(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """说明写了基本支出比上年的增减额，又逐项写了工资福利、商品和服务、对个人和家庭的补助（资本性）支出的增减额时，按惯例各经济分类
    构成基本支出，各项增减额之和应等于基本支出的增减额：不等为疑似（所列分类可能不全）。各项与基本支出都写了增减率、由增减额与
    增减率推算的上年数（按所印精度取范围）之和与基本支出的上年数相符时，所列分类即为全部：各项之和大于总额为确定（上年为0、今年
    新增的分类只会使总额更大）。差额在尾数误差内为提示。"""
    for changes, rates in _basic_lists(pkg):
        total = changes.get("基本支出")
        names = [n for n in BASIC_CLASSES if n in changes]
        if total is None or len(names) < 2:
            continue
        parts = [changes[n] for n in names]
        if (against := _against_parts(ctx, total, parts)) is None:
            continue
        summed, difference, tier = against
        note = "（按惯例所列经济分类构成基本支出；所列分类可能不全）"
        if tier is Tier.ERROR:
            tier = Tier.WARNING
            ranges = [_base_range(changes[n], rates[n]) if n in rates else None for n in ("基本支出", *names)]
            if summed > total.value and all(r is not None for r in ranges):
                whole, *items = [r for r in ranges if r is not None]
                low, high = sum(r[0] for r in items), sum(r[1] for r in items)
                if low <= whole[1] and whole[0] <= high:  # the classes listed make up last year's 基本支出
                    tier, note = Tier.ERROR, "（由各项增减率推算的上年数之和与基本支出的上年数相符，所列分类即为全部）"
        yield Finding("narrative.basic_classes_changes", tier,
                      f"基本支出比上年变动 {wan(total.value)} 万元，{'、'.join(names)}变动之和为 {wan(summed)} 万元{note}",
                      total.location.with_(row="基本支出增减"), CAT, expected=wan(summed), actual=wan(total.value),
                      difference=wan(difference))
