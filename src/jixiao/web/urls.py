from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from jixiao.api import api
from jixiao.web.views import (
    audit_log,
    batch_results,
    dashboard,
    department,
    documents,
    evaluation,
    exante,
    goals,
    history,
    jobs,
    masterdata,
    monitoring,
    projects,
    review,
    selfeval,
)

urlpatterns = [
    path("", projects.project_list, name="projects"),
    path("projects/new/", projects.project_new, name="project_new"),
    path("projects/template.xlsx", projects.template_download, name="project_template"),
    path("projects/export.xlsx", projects.project_export, name="project_export"),
    path("projects/import/", projects.project_import, name="project_import"),
    path("projects/<int:pk>/", projects.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<int:pk>/goal/", goals.goal_edit, name="goal_edit"),
    path("projects/<int:pk>/goal/check/", goals.goal_check, name="goal_check"),
    path("projects/<int:pk>/act/", review.project_act, name="project_act"),
    path("projects/<int:pk>/history/", history.project_history, name="project_history"),
    path("projects/<int:pk>/exante/", exante.exante, name="exante"),
    path("projects/<int:pk>/monitoring/<int:period>/", monitoring.monitoring_entry, name="monitoring_entry"),
    path("projects/<int:pk>/selfeval/", selfeval.selfeval, name="selfeval"),
    path("monitoring/", monitoring.warning_board, name="warning_board"),
    path("monitoring/warnings/<int:pk>/act/", monitoring.warning_act, name="warning_act"),
    path("evaluations/", evaluation.evaluation_list, name="evaluations"),
    path("evaluations/new/", evaluation.evaluation_create, name="evaluation_create"),
    path("evaluations/<int:pk>/", evaluation.evaluation_detail, name="evaluation_detail"),
    path("results/", evaluation.results, name="results"),
    path("results/suggestions/<int:pk>/", evaluation.suggestion_confirm, name="suggestion_confirm"),
    path("results/rectifications/<int:pk>/", evaluation.rectification_respond, name="rectification_respond"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/batch/", batch_results.batch_results, name="batch_results"),
    path("departments/", department.department_list, name="departments"),
    path("departments/<int:pk>/", department.department_overview, name="department_overview"),
    path("departments/<int:pk>/reports/", jobs.start_department_reports, name="department_reports"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:pk>/download/", jobs.job_download, name="job_download"),
    path("documents/selfeval/<int:pk>/", documents.selfeval_report, name="selfeval_report"),
    path("documents/evaluation/<int:pk>/", documents.evaluation_report, name="evaluation_report"),
    path("documents/summary/", documents.work_summary, name="work_summary"),
    path("documents/disclosure/<int:pk>/", documents.disclosure_package, name="disclosure_package"),
    path("reviews/statistics/", review.review_stats, name="review_stats"),
    path("library/", masterdata.library, name="library"),
    path("codes/", masterdata.codes, name="codes"),
    path("account/tokens/", masterdata.tokens, name="tokens"),
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("changes/", audit_log.changes, name="changes"),
]

admin.site.site_header = admin.site.site_title = "jixiao 绩效 · 基础数据管理"
admin.site.index_title = "基础数据"

handler403 = "jixiao.web.views.errors.forbidden"
handler404 = "jixiao.web.views.errors.not_found"
handler500 = "jixiao.web.views.errors.server_error"
