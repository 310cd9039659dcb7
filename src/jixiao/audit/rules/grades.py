"""得分与等级 — a grade stated beside a score, in a sentence or in a row of a results table.

Grade bands are a convention: the profile's bands (优≥90、良≥80、中≥60 by default) are one reading, so a grade
outside the profile's band for its score is 疑似 and the message names the convention. When the document states
its own bands ('90分以上为优', '等级为中(70-80分)'), a grade outside the document's own band for that grade is two
statements of one document that cannot both hold: 确定. Band ends are read inclusively on both sides ('70-80分'
and '80分以上' both take 80), so only a score outside every reading of the stated band contradicts it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.audit.rules.prose import paragraphs
from jixiao.core.claims import (
    GRADES,
    Band,
    GradedCounts,
    grade_name,
    graded_counts,
    stated_bands,
    stated_score_and_grade,
    target_rates,
)
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import format_number, normalize_text, round_half_up
from jixiao.core.profile import Grades
from jixiao.core.results import ResultsTable
from jixiao.core.statements import Statement

CAT = "绩效评价"
ZERO = Decimal(0)


def band_text(band: Band) -> str:
    """'中(70-80分' → '中(70-80分)': a band as the document wrote it, its bracket closed."""
    text = band.text
    opened = text.count("(") + text.count("（") - text.count(")") - text.count("）")
    return text + ")" * max(opened, 0)


def profile_bands(grades: Grades) -> str:
    return f"优≥{format_number(grades.excellent)}、良≥{format_number(grades.good)}、中≥{format_number(grades.fair)}"


@dataclass(frozen=True)
class Verdict:
    tier: Tier
    expected: str  # the grade (or grades) the score falls in
    basis: str  # the band convention the verdict rests on, in Chinese


def judge(score: Decimal, word: str, bands: tuple[Band, ...], grades: Grades, profile: str) -> Verdict | None:
    """Whether grade `word` can be given to `score`: None when it can (or the word is not a grade)."""
    named = GRADES.get(grade_name(word), GRADES.get(word, ()))
    if not named:
        return None
    own = [b for b in bands if set(named) & set(b.grades)]
    if own:
        if any(b.holds(score) for b in own):
            return None
        fitting = "、".join(dict.fromkeys(b.word for b in bands if b.holds(score))) or "文中所列分档之外"
        return Verdict(Tier.ERROR, fitting, f"本文写明的分档：{'，'.join(band_text(b) for b in bands)}")
    band = grades.grade(round_half_up(score))
    if band in named:
        return None
    stated = f"；文中所写分档（{'，'.join(band_text(b) for b in bands)}）未涉及“{word}”" if bands else "；文中未写明分档"
    return Verdict(Tier.WARNING, band, f"按配置“{profile}”的等级分档 {profile_bands(grades)}{stated}")


@rule("prose.grade_band", "文字所写等级与得分所在分档不符", Tier.ERROR, CAT, "SPEC §1.6", "prose", params=("grades",))
def grade_band(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“自评得分86.4分，自评结果为‘良好’”：等级须在得分所在的分档内。文中写明本文分档（“90分以上为优”“中（70-80分）”）时
    按本文分档，不符为确定（同一文件两处说法不能同时成立）；文中未写明时按配置的分档（优≥90、良≥80、中≥60），不符为疑似，
    消息写明所依口径。得分与等级写在同一段的相邻两句也一并核对。"""
    bands = stated_bands(" ".join(s.text for s in statements))
    for group in paragraphs(statements):
        for index, statement in enumerate(group):
            score, grade = stated_score_and_grade(statement.text)
            if score is None:
                continue
            if grade is None and index + 1 < len(group):
                following_score, grade = stated_score_and_grade(group[index + 1].text)
                grade = grade if following_score is None else None
            if grade is None:
                continue
            ctx.checked(statement)
            value = Decimal(score.group(1).replace(",", ""))
            verdict = judge(value, grade.group(1), bands, ctx.profile.grades, ctx.profile.name)
            if verdict is not None:
                yield Finding("prose.grade_band", verdict.tier,
                              f"文字称得分 {score.group(1)} 分、等级“{grade.group(1)}”，而该得分属于“{verdict.expected}”"
                              f"（{verdict.basis}）", statement.location.with_(row="得分与等级"), CAT,
                              expected=verdict.expected, actual=grade.group(1))


def _document_bands(doc: Any) -> tuple[Band, ...]:
    """The grade bands the document's own text states (its paragraphs, not its table cells)."""
    return stated_bands(" ".join(b.clean for b in doc.source.blocks if not hasattr(b, "rows")))


def _tables(doc: Any) -> Iterator[ResultsTable | NotApplicable]:
    tables = getattr(doc, "results", ())
    if not tables:
        yield NotApplicable("文档中没有列明各项目得分或等级的评价结果表")
    yield from tables


@rule("results.grade_band", "评价结果表中的等级与得分所在分档不符", Tier.ERROR, CAT, "SPEC §1.6", "document",
      params=("grades",))
