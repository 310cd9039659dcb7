"""All persistent data. Money is integer fen (MoneyField); Decimal yuan outside the store."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from jixiao.core.workflow import STATUS_LABELS, Status
from jixiao.store.money import MoneyField, StoredDecimalField


class Jurisdiction(models.Model):
    code = models.CharField("代码", max_length=20, unique=True)
    name = models.CharField("名称", max_length=100)
    profile = models.CharField("地区配置", max_length=50, default="central")  # jixiao.profiles name

    class Meta:
        verbose_name = verbose_name_plural = "辖区"

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="departments", verbose_name="辖区")
    code = models.CharField("部门代码", max_length=20, unique=True)
    name = models.CharField("部门名称", max_length=100)

    class Meta:
        verbose_name = verbose_name_plural = "预算部门"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Unit(models.Model):
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="units", verbose_name="预算部门")
    code = models.CharField("单位代码", max_length=20, unique=True)
    name = models.CharField("单位名称", max_length=100)

    class Meta:
        verbose_name = verbose_name_plural = "预算单位"
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

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account",
                                verbose_name="用户")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, verbose_name="预算单位")
    department = models.ForeignKey(Department, null=True, blank=True, on_delete=models.PROTECT, verbose_name="预算部门")
    jurisdiction = models.ForeignKey(Jurisdiction, null=True, blank=True, on_delete=models.PROTECT, verbose_name="辖区")

    class Meta:
        verbose_name = verbose_name_plural = "账户"

    def __str__(self) -> str:
        return f"{self.user.username}（{self.get_role_display()}）"


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
    approved_budget = MoneyField("批复金额（元）", null=True, blank=True)  # 全年预算数 − finance's 审减, on approval
    reported_total = StoredDecimalField("填报总分", max_digits=6, decimal_places=2, null=True, blank=True)
    reported_grade = models.CharField("填报等级", max_length=2, blank=True)
    # The budget-execution points the imported form establishes (printed for the part, or its 总分 row's 分值 less the
    # indicators' points: jixiao.scoring.selfeval.execution_points); empty when it does not — the profile's points
    # then apply as a convention only.
    execution_points = StoredDecimalField("表中预算执行分值", max_digits=5, decimal_places=2, null=True, blank=True)
    status = models.CharField("目标审核状态", max_length=20, choices=[(s.value, label) for s, label in STATUS_LABELS.items()],
                              default=Status.DRAFT.value)
    review_round = models.PositiveIntegerField("审核轮次", default=1)
    annual_goal = models.TextField("年度绩效目标", blank=True)
    period_goal = models.TextField("实施期绩效目标", blank=True)
    scope = models.CharField("类别", max_length=12, default="project",
                             choices=[("project", "项目支出"), ("department", "部门整体支出")])
    needs_ex_ante = models.BooleanField("须事前绩效评估", default=False)  # new policies and projects (SPEC §5)
    version = models.PositiveIntegerField("版本", default=1)  # optimistic concurrency: every save bumps it
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "项目"
        ordering = ["unit__code", "name"]
        # The project list's orderings (with the id as the last key) read in index order, stopping at the page.
        indexes = [models.Index(fields=["year", "status"]),
                   models.Index(fields=["name", "id"], name="project_by_name"),
                   models.Index(fields=["unit", "name", "id"], name="project_by_unit_name"),
                   models.Index(fields=["status", "name", "id"], name="project_by_status_name"),
                   models.Index(fields=["adjusted_budget"], name="project_by_budget")]

    def __str__(self) -> str:
        return self.name

    @property
    def approved_cut(self) -> Decimal | None:
        """审减 of the approval: 全年预算数 − 批复金额."""
        if self.approved_budget is None:
            return None
        return (self.adjusted_budget or self.initial_budget) - self.approved_budget


class BudgetType(models.TextChoices):
    GENERAL = "general", "一般公共预算"
    FUND = "fund", "政府性基金预算"
    STATE_CAPITAL = "state_capital", "国有资本经营预算"
    SPECIAL_ACCOUNT = "special_account", "财政专户管理资金"
    OTHER = "other", "其他资金"


class FundLevelChoice(models.TextChoices):
    CENTRAL = "central", "中央"
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"
    OWN = "own", "单位自有"


class FundSource(models.Model):
    """资金来源：a project's money by budget type and level."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="fund_sources")
    budget_type = models.CharField("预算类型", max_length=20, choices=BudgetType.choices, default=BudgetType.GENERAL)
    level = models.CharField("资金级次", max_length=20, choices=FundLevelChoice.choices, default=FundLevelChoice.COUNTY)
    amount = MoneyField("金额（元）", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "资金来源"
        ordering = ["pk"]


class Indicator(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveIntegerField("序号", default=0)
    level1 = models.CharField("一级指标", max_length=20)
    level2 = models.CharField("二级指标", max_length=40)
    name = models.CharField("三级指标", max_length=200)
    target = models.CharField("指标值", max_length=100)
    actual = models.CharField("实际完成值", max_length=100, blank=True)
    weight = StoredDecimalField("分值", max_digits=6, decimal_places=2, null=True)
    reported_score = StoredDecimalField("填报得分", max_digits=6, decimal_places=2, null=True, blank=True)
    deviation_reason = models.TextField("偏差原因", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "绩效指标"
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class Review(models.Model):
    """One review decision of one round: the department's (一审) or finance's, with finance's score and 审减."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reviews")
    round = models.PositiveIntegerField("轮次")
    stage = models.CharField("审核环节", max_length=20, choices=[("department", "主管部门审核"), ("finance", "财政审核")])
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField("结论", max_length=10, choices=[("approve", "审核通过"), ("return", "退回修改")])
    score = StoredDecimalField("评审得分", max_digits=5, decimal_places=2, null=True, blank=True)
    grade = models.CharField("评审等级", max_length=2, blank=True)
    cut_amount = MoneyField("审减金额（元）", default=0)
    requested_budget = MoneyField("申报预算（元）", default=0)
    comment = models.TextField("审核意见", blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "目标审核"
        ordering = ["created_at", "pk"]


class ReviewComment(models.Model):
    """A reviewer's comment on one indicator."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
    indicator_name = models.CharField("指标", max_length=200)
    comment = models.TextField("意见")


class Transition(models.Model):
    """Every move of a project through the review workflow: who, when, from, to, comment. Append-only."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)
    source = models.CharField("原状态", max_length=20)
    target = models.CharField("新状态", max_length=20)
    round = models.PositiveIntegerField("轮次")
    comment = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "流转记录"
        ordering = ["at", "pk"]

    @property
    def source_label(self) -> str:
        return Status(self.source).label

    @property
    def target_label(self) -> str:
        return Status(self.target).label


class FiscalYear(models.Model):
    year = models.PositiveIntegerField("年度", unique=True)
    is_current = models.BooleanField("当前年度", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "财政年度"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年"


class CodeKind(models.TextChoices):
    FUNCTION = "function", "支出功能分类"
    ECONOMIC = "economic", "支出经济分类"


class ClassificationCode(models.Model):
    """政府收支分类科目 of one year; the tree is the code prefix (类 3 / 款 5 / 项 7 digits)."""

    year = models.PositiveIntegerField("年度")
    kind = models.CharField("类别", max_length=20, choices=CodeKind.choices)
    code = models.CharField("科目编码", max_length=12)
    name = models.CharField("科目名称", max_length=100)

    class Meta:
        verbose_name = verbose_name_plural = "分类科目"
        ordering = ["year", "kind", "code"]
        constraints = [models.UniqueConstraint(fields=["year", "kind", "code"], name="unique_code_per_year")]

    @property
    def depth(self) -> int:
        return {3: 0, 5: 1}.get(len(self.code), 2)

    def __str__(self) -> str:
        return f"{self.year}年 {self.code} {self.name}"


class IndicatorTemplate(models.Model):
    """指标库: indicators users pick from when they set a goal."""

    level1 = models.CharField("一级指标", max_length=20)
    level2 = models.CharField("二级指标", max_length=40)
    name = models.CharField("三级指标", max_length=200)
    operator = models.CharField("指标性质", max_length=4, blank=True)
    unit = models.CharField("度量单位", max_length=20, blank=True)
    typical_target = models.CharField("典型指标值", max_length=100, blank=True)
    source = models.CharField("来源", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "指标库"
        ordering = ["level1", "level2", "name"]

    def __str__(self) -> str:
        return f"{self.level1}/{self.level2}/{self.name}"


class ApiToken(models.Model):
    """A machine client's token; only its SHA-256 digest is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("用途", max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "API 令牌"


from jixiao.store.lifecycle_models import *  # noqa: E402,F403  (Django collects models from this module)
