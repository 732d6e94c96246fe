"""The lists as state machines over the case file.

失信被执行人名单 (dishonest-debtor list)::

    warned (预纳入: a pre-listing notice's deadline runs) -> published (listed)
    published <-> shielded (屏蔽 / 恢复公布) ; published | shielded -> deleted (删除)

限制消费 and 限制出境: imposed -> lifted. 诚信履行名单 (where the court's policy keeps one): the
rules' ``honest_list`` answer. Every transition is an event of the case file with its legal
basis; ``entries`` lists them as of a date. Only ``published`` entries and imposed consumption
restrictions are public (SPC list rules art. 6; shielded and deleted entries never are).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from goodfaith.core.state import DisputeState
from goodfaith.core.timeline import model as m

ListName = Literal["dishonest", "consumption", "exit", "honest"]
EntryState = Literal["warned", "published", "shielded", "deleted", "imposed", "lifted", "included"]

LIST_LABELS: dict[str, str] = {
    "dishonest": "失信被执行人名单",
    "consumption": "限制消费",
    "exit": "限制出境",
    "honest": "诚信履行名单",
}
STATE_LABELS: dict[str, str] = {
    "warned": "预纳入（提醒期内）",
    "published": "已公布",
    "shielded": "已屏蔽",
    "deleted": "已删除",
    "imposed": "限制中",
    "lifted": "已解除",
    "included": "已列入",
}
LISTING_RULES = "《最高人民法院关于公布失信被执行人名单信息的若干规定》"
CONSUMPTION_RULES = "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》"
CPL = "《中华人民共和国民事诉讼法》"
#: the legal basis of each transition (event type -> citation)
BASIS: dict[str, str] = {
    "pre_listing_notice": "从化法院全面督促自动履行工作机制 阶段三（一）预纳入失信名单提醒",
    "listed": f"{LISTING_RULES}第一条、第二条",
    "shielded": f"{LISTING_RULES}第十条；最高人民法院关于在执行工作中进一步强化善意文明执行理念的意见第16条",
    "unshielded": f"{LISTING_RULES}第十一条",
    "delisted": f"{LISTING_RULES}第十条",
    "consumption_restricted": f"{CONSUMPTION_RULES}第一条；{CPL}执行措施",
    "consumption_restriction_lifted": f"{CONSUMPTION_RULES}第九条",
    "exit_restricted": f"{CPL}限制出境",
    "exit_restriction_lifted": f"{CPL}限制出境",
}


@dataclass(frozen=True, slots=True)
class Transition:
    on: date
    state: EntryState
    event: str  # the event type that made it
    basis: str


@dataclass(slots=True)
class ListEntry:
    name: ListName
    party: str
    case: m.CaseNumber
    state: EntryState
    since: date
    history: list[Transition] = field(default_factory=list)

    @property
    def public(self) -> bool:
        return (self.name, self.state) in (
            ("dishonest", "published"),
            ("consumption", "imposed"),
            ("honest", "included"),
        )

    def move(self, on: date, state: EntryState, event: str) -> None:
        self.state, self.since = state, on
        self.history.append(Transition(on, state, event, BASIS.get(event, "")))


def entries(state: DisputeState) -> list[ListEntry]:
    """Every list entry the case file has made, in its state on ``state.as_of``."""
    out: dict[tuple[str, str, str], ListEntry] = {}

    def entry(name: ListName, party: str, case: m.CaseNumber, on: date) -> ListEntry:
        key = (name, party, str(case))
        if key not in out or out[key].state in ("deleted", "lifted"):
            # a new listing after a deletion is a new entry; keep the old one's history apart
            if key in out:
                out[(name, party, f"{case}@{out[key].since.isoformat()}")] = out.pop(key)
            out[key] = ListEntry(name, party, case, "warned", on)
        return out[key]

    for e in state.events:
        if isinstance(e, m.DocumentServed) and e.document == "pre_listing_notice" and e.deadline:
            for party in e.to:
                current = out.get(("dishonest", party, str(e.case)))
                if current is None or current.state in ("deleted", "warned"):
                    entry("dishonest", party, e.case, e.on).move(e.on, "warned", e.document)
        elif isinstance(e, m.Listed):
            entry("dishonest", e.party, e.case, e.on).move(e.on, "published", e.TYPE)
        elif isinstance(e, (m.Shielded, m.Unshielded, m.Delisted)):
            current = out.get(("dishonest", e.party, str(e.case)))
            if current is not None and current.state in ("published", "shielded"):
                new: EntryState = {m.Shielded: "shielded", m.Unshielded: "published"}.get(
                    type(e), "deleted"
                )  # type: ignore[assignment]
                current.move(e.on, new, e.TYPE)
        elif isinstance(e, (m.ConsumptionRestricted, m.ExitRestricted)):
            name: ListName = "consumption" if isinstance(e, m.ConsumptionRestricted) else "exit"
            current = out.get((name, e.party, str(e.case)))
            if current is None or current.state == "lifted":
                entry(name, e.party, e.case, e.on).move(e.on, "imposed", e.TYPE)
        elif isinstance(e, (m.ConsumptionRestrictionLifted, m.ExitRestrictionLifted)):
            name = "consumption" if isinstance(e, m.ConsumptionRestrictionLifted) else "exit"
            current = out.get((name, e.party, str(e.case)))
            if current is not None and current.state == "imposed":
                current.move(e.on, "lifted", e.TYPE)
    # a warning stays "warned" only while the case is open and the party still owes
    return [x for x in out.values() if not (x.state == "warned" and _over(state, x))]


def _over(state: DisputeState, x: ListEntry) -> bool:
    record = state.cases.get(x.case)
    if record is not None and record.closed_on is not None and record.closed_on >= x.since:
        return True
    owed = [
        o.owed_by(x.party) for o in state.obligations.values() if x.party in o.obligation.debtors
    ]
    return bool(owed) and sum(owed) == 0
