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
from goodfaith.core.rules.dishonest_list import ITEM_TEXT
from goodfaith.core.rules.facts import PartyFacts, party_facts
from goodfaith.core.rules.sources import cpl
from goodfaith.core.state import fold
from goodfaith.core.timeline import model as m
from goodfaith.core.timeline.model import Timeline
from goodfaith.core.values.chinese_dates import chinese_article, chinese_date, chinese_number
from goodfaith.core.values.money import chinese_uppercase, format_amount

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
    #: party details printed above the body of decisions (当事人基本情况)
    party_lines: tuple[str, ...] = ()
    closing: str = ""
    note: str = ""
    #: who signs (an application or a commitment is signed by the party); default: the court
    signer: str = ""
    court_code: str = ""
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
            "party_lines": list(self.party_lines),
            "fields": dict(self.fields),
            "paragraphs": list(self.paragraphs),
            "closing": self.closing,
            "note": self.note,
            "signer": self.signer or self.court,
            "court_code": self.court_code,
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

    @property
    def doc_word(self) -> str:
        """判决 / 调解书 / 裁定 … of the effective document."""
        return DOCUMENT_WORD[self.judgment.document]

    def laws(self, *topics: str) -> str:
        """第二百四十三条、第二百五十九条 … of the CPL as numbered on the document's date."""
        return "、".join(chinese_article(cpl(t, self.on).article) for t in topics)

    def served(self, document: str) -> m.DocumentServed:
        found = [e for e in self.f.served(document) if e.on <= self.on and e.deadline is not None]
        if not found:
            raise InvalidValue(
                f"no {document} with a deadline is served on {self.debtor} in the file"
            )
        return found[-1]

    def duties(self) -> list[str]:
        """The obligations the party owes, as items (1) (2) …, then the fees."""
        out = []
        for o in self.f.obligations():
            what = o.description or ("给付金钱" if o.kind == "money" else "履行行为义务")
            owed = f"人民币{format_amount(o.amount)}元" if o.kind == "money" and o.amount else ""
            joint = "（连带责任）" if o.liability == "joint" and len(o.debtors) > 1 else ""
            out.append(f"{what}{owed}{joint}")
        fees = self.judgment.fees
        if fees is not None:
            parts = [
                f"{label}{format_amount(v)}元"
                for label, v in (
                    ("案件受理费", fees.acceptance),
                    ("其他诉讼费用", fees.other),
                    ("申请执行费", fees.enforcement),
                )
                if v is not None
            ]
            if parts:
                out.append("负担" + "，".join(parts))
        return [f"（{i}）{text}；" for i, text in enumerate(out, 1)]

    def party_line(self, key: str, role: str) -> str:
        """申请执行人/被执行人 with identity details, as court decisions open."""
        p = self.t.parties[key]
        parts = [p.name]
        if p.kind == "person":
            if p.gender:
                parts.append("男" if p.gender == "male" else "女")
            if p.birth_date:
                parts.append(f"{chinese_date(p.birth_date)}出生")
            if p.id_number:
                parts.append(f"公民身份号码{p.id_number}")
        else:
            if p.id_number:
                parts.append(f"统一社会信用代码{p.id_number}")
            if p.representative:
                parts.append(f"法定代表人（负责人）{self.t.parties[p.representative].name}")
        return f"{role}：{'，'.join(parts)}。"

    def party_block(self) -> tuple[str, ...]:
        creditors = self.filed.applicants if self.filed else self.judgment.creditors
        return (
            *(self.party_line(k, "申请执行人") for k in creditors),
            self.party_line(self.f.party, "被执行人"),
        )

    def fields(self) -> dict[str, str]:
        """Facts a court's own template may word differently."""
        done = self.f.performed_on()
        return {
            "creditors": self.creditors,
            "debtors": self.debtors,
            "party": self.debtor,
            "basis_case": str(self.judgment.case),
            "basis_document": self.doc_word,
            "basis_effective": chinese_date(self.judgment.on),
            "filed": chinese_date(self.filed.on) if self.filed else "",
            "performed": chinese_date(done) if done else "",
            "amount": chinese_uppercase(self.f.owed_total()) if self.f.owed_total() else "",
        }

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


