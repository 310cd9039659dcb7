"""Metamorphic testing of the readers: consistent documents of this project's own wording, and transformations that
keep their meaning (punctuation widths, thousands separators, trailing zeros, Traditional characters, letter-spaced
headers, page chrome, page footers with the header repeated, other text carriers, the amounts in 元, zero printed
another way, wrapped lines, CRLF, other spaces). What jixiao reads and finds must not change under any of them.

A document is a list of blocks as in tests/carriers.py — ('p', text, level) | ('t', rows, options) — with three
additions: an amount cell is a `Money` string (a blank one too, where the amount is zero or nothing), a row may be a
`Line` (a line of page chrome printed inside the table's text, such as a page footer), and options may say which rows
are header rows (`headers`, default the first `header_rows`), that the table's amounts are in 万元 (`wan`), that its
blank amounts are zeros (`zeros`, a 决算/预算 table; a form's blank cell is not 0), and that a page break inside it
repeats its header (`repeat`, default True).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from tests.builders import consistent_package
from tests.carriers import package_blocks, selfeval_blocks

Block = tuple


class Money(str):
    """A cell holding an amount (or the blank of one)."""

    __slots__ = ()


class Line(str):
    """A line of page chrome printed among a table's rows."""

    __slots__ = ()


@dataclass(frozen=True)
class Doc:
    name: str
    blocks: list[Block]
    fault: list[Block]  # the same document with one planted fault
    carrier: str = "tab"  # how its tables are printed: tab | pipe | cells | blank
    units: bool = True  # every amount carries its unit in words (万元): the 元 transform applies


# ---------------------------------------------------------------------------------------------- documents

M = Money


def _t(rows: list[list[str]], header_rows: int = 1, **options: object) -> Block:
    return ("t", rows, {"header_rows": header_rows, **options})


_DECIMAL = re.compile(r"^-?[\d,]+\.\d+$")
_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?$")


def _header_count(rows: list[list[str]]) -> int:
    """Leading rows holding no figure but a column numbering (栏次, 1 2 3 …)."""
    count = 0
    for row in rows:
        if re.match(r"^[一二三四五六七八九十]+、", row[0]):
            break  # a section of the table ('一、政府采购情况'), not its header
        numbers = [c for c in row if _NUMBER.match(c)]
        numbering = "栏次" in row or (all(c.isdigit() for c in numbers)
                                     and [int(c) for c in numbers] == list(range(1, len(numbers) + 1)))
        if numbers and not numbering:
            break
        count += 1
    return count


_COUNT_ROW = re.compile(r"[（(](?:辆|台|套|个|人|平方米)[)）]\s*$")


def _marked(rows: list[list[str]], header_rows: int) -> list[list[str]]:
    """Cells in data rows of a column that prints an amount (a figure with decimals or separators) marked Money:
    its figures and its blanks. A row counting things (its label in 辆, 台 …, and the rows numbered under it) holds
    no amount."""
    width = max(len(r) for r in rows)
    money = {c for r in rows[header_rows:] for c in range(len(r))
             if c < len(r) and (_DECIMAL.match(r[c]) or ("," in r[c] and _NUMBER.match(r[c])))}
    out = [list(r) for r in rows]
    counted = False  # under a row counting things ('（一）车辆数合计（辆）'): its numbered rows count them too
    for r in out[header_rows:]:
        if r and (_COUNT_ROW.search(r[0]) or re.match(r"^[（(][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+、", r[0])):
            counted = bool(_COUNT_ROW.search(r[0]))
        if counted:
            continue  # counts, not amounts: no transformation of money applies to them
        if not any(_NUMBER.match(c) for c in r):
            continue  # a section row ('一、政府采购情况'): no amount in it
        for c in range(min(width, len(r))):
            if c in money and (not r[c] or _NUMBER.match(r[c])):
                r[c] = Money(r[c])
    return out


