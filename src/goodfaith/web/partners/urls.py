from django.urls import URLPattern, URLResolver, path

from goodfaith.web.partners import api, compliance

app_name = "partners"

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/partner/changes", api.changes, name="changes"),
    path("api/partner/acks", api.acks, name="acks"),
    path("api/partner/snapshot", api.snapshot, name="snapshot"),
    path("api/partner/reconciliation", api.reconciliation, name="reconciliation"),
    path("partners/compliance/", compliance.compliance, name="compliance"),
]
