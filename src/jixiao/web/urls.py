from django.contrib.auth import views as auth_views
from django.urls import path

from jixiao.web import views

urlpatterns = [
    path("", views.projects, name="projects"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