def _with_money(blocks: list[Block], wan: bool = True, zeros: bool = True) -> list[Block]:
    """Blocks written without Money marks, marked: every table's amount columns, 万元 when its caption says so."""
    out: list[Block] = []
    unit = ""
    for block in blocks:
        if block[0] == "p":
            if "单位" in block[1] and ("万元" in block[1] or "元" in block[1]):
                unit = "万元" if "万元" in block[1] else "元"
            out.append(block)
            continue
        rows, options = block[1], dict(block[2])
        header_rows = options.get("header_rows") or _header_count(rows)
        form = any(cell in ("资金来源", "一级指标") for row in rows[:2] for cell in row)
        options.update(header_rows=header_rows, wan=wan and unit == "万元" and not form,
                       zeros=zeros and not form)
        out.append(("t", _marked(rows, header_rows), options))
    return out


def blocks_of_text(text: str) -> list[Block]:
    """A text in the seed form (rows as tab-separated lines) as blocks: each run of lines holding a tab is a table."""
    blocks: list[Block] = []
    rows: list[list[str]] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            width = max(len(r) for r in rows)
            blocks.append(_t([r + [""] * (width - len(r)) for r in rows], 0))
            rows = []
        if line.strip():
            blocks.append(("p", line, 0))
    return blocks


def _replace_cell(blocks: list[Block], old_row: list[str], column: int, value: str) -> list[Block]:
    out = []
    for block in blocks:
        if block[0] == "t":
            rows = [list(r) for r in block[1]]
            for r in rows:
                if r[:len(old_row)] == old_row:
                    r[column] = type(r[column])(value)
            block = ("t", rows, block[2])
        out.append(block)
    return out


def _replace_text(blocks: list[Block], old: str, new: str) -> list[Block]:
    assert any(b[0] == "p" and old in b[1] for b in blocks), old
    return [("p", b[1].replace(old, new), b[2]) if b[0] == "p" else b for b in blocks]


UNIT_SANGONG = "示例县农机服务站"


def sangong_blocks() -> list[Block]:
    """A lone 三公 section: the explanation in prose (total, completion, change, items, counts), then its table."""
    return [
        ("p", f"{UNIT_SANGONG}2023年度财政拨款“三公”经费支出决算情况说明", 1),
        ("p", "2023年度本单位财政拨款“三公”经费支出决算12.60万元，完成全年预算15.00万元的84.00%，比上年减少1.40万元，"
              "下降10.00%，主要原因是严格控制公务活动。", 0),
        ("p", "其中：因公出国（境）费支出0万元，与上年持平；公务用车购置及运行维护费支出9.80万元，完成全年预算的89.09%，"
              "其中公务用车购置费0万元，公务用车运行维护费9.80万元，主要用于下乡指导农机作业的车辆燃油、维修和保险；"
              "公务接待费支出2.80万元，完成全年预算的70.00%，主要用于接待上级部门农机安全检查。", 0),
        ("p", "2023年末本单位财政拨款开支的公务用车保有量2辆；国内公务接待15批次，共120人次。", 0),
        ("p", "财政拨款“三公”经费支出决算表", 0),
        ("p", "单位：万元", 0),
        _t([["项目", "预算数", "决算数"],
            ["合计", M("15.00"), M("12.60")],
            ["因公出国（境）费", M("0.00"), M("0.00")],
            ["公务用车购置及运行维护费", M("11.00"), M("9.80")],
            ["其中：公务用车购置费", M("0.00"), M("0.00")],
            ["公务用车运行维护费", M("11.00"), M("9.80")],
            ["公务接待费", M("4.00"), M("2.80")]], wan=True, zeros=True),
    ]


UNIT_EXPLANATION = "示例县统计局"


def explanation_blocks() -> list[Block]:
    """A 情况说明 page: totals, income and expenditure with their shares, the general budget's share."""
    return [
        ("p", f"{UNIT_EXPLANATION}2023年度部门决算情况说明", 1),
        ("p", "一、收入支出决算总体情况说明", 2),
        ("p", "2023年度收入总计486.50万元，支出总计486.50万元。与上年相比，收入、支出总计各增加36.50万元，增长8.11%，"
              "主要原因是人员经费增加。", 0),
        ("p", "二、收入决算情况说明", 2),
        ("p", "2023年度本年收入合计470.30万元，其中：财政拨款收入452.10万元，占96.13%；其他收入18.20万元，占3.87%。", 0),
        ("p", "三、支出决算情况说明", 2),
        ("p", "2023年度本年支出合计475.80万元，其中：基本支出398.60万元，占83.77%；项目支出77.20万元，占16.23%。", 0),
        ("p", "四、一般公共预算财政拨款支出决算情况说明", 2),
        ("p", "2023年度一般公共预算财政拨款支出452.10万元，占本年支出合计的95.02%。", 0),
    ]


