"""docs/examples/push_monitoring.py, the client a department runs: a real spreadsheet pushed over HTTP to a live
server with a bearer token — preview first (nothing saved), then saved; rows that match nothing are named."""

from __future__ import annotations

import importlib.util
import io
from decimal import Decimal

from openpyxl import Workbook

from jixiao.store.models import MonitoringReport, Project
from jixiao.store.monitoring import ensure_fund_sources
from jixiao.store.tokens import issue_token
from tests.conftest import REPO


def _script():
    spec = importlib.util.spec_from_file_location("push_monitoring", REPO / "docs/examples/push_monitoring.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _workbook(path, project, executed, extra_rows=()):
    book = Workbook()
    funds = book.active
    funds.title = "资金"
    funds.append(["项目编码", "年度", "期次", "资金来源", "截至期末执行数"])
    funds.append([project.code, 2024, 2, "", executed])
    indicators = book.create_sheet("指标")
    indicators.append(["项目编码", "年度", "期次", "指标名称", "截至期末完成值", "全年预计完成值", "完成可能性", "偏差原因",
                       "纠偏措施"])
    indicators.append([project.code, 2024, 2, "验收合格率", "96", "96", "确定能", "", ""])
    indicators.append([project.code, 2024, 2, "服务对象满意度", 80, 85, "有可能", "人员保障", "加强培训"])
    for row in extra_rows:
        indicators.append(row)
    book.save(path)


def test_push_monitoring_preview_then_save(live_server, transactional_db, stages, world, tmp_path):
    project = stages["国库项目"]["project"]
    Project.objects.filter(pk=project.pk).update(code="101001-001")
    project.refresh_from_db()
    script = _script()
    client = script.Client(live_server.url, issue_token(world["accounts"]["unit"].user, "spreadsheet"))
    path = tmp_path / "监控数据.xlsx"
    _workbook(path, project, "9.3575万元", [["101001-001", 2024, 2, "不存在的指标", "1", "1", "", "", ""],
                                          ["公路项目", 2024, 2, "验收合格率", "1", "1", "", "", ""]])
    out = io.StringIO()
    assert script.push(client, str(path), save=False, out=out) == 2
    text = out.getvalue()
    assert "项目没有指标“不存在的指标”" in text and "“指标”第 4 行" in text
    assert "没有编码（或名称）为“公路项目”的项目，或本账号无权填报" in text  # another jurisdiction's: not found
    assert not MonitoringReport.objects.filter(project=project, period=2).exists()  # a preview saves nothing

    _workbook(path, project, "9.3575万元")
    out = io.StringIO()
    assert script.push(client, str(path), save=False, out=out) == 0
    assert "预览：国库项目（101001-001）2024年第2季度，预算执行率 5.00%" in out.getvalue()
    assert "红色" in out.getvalue()  # 5% against a time progress of 50%
    out = io.StringIO()
    assert script.push(client, str(path), save=True, out=out) == 0
    assert "已保存：国库项目" in out.getvalue()
    report = MonitoringReport.objects.get(project=project, period=2)
    assert report.execution_rate == Decimal("5.00")
    assert {m.indicator.name: (m.progress, m.likelihood, m.deviation_reason) for m in report.indicators.all()} == {
        "验收合格率": ("96", "certain", ""), "服务对象满意度": ("80", "possible", "staff")}


def test_push_monitoring_refused_for_a_department(live_server, transactional_db, stages, world, tmp_path):
    """A department sees its units' projects but does not report for them: the server's refusal is printed."""
    project = stages["预算项目"]["project"]
    Project.objects.filter(pk=project.pk).update(code="101002-001")
    project.refresh_from_db()
    ensure_fund_sources(project)
    script = _script()
    client = script.Client(live_server.url, issue_token(world["accounts"]["department"].user, "spreadsheet"))
    path = tmp_path / "监控数据.xlsx"
    _workbook(path, project, "1000")
    out = io.StringIO()
    assert script.push(client, str(path), save=True, out=out) == 1
    assert "只有项目所属单位可以在目标批复后填报监控数据（forbidden）" in out.getvalue()
    assert not MonitoringReport.objects.filter(project=project).exists()
