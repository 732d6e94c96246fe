"""Chinese labels of stages and event types (a message catalogue, not logic)."""

STAGE_LABELS = {
    "judgment": "判后履行",
    "pre_enforcement": "执前督促",
    "enforcement": "执行中",
    "closed": "已结案",
}

EVENT_LABELS = {
    "judgment_effective": "法律文书生效",
    "account_recorded": "登记收款账户",
    "pre_enforcement_requested": "申请执行（询问执前督促）",
    "pre_enforcement_registered": "执前督促立案",
    "contact_attempt": "督促联系",
    "pre_enforcement_concluded": "执前督促结束",
    "enforcement_filed": "立案执行",
    "document_served": "送达文书",
    "summons_missed": "传唤未到",
    "located_by_search": "查控寻找下落",
    "property_report": "报告财产",
    "measure_applied": "采取控制措施",
    "measure_lifted": "解除控制措施",
    "auction_started": "启动拍卖",
    "property_disposed": "财产处置",
    "conduct": "行为认定",
    "prosecution_referred": "移送拒执罪",
    "consumption_restricted": "限制消费",
    "consumption_restriction_lifted": "解除限制消费",
    "exit_restricted": "限制出境",
    "exit_restriction_lifted": "解除限制出境",
    "listed": "纳入失信被执行人名单",
    "shielded": "屏蔽失信信息",
    "unshielded": "恢复公布失信信息",
    "delisted": "删除失信信息",
    "fine_decided": "罚款决定",
    "detention_decided": "拘留决定",
    "objection_filed": "提出执行异议",
    "settlement_agreed": "达成执行和解",
    "credit_commitment": "信用承诺",
    "payment": "履行付款",
    "act_performed": "履行行为义务",
    "creditor_confirmed": "申请人确认履行",
    "repair_applied": "申请信用修复",
    "certificate_issued": "出具证明",
    "panel_decided": "合议庭决定",
    "case_closed": "结案",
    "case_resumed": "恢复执行",
    "voided": "更正（撤销前一记录）",
}

OUTCOME_LABELS = {
    "eligible": "符合条件",
    "ineligible": "不符合条件",
    "panel": "由合议庭讨论决定",
    "undetermined": "无法判断（缺少事实）",
    "must_list": "应当纳入失信被执行人名单",
    "deferred": "暂缓纳入（提醒或宽限期内）",
    "must_not_list": "不得纳入",
    "no_grounds": "无纳入情形",
    "must_delete": "应当删除失信信息",
    "may_delete": "可以决定提前删除",
    "keep": "保留",
    "not_listed": "未被纳入",
    "applicable": "应当（可以）发出",
    "not_applicable": "不适用",
    "range": "法定幅度",
    "admissible": "符合申请条件",
    "inadmissible": "不符合申请条件",
    "include": "列入",
    "exclude": "不列入",
    "snapshot": "现状",
    "unsupported": "所适用的机制未规定",
}

ASK_LABELS = {
    "certificate": "履行证明书",
    "listing": "纳入失信被执行人名单",
    "deletion": "删除失信信息",
    "pre_notice": "执行中书面提醒",
    "fine_range": "罚款幅度",
    "detention_range": "拘留期限",
    "repair": "信用修复",
    "temporary_repair": "临时修复信用",
    "pre_enforcement": "执前督促",
    "honest_list": "诚信履行名单",
    "status": "案件现状",
}

