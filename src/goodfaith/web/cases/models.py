"""Storage of the case file: courts, parties, disputes, cases, the event log and derived state.

The event log is append-only: a correction is a new ``voided`` event pointing at the one it
voids. ``PartyState`` rows are derived (folded from the log) and rewritten in the same
transaction as every append, so they never disagree with the log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Court(models.Model):
    """A court (人民法院), known by its code in case numbers (法院代字, e.g. 粤0114)."""

    code = models.CharField(max_length=16, unique=True)
    name = models.CharField(max_length=64)
    policy = models.CharField(max_length=32, blank=True, default="")

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"


class Party(models.Model):
    """One person (自然人) or unit (法人或者其他组织) across cases and courts.

    Parties with an identity number are matched on it; without one, each dispute has its own.
    """

    KIND_CHOICES = [("person", "自然人"), ("unit", "法人或者其他组织")]
    kind = models.CharField(max_length=8, choices=KIND_CHOICES)
    name = models.CharField(max_length=128)
    id_number = models.CharField(max_length=18, null=True, blank=True, unique=True)
    birth_date = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=8, blank=True, default="")

    def __str__(self) -> str:
        return self.name


class Dispute(models.Model):
    """One dispute's case file (one timeline): rooted in an effective document's case."""

    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="disputes")
    root_case = models.CharField(max_length=64, unique=True)
    title = models.CharField(max_length=255)
    policy = models.CharField(max_length=32, blank=True, default="")
    # derived at every write (see actions.refresh_state)
    latest_case = models.CharField(max_length=64, blank=True, default="")
    stage = models.CharField(max_length=16, blank=True, default="")
    outstanding = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.title


class DisputeParty(models.Model):
    """A party as named in one dispute's timeline (its key, e.g. ``D1``)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="parties")
    key = models.CharField(max_length=32)
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="roles")
    representative_key = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dispute", "key"], name="unique_party_key_per_dispute")
        ]
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.key}: {self.party.name}"


class Case(models.Model):
    """A case (案件) of a dispute: the effective document, a 执前调, an enforcement (执/执恢)."""

    KIND_CHOICES = [
        ("judgment", "生效法律文书"),
        ("pre_enforcement", "执前督促"),
        ("enforcement", "执行"),
    ]
    number = models.CharField(max_length=64, unique=True)
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="cases")
    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="cases")
    kind = models.CharField(max_length=16, choices=KIND_CHOICES)
    opened_on = models.DateField()

    class Meta:
        ordering = ["opened_on", "id"]

    def __str__(self) -> str:
        return self.number


class Event(models.Model):
    """One entry of the append-only case file. ``payload`` is the event's canonical timeline form."""

    VOIDED = "voided"
    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveIntegerField()
    case = models.ForeignKey(Case, on_delete=models.PROTECT, null=True, blank=True)
    on = models.DateField()
    type = models.CharField(max_length=40)
    payload = models.JSONField()
    digest = models.CharField(max_length=64)
    voids = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="voided_by"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    source = models.CharField(max_length=255, blank=True, default="")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dispute", "seq"], name="unique_event_seq_per_dispute")
        ]
        indexes = [models.Index(fields=["dispute", "on", "seq"])]
        ordering = ["on", "seq"]

    def __str__(self) -> str:
        return f"{self.on} {self.type}"


class PartyState(models.Model):
    """Derived: a party's status in its dispute, folded from the log at every append."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="states")
    dispute_party = models.OneToOneField(
        DisputeParty, on_delete=models.CASCADE, related_name="state"
    )
    case = models.ForeignKey(Case, on_delete=models.CASCADE, null=True, blank=True)
    as_of = models.DateField()
    stage = models.CharField(max_length=16)
    listed = models.BooleanField(default=False)
    shielded = models.BooleanField(default=False)
    consumption_restricted = models.BooleanField(default=False)
    exit_restricted = models.BooleanField(default=False)
    measures = models.JSONField(default=list)
    paid = models.DecimalField(max_digits=18, decimal_places=2)
    outstanding = models.DecimalField(max_digits=18, decimal_places=2)

    class Meta:
        indexes = [models.Index(fields=["listed", "shielded"])]


class Staff(models.Model):
    """A staff member's courts (工作人员所属法院) and roles (岗位)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff"
    )
    courts = models.ManyToManyField(Court, related_name="staff")
    #: role codes of ``roles.ROLES`` (立案庭, 业务庭, 调解员, 执行法官, 合议庭成员, 院领导, 系统管理员)
    roles = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return str(self.user)
