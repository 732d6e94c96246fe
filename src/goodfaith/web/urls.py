from django.urls import include, path

urlpatterns = [
    path("", include("goodfaith.web.staff.urls")),
]
