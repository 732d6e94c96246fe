"""The vocabulary of a case timeline (goodfaith-timeline/1): one frozen record per event type.

Field names and enum values are those of ``shared/spec/case-timeline-format.md``; a field whose
YAML key is a Python keyword (``from``) carries the key in its metadata. Party references are
``PartyRef`` (the party's key in the file), case references are ``CaseNumber``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from goodfaith.core.values.case_number import CaseNumber

FORMAT = "goodfaith-timeline/1"


class _PartyMarker:
    """Marks a ``str`` field as a reference to a declared party key."""


PartyRef = Annotated[str, _PartyMarker]
PARTY_MARKER = _PartyMarker

PartyKind = Literal["person", "unit"]
Gender = Literal["male", "female"]
DocumentCode = Literal[
    "automatic_performance_notice",
    "pre_enforcement_application",
    "pre_enforcement_notice",
    "enforcement_notice",
    "property_report_order",
    "pre_listing_notice",
    "pre_fine_notice",
    "detention_risk_notice",
    "objection_risk_notice",
    "credit_commitment_settlement",
    "credit_commitment_temporary",
    "automatic_performance_certificate",
    "active_performance_certificate",
    "closure_notice",
    "credit_repair_certificate",
    "credit_repair_notice",
    "listing_decision",
    "fine_decision",
    "detention_decision",
    "consumption_restriction_order",
]
RepairCondition = Literal[
    "appears_when_summoned",
    "reports_property",
    "obeys_consumption_order",
    "cooperates_with_disposal",
    "performance_plan",
    "contact_details",
]
RepairEffect = Literal["shield", "delete", "shorten", "lift_exit", "lift_consumption"]
ConductKind = Literal[
    "refusal_with_capacity",
    "obstruction",
    "evasion",
    "property_report_violation",
    "consumption_order_violation",
    "settlement_refusal",
]
#: art. 1 item of the SPC dishonest-list rules that each conduct kind establishes
CONDUCT_ITEM: dict[str, int] = {
    "refusal_with_capacity": 1,
    "obstruction": 2,
    "evasion": 3,
    "property_report_violation": 4,
    "consumption_order_violation": 5,
    "settlement_refusal": 6,
}
CloseReason = Literal[
    "performed",
    "settlement_performed",
    "terminated_this_round",
    "terminated",
    "not_enforced",
    "withdrawn",
]
Ask = Literal[
    "certificate",
    "listing",
    "deletion",
    "pre_notice",
    "fine_range",
    "detention_range",
    "repair",
    "temporary_repair",
    "pre_enforcement",
    "honest_list",
    "status",
]


def key(name: str) -> dict[str, str]:
    """Field metadata: the YAML key differs from the Python name."""
    return {"key": name}


# --- parties and nested values ------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """A party (当事人): a natural person (自然人) or a unit (法人或者其他组织)."""

    key: str
    name: str
    kind: PartyKind
    id_number: str | None = None
    birth_date: date | None = None
    gender: Gender | None = None
    representative: PartyRef | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Obligation:
    """One duty fixed by the effective document (生效法律文书确定的义务)."""

    id: str
    kind: Literal["money", "act"]
    debtors: tuple[PartyRef, ...]
    liability: Literal["joint", "several"]
    amount: Decimal | None = None
    shares: dict[PartyRef, Decimal] | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Fees:
    """Litigation and enforcement fees (案件受理费、其他诉讼费用、申请执行费)."""

    acceptance: Decimal | None = None
    other: Decimal | None = None
    enforcement: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Installment:
    """One instalment of a settlement agreement (执行和解协议)."""

    due: date
    amount: Decimal


# --- events ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Base of every event: its effective date. ``TYPE`` is the spec's ``type`` value."""

    TYPE: ClassVar[str] = ""
    on: date

    @property
    def case_ref(self) -> CaseNumber | None:
        """The case this event belongs to, if any."""
        return getattr(self, "case", None)


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseEvent(Event):
    case: CaseNumber


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyCaseEvent(CaseEvent):
    party: PartyRef


