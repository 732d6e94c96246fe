from django.contrib.auth import views as auth_views
from django.urls import path

from goodfaith.web.staff import imports, statistics, supervision, views

app_name = "staff"

urlpatterns = [
    path("", views.case_list, name="cases"),
    path("inbox/", views.inbox, name="inbox"),
    path("supervision/", supervision.supervision, name="supervision"),
    path("statistics/", statistics.statistics, name="statistics"),
    path("tasks/<int:task_id>/decide/", views.decide, name="decide"),
    path("disputes/<int:dispute_id>/", views.dispute_detail, name="dispute"),
    path("disputes/<int:dispute_id>/record/", views.record_event, name="record"),
    path("disputes/<int:dispute_id>/certificate/", views.issue_certificate, name="certificate"),
    path("documents/<int:document_id>.pdf", views.document_pdf, name="document_pdf"),
    path("import/", imports.import_page, name="import"),
    path("import/file/", imports.import_file, name="import_file"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="staff/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
