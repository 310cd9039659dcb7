"""情况说明与表 — the narrative against the tables (SPEC §7.4, N1–N6) and facts stated in two places.

Every amount the narrative states for a table item must equal the table; every 占比, 同比 and 完成预算 percentage
is recomputed from the figures the text itself states; direction words must agree with each other, and a
stated reason that points the other way is a warning for a human to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.compare import wan
from jixiao.core.disclosure import DisclosurePackage
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import WAN, normalize_text, parse_decimal, round_half_up
from jixiao.core.statements import DOWN, UP, Statement

CAT = "说明与表"
BASIS = "SPEC §7.4"
ZERO = Decimal(0)
NUM = r"([\d,]+(?:\.\d+)?)万元"

@dataclass(frozen=True)
class TableCell:
    """Where a narrative figure lives in the tables: a row by label (or by the 类 name the sentence gives)."""

    code: str
    label: str = ""
    column: str = "amount"
    side: str = ""
    by_name: int = 0  # the regex group holding the row's name, when the sentence names it

    def find(self, pkg: DisclosurePackage, match: re.Match[str]) -> Decimal | None:
        """The table's value (an empty cell is zero), or None when the table or row is absent."""
        table = pkg.table(self.code)
        if table is None:
            return None
        name = match.group(self.by_name).strip() if self.by_name else self.label
        row = table.total if name == "合计" else table.row(name, side=self.side)
        if row is None and self.by_name:
            row = next((r for r in table.rows if len(r.code) == 3 and r.label.replace(" ", "") == name), None)
        return row.value(self.column) if row is not None else None


# (section pattern, sentence pattern (the amount in its last group), table cell, what it is)
AMOUNT_CHECKS: list[tuple[str, str, TableCell, str]] = [
    (r"^一、", rf"收入总计{NUM}", TableCell("D01", "总计", side="income"), "收入总计"),
    (r"^一、", rf"支出总计{NUM}", TableCell("D01", "总计", side="expenditure"), "支出总计"),
    (r"^二、", rf"收入合计{NUM}", TableCell("D01", "本年收入合计", side="income"), "本年收入合计"),
    (r"^二、", rf"^财政拨款收入{NUM}", TableCell("D02", "合计", "fiscal"), "财政拨款收入"),
    (r"^三、", rf"支出合计{NUM}", TableCell("D01", "本年支出合计", side="expenditure"), "本年支出合计"),
    (r"^三、", rf"^基本支出{NUM}", TableCell("D03", "合计", "basic"), "基本支出"),
    (r"^三、", rf"^项目支出{NUM}", TableCell("D03", "合计", "project"), "项目支出"),
    (r"^四、", rf"财政拨款收入总计{NUM}", TableCell("D04", "总计", side="income"), "财政拨款收入总计"),
    (r"^四、", rf"，支出总计{NUM}", TableCell("D04", "总计", "total", side="expenditure"), "财政拨款支出总计"),
    (r"^[（(]一[)）]一般公共预算", rf"决算支出{NUM}", TableCell("D05", "合计", "total"), "一般公共预算财政拨款支出"),
    (r"^[（(]二[)）]一般公共预算", rf"^(.+?)支出[（(]类[)）]{NUM}", TableCell("D05", column="total", by_name=1),
     "类支出"),
    (r"^[（(]三[)）]一般公共预算", rf"^([^，]+?支出)年初预算[\d,.]+万元，支出决算{NUM}",
     TableCell("D05", column="total", by_name=1), "类支出决算"),
    (r"^六、", rf"基本支出{NUM}", TableCell("D05", "合计", "basic"), "基本支出"),
    (r"^六、", rf"^人员经费{NUM}", TableCell("D06", "人员经费合计"), "人员经费"),
    (r"^六、", rf"^公用经费{NUM}", TableCell("D06", "公用经费合计"), "公用经费"),
    (r"^七、", rf"收入总计{NUM}", TableCell("D07", "合计", "income"), "政府性基金收入"),
    (r"^七、", rf"支出总计{NUM}", TableCell("D07", "合计", "total"), "政府性基金支出"),
    (r"“?三公”?经费.*总体", rf"全年预算{NUM}", TableCell("D09", "三公", "budget_total"), "三公经费预算"),
    (r"“?三公”?经费.*总体", rf"全年预算[\d,.]+万元，支出决算{NUM}", TableCell("D09", "三公", "final_total"), "三公经费决算"),
    (r"“?三公”?经费.*总体", rf"^因公出国（境）费支出{NUM}", TableCell("D09", "三公", "final_overseas"), "因公出国(境)费"),
    (r"“?三公”?经费.*总体", rf"^公务用车购置费支出{NUM}", TableCell("D09", "三公", "final_car_purchase"), "公务用车购置费"),
    (r"“?三公”?经费.*总体", rf"^公务用车运行维护费支出{NUM}", TableCell("D09", "三公", "final_car_operation"),
     "公务用车运行维护费"),
    (r"“?三公”?经费.*总体", rf"^公务接待费支出{NUM}", TableCell("D09", "三公", "final_reception"), "公务接待费"),
    (r"政府采购", rf"政府采购支出总额{NUM}", TableCell("D10", "政府采购情况/合计"), "政府采购总额"),
    (r"政府采购", rf"货物支出{NUM}", TableCell("D10", "政府采购情况/货物"), "政府采购货物"),
    (r"政府采购", rf"工程支出{NUM}", TableCell("D10", "政府采购情况/工程"), "政府采购工程"),
    (r"政府采购", rf"服务支出{NUM}", TableCell("D10", "政府采购情况/服务"), "政府采购服务"),
]


