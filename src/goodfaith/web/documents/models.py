"""The registry of issued documents (文书登记): number, data, hash, signature, revocation."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from goodfaith.web.cases.models import Court, Dispute


class DocumentSeries(models.Model):
    """A court's per-year series of document numbers."""

    court = models.ForeignKey(Court, on_delete=models.PROTECT)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["court", "year"], name="one_series_per_court_year")
        ]


class IssuedDocument(models.Model):
    """A document the court issued: its signed data re-renders it identically."""

    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="documents")
    dispute = models.ForeignKey(Dispute, on_delete=models.PROTECT, related_name="documents")
    year = models.PositiveIntegerField()
    serial = models.PositiveIntegerField()
    number = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=48)
    party_key = models.CharField(max_length=32)
    case_number = models.CharField(max_length=64)
    data = models.JSONField()
    sha256 = models.CharField(max_length=64)
    signature = models.CharField(max_length=128)
    public_key = models.CharField(max_length=64)
    code = models.CharField(max_length=14, unique=True)
    issued_on = models.DateField()
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=255, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["court", "year", "serial"], name="unique_serial_per_court_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.kind}"