UNIT_FORM = "示例县公路养护中心"


def form_cells_blocks() -> list[Block]:
    """A 项目支出绩效自评表 as a Word table copied out one cell per line: merged cells printed once, so the rows are
    of different widths; figures in 万元 by the 项目资金 cell."""
    return [
        ("p", "项目支出绩效自评表", 1),
        ("p", "（2023年度）", 0),
        _t([["项目名称", "农村公路日常养护补助"],
            ["主管部门", "示例县交通运输局", "实施单位", UNIT_FORM],
            ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", M("120"), M("120"), M("114"), "10", "95%", "9.5"],
            ["其中：当年财政拨款", M("120"), M("120"), M("114"), "—", "—", "—"],
            ["上年结转资金", M(""), M(""), M(""), "—", "—", "—"],
            ["其他资金", M(""), M(""), M(""), "—", "—", "—"],
            ["年度总体目标", "预期目标", "实际完成情况"],
            ["完成农村公路日常养护80公里，路面完好率不低于85%。", "完成日常养护82公里，路面完好率88%。"],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            ["产出指标", "数量指标", "日常养护里程", "≥80公里", "82公里", "20", "20", ""],
            ["质量指标", "路面完好率", "≥85%", "88%", "10", "10", ""],
            ["时效指标", "养护任务完成时间", "2023年12月底前", "达成预期指标", "10", "10", ""],
            ["成本指标", "每公里养护成本", "≤1.5万元", "1.39万元", "10", "10", ""],
            ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "达成预期指标", "30", "29", "雨季个别路段通行受影响，下年加强排水养护"],
            ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "92%", "10", "10", ""],
            ["总分", "100", "98.5"]], 0, headers={2, 9}, repeat=False, wan=True),
        ("p", "自评结论：项目按计划完成，自评得分98.5分，等级为优。", 0),
    ]


UNIT_OVERALL = "示例县科学技术协会"


def overall_blocks() -> list[Block]:
    """A 部门整体支出绩效自评报告 in paragraphs: the budget and its execution, the parts' points and scores, the total
    and the grade."""
    return [
        ("p", f"{UNIT_OVERALL}2023年度部门整体支出绩效自评报告", 1),
        ("p", "一、部门基本情况", 2),
        ("p", f"{UNIT_OVERALL}主要职责是组织开展全县科学普及工作，承担科技工作者服务等事项。", 0),
        ("p", "二、预算执行情况", 2),
        ("p", "2023年度部门预算总金额186.40万元，其中：基本支出142.30万元，项目支出44.10万元。全年执行数181.20万元，"
              "预算执行率为97.21%。", 0),
        ("p", "三、绩效自评结论", 2),
        ("p", "按照部门整体支出绩效评价指标体系，本单位从预算执行（20分）、产出（40分）、效益（30分）、满意度（10分）四个方面"
              "开展自评，分别得分19.44分、38分、28分、9分，自评总分为94.44分，自评等级为“优”。", 0),
    ]


UNIT_BUDGET = "示例县图书馆"


