"""Frozen dataclasses for the performance-management domain. Names follow ../shared/GLOSSARY.md.

Reported values (what a document or a user typed) are kept beside what jixiao computes; the
scoring and audit layers compare the two and never overwrite what was reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from jixiao.core.parts import PartsTable
from jixiao.core.provenance import Location
from jixiao.core.values import Value


class FundType(StrEnum):
    """资金来源 by budget type."""

    GENERAL = "general"  # 一般公共预算
    FUND = "fund"  # 政府性基金预算
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算
    SOCIAL_INSURANCE = "social_insurance"  # 社会保险基金预算


class FundLevel(StrEnum):
    """资金来源 by government level."""

    TOTAL = "total"  # 合计
    CENTRAL = "central"  # 中央
    PROVINCE = "province"  # 省
    CITY = "city"  # 市
    COUNTY = "county"  # 县(区) / 市县区
    OTHER = "other"  # 其他


class ProjectType(StrEnum):
    RECURRING = "recurring"  # 经常性项目
    ONE_OFF = "one_off"  # 一次性项目


class DocumentKind(StrEnum):
    SELF_EVALUATION = "self_evaluation"  # 项目支出绩效自评
    DISCLOSURE = "disclosure"  # 部门决算公开
    BUDGET_DISCLOSURE = "budget_disclosure"  # 部门预算公开: read and identified, no 决算 rules apply
    KEY_EVALUATION = "key_evaluation"  # 部门评价 / 财政重点评价
    WORK_SUMMARY = "work_summary"  # 预算绩效管理工作开展情况
    RESULTS_STATEMENT = "results_statement"  # 绩效目标执行结果情况的说明 (prose)
    MONITORING = "monitoring"  # 绩效运行监控表 / 监控报告: mid-year execution and year-end expectations

    @property
    def label(self) -> str:
        return {
            "self_evaluation": "项目支出绩效自评",
            "disclosure": "部门决算公开",
            "budget_disclosure": "部门预算公开",
            "key_evaluation": "绩效评价",
            "work_summary": "预算绩效管理工作情况",
            "results_statement": "绩效结果说明",
            "monitoring": "绩效运行监控",
        }[self.value]


class IndicatorLevel1(StrEnum):
    OUTPUT = "产出指标"
    BENEFIT = "效益指标"
    SATISFACTION = "满意度指标"


@dataclass(frozen=True)
class Department:
    code: str
    name: str


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    department_code: str = ""


@dataclass(frozen=True)
class FundSource:
    """A fund source line of a project budget: type, level and amount in yuan."""

    fund_type: FundType
    level: FundLevel
    amount: Decimal


@dataclass(frozen=True)
class BudgetLine:
    """One row of the 预算执行情况 table (合计 or one fund source). Amounts in yuan."""

    source: str  # label as printed: 合计, 市县区财政资金, 中央财政 …
    level: FundLevel
    initial_declared: Decimal | None = None  # 年初预算数 · 目标申报
    initial: Decimal | None = None  # 年初预算数 · 预算编制
    adjusted: Decimal | None = None  # 全年预算数 (A)
    executed: Decimal | None = None  # 全年执行数 (B)
    received: Decimal | None = None  # 实际到位资金, on forms that print it beside the budget and the spending
    carryover: Decimal | None = None  # 资金结(转)余 as reported
    reported_rate: Decimal | None = None  # 执行率 (%) as reported
    reported_score: Decimal | None = None  # 得分 as reported (合计 row only)
    deviation_reason: str = ""
    location: Location = field(default_factory=Location)
    expected: Decimal | None = None  # 全年预计执行数 (a monitoring form's year-end expectation)
    # The columns whose figures the row prints but the reader could not place ('全年预算数、全年执行数'): a gap in
    # the reading, not a blank on the form; '' when every printed figure was read.
    unread: str = ""

    @property
    def is_total(self) -> bool:
        return self.level is FundLevel.TOTAL


@dataclass(frozen=True)
class Indicator:
    """A row of the indicator tree (一级 / 二级 / 三级)."""

    level1: str
    level2: str
    name: str
    initial_target: Value | None = None  # 年初指标值
    adjusted_target: Value | None = None  # 调整后指标值
    actual: Value | None = None  # 实际完成值
    qualitative_note: str = ""  # 定性值情况说明
    weight: Decimal | None = None
    reported_score: Decimal | None = None
    deviation_reason: str = ""
    location: Location = field(default_factory=Location)

    @property
    def target(self) -> Value | None:
        """The target that counts: the adjusted one when present (SPEC §4.5)."""
        if self.adjusted_target is not None and not self.adjusted_target.is_empty:
            return self.adjusted_target
        return self.initial_target

    @property
    def unit(self) -> str:
        target = self.target
        return target.unit if target is not None else ""


@dataclass(frozen=True)
class Goal:
    annual_text: str = ""  # 年度目标
    period_text: str = ""  # 实施期目标
    indicators: tuple[Indicator, ...] = ()
    # Why the indicator table as read is not the whole table ('' when it is): a row cut off by the end of the
    # text, a fragment starting mid-form. Totals over its rows then prove nothing.
    incomplete: str = ""
    # The indicator table prints no 分值 column (a form that scores its indicators as one block): no row has a
    # weight to miss, and no total over the rows' weights or scores can be checked.
    unweighted: bool = False
    # The total of the indicators' 分值 the table prints (a 总分 or 合计 row), when it prints one.
    printed_weight_total: Decimal | None = None
    # The table's header (and the form before it) is not in the text, only its last rows: their columns are known
    # from the cells' kinds, so a column the header would name (偏差原因) is not known to be absent, and neither the
    # budget part nor any total over the rows can be checked.
    header_unread: bool = False
    # The target and actual cells were told apart by the cells' kinds (an operator, a dash, a repeat), not by the
    # columns of a header read whole: no rule compares them or judges how a target is written.
    targets_by_kind: bool = False


@dataclass(frozen=True)
class BlockClaim:
    """A sentence like '产出指标满分50分，评价得分50分，得分率100%' stated in a report's text."""

    block: str  # 产出指标 / 效益指标 / 满意度指标
    full_marks: Decimal | None
    score: Decimal | None
    rate: Decimal | None
    location: Location = field(default_factory=Location)
    # The block's rows were all read: a form's own 一级 cell ('产出指标(50分)') whose block closed before any part
    # of the table went unread. Its sums stand even when the table as read is not the whole table.
    whole: bool = False


