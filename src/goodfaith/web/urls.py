from django.urls import include, path

urlpatterns = [
    path("", include("goodfaith.web.lists.urls")),
    path("", include("goodfaith.web.portal.urls")),
    path("", include("goodfaith.web.repair.urls")),
    path("", include("goodfaith.web.partners.urls")),
    path("", include("goodfaith.web.staff.urls")),
]
