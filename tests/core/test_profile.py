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


def test_kunming_result_table_overrides_the_10hao_default():
    central, kunming = load_profile("central").results, load_profile("kunming").results
    assert central.max_cut_pct == {"优": D(0), "良": D(0)} and "中" not in central.max_cut_pct
    assert kunming.max_cut_pct == {"优": D(0), "良": D(0), "中": D(10), "差": D(100)}
    assert (kunming.actions["优"], kunming.actions["差"]) == ("重点支持", "取消资金安排")
    assert kunming.rectification_months == central.rectification_months == 2


def test_lifecycle_keys_load_with_their_types():
    sichuan = load_profile("sichuan")
    assert (sichuan.monitoring.period, sichuan.monitoring.checkpoint_colour) == ("month", "red")
    assert sichuan.monitoring.likelihood_colours == {"确定能": "yellow", "有可能": "yellow", "完全不可能": "red"}
    assert load_profile("central").monitoring.central_round_months == 7
    assert load_profile("kunming").review.grade(D("69.99")) == "差"
    assert load_profile("central").review.grade(D("69.99")) == "中"
    assert load_profile("central").exante.grade(D("89.99")) == "良"


def test_every_lifecycle_key_has_a_basis():
    keys = [(key, basis) for key, _, _, basis in explain(load_profile("central"))
            if key.startswith(("monitoring.", "review.", "exante.", "results."))]
    assert len(keys) >= 23 and all(basis.startswith("SPEC") for _, basis in keys)


def test_docs_profiles_md_is_generated_from_the_profiles():
    """docs/profiles.md is `jixiao profile --format md`: formulas carry each profile's own numbers."""
    from jixiao.cli.profile import profiles_markdown

    text = profiles_markdown(available())
    assert (Path(__file__).resolve().parents[2] / "docs" / "profiles.md").read_text(encoding="utf-8") == text + "\n"
    hubei = text.split("（`hubei`）")[1].split("## ")[0]
    assert "min(执行数 ÷ 全年预算数, 1) × 20" in hubei and "部分达成 50%（含）–80%" in hubei and "优 ≥ 80" in hubei
    assert "4月底 25%" in text.split("（`sichuan`）")[1].split("## ")[0]
