"""部门决算公开: the ten tables 公开01–公开10 (D01…D10), the narrative and the 预算绩效情况说明.

Amounts are Decimal yuan; each keeps its printed text and printed precision (`quantum`, in yuan) so that a
sum of printed figures is compared with the 尾数误差 it allows. Classification codes, row numbers (行次) and
column numbers (栏次) are kept apart from amounts and never summed.

Column keys (per table):
- D01 income/expenditure rows ("side"), column `amount`.
- D02 total, fiscal, upper, business, operating, subsidiary, other.
- D03 total, basic, project, upper, operating, subsidiary.
- D04 income rows: `amount`; expenditure rows: total, general, fund, state_capital.
- D05 total, basic, project.   D06 `amount` by economic code (plus the 人员经费/公用经费 合计 rows).
- D07 opening, income, total, basic, project, closing.   D08 total, basic, project.
- D09 one row: budget_total, budget_overseas, budget_car, budget_car_purchase, budget_car_operation,
  budget_reception and the same with final_ for 决算数.
- D10 rows by item (合计/货物/工程/服务, 行政单位/参照公务员法管理事业单位, 车辆…) with column `amount`.

Besides the ten, a unit's own 收支决算总表 by function code under its sector's form (S01: a hospital's 医疗卫生机构收支决算总表,
a school's 高等学校收支决算总表): opening, income, fiscal (其中：财政拨款收入), spent, fiscal_spent, balance (收支结余),
closing; what it prints besides is listed as not read. No rule of the ten tables is applied to it.

And the counts printed with the 三公 figures (S09, “三公”经费相关统计数: 团组数, 人数, 购置数, 保有量, 接待批次 …), column
`count`, whose value is a count, not yuan (quantum 1); the table's unit lists the rows' own units (个、人、辆、批).

And any other table comparing two years item by item (ComparisonTable: 上年 | 本年 | 增减额 | 增减率), checked by its own
arithmetic only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from jixiao.core.provenance import Location
from jixiao.core.statements import Statement

TABLE_TITLES = {
    "D01": "收入支出决算总表",
    "D02": "收入决算表",
    "D03": "支出决算表",
    "D04": "财政拨款收入支出决算总表",
    "D05": "一般公共预算财政拨款支出决算表",
    "D06": "一般公共预算财政拨款基本支出决算明细表",
    "D07": "政府性基金预算财政拨款收入支出决算表",
    "D08": "国有资本经营预算财政拨款支出决算表",
    "D09": "财政拨款“三公”经费支出决算表",
    "D10": "部门决算公开相关信息统计表",
}


COLUMN_NAMES = {
    "amount": "金额", "total": "合计", "fiscal": "财政拨款收入", "upper": "上级补助/上缴上级", "business": "事业收入",
    "operating": "经营收支", "subsidiary": "附属单位", "other": "其他收入", "basic": "基本支出", "project": "项目支出",
    "general": "一般公共预算财政拨款", "fund": "政府性基金预算财政拨款", "state_capital": "国有资本经营预算财政拨款",
    "opening": "年初结转和结余", "income": "本年收入", "closing": "年末结转和结余", "budget": "预算数", "final": "决算数",
    "spent": "本年支出", "fiscal_spent": "其中：财政拨款支出", "balance": "收支结余", "count": "数量",
}
# 公开09's columns: budget_/final_ + the item.
SANGONG_ITEMS = {"total": "合计", "overseas": "因公出国(境)费", "car": "公务用车购置及运行维护费",
                 "car_purchase": "公务用车购置费", "car_operation": "公务用车运行维护费", "reception": "公务接待费"}
COLUMN_NAMES |= {f"{stage}_{key}": f"{name}{word}" for key, name in SANGONG_ITEMS.items()
                 for stage, word in (("budget", "预算数"), ("final", "决算数"))}
COLUMN_NAMES |= {"budget": "预算数", "final": "决算数"}  # a 三公 table's column before its item is known


SANGONG_NAMES = {"total": "合计", "overseas": "因公出国(境)费", "car": "公务用车购置及运行维护费",
                 "car_purchase": "公务用车购置费", "car_operation": "公务用车运行维护费", "reception": "公务接待费",
                 "meeting": "会议费", "training": "培训费"}


def column_name(key: str) -> str:
    """A column key in Chinese; the 三公 table's 'final_reception' → '决算数·公务接待费'."""
    group, _, item = key.partition("_")
    if group in ("budget", "final") and item in SANGONG_NAMES:
        return f"{'预算数' if group == 'budget' else '决算数'}·{SANGONG_NAMES[item]}"
    return COLUMN_NAMES.get(key, key)


def table_label(code: str) -> str:
    """'D03' → '公开03 支出决算表'."""
    return f"公开{code[1:]} {TABLE_TITLES.get(code, '')}".strip()


@dataclass(frozen=True)
class Amount:
    value: Decimal  # yuan
    text: str  # as printed
    quantum: Decimal  # yuan per unit of the last printed digit
    location: Location = field(default_factory=Location)


class ColumnNotRead(LookupError):
    """A figure asked of a column that its table prints but the reader could not map (its header was not
    understood): the figure is unknown, not zero. A rule that needs it ends as not applicable with this reason."""

    def __init__(self, row: DisclosureRow, column: str) -> None:
        self.row, self.column = row, column
        super().__init__(f"{row.location.table or '表'}的“{column_name(column)}”列未能读取，无法核对")


