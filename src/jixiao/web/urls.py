from django.contrib.auth import views as auth_views
from django.urls import path

from jixiao.api import api
from jixiao.web.views import audit_log, goals, history, masterdata, projects, review

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
    path("reviews/statistics/", review.review_stats, name="review_stats"),
    path("library/", masterdata.library, name="library"),
    path("codes/", masterdata.codes, name="codes"),
    path("account/tokens/", masterdata.tokens, name="tokens"),
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/", api.urls),
    path("changes/", audit_log.changes, name="changes"),
]

handler403 = "jixiao.web.views.errors.forbidden"
handler404 = "jixiao.web.views.errors.not_found"
handler500 = "jixiao.web.views.errors.server_error"
