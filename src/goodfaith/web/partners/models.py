"""Partners, their credentials, the ordered change log (outbox) and each change's delivery."""

from __future__ import annotations

from django.db import models

from goodfaith.web.cases.models import Court, Dispute

LISTS = [
    ("dishonest", "失信被执行人名单"),
    ("consumption", "限制消费"),
    ("exit", "限制出境"),
    ("honest", "诚信履行名单"),
    ("repair", "信用修复"),
    ("certificates", "证明书"),
]


class Partner(models.Model):
    KINDS = [
        ("regulator", "市场监管部门"),
        ("tax", "税务部门"),
        ("bank", "银行"),
        ("credit_platform", "信用平台"),
        ("other", "其他单位"),
    ]
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="partners")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=KINDS)
    #: the lists this partner is approved for (codes of LISTS)
    lists = models.JSONField(default=list)
    #: may receive full identity numbers (under its agreement); otherwise what the public sees
    full_identity = models.BooleanField(default=False)
    webhook_url = models.URLField(blank=True, default="")
    #: Standard Webhooks secret (whsec_…); shared with the partner, so it is stored as is
    webhook_secret = models.CharField(max_length=80, blank=True, default="")
    #: working days the partner has to acknowledge a change as applied
    ack_working_days = models.PositiveSmallIntegerField(default=3)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["court", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def list_labels(self) -> list[str]:
        labels = dict(LISTS)
        return [labels.get(code, code) for code in self.lists]


class Credential(models.Model):
    """An API key: ``gf_<key id>.<secret>``; only the secret's SHA-256 is stored."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="credentials")
    key_id = models.CharField(max_length=24, unique=True)
    secret_sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.key_id


class ChangeCounter(models.Model):
    """One row: the last sequence number. Locked by each writer, so sequence order is commit
    order and a reader paging with ``after=N`` never skips a change committed later."""

    last = models.BigIntegerField(default=0)


class Change(models.Model):
    seq = models.BigIntegerField(unique=True)
    #: the CloudEvents id and the Standard Webhooks message id: receivers deduplicate on it
    uid = models.CharField(max_length=40, unique=True)
    list = models.CharField(max_length=16, choices=LISTS)
    type = models.CharField(max_length=40)
    record_id = models.CharField(max_length=160)
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="+")
    dispute = models.ForeignKey(Dispute, on_delete=models.SET_NULL, null=True, related_name="+")
    on = models.DateField()
    #: the record as the public may see it (None for a tombstone) and the full identity number
    payload = models.JSONField(null=True)
    full_id = models.CharField(max_length=18, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["list", "seq"])]

    def __str__(self) -> str:
        return f"{self.seq} {self.type} {self.record_id}"


class ListState(models.Model):
    """The last state each record was announced in (what the next change is computed from)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="+")
    record_id = models.CharField(max_length=160, unique=True)
    list = models.CharField(max_length=16)
    state = models.CharField(max_length=16)
    digest = models.CharField(max_length=64)


class Delivery(models.Model):
    """One change for one partner: push attempts and the partner's acknowledgement."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="deliveries")
    change = models.ForeignKey(Change, on_delete=models.CASCADE, related_name="deliveries")
    #: the date by which the partner must report the change applied
    due = models.DateField()
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    dead_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, default="")
    #: applied | rejected (the partner's report, separate from the HTTP answer)
    ack = models.CharField(max_length=10, blank=True, default="")
    ack_reason = models.TextField(blank=True, default="")
    acked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partner", "change"], name="one_delivery_per_partner")
        ]
        indexes = [
            models.Index(fields=["partner", "ack", "due"]),
            models.Index(fields=["next_attempt_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {self.change.seq}"


class Reconciliation(models.Model):
    """A partner's report of what it shows, and whether the guard refused it."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="reconciliations")
    list = models.CharField(max_length=16)
    declared = models.PositiveIntegerField()
    shown = models.PositiveIntegerField()
    active = models.PositiveIntegerField()
    to_remove = models.PositiveIntegerField()
    to_add = models.PositiveIntegerField()
    refused = models.BooleanField(default=False)
    problem = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.partner} {self.list} {self.created_at:%Y-%m-%d}"


class HonestSchedule(models.Model):
    """How often a court pushes its whole honest-performer list (Zhenhai pushes periodically)."""

    court = models.OneToOneField(Court, on_delete=models.CASCADE, related_name="honest_schedule")
    every_days = models.PositiveSmallIntegerField(default=30)
    last_pushed_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.court} every {self.every_days} days"
