"""决算公开表内表间勾稽 — identities of the ten disclosure tables (SPEC §7.3, R1–R30).

Every printed total is recomputed from its parts. A residue within the rounding tolerance (尾数误差: half a
unit of the printed precision per summed term, from the profile) is a notice; beyond it, an error. A table
that is absent from a partial document is not an error: each rule runs only when its tables are present.
The document's headings and 目录 must name this unit, this year and tables that are there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from jixiao.audit import compare
from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.audit.compare import wan
from jixiao.core.disclosure import (
    Amount,
    ColumnNotRead,
    DisclosurePackage,
    DisclosureRow,
    DisclosureTable,
    column_name,
    table_label,
)
from jixiao.core.faults import Figure, Identity
from jixiao.core.finding import Finding, Tier
from jixiao.core.names import abbreviates, names_a_file
from jixiao.core.provenance import Location
from jixiao.core.statements import Statement

CAT_IN = "表内平衡"
CAT_ACROSS = "表间一致"
BASIS = "SPEC §7.3"
ZERO = Decimal(0)
CODED = ("D02", "D03", "D05", "D07", "D08")


def _tables(pkg: DisclosurePackage, *codes: str) -> list[DisclosureTable] | None:
    found = [pkg.table(c) for c in codes]
    return None if any(t is None for t in found) else found  # type: ignore[return-value]


def needs(*codes: str, any_of: bool = False) -> Callable[[DisclosurePackage], str | None]:
    """A rule's `applies`: the reason it cannot be checked when its tables are missing ('缺少公开05表')."""
    def applies(pkg: DisclosurePackage) -> str | None:
        missing = [c for c in codes if pkg.table(c) is None]
        if not missing or (any_of and len(missing) < len(codes)):
            return None
        return "缺少" + ("或".join if any_of else "、".join)(f"公开{c[1:]}表" for c in missing)
    return applies


def _side(table: DisclosureTable, side: str) -> list[DisclosureRow]:
    return [r for r in table.rows if r.side == side]


def _line(table: DisclosureTable, side: str, *numbers: int) -> list[DisclosureRow]:
    wanted = {str(n) for n in numbers}
    rows = _side(table, side)
    first = min((int(r.line_no) for r in rows if r.line_no.isdigit()), default=0)
    return [r for r in rows if r.line_no.isdigit() and str(int(r.line_no) - first + 1) in wanted]


# A row the table does not print at all (cut off, or left out): unlike a printed blank or 0, it states nothing.
ABSENT = Amount(ZERO, "", ZERO)


@dataclass(frozen=True)
class Cell(Amount):
    """A cell as a rule reads it: its amount, or for a cell printed blank zero with `printed` False (a blank is no
    printed figure for the rounding allowance, but a place a figure may be missing from); `figure` is the cell as a
    term of the identities it takes part in, the same whichever rule reads it (core.faults)."""

    printed: bool = True
    figure: Figure | None = None


def _cell(row: DisclosureRow | None, column: str) -> Amount:
    if row is None:
        return ABSENT
    amount = row.cell(column)
    value = amount.value if amount is not None else ZERO
    label = f"{row.code} {row.label}".strip() if row.code else row.label
    if row.side and label.replace(" ", "") in ("合计", "总计"):
        label = ("收入" if row.side == "income" else "支出") + label.replace(" ", "")  # a two-sided table's
    place = amount.location if amount is not None else row.location
    place = place.with_(table=place.table or row.location.table, row=place.row or row.location.row, column=column)
    named = "" if column == "amount" else f"·{column_name(column)}"
    figure = Figure((id(row), column), value, f"{place.table} {label}{named}".strip(), place)
    if amount is None:
        return Cell(ZERO, "", ZERO, row.location.with_(column=column), printed=False, figure=figure)
    return Cell(amount.value, amount.text, amount.quantum, amount.location, figure=figure)


def _printed(amount: Amount | None) -> Amount | None:
    """What compare.check_sum takes: None for an absent row or a blank cell."""
    blank = amount is None or amount is ABSENT or (isinstance(amount, Cell) and not amount.printed)
    return None if blank else amount


def _emit(finding: Finding | NotApplicable | None) -> Iterator[Finding | NotApplicable]:
    if finding is not None:
        yield finding


def check_sum(rule_id: str, category: str, ctx: Context, actual: Amount | None, parts: Sequence[Amount | None],
              location: Location, what: str, formula: str) -> Finding | NotApplicable | None:
    """compare.check_sum, except that a total whose row is absent, or parts none of whose rows are printed,
    cannot be compared: the rule ends as not applicable (“缺少本年收入合计行”), never reading the absence as 0.
    The identity checked is recorded with its finding (Context.identity): one cell that explains several identities
    failing is reported once, at that cell (audit.faults)."""
    if actual is ABSENT:
        return NotApplicable(f"缺少{what.split(' ', 1)[-1].split('·')[0]}行")
    if parts and all(p is ABSENT for p in parts):
        return NotApplicable(f"缺少{formula}所需的行")
    shown, shown_parts = _printed(actual), [_printed(p) for p in parts]
    found = compare.check_sum(rule_id, category, ctx.profile, shown, shown_parts, location, what, formula)
    terms = tuple((a.figure, sign) for a, sign in ((actual, 1), *((p, -1) for p in parts))
                  if isinstance(a, Cell) and a.figure is not None)
    residue = compare.value_of(shown) - sum((compare.value_of(p) for p in shown_parts), ZERO)
    ctx.identity(Identity(len(ctx.identities), terms, residue, compare.sum_tolerance(ctx.profile, shown, shown_parts)),
                 found)
    return found


