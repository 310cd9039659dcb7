"""Master data for the 系统管理 role (Django admin, zh-Hans): jurisdictions with their profile, departments and
units with codes, accounts, fiscal years, classification codes and the indicator library. Projects, goals,
reviews and history are not here: they change only through the workflow, and history never changes."""

from __future__ import annotations

import contextlib

from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered

from jixiao.store.models import (
    Account,
    ClassificationCode,
    Department,
    FiscalYear,
    IndicatorTemplate,
    Jurisdiction,
    Unit,
)


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "profile_title")
    search_fields = ("code", "name")

    @admin.display(description="地区配置", ordering="profile")
    def profile_title(self, row: Jurisdiction) -> str:
        from jixiao.store.access import profile_named

        try:
            return profile_named(row.profile).title
        except Exception:  # an unknown name is shown as stored; check_data reports it
            return row.profile


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "jurisdiction")
    list_filter = ("jurisdiction",)
    search_fields = ("code", "name")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "department")
    list_filter = ("department__jurisdiction",)
    search_fields = ("code", "name")


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "role", "unit", "department", "jurisdiction")
    list_filter = ("role",)
    search_fields = ("user__username",)


@admin.register(FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("year", "current")

    @admin.display(description="当前年度", ordering="is_current")
    def current(self, row: FiscalYear) -> str:
        return "是" if row.is_current else "否"  # Django's boolean icons read “True/False” to screen readers


@admin.register(ClassificationCode)
class ClassificationCodeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("year", "kind", "code", "name")
    list_filter = ("year", "kind")
    search_fields = ("code", "name")


@admin.register(IndicatorTemplate)
class IndicatorTemplateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("level1", "level2", "name", "operator", "unit", "typical_target", "source")
    list_filter = ("level1", "level2")
    search_fields = ("name",)


# The background-task backend's own admin is English only ("Tasks Database Backend / Task Results"); the pages
# show each job's progress in Chinese instead.
with contextlib.suppress(NotRegistered, ImportError):
    from django_tasks_db.models import DBTaskResult

    admin.site.unregister(DBTaskResult)