@dataclass(frozen=True)
class FormTotal:
    """The 总分 (合计) row a project's self-evaluation form prints: its 得分, and its 分值 when printed
    ('总分 | 100 | 94'; '总分：94' prints the score alone)."""

    score: Decimal
    points: Decimal | None = None
    location: Location = field(default_factory=Location)
    # How the form's cells were read when they were not on a grid ('' when they were): the rows' scores the total
    # is compared with rest on that reading ('按排列次序逐一对应读出', '格子连在一起').
    inferred: str = ""
    # Said in the report's text ('自评得分为95分', '综合得分为95分') by a form that prints no 总分 row: compared like the
    # row once the total can be computed (SelfEvaluation.total_gap), else kept as printed, not checked.
    stated: bool = False


@dataclass(frozen=True)
class Reported:
    """What the unit reported for its self-evaluation, kept beside what jixiao computes."""

    execution_score: Decimal | None = None
    indicator_score: Decimal | None = None
    total: Decimal | None = None  # the 总得分 the report's text states ('总得分 94 分')
    grade: str | None = None
    goal_statement: str = ""  # 全年目标实际完成情况, e.g. '已完成既定目标'
    block_claims: tuple[BlockClaim, ...] = ()
    location: Location = field(default_factory=Location)
    statements: tuple[tuple[str, Location], ...] = ()  # the report's paragraphs, each with its section
    form_total: FormTotal | None = None  # the form's own 总分 row


@dataclass(frozen=True)
class Project:
    name: str
    code: str = ""
    unit: Unit | None = None
    department: Department | None = None
    project_type: ProjectType | None = None
    fund_sources: tuple[FundSource, ...] = ()


@dataclass(frozen=True)
class MisplacedRow:
    """A fund row printed with fewer cells than its header has columns (empty cells dropped), every order-keeping
    placement of whose figures contradicts the row's own arithmetic: not read, and each placement with what it
    contradicts kept, so that the row is reported as doubtful (no placement is chosen to report an error from)."""

    label: str
    figures: tuple[str, ...]  # as printed, in order
    columns: int  # how many columns the header prints
    placements: tuple[tuple[str, tuple[str, ...]], ...]  # each placement in words, and what it contradicts
    location: Location = field(default_factory=Location)


DEPARTMENT_SCOPE = "department"  # SelfEvaluation.scope of a 部门整体支出 self-evaluation