def budget_blocks() -> list[Block]:
    """A 预算公开: its 部门收支总表 in 万元 and the explanation of the totals and the budget's parts."""
    return [
        ("p", f"{UNIT_BUDGET}2024年部门预算公开", 1),
        ("p", "一、部门收支总表", 2),
        ("p", "单位：万元", 0),
        _t([["收入", "", "支出", ""],
            ["项目", "预算数", "项目", "预算数"],
            ["一、一般公共预算拨款收入", M("268.50"), "一、文化旅游体育与传媒支出", M("231.70")],
            ["二、政府性基金预算拨款收入", M(""), "二、社会保障和就业支出", M("22.40")],
            ["三、事业收入", M("12.00"), "三、卫生健康支出", M("11.60")],
            ["四、其他收入", M(""), "四、住房保障支出", M("14.80")],
            ["本年收入合计", M("280.50"), "本年支出合计", M("280.50")],
            ["上年结转结余", M(""), "结转下年", M("")],
            ["收入总计", M("280.50"), "支出总计", M("280.50")]], 2, wan=True, zeros=True),
        ("p", "二、收支预算总体情况说明", 2),
        ("p", "2024年收入总预算280.50万元，支出总预算280.50万元。与上年相比，收、支总预算各增加15.50万元，增长5.85%，"
              "主要原因是新增馆藏数字化项目。", 0),
        ("p", "三、支出预算情况说明", 2),
        ("p", "2024年支出预算280.50万元，其中：基本支出236.20万元，占84.21%；项目支出44.30万元，占15.79%。", 0),
    ]


def carriers_package(fault: bool = False) -> list[Block]:
    return _with_money(package_blocks(fault=fault))


def carriers_form() -> list[Block]:
    return _with_money(selfeval_blocks(), wan=False, zeros=False)


@cache
def documents() -> dict[str, Doc]:
    builders = _with_money(blocks_of_text(consistent_package()))
    docs = [
        Doc("package", carriers_package(), carriers_package(fault=True)),
        Doc("form", carriers_form(), _replace_text(carriers_form(), "总得分 98.5 分", "总得分 96.5 分"), units=False),
        Doc("builders", builders, _replace_text(builders, "基本支出300.00万元，占比20.00%", "基本支出300.00万元，占比21.00%")),
        Doc("sangong", sangong_blocks(), _replace_text(sangong_blocks(), "的70.00%", "的75.00%")),
        Doc("explanation", explanation_blocks(), _replace_text(explanation_blocks(), "占3.87%", "占3.97%")),
        Doc("form_cells", form_cells_blocks(), _replace_cell(form_cells_blocks(), ["效益指标"], 6, "27"),
            carrier="cells"),
        Doc("overall", overall_blocks(), _replace_text(overall_blocks(), "预算执行率为97.21%", "预算执行率为95.21%")),
        Doc("budget", budget_blocks(), _replace_cell(budget_blocks(), ["四、其他收入"], 3, "15.80")),
    ]
    return {d.name: d for d in docs}


# ---------------------------------------------------------------------------------------------- writers


def write_tab(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if block[0] == "p":
            lines += [block[1], ""]
            continue
        lines += [row if isinstance(row, Line) else "\t".join(row) for row in block[1]]
        lines.append("")
    return "\n".join(lines)


def write_pipe(blocks: list[Block]) -> str:
    """Rows as a web page's text keeps them: 'a | b | | c |'."""
    lines: list[str] = []
    for block in blocks:
        if block[0] == "p":
            lines += [block[1], ""]
            continue
        lines += [row if isinstance(row, Line) else " | ".join(row) + " |" for row in block[1]]
        lines.append("")
    return "\n".join(lines)


def write_cells(blocks: list[Block]) -> str:
    """One cell per line ending in ' |', an empty cell a lone '|'; row ends are lost."""
    lines: list[str] = []
    for block in blocks:
        if block[0] == "p":
            lines.append(block[1])
            continue
        for row in block[1]:
            lines += [row] if isinstance(row, Line) else [f"{cell} |" if cell else "|" for cell in row]
    return "\n".join(lines) + "\n"


def write_blank(blocks: list[Block]) -> str:
    """One cell per line, a blank line between cells, an empty cell a line of one space."""
    lines: list[str] = []
    for block in blocks:
        if block[0] == "p":
            lines += [block[1], ""]
            continue
        for row in block[1]:
            lines += [row, ""] if isinstance(row, Line) else [x for cell in row for x in (cell or " ", "")]
    return "\n".join(lines)


WRITERS: dict[str, Callable[[list[Block]], str]] = {"tab": write_tab, "pipe": write_pipe, "cells": write_cells,
                                                    "blank": write_blank}


# ---------------------------------------------------------------------------------------------- transforms


def _map_text(blocks: list[Block], fn: Callable[[str, str], str]) -> list[Block]:
    """fn(text, what) on every paragraph ('p'), header cell ('h'), label cell ('c') and amount cell ('m')."""
    out: list[Block] = []
    for block in blocks:
        if block[0] == "p":
            out.append(("p", fn(block[1], "p"), block[2]))
            continue
        options = block[2]
        headers = options.get("headers", set(range(options["header_rows"])))
        rows = []
        for r, row in enumerate(block[1]):
            if isinstance(row, Line):
                rows.append(row)
                continue
            what = "h" if r in headers else "c"
            rows.append([Money(fn(c, "m")) if isinstance(c, Money) else fn(c, what) for c in row])
        out.append(("t", rows, options))
    return out


_FULL = "：，（）％；"
_HALF = ":,()%;"


def ascii_punctuation(blocks: list[Block]) -> list[Block]:
    return _map_text(blocks, lambda s, w: s.translate(str.maketrans(_FULL, _HALF)))


def fullwidth_punctuation(blocks: list[Block]) -> list[Block]:
    """ASCII : , ( ) % ; as full-width — a comma between digits stays a thousands separator."""
    def convert(s: str, what: str) -> str:
        if what == "m":
            return s
        s = re.sub(r",(?!\d{3})", "，", s)
        return s.translate(str.maketrans(":();%", "：（）；％"))
    return _map_text(blocks, convert)


def _group(number: str) -> str:
    whole, dot, frac = number.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-").replace(",", "")
    return sign + f"{int(whole):,}" + dot + frac


_MONEY_IN_TEXT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)(?=\s*(?:万元|元|亿元))")