def has_narrative(pkg: DisclosurePackage) -> str | None:
    """`applies` of the rules that read the 情况说明."""
    return None if pkg.narrative else "缺少情况说明文字"


def _compact(statement: Statement) -> str:
    return normalize_text(statement.text).replace(" ", "")


def _wan_decimal(text: str) -> Decimal:
    value = parse_decimal(text)
    return value * WAN if value is not None else ZERO


@rule("narrative.n1_amount_vs_table", "情况说明中的金额与表中数不一致", Tier.ERROR, CAT, f"{BASIS} N1", "disclosure",
      applies=has_narrative)
def n1_amounts(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """情况说明写出的每一个表内金额（收入支出总计、基本/项目支出、各类支出、人员/公用经费、三公、政府采购……）须与对应表格
    的数字完全一致（万元两位小数）。"""
    for statement in pkg.narrative:
        text = _compact(statement)
        for section_re, sentence_re, cell, what in AMOUNT_CHECKS:
            if not re.search(section_re, statement.section):
                continue
            for match in re.finditer(sentence_re, text):
                stated = _wan_decimal(match.group(match.lastindex or 1))
                table_value = cell.find(pkg, match)
                if table_value is not None:
                    ctx.checked(statement)
                if table_value is not None and stated != table_value:
                    yield Finding("narrative.n1_amount_vs_table", Tier.ERROR,
                                  f"说明称{what} {wan(stated)} 万元，表中为 {wan(table_value)} 万元",
                                  statement.location.with_(row=what), CAT, expected=wan(table_value), actual=wan(stated),
                                  difference=wan(stated - table_value))


def _check_rate(rule_id: str, statement: Statement, what: str, stated: Decimal, computed: Decimal, places: int,
                formula: str) -> Iterator[Finding]:
    expected = round_half_up(computed, places)
    if stated == expected:
        return
    unit = Decimal(1).scaleb(-places)
    tier = Tier.NOTICE if abs(stated - expected) <= unit else Tier.ERROR
    yield Finding(rule_id, tier, f"{what}写为 {stated}%，按 {formula} 应为 {expected}%", statement.location.with_(row=what),
                  CAT, expected=f"{expected}", actual=f"{stated}", difference=f"{stated - expected}")


def _places(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _denominator(pkg: DisclosurePackage, statements: list[Statement], index: int) -> Decimal | None:
    """The base of a '占比' in a list: the '…合计/支出 X万元，其中/主要用于' figure that opened the list."""
    for earlier in reversed(statements[:index]):
        if earlier.section != statements[index].section:
            break
        text = _compact(earlier)
        match = re.search(rf"{NUM}，?(其中|主要用于)", text)
        if match:
            return _wan_decimal(match.group(1))
    return None


@rule("narrative.n2_percentages", "情况说明中的占比、完成预算比例计算错误", Tier.ERROR, CAT, f"{BASIS} 占比/完成年初预算", "disclosure",
      applies=has_narrative)
def n2_percentages(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """占比 = 部分 ÷ 合计 × 100；完成年初（全年）预算 = 决算 ÷ 预算 × 100；中小企业合同占比 = 合同金额 ÷ 采购总额 × 100；
    均按说明自己写出的金额重算，两位小数四舍五入，差一个末位为提示。"""
    statements = list(pkg.narrative)
    total_spent = None
    d01 = pkg.table("D01")
    if d01 is not None and (row := d01.row("本年支出合计", side="expenditure")) is not None:
        total_spent = row.value("amount")
    for index, statement in enumerate(statements):
        text = _compact(statement)
        if match := re.search(rf"^(.*?){NUM}，占比([\d.]+)%", text):
            base = _denominator(pkg, statements, index)
            if base:
                ctx.checked(statement)
                yield from _check_rate("narrative.n2_percentages", statement, f"{match.group(1) or '占比'}占比",
                                       Decimal(match.group(3)), _wan_decimal(match.group(2)) / base * 100,
                                       _places(match.group(3)), "部分 ÷ 合计")
        if (match := re.search(rf"{NUM}，占本年支出合计的([\d.]+)%", text)) and total_spent:
            ctx.checked(statement)
            yield from _check_rate("narrative.n2_percentages", statement, "占本年支出合计比例", Decimal(match.group(2)),
                                   _wan_decimal(match.group(1)) / total_spent * 100, _places(match.group(2)),
                                   "支出 ÷ 本年支出合计")
        if match := re.search(rf"(?:年初|全年)预算{NUM}，支出决算{NUM}，完成(?:年初|全年)预算的([\d.]+)%", text):
            budget = _wan_decimal(match.group(1))
            if budget:
                ctx.checked(statement)
                yield from _check_rate("narrative.n2_percentages", statement, "完成预算比例", Decimal(match.group(3)),
                                       _wan_decimal(match.group(2)) / budget * 100, _places(match.group(3)),
                                       "决算 ÷ 预算")
        if match := re.search(rf"合同金额{NUM}，占政府采购支出总额的([\d.]+)%", text):
            d10 = pkg.table("D10")
            total = d10.row("政府采购情况/合计") if d10 else None
            if total is not None and total.value("amount"):
                ctx.checked(statement)
                yield from _check_rate("narrative.n2_percentages", statement, "中小企业合同占比", Decimal(match.group(2)),
                                       _wan_decimal(match.group(1)) / total.value("amount") * 100,
                                       _places(match.group(2)), "合同金额 ÷ 政府采购支出总额")


_CHANGE_RE = re.compile(rf"(增加|减少){NUM}(?:，(增长|下降|上升|减少)([\d.]+)%)?")
_SUBJECT_CUT = re.compile(r"^(与上年相比|较上年决算|比上年度|比上年|较上年)，?")


def _subject(clause_start: str) -> str:
    clause = re.split(r"[，。；]", clause_start)[-1]
    return _SUBJECT_CUT.sub("", clause).strip()


def _current(statements: list[Statement], index: int, text: str, start: int, subject: str) -> Decimal | None:
    """This year's figure the change refers to: the subject's amount stated before, else the last 决算/支出 figure."""
    candidates: list[str] = [text[:start]]
    for earlier in reversed(statements[max(0, index - 3):index]):
        if earlier.section == statements[index].section:
            candidates.append(_compact(earlier))
    for chunk in candidates:
        if subject:
            for key in (subject, subject[-4:]):
                found = re.findall(rf"{re.escape(key)}{NUM}", chunk)
                if found:
                    return _wan_decimal(found[-1])
        found = re.findall(rf"(?:支出决算|支出|决算支出|总计){NUM}", chunk)
        if found:
            return _wan_decimal(found[-1])
    return None


@rule("narrative.n2_year_on_year", "同比增减率与增减额不符或方向矛盾", Tier.ERROR, CAT, f"{BASIS} 同比/N2", "disclosure",
      applies=has_narrative)
def n2_year_on_year(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“增加X万元，增长P%”：上年数 = 本年数 − X，P = X ÷ 上年数 × 100；上年为0只写金额，本年为0写“下降100%”；
    增加配“增长”，减少配“下降”。"""
    statements = list(pkg.narrative)
    for index, statement in enumerate(statements):
        text = _compact(statement)
        for match in _CHANGE_RE.finditer(text):
            direction, amount_text, rate_word, rate_text = match.groups()
            up = direction == "增加"
            if rate_word:
                ctx.checked(statement)
            if rate_word and (rate_word in ("增长", "上升")) != up:
                yield Finding("narrative.n2_year_on_year", Tier.ERROR,
                              f"同一句先说“{direction}”又说“{rate_word}”，方向矛盾：{match.group(0)}",
                              statement.location.with_(row="增减方向"), CAT, expected=("增长" if up else "下降"),
                              actual=rate_word)
                continue
            if not rate_text:
                continue
            change = _wan_decimal(amount_text) * (1 if up else -1)
            current = _current(statements, index, text, match.start(), _subject(text[:match.start()]))
            if current is None:
                continue
            prior = current - change
            if prior <= 0:
                yield Finding("narrative.n2_year_on_year", Tier.ERROR,
                              f"按本年 {wan(current)} 万元与增减额推算上年为 {wan(prior)} 万元，不应给出增减率 {rate_text}%",
                              statement.location.with_(row="同比"), CAT)
                continue
            yield from _check_rate("narrative.n2_year_on_year", statement, "同比增减率", Decimal(rate_text),
                                   abs(change) / prior * 100, _places(rate_text),
                                   f"{wan(abs(change))} ÷ 上年 {wan(prior)}")


@rule("narrative.n2_reason_direction", "说明的原因与增减方向相反", Tier.WARNING, CAT, f"{BASIS} N2", "disclosure",
      applies=has_narrative)
def n2_reason(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """“减少……主要原因是……增加”或“增加……主要原因是……减少”：原因与变动方向相反，需人工核实（疑似）。"""
    for statement in pkg.narrative:
        text = _compact(statement)
        match = re.search(r"(?:主要)?原因(?:是|为)[：:]?(.+)$", text)
        if not match:
            continue
        before, reason = text[: match.start()], match.group(1)
        changes = re.findall(r"(增加|减少|增长|下降)", before)
        if not changes:
            continue
        ctx.checked(statement)
        went_up = changes[-1] in UP
        says_up = any(w in reason for w in UP) and not any(w in reason for w in DOWN)
        says_down = any(w in reason for w in DOWN) and not any(w in reason for w in UP)
        if (went_up and says_down) or (not went_up and says_up):
            yield Finding("narrative.n2_reason_direction", Tier.WARNING,
                          f"变动为“{changes[-1]}”，所述原因却是“{reason.rstrip('。；')}”，方向相反",
                          statement.location.with_(row="原因"), CAT, expected="与变动方向一致的原因", actual=reason)


def _signed_change(text: str) -> Decimal | None:
    if "与上年相同" in text or "与上年持平" in text:
        return ZERO
    match = re.search(rf"(增加|减少){NUM}", text)
    if not match:
        return None
    return _wan_decimal(match.group(2)) * (1 if match.group(1) == "增加" else -1)


@rule("narrative.n3_sangong_changes", "三公经费总增减额不等于各项增减额之和", Tier.ERROR, CAT, f"{BASIS} N3", "disclosure",
      applies=has_narrative)
def n3_sangong(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """三公经费总的增减额 = 因公出国(境)、公务用车购置、公务用车运行维护、公务接待四项增减额之和。"""
    section = [s for s in pkg.narrative if re.search(r"三公.*总体", s.section)]
    total = next((s for s in section if "全年预算" in s.text), None)
    if total is None:
        return
    total_change = _signed_change(_compact(total))
    items = [s for s in section if re.match(r"^(因公出国|公务用车购置费|公务用车运行维护费|公务接待费)", _compact(s))]
    changes = [_signed_change(_compact(s)) for s in items]
    if total_change is None or len(items) < 4 or any(c is None for c in changes):
        return
    summed = sum((c for c in changes if c is not None), ZERO)
    ctx.checked(total, *items)
    if summed != total_change:
        yield Finding("narrative.n3_sangong_changes", Tier.ERROR,
                      f"三公经费比上年变动 {wan(total_change)} 万元，四项变动之和为 {wan(summed)} 万元",
                      total.location.with_(row="三公经费增减"), CAT, expected=wan(summed), actual=wan(total_change))


@rule("narrative.n5_shares_total", "各类支出占比之和不等于100%", Tier.WARNING, CAT, f"{BASIS} N5", "disclosure",
      applies=has_narrative)
def n5_shares(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """一般公共预算财政拨款支出结构中各“类”占比之和应为 100%（允许 ±0.05 个百分点）。"""
    shares = [(s, Decimal(m.group(1))) for s in pkg.narrative if re.search(r"^[（(]二[)）]", s.section)
              and (m := re.search(r"[（(]类[)）][\d,.]+万元，占比([\d.]+)%", _compact(s)))]
    if len(shares) < 2:
        return
    ctx.checked(*(s for s, _ in shares))
    total = sum((share for _, share in shares), ZERO)
    if abs(total - 100) > Decimal("0.05"):
        yield Finding("narrative.n5_shares_total", Tier.WARNING, f"各类支出占比之和为 {total}%，应为 100%",
                      shares[0][0].location.with_(row="占比合计"), CAT, expected="100", actual=str(total))


def _count(text: str, pattern: str) -> int | None:
    match = re.search(pattern, text)
    return int(match.group(1)) if match else None


@rule("crosssection.vehicles", "不同章节的车辆数不一致", Tier.ERROR, "跨章节", "SPEC §7.4 十、§7.2 公开10", "disclosure",
      applies=has_narrative)
def vehicles(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """三公经费说明中“公务用车保有量共N辆”、国有资产占用说明中“共有车辆M辆”、公开10 车辆数合计，三处应一致。"""
    stated: list[tuple[str, int, Statement]] = []
    for statement in pkg.narrative:
        text = _compact(statement)
        if (n := _count(text, r"保有量共(\d+)辆")) is not None:
            stated.append(("三公经费说明·公务用车保有量", n, statement))
        if (n := _count(text, r"共有车辆(\d+)辆")) is not None:
            stated.append(("国有资产占用说明·车辆数", n, statement))
    d10 = pkg.table("D10")
    if d10 is not None and (row := next((r for r in d10.rows if "车辆数合计" in r.label), None)) is not None:
        table_count = int(row.value("amount") / WAN)
        stated.append(("公开10·车辆数合计", table_count, None))  # type: ignore[arg-type]
    if len(stated) >= 2:
        ctx.checked(*(s for _, _, s in stated if s is not None))
    if len({n for _, n, _ in stated}) <= 1:
        return
    listing = "；".join(f"{where} {n} 辆" for where, n, _ in stated)
    anchor = next(s for _, _, s in stated if s is not None)
    yield Finding("crosssection.vehicles", Tier.ERROR, f"车辆数前后不一致：{listing}", anchor.location.with_(row="车辆数"),
                  "跨章节", expected=str(stated[0][1]), actual="、".join(str(n) for _, n, _ in stated))


@rule("crosssection.admin_cost", "机关运行经费与单位性质或公开10 不一致", Tier.WARNING, "跨章节", "SPEC §7.3 R27", "disclosure",
      applies=lambda pkg: None if pkg.table("D10") is not None else "缺少公开10表")
def admin_cost(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """机关运行经费只属于行政单位和参照公务员法管理的事业单位；说明称“无机关运行经费”时公开10 不应有数，反之亦然。"""
    d10 = pkg.table("D10")
    if d10 is None:
        return
    table_amount = sum((r.value("amount") for r in d10.rows if r.label.startswith("机关运行经费")), ZERO)
    for statement in pkg.narrative:
        text = _compact(statement)
        if "无机关运行经费" in text:
            ctx.checked(statement)
        if "无机关运行经费" in text and table_amount:
            yield Finding("crosssection.admin_cost", Tier.WARNING,
                          f"说明称无机关运行经费，公开10 却填列 {wan(table_amount)} 万元", statement.location, "跨章节",
                          expected="0", actual=wan(table_amount))
