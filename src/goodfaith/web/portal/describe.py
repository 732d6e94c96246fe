"""Court policies and demo cases as readable Chinese for the public pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from goodfaith.core.courts import known_court_name
from goodfaith.core.labels import value_label
from goodfaith.core.policies import POLICIES, Policy
from goodfaith.core.timeline.load import read_yaml
from goodfaith.web.portal.texts import (
    CASE_STORIES,
    CERTIFICATE_CONDITIONS,
    POLICY_NOTES,
    POLICY_SUMMARIES,
    CaseStory,
)


def web_date(d: date) -> str:
    """``2022年9月5日`` (the web's form; documents use 二〇二二年九月五日)."""
    return f"{d.year}年{d.month}月{d.day}日"


def _source(text: str) -> str:
    """The policy's source without the project's seed reference (``seed 003: …``)."""
    return re.sub(r"^seed \d+:\s*", "", text)


@dataclass(frozen=True, slots=True)
class PolicyView:
    """One court policy, every parameter worded in Chinese."""

    name: str
    title: str
    court_code: str
    court_name: str
    source: str
    applies_from: str
    summary: str
    certificate_title: str
    certificate_conditions: tuple[str, ...]
    repair_conditions: tuple[str, ...]
    repair_effects: tuple[str, ...]
    temporary_reasons: tuple[str, ...]
    pre_enforcement: str
    honest_list: bool
    fee_reduction: bool
    notes: tuple[str, ...]

    @property
    def mechanisms(self) -> tuple[tuple[str, str], ...]:
        """(机制, 内容) rows for a table."""
        rows: list[tuple[str, str]] = []
        if self.certificate_title:
            rows.append(("履行证明书", f"《{self.certificate_title}》"))
        rows.append(
            (
                "信用修复条件",
                "、".join(self.repair_conditions) if self.repair_conditions else "未作特别规定",
            )
        )
        rows.append(
            (
                "信用修复效果",
                "、".join(self.repair_effects) if self.repair_effects else "未作特别规定",
            )
        )
        rows.append(
            (
                "临时修复信用（信用承诺）",
                "可因" + "、".join(self.temporary_reasons) + "申请"
                if self.temporary_reasons
                else "未规定",
            )
        )
        rows.append(("执前督促", self.pre_enforcement))
        rows.append(("诚信履行名单", "设立" if self.honest_list else "未设立"))
        rows.append(("减免案件受理费", "可依法适当减免" if self.fee_reduction else "未规定"))
        return tuple(rows)


def policy_view(policy: Policy) -> PolicyView:
    """The readable form of a ``core.policies`` entry."""
    months = policy.pre_enforcement_months
    return PolicyView(
        name=policy.name,
        title=policy.title,
        court_code=policy.court,
        court_name=known_court_name(policy.court) or policy.court,
        source=_source(policy.source),
        applies_from=web_date(policy.applies_from),
        summary=POLICY_SUMMARIES.get(policy.name, ""),
        certificate_title=policy.certificate_title or "",
        certificate_conditions=CERTIFICATE_CONDITIONS.get(policy.certificate or "", ()),
        repair_conditions=tuple(value_label("conditions", c) for c in policy.repair_conditions),
        repair_effects=tuple(value_label("effects", e) for e in policy.repair_effects),
        temporary_reasons=tuple(value_label("reason", r) for r in policy.temporary_repair_reasons),
        pre_enforcement=f"经申请执行人同意，督促期限原则上为{months}个月" if months else "未设立",
        honest_list=policy.honest_list,
        fee_reduction=policy.fee_reduction,
        notes=POLICY_NOTES.get(policy.name, ()),
    )


def policy_views() -> list[PolicyView]:
    """Every court policy the system knows, in order."""
    return [policy_view(p) for p in POLICIES.values()]


@dataclass(frozen=True, slots=True)
class CaseView:
    """A demo case file as a typical case (典型案例)."""

    key: str
    title: str
    court_name: str
    story: CaseStory | None


@cache
def case_views() -> tuple[CaseView, ...]:
    """The demo case files shipped with the package, with their stories."""
    folder = resources.files("goodfaith") / "demo"
    out = []
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if not item.name.endswith(".timeline.yaml"):
            continue
        key = item.name.removesuffix(".timeline.yaml")
        raw = read_yaml(item.read_text(encoding="utf-8"))
        court = str(raw.get("court", ""))
        name = str(raw.get("court_name") or known_court_name(court) or court)
        out.append(CaseView(key, str(raw.get("title", key)), name, CASE_STORIES.get(key)))
    # the real cases first, the constructed example last
    return tuple(sorted(out, key=lambda c: (c.story is None or c.story.constructed, c.key)))
