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

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.rules.prose import paragraphs
from jixiao.core.claims import GRADES, Band, grade_name, stated_bands, stated_score_and_grade
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import round_half_up
from jixiao.core.profile import Grades
from jixiao.core.statements import Statement

CAT = "绩效评价"


def _fmt(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def band_text(band: Band) -> str:
    """'中(70-80分' → '中(70-80分)': a band as the document wrote it, its bracket closed."""
    text = band.text
    opened = text.count("(") + text.count("（") - text.count(")") - text.count("）")
    return text + ")" * max(opened, 0)


def profile_bands(grades: Grades) -> str:
    return f"优≥{_fmt(grades.excellent)}、良≥{_fmt(grades.good)}、中≥{_fmt(grades.fair)}"


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
