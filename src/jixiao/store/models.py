"""All persistent data. Money is integer fen (MoneyField); Decimal yuan outside the store."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class MoneyField(models.BigIntegerField):
    """Decimal yuan in Python, integer fen in the database (SQLite stores DecimalField as REAL)."""

    def from_db_value(self, value, expression, connection):  # type: ignore[no-untyped-def]
        return None if value is None else Decimal(value) / 100

    def to_python(self, value):  # type: ignore[no-untyped-def]
        if value is None or isinstance(value, Decimal):
            return value
        return Decimal(str(value))

    def get_prep_value(self, value):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        return int((Decimal(str(value)) * 100).to_integral_value())


class Jurisdiction(models.Model):
    code = models.CharField("代码", max_length=20, unique=True)
    name = models.CharField("名称", max_length=100)

    class Meta:
        verbose_name = "辖区"

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="departments")
    code = models.CharField("部门代码", max_length=20, unique=True)
    name = models.CharField("部门名称", max_length=100)

    class Meta:
        verbose_name = "预算部门"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Unit(models.Model):
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="units")
    code = models.CharField("单位代码", max_length=20, unique=True)
    name = models.CharField("单位名称", max_length=100)

    class Meta:
        verbose_name = "预算单位"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Role(models.TextChoices):
    UNIT = "unit", "单位填报"
    DEPARTMENT = "department", "主管部门审核"
    FINANCE = "finance", "财政"
    EVALUATOR = "evaluator", "第三方评价"
    ADMIN = "admin", "系统管理"


class Account(models.Model):
    """Who a user is in the organisation: role plus the unit, department or jurisdiction they act for."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT)
    department = models.ForeignKey(Department, null=True, blank=True, on_delete=models.PROTECT)
    jurisdiction = models.ForeignKey(Jurisdiction, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        verbose_name = "账户"


class ProjectType(models.TextChoices):
    RECURRING = "recurring", "经常性项目"
    ONE_OFF = "one_off", "一次性项目"


class Project(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="projects")
    year = models.PositiveIntegerField("年度")
    code = models.CharField("项目编码", max_length=40, blank=True)
    name = models.CharField("项目名称", max_length=200)
    project_type = models.CharField("项目类型", max_length=20, choices=ProjectType.choices, default=ProjectType.ONE_OFF)
    initial_budget = MoneyField("年初预算数（元）", default=0)
    adjusted_budget = MoneyField("全年预算数（元）", default=0)
    executed = MoneyField("全年执行数（元）", default=0)
    reported_total = models.DecimalField("填报总分", max_digits=6, decimal_places=2, null=True, blank=True)
    reported_grade = models.CharField("填报等级", max_length=2, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "项目"
        ordering = ["unit__code", "name"]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveIntegerField("序号", default=0)
    level1 = models.CharField("一级指标", max_length=20)
    level2 = models.CharField("二级指标", max_length=40)
    name = models.CharField("三级指标", max_length=200)
    target = models.CharField("指标值", max_length=100)
    actual = models.CharField("实际完成值", max_length=100, blank=True)
    weight = models.DecimalField("分值", max_digits=6, decimal_places=2, null=True)
    reported_score = models.DecimalField("填报得分", max_digits=6, decimal_places=2, null=True, blank=True)
    deviation_reason = models.TextField("偏差原因", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "绩效指标"
        ordering = ["position"]