def _automatic_performance_notice(c: _Context) -> tuple[str, ...]:
    """Conghua stage 1 template: attached to the judgment, with the creditor's account."""
    accounts = [
        e
        for e in c.t.events
        if isinstance(e, m.AccountRecorded) and e.case == c.judgment.case and e.on <= c.on
    ]
    if not accounts:
        raise InvalidValue(
            f"no receiving account (account_recorded) for {c.judgment.case} in the file"
        )
    a = accounts[-1]
    word = "本" + c.doc_word.removesuffix("书")
    return (
        f"{word}生效后，履行义务人应在{word}确定的履行期限内将应付款项汇入债权人指定的以下收款账户。",
        f"户名：{a.holder}",
        f"账号：{a.account}",
        f"开户行：{a.bank}",
        f"履行义务人将确定的应付款汇入上述指定收款账户时，可以附页摘要或用途形式备注生效{c.doc_word}的案号及款项性质。",
        f"若履行义务人未按照本生效{c.doc_word}指定的期间履行给付金钱义务，依照《中华人民共和国民事诉讼法》"
        f"{c.laws('performance_duty', 'specified_acts', 'late_interest', 'exit_and_credit')}的规定，"
        "本院将根据有关当事人的申请立案执行，依法对履行义务人采取限制消费、纳入失信名单、罚款、拘留等措施，"
        "涉嫌构成拒不执行判决、裁定罪的，移送公安立案侦查，追究刑事责任。",
    )


def _pre_enforcement_application(c: _Context) -> tuple[str, ...]:
    """Conghua stage 2 template, signed by the applicant (the creditor)."""
    return (
        f"{c.t.court_name}：",
        f"本人（本单位）与{c.debtors}纠纷一案，贵院作出的{c.basis}已于{chinese_date(c.judgment.on)}"
        "发生法律效力，现我方申请将该案转入执行督促履行程序，督促期限原则上为一个月。",
        "特此申请。",
    )


def _pre_enforcement_notice(c: _Context) -> tuple[str, ...]:
    """Conghua stage 2 template, served by the mediator on the debtor."""
    requests = [
        e
        for e in c.t.events
        if isinstance(e, m.PreEnforcementRequested) and e.basis == c.judgment.case and e.on <= c.on
    ]
    applied = f"于{chinese_date(requests[-1].on)}" if requests else ""
    return (
        f"你（或你单位）与{c.creditors}纠纷一案，{c.t.court_name}作出的{c.basis}已于{chinese_date(c.judgment.on)}"
        f"发生法律效力。申请执行人{c.creditors}{applied}向本院申请强制执行。为减轻当事人负担，促进矛盾纠纷多元化解，"
        f"现依照《中华人民共和国民事诉讼法》{c.laws('performance_duty', 'enforcement_notice', 'specified_acts', 'late_interest', 'exit_and_credit')}的规定，"
        "责令你（或你单位）尽快向债权人履行下列义务。若你（或你单位）仍不履行的，本院将依法将该案转至立案执行，"
        "并依法对你（或你单位）采取限制消费、纳入失信名单、罚款、拘留等措施，涉嫌构成拒不执行判决、裁定罪的，"
        "移送公安立案侦查，追究刑事责任：",
        *c.duties(),
        "特此通知。",
    )


def _sanction_warning(c: _Context, document: str, measure: str) -> tuple[str, ...]:
    """Conghua stage 3 templates (二)(三): 预罚款通知书, 拘留风险告知书."""
    served = c.served(document)
    assert served.deadline is not None
    filed_on = chinese_date(c.filed.on) if c.filed else "××"
    return (
        f"关于你（或你单位）与{c.creditors}纠纷一案，申请执行人根据{c.t.court_name}作出的{c.basis}"
        f"于{filed_on}向本院申请强制执行，要求你（或你单位）履行生效法律文书确定的义务，本院依法立案执行。",
        "本院在执行过程中发出并送达执行通知书、财产申报令、财产申报表等文书，并多次与你（或你单位）沟通，"
        f"但你（或你单位）以各种理由拖延、拒绝履行。现本院再次限你（或你单位）于{chinese_date(served.deadline)}前"
        f"履行义务{c.amount_text()}。逾期未履行的，本院将依照《中华人民共和国民事诉讼法》"
        f"{c.laws('obstruction', 'fine_amounts')}的规定，依法对你（或你单位）采取{measure}措施。",
        "特此通知。",
    )