@dataclass(frozen=True)
class DisclosureRow:
    label: str  # item or 科目名称 as printed
    code: str = ""  # classification code, '' when none
    line_no: str = ""  # 行次
    side: str = ""  # D01/D04: income | expenditure
    cells: dict[str, Amount] = field(default_factory=dict)
    location: Location = field(default_factory=Location)
    read: tuple[str, ...] | None = None  # the columns its table read when another column was not understood

    def known(self, column: str) -> bool:
        """Whether an empty `column` means a printed blank (zero) rather than a column the reader could not map."""
        return self.read is None or column in self.read or column in self.cells

    def cell(self, column: str) -> Amount | None:
        """The amount printed in `column`, None for a blank cell; ColumnNotRead when the column was not read."""
        if not self.known(column):
            raise ColumnNotRead(self, column)
        return self.cells.get(column)

    def value(self, column: str) -> Decimal:
        """The amount in `column`; an empty cell counts as zero; ColumnNotRead when the column was not read."""
        amount = self.cell(column)
        return amount.value if amount is not None else Decimal(0)

    @property
    def is_total(self) -> bool:
        return self.label.replace(" ", "") in ("合计", "总计")


@dataclass(frozen=True)
class DisclosureTable:
    code: str  # D01 … D10
    title: str
    unit: str  # 万元 or 元, as printed
    columns: tuple[str, ...]
    rows: tuple[DisclosureRow, ...]
    empty_note: str = ""  # '本表无数据' and the like
    location: Location = field(default_factory=Location)
    unmapped: tuple[str, ...] = ()  # columns no header alias names: '第4列“上年决算数”' (page in `location`)

    def __post_init__(self) -> None:
        if self.unmapped:  # its rows say which columns are known, so a column not read is never taken for zero
            rows = tuple(replace(r, read=self.columns) if r.read is None else r for r in self.rows)
            object.__setattr__(self, "rows", rows)

    @property
    def label(self) -> str:
        """'公开03 支出决算表'; a table that is not one of the ten (a 预算公开's 三公 table) by its own title."""
        return table_label(self.code) if self.title == TABLE_TITLES.get(self.code) else self.title

    def row(self, label: str = "", code: str = "", side: str = "") -> DisclosureRow | None:
        """The first row with this code, or whose label contains `label` (on `side` when given)."""
        for r in self.rows:
            if side and r.side != side:
                continue
            if code and r.code == code:
                return r
            if label and not code and label in r.label.replace(" ", ""):
                return r
        return None

    def coded_rows(self) -> list[DisclosureRow]:
        return [r for r in self.rows if r.code]

    @property
    def total(self) -> DisclosureRow | None:
        return next((r for r in self.rows if r.is_total), None)


@dataclass(frozen=True)
class ComparisonRow:
    """A row of a table comparing two years: each figure as printed (None for a blank or a cell not read); `rate`
    is the printed percentage change (its value in percent, its quantum one unit of its last digit)."""

    label: str
    earlier: Amount | None = None
    later: Amount | None = None
    change: Amount | None = None
    rate: Amount | None = None
    location: Location = field(default_factory=Location)
    unknown: tuple[str, ...] = ()  # columns whose cell a rebuilt table could not place: unknown, not blank


@dataclass(frozen=True)
class ComparisonTable:
    """A table that none of the templates names, comparing two years item by item (上年 | 本年 | 增减额 | 增减率):
    a hospital's 收入支出情况对比表, a unit's own comparison. `years`: the two column names, earlier first."""

    title: str
    unit: str  # 万元 or 元, as printed
    years: tuple[str, str]
    rows: tuple[ComparisonRow, ...]
    location: Location = field(default_factory=Location)
    # the template table it is as well (公开09, a 三公 table printing last year's figures and the change beside this
    # year's): its later year's sums are that table's rules', only the earlier year and the changes are read here
    template: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        present = [name for name, key in (("增减额", "change"), ("增减率", "rate"))
                   if any(getattr(r, key) is not None for r in self.rows)]
        return (*self.years, *present)


@dataclass(frozen=True)
class GradeCounts:
    """The 预算绩效情况说明's self-evaluation claims."""

    projects: int | None = None
    amount: Decimal | None = None  # yuan
    amounts_by_type: dict[str, Decimal] = field(default_factory=dict)  # general/fund/state_capital/social_insurance
    grades: dict[str, int] = field(default_factory=dict)  # 优/良/中/差 → count
    evaluated_projects: int | None = None  # 部门评价
    evaluated_amount: Decimal | None = None
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class DisclosurePackage:
    department: str
    year: int | None
    tables: dict[str, DisclosureTable]
    performance: GradeCounts | None = None
    narrative: tuple[Statement, ...] = ()
    glossary: tuple[str, ...] = ()
    location: Location = field(default_factory=Location)
    stage: str = "决算"  # 预算 for a 预算公开: its year is the year budgeted for
    ends_inside: str = ""  # the table the text ends inside (cut off before its totals, nothing after it), or ''
    comparisons: tuple[ComparisonTable, ...] = ()  # tables comparing two years that no template names

    def table(self, code: str) -> DisclosureTable | None:
        return self.tables.get(code)
