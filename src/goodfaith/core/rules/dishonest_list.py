"""The SPC rules on the dishonest-debtor list (失信被执行人名单), with the 2019 opinion's bars.

- ``listing``: art. 1 grounds, art. 2 periods, art. 3 bars on item 1, art. 4 minors; the 2019
  opinion art. 16 bar (property already controlled suffices) for the other items, applied only
  when the measures' values are known (its wording is not verified, shared/law §3); a pre-listing
  warning still running defers the listing (seed 003; 2019 opinion art. 15 gives the same pause).
- ``deletion``: art. 10 (three working days), art. 2 para. 2 (early deletion at discretion).
"""

from __future__ import annotations

from datetime import date

from goodfaith.core.rules.facts import PartyFacts, party_facts
from goodfaith.core.rules.outcome import Answer, Reason
from goodfaith.core.rules.sources import CONGHUA_RULES, DISHONEST_LIST, GOOD_FAITH_2019, cite
from goodfaith.core.state.fold import DisputeState, ListingRecord
from goodfaith.core.timeline import model as m
from goodfaith.core.values.chinese_dates import chinese_date
from goodfaith.core.values.workdays import add_working_days

ITEM_TEXT = {
    1: "有履行能力而拒不履行生效法律文书确定义务",
    2: "以伪造证据、暴力、威胁等方法妨碍、抗拒执行",
    3: "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行",
    4: "违反财产报告制度",
    5: "违反限制消费令",
    6: "无正当理由拒不履行执行和解协议",
}


def _no_case(q: m.Query) -> Answer:
    return Answer(
        q, None, "undetermined", {"missing": ["case"]}, (Reason("case", "截至查询日尚无案件。"),)
    )


def grounds(f: PartyFacts) -> list[Reason]:
    """One reason per art. 1 item found, naming the event it rests on."""
    return [
        Reason(
            f"dishonest_list.art1.item{item}",
            f"{f.info.name}{ITEM_TEXT[item]}（{e.on.isoformat()} {e.TYPE}）。",
            (cite(DISHONEST_LIST, 1, item=item),),
        )
        for item, e in sorted(f.items.items())
    ]


def listing(state: DisputeState, q: m.Query, policy: str | None) -> Answer:
    """May or must the party be listed on the query date?"""
    assert q.party is not None
    f = party_facts(state, q.party, q.case)
    if f is None:
        return _no_case(q)
    case = str(f.case.number)
    items = sorted(f.items)
    reasons = grounds(f)
    base = {"items": items, "period_years": None, "max_extension_years": 0}
    if not f.is_debtor or f.performed_on() is not None:
        why = "已履行生效法律文书确定的义务" if f.is_debtor else "不是本案被执行人"
        reasons.append(
            Reason(
                "dishonest_list.art1.unperformed",
                f"{f.info.name}{why}，不具备纳入前提。",
                (cite(DISHONEST_LIST, 1),),
            )
        )
        return Answer(q, case, "no_grounds", base, tuple(reasons))
    if not items:
        reasons.append(
            Reason(
                "dishonest_list.art1",
                f"案卷中没有{f.info.name}具有第一条所列情形的记录。",
                (cite(DISHONEST_LIST, 1),),
            )
        )
        return Answer(q, case, "no_grounds", base, tuple(reasons))
    minor = f.is_minor()
    if minor:
        reasons.append(
            Reason(
                "dishonest_list.art4",
                f"{f.info.name}为未成年人，不得纳入失信被执行人名单。",
                (cite(DISHONEST_LIST, 4),),
            )
        )
        return Answer(q, case, "must_not_list", {**base, "bars": ["minor"]}, tuple(reasons))
    if minor is None:
        return Answer(
            q,
            case,
            "undetermined",
            {**base, "missing": ["birth_date"]},
            (
                *reasons,
                Reason(
                    "dishonest_list.art4",
                    "案卷未载明出生日期，无法判断是否为未成年人。",
                    (cite(DISHONEST_LIST, 4),),
                ),
            ),
        )
    if items == [1]:
        value = f.controlled_value()
        owed = f.outstanding()
        if value is not None and value >= owed:
            reasons.append(
                Reason(
                    "dishonest_list.art3.item2",
                    f"已采取查封、扣押、冻结等措施的财产（{value}元）足以清偿债务（{owed}元），不得依第一条第一项纳入。",
                    (cite(DISHONEST_LIST, 3, item=2),),
                )
            )
            return Answer(
                q,
                case,
                "must_not_list",
                {**base, "bars": ["sufficient_property_controlled"]},
                tuple(reasons),
            )
        if value is None:
            return Answer(
                q,
                case,
                "undetermined",
                {**base, "missing": ["measure_value"]},
                (
                    *reasons,
                    Reason(
                        "dishonest_list.art3.item2",
                        "已采取控制措施的财产价值未载明，无法判断是否足以清偿。",
                        (cite(DISHONEST_LIST, 3, item=2),),
                    ),
                ),
            )
    if items != [1]:
        value, owed = f.controlled_value(), f.outstanding()
        if value is not None and value > 0 and value >= owed:
            reasons.append(
                Reason(
                    "good_faith_2019.art16",
                    f"人民法院已控制足以清偿债务的财产（{value}元，尚欠{owed}元），不得采取纳入失信名单措施。",
                    (cite(GOOD_FAITH_2019, 16),),
                )
            )
            return Answer(
                q,
                case,
                "must_not_list",
                {**base, "bars": ["sufficient_property_controlled"]},
                tuple(reasons),
            )
    period = 2 if any(i > 1 for i in items) else None
    severe = any(
        isinstance(e, m.Conduct) and e.severe and e.kind == "obstruction" for e in f.items.values()
    )
    extension = (
        3 if period and (severe or len([i for i in items if i > 1]) > 1 or len(items) > 1) else 0
    )
    details = {"items": items, "period_years": period, "max_extension_years": extension}
    if period:
        reasons.append(
            Reason(
                "dishonest_list.art2",
                f"依第二条第一款，纳入期限为二年{'，可以延长一至三年' if extension else ''}。",
                (cite(DISHONEST_LIST, 2, paragraph=1),),
            )
        )
    else:
        reasons.append(
            Reason(
                "dishonest_list.art2",
                "仅具有第一条第一项情形的，不设纳入期限。",
                (cite(DISHONEST_LIST, 2, paragraph=1),),
            )
        )
    warning = _running_warning(f)
    if warning is not None:
        assert warning.deadline is not None
        reasons.append(
            Reason(
                "conghua.pre_listing_notice",
                f"已于{warning.on.isoformat()}送达预纳入失信名单提醒通知书，履行期限至{chinese_date(warning.deadline)}，期限内暂不纳入。",
                (cite(CONGHUA_RULES, 3),),
            )
        )
        return Answer(q, case, "deferred", {**details, "until": warning.deadline}, tuple(reasons))
    return Answer(q, case, "must_list", details, tuple(reasons))