def _classes(table: DisclosureTable, side: str = "") -> list[DisclosureRow]:
    """Expenditure 类 rows of D01/D04 (everything on the side that is not a total or carryover line)."""
    skip = ("合计", "总计", "结转", "结余", "结余分配")
    return [r for r in _side(table, side) if not any(word in r.label for word in skip) and r.label]


@rule("disclosure.r01_income_total", "公开01 本年收入合计不等于各项收入之和", Tier.ERROR, CAT_IN, f"{BASIS} R1", "disclosure",
      params=("tolerance",), applies=needs("D01"))
def r01(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """公开01：本年收入合计 = 第1–8行收入之和。"""
    if not (t := _tables(pkg, "D01")):
        return
    d01 = t[0]
    total = d01.row("本年收入合计", side="income")
    parts = [_cell(r, "amount") for r in _line(d01, "income", *range(1, 9))]
    yield from _emit(check_sum("disclosure.r01_income_total", CAT_IN, ctx, _cell(total, "amount"), parts,
                               d01.location, "公开01 本年收入合计", "第1–8行之和"))


@rule("disclosure.r02_expenditure_total", "公开01 本年支出合计不等于各类支出之和", Tier.ERROR, CAT_IN, f"{BASIS} R2", "disclosure",
      params=("tolerance",), applies=needs("D01"))
def r02(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """公开01：本年支出合计 = 支出功能分类各“类”之和。"""
    if not (t := _tables(pkg, "D01")):
        return
    d01 = t[0]
    total = d01.row("本年支出合计", side="expenditure")
    parts = [_cell(r, "amount") for r in _classes(d01, "expenditure")]
    yield from _emit(check_sum("disclosure.r02_expenditure_total", CAT_IN, ctx, _cell(total, "amount"), parts,
                               d01.location, "公开01 本年支出合计", "各类支出之和"))


# The rows a 公开01 side's 总计 adds up, its 本年…合计 first: the current layout's, then the older layout's
# (用事业基金弥补收支差额 / 上年结转 on the income side, 结转下年 on the expenditure side).
GRAND_INCOME = ("本年收入合计", "使用非财政拨款结余", "年初结转和结余", "用事业基金弥补收支差额", "上年结转")
GRAND_EXPENDITURE = ("本年支出合计", "结余分配", "年末结转和结余", "结转下年")


@rule("disclosure.r03_r05_grand_totals", "公开01 收入总计、支出总计不平衡", Tier.ERROR, CAT_IN, f"{BASIS} R3–R5", "disclosure",
      params=("tolerance",), applies=needs("D01"))
def r03_r05(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余；
    收入总计 = 支出总计。旧表式（2018年以前）的用事业基金弥补收支差额、上年结转计入收入总计，结转下年计入支出总计。"""
    if not (t := _tables(pkg, "D01")):
        return
    d01 = t[0]
    rid = "disclosure.r03_r05_grand_totals"
    totals = {side: _cell(d01.row("总计", side=side), "amount") for side in ("income", "expenditure")}
    for side, name, labels in (("income", "收入", GRAND_INCOME), ("expenditure", "支出", GRAND_EXPENDITURE)):
        parts = [_cell(d01.row(label, side=side), "amount") for label in labels]
        printed = [label for label in labels[1:] if d01.row(label, side=side) is not None]
        older = any(label in printed for label in labels[3:])  # the older layout: its rows named as printed
        formula = " + ".join([labels[0], *printed] if older else labels[:3])
        yield from _emit(check_sum(rid, CAT_IN, ctx, totals[side], parts, d01.location, f"公开01 {name}总计",
                                   formula))
    yield from _emit(check_sum(rid, CAT_IN, ctx, totals["expenditure"], [totals["income"]], d01.location,
                               "公开01 支出总计", "收入总计"))


def _budget_side_checks(table: DisclosureTable, side: str, name: str, ctx: Context, wrong: set[str]) -> Iterator[
        Finding | NotApplicable]:
    """One side of a 部门收支总表: its 本年…合计 = the items above it, its 总计 = that 合计 + the rows between them
    (用事业基金弥补收支差额、上年结转 / 结余分配、结转下年); a '其中' row is part of the row above, never added. A 合计
    found wrong is reported once: the 总计 is not reported as well when it holds with the items in the 合计's place."""
    rows = _side(table, side)
    labels = [r.label.replace(" ", "") for r in rows]
    total = next((i for i, label in enumerate(labels) if "合计" in label), None)
    grand = next((i for i, label in enumerate(labels) if "总计" in label), None)
    rid = "disclosure.b01_budget_summary"
    if total is None:
        return

    def cells(start: int, end: int) -> list[Amount | None]:
        return [_cell(rows[i], "amount") for i in range(start, end) if not labels[i].startswith("其中")]

    wrong_total = False
    for found in _checked(lambda: check_sum(rid, CAT_IN, ctx, _cell(rows[total], "amount"), cells(0, total),
                                             rows[total].location, f"{table.label} 本年{name}合计", "其上各项之和")):
        wrong_total = isinstance(found, Finding) and found.tier is Tier.ERROR
        yield found
    if grand is not None and grand > total:
        def grand_check(head: tuple[int, int]) -> Finding | NotApplicable | None:
            return check_sum(rid, CAT_IN, ctx, _cell(rows[grand], "amount"),
                             [*cells(*head), *cells(total + 1, grand)], rows[grand].location,
                             f"{table.label} {name}总计", f"本年{name}合计及其后各行之和")

        for found in _checked(lambda: grand_check((total, total + 1))):
            if isinstance(found, Finding) and wrong_total and grand_check((0, total)) is None:
                continue  # the 合计 found wrong above is the one fault: with the items in its place the 总计 holds
            if isinstance(found, Finding) and found.tier is Tier.ERROR:
                wrong.add(side)  # its 总计 is the fault: not reported again against the other side's
            yield found


def _checked(check: Callable[[], Finding | NotApplicable | None]) -> Iterator[Finding | NotApplicable]:
    """One identity of a rule that checks several: a figure it needs that was not read leaves this one unchecked
    (not applicable with that reason), the others still checked."""
    try:
        yield from _emit(check())
    except ColumnNotRead as unread:
        yield NotApplicable(str(unread))


@rule("disclosure.b01_budget_summary", "部门收支总表（预算）的合计、总计与其组成不符", Tier.ERROR, CAT_IN,
      "部门预算公开 部门收支总表", "disclosure", params=("tolerance",),
      applies=lambda pkg: None if pkg.table("B01") else "缺少部门收支总表")
def b01_budget_summary(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """预算公开的部门收支总表按预算口径核对，不套用公开01的决算行次：收入总计 = 支出总计；收入总计 = 本年收入合计 +
    用事业基金弥补收支差额 + 上年结转；支出总计 = 本年支出合计 + 结余分配 + 结转下年；本年收入合计、本年支出合计 = 其上
    各项之和（“其中”行不计）。未能确定属于哪一行的数字使所涉的那一项合计不核对，其余照常核对。"""
    table = pkg.table("B01")
    if table is None:
        return
    wrong: set[str] = set()
    yield from _budget_side_checks(table, "income", "收入", ctx, wrong)
    yield from _budget_side_checks(table, "expenditure", "支出", ctx, wrong)
    if wrong:
        return  # a 总计 already found wrong on its side: the same figure is not reported again across the sides
    income, spent = table.row("总计", side="income"), table.row("总计", side="expenditure")
    yield from _checked(lambda: check_sum("disclosure.b01_budget_summary", CAT_IN, ctx,
                                          _cell(spent, "amount"), [_cell(income, "amount")], table.location,
                                          f"{table.label} 支出总计", "收入总计"))


@rule("disclosure.r06_r07_income_table", "公开02 与公开01 收入不一致或行内不平", Tier.ERROR, CAT_ACROSS, f"{BASIS} R6–R7",
      "disclosure", params=("tolerance",), applies=needs("D02"))
def r06_r07(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """公开02 合计 = 公开01 本年收入合计；财政拨款收入 = 公开01 第1–3行；各行 本年收入合计 = 各来源之和。"""
    rid = "disclosure.r06_r07_income_table"
    if t := _tables(pkg, "D01", "D02"):
        d01, d02 = t
        total = d02.total
        yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(total, "total"),
                                   [_cell(d01.row("本年收入合计", side="income"), "amount")], d02.location,
                                   "公开02 合计·本年收入合计", "公开01 本年收入合计"))
        yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(total, "fiscal"),
                                   [_cell(r, "amount") for r in _line(d01, "income", 1, 2, 3)], d02.location,
                                   "公开02 合计·财政拨款收入", "公开01 第1–3行之和"))
    if t := _tables(pkg, "D02"):
        for row in t[0].rows:
            parts = [_cell(row, c) for c in ("fiscal", "upper", "business", "operating", "subsidiary", "other")]
            yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(row, "total"), parts, row.location,
                                       f"公开02 {row.code or row.label}·本年收入合计", "各收入来源之和"))


