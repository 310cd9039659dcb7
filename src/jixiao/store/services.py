"""Writes. Each is one transaction; imports are all-or-nothing."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from jixiao.core.model import SelfEvaluation
from jixiao.store.models import Account, Department, Indicator, Jurisdiction, Project, Role, Unit


@transaction.atomic
def import_self_evaluations(unit: Unit, evaluations: Iterable[SelfEvaluation], year: int) -> list[Project]:
    """Store projects with their indicators from self-evaluations read by jixiao.ingest (all or nothing)."""
    created = []
    for se in evaluations:
        total = se.budget_total
        project = Project.objects.create(
            unit=unit, year=se.year or year, name=se.project.name[:200], code=se.project.code,
            initial_budget=(total.initial or Decimal(0)) if total else Decimal(0),
            adjusted_budget=(total.adjusted or Decimal(0)) if total else Decimal(0),
            executed=(total.executed or Decimal(0)) if total else Decimal(0),
            reported_total=se.reported.total, reported_grade=se.reported.grade or "",
        )
        Indicator.objects.bulk_create([
            Indicator(project=project, position=n, level1=i.level1, level2=i.level2, name=i.name[:200],
                      target=(i.target.raw if i.target else "")[:100], actual=(i.actual.raw if i.actual else "")[:100],
                      weight=i.weight, reported_score=i.reported_score, deviation_reason=i.deviation_reason)
            for n, i in enumerate(se.indicators)
        ])
        created.append(project)
    return created


@transaction.atomic
def create_account(username: str, password: str, role: Role, *, unit: Unit | None = None,
                   department: Department | None = None, jurisdiction: Jurisdiction | None = None) -> Account:
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(username=username)
    user.set_password(password)
    user.is_staff = role == Role.ADMIN
    user.save()
    account, _ = Account.objects.update_or_create(
        user=user, defaults={"role": role, "unit": unit, "department": department, "jurisdiction": jurisdiction})
    return account


DEMO_PASSWORD = "jixiao-demo-2024"


@transaction.atomic
def load_demo(document: Path) -> list[tuple[str, str, str]]:
    """The demo jurisdiction: the demo document's unit and projects plus a generated county; one account per role.
    Idempotent: an existing demo is left as it is. Returns (username, role label, scope) rows."""
    from jixiao.ingest.pipeline import load_document

    county, created = Jurisdiction.objects.get_or_create(code="QC", defaults={"name": "青川县（演示）"})
    dept, _ = Department.objects.get_or_create(code="701", defaults={"jurisdiction": county, "name": "青川县示范区管理委员会"})
    units = {}
    for code, name in (("701001", "青川县示范区综合服务中心"), ("701002", "青川县示范区建设局"),
                       ("701003", "青川县示范区应急管理站")):
        units[code], _ = Unit.objects.get_or_create(code=code, defaults={"department": dept, "name": name})
    if created:
        doc, errors = load_document(document)
        if doc is None:
            raise RuntimeError(f"演示文档无法读取：{errors}")
        by_name = {"示范区道路养护经费": "701001", "示范区污水管网改造工程": "701002", "示范区招商推介活动经费": "701001",
                   "示范区应急物资储备": "701003"}
        for se in doc.self_evaluations:
            import_self_evaluations(units[by_name.get(se.project.name, "701001")], [se], doc.year or 2024)
        other, _ = Department.objects.get_or_create(code="702", defaults={"jurisdiction": county, "name": "青川县教育局"})
        school, _ = Unit.objects.get_or_create(code="702001", defaults={"department": other, "name": "青川县第一中学"})
        for n in range(1, 6):
            Project.objects.create(unit=school, year=2024, name=f"校舍维修项目{n}", initial_budget=Decimal(100000 * n),
                                   adjusted_budget=Decimal(100000 * n), executed=Decimal(90000 * n))
    accounts = [("demo_unit", Role.UNIT, {"unit": units["701001"]}, units["701001"].name),
                ("demo_department", Role.DEPARTMENT, {"department": dept}, dept.name),
                ("demo_finance", Role.FINANCE, {"jurisdiction": county}, county.name),
                ("demo_evaluator", Role.EVALUATOR, {}, "（尚无分配的评价）"),
                ("demo_admin", Role.ADMIN, {}, "全部")]
    for username, role, scope, _ in accounts:
        create_account(username, DEMO_PASSWORD, role, **scope)
    return [(username, role.label, label) for username, role, _, label in accounts]