def _running_warning(f: PartyFacts) -> m.DocumentServed | None:
    for e in reversed(f.served("pre_listing_notice")):
        if e.deadline is not None and f.as_of <= e.deadline:
            return e
    return None


def active_entry(f: PartyFacts) -> ListingRecord | None:
    numbers = {c.number for c in f.chain}
    entries = [e for e in f.state.listings if e.party == f.party and e.case in numbers and e.active]
    return entries[-1] if entries else None


def term_end(entry: ListingRecord) -> date | None:
    if entry.period_years is None:
        return None
    years = entry.period_years + entry.extension_years
    start = entry.listed_on
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def deletion(state: DisputeState, q: m.Query, policy: str | None) -> Answer:
    """Must, may or must not the party's list entry be deleted, and by when?"""
    assert q.party is not None
    f = party_facts(state, q.party, q.case)
    if f is None:
        return _no_case(q)
    case = str(f.case.number)
    entry = active_entry(f)
    if entry is None:
        return Answer(
            q,
            case,
            "not_listed",
            {},
            (
                Reason(
                    "dishonest_list.art10", f"{f.info.name}未被纳入失信被执行人名单（或已删除）。"
                ),
            ),
        )
    end = term_end(entry)
    performed = f.performed_on()
    if end is not None:
        if f.as_of > end:
            deadline = add_working_days(end, 3)
            return Answer(
                q,
                case,
                "must_delete",
                {"deadline": deadline, "reason": "term_expired"},
                (
                    Reason(
                        "dishonest_list.art10.para2",
                        f"纳入期限于{end.isoformat()}届满，应当在三个工作日内（{deadline.isoformat()}前）删除失信信息。",
                        (cite(DISHONEST_LIST, 10, paragraph=2),),
                    ),
                ),
            )
        if performed is not None:
            return Answer(
                q,
                case,
                "may_delete",
                {"reason": "performed_early"},
                (
                    Reason(
                        "dishonest_list.art2.para2",
                        f"有纳入期限（至{end.isoformat()}），不适用第十条第一款；被执行人已积极履行，法院可以决定提前删除。",
                        (
                            cite(DISHONEST_LIST, 2, paragraph=2),
                            cite(DISHONEST_LIST, 10, paragraph=2),
                        ),
                    ),
                ),
            )
        return Answer(
            q,
            case,
            "keep",
            {"reason": "term_running"},
            (
                Reason(
                    "dishonest_list.art10.para2",
                    f"纳入期限至{end.isoformat()}，期限内不删除。",
                    (cite(DISHONEST_LIST, 10, paragraph=2),),
                ),
            ),
        )
    trigger = deletion_trigger(f, performed)
    if trigger is None:
        return Answer(
            q,
            case,
            "keep",
            {"reason": "no_deletion_ground"},
            (
                Reason(
                    "dishonest_list.art10",
                    "尚无第十条第一款规定的删除情形。",
                    (cite(DISHONEST_LIST, 10, paragraph=1),),
                ),
            ),
        )
    on, item, text = trigger
    deadline = add_working_days(on, 3)
    return Answer(
        q,
        case,
        "must_delete",
        {"deadline": deadline, "reason": text},
        (
            Reason(
                f"dishonest_list.art10.item{item}",
                f"{on.isoformat()}{text}，应当在三个工作日内（{deadline.isoformat()}前）删除失信信息。",
                (cite(DISHONEST_LIST, 10, paragraph=1, item=item),),
            ),
        ),
    )


def deletion_trigger(f: PartyFacts, performed: date | None) -> tuple[date, int, str] | None:
    """The earliest art. 10 para. 1 situation the file shows: (date, item, description)."""
    found: list[tuple[date, int, str]] = []
    for c in f.chain:
        if c.closed_on is None or c.kind != "enforcement":
            continue
        reason = {
            "settlement_performed": (2, "执行和解协议已履行完毕"),
            "performed": (1, "已执行完毕"),
            "not_enforced": (6, "人民法院裁定不予执行"),
            "terminated": (7, "人民法院裁定终结执行"),
        }.get(c.close_reason or "")
        if reason is not None:
            found.append((c.closed_on, *reason))
    if performed is not None:
        settled = any(isinstance(e, m.SettlementAgreed) for e in f.events)
        found.append(
            (performed, 2, "执行和解协议已履行完毕")
            if settled
            else (performed, 1, "被执行人已履行生效法律文书确定的义务")
        )
    return min(found) if found else None