def results_grade_band(doc: Any, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """评价结果表每一行的等级须在其得分所在的分档内（与正文“得分与等级”同一读法，见 prose.grade_band）：文中写明本文
    分档时不符为确定，否则按配置的分档为疑似；等级或得分栏为空的行不核对。"""
    bands = None
    for table in _tables(doc):
        if isinstance(table, NotApplicable):
            yield table
            continue
        for row in table.rows:
            if row.score is None or not row.grade:
                continue
            bands = _document_bands(doc) if bands is None else bands
            verdict = judge(row.score.value, row.grade, bands, ctx.profile.grades, ctx.profile.name)
            if verdict is not None:
                yield Finding("results.grade_band", verdict.tier,
                              f"“{row.name}”得分 {format_number(row.score.value)} 分，等级写为“{row.grade}”，而该得分属于"
                              f"“{verdict.expected}”（{verdict.basis}）", row.location.with_(column="等级"), CAT,
                              expected=verdict.expected, actual=row.grade)


@rule("results.total", "评价结果表合计行金额与各行之和不符", Tier.ERROR, CAT, "SPEC §7.3", "document")
def results_total(doc: Any, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """评价结果表印有合计（总计）行时，其金额 = 各行金额之和。超出各数印出精度半个末位之和为确定，在其内为提示。"""
    for table in _tables(doc):
        if isinstance(table, NotApplicable):
            yield table
            continue
        total = table.total
        amounts = [r.amount for r in table.rows if r.amount is not None]
        if total is None or total.amount is None or not amounts:
            continue
        got = sum((a.value for a in amounts), ZERO)
        difference = got - total.amount.value
        if difference == 0:
            continue
        residue = sum((a.residue for a in amounts), total.amount.residue)
        tier = Tier.NOTICE if abs(difference) <= residue else Tier.ERROR
        yield Finding("results.total", tier,
                      f"合计行金额 {total.amount.text}，各行 {len(amounts)} 项之和 {total.amount.shown(got)}，相差 "
                      f"{total.amount.shown(difference)}{'（尾数误差）' if tier is Tier.NOTICE else ''}",
                      total.location.with_(column="金额"), CAT, expected=format_number(got), actual=format_number(total.amount.value))


def _listed_claims(doc: Any, block: int | None, item: GradedCounts) -> list[Any]:
    """The claims of the paragraph's sentences that state the list's counts and shares (or its total)."""
    pkg = getattr(doc, "disclosure", None)
    stated = [*getattr(doc, "statements", ()), *(pkg.narrative if pkg is not None else ())]
    texts = [normalize_text(p.text).replace(" ", "") for p in item.parts] + [item.total_clause]
    return [c for s in stated if block is not None and s.location.block == block for c in s.claims
            if c.clause and any(c.clause in text or text in c.clause for text in texts if text)]


@rule("results.graded_counts", "各等级项目数之和或占比与项目总数不符", Tier.ERROR, CAT, "SPEC §3.5", "document")
def results_graded_counts(doc: Any, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """“复核评价的N个项目，等次为‘优秀’的a个，占比p%，‘良好’的b个，占比q%……”：各等级个数之和 = N，各占比 = 个数 ÷ N
    （按印出的位数四舍五入）。个数是整数：所列之和大于 N 为确定；小于 N 为疑似（所列可能不是全部等级）。占比只在所列之和
    等于 N（总数得到印证）时不符为确定，否则为疑似。"""
    lists = [(block, item) for block in doc.source.blocks if not hasattr(block, "rows")
             for item in graded_counts(block.clean)]
    if not lists:
        yield NotApplicable("文中没有按等级列出的项目个数")
        return
    for block, item in lists:
        where = block.location.with_(row="各等级个数")
        ctx.checked(*_listed_claims(doc, block.location.block, item))
        got = sum(p.count for p in item.parts)
        if got != item.total:
            tier = Tier.ERROR if got > item.total else Tier.WARNING
            note = "" if tier is Tier.ERROR else "（若所列为全部等级则不符）"
            yield Finding("results.graded_counts", tier,
                          f"文中称 {item.total_text}，所列各等级个数之和为 {got} 个{note}", where, CAT,
                          expected=str(item.total), actual=str(got))
        for part in item.parts:
            if part.share is None or item.total == 0:
                continue
            places = max(0, -part.share.quantum.normalize().as_tuple().exponent)  # type: ignore[operator]
            expected = round_half_up(Decimal(part.count) * 100 / item.total, places)
            if expected != part.share.value:
                tier = Tier.ERROR if got == item.total else Tier.WARNING
                yield Finding("results.graded_counts", tier,
                              f"“{part.word}”{part.count} 个占 {item.total} 个的 {format_number(expected)}%，文中写为 {part.share.text}",
                              where.with_(column=part.word), CAT, expected=format_number(expected), actual=format_number(part.share.value))


@rule("prose.target_rate", "完成目标任务的百分比与所写完成数、目标数不符", Tier.WARNING, CAT, "SPEC §1.4", "prose")
def target_rate(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“培训2399人，完成市目标任务数2000人的120%”：百分比 = 完成数 ÷ 目标数（按印出的位数四舍五入）。完成数取同一句中
    紧挨在前、计量单位相同的数（按位置的读法，故不符为疑似，消息写明所取的两个数）。"""
    for statement in statements:
        for item in target_rates(statement.text):
            if item.target.value == 0:
                continue
            ctx.checked(*[c for c in statement.claims if c.measure in ("count", "figure")])
            places = max(0, -item.rate.quantum.normalize().as_tuple().exponent)  # type: ignore[operator]
            expected = round_half_up(item.done.value / item.target.value * 100, places)
            if expected != item.rate.value:
                yield Finding("prose.target_rate", Tier.WARNING,
                              f"文字称完成目标 {format_number(item.target.value)}{item.unit}的 {item.rate.text}，按同句所写完成数 "
                              f"{format_number(item.done.value)}{item.unit}应为 {format_number(expected)}%（完成数按位置读取）",
                              statement.location.with_(row="目标完成率"), CAT, expected=format_number(expected),
                              actual=format_number(item.rate.value))
