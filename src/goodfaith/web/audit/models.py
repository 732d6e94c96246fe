"""The audit log (操作日志): append-only and hash-chained, so a changed or removed record shows."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditHead(models.Model):
    """One row, locked while appending: it serialises writers and holds the chain's last hash."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)


class AuditRecord(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True, default="")
    address = models.GenericIPAddressField(null=True, blank=True)
    action = models.CharField(max_length=60)
    target = models.CharField(max_length=200, blank=True, default="")
    detail = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]

    def __str__(self) -> str:
        return (
            f"{self.seq} {self.at:%Y-%m-%d %H:%M:%S} {self.actor_name} {self.action} {self.target}"
        )