@dataclass(frozen=True)
class SelfEvaluation:
    """单位自评 of one project for one year, as read from a document or entered in a form."""

    project: Project
    year: int | None
    budget_lines: tuple[BudgetLine, ...]
    goal: Goal
    reported: Reported = field(default_factory=Reported)
    location: Location = field(default_factory=Location)
    # 'project' (项目支出自评), or 'department': a self-evaluation of a whole department's or unit's budget
    # (部门整体支出), scored by its own arithmetic only — the project form's 10 + 90 points do not apply.
    scope: str = "project"
    # Cells read that no value above keeps the location of: on a form printed one cell per line, the figure
    # cells beside each fund row's label and indicator's name (what was read from them is in the rows).
    cells: tuple[Location, ...] = ()
    misplaced: tuple[MisplacedRow, ...] = ()  # fund rows not read because every placement of their cells is faulty

    @property
    def is_department(self) -> bool:
        return self.scope == DEPARTMENT_SCOPE

    @property
    def budget_total(self) -> BudgetLine | None:
        """The 合计 row; when a table has no 合计, None (the scorer sums the fund-source rows)."""
        return next((line for line in self.budget_lines if line.is_total), None)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return self.goal.indicators

    @property
    def total_gap(self) -> str:
        """Why a project form's total score (预算执行 + 绩效指标, 10 + 90) cannot be computed from what was read, in
        Chinese ('未读到绩效指标行，无法计算总分和等级'); '' when both parts were read. A total over one part, or over
        the indicator rows read in part, would be a number of no one: no total, no grade. A department's report is
        not scored so (''), and neither part is a reading gap there."""
        if self.is_department:
            return ""
        gaps = []
        total = self.budget_total
        lines = [total] if total is not None else list(self.budget_lines)
        if not lines or all(line.adjusted is None for line in lines) or all(line.executed is None for line in lines):
            gaps.append("未读到预算执行情况的全年预算数、全年执行数")
        why = f"（{self.goal.incomplete}）" if self.goal.incomplete else ""
        if not self.indicators:
            gaps.append(f"未读到绩效指标行{why}")
        elif why:
            gaps.append(f"绩效指标表只读到一部分{why}")
        return "；".join(gaps) + "，无法计算总分和等级" if gaps else ""

    @property
    def total_unchecked(self) -> str:
        """total_gap, with the total the form reports (when it reports one) kept as printed and not checked against
        a computed one: '未读到绩效指标行，无法计算总分和等级；填报总分 95 分（第 6 行）照录，未能与计算总分核对'."""
        gap = self.total_gap
        total, line = self.reported.total, self.reported.location.line
        if not gap or total is None:
            return gap
        at = f"（第 {line} 行）" if line is not None and line != self.location.line else ""
        return f"{gap}；填报总分 {total.normalize():f} 分{at}照录，未能与计算总分核对"


@dataclass(frozen=True)
class GoalForm:
    """A budget-side 绩效目标表 (申报表, 审批表, 批复表, 绩效指标表): the year's goal and its indicator tree with
    targets — no actuals, no scores. It is audited by the goal rules only, never as a self-evaluation."""

    project: str  # 项目名称, or the department for a 部门整体 goal
    year: int | None
    goal: Goal
    unit: str = ""  # 实施单位 (else 主管部门) as printed
    budget: Decimal | None = None  # yuan: 年度资金总额 (else 项目金额, 资金总额)
    location: Location = field(default_factory=Location)
    funds: tuple[PartsTable, ...] = ()  # 项目资金: 资金总额 = 财政拨款 + 上年结转 + 其他资金 (ingest.goalfunds)


@dataclass(frozen=True)
class KeyIndicator:
    """A 三级 row of a 部门/财政评价 scoring table (决策/过程/产出/效益), with the parents' weights as printed."""

    level1: str
    level2: str
    name: str
    weight: Decimal | None
    score: Decimal | None
    printed_level1_weight: Decimal | None = None
    printed_level2_weight: Decimal | None = None
    level2_group: int = 0  # rows under one printed 二级 cell share a group
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class Evaluator:
    """A member of the evaluation group (评价人员) listed under the scoring table."""

    name: str
    title: str = ""  # 职务/职称
    organisation: str = ""  # 单位


@dataclass(frozen=True)
class ListedProblem:
    """A row of a findings list (问题清单): category (项目立项 …), responsible unit, description."""

    category: str
    description: str
    responsible: str = ""


