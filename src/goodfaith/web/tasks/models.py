"""Tasks (待办): a lapsed clock turned into work for a person, with the proposed decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from goodfaith.web.cases.models import Court, Dispute


class Task(models.Model):
    """One task per (dispute, clock key): the unique constraint makes sweeps exactly-once."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="tasks")
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="tasks")
    key = models.CharField(max_length=200)
    kind = models.CharField(max_length=40)
    case_number = models.CharField(max_length=64)
    party_key = models.CharField(max_length=32, blank=True, default="")
    due = models.DateField()
    proposal = models.CharField(max_length=40)
    #: the role (岗位) whose inbox the task lands in (cases.roles.ROLES)
    role = models.CharField(max_length=24, default="enforcement_judge")
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    #: accepted | rejected
    decision = models.CharField(max_length=16, blank=True, default="")
    decision_reason = models.TextField(blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dispute", "key"], name="one_task_per_clock")
        ]
        indexes = [models.Index(fields=["court", "done_at", "due"])]
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return f"{self.due} {self.kind} {self.case_number}"