@rule("disclosure.r08_r09_expenditure_table", "公开03 与公开01 支出不一致或行内不平", Tier.ERROR, CAT_ACROSS,
      f"{BASIS} R8–R9", "disclosure", params=("tolerance",), applies=needs("D03"))
def r08_r09(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """公开03 合计 = 公开01 本年支出合计；各行 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助；
    公开03 各“类” = 公开01 同名支出行。"""
    rid = "disclosure.r08_r09_expenditure_table"
    if t := _tables(pkg, "D03"):
        for row in t[0].rows:
            parts = [_cell(row, c) for c in ("basic", "project", "upper", "operating", "subsidiary")]
            yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(row, "total"), parts, row.location,
                                       f"公开03 {row.code or row.label}·本年支出合计", "基本支出 + 项目支出 + 其他支出"))
    if t := _tables(pkg, "D01", "D03"):
        d01, d03 = t
        yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(d03.total, "total"),
                                   [_cell(d01.row("本年支出合计", side="expenditure"), "amount")], d03.location,
                                   "公开03 合计", "公开01 本年支出合计"))
        for row in d03.rows:
            if len(row.code) == 3:
                match = d01.row(row.label.replace(" ", ""), side="expenditure")
                if match is not None:
                    yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(row, "total"),
                                               [_cell(match, "amount")], row.location,
                                               f"公开03 {row.code} {row.label}", f"公开01 “{match.label}”"))


