"""Jurisdiction profiles: defaults are the central rules; local files override; bad keys are refused in Chinese."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from jixiao.core.profile import ProfileError, explain
from jixiao.profiles import available, load_profile


def test_shipped_profiles():
    assert {"central", "hubei", "sichuan", "kunming"} <= set(available())


@pytest.mark.parametrize(("total", "grade"), [("90", "优"), ("89.99", "良"), ("80", "良"), ("79.99", "中"),
                                              ("60", "中"), ("59.99", "差")])
def test_central_grade_bands_lower_bound_inclusive(total, grade):
    assert load_profile("central").grades.grade(D(total)) == grade


def test_hubei_variant():
    hubei = load_profile("hubei")
    assert (hubei.selfeval.execution_weight, hubei.selfeval.partial_band, hubei.grades.grade(D(80))) == (
        D(20), (D("0.5"), D("0.8")), "优")


def test_sichuan_checkpoints_extend_central():
    sichuan = load_profile("sichuan")
    assert sichuan.monitoring.checkpoints == {"4": D(25), "6": D(40), "8": D(60), "10": D(80)}
    assert sichuan.grades == load_profile("central").grades


def test_unknown_key_is_refused(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text('extends = "central"\n[grades]\nsuperb = 95\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"未知的配置项：grades\.superb"):
        load_profile(str(path))


def test_missing_profile_lists_the_available_ones():
    with pytest.raises(ProfileError, match="可用配置"):
        load_profile("atlantis")


def test_every_key_is_documented():
    assert all(doc for _, _, doc, _ in explain(load_profile("central")))