def _pre_fine_notice(c: _Context) -> tuple[str, ...]:
    return _sanction_warning(c, "pre_fine_notice", "罚款")


def _detention_risk_notice(c: _Context) -> tuple[str, ...]:
    return _sanction_warning(c, "detention_risk_notice", "拘留")


OBJECTION_RISKS = (
    "以明显不合理的理由提出执行异议被驳回后，又向执行法院提出执行异议；",
    "对同一执行行为或者执行标的，反复提出执行异议或者以不同异议人名义相继提出执行异议；",
    "以捏造、隐瞒事实，伪造证据等手段恶意提起执行异议；",
    "虚构房屋买卖、借贷、租赁、以物抵债、离婚析产、追索劳动报酬等法律关系提起执行异议；",
    "持他案虚假诉讼裁判文书或仲裁裁决书提出执行异议；",
    "伪造代理手续或者冒充他人名义，提起执行异议；",
    "证人、鉴定人、诉讼代理人等其他人协助当事人伪造证据、捏造事实提起执行异议；",
    "在调查、听证中隐瞒事实、虚假陈述；",
    "陈述的内容、提交的证据前后矛盾，且不能作出正当、合理的解释；",
    "指使他人提供不实证言或提供伪证；",
    "拒不提供或没有正当理由明显超过期限提供与案件基本事实有关的证据；",
    "其他滥用异议权利的行为。",
)


def _objection_risk_notice(c: _Context) -> tuple[str, ...]:
    """Conghua stage 3 (四) template, handed over when an objection is filed."""
    laws = c.laws("obstruction", "false_litigation", "collusive_evasion", "fine_amounts")
    return (
        "你对本院的执行行为或特定的执行标的提出执行异议。为保障当事人依法行使执行异议权利，防范和制裁滥用执行异议权利，"
        "恶意拖延阻碍执行、规避执行等行为，促进诚信诉讼，维护司法秩序，现向你郑重提示以下诉讼风险：",
        f"如果存在以下行为，经依法认定，人民法院将依据《中华人民共和国民事诉讼法》{laws}等法律规定，"
        "根据情节轻重予以罚款、拘留，损害其他当事人合法权益的，应当赔偿他人损失；构成犯罪的，"
        "将向有关公安机关移送相关案件线索和材料，依法追究刑事责任。",
        *(f"{i}. {text}" for i, text in enumerate(OBJECTION_RISKS, 1)),
        "造成对方损失的，对方还可能依照相关法律规定向你主张赔偿律师代理费、差旅费、误工费、通讯通信费、鉴定费等损失。",
    )


def _commitment_head(c: _Context) -> str:
    filed = f"本院于{chinese_date(c.filed.on)}予以立案执行。" if c.filed else ""
    return (
        f"申请执行人{c.creditors}与被执行人{c.debtor}纠纷一案，{c.t.court_name}作出的{c.basis}已于"
        f"{chinese_date(c.judgment.on)}发生法律效力。申请执行人{c.creditors}向本院申请强制执行，{filed}"
    )


