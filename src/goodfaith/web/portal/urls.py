"""The public portal's addresses (included at the site root)."""

from django.urls import URLPattern, URLResolver, path

from goodfaith.web.portal import views

app_name = "portal"

urlpatterns: list[URLPattern | URLResolver] = [
    path("public/", views.home, name="home"),
    path("public/qr.svg", views.qr_code, name="qr"),
    path("public/guide/", views.guide, name="guide"),
    path("public/rules/", views.rules, name="rules"),
    path("public/cases/", views.cases, name="cases"),
    path("public/regulations/", views.regulations, name="regulations"),
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>", views.verify, name="verify"),
    path("api/public/", views.api_docs, name="api_docs"),
    path("api/public/openapi.json", views.openapi_json, name="openapi"),
    path("api/public/certificates/<str:code>", views.certificate_api, name="certificate_api"),
]