@rule("disclosure.r10_r13_fiscal_table", "公开04 财政拨款收支与公开01 不一致或不平", Tier.ERROR, CAT_ACROSS, f"{BASIS} R10–R13",
      "disclosure", params=("tolerance",), applies=needs("D04"))
def r10_r13(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """公开04 收入第1–3行 = 公开01 第1–3行；各支出行 合计 = 一般公共预算 + 政府性基金 + 国有资本经营；各列的类之和 = 本年支出合计；
    收入总计 = 支出总计。"""
    rid = "disclosure.r10_r13_fiscal_table"
    if not (t := _tables(pkg, "D04")):
        return
    d04 = t[0]
    if d01t := _tables(pkg, "D01"):
        d01 = d01t[0]
        for mine, theirs in zip(_line(d04, "income", 1, 2, 3), _line(d01, "income", 1, 2, 3), strict=False):
            yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(mine, "amount"), [_cell(theirs, "amount")],
                                       mine.location, f"公开04 {mine.label}", f"公开01 {theirs.label}"))
    income_total = d04.row("本年收入合计", side="income")
    yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(income_total, "amount"),
                               [_cell(r, "amount") for r in _line(d04, "income", 1, 2, 3)], d04.location,
                               "公开04 本年收入合计", "三类财政拨款之和"))
    classes = _classes(d04, "expenditure")
    for row in classes:
        yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(row, "total"),
                                   [_cell(row, c) for c in ("general", "fund", "state_capital")], row.location,
                                   f"公开04 {row.label}·合计", "三类财政拨款之和"))
    spent = d04.row("本年支出合计", side="expenditure")
    for column, name in (("total", "合计"), ("general", "一般公共预算"), ("fund", "政府性基金"), ("state_capital", "国有资本经营")):
        yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(spent, column), [_cell(r, column) for r in classes],
                                   d04.location, f"公开04 本年支出合计·{name}", "各类支出之和"))
    income_grand = d04.row("总计", side="income")
    expense_grand = d04.row("总计", side="expenditure")
    yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(expense_grand, "total"), [_cell(income_grand, "amount")],
                               d04.location, "公开04 支出总计", "收入总计"))


@rule("disclosure.r14_r17_general_budget", "公开05 一般公共预算支出与公开03/04 不一致或不平", Tier.ERROR, CAT_ACROSS,
      f"{BASIS} R14–R17", "disclosure", params=("tolerance",), applies=needs("D05"))
def r14_r17(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """公开05 合计 = 公开04 本年支出合计·一般公共预算；各行 小计 = 基本 + 项目；每个科目不大于公开03 同科目；
    公开03 项目支出合计 = 公开05 + 公开07 + 公开08 的项目支出（全部收入为财政拨款时）。"""
    rid = "disclosure.r14_r17_general_budget"
    if not (t := _tables(pkg, "D05")):
        return
    d05 = t[0]
    for row in d05.rows:
        yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(row, "total"),
                                   [_cell(row, "basic"), _cell(row, "project")], row.location,
                                   f"公开05 {row.code or row.label}·小计", "基本支出 + 项目支出"))
    if d04t := _tables(pkg, "D04"):
        spent = d04t[0].row("本年支出合计", side="expenditure")
        yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(d05.total, "total"), [_cell(spent, "general")],
                                   d05.location, "公开05 合计", "公开04 本年支出合计·一般公共预算"))
    if d03t := _tables(pkg, "D03"):
        d03 = d03t[0]
        for row in d05.coded_rows():
            other = d03.row(code=row.code)
            tolerance = Decimal("0.01") * 10000
            if other is None:
                yield Finding(rid, Tier.ERROR, f"公开05 科目 {row.code} {row.label} 在公开03 中没有", row.location, CAT_ACROSS)
            elif row.value("total") > other.value("total") + tolerance:
                yield Finding(rid, Tier.ERROR,
                              f"公开05 科目 {row.code} 支出 {wan(row.value('total'))} 大于公开03 同科目 {wan(other.value('total'))}",
                              row.location, CAT_ACROSS, expected=f"≤ {wan(other.value('total'))}",
                              actual=wan(row.value("total")))
        d02 = pkg.table("D02")
        all_fiscal = d02 is not None and d02.total is not None and d02.total.value("total") == d02.total.value("fiscal")
        if all_fiscal:
            parts = [_cell(d05.total, "project")]
            for code in ("D07", "D08"):
                other_table = pkg.table(code)
                if other_table is not None:
                    parts.append(_cell(other_table.total, "project"))
            yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(d03.total, "project"), parts, d03.location,
                                       "公开03 项目支出合计", "公开05 + 公开07 + 公开08 项目支出"))