def _credit_commitment_settlement(c: _Context) -> tuple[str, ...]:
    """Conghua stage 3 (五) template (1): signed by the debtor after a settlement."""
    agreed = [e for e in c.f.of_type(m.SettlementAgreed) if e.on <= c.on]
    if not agreed:
        raise InvalidValue(f"no settlement agreement (settlement_agreed) of {c.debtor} in the file")
    s = agreed[-1]
    terms = "；".join(
        f"于{chinese_date(i.due)}前支付人民币{format_amount(i.amount)}元" for i in s.installments
    )
    return (
        f"{_commitment_head(c)}执行中，申请执行人{c.creditors}与被执行人{c.debtor}已于{chinese_date(s.on)}"
        f"达成和解协议，协议内容为：{terms}。",
        f"被执行人{c.debtor}郑重承诺，必定按照上述和解协议履行义务，否则，将承担相应不利的法律后果。",
        "特此承诺。",
    )


REASON_TEXT = {
    "production": "生产经营任务紧急",
    "disaster": "受自然灾害影响",
    "public_health": "受重大突发公共卫生事件影响复工复产",
    "other": "情况紧急",
}


def _credit_commitment_temporary(c: _Context) -> tuple[str, ...]:
    """Conghua stage 3 (五) template (2): temporary repair with the creditor's consent."""
    found = [
        e for e in c.f.of_type(m.CreditCommitment) if e.kind == "temporary_repair" and e.on <= c.on
    ]
    if not found:
        raise InvalidValue(f"no temporary-repair credit commitment of {c.debtor} in the file")
    k = found[-1]
    if not (k.from_ and k.to and k.perform_by and k.reason):
        raise InvalidValue("the credit commitment needs reason, from, to and perform_by")
    return (
        f"{_commitment_head(c)}执行中，经过申请执行人{c.creditors}同意，被执行人{c.debtor}因{REASON_TEXT[k.reason]}"
        "向本院申请临时解除失信、解除限制消费措施等，以修复其信用。"
        f"临时修复信用的期限自{chinese_date(k.from_)}至{chinese_date(k.to)}止。",
        f"现被执行人{c.debtor}郑重承诺，必定于{chinese_date(k.perform_by)}前履行完毕本案义务，否则，将承担相应不利的法律后果。",
        "特此承诺。",
    )


SEVEN_AREAS = "政府采购、招标投标、行政审批、政府扶持、融资信贷、市场准入、资质认定"


def _credit_repair_notice(c: _Context) -> tuple[str, ...]:
    """Sanya's 《信用修复告知书》 (seed 002): the seven areas where sanctions must stop."""
    done = _require_performed(c)
    return (
        f"{c.basis_sentence()}{c.filing_sentence()}被执行人{c.debtor}已于{chinese_date(done)}"
        f"履行完毕上述法律文书确定的义务{c.amount_text()}，本院已依法解除对其采取的信用惩戒措施。",
        f"依照《最高人民法院关于公布失信被执行人名单信息的若干规定》第八条、第十条的规定，现告知：相关单位在{SEVEN_AREAS}"
        f"等方面，不应再因本案对{c.debtor}予以信用惩戒。",
        "特此告知。",
    )


def _enforcement_notice(c: _Context) -> tuple[str, ...]:
    """执行通知书 (CPL art. 251 in the 2023 text) with the listing risk warning (SPC list rules art. 5)."""
    if c.filed is None:
        raise InvalidValue("no enforcement filing (enforcement_filed) in the file")
    return (
        f"申请执行人{c.creditors}与你（或你单位）纠纷一案，{c.basis}已于{chinese_date(c.judgment.on)}发生法律效力。"
        f"申请执行人{c.creditors}于{chinese_date(c.filed.on)}向本院申请强制执行，本院依法立案执行。"
        f"依照《中华人民共和国民事诉讼法》{c.laws('enforcement_notice', 'late_interest')}的规定，责令你（或你单位）"
        "自收到本通知之日起立即履行下列义务：",
        *c.duties(),
        "逾期不履行的，本院将依法强制执行，并加倍支付迟延履行期间的债务利息。"
        "你（或你单位）如有履行能力而拒不履行、违反财产报告制度、违反限制消费令等，"
        "本院将依照《最高人民法院关于公布失信被执行人名单信息的若干规定》将你（或你单位）纳入失信被执行人名单。",
        "特此通知。",
    )