@dataclass(frozen=True, slots=True, kw_only=True)
class JudgmentEffective(CaseEvent):
    """生效法律文书: a document with a payment or act obligation became effective."""

    TYPE = "judgment_effective"
    document: Literal["judgment", "mediation", "ruling", "arbitral_award", "notarial_deed"]
    creditors: tuple[PartyRef, ...]
    debtors: tuple[PartyRef, ...]
    obligations: tuple[Obligation, ...]
    due: date | None = None
    served_by_announcement: bool = False
    fees: Fees | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountRecorded(CaseEvent):
    """收款账户: the creditor's receiving account (户名, 账号, 开户行)."""

    TYPE = "account_recorded"
    creditor: PartyRef
    holder: str
    account: str
    bank: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PreEnforcementRequested(Event):
    """申请执行, asked whether to go through 执前督促."""

    TYPE = "pre_enforcement_requested"
    basis: CaseNumber
    applicant: PartyRef
    consent: bool | None = None
    debtor_contact: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PreEnforcementRegistered(CaseEvent):
    """登记为执前调案件."""

    TYPE = "pre_enforcement_registered"
    basis: CaseNumber
    mediator: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactAttempt(PartyCaseEvent):
    TYPE = "contact_attempt"
    method: Literal["phone", "mail", "sms", "visit"]
    outcome: Literal["reached", "unreached", "refused"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PreEnforcementConcluded(CaseEvent):
    TYPE = "pre_enforcement_concluded"
    outcome: Literal["performed", "partly_performed", "failed"]
    transfer: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class EnforcementFiled(CaseEvent):
    """立案执行."""

    TYPE = "enforcement_filed"
    basis: CaseNumber
    applicants: tuple[PartyRef, ...]
    respondents: tuple[PartyRef, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentServed(CaseEvent):
    TYPE = "document_served"
    document: DocumentCode
    to: tuple[PartyRef, ...]
    deadline: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SummonsMissed(PartyCaseEvent):
    TYPE = "summons_missed"
    excused: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LocatedBySearch(PartyCaseEvent):
    TYPE = "located_by_search"


@dataclass(frozen=True, slots=True, kw_only=True)
class PropertyReport(PartyCaseEvent):
    TYPE = "property_report"
    status: Literal["on_time", "late", "refused", "false"]


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureApplied(PartyCaseEvent):
    TYPE = "measure_applied"
    id: str
    measure: Literal["freeze", "seal", "seize", "deduct", "withhold_income"]
    asset: Literal["bank_account", "real_estate", "vehicle", "equity", "income", "other"]
    value: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureLifted(CaseEvent):
    TYPE = "measure_lifted"
    id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AuctionStarted(PartyCaseEvent):
    TYPE = "auction_started"
    round: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class PropertyDisposed(PartyCaseEvent):
    TYPE = "property_disposed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Conduct(PartyCaseEvent):
    TYPE = "conduct"
    kind: ConductKind
    severe: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ProsecutionReferred(PartyCaseEvent):
    TYPE = "prosecution_referred"


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsumptionRestricted(PartyCaseEvent):
    TYPE = "consumption_restricted"


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsumptionRestrictionLifted(PartyCaseEvent):
    TYPE = "consumption_restriction_lifted"


@dataclass(frozen=True, slots=True, kw_only=True)
class ExitRestricted(PartyCaseEvent):
    TYPE = "exit_restricted"


@dataclass(frozen=True, slots=True, kw_only=True)
class ExitRestrictionLifted(PartyCaseEvent):
    TYPE = "exit_restriction_lifted"


@dataclass(frozen=True, slots=True, kw_only=True)
class Listed(PartyCaseEvent):
    """纳入失信被执行人名单."""

    TYPE = "listed"
    items: tuple[int, ...]
    period_years: int | None = None
    extension_years: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Shielded(PartyCaseEvent):
    TYPE = "shielded"


@dataclass(frozen=True, slots=True, kw_only=True)
class Unshielded(PartyCaseEvent):
    TYPE = "unshielded"


@dataclass(frozen=True, slots=True, kw_only=True)
class Delisted(PartyCaseEvent):
    TYPE = "delisted"
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FineDecided(PartyCaseEvent):
    TYPE = "fine_decided"
    amount: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class DetentionDecided(PartyCaseEvent):
    TYPE = "detention_decided"
    days: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ObjectionFiled(PartyCaseEvent):
    TYPE = "objection_filed"


@dataclass(frozen=True, slots=True, kw_only=True)
class SettlementAgreed(CaseEvent):
    TYPE = "settlement_agreed"
    parties: tuple[PartyRef, ...]
    installments: tuple[Installment, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditCommitment(PartyCaseEvent):
    """信用承诺书."""

    TYPE = "credit_commitment"
    kind: Literal["settlement", "temporary_repair"]
    reason: Literal["production", "disaster", "public_health", "other"] | None = None
    creditor_consent: bool | None = None
    from_: date | None = field(default=None, metadata=key("from"))
    to: date | None = None
    perform_by: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Payment(PartyCaseEvent):
    TYPE = "payment"
    amount: Decimal
    obligation: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActPerformed(PartyCaseEvent):
    TYPE = "act_performed"
    obligation: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditorConfirmed(PartyCaseEvent):
    TYPE = "creditor_confirmed"
    creditor: PartyRef


@dataclass(frozen=True, slots=True, kw_only=True)
class RepairApplied(PartyCaseEvent):
    TYPE = "repair_applied"
    conditions: dict[RepairCondition, bool]
    effects: tuple[RepairEffect, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CertificateIssued(PartyCaseEvent):
    TYPE = "certificate_issued"
    document: DocumentCode


@dataclass(frozen=True, slots=True, kw_only=True)
class PanelDecided(PartyCaseEvent):
    TYPE = "panel_decided"
    matter: Literal["certificate"]
    grant: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseClosed(CaseEvent):
    TYPE = "case_closed"
    reason: CloseReason


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseResumed(CaseEvent):
    """恢复执行: ``case`` is the new 执恢 number, ``basis`` the old enforcement case."""

    TYPE = "case_resumed"
    basis: CaseNumber


EVENT_TYPES: dict[str, type[Event]] = {
    cls.TYPE: cls
    for cls in (
        JudgmentEffective,
        AccountRecorded,
        PreEnforcementRequested,
        PreEnforcementRegistered,
        ContactAttempt,
        PreEnforcementConcluded,
        EnforcementFiled,
        DocumentServed,
        SummonsMissed,
        LocatedBySearch,
        PropertyReport,
        MeasureApplied,
        MeasureLifted,
        AuctionStarted,
        PropertyDisposed,
        Conduct,
        ProsecutionReferred,
        ConsumptionRestricted,
        ConsumptionRestrictionLifted,
        ExitRestricted,
        ExitRestrictionLifted,
        Listed,
        Shielded,
        Unshielded,
        Delisted,
        FineDecided,
        DetentionDecided,
        ObjectionFiled,
        SettlementAgreed,
        CreditCommitment,
        Payment,
        ActPerformed,
        CreditorConfirmed,
        RepairApplied,
        CertificateIssued,
        PanelDecided,
        CaseClosed,
        CaseResumed,
    )
}

#: events that open a case (declare its number)
OPENING_TYPES = (JudgmentEffective, PreEnforcementRegistered, EnforcementFiled, CaseResumed)


# --- queries and the whole file ---------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Query:
    """A question asked of the timeline at a date."""

    id: str
    on: date
    ask: Ask
    party: PartyRef | None = None
    case: CaseNumber | None = None
    notice: Literal["pre_listing", "pre_fine", "detention_risk"] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    """One dispute's timeline: parties, dated events and queries."""

    format: str = FORMAT
    title: str
    court: str
    court_name: str | None = None
    policy: str | None = None
    parties: dict[str, Party]
    events: tuple[Event, ...]
    queries: tuple[Query, ...] = ()
