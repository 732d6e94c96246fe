"""What a document says, filled from the case file as of its date (seed wording; no rendering).

``compose(timeline, kind, party, case, on)`` gives a ``DocumentContent``: the court's name, the
title, the document number (案号), the addressee, the paragraphs, the signature block and the
Chinese date. Renderers (PDF, DOCX) only lay it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from goodfaith.core.errors import InvalidValue
from goodfaith.core.rules.facts import PartyFacts, party_facts
from goodfaith.core.rules.sources import cpl
from goodfaith.core.state import fold
from goodfaith.core.timeline import model as m
from goodfaith.core.timeline.model import Timeline
from goodfaith.core.values.chinese_dates import chinese_article, chinese_date
from goodfaith.core.values.money import chinese_uppercase

from .kinds import KINDS, kind_code

DOCUMENT_WORD = {
    "judgment": "判决",
    "mediation": "调解书",
    "ruling": "裁定",
    "arbitral_award": "仲裁裁决",
    "notarial_deed": "公证债权文书",
}


@dataclass(frozen=True, slots=True)
class DocumentContent:
    kind: str
    title: str
    court: str
    number: str
    date: date
    paragraphs: tuple[str, ...]
    addressee: str = ""
    closing: str = ""
    note: str = ""
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def date_text(self) -> str:
        return chinese_date(self.date)

    def as_data(self) -> dict[str, object]:
        """Plain data for a template."""
        return {
            "kind": self.kind,
            "title": self.title,
            "court": self.court,
            "number": self.number,
            "date": self.date_text,
            "addressee": self.addressee,
            "paragraphs": list(self.paragraphs),
            "closing": self.closing,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class _Context:
    """The facts every document of a dispute draws on."""

    t: Timeline
    f: PartyFacts
    on: date
    judgment: m.JudgmentEffective
    filed: m.EnforcementFiled | None

    @property
    def debtor(self) -> str:
        return self.f.info.name

    @property
    def creditors(self) -> str:
        keys = self.filed.applicants if self.filed else self.judgment.creditors
        return "、".join(self.t.parties[k].name for k in keys)

    @property
    def debtors(self) -> str:
        keys = self.filed.respondents if self.filed else self.judgment.debtors
        return "、".join(self.t.parties[k].name for k in keys)

    @property
    def basis(self) -> str:
        return f"{self.judgment.case}{DOCUMENT_WORD[self.judgment.document]}"

    def basis_sentence(self) -> str:
        """申请执行人……与被执行人……纠纷一案，……（案号）判决已于……发生法律效力。"""
        return (
            f"申请执行人{self.creditors}与被执行人{self.debtors}纠纷一案，"
            f"{self.basis}已于{chinese_date(self.judgment.on)}发生法律效力。"
        )

    def filing_sentence(self) -> str:
        if self.filed is None:
            return ""
        return f"申请执行人{self.creditors}向本院申请强制执行，本院于{chinese_date(self.filed.on)}立案执行。"

    def amount_text(self) -> str:
        total = self.f.owed_total()
        return f"（{chinese_uppercase(total)}）" if total else ""


def _context(t: Timeline, party: str, case: m.CaseNumber | None, on: date) -> _Context:
    if party not in t.parties:
        raise InvalidValue(f"party {party!r} is not declared in the timeline")
    state = fold(t.parties, t.events, on)
    f = party_facts(state, party, case)
    if f is None:
        raise InvalidValue(f"no case of {party} as of {on}")
    root = f.case.root
    judgment = next(
        e for e in state.events if isinstance(e, m.JudgmentEffective) and e.case == root
    )
    filed = next(
        (
            e
            for e in reversed(state.events)
            if isinstance(e, m.EnforcementFiled) and e.case in {c.number for c in f.chain}
        ),
        None,
    )
    return _Context(t, f, on, judgment, filed)


def _require_performed(c: _Context) -> date:
    done = c.f.performed_on() or c.f.main_duties_confirmed_on()
    if done is None:
        raise InvalidValue(f"{c.debtor} has not performed as of {c.on}: no certificate to issue")
    return done


def _automatic_certificate(c: _Context) -> tuple[str, ...]:
    """Conghua template (seed 003, stage 3 (六) 3)."""
    done = _require_performed(c)
    return (
        f"{c.basis_sentence()}{c.filing_sentence()}执行中，被执行人{c.debtor}积极配合法院工作，"
        f"于{chinese_date(done)}主动履行完毕上述法律文书确定的义务{c.amount_text()}。",
        "特此证明。",
    )


def _active_certificate(c: _Context) -> tuple[str, ...]:
    """Huadu guiding case 2024-17-5-101-004: the certificate and its effects."""
    done = _require_performed(c)
    return (
        f"{c.basis_sentence()}{c.filing_sentence()}执行中，被执行人{c.debtor}"
        f"于{chinese_date(done)}主动履行完毕上述法律文书确定的义务{c.amount_text()}，"
        "经审查，符合主动履行的认定条件。",
        "特此证明。",
    )


def _credit_repair_certificate(c: _Context) -> tuple[str, ...]:
    """Zaoyang / Pingdu 《信用修复证明》 (seeds 002, 004)."""
    done = _require_performed(c)
    return (
        f"{c.basis_sentence()}{c.filing_sentence()}被执行人{c.debtor}已于{chinese_date(done)}"
        f"履行完毕上述法律文书确定的义务{c.amount_text()}，本院已依法解除对其采取的信用惩戒措施。",
        "特此证明。",
    )


def _closure_notice(c: _Context) -> tuple[str, ...]:
    """The Huadu 结案通知书 (seed 000, verbatim shape)."""
    _require_performed(c)
    return (
        f"关于申请执行人{c.creditors}与被执行人{c.debtors}纠纷一案，被执行人{c.debtors}"
        f"已经履行{c.judgment.case}生效法律文书确定的义务。现本案作执行完毕结案处理。",
        "特此通知。",
    )


def _pre_listing_notice(c: _Context) -> tuple[str, ...]:
    """Conghua template (seed 003, stage 3 (一) 3)."""
    served = [e for e in c.f.served("pre_listing_notice") if e.on <= c.on]
    deadline = served[-1].deadline if served and served[-1].deadline else None
    if deadline is None:
        raise InvalidValue("no pre_listing_notice with a deadline is served in the file")
    filed_on = chinese_date(c.filed.on) if c.filed else "××"
    law = cpl("exit_and_credit", c.on)
    conduct = "违反财产报告制度" if 4 in c.f.items else "以各种理由拖延、拒绝履行"
    return (
        f"关于你（或你单位）与{c.creditors}纠纷一案，申请执行人根据已发生法律效力的{c.basis}"
        f"于{filed_on}向本院申请强制执行，本院依法立案执行。",
        f"本院在执行过程中发出并送达执行通知书、财产申报令等文书，但你（或你单位）{conduct}。"
        f"现本院再次限你（或你单位）于{chinese_date(deadline)}前履行生效法律文书确定的义务"
        f"{c.amount_text()}。逾期未履行的，本院将依照《中华人民共和国民事诉讼法》{chinese_article(law.article)}、"
        "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条、第二条的规定，"
        "依法将你（或你单位）纳入失信被执行人名单。",
        "特此提醒通知。",
    )


BUILDERS: dict[str, Callable[[_Context], tuple[str, ...]]] = {
    "automatic_performance_certificate": _automatic_certificate,
    "active_performance_certificate": _active_certificate,
    "credit_repair_certificate": _credit_repair_certificate,
    "closure_notice": _closure_notice,
    "pre_listing_notice": _pre_listing_notice,
}
ADDRESSED = {"pre_listing_notice"}
NOTES = {
    "automatic_performance_certificate": "说明：本院出具该份《自动履行证明书》后，将屏蔽本案被执行人的案件信息，"
    "并解除对其的各项惩戒措施和强制措施，有助于其修复信用。",
}


def compose(
    t: Timeline, kind: str, party: str, case: m.CaseNumber | None = None, on: date | None = None
) -> DocumentContent:
    """The content of a document of ``kind`` for ``party``, as of ``on`` (default: last event)."""
    code = kind_code(kind)
    builder = BUILDERS.get(code)
    if builder is None:
        raise InvalidValue(f"document kind {code} ({KINDS[code]}) cannot be composed yet")
    when = on or (t.events[-1].on if t.events else None)
    if when is None:
        raise InvalidValue("the timeline has no events")
    c = _context(t, party, case, when)
    return DocumentContent(
        kind=code,
        title=KINDS[code],
        court=t.court_name or t.court,
        number=str(c.f.case.number),
        date=when,
        paragraphs=builder(c),
        addressee=f"{c.debtor}：" if code in ADDRESSED else "",
        note=NOTES.get(code, ""),
    )
