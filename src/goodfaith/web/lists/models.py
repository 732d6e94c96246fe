"""What the public may see of the lists: derived rows, rewritten with the case file.

A ``PublicRecord`` exists only for a published dishonest-list entry, a consumption restriction in
force or an honest-list entry; a shielded, deleted or lifted one has no row at all, so no query
can return it. Rows hold no full identity number: ``lookup`` is a keyed hash (HMAC-SHA256) of the
identity number and the name, and ``payload`` is the record's public JSON, masked.
"""

from __future__ import annotations

from django.db import models

from goodfaith.web.cases.models import Court, Dispute


class PublicRecord(models.Model):
    LISTS = [
        ("dishonest", "失信被执行人名单"),
        ("consumption", "限制消费"),
        ("honest", "诚信履行名单"),
    ]

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="public_records")
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="+")
    party_key = models.CharField(max_length=32)
    list = models.CharField(max_length=16, choices=LISTS)
    case_number = models.CharField(max_length=64)
    lookup = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    #: for the minors guard at query time; never published
    birth_date = models.DateField(null=True, blank=True)
    since = models.DateField()
    payload = models.TextField()

    class Meta:
        indexes = [
            models.Index(fields=["lookup"], name="public_lookup"),
            models.Index(fields=["list", "court", "since"], name="public_by_list"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dispute", "party_key", "list", "case_number"], name="one_public_record"
            )
        ]

    def __str__(self) -> str:
        return f"{self.list} {self.case_number} {self.name}"
