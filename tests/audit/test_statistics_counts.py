"""公开10 rows whose label states a count's unit (辆, 台/套, 平方米 …), and the rows numbered under such a row, print
counts, never money: the figure is kept as printed, whatever the table's amount unit, and the fleet rules compare it as
a number of vehicles."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text
from tests.builders import consistent_package, row

T = "\t"
# The package's 公开10 as it prints it (金额单位：万元), and the same table printed in 元 with more count rows.
D10_IN_WAN = "公开10表\n\n金额单位：万元\n\n" + "\n".join([
    T.join(["一、政府采购情况", "", ""]), T.join(["项目", "行次", "统计数"]), T.join(["合计", "1", "60.00"]),
    T.join(["货物", "2", "10.00"]), T.join(["工程", "3", "30.00"]), T.join(["服务", "4", "20.00"]),
    T.join(["二、机关运行经费", "", ""]), T.join(["(一) 行政单位", "5", ""]),
    T.join(["(二) 参照公务员法管理事业单位", "6", ""]), T.join(["三、国有资产占用情况", "", ""]),
    T.join(["（一）车辆数合计（辆）", "7", "1"]), T.join(["5. 执法执勤用车", "12", "1"])])


def _in_yuan(fleet: str, kinds: list[tuple[str, str]]) -> str:
    lines = [row("一、政府采购情况", "", ""), row("项目", "行次", "统计数"), row("合计", "1", "600000.00"),
             row("货物", "2", "100000.00"), row("工程", "3", "300000.00"), row("服务", "4", "200000.00"),
             row("二、机关运行经费", "", ""), row("(一) 行政单位", "5", ""), row("(二) 参照公务员法管理事业单位", "6", ""),
             row("三、国有资产占用情况", "", ""), row("（一）车辆数合计（辆）", "7", fleet),
             *[row(f"{n}. {name}", str(7 + n), count) for n, (name, count) in enumerate(kinds, start=1)],
             row("（二）单价50万元（含）以上通用设备（台，套）", "16", "2"),
             row("（三）单价100万元（含）以上专用设备（台，套）", "17", "")]
    return "公开10表\n\n金额单位：元\n\n" + "\n".join(lines)


def _package(d10: str) -> str:
    text = consistent_package()
    assert D10_IN_WAN in text
    return text.replace(D10_IN_WAN, d10)


def test_vehicle_count_in_a_table_printed_in_yuan_is_a_count(tmp_path):
    doc, findings = audit_text(tmp_path, _package(_in_yuan("1", [("主要负责人用车", ""), ("执法执勤用车", "1")])))
    table = doc.disclosure.tables["D10"]
    fleet = table.row("车辆数合计")
    assert fleet is not None and set(fleet.cells) == {"count"} and fleet.cells["count"].value == 1
    assert "辆" in fleet.cells["count"].location.column
    devices = table.row("通用设备")
    assert devices is not None and devices.cells["count"].value == 2 and "amount" not in devices.cells
    kind = table.row("执法执勤用车")
    assert kind is not None and kind.cells["count"].value == Decimal(1)
    assert table.row("政府采购情况/合计").cells["amount"].value == Decimal(600000)  # money stays money
    assert [f.message for f in findings if f.tier is not Tier.NOTICE] == []


@pytest.mark.parametrize(("fleet", "expected"), [("2", []), ("3", ["公开10 车辆数合计 3 辆，各类用车合计 2 辆"])])
def test_kinds_of_vehicles_add_up_to_the_count_in_any_amount_unit(tmp_path, fleet, expected):
    text = _package(_in_yuan(fleet, [("主要负责人用车", "1"), ("执法执勤用车", "1")]))
    text = text.replace("保有量共1辆", f"保有量共{fleet}辆").replace("共有车辆1辆", f"共有车辆{fleet}辆")
    _, findings = audit_text(tmp_path, text)
    assert [f.message for f in findings if f.rule == "disclosure.r26_statistics" and f.tier is Tier.ERROR] == expected
    assert not [f for f in findings if f.rule == "crosssection.vehicles"]


def test_the_fleet_in_the_table_is_compared_as_a_count(tmp_path):
    text = _package(_in_yuan("4", [("执法执勤用车", "4")]))
    _, findings = audit_text(tmp_path, text)
    [hit] = [f for f in findings if f.rule == "crosssection.vehicles"]
    assert hit.tier is Tier.ERROR and "公开10·车辆数合计 4 辆" in hit.message and "1 辆" in hit.message
