"""Huadu court's 《主动履行证明书》 (guiding case 2024-17-5-101-004, seed 000).

Reasoning para. 1: five situations of active performance; para. 2: five exclusions. The citation's
``article`` is the paragraph of the reasoning, ``item`` the situation or exclusion.
"""

from __future__ import annotations

from datetime import date

from goodfaith.core.rules.facts import PartyFacts
from goodfaith.core.rules.outcome import Answer, Reason
from goodfaith.core.rules.sources import HUADU_CASE, cite
from goodfaith.core.timeline import model as m

TITLE = "主动履行证明书"


def certificate(f: PartyFacts, q: m.Query, title: str = TITLE) -> Answer:
    case = str(f.case.number)
    done = f.performed_on() or f.main_duties_confirmed_on()
    details: dict[str, object] = {"document": title, "situation": None, "exclusions": []}
    if done is None:
        return Answer(
            q,
            case,
            "ineligible",
            details,
            (
                Reason(
                    "huadu.reasoning1",
                    f"{f.info.name}尚未履行全部或主要义务。",
                    (cite(HUADU_CASE, 1),),
                ),
            ),
        )
    exclusions = _exclusions(f, done)
    if exclusions:
        details["exclusions"] = [item for item, _ in exclusions]
        return Answer(q, case, "ineligible", details, tuple(r for _, r in exclusions))
    situation, reason = _situation(f, done)
    details["situation"] = situation
    if situation == 5:
        decided = [e for e in f.of_type(m.PanelDecided) if e.matter == "certificate"]
        if not decided:
            return Answer(q, case, "panel", details, (reason,))
        grant = decided[-1].grant
        return Answer(
            q,
            case,
            "eligible" if grant else "ineligible",
            details,
            (
                reason,
                Reason(
                    "huadu.reasoning1.item5",
                    f"合议庭于{decided[-1].on.isoformat()}决定{'出具' if grant else '不出具'}。",
                    (cite(HUADU_CASE, 1, item=5),),
                ),
            ),
        )
    return Answer(q, case, "eligible", details, (reason, NO_EXCLUSION))


NO_EXCLUSION = Reason(
    "huadu.reasoning2",
    "不具有不应出具的情形：无失信名单规定第一条情形，非恢复执行后才履行，未两次以上无正当理由拒不到庭"
    "或被查控寻找下落，非足额财产被控制并进入处置后才履行。",
    (cite(HUADU_CASE, 2),),
)


def _situation(f: PartyFacts, done: date) -> tuple[int, Reason]:
    notices = [e.on for e in f.served("enforcement_notice")]
    measures = [e.on for e in f.of_type(m.MeasureApplied)]
    auctions = [e.on for e in f.of_type(m.AuctionStarted)]
    disposed = [e.on for e in f.of_type(m.PropertyDisposed)]
    several = [o for o in f.obligations() if o.liability == "several"]
    joint = [o for o in f.obligations() if o.liability == "joint"]

    def r(item: int, text: str) -> tuple[int, Reason]:
        return item, Reason(
            f"huadu.reasoning1.item{item}",
            f"{f.info.name}于{done.isoformat()}履行完毕：{text}",
            (cite(HUADU_CASE, 1, item=item),),
        )

    if not notices or done < min(notices):
        return r(1, "在发出执行通知书前主动履行。")
    if not measures or done < min(measures):
        return r(2, "立案执行后、法院采取执行控制性措施前主动履行。")
    if (not auctions or done < min(auctions)) and (not disposed or done < min(disposed)):
        return r(3, "法院已采取控制措施，但财产尚未处置、尚未启动第一次拍卖时主动履行。")
    if several and not joint and len({d for o in several for d in o.debtors}) > 1:
        return r(4, "多个被执行人义务相互独立、彼此可分，其已主动履行专属部分义务。")
    return r(5, "不属于前四种情形，是否出具由合议庭讨论决定。")


def _exclusions(f: PartyFacts, done: date) -> list[tuple[int, Reason]]:
    out: list[tuple[int, Reason]] = []
    if f.items:
        items = "、".join(f"第{i}项" for i in sorted(f.items))
        out.append(
            (
                1,
                Reason(
                    "huadu.reasoning2.item1",
                    f"具有《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条{items}情形。",
                    (cite(HUADU_CASE, 2, item=1),),
                ),
            )
        )
    resumed = f.resumptions()
    if resumed and done >= min(c.opened_on for c in resumed):
        out.append(
            (
                2,
                Reason(
                    "huadu.reasoning2.item2",
                    "在案件恢复执行前未履行生效法律文书规定的义务。",
                    (cite(HUADU_CASE, 2, item=2),),
                ),
            )
        )
    missed = f.unexcused_missed_summons()
    searched = f.of_type(m.LocatedBySearch)
    if len(missed) >= 2 or searched:
        why = "被传唤两次以上无正当理由拒不到庭" if len(missed) >= 2 else "被执行查控寻找下落"
        out.append(
            (
                3,
                Reason(
                    "huadu.reasoning2.item3",
                    f"{f.info.name}{why}。",
                    (cite(HUADU_CASE, 2, item=3),),
                ),
            )
        )
    auctions = [e.on for e in f.of_type(m.AuctionStarted)] + [
        e.on for e in f.of_type(m.PropertyDisposed)
    ]
    value = f.controlled_value()
    if auctions and done >= min(auctions) and value is not None and value >= f.owed_total():
        out.append(
            (
                4,
                Reason(
                    "huadu.reasoning2.item4",
                    "在名下足额财产被控制并进入处置后才履行。",
                    (cite(HUADU_CASE, 2, item=4),),
                ),
            )
        )
    return out
