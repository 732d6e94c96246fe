"""An application and its materials. The application is also an event of the case file
(``repair_applied``); the decision is the court's events (shielded, delisted, restrictions lifted)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from goodfaith.web.cases.models import Dispute
from goodfaith.web.documents.models import IssuedDocument


class RepairApplication(models.Model):
    STATUS = [("submitted", "已提交，等待法院审查"), ("granted", "已准予"), ("refused", "不予准许")]

    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="repair_applications"
    )
    party_key = models.CharField(max_length=32)
    case_number = models.CharField(max_length=64)
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_on = models.DateField()
    #: the conditions the applicant states (condition -> bool) and the effects asked for
    conditions = models.JSONField(default=dict)
    effects = models.JSONField(default=list)
    statement = models.TextField(blank=True, default="")
    contact = models.CharField(max_length=100, blank=True, default="")
    status = models.CharField(max_length=16, choices=STATUS, default="submitted")
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(blank=True, default="")
    granted_effects = models.JSONField(default=list)
    document = models.ForeignKey(
        IssuedDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case_number} {self.party_key} {self.status}"


class Material(models.Model):
    """An uploaded file: stored outside the web root under a random name, served only to staff."""

    application = models.ForeignKey(
        RepairApplication, on_delete=models.CASCADE, related_name="materials"
    )
    name = models.CharField(max_length=120)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    path = models.CharField(max_length=200)  # relative to the uploads folder
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name
