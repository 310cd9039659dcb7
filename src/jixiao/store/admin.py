"""Master data for the 系统管理 role (Django admin, zh-Hans): jurisdictions with their profile, departments and
units with codes, accounts, fiscal years, classification codes and the indicator library. Projects, goals,
reviews and history are not here: they change only through the workflow, and history never changes."""

from __future__ import annotations

from django.contrib import admin

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
    list_display = ("code", "name", "profile")
    search_fields = ("code", "name")


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
    list_display = ("year", "is_current")


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
