"""The 部门决算公开 package computed from ledger data: tables 公开01–10 and the 情况说明 written from the numbers.

Every figure is derived from the ledger (never typed); percentages follow SPEC §7.4 (占比, 同比 with the prior
year — amount only when the prior year is zero, 下降100% when this year is zero — and 完成年初预算). Each
reason the unit must supply is a visible slot 【请填写…】.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from jixiao.core.ledger import Ledger, SangongItem, Spending
from jixiao.core.model import FundType
from jixiao.core.money import format_amount
from jixiao.render.blocks import Block, Grid, Heading, Para

ZERO = Decimal(0)
REASON = "【请填写原因】"
NOTE_ROUNDING = "注：本套报表金额单位转换时可能存在尾数误差。"
CLASS_LIST = [
    ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"), ("205", "教育支出"),
    ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"), ("210", "卫生健康支出"),
    ("211", "节能环保支出"), ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"), ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("222", "粮油物资储备支出"), ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"), ("229", "其他支出"), ("231", "债务还本支出"), ("232", "债务付息支出"),
    ("234", "抗疫特别国债安排的支出"),
]
PERSONNEL = ("301", "303")


def w(value: Decimal) -> str:
    """万元, two decimals, no separators (table cells); empty for zero."""
    return "" if value == 0 else format_amount(value, "万元", separators=False)


def ws(value: Decimal) -> str:
    """万元 with separators for sentences ('24,557.16'); '0' for zero."""
    return "0" if value == 0 else format_amount(value, "万元")


def pct(part: Decimal, whole: Decimal) -> str:
    return format_amount(part / whole * 100, separators=False) if whole else "0.00"


def _sum(lines: Iterable[Spending]) -> Decimal:
    return sum((s.amount for s in lines), ZERO)


def _tree(ledger: Ledger, lines: list[Spending]) -> list[tuple[str, str, list[Spending]]]:
    """(code, name, lines) for every 类/款/项 that has spending, in code order."""
    codes: dict[str, list[Spending]] = defaultdict(list)
    for line in lines:
        for length in (3, 5, 7):
            codes[line.function_code[:length]].append(line)
    names = {line.function_code: line.function_name for line in lines} | ledger.class_names
    names |= dict(CLASS_LIST)
    return [(code, names.get(code, ""), codes[code]) for code in sorted(codes)]


def _change(current: Decimal, prior: Decimal | None, lead: str) -> str:
    """'与上年相比，X增加A万元，增长P%' and its variants (SPEC §7.4)."""
    if prior is None:
        return ""
    diff = current - prior
    if diff == 0:
        return f"{lead}与上年持平"
    word, rate_word = ("增加", "增长") if diff > 0 else ("减少", "下降")
    text = f"{lead}{word}{ws(abs(diff))}万元"
    if prior > 0:
        text += f"，{rate_word}{pct(abs(diff), prior)}%"
    return text


def build(ledger: Ledger) -> list[Block]:
    """All blocks of the package, in the standard order."""
    y = ledger.year
    lines = list(ledger.spending)
    by_type = {t: [s for s in lines if s.fund_type is t] for t in FundType}
    general, fund, capital = by_type[FundType.GENERAL], by_type[FundType.FUND], by_type[FundType.STATE_CAPITAL]
    spent = _sum(lines)
    other_income = sum(ledger.other_income.values(), ZERO)
    income = _sum(general) + _sum(fund) + _sum(capital) + other_income
    basic, project = _sum(s for s in lines if s.basic), _sum(s for s in lines if not s.basic)
    blocks: list[Block] = [Heading(ledger.department, 1), Heading(f"{y}年度部门决算公开", 2),
                           Para(f"单位性质：{ledger.unit_type}。"), Heading(f"第二部分 {y}年部门决算表", 2)]

    def add(code: str, title: str, rows: list[tuple[str, ...]], notes: tuple[str, ...] = ()) -> None:
        """A table with its standard heading lines (title, 公开NN表, 部门名称, 年度, 金额单位)."""
        blocks.extend([Heading(title, 3), Para(f"公开{code}表"), Para(f"部门名称：{ledger.department}"),
                       Para(f"{y}年度"), Para("金额单位：万元"), Grid(tuple(rows), f"公开{code}", notes)])

    # 公开01 收入支出决算总表
    classes_all = {code: _sum(s for s in lines if s.function_code.startswith(code)) for code, _ in CLASS_LIST}
    income_rows = [("一、一般公共预算财政拨款收入", _sum(general)), ("二、政府性基金预算财政拨款收入", _sum(fund)),
                   ("三、国有资本经营预算财政拨款收入", _sum(capital)),
                   ("四、上级补助收入", ledger.other_income.get("upper", ZERO)),
                   ("五、事业收入", ledger.other_income.get("business", ZERO)),
                   ("六、经营收入", ledger.other_income.get("operating", ZERO)),
                   ("七、附属单位上缴收入", ledger.other_income.get("subsidiary", ZERO)),
                   ("八、其他收入", ledger.other_income.get("other", ZERO))]
    rows: list[tuple[str, ...]] = [("收入", "", "", "支出", "", ""), ("项目", "行次", "金额", "项目", "行次", "金额"),
                                   ("栏次", "1", "1", "栏次", "2", "2")]
    for i, (code, name) in enumerate(CLASS_LIST):
        left = income_rows[i] if i < len(income_rows) else ("", ZERO)
        rows.append((left[0], str(i + 1), w(left[1]), name, str(32 + i), w(classes_all[code])))
    rows += [("本年收入合计", "27", w(income), "本年支出合计", "58", w(spent)),
             ("使用非财政拨款结余(含专用结余)", "28", "", "结余分配", "59", ""),
             ("年初结转和结余", "29", w(ledger.opening_balance), "年末结转和结余", "60", w(ledger.closing_balance)),
             ("总计", "31", w(income + ledger.opening_balance), "总计", "62", w(spent + ledger.closing_balance))]
    add("01", "收入支出决算总表", rows, (NOTE_ROUNDING,))

    # 公开02 收入决算表 (all income is fiscal appropriation here; other income only in the 合计 row)
    tree = _tree(ledger, lines)
    rows = [("项目", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
            ("科目代码", "科目名称", "", "", "", "", "", "", ""), ("栏次", "", "1", "2", "3", "4", "5", "6", "7"),
            ("合计", "", w(spent), w(spent), "", "", "", "", "")]
    rows += [(code, name, w(_sum(group)), w(_sum(group)), "", "", "", "", "") for code, name, group in tree]
    add("02", "收入决算表", rows)

    # 公开03 支出决算表
    rows = [("项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
            ("科目代码", "科目名称", "", "", "", "", "", ""), ("栏次", "", "1", "2", "3", "4", "5", "6"),
            ("合计", "", w(spent), w(basic), w(project), "", "", "")]
    rows += [(code, name, w(_sum(g)), w(_sum(s for s in g if s.basic)), w(_sum(s for s in g if not s.basic)), "", "", "")
             for code, name, g in tree]
    add("03", "支出决算表", rows)

    # 公开04 财政拨款收入支出决算总表
    rows = [("项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
             "国有资本经营预算财政拨款"), ("栏次", "", "1", "栏次", "", "2", "3", "4", "5")]
    fiscal_income = [("一、一般公共预算财政拨款", _sum(general)), ("二、政府性基金预算财政拨款", _sum(fund)),
                     ("三、国有资本经营预算财政拨款", _sum(capital))]
    for i, (code, name) in enumerate(CLASS_LIST):
        left = fiscal_income[i] if i < 3 else ("", ZERO)
        g = _sum(s for s in general if s.function_code.startswith(code))
        f = _sum(s for s in fund if s.function_code.startswith(code))
        c = _sum(s for s in capital if s.function_code.startswith(code))
        rows.append((left[0], str(i + 1), w(left[1]), name, str(33 + i), w(g + f + c), w(g), w(f), w(c)))
    fiscal = _sum(general) + _sum(fund) + _sum(capital)
    rows += [("本年收入合计", "27", w(fiscal), "本年支出合计", "59", w(fiscal), w(_sum(general)), w(_sum(fund)),
              w(_sum(capital))),
             ("年初财政拨款结转和结余", "28", "", "年末财政拨款结转和结余", "60", "", "", "", ""),
             ("总计", "32", w(fiscal), "总计", "64", w(fiscal), w(_sum(general)), w(_sum(fund)), w(_sum(capital)))]
    add("04", "财政拨款收入支出决算总表", rows)

    # 公开05 一般公共预算财政拨款支出决算表
    general_tree = _tree(ledger, general)
    g_basic = _sum(s for s in general if s.basic)
    rows = [("项目", "", "本年支出", "", ""), ("科目代码", "科目名称", "小计", "基本支出", "项目支出"),
            ("栏次", "", "1", "2", "3"), ("合计", "", w(_sum(general)), w(g_basic), w(_sum(general) - g_basic))]
    rows += [(code, name, w(_sum(g)), w(_sum(s for s in g if s.basic)), w(_sum(s for s in g if not s.basic)))
             for code, name, g in general_tree]
    add("05", "一般公共预算财政拨款支出决算表", rows)

    # 公开06 基本支出明细 (economic codes of general-budget basic spending)
    economic: dict[str, Decimal] = defaultdict(Decimal)
    for s in general:
        if s.basic and s.economic_code:
            economic[s.economic_code[:3]] += s.amount
            economic[s.economic_code] += s.amount
    personnel = sum((economic[c] for c in PERSONNEL), ZERO)
    operating = sum((v for c, v in economic.items() if len(c) == 3 and c not in PERSONNEL), ZERO)
    names = ledger.economic_names
    left = [(c, names.get(c, ""), w(v)) for c, v in sorted(economic.items()) if c[:3] in PERSONNEL]
    right = [(c, names.get(c, ""), w(v)) for c, v in sorted(economic.items()) if c[:3] not in PERSONNEL]
    rows = [("人员经费", "", "", "公用经费", "", ""), ("科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数")]
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ("", "", "")
        b = right[i] if i < len(right) else ("", "", "")
        rows.append((*a, *b))
    rows.append(("人员经费合计", "", w(personnel), "公用经费合计", "", w(operating)))
    add("06", "一般公共预算财政拨款基本支出决算明细表", rows)

    # 公开07 政府性基金
    rows = [("项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"),
            ("科目代码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""), ("栏次", "", "1", "2", "3", "4", "5", "6"),
            ("合计", "", "", w(_sum(fund)), w(_sum(fund)), w(_sum(s for s in fund if s.basic)),
             w(_sum(s for s in fund if not s.basic)), "")]
    rows += [(code, name, "", w(_sum(g)), w(_sum(g)), w(_sum(s for s in g if s.basic)),
              w(_sum(s for s in g if not s.basic)), "") for code, name, g in _tree(ledger, fund)]
    add("07", "政府性基金预算财政拨款收入支出决算表", rows)

    # 公开08 国有资本经营
    rows = [("项目", "", "本年支出", "", ""), ("科目代码", "科目名称", "合计", "基本支出", "项目支出"),
            ("栏次", "", "1", "2", "3"), ("合计", "", w(_sum(capital)), w(_sum(s for s in capital if s.basic)),
                                        w(_sum(s for s in capital if not s.basic)))]
    rows += [(code, name, w(_sum(g)), w(_sum(s for s in g if s.basic)), w(_sum(s for s in g if not s.basic)))
             for code, name, g in _tree(ledger, capital)]
    add("08", "国有资本经营预算财政拨款支出决算表", rows)
    if not capital:
        blocks.append(Para("说明：本表无数据"))

    # 公开09 三公
    def sangong_cells(item: SangongItem) -> tuple[str, ...]:
        return (w(item.total), w(item.overseas), w(item.car), w(item.car_purchase), w(item.car_operation),
                w(item.reception))

    rows = [("预算数", "", "", "", "", "", "决算数", "", "", "", "", ""),
            ("合计", "因公出国(境)费", "公务用车购置及运行维护费", "", "", "公务接待费") * 2,
            tuple(str(i) for i in range(1, 13)),
            (*sangong_cells(ledger.sangong_budget), *sangong_cells(ledger.sangong_final))]
    add("09", "财政拨款“三公”经费支出决算表", rows)

    # 公开10 相关信息
    p = ledger.procurement
    procurement_total = sum(p.values(), ZERO)
    admin = w(ledger.admin_cost)
    is_admin = ledger.unit_type in ("行政单位", "参照公务员法管理事业单位")
    vehicle_rows = [(f"{i}. {name}", str(7 + i), str(ledger.vehicles_by_type.get(name, "")) or "")
                    for i, name in enumerate(("副部（省）级及以上领导用车", "主要负责人用车", "机要通信用车", "应急保障用车",
                                               "执法执勤用车", "特种专业技术用车", "离退休干部服务用车", "其他用车"), start=1)]
    rows = [("一、政府采购情况", "", ""), ("项目", "行次", "统计数"), ("合计", "1", w(procurement_total)),
            ("货物", "2", w(p.get("goods", ZERO))), ("工程", "3", w(p.get("works", ZERO))),
            ("服务", "4", w(p.get("services", ZERO))), ("二、机关运行经费", "", ""),
            ("(一) 行政单位", "5", admin if ledger.unit_type == "行政单位" else ""),
            ("(二) 参照公务员法管理事业单位", "6", admin if ledger.unit_type != "行政单位" and is_admin else ""),
            ("三、国有资产占用情况", "", ""), ("（一）车辆数合计（辆）", "7", str(ledger.vehicles) if ledger.vehicles else ""),
            *[(a, b, c if c != "0" else "") for a, b, c in vehicle_rows]]
    add("10", "部门决算公开相关信息统计表", rows)

    blocks += narrative(ledger)
    return blocks


def narrative(ledger: Ledger) -> list[Block]:
    """第三部分 情况说明 and 第四部分 名词解释, every figure from the ledger."""
    y = ledger.year
    lines = list(ledger.spending)
    general = [s for s in lines if s.fund_type is FundType.GENERAL]
    fund = [s for s in lines if s.fund_type is FundType.FUND]
    capital = [s for s in lines if s.fund_type is FundType.STATE_CAPITAL]
    spent = _sum(lines)
    income = spent + sum(ledger.other_income.values(), ZERO)
    basic = _sum(s for s in lines if s.basic)
    total_in = income + ledger.opening_balance
    total_out = spent + ledger.closing_balance
    prior = ledger.prior
    out: list[Block] = [Heading("第三部分 情况说明", 3), Heading("一、收入支出决算总体情况说明", 4)]
    prior_total = prior.get("total")
    sentence = f"{y}年度收入总计{ws(total_in)}万元，支出总计{ws(total_out)}万元。"
    if prior_total is not None:
        sentence += (f"{_change(total_in, prior_total, '与上年相比，收入总计')}，"
                     f"{_change(total_out, prior_total, '支出总计')}。主要原因是{REASON}。")
    out.append(Para(sentence))
    out += [Heading("二、收入决算情况说明", 4), Para(f"{y}年度收入合计{ws(income)}万元，其中："),
            Para(f"财政拨款收入{ws(spent)}万元，占比{pct(spent, income)}%。"),
            Heading("三、支出决算情况说明", 4), Para(f"{y}年度支出合计{ws(spent)}万元，其中："),
            Para(f"基本支出{ws(basic)}万元，占比{pct(basic, spent)}%；"),
            Para(f"项目支出{ws(spent - basic)}万元，占比{pct(spent - basic, spent)}%。"),
            Heading("四、财政拨款收支决算总体情况说明", 4),
            Para(f"{y}年度财政拨款收入总计{ws(spent)}万元，支出总计{ws(spent)}万元。")]
    g_total = _sum(general)
    out += [Heading("五、一般公共预算财政拨款支出决算情况说明", 4),
            Heading("(一) 一般公共预算财政拨款支出决算总体情况", 5)]
    text = f"{y}年一般公共预算财政拨款决算支出{ws(g_total)}万元，占本年支出合计的{pct(g_total, spent)}%。"
    if "general" in prior:
        text += f"{_change(g_total, prior['general'], '与上年相比，一般公共预算财政拨款支出')}。主要原因是{REASON}。"
    out.append(Para(text))
    classes = [(code, name, _sum(s for s in general if s.function_code.startswith(code))) for code, name in CLASS_LIST]
    classes = [c for c in classes if c[2]]
    out += [Heading("(二) 一般公共预算财政拨款支出决算结构情况", 5),
            Para(f"{y}年度一般公共预算财政拨款支出{ws(g_total)}万元，主要用于以下方面：")]
    out += [Para(f"{name}(类){ws(v)}万元，占比{pct(v, g_total)}%{'。' if i == len(classes) - 1 else '；'}")
            for i, (_, name, v) in enumerate(classes)]
    out.append(Heading("(三) 一般公共预算财政拨款支出决算具体情况", 5))
    initial_total = sum((ledger.initial_budget.get(code, ZERO) for code, _, _ in classes), ZERO)
    if initial_total:
        out.append(Para(f"{y}年度一般公共预算财政拨款支出年初预算{ws(initial_total)}万元，支出决算{ws(g_total)}万元，"
                        f"完成年初预算的{pct(g_total, initial_total)}%。其中："))
    for code, name, v in classes:
        budget = ledger.initial_budget.get(code)
        text = f"{name}"
        if budget:
            text += f"年初预算{ws(budget)}万元，支出决算{ws(v)}万元，完成年初预算的{pct(v, budget)}%，用于【请填写用途】。"
        else:
            text += f"支出决算{ws(v)}万元，用于【请填写用途】。"
        if code in prior:
            text += f"{_change(v, prior[code], '较上年决算')}，主要原因是{REASON}。"
        out.append(Para(text))
    economic = defaultdict(Decimal)
    for s in general:
        if s.basic and s.economic_code:
            economic[s.economic_code[:3]] += s.amount
    personnel = sum((economic[c] for c in PERSONNEL), ZERO)
    g_basic = _sum(s for s in general if s.basic)
    out += [Heading("六、一般公共预算财政拨款基本支出决算情况说明", 4), Para(f"{y}年度财政拨款基本支出{ws(g_basic)}万元，其中："),
            Para(f"人员经费{ws(personnel)}万元，主要包括【请填写主要项目】；"),
            Para(f"公用经费{ws(g_basic - personnel)}万元，主要包括【请填写主要项目】。"),
            Heading("七、政府性基金预算财政拨款收支决算情况说明", 4)]
    f_total = _sum(fund)
    text = f"{y}年度政府性基金预算财政拨款收入总计{ws(f_total)}万元、支出总计{ws(f_total)}万元。" if fund else "本年度无此项支出。"
    if fund and "fund" in prior:
        text += f"{_change(f_total, prior['fund'], '与上年相比，政府性基金预算财政拨款支出总计')}。主要原因是{REASON}。"
    out += [Para(text), Heading("八、国有资本经营预算财政拨款支出决算情况说明", 4),
            Para(f"{y}年度国有资本经营预算财政拨款支出{ws(_sum(capital))}万元。" if capital else "本年度无此项支出。")]
    out += _sangong(ledger)
    out += _other(ledger)
    out += [Heading("第四部分 名词解释", 4), *[Para(t) for t in GLOSSARY]]
    return out


def _sangong(ledger: Ledger) -> list[Block]:
    y = ledger.year
    b, f, p = ledger.sangong_budget, ledger.sangong_final, ledger.sangong_prior
    head = f"{y}年度“三公”经费财政拨款支出全年预算{ws(b.total)}万元，支出决算{ws(f.total)}万元"
    if b.total:
        head += f"，完成全年预算的{pct(f.total, b.total)}%"
    if p is not None:
        head += "，" + (_change(f.total, p.total, "比上年度") if f.total != p.total else "与上年持平")
        head += f"，主要原因是：{REASON}"
    out: list[Block] = [Heading("九、财政拨款“三公”经费支出决算情况说明", 4),
                        Heading("(一) “三公”经费财政拨款支出决算总体情况说明", 5), Para(head + "。其中：")]
    items = (("因公出国（境）费", "overseas"), ("公务用车购置费", "car_purchase"), ("公务用车运行维护费", "car_operation"),
             ("公务接待费", "reception"))
    for i, (name, attr) in enumerate(items):
        current = getattr(f, attr)
        text = f"{name}支出{ws(current)}万元"
        if getattr(b, attr):
            text += f"，完成全年预算的{pct(current, getattr(b, attr))}%"
        if p is not None:
            before = getattr(p, attr)
            text += "，与上年相同" if current == before else "，" + _change(current, before, "比上年度")
        text += f"，主要原因是：{REASON}" + ("。" if i == len(items) - 1 else "；")
        out.append(Para(text))
    out += [Heading("(二) “三公”经费财政拨款支出决算具体情况说明", 5),
            Para(f"3、公务用车运行维护费支出{ws(f.car_operation)}万元，使用财政拨款负担的公务用车保有量共{ledger.vehicles}辆，"
                 "主要用于：【请填写用途】。")]
    return out


def _other(ledger: Ledger) -> list[Block]:
    y = ledger.year
    p = ledger.procurement
    total = sum(p.values(), ZERO)
    admin = (f"本部门（单位）机关运行经费支出{ws(ledger.admin_cost)}万元。" if ledger.admin_cost
             else "本部门（单位）无机关运行经费。")
    procurement = (f"{y}年度政府采购支出总额{ws(total)}万元，其中：政府采购货物支出{ws(p.get('goods', ZERO))}万元、"
                   f"政府采购工程支出{ws(p.get('works', ZERO))}万元、政府采购服务支出{ws(p.get('services', ZERO))}万元。")
    if total:
        procurement += (f"政府采购授予中小企业合同金额{ws(ledger.procurement_sme)}万元，"
                        f"占政府采购支出总额的{pct(ledger.procurement_sme, total)}%。")
    by_type = {t: sum((r.executed for r in ledger.projects if r.fund_type is t), ZERO) for t in FundType}
    grades = {g: sum(1 for r in ledger.projects if r.grade == g) for g in "优良中差"}
    amount = sum(by_type.values(), ZERO)
    performance = (f"一是组织对所有项目资金全面开展了绩效自评，涉及二级项目{len(ledger.projects)}个，资金{ws(amount)}万元，"
                   f"其中一般公共预算项目支出{ws(by_type[FundType.GENERAL])}万元、政府性基金预算项目支出{ws(by_type[FundType.FUND])}万元、"
                   f"国有资本经营预算项目支出{ws(by_type[FundType.STATE_CAPITAL])}万元。自评结果为："
                   + "，".join(f"{n}个项目自评等级为“{g}”" for g, n in grades.items()) + "。")
    if grades["中"] or grades["差"]:
        performance += "对于自评结果为“中”和“差”的项目，采取的改进管理措施为【请填写改进措施】。"
    return [Heading("十、其他重要事项情况说明", 4), Heading("（一）机关运行经费支出情况说明", 5), Para(admin),
            Heading("（二）政府采购情况说明", 5), Para(procurement), Heading("（三）国有资产占用情况说明", 5),
            Para(f"截至{y}年12月31日，本部门（单位）共有车辆{ledger.vehicles}辆。"),
            Heading("（四）预算绩效情况说明", 5), Para(performance)]


GLOSSARY = (
    "一、财政拨款收入：指单位从同级财政部门取得的财政预算资金。",
    "二、事业收入：指事业单位开展专业业务活动及辅助活动取得的收入。",
    "三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。",
    "四、其他收入：指单位取得的除上述收入以外的各项收入。",
    "五、使用非财政拨款结余（含专用结余）：指单位按照预算管理要求使用非财政拨款结余弥补收支差额的金额。",
    "六、年初结转和结余：指单位以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金，或项目已完成等产生的结余资金。",
    "七、结余分配：指事业单位按照会计制度规定缴纳的所得税、提取的专用结余以及转入非财政拨款结余的金额等。",
    "八、年末结转和结余：指单位按有关规定结转到下年或以后年度继续使用的资金，或项目已完成等产生的结余资金。",
    "九、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用经费支出。",
    "十、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    "十一、“三公”经费：指各级部门、单位用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费支出。",
    "十二、机关运行经费：指行政单位和参照公务员法管理的事业单位财政拨款基本支出中的公用经费支出。",
)