def _property_report_order(c: _Context) -> tuple[str, ...]:
    """报告财产令 (CPL art. 252 in the 2023 text)."""
    served = [e for e in c.f.served("property_report_order") if e.on <= c.on]
    until = (
        f"于{chinese_date(served[-1].deadline)}前"
        if served and served[-1].deadline
        else "在收到本令后五日内"
    )
    return (
        f"本院在执行申请执行人{c.creditors}与你（或你单位）纠纷一案中，依照《中华人民共和国民事诉讼法》"
        f"{c.laws('property_report')}的规定，责令你（或你单位）{until}，如实向本院报告当前以及收到执行通知之日前一年的财产情况。",
        "拒绝报告、虚假报告或者无正当理由逾期报告的，本院将根据情节轻重对你（或你单位）予以罚款、拘留，"
        "并依照《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第四项将你（或你单位）纳入失信被执行人名单。",
        "特此令。",
    )


def _listing_decision(c: _Context) -> tuple[str, ...]:
    """纳入失信被执行人名单决定书 (SPC list rules art. 5: reasons and the period, if any)."""
    listed = [e for e in c.f.of_type(m.Listed) if e.on <= c.on]
    if not listed:
        raise InvalidValue(f"no listing decision (listed) of {c.debtor} in the file")
    e = listed[-1]
    items = "、".join(f"第{chinese_number(i)}项" for i in e.items)
    conduct = "；".join(ITEM_TEXT[i] for i in e.items)
    law2 = "、第二条" if e.period_years else ""
    term = (
        f"，纳入期限为{chinese_number(e.period_years + e.extension_years)}年"
        if e.period_years
        else ""
    )
    return (
        f"本院在执行申请执行人{c.creditors}与被执行人{c.debtor}纠纷一案中，被执行人{c.debtor}未履行{c.basis}"
        f"确定的义务，且{conduct}。",
        f"依照《中华人民共和国民事诉讼法》{c.laws('exit_and_credit')}、《最高人民法院关于公布失信被执行人名单信息的若干规定》"
        f"第一条{items}{law2}的规定，决定如下：",
        f"将被执行人{c.debtor}纳入失信被执行人名单{term}。",
        "本决定自作出之日起生效。被执行人认为有错误的，可以依照该规定第十一条向本院申请纠正。",
    )


def _sanction_decision(c: _Context, cls: type[m.Event], what: str) -> tuple[str, ...]:
    found = [e for e in c.f.of_type(cls) if e.on <= c.on]
    if not found:
        raise InvalidValue(f"no {cls.TYPE} of {c.debtor} in the file")
    e = found[-1]
    if isinstance(e, m.FineDecided):
        measure = (
            f"对{c.debtor}罚款人民币{format_amount(e.amount)}元（{chinese_uppercase(e.amount)}）"
        )
    else:
        assert isinstance(e, m.DetentionDecided)
        rep = c.f.info.representative
        whom = f"{c.debtor}的法定代表人（负责人）{c.t.parties[rep].name}" if rep else c.debtor
        measure = f"对{whom}拘留{chinese_number(e.days)}日"
    return (
        f"本院在执行申请执行人{c.creditors}与被执行人{c.debtor}纠纷一案中，被执行人{c.debtor}拒不履行人民法院"
        f"已经发生法律效力的{c.doc_word}，经本院{what}提醒后逾期仍未履行。",
        f"依照《中华人民共和国民事诉讼法》{c.laws('obstruction', 'fine_amounts', 'sanction_procedure')}的规定，决定如下：",
        f"{measure}。",
        "如不服本决定，可以在收到决定书之日起三日内向上一级人民法院申请复议一次。复议期间，不停止本决定的执行。",
    )


def _fine_decision(c: _Context) -> tuple[str, ...]:
    return _sanction_decision(c, m.FineDecided, "预罚款")


def _detention_decision(c: _Context) -> tuple[str, ...]:
    return _sanction_decision(c, m.DetentionDecided, "拘留风险")


