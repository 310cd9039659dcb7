"""`jixiao profile [NAME] --explain` and `jixiao profile --format md`: the jurisdiction profiles, their keys,
values and basis, and the scoring formulas with each profile's numbers (docs/profiles.md is this output)."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

import typer
from rich.table import Table

from jixiao.cli import app
from jixiao.cli.common import console, fail
from jixiao.core.profile import Profile, ProfileError, explain
from jixiao.profiles import available, load_profile


class Format(StrEnum):
    TABLE = "table"
    MD = "md"


PERIODS = {"quarter": "按季度", "month": "按月", "central": "集中监控（1 月至第 {months} 月）"}


def _pct(ratio: Decimal) -> str:
    return f"{(ratio * 100).normalize():f}%"


def _value(value: object) -> str:
    if isinstance(value, dict):
        return "；".join(f"{k}：{v}" for k, v in value.items()) or "（无）"
    if isinstance(value, tuple):
        return "–".join(str(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def formulas_markdown(p: Profile) -> list[str]:
    """The scoring formulas of one profile, with its own weights, bands and thresholds."""
    s, g = p.selfeval, p.grades
    lo_a, hi_a = s.achieved_band
    lo_p, hi_p = s.partial_band
    lo_n, hi_n = s.not_achieved_band
    strict = "实际值恰等于目标值时不算满足“>”“<”（提示）" if s.strict_inequality else "“>”“<”按“≥”“≤”计分"
    m = p.monitoring
    checkpoints = "、".join(f"{k}月底 {v}%" for k, v in m.checkpoints.items())
    cut = "；".join(f"{k} 最多扣减 {v}%" for k, v in p.results.max_cut_pct.items())
    return [
        f"## {p.title}（`{p.name}`）", "",
        "**单位自评（100 分）**", "",
        f"- 总分 = 预算执行率得分（{s.execution_weight} 分）+ 产出（{s.output_weight}）+ 效益（{s.benefit_weight}）"
        f"+ 满意度（{s.satisfaction_weight}）指标得分；无满意度指标时其分值并入产出、效益。",
        f"- 预算执行率 = 全年执行数 ÷ 全年预算数 × 100%；得分 = min(执行数 ÷ 全年预算数, 1) × {s.execution_weight}，"
        "四舍五入到 2 位小数；全年预算数为 0 时不计算执行率，得 0 分并提示。",
        "- 正向指标（≥、>、=）：实际值 ≥ 目标值得满分，否则 实际值 ÷ 目标值 × 权重；"
        f"反向指标（≤、<）：实际值 ≤ 目标值得满分，目标值 < 实际值 < 2×目标值 得 (2 − 实际值 ÷ 目标值) × 权重，否则 0 分；"
        f"区间指标：区间内满分，低于下限按正向、高于上限按反向计分；目标值为 0 时实际值为 0 得满分，否则 0 分；{strict}。",
        f"- 实际值 ÷ 目标值 ≥ {s.over_achievement_ratio} 时须说明偏差原因（目标可能偏低）。",
        f"- 定性指标得分区间（占权重）：达成 {_pct(lo_a)}–{_pct(hi_a)}（含）；部分达成 {_pct(lo_p)}（含）–{_pct(hi_p)}；"
        f"未达成 {_pct(lo_n)}–{_pct(hi_n)}。",
        f"- 等次（总分四舍五入到 2 位小数后比较，下限含）：优 ≥ {g.excellent}，良 ≥ {g.good}，中 ≥ {g.fair}，差 < {g.fair}。",
        f"- 填报得分与规则得分相差超过 {s.score_tolerance} 分视为不一致。", "",
        "**绩效目标审核、事前评估**", "",
        f"- 审核等次：优 ≥ {p.review.excellent}，良 ≥ {p.review.good}，中 ≥ {p.review.fair}。",
        f"- 事前评估：{'、'.join(f'{k} {v} 分' for k, v in p.exante.dimensions.items())}；"
        f"≥ {p.exante.support_min} 支持，≥ {p.exante.adjust_min} 调整后支持，否则不予支持。", "",
        "**运行监控**", "",
        f"- 周期：{PERIODS.get(m.period, m.period).format(months=m.central_round_months)}；执行率落后时间进度超过 {m.lag_tolerance} 个百分点黄色预警，超过 {m.red_lag} 个百分点红色预警；"
        f"目标完成进度与执行进度相差超过 {m.gap_points} 个百分点预警"
        + (f"；检查点：{checkpoints}（低于检查点为{'红色' if m.checkpoint_colour == 'red' else '黄色'}预警）" if checkpoints else "")
        + "。", "",
        "**结果应用**", "",
        f"- {'；'.join(f'{k}：{v}' for k, v in p.results.actions.items())}。",
        f"- 下年预算扣减上限：{cut or '不设固定比例'}；整改反馈期限 {p.results.rectification_months} 个月。", "",
        "**决算公开尾数误差**", "",
        f"- 每个相加项允许 {p.tolerance.per_term} 个打印精度单位，最多 {p.tolerance.cap} 个单位；在此之内的差异为“提示”，超出为“确定”。", "",
    ]


def profiles_markdown(names: list[str]) -> str:
    profiles = [load_profile(n) for n in names]
    lines = ["# jixiao 地区配置与计分公式", "",
             "由 `jixiao profile --format md` 从 src/jixiao/profiles/*.toml 生成。每条规则的阈值都来自配置，"
             "不写死在规则里；自定义配置见文末。", ""]
    for p in profiles:
        lines += formulas_markdown(p)
    lines += ["## 全部配置项", "", "| 配置项 | 说明 | 依据 | " + " | ".join(p.name for p in profiles) + " |",
              "|---|---|---|" + "---|" * len(profiles)]
    rows = [list(explain(p)) for p in profiles]
    for i, (key, _value0, doc, basis) in enumerate(rows[0]):
        cells = [_value(r[i][1]).replace("|", "\\|") for r in rows]
        lines.append(f"| `{key}` | {doc} | {basis} | " + " | ".join(cells) + " |")
    lines += ["", "## 自定义配置", "",
              "新建一个 .toml 文件，写 `extends = \"central\"`（或其他配置名），只列出与之不同的配置项；"
              "用 `jixiao score --profile 路径.toml` 或环境变量 JIXIAO_PROFILE 启用。未知的配置项或类型不对的值会被拒绝并说明原因。", ""]
    return "\n".join(lines)


@app.command("profile")
def profile_command(
    name: str = typer.Argument("central", help="配置名称或 .toml 路径"),
    explain_keys: bool = typer.Option(False, "--explain", help="列出每个配置项及其说明"),
    output: Format = typer.Option(Format.TABLE, "--format", "-f", help="table 或 md（全部配置与计分公式）"),
) -> None:
    """显示地区配置（阈值、权重、等次）。"""
    if output is Format.MD:
        typer.echo(profiles_markdown(available()))
        return
    try:
        profile = load_profile(name)
    except ProfileError as exc:
        fail(str(exc))
    if not explain_keys:
        console.print(f"{profile.name}：{profile.title}（可用：{'、'.join(available())}）")
        return
    table = Table(title=f"配置 {profile.name}：{profile.title}")
    for column in ("配置项", "取值", "说明", "依据"):
        table.add_column(column)
    for key, value, doc, basis in explain(profile):
        table.add_row(key, str(value), doc, basis)
    console.print(table)
