"""Models of the rest of the year: ex-ante assessment, quarterly monitoring with its warnings and corrective
actions, the unit's self-evaluation, key evaluations by a team, budget suggestions and rectification items.
Imported by store.models (Django finds every model there)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from jixiao.store.money import MoneyField, StoredDecimalField

USER = settings.AUTH_USER_MODEL

LIKELIHOOD = [("certain", "确定能"), ("possible", "有可能"), ("impossible", "完全不可能")]
DEVIATION_REASONS = [("", "—"), ("funding", "经费保障"), ("policy", "制度保障"), ("staff", "人员保障"),
                     ("hardware", "硬件条件保障"), ("other", "其他")]
CORRECTIONS = [("urge", "督促"), ("budget_cut", "调减"), ("recall", "收回"), ("payment_hold", "暂缓拨款"),
               ("goal_adjustment", "调整目标")]
COLOURS = [("red", "红"), ("yellow", "黄"), ("green", "绿"), ("blue", "蓝")]
FINDING_CATEGORIES = [("approval", "项目立项"), ("funds", "资金管理"), ("operations", "业务管理"), ("output", "项目产出"),
                      ("benefit", "项目效益"), ("other", "其他")]


class ExAnteAssessment(models.Model):
    """事前绩效评估 of a new project (SPEC §5): experts' sub-item scores, total, grade, conclusion, 审减."""

    project = models.OneToOneField("store.Project", on_delete=models.CASCADE, related_name="exante")
    requested = MoneyField("申报金额（元）", default=0)
    recommended = MoneyField("建议安排金额（元）", default=0)
    total = StoredDecimalField("评估得分", max_digits=6, decimal_places=2)
    grade = models.CharField("等级", max_length=2)
    conclusion = models.CharField("评估结论", max_length=10)
    experts = models.CharField("评估专家", max_length=200)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "事前绩效评估"

    @property
    def cut(self):  # type: ignore[no-untyped-def]
        """审减 = 申报 − 建议安排."""
        return self.requested - self.recommended


class ExAnteRequest(models.Model):
    """A unit asks the finance bureau to organise the ex-ante assessment of its project (a task in finance's work
    queue until an assessment is recorded)."""

    project = models.ForeignKey("store.Project", on_delete=models.CASCADE, related_name="exante_requests")
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField("申请时间", auto_now_add=True)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "事前绩效评估申请"
        ordering = ["-requested_at"]


class ExAnteScore(models.Model):
    assessment = models.ForeignKey(ExAnteAssessment, on_delete=models.CASCADE, related_name="scores")
    expert = models.CharField("专家", max_length=50)
    dimension = models.CharField("维度", max_length=20)
    item = models.CharField("评分项", max_length=100)
    score = StoredDecimalField("得分", max_digits=6, decimal_places=2)


class MonitoringReport(models.Model):
    """One period's 双监控 report of one project (SPEC §4), with what jixiao computed from it."""

    project = models.ForeignKey("store.Project", on_delete=models.CASCADE, related_name="monitoring_reports")
    period = models.PositiveSmallIntegerField("期次")  # quarter 1–4, month 1–12, or 1 for the central round
    period_label = models.CharField("期间", max_length=30)
    time_progress = StoredDecimalField("时间进度（%）", max_digits=6, decimal_places=2)
    execution_rate = StoredDecimalField("预算执行率（%）", max_digits=7, decimal_places=2, null=True)
    goal_progress = StoredDecimalField("目标完成进度（%）", max_digits=7, decimal_places=2, null=True)
    submitted_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "监控报告"
        ordering = ["project", "period"]
        constraints = [models.UniqueConstraint(fields=["project", "period"], name="one_report_per_period")]


class MonitoringFund(models.Model):
    report = models.ForeignKey(MonitoringReport, on_delete=models.CASCADE, related_name="funds")
    fund_source = models.ForeignKey("store.FundSource", on_delete=models.CASCADE, related_name="+")
    executed = MoneyField("截至期末执行数（元）", default=0)