def thousands(blocks: list[Block]) -> list[Block]:
    """Thousands separators on every amount of 1,000 or more, in cells and in sentences."""
    def convert(s: str, what: str) -> str:
        if what == "m":
            return _group(s) if _NUMBER.match(s) else s
        return _MONEY_IN_TEXT.sub(lambda m: _group(m.group(1)), s)
    return _map_text(blocks, convert)


def no_thousands(blocks: list[Block]) -> list[Block]:
    return _map_text(blocks, lambda s, w: re.sub(r"(?<=\d),(?=\d{3})", "", s))


def _strip(number: str) -> str:
    """One decimal at least: 12.30 → 12.3, 4.00 → 4.0 (a precision the checks must still see as exact enough)."""
    whole, dot, frac = number.partition(".")
    return f"{whole}.{frac.rstrip('0') or '0'}" if dot else number


_PERCENT_OR_MONEY = re.compile(r"(?<![\d.,])(\d[\d,]*\.\d*0)(?=\s*(?:万元|元|亿元|%|％))")


def strip_zeros(blocks: list[Block]) -> list[Block]:
    """Trailing zeros dropped from amounts and percentages down to one decimal (12.30 → 12.3, 84.00% → 84.0%)."""
    def convert(s: str, what: str) -> str:
        if what == "m":
            return _strip(s) if _NUMBER.match(s) else s
        return _PERCENT_OR_MONEY.sub(lambda m: _strip(m.group(1)), s)
    return _map_text(blocks, convert)


def pad_zeros(blocks: list[Block]) -> list[Block]:
    """Amounts printed with two decimals (120 → 120.00, 12.3 → 12.30): exact figures only, so never a percentage."""
    def pad(number: str) -> str:
        whole, _, frac = number.partition(".")
        return f"{whole}.{frac:0<2}" if len(frac) < 2 else number
    return _map_text(blocks, lambda s, w: pad(s) if w == "m" and _NUMBER.match(s) else s)


@cache
def _s2t():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("s2t")


def traditional(blocks: list[Block]) -> list[Block]:
    return _map_text(blocks, lambda s, w: _s2t().convert(s))


_SPACED = re.compile(r"^[\u4e00-\u9fff]{2,5}$")


def spaced_headers(blocks: list[Block]) -> list[Block]:
    """Header words and the 合计/总计 labels letter-spaced: '预 算 数', '合 计'."""
    def convert(s: str, what: str) -> str:
        if (what == "h" and _SPACED.match(s)) or (what == "c" and s in ("合计", "总计", "小计")):
            return " ".join(s)
        return s
    return _map_text(blocks, convert)