_PERSONNEL = ("301", "303")
_OPERATING = ("302", "307", "309", "310", "311", "312", "313", "399")


@rule("disclosure.r18_r20_basic_detail", "公开06 基本支出明细与公开05 不一致或科目不平", Tier.ERROR, CAT_ACROSS,
      f"{BASIS} R18–R20, R29", "disclosure", params=("tolerance",), applies=needs("D06"))
def r18_r20(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """公开05 基本支出 = 公开06 人员经费合计 + 公用经费合计；人员经费 = 301 + 303；公用经费 = 302 + 307 + 309 + 310 + 311 + 312
    + 313 + 399；每个经济分类“类” = 其“款”之和。"""
    rid = "disclosure.r18_r20_basic_detail"
    if not (t := _tables(pkg, "D06")):
        return
    d06 = t[0]
    personnel = d06.row("人员经费合计")
    operating = d06.row("公用经费合计")
    if d05t := _tables(pkg, "D05"):
        yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(d05t[0].total, "basic"),
                                   [_cell(personnel, "amount"), _cell(operating, "amount")], d05t[0].location,
                                   "公开05 基本支出合计", "公开06 人员经费合计 + 公用经费合计"))
    yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(personnel, "amount"),
                               [_cell(d06.row(code=c), "amount") for c in _PERSONNEL], d06.location,
                               "公开06 人员经费合计", "301 + 303"))
    yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(operating, "amount"),
                               [_cell(d06.row(code=c), "amount") for c in _OPERATING], d06.location,
                               "公开06 公用经费合计", "302 + 307 + 309 + 310 + 311 + 312 + 313 + 399"))
    for parent in d06.coded_rows():
        if len(parent.code) != 3:
            continue
        children = [r for r in d06.coded_rows() if len(r.code) == 5 and r.code.startswith(parent.code)]
        if (children and any(c.cells for c in children)) or parent.cells:
            yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(parent, "amount"),
                                       [_cell(c, "amount") for c in children], parent.location,
                                       f"公开06 {parent.code} {parent.label}", "其下各款之和"))


@rule("disclosure.r21_r23_fund_tables", "公开07/08 政府性基金、国有资本经营支出不平或与公开04 不一致", Tier.ERROR, CAT_ACROSS,
      f"{BASIS} R21–R23", "disclosure", params=("tolerance",), applies=needs("D07", "D08", any_of=True))
def r21_r23(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """公开07 各行：年末结转和结余 = 年初 + 本年收入 − 本年支出，本年支出 = 基本 + 项目；公开07 合计支出 = 公开04 政府性基金列；
    本年收入 = 公开01 第2行。公开08 合计 = 公开04 国有资本经营列，合计 = 基本 + 项目。"""
    rid = "disclosure.r21_r23_fund_tables"
    if t := _tables(pkg, "D07"):
        d07 = t[0]
        for row in d07.rows:
            yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(row, "total"),
                                       [_cell(row, "basic"), _cell(row, "project")], row.location,
                                       f"公开07 {row.code or row.label}·本年支出", "基本支出 + 项目支出"))
            closing = row.value("opening") + row.value("income") - row.value("total")
            if row.value("closing") != closing and abs(row.value("closing") - closing) > Decimal(300):
                yield Finding(rid, Tier.ERROR,
                              f"公开07 {row.code or row.label} 年末结转和结余 {wan(row.value('closing'))}，"
                              f"应为年初 + 本年收入 − 本年支出 = {wan(closing)}", row.location, CAT_IN,
                              expected=wan(closing), actual=wan(row.value("closing")))
        if d04t := _tables(pkg, "D04"):
            spent = d04t[0].row("本年支出合计", side="expenditure")
            yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(d07.total, "total"), [_cell(spent, "fund")],
                                       d07.location, "公开07 合计·本年支出", "公开04 本年支出合计·政府性基金"))
        if d01t := _tables(pkg, "D01"):
            yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(d07.total, "income"),
                                       [_cell(r, "amount") for r in _line(d01t[0], "income", 2)], d07.location,
                                       "公开07 合计·本年收入", "公开01 第2行 政府性基金预算财政拨款收入"))
    if t := _tables(pkg, "D08"):
        d08 = t[0]
        yield from _emit(check_sum(rid, CAT_IN, ctx, _cell(d08.total, "total"),
                                   [_cell(d08.total, "basic"), _cell(d08.total, "project")], d08.location,
                                   "公开08 合计", "基本支出 + 项目支出"))
        if d04t := _tables(pkg, "D04"):
            spent = d04t[0].row("本年支出合计", side="expenditure")
            yield from _emit(check_sum(rid, CAT_ACROSS, ctx, _cell(d08.total, "total"),
                                       [_cell(spent, "state_capital")], d08.location, "公开08 合计",
                                       "公开04 本年支出合计·国有资本经营"))


