"""goodfaith rules: the catalogue of rules, each with its citation and the text it implements."""

from __future__ import annotations

from typing import Any

from goodfaith.core.explain import cite_zh
from goodfaith.core.policies import POLICIES
from goodfaith.core.rules.catalogue import catalogue
from goodfaith.web.cases.management.commands._base import GoodfaithCommand


class Command(GoodfaithCommand):
    help = "Print the rules catalogue (Chinese law text with citations) and the court policies."
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        out = self.stdout
        out.write("规则目录（全国性规定总是适用；法院机制在其施行日后叠加适用）\n")
        for i, r in enumerate(catalogue(), 1):
            out.write(f"{i}. {r.id}  〔{r.module}〕")
            out.write("   依据：" + "；".join(cite_zh(c) for c in r.cites))
            out.write(f"   条文：{r.text}")
            if r.note:
                out.write(f"   说明：{r.note}")
            out.write("")
        out.write("法院机制（policies）")
        for p in POLICIES.values():
            out.write(
                f"- {p.name}：{p.title}（{p.court}，自{p.applies_from.isoformat()}起；{p.source}）"
            )
