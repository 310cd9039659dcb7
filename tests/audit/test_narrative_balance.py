"""Balance identities and shares stated in a 决算 情况说明 without its tables: 收入总计 = 支出总计, two shares of a
two-part whole printed to add up to 100%, rates worked out on the wrong base. Own wording and figures, reproducing
the phrasing of real explanations."""

from __future__ import annotations

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = """第二部分 2022年度部门决算情况说明
一、收入支出决算总体情况说明
"""

SHARES = HEAD + "本部门2022年度支出合计3000.00万元,其中:基本支出{basic}万元,占{a}%;项目支出{project}万元,占{b}%。\n"


def _hits(findings, rule):
    return [f for f in findings if f.rule == rule]


@pytest.mark.parametrize(("basic", "project", "a", "b", "tiers"), [
    # 2531.28 / 3000 = 84.376 → 84.38 printed truncated as 84.37, the other written as 100 − 84.37 = 15.63 (15.624)
    ("2531.28", "468.72", "84.37", "15.63", [Tier.NOTICE]),
    ("2531.28", "468.72", "84.38", "15.62", []),
    # both wrong beyond a residue, though they add up to 100: two errors, not a residue
    ("2531.28", "468.72", "80.37", "19.63", [Tier.ERROR, Tier.ERROR]),
    # the second off by more than the first's residue allows: still an error of its own
    ("2531.28", "468.72", "84.37", "15.73", [Tier.NOTICE, Tier.ERROR]),
])
def test_complementary_shares_of_a_two_part_whole(tmp_path, basic, project, a, b, tiers):
    _, findings = audit_text(tmp_path, SHARES.format(basic=basic, project=project, a=a, b=b))
    hits = _hits(findings, "narrative.n2_percentages")
    assert sorted(f.tier.value for f in hits) == sorted(t.value for t in tiers)
    if tiers == [Tier.NOTICE]:
        assert "100%" in hits[0].message and hits[0].related