def _car_subtotal_wrong(row: DisclosureRow, kind: str, items: list[str]) -> bool:
    """The 公务用车 小计 disagrees with its 购置 + 运行维护 rows while the 合计 adds up exactly with those rows in its
    place: the 小计 row is the one fault (checked there), the 合计 is checked on the parts."""
    parts = [f"{kind}_car_purchase", f"{kind}_car_operation"]
    others = [f"{kind}_{c}" for c in items if c != "car"]
    if any(k not in row.cells for k in (f"{kind}_car", f"{kind}_total", *parts)) or not all(
            row.known(k) for k in others):
        return False
    car = sum((row.value(p) for p in parts), ZERO)
    return row.value(f"{kind}_car") != car and row.value(f"{kind}_total") == sum(
        (row.value(k) for k in others), ZERO) + car


@rule("disclosure.r24_sangong_sum", "公开09 三公经费合计与分项不符", Tier.ERROR, CAT_IN, f"{BASIS} R24", "disclosure",
      params=("tolerance",), applies=needs("D09"))
def r24(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """预算数、决算数各自：合计 = 因公出国(境) + 公务用车购置及运行维护费 + 公务接待费（表中另列会议费、培训费且合计含这两项时
    加上它们）；公务用车 = 购置费 + 运行维护费（这两行都空白时为未分列，不是0，不核对）。"""
    if not (t := _tables(pkg, "D09")) or not t[0].rows:
        return
    row = t[0].rows[0]
    for kind, name in (("budget", "预算数"), ("final", "决算数")):
        if row.read is not None and not any(c.startswith(f"{kind}_") for c in row.read + tuple(row.cells)):
            continue  # the table prints no such column ('决算' only): nothing of it to add up
        parts_only = f"{kind}_car" not in row.cells and any(
            f"{kind}_{c}" in row.cells for c in ("car_purchase", "car_operation"))  # 小计 left blank over its parts
        items = ["overseas", "car_purchase", "car_operation", "reception"] if parts_only else [
            "overseas", "car", "reception"]
        formula = "因公出国(境) + 公务用车" + ("购置 + 公务用车运行" if parts_only else "") + " + 公务接待"
        extra = [c for c in ("meeting", "training") if f"{kind}_{c}" in row.cells]
        if f"{kind}_total" not in row.cells and t[0].unmapped:
            continue  # the 合计 was among the figures left unread
        if row.known(f"{kind}_total") or parts_only:  # no 合计 printed: only the 公务用车 parts below are added up
            total = row.value(f"{kind}_total")
            if not parts_only and _car_subtotal_wrong(row, kind, items + extra):  # one fault: the 小计, not the 合计
                items = ["overseas", "car_purchase", "car_operation", "reception"]
                formula = "因公出国(境) + 公务用车购置 + 公务用车运行 + 公务接待"
            if extra and abs(total - sum((row.value(f"{kind}_{c}") for c in items + extra), ZERO)) < abs(
                    total - sum((row.value(f"{kind}_{c}") for c in items), ZERO)):  # the 合计 includes them
                items, formula = items + extra, formula + "".join(" + 会议费" if c == "meeting" else " + 培训费" for c in extra)
            yield from _emit(check_sum("disclosure.r24_sangong_sum", CAT_IN, ctx, _cell(row, f"{kind}_total"),
                                       [_cell(row, f"{kind}_{c}") for c in items], row.location,
                                       f"公开09 {name}·合计", formula))
        if parts_only:
            continue
        if row.cell(f"{kind}_car") is not None and all(
                row.known(f"{kind}_{c}") and row.cell(f"{kind}_{c}") is None for c in ("car_purchase", "car_operation")):
            # the 其中 rows left blank: not broken down, not zero — nothing to add up
            yield NotApplicable(f"公开09 {name}·公务用车购置费、运行维护费两项空白（未分列，不是0），不能核对其合计")
            continue
        yield from _emit(check_sum("disclosure.r24_sangong_sum", CAT_IN, ctx, _cell(row, f"{kind}_car"),
                                   [_cell(row, f"{kind}_car_purchase"), _cell(row, f"{kind}_car_operation")],
                                   row.location, f"公开09 {name}·公务用车购置及运行维护费", "购置费 + 运行维护费"))


@rule("disclosure.r25_sangong_vs_detail", "公开09 三公决算与公开06 对应科目不一致", Tier.WARNING, CAT_ACROSS, f"{BASIS} R25",
      "disclosure", applies=needs("D09", "D06"))
def r25(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """三公决算数含以前年度结转和项目支出，不必等于公开06 的 30212/30217/30231 科目；不一致时须说明来源（疑似）。"""
    if not (t := _tables(pkg, "D09", "D06")) or not t[0].rows:
        return
    row, d06 = t[0].rows[0], t[1]
    for column, code, name in (("final_overseas", "30212", "因公出国(境)费"), ("final_reception", "30217", "公务接待费"),
                               ("final_car_operation", "30231", "公务用车运行维护费")):
        detail = d06.row(code=code)
        if detail is None:
            continue
        if row.value(column) != detail.value("amount"):
            yield Finding("disclosure.r25_sangong_vs_detail", Tier.WARNING,
                          f"公开09 {name}决算 {wan(row.value(column))} 万元，公开06 {code} 为 {wan(detail.value('amount'))} 万元；"
                          "差额应来自项目支出或以前年度结转，请在说明中注明", row.location, CAT_ACROSS,
                          expected=wan(detail.value("amount")), actual=wan(row.value(column)),
                          difference=wan(row.value(column) - detail.value("amount")))


@rule("disclosure.r26_statistics", "公开10 政府采购或车辆数合计与分项不符", Tier.ERROR, CAT_IN, f"{BASIS} R26", "disclosure",
      params=("tolerance",), applies=needs("D10"))
def r26(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """政府采购 合计 = 货物 + 工程 + 服务；车辆数合计 = 各类车辆之和（车辆数按辆计，不论表的金额单位）。"""
    if not (t := _tables(pkg, "D10")):
        return
    d10 = t[0]
    total = d10.row("政府采购情况/合计")
    parts = [_cell(d10.row(f"政府采购情况/{k}"), "amount") for k in ("货物", "工程", "服务")]
    yield from _emit(check_sum("disclosure.r26_statistics", CAT_IN, ctx, _cell(total, "amount"), parts,
                               d10.location, "公开10 政府采购合计", "货物 + 工程 + 服务"))
    vehicles = [r for r in d10.rows if "车辆数" not in r.label and r.label.endswith("用车")]
    vehicle_total = next((r for r in d10.rows if "车辆数合计" in r.label), None)
    counted = sum((r.value("count") for r in vehicles), ZERO)  # counts of vehicles, never money (ingest.disclosure)
    if vehicle_total is not None and vehicle_total.known("count") and vehicle_total.value("count") != counted:
        yield Finding("disclosure.r26_statistics", Tier.ERROR,
                      f"公开10 车辆数合计 {vehicle_total.value('count'):g} 辆，各类用车合计 {counted:g} 辆",
                      vehicle_total.location, CAT_IN)


def _tree_findings(table: DisclosureTable, ctx: Context) -> Iterator[Finding | NotApplicable]:
    coded = table.coded_rows()
    for column in table.columns:
        for parent in coded:
            children = [r for r in coded if len(r.code) == len(parent.code) + 2 and r.code.startswith(parent.code)]
            if not children:
                continue
            yield from _emit(check_sum("disclosure.r28_r30_classification_tree", CAT_IN, ctx,
                                       _cell(parent, column), [_cell(c, column) for c in children], parent.location,
                                       f"{table.label} {parent.code} {parent.label}·{column_name(column)}", "下级科目之和"))
        total = table.total
        classes = [r for r in coded if len(r.code) == 3]
        if total is not None and classes:
            yield from _emit(check_sum("disclosure.r28_r30_classification_tree", CAT_IN, ctx,
                                       _cell(total, column), [_cell(c, column) for c in classes], total.location,
                                       f"{table.label} 合计·{column_name(column)}", "各“类”之和"))


@rule("disclosure.r28_r30_classification_tree", "功能分类上级科目不等于下级之和", Tier.ERROR, CAT_IN, f"{BASIS} R28, R30",
      "disclosure", params=("tolerance",), applies=needs(*CODED, any_of=True))
def r28_r30(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """支出功能分类 类(3位)/款(5位)/项(7位)：上级 = 下级之和，每一列；合计行 = 各“类”之和（不是所有行之和）。"""
    for code in CODED:
        table = pkg.table(code)
        if table is not None:
            yield from _tree_findings(table, ctx)


CAT_DOC = "文档一致"
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年(?!\d{1,2}月)")
_UNIT_LINE_RE = re.compile(r"^(?:部门名称|单位名称|编制单位|填报单位|预算单位)[：:]\s*(.+?)\s*(?:(?:19|20)\d{2}\s*年.*|金额单位.*|单位[：:].*)?$")
_TITLE_RE = re.compile(r"^(?:第[一二三四五六七八九十]+部分[:：\s]*)?(?!第[一二三四五六七八九十]+部分)([^\d\s：:、“”]{2,40}?)\s*(?:19|20)\d{2}\s*年度?(?:部门|单位)?(?:决算|预算)")


def _headings(pkg: DisclosurePackage, kind: str = "heading") -> list[Statement]:
    return [s for s in pkg.narrative if s.kind == kind]


def _name(text: str) -> str:
    return re.sub(r"[\s（）()]|本级$", "", text)


@rule("disclosure.heading_year", "标题、封面或表头写的年度与文档年度不同", Tier.ERROR, CAT_DOC, "SPEC §7.2", "disclosure",
      applies=lambda pkg: None if pkg.year is not None else "未识别文档年度")
def heading_year(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """封面、各部分标题与表头（“2024年度部门决算”“2024年度收入支出决算总表”“部门名称：…… 2024年度”）须写文档的决算
    年度；写了另一年度，与封面不能同时为真（确定）。预算公开中写往年“决算情况”的标题是对比的年度，不算。所有写错的位置
    合为一条，其余列为相关位置。模板或文件的名称（文档网站、上传者给文件起的名字：“2020年部门决算公开模板”“….pdf”）
    不是文档自己的标题：套用往年模板填报本年数字可以同时成立，只在文档自己的标题都相符时列为疑似。"""
    wrong: list[tuple[Statement, str]] = []
    named: list[tuple[Statement, str]] = []  # a template's or file's name over the text
    for heading in _headings(pkg):
        text = heading.text.replace(" ", "")
        if "上年" in text or "比" in text or not (re.fullmatch(r"(?:19|20)\d{2}年度?", text) or "决算" in text
                                                or _UNIT_LINE_RE.match(text)):
            continue
        years = {int(y) for y in _YEAR_RE.findall(text)}
        if pkg.stage == "预算" and "决算" in text and years and max(years) < pkg.year:
            continue  # a budget's section on last year's spending, for comparison
        if years and pkg.year not in years:
            (named if names_a_file(text) else wrong).append((heading, "、".join(str(y) for y in sorted(years))))
    if not wrong and named:
        first, year = named[0]
        yield Finding("disclosure.heading_year", Tier.WARNING,
                      f"“{first.text}”写的是 {year} 年度，本文档为 {pkg.year} 年度{pkg.stage}；这一行是模板或文件的名称，"
                      "不是文档自己的标题（套用往年模板填报本年数字时两者可以同时成立），请核对",
                      first.location.with_(row="年度"), CAT_DOC, expected=str(pkg.year), actual=year,
                      related=tuple(h.location for h, _ in named[1:]))
    if wrong:
        first, year = wrong[0]
        yield Finding("disclosure.heading_year", Tier.ERROR,
                      f"“{first.text}”写的是 {year} 年度，本文档为 {pkg.year} 年度{pkg.stage}"
                      + (f"（另有 {len(wrong) - 1} 处同样写错）" if len(wrong) > 1 else ""),
                      first.location.with_(row="年度"), CAT_DOC, expected=str(pkg.year), actual=year,
                      related=tuple(h.location for h, _ in wrong[1:]))


@rule("disclosure.heading_unit", "标题或表头写的单位与文档单位不同", Tier.WARNING, CAT_DOC, "SPEC §7.2", "disclosure",
      applies=lambda pkg: None if _name(pkg.department) else "未识别部门名称")
def heading_unit(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """“部门名称/编制单位：……”与“××2024年度部门决算”标题须写本部门名称。按惯例部门决算各表以本部门名义编制，写了另一
    单位多为套用他人模板（疑似：也可能是所属单位表或简称，请核对）。本部门名称的简称（字取自全称、按序、结尾相同）不算，
    不含汉字的（丢失空格留下的“???”）不是单位名称。所有位置合为一条。"""
    own = _name(pkg.department)
    wrong: list[tuple[Statement, str]] = []
    for heading in _headings(pkg):
        text = heading.text.strip()
        match = _UNIT_LINE_RE.match(text) or _TITLE_RE.match(text)
        if not match:
            continue
        named = _name(match.group(1))
        # a name has two Han characters at least: '???' left by lost spaces before a year is no unit
        if re.search(r"[\u4e00-\u9fff]{2}", named) and not (named in own or own in named or own.startswith(named)
                                                            or abbreviates(named, own)):
            wrong.append((heading, match.group(1).strip()))
    if wrong:
        first, named = wrong[0]
        yield Finding("disclosure.heading_unit", Tier.WARNING,
                      f"“{first.text}”写的单位是“{named}”，本文档为“{pkg.department}”的部门决算（部门决算各表应以本部门"
                      "名义编制）" + (f"；另有 {len(wrong) - 1} 处" if len(wrong) > 1 else ""),
                      first.location.with_(row="单位名称"), CAT_DOC, expected=pkg.department, actual=named,
                      related=tuple(h.location for h, _ in wrong[1:]))


@rule("disclosure.contents_table_absent", "目录列出的决算表在文档中没有", Tier.ERROR, CAT_DOC, "SPEC §7.2", "disclosure",
      applies=lambda pkg: None if pkg.tables else "文档中没有决算表（表在另附的文件中）")
def contents_table_absent(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """目录列出的公开表，正文既没有这张表也没有它的标题。正文有编号在它之后的表：目录与正文不能同时为真（确定）。
    它的编号在正文所有表之后：正文可能只收了前面几张、其余另附或文档不完整，按“目录所列各表都在同一文档中”的惯例为疑似。
    文档里一张表都没有时（表在另附的文件中）不查；有标题而表未读出，属于读取问题，由读取报告列出。文本在某张表中途结束
    （未到总计行、其后没有别的内容）时，编号在它之后的表不在文本中是因为文本不完整，不报告，由读取报告列出文本在何处结束。"""
    titled = {h.table for h in _headings(pkg) if h.table}
    last = max([c for c in (*pkg.tables, *titled) if c.startswith("D")], default="")  # the highest of 公开01…公开10
    for entry in _headings(pkg, "contents"):
        if not entry.table or pkg.table(entry.table) is not None or entry.table in titled:
            continue
        if pkg.ends_inside and entry.table > pkg.ends_inside:
            continue  # the text ends inside an earlier table: what came after it is not in the text at all
        sure = entry.table < last
        yield Finding("disclosure.contents_table_absent", Tier.ERROR if sure else Tier.WARNING,
                      f"目录列有“{entry.text}”（{table_label(entry.table)}），正文中没有这张表" + (
                          "" if sure else "（它的编号在正文各表之后：可能另附或文档不完整；按目录所列各表同在一个文档的惯例）"),
                      entry.location.with_(table=f"公开{entry.table[1:]}", row="目录"), CAT_DOC,
                      expected="正文有该表", actual="缺表")