PREAMBLE = ["首页 > 信息公开 > 财政预决算", "字号：[ 大 中 小 ]  打印  关闭窗口", "索引号：11510000MB0000000A/2024-00031",
            "发布机构：示例县人民政府办公室", "发布日期：2024-06-18", "浏览次数：1234"]


def preamble(blocks: list[Block]) -> list[Block]:
    return [("p", line, 0) for line in PREAMBLE] + blocks


def _footer(text: str) -> Callable[[list[Block]], list[Block]]:
    def transform(blocks: list[Block]) -> list[Block]:
        """A page footer inside every table of four data rows or more, after half its rows, and (unless a form) the
        header printed again on the next page."""
        out: list[Block] = []
        for block in blocks:
            if block[0] == "t":
                rows, options = block[1], block[2]
                first = options["header_rows"]
                if len(rows) - first >= 4:
                    cut = first + (len(rows) - first) // 2
                    again = [list(r) for r in rows[:first]] if options.get("repeat", True) else []
                    block = ("t", [*rows[:cut], Line(text), *again, *rows[cut:]], options)
            out.append(block)
        return out
    return transform


_WAN_IN_TEXT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)(\s*)万元")


def _times_wan(number: str) -> str:
    grouped = "," in number
    value = Decimal(number.replace(",", "")) * 10000
    text = f"{value:f}"
    return _group(text) if grouped else text


def in_yuan(blocks: list[Block]) -> list[Block]:
    """The whole document in 元: every 万元 amount × 10 000 (as many decimals printed), every 万元 word 元."""
    out: list[Block] = []
    for block in blocks:
        if block[0] == "t" and block[2].get("wan"):
            block = ("t", [row if isinstance(row, Line) else
                           [Money(_times_wan(c)) if isinstance(c, Money) and _NUMBER.match(c) else c for c in row]
                           for row in block[1]], block[2])
        out.append(block)

    def words(s: str, what: str) -> str:
        if what == "m":
            return s
        return _WAN_IN_TEXT.sub(lambda m: _times_wan(m.group(1)) + m.group(2) + "元", s).replace("万元", "元")
    return _map_text(out, words)


def _zero(text: str) -> Callable[[list[Block]], list[Block]]:
    def transform(blocks: list[Block]) -> list[Block]:
        """Every zero or blank amount of a 决算/预算 table printed as `text`."""
        out: list[Block] = []
        for block in blocks:
            if block[0] == "t" and block[2].get("zeros"):
                rows = [row if isinstance(row, Line) else
                        [Money(text) if isinstance(c, Money) and (not c or Decimal(c.replace(",", "")) == 0) else c
                         for c in row] for row in block[1]]
                block = ("t", rows, block[2])
            out.append(block)
        return out
    return transform


def _split_at(s: str, middle: int) -> int:
    """A place near `middle` between two Han characters, outside brackets."""
    for delta in range(len(s)):
        for i in (middle + delta, middle - delta):
            if 0 < i < len(s) and re.match(r"[\u4e00-\u9fff]", s[i - 1]) and re.match(r"[\u4e00-\u9fff]", s[i]) \
                    and s[:i].count("（") + s[:i].count("(") == s[:i].count("）") + s[:i].count(")"):
                return i
    return -1