PROPOSALS = {
    "listing": "拟纳入失信被执行人名单",
    "fine": "拟作出罚款决定",
    "detention": "拟作出拘留决定",
    "certificate_and_lifting": "拟出具证明书并解除措施",
    "conclude_pre_enforcement": "执前督促期满：归档或转立案执行",
    "check_settlement": "核查执行和解履行情况",
    "restore_sanctions": "拟恢复信用惩戒措施",
    "delete_listing": "删除失信信息",
    "issue_certificate": "拟出具证明书",
    "serve_objection_notice": "送达滥用执行异议权利风险告知书",
    "follow_up_partner": "督促协同单位处理变更",
    "grant_repair": "网上信用修复申请：拟准予（采纳即屏蔽或删除失信信息、解除相关限制）",
    "refuse_repair": "网上信用修复申请：拟不予准许（采纳即驳回申请）",
    "panel_certificate": "合议庭讨论：采纳即决定出具证明书，不采纳即决定不出具",
}

#: Chinese labels of the timeline's enumerated values, by YAML key (document titles come from
#: ``core.documents.kinds``); a test checks every value of the vocabulary has one
VALUE_LABELS: dict[str, dict[str, str]] = {
    "document": {
        "judgment": "判决书",
        "mediation": "调解书",
        "ruling": "裁定书",
        "arbitral_award": "仲裁裁决书",
        "notarial_deed": "公证债权文书",
    },
    "method": {"phone": "电话", "mail": "邮寄", "sms": "短信", "visit": "上门"},
    "outcome": {
        "reached": "已联系上",
        "unreached": "未联系上",
        "refused": "拒绝沟通",
        "performed": "履行完毕",
        "partly_performed": "部分履行",
        "failed": "未履行",
    },
    "status": {
        "on_time": "按期报告",
        "late": "逾期报告",
        "refused": "拒绝报告",
        "false": "虚假报告",
    },
    "measure": {
        "freeze": "冻结",
        "seal": "查封",
        "seize": "扣押",
        "deduct": "扣划",
        "withhold_income": "扣留、提取收入",
    },
    "asset": {
        "bank_account": "银行账户",
        "real_estate": "不动产",
        "vehicle": "车辆",
        "equity": "股权",
        "income": "收入",
        "other": "其他财产",
    },
    "kind": {
        "refusal_with_capacity": "有履行能力而拒不履行",
        "obstruction": "以伪造证据、暴力、威胁等方法妨碍、抗拒执行",
        "evasion": "以虚假诉讼、虚假仲裁或者隐匿、转移财产等方法规避执行",
        "property_report_violation": "违反财产报告制度",
        "consumption_order_violation": "违反限制消费令",
        "settlement_refusal": "无正当理由拒不履行执行和解协议",
        "settlement": "执行和解",
        "temporary_repair": "临时修复信用",
        "money": "金钱给付",
        "act": "行为",
        "person": "自然人",
        "unit": "法人或其他组织",
    },
    "liability": {"joint": "连带", "several": "按份"},
    "reason": {
        "performed": "执行完毕",
        "settlement_performed": "和解协议履行完毕",
        "terminated_this_round": "终结本次执行程序",
        "terminated": "终结执行",
        "not_enforced": "不予执行",
        "withdrawn": "撤回执行申请",
        "production": "恢复生产经营",
        "disaster": "自然灾害",
        "public_health": "公共卫生事件",
        "other": "其他原因",
    },
    "conditions": {
        "appears_when_summoned": "按要求到庭",
        "reports_property": "如实报告财产",
        "obeys_consumption_order": "遵守限制消费令",
        "cooperates_with_disposal": "配合财产处置",
        "performance_plan": "提交履行计划",
        "contact_details": "提供有效联系方式",
    },
    "effects": {
        "shield": "屏蔽失信信息",
        "delete": "删除失信信息",
        "shorten": "缩短失信期限",
        "lift_exit": "解除限制出境",
        "lift_consumption": "解除限制消费",
    },
    "matter": {"certificate": "出具证明书"},
}


def value_label(key: str, value: object) -> str:
    """The Chinese label of an enumerated value under its YAML key (the value itself if none)."""
    text = str(value)
    if key == "document":
        from goodfaith.core.documents.kinds import KINDS

        if text in KINDS:
            return KINDS[text]
    return VALUE_LABELS.get(key, {}).get(text, text)
