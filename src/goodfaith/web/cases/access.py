"""Every permission-checked read of the case file goes through here.

A staff member sees the disputes of their own courts only; a superuser sees all.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from goodfaith.web.cases import models as db


def courts_of(user: AbstractBaseUser | AnonymousUser) -> QuerySet[db.Court]:
    if not user.is_authenticated:
        return db.Court.objects.none()
    if getattr(user, "is_superuser", False):
        return db.Court.objects.all()
    return db.Court.objects.filter(staff__user=user)


def disputes_for(user: AbstractBaseUser | AnonymousUser) -> QuerySet[db.Dispute]:
    return db.Dispute.objects.filter(court__in=courts_of(user))


def access_dispute(user: AbstractBaseUser | AnonymousUser, dispute_id: int) -> db.Dispute:
    """The dispute if ``user`` may see it; 404 otherwise (no hint that it exists)."""
    dispute = disputes_for(user).select_related("court").filter(pk=dispute_id).first()
    if dispute is None:
        raise Http404("no such case file")
    return dispute