def _consumption_restriction_order(c: _Context) -> tuple[str, ...]:
    """限制消费令 (2015 SPC rules arts 1, 3, 5)."""
    if not any(e.on <= c.on for e in c.f.of_type(m.ConsumptionRestricted)):
        raise InvalidValue(
            f"no consumption restriction (consumption_restricted) of {c.debtor} in the file"
        )
    unit = c.f.info.kind == "unit"
    rep = c.f.info.representative
    who = (
        f"你单位及你单位的法定代表人{c.t.parties[rep].name if rep else ''}、主要负责人、影响债务履行的直接责任人员、实际控制人"
        if unit
        else "你"
    )
    return (
        f"本院执行申请执行人{c.creditors}与被执行人{c.debtor}纠纷一案，因你{'单位' if unit else ''}未按执行通知书指定的期间"
        f"履行生效法律文书确定的给付义务，依照《中华人民共和国民事诉讼法》{c.laws('exit_and_credit')}、"
        "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第一条、第三条的规定，"
        f"对{who}采取限制消费措施，不得实施以下高消费及非生活和工作必需的消费行为：",
        "（一）乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位；（二）在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费；"
        "（三）购买不动产或者新建、扩建、高档装修房屋；（四）租赁高档写字楼、宾馆、公寓等场所办公；（五）购买非经营必需车辆；"
        "（六）旅游、度假；（七）子女就读高收费私立学校；（八）支付高额保费购买保险理财产品；"
        "（九）乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为。",
        "如违反本令，本院将依法予以罚款、拘留；情节严重，构成犯罪的，依法追究刑事责任。",
    )


BUILDERS: dict[str, Callable[[_Context], tuple[str, ...]]] = {
    "automatic_performance_certificate": _automatic_certificate,
    "active_performance_certificate": _active_certificate,
    "credit_repair_certificate": _credit_repair_certificate,
    "closure_notice": _closure_notice,
    "pre_listing_notice": _pre_listing_notice,
    "automatic_performance_notice": _automatic_performance_notice,
    "pre_enforcement_application": _pre_enforcement_application,
    "pre_enforcement_notice": _pre_enforcement_notice,
    "pre_fine_notice": _pre_fine_notice,
    "detention_risk_notice": _detention_risk_notice,
    "objection_risk_notice": _objection_risk_notice,
    "credit_commitment_settlement": _credit_commitment_settlement,
    "credit_commitment_temporary": _credit_commitment_temporary,
    "credit_repair_notice": _credit_repair_notice,
    "enforcement_notice": _enforcement_notice,
    "property_report_order": _property_report_order,
    "listing_decision": _listing_decision,
    "fine_decision": _fine_decision,
    "detention_decision": _detention_decision,
    "consumption_restriction_order": _consumption_restriction_order,
}
ADDRESSED = {
    "pre_listing_notice",
    "pre_enforcement_notice",
    "pre_fine_notice",
    "detention_risk_notice",
    "objection_risk_notice",
    "credit_repair_notice",
    "enforcement_notice",
    "property_report_order",
    "consumption_restriction_order",
}
#: decisions open with the parties' details
WITH_PARTIES = {
    "listing_decision",
    "fine_decision",
    "detention_decision",
    "consumption_restriction_order",
}
#: documents the party signs, not the court
PARTY_SIGNED = {
    "pre_enforcement_application",
    "credit_commitment_settlement",
    "credit_commitment_temporary",
}
#: documents numbered with the effective document's or the supervision case's number
JUDGMENT_NUMBERED = {"automatic_performance_notice", "pre_enforcement_application"}
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
        court_code=t.court,
        number=str(c.judgment.case if code in JUDGMENT_NUMBERED else c.f.case.number),
        date=when,
        paragraphs=builder(c),
        addressee=f"{c.debtor}：" if code in ADDRESSED else "",
        party_lines=c.party_block() if code in WITH_PARTIES else (),
        fields=c.fields(),
        note=NOTES.get(code, ""),
        signer=f"{'申请人' if code == 'pre_enforcement_application' else '承诺人'}：{c.debtor}"
        if code in PARTY_SIGNED
        else "",
    )
