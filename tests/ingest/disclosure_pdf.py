"""A 部门决算公开 PDF of our own numbers in the layouts district budget systems export (issue 11).

Layout switches reproduce what real exports do: the first column's header stacked as 项目 over 支出功能分类 and a
narrow 项目支出 column whose header wraps inside its cell; codes printed in three columns 类 | 款 | 项 (with the
类/款 cells left blank below their first row, or repeated); two-sided tables with and without 行次; amounts
headed “（万元）” in the column header instead of a caption; a table continued over two pages with its header
repeated; blank, 0.00 and “-” cells; thousands separators; a cover and titles with the unit's name.

`expected()` gives the numbers written, in 万元 as Decimal, so a test compares what was read with what was printed.
`faults` replaces printed cells: {("D09", "budget_car_operation"): "9.50"}.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

UNIT_NAME = "东湖区城市管理综合执法局"
YEAR = 2023
D = Decimal
ZERO = D(0)

# Function classification, 类/款/项, with names.
NAMES = {
    "201": "一般公共服务支出", "20101": "人大事务", "2010101": "行政运行", "2010102": "一般行政管理事务",
    "20103": "政府办公厅（室）及相关机构事务", "2010350": "事业运行",
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出", "2080505": "机关事业单位基本养老保险缴费支出",
    "210": "卫生健康支出", "21011": "行政事业单位医疗", "2101101": "行政单位医疗",
    "212": "城乡社区支出", "21208": "国有土地使用权出让收入安排的支出", "2120801": "征地和拆迁补偿支出",
    "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金",
}
# Leaves: code → (basic, project, fund type); general = 一般公共预算, fund = 政府性基金.
LEAVES = {
    "2010101": (D("320.00"), ZERO, "general"), "2010102": (ZERO, D("85.50"), "general"),
    "2010350": (D("45.20"), ZERO, "general"), "2080505": (D("38.40"), ZERO, "general"),
    "2101101": (D("16.30"), ZERO, "general"), "2120801": (ZERO, D("1250.00"), "fund"),
    "2210201": (D("29.60"), ZERO, "general"),
}
# Economic classification of the general-budget basic spending (公开06).
ECONOMIC = {
    "30101": ("基本工资", D("180.00")), "30102": ("津贴补贴", D("95.00")),
    "30108": ("机关事业单位基本养老保险缴费", D("38.40")), "30110": ("职工基本医疗保险缴费", D("16.30")),
    "30113": ("住房公积金", D("29.60")), "30302": ("退休费", D("12.00")),
    "30201": ("办公费", D("40.00")), "30211": ("差旅费", D("18.20")), "30217": ("公务接待费", D("2.00")),
    "30231": ("公务用车运行维护费", D("8.00")), "30299": ("其他商品和服务支出", D("10.00")),
}
ECONOMIC_CLASSES = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"}
SANGONG = {"budget": (D("12.00"), ZERO, D("9.00"), ZERO, D("9.00"), D("3.00")),
           "final": (D("10.00"), ZERO, D("8.00"), ZERO, D("8.00"), D("2.00"))}
SANGONG_KEYS = ("total", "overseas", "car", "car_purchase", "car_operation", "reception")
CLASS_ROWS = [("201", "一般公共服务支出"), ("208", "社会保障和就业支出"), ("210", "卫生健康支出"),
              ("212", "城乡社区支出"), ("221", "住房保障支出")]


@dataclass(frozen=True)
class Layout:
    codes: str = "split_inherit"  # single | split | split_inherit | spaced ('201 01 01') | merged (split_inherit
    # under one 科目编码 cell over the three columns, no 类/款/项 row)
    line_numbers: bool = False  # 行次 columns in 公开01/04
    unit: str = "万元"  # 元: every amount printed in yuan (×10,000)
    unit_in_header: bool = False  # “（万元）” in the column headers, no 单位 caption
    continued: bool = True  # 公开03 runs over two pages with its header repeated
    narrative_pages: int = 0  # filler pages of 情况说明 (for the bench)
    rules: str = "grid"  # grid: every cell ruled | three_line: 三线表, no vertical lines | none: no lines at all
    centred_head: bool = False  # header cells (and the 栏次 row) centred, as spreadsheet exports print them
    # --- layout variations of the metamorphic PDF tests (the defaults print as above)
    continued_head: str = "repeat"  # repeat: header repeated on the next page | none: rows go on bare | label: 续表
    column_numbers: bool = True  # the 栏次 row (栏次 1 2 3 …) under the header of coded tables and 公开09
    unit_place: str = "caption"  # caption: 编制单位 left, 单位 right on one line | own_line: 单位 right on a line of
    # its own | table_line: 单位 right on the 公开NN表 line | header_box: 单位 in the table's first ruled row
    page: str = "landscape"  # landscape | portrait
    footer: str = "page"  # page: 第 3 页 | page_of: 第 3 页 共 25 页 | none
    zero: str = "mixed"  # how zero amounts print: mixed (blank, 0.00 and - by turns) | blank | 0.00 | -
    thousands: bool = True  # 1,250.00 or 1250.00
    wrap_all: bool = False  # every amount header wrapped inside its cell (本年支 / 出合计)
    cut: bool = False  # the table pages too narrow: the last columns lie beyond the page edge, not printed
    faults: dict[tuple[str, str], str] = field(default_factory=dict)


def fmt(value: Decimal, unit: str = "万元", thousands: bool = True) -> str:
    scaled = value * (10000 if unit == "元" else 1)
    return f"{scaled:,.2f}" if thousands else f"{scaled:.2f}"


def _sum(codes: Iterable[str], part: str, fund: str | None = None) -> Decimal:
    total = ZERO
    for code in codes:
        basic, project, kind = LEAVES[code]
        if fund and kind != fund:
            continue
        total += {"basic": basic, "project": project, "total": basic + project}[part]
    return total


def _under(prefix: str, fund: str | None = None) -> list[str]:
    return [c for c, (_, _, kind) in LEAVES.items() if c.startswith(prefix) and (fund is None or kind == fund)]


def tree(fund: str | None = None) -> list[str]:
    """Codes with spending (of `fund`), in 类/款/项 order."""
    return [c for c in sorted(NAMES) if _under(c, fund)]


def expected() -> dict[str, dict[str, dict[str, Decimal]]]:
    """Table → row (code or label) → column → 万元, the non-empty cells as printed."""
    out: dict[str, dict[str, dict[str, Decimal]]] = {}
    general, fund = _sum(LEAVES, "total", "general"), _sum(LEAVES, "total", "fund")
    spent = general + fund
    out["D01"] = {"一般公共预算财政拨款收入": {"amount": general}, "政府性基金预算财政拨款收入": {"amount": fund},
                  "本年收入合计": {"amount": spent}, "总计": {"amount": spent}, "本年支出合计": {"amount": spent}}
    for code, name in CLASS_ROWS:
        out["D01"][name] = {"amount": _sum(_under(code), "total")}
    out["D02"] = {c: {"total": _sum(_under(c), "total"), "fiscal": _sum(_under(c), "total")} for c in tree()}
    out["D02"]["合计"] = {"total": spent, "fiscal": spent}
    out["D03"] = {c: {k: v for k in ("total", "basic", "project") if (v := _sum(_under(c), k))} for c in tree()}
    out["D03"]["合计"] = {k: _sum(LEAVES, k) for k in ("total", "basic", "project")}
    out["D05"] = {c: {k: v for k in ("total", "basic", "project") if (v := _sum(_under(c, "general"), k, "general"))}
                  for c in tree("general")}
    out["D05"]["合计"] = {k: _sum(LEAVES, k, "general") for k in ("total", "basic", "project")}
    out["D07"] = {c: {"income": _sum(_under(c, "fund"), "total"), "total": _sum(_under(c, "fund"), "total"),
                      "project": _sum(_under(c, "fund"), "project")} for c in tree("fund")}
    out["D06"] = {c: {"amount": v} for c, (_, v) in ECONOMIC.items()}
    for c in ECONOMIC_CLASSES:
        out["D06"][c] = {"amount": sum((v for k, (_, v) in ECONOMIC.items() if k.startswith(c)), ZERO)}
    out["D09"] = {"三公经费": {f"{side}_{k}": v for side, values in SANGONG.items()
                           for k, v in zip(SANGONG_KEYS, values, strict=True) if v}}
    return out


# ----------------------------------------------------------------------------------------------- HTML

STYLE = """
@page { size: A4 landscape; margin: 1.5cm 1.2cm; @bottom-center { content: "第 " counter(page) " 页"; font-size: 8pt; } }
.caption.own { justify-content: flex-end; }
tr.box td { border-left: none; border-right: none; border-top: none; text-align: right; }
body { font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif; font-size: 9pt; }
.cover { page-break-after: always; text-align: center; padding-top: 5cm; }
.cover h1 { font-size: 26pt; } .cover h2 { font-size: 20pt; }
h3 { text-align: center; font-size: 14pt; margin: 0 0 4pt; }
.sheet { page-break-before: always; }
.caption { display: flex; justify-content: space-between; margin: 2pt 0; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
td, th { border: 0.75pt solid #000; padding: 1.5pt 3pt; font-size: 8.5pt; font-weight: normal; }
td.n { text-align: right; } th.narrow { width: 3.2em; }
tr.brk { break-before: page; }
p { text-indent: 2em; line-height: 1.7; margin: 3pt 0; }
"""

RULES = {
    "grid": "",
    "three_line": "td, th { border: none; } table { border-top: 1.2pt solid #000; border-bottom: 1.2pt solid #000; }"
                  " thead tr:last-child th, thead tr:last-child td { border-bottom: 0.75pt solid #000; }",
    "none": "td, th { border: none; padding: 1.5pt 6pt; }",
}

CENTRED = "thead th, thead td { text-align: center; }"


def _cell(text: str, tag: str = "td", cls: str = "", span: tuple[int, int] = (1, 1)) -> str:
    attrs = f' class="{cls}"' if cls else ""
    attrs += f' colspan="{span[0]}"' if span[0] > 1 else ""
    attrs += f' rowspan="{span[1]}"' if span[1] > 1 else ""
    inner = "<br>".join(html.escape(part) for part in text.split("\n"))
    return f"<{tag}{attrs}>{inner}</{tag}>"


class _Sheet:
    """One table page: title, 公开NN表, 编制单位 and 单位 captions, the header and the body."""

    def __init__(self, layout: Layout, code: str, title: str) -> None:
        self.layout, self.code, self.title = layout, code, title
        self.head: list[str] = []
        self.body: list[str] = []
        self.width = 0  # columns of the grid (for a row spanning them all)
        self.break_at = 0  # the body row starting the next page (0: none)

    def money(self, column: str, row: str, value: Decimal | None, empty: str = "") -> str:
        text = self.layout.faults.get((self.code, f"{row}.{column}"))
        if text is None:
            zero = empty if self.layout.zero == "mixed" else self.layout.zero
            text = fmt(value, self.layout.unit, self.layout.thousands) if value else zero
        return _cell(text, cls="n")

    def html(self) -> str:
        layout = self.layout
        unit = "" if layout.unit_in_header else f"<span>单位：{layout.unit}</span>"
        place = layout.unit_place if unit else "caption"
        number = f"<span>公开{self.code[1:]}表</span>"
        lines = [f'<div class="caption"><span></span>{number}{unit if place == "table_line" else ""}</div>',
                 f"<div class=\"caption\"><span>编制单位：{UNIT_NAME}</span>{unit if place == 'caption' else ''}</div>"]
        if place == "own_line":
            lines.append(f'<div class="caption own">{unit}</div>')
        box = (f'<tr class="box"><td colspan="{self.width}">单位：{layout.unit}</td></tr>'
               if place == "header_box" and self.width else "")
        if place == "header_box" and not box:
            lines[1] = lines[1].replace("</div>", f"{unit}</div>")
        head = box + "".join(self.head)
        body = self.body
        tables = [(head, body)]
        if self.break_at and layout.continued_head != "repeat":
            first, rest = body[:self.break_at], [r.replace(' class="brk"', "") for r in body[self.break_at:]]
            tables = [(head, first), (head if layout.continued_head == "label" else "", rest)]
        out = f'<div class="sheet"><h3>{html.escape(self.title)}</h3>{"".join(lines)}'
        for index, (top, rows) in enumerate(tables):
            if index:
                out += '<div style="break-before: page"></div>'
                if layout.continued_head == "label":
                    out += f'<div class="caption"><span>{html.escape(self.title)}（续表）</span>{number}</div>'
            out += f"<table><thead>{top}</thead><tbody>{''.join(rows)}</tbody></table>"
        return out + "</div>"


def _wrap(label: str) -> str:
    if "\n" in label or len(label) < 4:
        return label
    return f"{label[:len(label) // 2 + 1]}\n{label[len(label) // 2 + 1:]}"


def _unit(layout: Layout, label: str) -> str:
    if layout.wrap_all:
        label = _wrap(label)
    return f"{label}\n（{layout.unit}）" if layout.unit_in_header else label


def _code_cells(layout: Layout, code: str, previous: str) -> str:
    """The code cells of a coded row: one 7-digit column, or 类 | 款 | 项 (blank when inherited)."""
    if layout.codes == "single":
        return _cell(code)
    if layout.codes == "spaced":
        return _cell(" ".join(p for p in (code[:3], code[3:5], code[5:7]) if p))
    parts = [code[:3], code[3:5], code[5:7]]
    if layout.codes in ("split_inherit", "merged"):
        same = [previous[:3] == code[:3], previous[:5] == code[:5] and len(code) > 5]
        parts = [p if not (i < 2 and same[i] and len(code) > 3 + 2 * i) else "" for i, p in enumerate(parts)]
    return "".join(_cell(p) for p in parts)


def _coded_head(layout: Layout, amounts: list[tuple[str, list[str]]]) -> list[str]:
    """项目 stacked over 支出功能分类 (科目编码 | 科目名称); amount groups with sub-columns (a wrapped 项目支出)."""
    code_cols = 1 if layout.codes in ("single", "spaced") else 3
    depth = 3 if code_cols == 3 and layout.codes != "merged" else 2
    rows = [[_cell("项目", "th", span=(code_cols + 1, 1))], [], []]
    rows[1].append(_cell("支出功能分类\n科目编码", "th", span=(code_cols, 1)))
    rows[1].append(_cell("科目名称", "th", span=(1, depth - 1)))
    if depth == 3:
        rows[2] += [_cell(x, "th") for x in ("类", "款", "项")]
    for label, subs in amounts:
        if subs:
            rows[0].append(_cell(_unit(layout, label), "th", span=(len(subs), 1)))
            rows[1] += [_cell(_wrap(s) if layout.wrap_all else s, "th", "narrow" if s.startswith("项目支") else "",
                              span=(1, depth - 1)) for s in subs]
        else:
            rows[0].append(_cell(_unit(layout, label), "th", "narrow" if label.startswith("项目支") else "",
                                 span=(1, depth)))
    width = sum(max(1, len(s)) for _, s in amounts)
    numbers = _cell("栏次", span=(code_cols + 1, 1)) + "".join(_cell(str(i)) for i in range(1, width + 1))
    return [f"<tr>{''.join(r)}</tr>" for r in rows if r] + ([f"<tr>{numbers}</tr>"] if layout.column_numbers else [])


def _coded_table(layout: Layout, code: str, title: str, amounts: list[tuple[str, list[str]]],
                 columns: list[str], rows: list[tuple[str, dict[str, Decimal]]], break_at: int = 0) -> _Sheet:
    sheet = _Sheet(layout, code, title)
    sheet.head = _coded_head(layout, amounts)
    code_cols = 1 if layout.codes in ("single", "spaced") else 3
    sheet.width, sheet.break_at = code_cols + 1 + len(columns), break_at
    previous = ""
    empties = ("", "0.00", "-")
    for index, (key, values) in enumerate(rows):
        css = ' class="brk"' if break_at and index == break_at else ""
        if key == "合计":
            lead = _cell("合计", span=(code_cols + 1, 1))
        else:
            lead = _code_cells(layout, key, previous) + _cell(NAMES[key])
            previous = key
        cells = "".join(sheet.money(c, key, values.get(c), empties[(index + i) % 3]) for i, c in enumerate(columns))
        sheet.body.append(f"<tr{css}>{lead}{cells}</tr>")
    return sheet


def _d01(layout: Layout) -> _Sheet:
    sheet = _Sheet(layout, "D01", "收入支出决算总表")
    sheet.width = 6 if layout.line_numbers else 4
    e = expected()["D01"]
    amount = _unit(layout, "决算数")
    if layout.line_numbers:
        sheet.head = ["<tr>" + _cell("收入", "th", span=(3, 1)) + _cell("支出", "th", span=(3, 1)) + "</tr>",
                      "<tr>" + "".join(_cell(x, "th") for x in ("项目", "行次", amount) * 2) + "</tr>",
                      "<tr>" + "".join(_cell(x) for x in ("栏次", "", "1", "栏次", "", "2")) + "</tr>"][
                         :3 if layout.column_numbers else 2]
    else:
        sheet.head = ["<tr>" + _cell("收入", "th", span=(2, 1)) + _cell("支出", "th", span=(2, 1)) + "</tr>",
                      "<tr>" + "".join(_cell(x, "th") for x in ("项目", amount) * 2) + "</tr>"]
    income = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
              "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"]
    expenditure = [f"{n}、{name}" for n, (_, name) in zip("一二三四五", CLASS_ROWS, strict=True)]
    lines = [(income[i] if i < len(income) else "", expenditure[i] if i < len(expenditure) else "")
             for i in range(8)]
    lines += [("本年收入合计", "本年支出合计"), ("使用非财政拨款结余（含专用结余）", "结余分配"),
              ("年初结转和结余", "年末结转和结余"), ("总计", "总计")]

    def value(label: str, side: str) -> str:
        plain = label.split("、")[-1]
        if not plain:  # a line with no item on this side prints no amount, whatever zeros look like
            return _cell("")
        return sheet.money("amount", f"{side}.{plain}", e.get(plain, {}).get("amount") if plain else None,
                           "0.00" if plain and side == "income" else "")

    for number, (left, right) in enumerate(lines, start=1):
        if layout.line_numbers:
            cells = [_cell(left), _cell(str(number)), value(left, "income"), _cell(right),
                     _cell(str(number + 40)), value(right, "expenditure")]
        else:
            cells = [_cell(left), value(left, "income"), _cell(right), value(right, "expenditure")]
        sheet.body.append(f"<tr>{''.join(cells)}</tr>")
    return sheet


def _d04(layout: Layout) -> _Sheet:
    sheet = _Sheet(layout, "D04", "财政拨款收入支出决算总表")
    right = ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    left_cols = 3 if layout.line_numbers else 2
    right_lead = 2 if layout.line_numbers else 1
    sheet.width = left_cols + right_lead + 4
    sheet.head = ["<tr>" + _cell("收入", "th", span=(left_cols, 1)) + _cell("支出", "th", span=(right_lead + 4, 1))
                  + "</tr>",
                  "<tr>" + _cell("项目", "th", span=(1, 2)) + (_cell("行次", "th", span=(1, 2)) if layout.line_numbers
                                                             else "")
                  + _cell(_unit(layout, "金额"), "th", span=(1, 2)) + _cell("项目", "th", span=(1, 2))
                  + (_cell("行次", "th", span=(1, 2)) if layout.line_numbers else "")
                  + _cell(_unit(layout, "决算数"), "th", span=(4, 1)) + "</tr>",
                  "<tr>" + "".join(_cell(x, "th") for x in right) + "</tr>"]
    general, fund = _sum(LEAVES, "total", "general"), _sum(LEAVES, "total", "fund")
    income = [("一、一般公共预算财政拨款", general), ("二、政府性基金预算财政拨款", fund), ("三、国有资本经营预算财政拨款", ZERO)]
    lines: list[tuple[str, Decimal | None, str, list[Decimal | None]]] = []
    for i, (code, name) in enumerate(CLASS_ROWS):
        left = income[i] if i < len(income) else ("", None)
        g, f = _sum(_under(code), "total", "general"), _sum(_under(code), "total", "fund")
        lines.append((left[0], left[1], name, [g + f, g, f, ZERO]))
    lines += [("本年收入合计", general + fund, "本年支出合计", [general + fund, general, fund, ZERO]),
              ("年初财政拨款结转和结余", None, "年末财政拨款结转和结余", [None] * 4),
              ("总计", general + fund, "总计", [general + fund, general, fund, ZERO])]
    for number, (left, lvalue, rlabel, values) in enumerate(lines, start=1):
        cells = [_cell(left)] + ([_cell(str(number))] if layout.line_numbers else [])
        cells.append(sheet.money("amount", left, lvalue, "-") if left else _cell(""))
        cells.append(_cell(rlabel))
        if layout.line_numbers:
            cells.append(_cell(str(number + 30)))
        cells += [sheet.money(k, rlabel, v, "-") for k, v in zip(("total", "general", "fund", "state_capital"),
                                                                   values, strict=True)]
        sheet.body.append(f"<tr>{''.join(cells)}</tr>")
    return sheet


def _d06(layout: Layout) -> _Sheet:
    sheet = _Sheet(layout, "D06", "一般公共预算财政拨款基本支出决算明细表")
    sheet.width = 6
    amount = _unit(layout, "决算数")
    sheet.head = ["<tr>" + _cell("人员经费", "th", span=(3, 1)) + _cell("公用经费", "th", span=(3, 1)) + "</tr>",
                  "<tr>" + "".join(_cell(x, "th") for x in ("科目编码", "科目名称", amount) * 2) + "</tr>"]
    e = expected()["D06"]
    people = [c for c in sorted(e) if c[:3] in ("301", "303")]
    public = [c for c in sorted(e) if c[:3] == "302"]
    for i in range(max(len(people), len(public))):
        cells = ""
        for side in (people, public):
            if i < len(side):
                c = side[i]
                name = ECONOMIC_CLASSES.get(c) or ECONOMIC[c][0]
                cells += _cell(c) + _cell(name) + sheet.money("amount", c, e[c]["amount"])
            else:
                cells += _cell("") * 3
        sheet.body.append(f"<tr>{cells}</tr>")
    personnel = e["301"]["amount"] + e["303"]["amount"]
    sheet.body.append("<tr>" + _cell("人员经费合计", span=(2, 1)) + sheet.money("amount", "人员经费合计", personnel)
                      + _cell("公用经费合计", span=(2, 1)) + sheet.money("amount", "公用经费合计", e["302"]["amount"])
                      + "</tr>")
    return sheet


def _d09(layout: Layout) -> _Sheet:
    sheet = _Sheet(layout, "D09", "财政拨款“三公”经费支出决算表")
    sheet.width = 12
    items = "".join(_cell(x, "th", span=s) for x, s in (("合计", (1, 2)), ("因公出国（境）费", (1, 2)),
                                                       ("公务用车购置及运行维护费", (3, 1)), ("公务接待费", (1, 2))))
    sheet.head = ["<tr>" + _cell(_unit(layout, "预算数"), "th", span=(6, 1))
                  + _cell(_unit(layout, "决算数"), "th", span=(6, 1)) + "</tr>",
                  f"<tr>{items * 2}</tr>",
                  "<tr>" + "".join(_cell(x, "th") for x in ("小计", "购置费", "运行维护费") * 2) + "</tr>",
                  "<tr>" + "".join(_cell(str(i)) for i in range(1, 13)) + "</tr>"][:4 if layout.column_numbers else 3]
    cells = "".join(sheet.money(f"{side}_{k}", "三公经费", v, "0.00") for side, values in SANGONG.items()
                    for k, v in zip(SANGONG_KEYS, values, strict=True))
    sheet.body.append(f"<tr>{cells}</tr>")
    return sheet


def _d10(layout: Layout) -> _Sheet:
    sheet = _Sheet(layout, "D10", "部门决算公开相关信息统计表")
    sheet.width = 3
    sheet.head = ["<tr>" + "".join(_cell(x, "th") for x in ("项目", "行次", "统计数")) + "</tr>"]
    rows = [("一、政府采购情况", "", ""), ("合计", "1", "96.50"), ("货物", "2", "30.50"),
            ("工程", "3", "-"), ("服务", "4", "66.00"), ("二、机关运行经费", "", ""),
            ("（一）行政单位", "5", "78.20"), ("（二）参照公务员法管理事业单位", "6", ""),
            ("三、国有资产占用情况", "", ""), ("（一）车辆数合计（辆）", "7", "2"), ("1. 主要负责人用车", "8", ""),
            ("2. 机要通信用车", "9", "1"), ("3. 其他用车", "10", "1")]
    for label, number, value in rows:
        value = sheet.layout.faults.get(("D10", f"{label}.amount"), value)
        sheet.body.append("<tr>" + _cell(label) + _cell(number) + _cell(value, cls="n") + "</tr>")
    return sheet


NARRATIVE = ("本部门{y}年度收入总计{t}万元，支出总计{t}万元。与上年相比，收支总计各增加，主要原因是本年度城市更新项目增加。"
             "本部门按照预算法和财政部门的要求，认真做好部门决算编制工作，决算数据真实、准确、完整，"
             "各项支出严格按照批复的预算执行，未发生超预算、无预算支出的情况。")


def html_document(layout: Layout) -> str:
    e = expected()
    spent = e["D01"]["本年支出合计"]["amount"]
    general = _sum(LEAVES, "total", "general")
    d03_rows = [("合计", e["D03"]["合计"])] + [(c, e["D03"][c]) for c in tree()]
    sheets = [
        _d01(layout),
        _coded_table(layout, "D02", "收入决算表",
                     [("本年收入合计", []), ("财政拨款收入", []), ("上级补助收入", []), ("事业收入", []), ("经营收入", []),
                      ("附属单位上缴收入", []), ("其他收入", [])],
                     ["total", "fiscal", "upper", "business", "operating", "subsidiary", "other"],
                     [("合计", e["D02"]["合计"])] + [(c, e["D02"][c]) for c in tree()]),
        _coded_table(layout, "D03", "支出决算表",
                     [("本年支出合计", []), ("基本支出", []), ("项目支\n出", []), ("上缴上级支出", []), ("经营支出", []),
                      ("对附属单位补助支出", [])],
                     ["total", "basic", "project", "upper", "operating", "subsidiary"], d03_rows,
                     break_at=len(d03_rows) // 2 if layout.continued else 0),
        _d04(layout),
        _coded_table(layout, "D05", "一般公共预算财政拨款支出决算表", [("本年支出", ["小计", "基本支出", "项目支\n出"])],
                     ["total", "basic", "project"],
                     [("合计", e["D05"]["合计"])] + [(c, e["D05"][c]) for c in tree("general")]),
        _d06(layout),
        _coded_table(layout, "D07", "政府性基金预算财政拨款收入支出决算表",
                     [("年初结转和结余", []), ("本年收入", []), ("本年支出", ["小计", "基本支出", "项目支\n出"]),
                      ("年末结转和结余", [])],
                     ["opening", "income", "total", "basic", "project", "closing"],
                     [("合计", {"income": d, "total": d, "project": d})
                      for d in [_sum(LEAVES, "total", "fund")]] + [(c, e["D07"][c]) for c in tree("fund")]),
        _coded_table(layout, "D08", "国有资本经营预算财政拨款支出决算表", [("本年支出", ["合计", "基本支出", "项目支\n出"])],
                     ["total", "basic", "project"], [("合计", {})]),
        _d09(layout),
        _d10(layout),
    ]
    parts = [f'<div class="cover"><h1>{UNIT_NAME}</h1><h2>{YEAR}年度部门决算</h2></div>',
             f"<h3>{UNIT_NAME}{YEAR}年度部门决算</h3><p>目录</p>"]
    parts += [f"<p>公开{s.code[1:]}表 {s.title}……{i + 3}</p>" for i, s in enumerate(sheets)]
    parts.append('<div class="sheet"><h3>第二部分 部门决算表</h3></div>')
    parts += [s.html() + ("<p>说明：本表无数据。</p>" if s.code == "D08" else "") for s in sheets]
    parts.append('<div class="sheet"><h3>第三部分 部门决算情况说明</h3>')
    for page in range(layout.narrative_pages):
        parts.append(f"<h3>补充说明（{page + 1}）</h3>")
        parts += [f"<p>{NARRATIVE.format(y=YEAR, t=fmt(spent))}一般公共预算财政拨款支出{fmt(general)}万元。</p>"] * 9
    parts.append("</div>")
    style = STYLE + RULES[layout.rules] + (CENTRED if layout.centred_head else "")
    footer = {"page": "", "none": "@page { @bottom-center { content: none; } }",
              "page_of": '@page { @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; } }'}
    style += footer[layout.footer]
    if layout.page == "portrait":
        style += "@page { size: A4 portrait; }"
    if layout.cut:  # each table as wide as a landscape page, printed on a portrait one: its right part is off
        style += "@page { size: A4 portrait; } table { width: 26cm; min-width: 26cm; }"
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><style>{style}</style></head>'
            f"<body>{''.join(parts)}</body></html>")


def write_pdf(path: Path, layout: Layout | None = None) -> Path:
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    layout = layout or Layout()
    HTML(string=html_document(layout)).write_pdf(str(path))
    if layout.cut:
        _drop_off_page_text(path)
    return path


def _drop_off_page_text(path: Path) -> None:
    """Remove the text drawn beyond the page's right edge, as a system printing to a fixed page leaves it out;
    the ruling lines stay, running into the edge."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    pdf = pypdfium2.PdfDocument(str(path))
    for page in pdf:
        width = page.get_width()
        gone = [obj for obj in page.get_objects(max_depth=1)
                if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT and obj.get_bounds()[2] > width - 2]
        for obj in gone:
            page.remove_obj(obj)
        if gone:
            page.gen_content()
    pdf.save(str(path) + ".tmp")
    pdf.close()
    Path(str(path) + ".tmp").replace(path)