@dataclass(frozen=True)
class KeyEvaluation:
    """部门评价 / 财政重点评价 of one project: budget, received and spent funds, the scored framework, the text."""

    project: str
    budget: Decimal | None = None  # 年初预算数 (yuan)
    received: Decimal | None = None  # 实际到位数
    spent: Decimal | None = None  # 实际支出数
    indicators: tuple[KeyIndicator, ...] = ()
    printed_total_weight: Decimal | None = None
    printed_total: Decimal | None = None
    statements: tuple[tuple[str, Location], ...] = ()  # sentences of the report text
    location: Location = field(default_factory=Location)
    department: str = ""  # 主管部门
    unit: str = ""  # 项目实施单位
    goal_text: str = ""  # 年度总体目标 · 预期目标
    achieved_text: str = ""  # 年度总体目标 · 实际完成情况
    evaluators: tuple[Evaluator, ...] = ()
    problems: tuple[ListedProblem, ...] = ()
    suggestion: str = ""  # 问题和建议
    experience: str = ""  # 主要经验及做法, as the evaluation group wrote it
    advice: str = ""  # 有关建议, as the evaluation group wrote it


@dataclass(frozen=True)
class ScoredPart:
    """A part of a scoring framework as a document prints it — a section of a report's outline headed with its
    points ('（一）项目立项（8分）'), or a 一级/二级/三级 cell of a scoring table — with the score it was given."""

    name: str
    level: int  # 1 for the top level
    points: Decimal | None  # 分值 as printed
    score: Decimal | None = None  # 得分 as printed ('自评得8分'); None when none was printed
    parts: tuple[ScoredPart, ...] = ()
    closed: bool = True  # False: the text ends inside it, so its parts may not all be printed
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class ScoreOutline:
    """The scored parts of one framework, top level first. `certain` is False for one read from a table whose
    cells ran together: its structure was inferred from the order of the figures, not from its cells."""

    title: str
    parts: tuple[ScoredPart, ...]
    certain: bool = True
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class PrintedRate:
    """A budget execution rate the form states in words ('已使用约40%'): the figure, how many decimals it was printed
    with, and whether it is said to be approximate (约, 近, 左右)."""

    value: Decimal  # %
    approximate: bool
    text: str  # the words as printed
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class MonitoredIndicator:
    """One indicator row of a 绩效运行监控表: the year's target, the value reached to the end of the period, the
    value expected for the year, the unit's judgement whether the target will be reached, and why it deviates.
    A column the form does not print is None; a cell it leaves blank is an empty Value (never zero)."""

    level1: str
    level2: str
    name: str
    target: Value  # 年度指标值
    progress: Value | None = None  # 1–N月实际完成值 (执行情况)
    expected: Value | None = None  # 全年预计完成值
    likelihood: str = ""  # 完成目标可能性: 确定能 / 有可能 / 完全不可能 ('' when blank or not printed)
    reasons: tuple[str, ...] = ()  # 偏差原因分析: the categories ticked (经费保障 …) or the words written
    remark: str = ""  # 备注 / 纠偏措施
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class MonitoringForm:
    """One project's 绩效运行监控表 (项目支出绩效监控表): the fund rows to the end of the period (年初/全年预算数,
    1–N月执行数, 全年预计执行数, 执行率), the rates its text states and its indicator rows. Amounts in yuan."""

    project: str  # 项目名称 ('' when the form prints none)
    unit: str  # 项目执行单位 / 项目单位 as printed
    year: int | None
    end_month: int | None  # N of '1-N月执行数'; None when the period was not printed
    budget_lines: tuple[BudgetLine, ...]
    stated_rates: tuple[PrintedRate, ...] = ()
    location: Location = field(default_factory=Location)
    indicators: tuple[MonitoredIndicator, ...] = ()
    # the form's own 偏差或不能完成目标原因分析 / 纠偏措施 rows, below the indicators ('' when blank or not printed)
    form_reason: str = ""
    has_reason_column: bool = False  # the indicator part has a 偏差原因 column (or the form a reason row)
    from_text: bool = False  # read from a prose report's sentences (ingest.monitoring_prose), not from a form

    @property
    def total(self) -> BudgetLine | None:
        """The total row (年度资金总额, 合计), else the only row."""
        totals = [b for b in self.budget_lines if b.is_total]
        return totals[0] if totals else (self.budget_lines[0] if len(self.budget_lines) == 1 else None)
