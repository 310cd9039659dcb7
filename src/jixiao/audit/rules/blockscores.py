"""总分与各部分得分 — a total score stated in prose against the scores it lists for the first-level blocks."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.rules.prose import paragraphs
from jixiao.core.blockscores import BlockScores, block_scores
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import format_number, printed_exponent
from jixiao.core.statements import Statement

CAT = "绩效评价"
HALF = Decimal("0.5")


def _tolerance(item: BlockScores) -> Decimal:
    """尾数误差: half a unit of its printed precision for each number printed coarser than the finest one (a score
    printed '18分' beside '17.5分' may be a rounded 18.4); numbers printed alike are compared exactly."""
    numbers = [item.total.text, *(b.text for b in item.blocks)]
    finest = min(printed_exponent(n) for n in numbers)
    return sum((HALF * Decimal(1).scaleb(e) for e in map(printed_exponent, numbers) if e > finest), Decimal(0))


@rule("prose.block_scores", "文字所写总分与决策、过程、产出、效益各部分得分之和不符", Tier.ERROR, CAT, "SPEC §1.6, §2.1",
      "prose")
def block_scores_sum(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“综合得分86.5分，其中决策指标得分18分，过程指标得分17.5分，产出指标得分33分，效益指标得分18分”：同一段写出一个
    总分和决策、过程、产出、效益四类一级指标各自的得分（各一次，另列满意度等一级指标的一并合计）时，各部分之和须等于总分。
    所列之和大于总分为确定（各部分是总分的组成，得分不为负）；小于总分为疑似（按财预〔2020〕10号的四类一级指标读，
    另有未列出的一级指标时可以不等）；差额在各数印出精度的尾数容差内为提示。同一段写有两个不同的总分（自评与复核）、
    某类重复出现或四类未列全时，配对不明，不比较。“社会效益指标”“服务对象满意度”等是一级指标之内的指标，不计入。"""
    for group in paragraphs(statements):
        item = block_scores(" ".join(s.text for s in group))
        if item is None:
            continue
        ctx.checked(*group)
        got = sum((b.value for b in item.blocks), Decimal(0))
        difference = got - item.total.value
        if difference == 0:
            continue
        listed = "、".join(f"{b.name}{b.text}分" for b in item.blocks)
        if abs(difference) <= _tolerance(item):
            tier, note = Tier.NOTICE, "（尾数误差）"
        elif difference > 0:
            tier, note = Tier.ERROR, ""
        else:
            tier, note = Tier.WARNING, ("（按财预〔2020〕10号决策、过程、产出、效益四类一级指标读；另有未列出的一级指标时可以不等）"
                                        if item.standard_only else "（所列一级指标可能不全）")
        yield Finding("prose.block_scores", tier,
                      f"文字称总分 {item.total.text} 分，所列各部分得分（{listed}）合计 {format_number(got)} 分，"
                      f"相差 {format_number(difference)} 分{note}", group[0].location.with_(row="总分与各部分得分"), CAT,
                      expected=item.total.text, actual=format_number(got), difference=format_number(difference))
