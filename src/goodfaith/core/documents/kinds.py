"""Document kinds of the timeline spec: code -> Chinese title (a command takes either)."""

from __future__ import annotations

from goodfaith.core.errors import InvalidValue

KINDS: dict[str, str] = {
    "automatic_performance_notice": "自动履行告知书",
    "pre_enforcement_application": "执前督促履行申请书",
    "pre_enforcement_notice": "执前督促履行告知书",
    "enforcement_notice": "执行通知书",
    "property_report_order": "报告财产令",
    "pre_listing_notice": "预纳入失信名单提醒通知书",
    "pre_fine_notice": "预罚款通知书",
    "detention_risk_notice": "拘留风险告知书",
    "objection_risk_notice": "滥用执行异议权利风险告知书",
    "credit_commitment_settlement": "信用承诺书（执行和解）",
    "credit_commitment_temporary": "信用承诺书（临时修复信用）",
    "automatic_performance_certificate": "自动履行证明书",
    "active_performance_certificate": "主动履行证明书",
    "closure_notice": "结案通知书",
    "credit_repair_certificate": "信用修复证明",
    "credit_repair_notice": "信用修复告知书",
    "listing_decision": "纳入失信被执行人名单决定书",
    "fine_decision": "罚款决定书",
    "detention_decision": "拘留决定书",
    "consumption_restriction_order": "限制消费令",
}


def kind_code(text: str) -> str:
    """The code of a kind given by code or Chinese title."""
    if text in KINDS:
        return text
    for code, title in KINDS.items():
        if text == title:
            return code
    raise InvalidValue(f"unknown document kind {text!r}; `goodfaith documents kinds` lists them")
