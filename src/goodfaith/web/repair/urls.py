from django.urls import URLPattern, URLResolver, path

from goodfaith.web.repair import portal, staff

app_name = "repair"

urlpatterns: list[URLPattern | URLResolver] = [
    path("public/repair/", portal.sign_in, name="sign_in"),
    path("public/repair/me/", portal.me, name="me"),
    path("public/repair/apply/", portal.apply, name="apply"),
    path("public/repair/sign-out/", portal.sign_out, name="sign_out"),
    path("public/repair/documents/<int:document_id>.pdf", portal.document, name="document"),
    path("repair/applications/<int:application_id>/", staff.application, name="application"),
    path("repair/materials/<int:material_id>/", staff.material, name="material"),
]