def wrap_headers(blocks: list[Block]) -> list[Block]:
    """A line break inside every header cell of six characters or more (a web page's cell wrapped)."""
    def convert(s: str, what: str) -> str:
        if what != "h" or len(s) < 6:
            return s
        i = _split_at(s, len(s) // 2)
        return s if i < 0 else s[:i] + "\n" + s[i:]
    return _map_text(blocks, convert)


def wrap_sentences(blocks: list[Block]) -> list[Block]:
    """Paragraphs hard-wrapped at thirty characters, as a PDF or a text viewer breaks them (between two words)."""
    def convert(s: str, what: str) -> str:
        if what != "p":
            return s
        lines = []
        while len(s) > WIDTH:
            i = _split_at(s[:WIDTH + 1], WIDTH)
            i = i if i > WIDTH // 2 else WIDTH
            lines.append(s[:i])
            s = s[i:]
        return "\n".join([*lines, s])
    return _map_text(blocks, convert)


WIDTH = 30


def wrap_units(blocks: list[Block]) -> list[Block]:
    """A line break between the first amount of every paragraph and its unit (a PDF line ending there)."""
    return _map_text(blocks, lambda s, w: re.sub(r"(?<=\d)(?=万元|元)", "\n", s, count=1) if w == "p" else s)


def indent(blocks: list[Block]) -> list[Block]:
    """Paragraphs indented by two full-width spaces, as Chinese documents print them (a markdown heading is not)."""
    return _map_text(blocks, lambda s, w: "\u3000\u3000" + s if w == "p" and not s.startswith("#") else s)


def nbsp(blocks: list[Block]) -> list[Block]:
    """Spaces as non-breaking spaces, and an empty cell as one (a web page's &nbsp;)."""
    return _map_text(blocks, lambda s, w: (s.replace(" ", "\u00a0") or "\u00a0") if w != "p" else
                     s.replace(" ", "\u00a0"))


@dataclass(frozen=True)
class Transform:
    name: str
    blocks: tuple[Callable[[list[Block]], list[Block]], ...] = ()
    carrier: str = ""  # '' keeps the document's own
    crlf: bool = False
    yuan: bool = False  # the amounts are in 元: the tables' units read 元
    needs_units: bool = False  # applies only to documents whose amounts carry their unit


def _one(name: str, fn: Callable[[list[Block]], list[Block]], **kw: object) -> Transform:
    return Transform(name, (fn,), **kw)  # type: ignore[arg-type]


TRANSFORMS: list[Transform] = [
    _one("ascii_punct", ascii_punctuation),
    _one("fullwidth_punct", fullwidth_punctuation),
    _one("thousands", thousands),
    _one("no_thousands", no_thousands),
    _one("strip_zeros", strip_zeros),
    _one("pad_zeros", pad_zeros),
    _one("traditional", traditional),
    _one("spaced_headers", spaced_headers),
    _one("preamble", preamble),
    _one("footer_pages", _footer("第 3 页 共 12 页")),
    _one("footer_dash", _footer("- 3 -")),
    Transform("tab"), Transform("pipe", carrier="pipe"), Transform("cells", carrier="cells"),
    Transform("blank", carrier="blank"),
    _one("yuan", in_yuan, yuan=True, needs_units=True),
    _one("zero_dot", _zero("0.00")), _one("zero_int", _zero("0")), _one("zero_dash", _zero("-")),
    _one("zero_blank", _zero("")),
    _one("wrap_headers", wrap_headers),
    _one("wrap_sentences", wrap_sentences),
    _one("wrap_units", wrap_units),
    Transform("crlf", crlf=True),
    _one("indent", indent),
    _one("nbsp", nbsp),
    Transform("combo_web", (ascii_punctuation, thousands, preamble, _footer("第 3 页 共 12 页")), carrier="pipe"),
    Transform("combo_traditional", (traditional, spaced_headers, wrap_headers), carrier="cells"),
    Transform("combo_yuan", (in_yuan, strip_zeros, _zero("-"), nbsp), yuan=True, needs_units=True, crlf=True),
    Transform("combo_pdf", (fullwidth_punctuation, wrap_sentences, indent, _footer("- 3 -")), carrier="blank"),
    Transform("cells_spaced_headers", (spaced_headers,), carrier="cells"),
    Transform("cells_wrapped_headers", (wrap_headers,), carrier="cells"),
    Transform("cells_footer", (_footer("第 3 页 共 12 页"),), carrier="cells"),
    Transform("blank_footer", (_footer("- 3 -"),), carrier="blank"),
    Transform("pipe_footer", (_footer("第 3 页 共 12 页"),), carrier="pipe"),
]


def applies(doc: Doc, transform: Transform) -> bool:
    return (not transform.needs_units or doc.units) and transform.carrier != doc.carrier \
        and not (transform.name == "tab" and doc.carrier == "tab")


def render(doc: Doc, transform: Transform | None = None, fault: bool = False) -> str:
    blocks = doc.fault if fault else doc.blocks
    carrier = doc.carrier
    if transform is not None:
        for fn in transform.blocks:
            blocks = fn(blocks)
        carrier = transform.carrier or ("tab" if transform.name == "tab" else doc.carrier)
    text = WRITERS[carrier](blocks)
    return text.replace("\n", "\r\n") if transform is not None and transform.crlf else text


# ---------------------------------------------------------------------------------------------- what was read

_PUNCT = str.maketrans("：，（）％；", ":,()%;")


def norm(text: str) -> str:
    """A label as compared: no spaces of any kind, ASCII punctuation."""
    return re.sub(r"\s", "", str(text).translate(_PUNCT))


def _value(value) -> object:  # type: ignore[no-untyped-def]
    if value is None:
        return None
    money = value.unit in ("元", "万元", "亿元")
    return (str(value.operator), value.in_unit("元") if money else value.number, "" if money else norm(value.unit),
            str(value.attainment), norm(value.text) if value.number is None and value.attainment is None else "")


@dataclass
class Reading:
    """Everything compared between a document and its transform."""

    identity: tuple = ()
    errors: list = field(default_factory=list)
    tables: dict = field(default_factory=dict)
    claims: list = field(default_factory=list)
    evaluations: list = field(default_factory=list)
    other: tuple = ()
    outcomes: list = field(default_factory=list)
    findings: list = field(default_factory=list)


def reading(doc, result, yuan: bool = False) -> Reading:  # type: ignore[no-untyped-def]
    """What jixiao read and found; `yuan`: the tables' printed units as a document in 元 prints them."""
    out = Reading(identity=(doc.kind.value, norm(doc.unit), doc.year))
    out.errors = sorted((e.location.table, norm(e.location.row), e.location.column) for e in doc.problems)
    pkg = doc.disclosure
    if pkg is not None:
        for code, table in pkg.tables.items():
            unit = "元" if yuan and table.unit == "万元" else table.unit
            rows = [(r.side, r.code, norm(r.label), r.line_no,
                     {k: a.value for k, a in r.cells.items() if a.value != 0}) for r in table.rows]
            out.tables[code] = (unit, table.columns, rows, tuple(norm(u) for u in table.unmapped))
        out.claims = sorted((c.subject, c.scope, c.measure, c.value, c.basis, c.negated)
                            for s in pkg.narrative for c in s.claims if c.measure != "figure")  # no check reads it
        performance = pkg.performance
        out.other += (pkg.stage, pkg.ends_inside, len(pkg.comparisons),
                      None if performance is None else (performance.projects, performance.amount,
                                                        performance.grades))
    for s in doc.statements:
        out.claims += sorted((c.subject, c.scope, c.measure, c.value, c.basis) for c in s.claims)
    for se in doc.self_evaluations:
        project = (norm(se.project.name), norm(se.project.unit.name) if se.project.unit else "",
                   norm(se.project.department.name) if se.project.department else "", se.scope, se.year)
        budget = [(norm(b.source), b.level, b.initial, b.adjusted, b.executed, b.reported_rate, b.reported_score)
                  for b in se.budget_lines]
        indicators = [(i.level1, norm(i.level2), norm(i.name), _value(i.initial_target), _value(i.adjusted_target),
                       _value(i.actual), i.weight, i.reported_score, norm(i.deviation_reason))
                      for i in se.goal.indicators]
        reported = se.reported
        total = reported.form_total
        out.evaluations.append((project, budget, indicators, reported.execution_score, reported.indicator_score,
                                reported.total, reported.grade,
                                None if total is None else (total.score, total.points),
                                [(c.block, c.full_marks, c.score, c.rate) for c in reported.block_claims]))
    out.other += (len(doc.goal_forms), len(doc.key_evaluations), len(doc.results), len(doc.monitoring_forms),
                  [(norm(o.title), len(o.parts)) for o in doc.score_outlines])
    out.outcomes = sorted((o.rule, norm(o.subject), o.status.value) for o in result.outcomes)
    out.findings = sorted(finding_key(f) for f in result.findings)
    return out


def finding_key(f) -> tuple:  # type: ignore[no-untyped-def]
    loc = f.location
    return f.rule, f.tier.value, norm(loc.section), loc.table, norm(loc.project), norm(loc.row), loc.column