class MonitoringIndicator(models.Model):
    report = models.ForeignKey(MonitoringReport, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey("store.Indicator", on_delete=models.CASCADE, related_name="+")
    progress = models.CharField("截至期末完成值", max_length=50, blank=True)
    expected = models.CharField("全年预计完成值", max_length=50, blank=True)
    likelihood = models.CharField("完成可能性", max_length=12, choices=LIKELIHOOD, default="certain")
    deviation_reason = models.CharField("偏差原因", max_length=12, choices=DEVIATION_REASONS, blank=True)
    measures = models.TextField("纠偏措施", blank=True)


class MonitoringWarning(models.Model):
    """A warning jixiao raised; cleared, with the reason, when the saved data of its period (re-entered) or of a
    later period no longer triggers it."""

    project = models.ForeignKey("store.Project", on_delete=models.CASCADE, related_name="warnings")
    key = models.CharField(max_length=300)  # kind + indicator: the same warning across periods
    kind = models.CharField("类型", max_length=30)
    kind_label = models.CharField("预警类型", max_length=50)
    indicator_name = models.CharField("指标", max_length=200, blank=True)
    colour = models.CharField("颜色", max_length=10, choices=COLOURS)
    message = models.TextField("预警内容")
    raised_period = models.PositiveSmallIntegerField("发出期次")
    latest_period = models.PositiveSmallIntegerField("最近触发期次")
    cleared_period = models.PositiveSmallIntegerField("解除期次", null=True, blank=True)
    cleared_reason = models.CharField("解除原因", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "监控预警"
        ordering = ["project", "raised_period", "pk"]
        # The open ones of a colour, latest first (work queue, warning board): read in index order.
        indexes = [models.Index(fields=["colour", "-id"], condition=models.Q(cleared_period__isnull=True),
                                name="open_warning_by_colour_latest")]

    @property
    def is_open(self) -> bool:
        return self.cleared_period is None


class CorrectiveAction(models.Model):
    """纠偏: finance's (or the unit's own) action on a project, with the amount where it moves money."""

    project = models.ForeignKey("store.Project", on_delete=models.CASCADE, related_name="corrective_actions")
    warning = models.ForeignKey(MonitoringWarning, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    kind = models.CharField("措施", max_length=20, choices=CORRECTIONS)
    initiator = models.CharField("发起方", max_length=10, choices=[("finance", "财政"), ("unit", "单位主动申请")],
                                 default="finance")
    amount = MoneyField("金额（元）", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    actor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "纠偏措施"
        ordering = ["-at"]
        indexes = [models.Index(fields=["-at"], name="action_latest_first")]  # the latest actions, read in order


class SelfEvaluationRecord(models.Model):
    """The unit's self-evaluation of a project's year (the indicator actuals live on the indicators)."""

    project = models.OneToOneField("store.Project", on_delete=models.CASCADE, related_name="selfeval")
    total = StoredDecimalField("总分", max_digits=6, decimal_places=2)
    grade = models.CharField("等级", max_length=2)
    submitted = models.BooleanField("已提交", default=False)
    goal_statement = models.TextField("全年目标实际完成情况", blank=True)
    experience = models.TextField("主要经验做法", blank=True)
    submitted_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "单位自评"


class KeyEvaluation(models.Model):
    """部门评价 / 财政重点评价 of one project by a team (SPEC §2)."""

    project = models.ForeignKey("store.Project", on_delete=models.CASCADE, related_name="key_evaluations")
    title = models.CharField("评价名称", max_length=200)
    selected_because = models.CharField("选取依据", max_length=100, blank=True)
    members = models.ManyToManyField(USER, related_name="evaluations", verbose_name="评价组成员")
    status = models.CharField("状态", max_length=10, choices=[("open", "评价中"), ("final", "已出具报告")], default="open")
    total = StoredDecimalField("评价得分", max_digits=6, decimal_places=2, null=True, blank=True)
    grade = models.CharField("评价等级", max_length=2, blank=True)
    report_date = models.DateField("报告日期", null=True, blank=True)
    experience = models.TextField("主要经验及做法", blank=True, max_length=2000)
    advice = models.TextField("有关建议", blank=True, max_length=2000)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "重点评价"
        ordering = ["-created_at"]


class EvaluationScore(models.Model):
    """One member's score on one 三级 item of the framework."""

    evaluation = models.ForeignKey(KeyEvaluation, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    item = models.CharField("三级指标", max_length=100)
    score = StoredDecimalField("得分", max_digits=6, decimal_places=2)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["evaluation", "member", "item"], name="one_score_per_item")]


class EvaluationFinding(models.Model):
    """问题清单 row of an evaluation."""

    evaluation = models.ForeignKey(KeyEvaluation, on_delete=models.CASCADE, related_name="findings")
    category = models.CharField("问题类别", max_length=12, choices=FINDING_CATEGORIES)
    description = models.TextField("问题描述")


class BudgetSuggestion(models.Model):
    """Next year's budget consequence of an evaluation grade (SPEC §6.1), confirmed or overridden by finance."""

    evaluation = models.OneToOneField(KeyEvaluation, on_delete=models.CASCADE, related_name="suggestion")
    grade = models.CharField("等级", max_length=2)
    action = models.CharField("处理", max_length=100)
    budget = MoneyField("当年预算（元）")
    max_cut = MoneyField("最高扣减（元）", null=True, blank=True)
    suggested = MoneyField("建议下年安排（元）", null=True, blank=True)
    confirmed = MoneyField("确定下年安排（元）", null=True, blank=True)
    override_reason = models.TextField("调整理由", blank=True)
    confirmed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "预算安排建议"


class RectificationItem(models.Model):
    """整改事项 (SPEC §6.2): from an evaluation finding or a monitoring warning; closes itself when tied to a
    warning that a later period clears."""

    project = models.ForeignKey("store.Project", on_delete=models.CASCADE, related_name="rectifications")
    finding = models.OneToOneField(EvaluationFinding, null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="rectification")
    warning = models.ForeignKey(MonitoringWarning, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="rectifications")
    category = models.CharField("问题类别", max_length=12, choices=FINDING_CATEGORIES, default="other")
    description = models.TextField("问题描述")
    report_date = models.DateField("报告日期")
    deadline = models.DateField("整改期限")
    response = models.TextField("整改情况", blank=True)
    evidence = models.CharField("佐证材料", max_length=300, blank=True)
    done_on = models.DateField("完成日期", null=True, blank=True)
    closed_automatically = models.BooleanField("条件消除自动关闭", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "整改事项"
        ordering = ["deadline", "pk"]
        # The open items, nearest deadline first (work queues): read in index order, not sorted after a join.
        indexes = [models.Index(fields=["deadline"], condition=models.Q(done_on__isnull=True),
                                name="open_rectification_by_deadline")]


class ReleaseExplanation(models.Model):
    """A written explanation of a warning in a generated document, kept with the document (SPEC release gate)."""

    document = models.CharField("文档", max_length=100)  # e.g. 'selfeval:12', 'evaluation:3'
    fingerprint = models.CharField("问题指纹", max_length=64)
    text = models.TextField("说明")
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "发布说明"
        constraints = [models.UniqueConstraint(fields=["document", "fingerprint"], name="one_explanation_each")]


class BatchJob(models.Model):
    """Long generation work (e.g. every self-evaluation report of a department) run in the background; the page
    polls its progress."""

    kind = models.CharField("任务", max_length=30)
    params = models.JSONField("参数", default=dict)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=10, default="queued",
                              choices=[("queued", "排队中"), ("running", "进行中"), ("done", "已完成"), ("failed", "失败")])
    total = models.PositiveIntegerField("总数", default=0)
    done = models.PositiveIntegerField("已处理", default=0)
    message = models.TextField("结果说明", blank=True)
    result = models.CharField("结果文件", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat = models.DateTimeField(auto_now_add=True)  # the worker touches it as it goes
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "后台任务"
        ordering = ["-created_at"]

    @property
    def percent(self) -> int:
        return 100 if self.status == "done" else int(self.done * 100 / self.total) if self.total else 0


class DepartmentLedger(models.Model):
    """A department's 决算 ledger of one year (the JSON interchange of `jixiao report disclosure`): the source of
    its 决算公开 package and of the department-wide ratios."""

    department = models.ForeignKey("store.Department", on_delete=models.CASCADE, related_name="ledgers")
    year = models.PositiveIntegerField("年度")
    data = models.JSONField("台账数据")
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "决算台账"
        constraints = [models.UniqueConstraint(fields=["department", "year"], name="one_ledger_per_year")]
