"""A 绩效运行监控报告 written in prose (no 监控表): what its sentences say of the budget and its execution to the end
of the period, read into MonitoringForms (one per budget named with the amount executed against it) so that the
monitoring rules that need no form (执行进度 against 时间进度) apply to the report's own figures.

The period is the sentence's own ('截至6月底', '1-6月', '上半年', '前三季度'), else the first the report states. A
budget is an amount after a budget word (预算, 安排, 资金规模, 下达, 批复); the execution an amount after a spending
word (已支出, 执行, 使用, 支付, 拨付) — an amount received (到位) is neither, and a class of spending named by its
kind ('项目支出632万元', '公用经费支出') is no execution. Each budget pairs with the first execution said after it and
before the next budget (a lone budget with a lone execution in either order), in its sentence, or in its paragraph when the paragraph names one budget and one execution.
What the report says of the reasons and its corrective measures is kept with each form (form_reason). The rates the sentences state are checked as prose (audit.rules.prose), not again here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jixiao.core.claims import chinese_number
from jixiao.core.coverage import Unread
from jixiao.core.model import BudgetLine, FundLevel, MonitoringForm
from jixiao.core.provenance import Location
from jixiao.core.statements import Figure, Statement

_MONTH = r"(\d{1,2}|十[一二]|[一二三四五六七八九十])"
_YEAR = r"(?:(?:\d{4}|20[xX×]{2}|[xX×]{4})\s*年\s*)?"
_PERIOD_RES: tuple[tuple[re.Pattern[str], int | None], ...] = (
    (re.compile(rf"(?:1|一)\s*[-—–－~～至到]\s*{_MONTH}\s*月"), None),
    (re.compile(rf"截[至止]\s*{_YEAR}{_MONTH}\s*月(?:份)?\s*(?:底|末|\d{{1,2}}\s*日|止)?"), None),
    (re.compile(r"上半年|半年度"), 6),
    (re.compile(r"前三季度|第三季度末"), 9),
    (re.compile(r"(?:第一|一)季度"), 3),
)
_BUDGET_CUE = r"预算(?:数|资金|金额)?|安排(?:资金)?|资金规模|下达(?:资金)?|批复|总投资|计划投资"
_SPENT_CUE = (r"(?<!项目)(?<!基本)(?<!人员)(?<!公用)(?<!专项)(?<!其他)(?<!资本性)(?<!经常性)"
              r"(?:支出|执行|使用|支付|拨付|兑付|用款)")
_RECEIVED_CUE = r"到位|到账|拨入|收到"
_CUE_RE = re.compile(rf"(?P<budget>{_BUDGET_CUE})|(?P<spent>{_SPENT_CUE})|(?P<received>{_RECEIVED_CUE})")
_CLAUSE_STOP = "，,；;。：:（("
_NAME_RE = re.compile(r"([\u4e00-\u9fff“”\"（）()、\-—A-Za-z0-9]{2,40}?(?:项目|经费|资金|专项|工程))")
_NOT_NAME = re.compile(r"^(?:其中|本级财政|财政|年初|全年|截至|截止|共计|合计|累计)+")
_BARE_NAMES = ("项目", "经费", "资金", "专项", "工程", "专项资金", "项目资金")


@dataclass(frozen=True)
class _Amount:
    role: str  # budget | spent | received
    figure: Figure
    lead: str  # the clause before the figure


def _month(text: str) -> int | None:
    for pattern, fixed in _PERIOD_RES:
        if match := pattern.search(text):
            if fixed is not None:
                return fixed
            word = match.group(1)
            month = int(word) if word.isdigit() else chinese_number(word)
            if month is not None and 1 <= month <= 12:
                return month
    return None


def _role(lead: str) -> str:
    """The role of an amount by the cue word nearest before it in its clause ('' when none)."""
    last = None
    for match in _CUE_RE.finditer(lead):
        last = match
    return last.lastgroup or "" if last is not None else ""


def _amounts(statement: Statement) -> list[_Amount]:
    out = []
    for figure in statement.money():
        before = statement.text[:figure.start]
        cut = max(before.rfind(c) for c in _CLAUSE_STOP)
        lead = before[cut + 1:]
        if role := _role(lead):
            out.append(_Amount(role, figure, lead))
    return out


def _pairs(amounts: Sequence[_Amount]) -> list[tuple[_Amount, _Amount]]:
    """Each budget with the first execution after it and before the next budget; the only budget with the only
    execution when the execution is said first ('已支出30万元，占年初预算100万元的30%')."""
    budgets = [a for a in amounts if a.role == "budget"]
    spent = [a for a in amounts if a.role == "spent"]
    if len(budgets) == 1 and len(spent) == 1:
        return [(budgets[0], spent[0])]
    pairs = []
    for index, amount in enumerate(amounts):
        if amount.role != "budget":
            continue
        for later in amounts[index + 1:]:
            if later.role == "budget":
                break
            if later.role == "spent":
                pairs.append((amount, later))
                break
    return pairs


_YEAR_WORDS_RE = re.compile(r"(?:\d{4}|20[xX×]{2}|[xX×]{2,4})\s*年度?")
_BEFORE_NAME_RE = re.compile(r"^.*?(?:预算安排|安排|下达|批复)")


def _name(before: str) -> str:
    """The project or fund a budget is said of: the last name ending in 项目/经费/资金/专项/工程 in the sentence before
    the budget's figure, once the periods and years are taken out ('本级财政预算安排示例局专项资金' → '示例局专项'),
    else ''."""
    candidate = _YEAR_WORDS_RE.sub("", before)
    for pattern, _ in _PERIOD_RES:
        candidate = pattern.sub("，", candidate)
    names = [_NOT_NAME.sub("", _BEFORE_NAME_RE.sub("", re.sub(r"^[\d（(）)、.\s]+", "", n)))
             for n in _NAME_RE.findall(candidate)]
    names = [n for n in names if len(n) >= 2 and _NAME_RE.fullmatch(n) is not None and n not in _BARE_NAMES]
    return names[-1] if names else ""


def _line(name: str, budget: _Amount, spent: _Amount, location: Location) -> BudgetLine:
    basis = "adjusted" if re.search(r"调整|全年", budget.lead) else "initial"
    return BudgetLine(source=name or "文字所述预算", level=FundLevel.TOTAL,
                      initial=budget.figure.value if basis == "initial" else None,
                      adjusted=budget.figure.value if basis == "adjusted" else None,
                      executed=spent.figure.value, location=location)


_REASON_SECTION_RE = re.compile(r"原因|纠偏|措施|偏差|偏离|整改")
_REASON_SAID_RE = re.compile(r"主要原因|原因(?:是|为|在于)|由于|受[^，,。；;]{1,12}影响|纠偏|整改|下一步")
_REASON_KEPT = 200  # characters of the report's reasons and measures kept with each form


def _reasons(statements: Sequence[Statement]) -> str:
    """What the report says of why it lags and what it will do: the sentences under a heading on reasons, deviation
    or corrective measures, and any sentence giving a reason or a measure ('' when none)."""
    said = [s.text for s in statements if s.kind == "sentence"
            and (_REASON_SECTION_RE.search(s.section) or _REASON_SAID_RE.search(s.text))]
    return "；".join(said)[:_REASON_KEPT]


def prose_monitoring_forms(statements: Sequence[Statement], year: int | None
                           ) -> tuple[tuple[MonitoringForm, ...], list[Unread]]:
    """The budgets a prose monitoring report states with their execution, as forms (one per budget), and what
    could not be placed (a period not stated)."""
    default = next((m for s in statements if (m := _month(s.text)) is not None), None)
    reasons = _reasons(statements)
    forms: list[MonitoringForm] = []
    by_paragraph: dict[object, list[Statement]] = {}
    for statement in statements:
        by_paragraph.setdefault((statement.location.block, statement.location.line), []).append(statement)
    for group in by_paragraph.values():
        found: list[tuple[Statement, _Amount, _Amount]] = []
        for statement in group:
            found += [(statement, b, s) for b, s in _pairs(_amounts(statement))]
        if not found:  # one budget and one execution in the paragraph's different sentences
            every = [(s, a) for s in group for a in _amounts(s)]
            budgets = [(s, a) for s, a in every if a.role == "budget"]
            spent = [(s, a) for s, a in every if a.role == "spent"]
            if len(budgets) == 1 and len(spent) == 1:
                found = [(budgets[0][0], budgets[0][1], spent[0][1])]
        paragraph_month = next((m for s in group if (m := _month(s.text)) is not None), None)
        for statement, budget, spent_ in found:
            month = _month(statement.text) or paragraph_month or default
            name = _name(statement.text[:budget.figure.start])
            where = statement.location.with_(table="文字所述预算执行", column="执行数")
            forms.append(MonitoringForm(project=name, unit="", year=year, end_month=month,
                                        budget_lines=(_line(name, budget, spent_, where),), location=where,
                                        form_reason=reasons, from_text=True))
    unread = [Unread("文字所述预算执行未说明截至何时（如“截至6月底”“1-6月”），未按时间进度核对执行进度", f.location, "other")
              for f in forms if f.end_month is None]
    return tuple(forms), unread
