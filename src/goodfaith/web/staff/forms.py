"""Recording an event from a form: fields built from the event's record type (the timeline spec),
validated by the same loader as imports, errors told in Chinese beside the field."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal, cast

from goodfaith.core.labels import value_label
from goodfaith.core.timeline import model as m
from goodfaith.core.timeline.convert import yaml_fields
from goodfaith.core.values.case_number import CaseNumber

FIELD_LABELS = {
    "on": "日期",
    "case": "案号",
    "party": "当事人",
    "to": "送达对象",
    "document": "文书",
    "deadline": "履行期限",
    "amount": "金额（元）",
    "obligation": "义务编号",
    "status": "报告情况",
    "measure": "措施",
    "asset": "财产类型",
    "value": "财产价值（元）",
    "id": "措施编号",
    "kind": "类型",
    "severe": "情节严重",
    "items": "失信情形（第一条各项，逗号分隔）",
    "period_years": "纳入期限（年）",
    "extension_years": "延长期限（年）",
    "reason": "原因",
    "days": "天数",
    "excused": "有正当理由",
    "round": "拍卖轮次",
    "method": "方式",
    "outcome": "结果",
    "transfer": "申请人仍要求执行",
    "basis": "执行依据案号（生效法律文书或原执行案件）",
    "applicants": "申请执行人",
    "respondents": "被执行人",
    "creditor": "申请执行人",
    "creditor_consent": "申请执行人同意",
    "from_": "临时修复起始日",
    "to_date": "临时修复截止日",
    "perform_by": "承诺履行期限",
    "matter": "事项",
    "grant": "决定出具",
    "mediator": "调解员",
    "applicant": "申请人",
    "consent": "申请人同意执前督促",
    "debtor_contact": "能提供债务人联系方式",
    "installments": "分期履行计划（履行日期、金额）",
    "conditions": "修复条件（申请人所述情况）",
    "effects": "申请的修复措施",
    "parties": "和解协议的履行义务人",
    "holder": "户名",
    "account": "账号",
    "bank": "开户行",
}

#: event types with nested structures the form does not offer (obligations, fees): import them
NESTED = {"judgment_effective"}
#: blank instalment rows offered by the settlement form
INSTALMENT_ROWS = 8


@dataclass
class FormField:
    name: str  # the YAML key
    label: str
    widget: Literal[
        "date", "case", "party", "parties", "choice", "amount", "bool", "int", "ints", "text",
        "multichoice", "installments", "conditions",
    ]  # fmt: skip
    required: bool
    choices: tuple[str, ...] = ()
    choice_labels: tuple[tuple[str, str], ...] = ()  # (value, Chinese label) for the select
    value: Any = ""
    error: str = ""

    @property
    def condition_rows(self) -> list[tuple[str, str, str]]:
        """(condition, label, submitted 'true'/'false'/'') for the conditions widget."""
        current = self.value if isinstance(self.value, dict) else {}
        return [(c, label, current.get(c, "")) for c, label in self.choice_labels]


def _unwrap(tp: Any) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0]
    return tp


def _widget(tp: Any) -> tuple[str, tuple[str, ...]]:
    tp = _unwrap(tp)
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return "party", ()
    if origin is tuple:
        (inner, _) = typing.get_args(tp)
        if typing.get_origin(inner) is typing.Annotated:
            return "parties", ()
        if inner is int:
            return "ints", ()
        if typing.get_origin(inner) is Literal:
            return "multichoice", tuple(typing.get_args(inner))
        if inner is m.Installment:
            return "installments", ()
        return "text", ()
    if origin is dict:
        (keys, _) = typing.get_args(tp)
        return "conditions", tuple(typing.get_args(keys))
    if origin is Literal:
        return "choice", tuple(typing.get_args(tp))
    if tp is date:
        return "date", ()
    if tp is CaseNumber:
        return "case", ()
    if tp is Decimal:
        return "amount", ()
    if tp is bool:
        return "bool", ()
    if tp is int:
        return "int", ()
    return "text", ()


def form_fields(event_type: str) -> list[FormField]:
    cls = m.EVENT_TYPES[event_type]
    opening = issubclass(cls, m.OPENING_TYPES)
    out = []
    for name, key, tp, required in yaml_fields(cast(type, cls)):
        widget, choices = _widget(tp)
        if opening and key == "case":
            widget = "text"  # the new case's number is typed, not chosen
        label = FIELD_LABELS.get("to_date" if key == "to" and widget == "date" else name, key)
        labelled = tuple((c, f"{value_label(key, c)}（{c}）") for c in choices)
        if widget == "conditions":
            labelled = tuple((c, value_label(key, c)) for c in choices)
        out.append(FormField(key, label, widget, required, choices, labelled))  # type: ignore[arg-type]
    return out


def data_from_post(event_type: str, post: Any) -> dict[str, Any]:
    """Timeline data from a submitted form; empty optional fields are left out."""
    data: dict[str, Any] = {"type": event_type}
    for f in form_fields(event_type):
        if f.widget in ("parties", "multichoice"):
            values = post.getlist(f.name)
            if values:
                data[f.name] = values
            continue
        if f.widget == "installments":
            rows = [
                {"due": post.get(f"{f.name}-{i}-due", "").strip(), "amount": amount}
                for i in range(INSTALMENT_ROWS)
                if (amount := post.get(f"{f.name}-{i}-amount", "").strip())
                or post.get(f"{f.name}-{i}-due", "").strip()
            ]
            if rows:
                data[f.name] = rows
            continue
        if f.widget == "conditions":
            answers = {c: post.get(f"{f.name}-{c}") for c in f.choices}
            data[f.name] = {c: v == "true" for c, v in answers.items() if v in ("true", "false")}
            continue
        raw = (post.get(f.name) or "").strip()
        if raw == "":
            continue
        if f.widget == "bool":
            data[f.name] = raw == "true"
        elif f.widget == "int":
            data[f.name] = int(raw) if raw.lstrip("-").isdigit() else raw
        elif f.widget == "ints":
            parts = [p.strip() for p in raw.replace("，", ",").split(",") if p.strip()]
            data[f.name] = [int(p) if p.isdigit() else p for p in parts]
        else:
            data[f.name] = raw
    return data


def posted_value(f: FormField, post: Any) -> Any:
    """What the user submitted for ``f``, to show the form again after an error."""
    if f.widget in ("parties", "multichoice"):
        return post.getlist(f.name)
    if f.widget == "installments":
        return [
            (post.get(f"{f.name}-{i}-due", ""), post.get(f"{f.name}-{i}-amount", ""))
            for i in range(INSTALMENT_ROWS)
        ]
    if f.widget == "conditions":
        return {c: post.get(f"{f.name}-{c}", "") for c in f.choices}
    return post.get(f.name, "")


def blank_value(f: FormField) -> Any:
    if f.widget == "installments":
        return [("", "")] * INSTALMENT_ROWS
    if f.widget == "conditions":
        return dict.fromkeys(f.choices, "")
    return f.value


def chinese_error(message: str) -> str:
    """The loader's English message in Chinese, for the common cases."""
    if message == "missing required field":
        return "此项为必填项。"
    if "is not declared" in message:
        return "所选当事人或案号不在本案卷中。"
    if "out of order" in message:
        return "日期早于案卷中已有的记录；补录请联系系统管理员按更正程序处理。"
    if "expected a date" in message:
        return "请填写有效日期（年-月-日）。"
    if "amount" in message and "decimals" in message:
        return "请填写不为负数、最多两位小数的金额。"
    if message.startswith("expected one of"):
        return "请从列表中选择。"
    if "already belongs to the case file of" in message:
        return f"该案号已被使用（属于{message.rsplit(' ', 1)[-1]}案卷），请刷新后使用新的案号。"
    if "never applied" in message:
        return "该措施编号没有对应的控制措施记录。"
    if "already applied" in message:
        return "该措施编号已被使用。"
    return f"填写有误：{message}"
