"""Fines and detention under the Civil Procedure Law (罚款、拘留), and the warnings that precede
them and the listing (seed 003: 预纳入失信名单提醒通知书、预罚款通知书、拘留风险告知书).

Art. 118 (2021/2023 numbering; 115 before 2022): an individual may be fined up to 100,000 yuan,
a unit 50,000 to 1,000,000 yuan; detention up to fifteen days, of a person (a unit's principal or
directly responsible persons, not the unit itself).
"""

from __future__ import annotations

from decimal import Decimal

from goodfaith.core.rules.dishonest_list import ITEM_TEXT, grounds
from goodfaith.core.rules.facts import party_facts
from goodfaith.core.rules.outcome import Answer, Citation, Reason, decide
from goodfaith.core.rules.sources import CONGHUA_RULES, DISHONEST_LIST, cite, cpl
from goodfaith.core.state.fold import DisputeState
from goodfaith.core.timeline import model as m

PERSON_FINE_MAX = Decimal("100000.00")
UNIT_FINE_MIN = Decimal("50000.00")
UNIT_FINE_MAX = Decimal("1000000.00")
DETENTION_MAX_DAYS = 15
#: art. 1 items that ground a fine or detention warning (seed 003 stage 3 (二)(三) 1: property
#: report, consumption order, hiding or transferring property, other refusal with capacity; and
#: obstruction, which CPL art. 114 names)
SANCTIONABLE = {1, 2, 3, 4, 5}


def _undetermined(q: m.Query) -> Answer:
    return Answer(
        q, None, "undetermined", {"missing": ["case"]}, (Reason("case", "截至查询日尚无案件。"),)
    )


def fine_range(state: DisputeState, q: m.Query, policy: str | None) -> Answer:
    assert q.party is not None
    f = party_facts(state, q.party, q.case)
    if f is None:
        return _undetermined(q)
    law = cpl("fine_amounts", q.on, paragraph=1)
    if f.info.kind == "person":
        details = {"min": None, "max": PERSON_FINE_MAX}
        text = f"对个人的罚款金额为人民币十万元以下（民事诉讼法第{law.article}条第一款）。"
    else:
        details = {"min": UNIT_FINE_MIN, "max": UNIT_FINE_MAX}
        text = (
            f"对单位的罚款金额为人民币五万元以上一百万元以下（民事诉讼法第{law.article}条第一款）。"
        )
    return Answer(
        q,
        str(f.case.number),
        "range",
        details,
        (Reason("civil_procedure.fine_amounts", text, (law,)),),
    )


def detention_range(state: DisputeState, q: m.Query, policy: str | None) -> Answer:
    assert q.party is not None
    f = party_facts(state, q.party, q.case)
    if f is None:
        return _undetermined(q)
    law = cpl("fine_amounts", q.on, paragraph=1)
    if f.info.kind == "unit":
        return Answer(
            q,
            str(f.case.number),
            "not_applicable",
            {},
            (
                Reason(
                    "civil_procedure.detention_unit",
                    f"拘留不适用于单位本身；可以对其主要负责人或者直接责任人员予以拘留（民事诉讼法第{law.article}条）。",
                    (law,),
                ),
            ),
        )
    return Answer(
        q,
        str(f.case.number),
        "range",
        {"max_days": DETENTION_MAX_DAYS},
        (
            Reason(
                "civil_procedure.detention_days",
                f"拘留的期限为十五日以下（民事诉讼法第{law.article}条第一款）。",
                (law,),
            ),
        ),
    )


def pre_notice(state: DisputeState, q: m.Query, policy: str | None) -> Answer:
    """Is a warning notice (pre-listing, pre-fine, detention risk) applicable on the query date?"""
    assert q.party is not None and q.notice is not None
    f = party_facts(state, q.party, q.case)
    if f is None:
        return _undetermined(q)
    case = str(f.case.number)
    stage3 = cite(CONGHUA_RULES, 3)

    def no(rule: str, text: str, *citations: Citation) -> Answer:
        return decide(q, case, "not_applicable", {"grounds": []}, rule, text, *citations)

    if f.case.kind != "enforcement" or f.case.closed_on is not None:
        return no("conghua.stage3", "提醒类文书在执行程序中（立案执行后、结案前）发出。", stage3)
    if not f.is_debtor or f.performed_on() is not None:
        return no("conghua.stage3", f"{f.info.name}已履行义务或不是被执行人，无需提醒。", stage3)
    items = sorted(f.items)
    if q.notice == "pre_listing":
        wanted = set(items)
        if f.is_minor():
            text = "未成年人不得纳入失信被执行人名单，不发预纳入提醒。"
            return no("dishonest_list.art4", text, cite(DISHONEST_LIST, 4))
    elif q.notice == "detention_risk" and f.info.kind == "unit":
        wanted = set()
    else:
        wanted = SANCTIONABLE & set(items)
    labels = [ITEM_TEXT[i] for i in sorted(wanted)]
    if not wanted:
        return no(f"conghua.{q.notice}", "案卷中没有可据以发出该提醒的情形。", stage3)
    reasons = [r for r in grounds(f) if int(r.rule.rsplit("item", 1)[1]) in wanted]
    if q.notice != "pre_listing":
        reasons.append(
            Reason(
                "civil_procedure.obstruction",
                "妨害执行的，人民法院可以根据情节轻重予以罚款、拘留。",
                (cpl("obstruction", q.on, paragraph=1), cpl("fine_amounts", q.on, paragraph=1)),
            )
        )
    reasons.append(
        Reason(
            f"conghua.{q.notice}",
            "依从化法院机制，执行中对被执行人先行书面提醒，给予履行期限。",
            (cite(CONGHUA_RULES, 3),),
        )
    )
    return Answer(q, case, "applicable", {"grounds": labels}, tuple(reasons))
