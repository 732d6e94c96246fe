"""Staff roles (岗位) and what each may record in the case file.

A staff member belongs to one or more courts and holds one or more roles; every write is checked
against both (``may_record``), every read against the courts (``access.py``).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

ROLES: dict[str, str] = {
    "filing": "立案庭",
    "trial": "业务庭",
    "mediator": "调解员",
    "enforcement_judge": "执行法官",
    "panel": "合议庭成员",
    "leadership": "院领导",
    "admin": "系统管理员",
}

_STAGE3 = {
    "document_served", "summons_missed", "located_by_search", "property_report", "measure_applied",
    "measure_lifted", "auction_started", "property_disposed", "conduct", "prosecution_referred",
    "consumption_restricted", "consumption_restriction_lifted", "exit_restricted",
    "exit_restriction_lifted", "listed", "shielded", "unshielded", "delisted", "fine_decided",
    "detention_decided", "settlement_agreed", "credit_commitment", "payment", "act_performed",
    "creditor_confirmed", "repair_applied", "certificate_issued", "case_closed", "case_resumed",
}  # fmt: skip

#: event types each role may record
ROLE_EVENTS: dict[str, frozenset[str]] = {
    "trial": frozenset(
        {
            "judgment_effective",
            "account_recorded",
            "document_served",
            "payment",
            "certificate_issued",
        }
    ),
    "filing": frozenset(
        {
            "pre_enforcement_requested",
            "pre_enforcement_registered",
            "enforcement_filed",
            "objection_filed",
            "document_served",
            "case_resumed",
        }
    ),
    "mediator": frozenset(
        {
            "contact_attempt",
            "pre_enforcement_concluded",
            "document_served",
            "payment",
            "creditor_confirmed",
        }
    ),
    "enforcement_judge": frozenset(_STAGE3 | {"objection_filed"}),
    "panel": frozenset({"panel_decided"}),
    "leadership": frozenset(),
    "admin": frozenset(),
}


def roles_of(user: AbstractBaseUser | AnonymousUser) -> set[str]:
    staff = getattr(user, "staff", None) if user.is_authenticated else None
    return set(staff.roles) if staff is not None else set()


def may_record(user: AbstractBaseUser | AnonymousUser, court_code: str, event_type: str) -> bool:
    """Whether ``user`` may record an event of ``event_type`` in a case file of ``court_code``."""
    if not user.is_authenticated:
        return False
    if getattr(user, "is_superuser", False):
        return True
    staff = getattr(user, "staff", None)
    if staff is None or not staff.courts.filter(code=court_code).exists():
        return False
    return any(event_type in ROLE_EVENTS.get(role, frozenset()) for role in staff.roles)
