"""goodfaith statistics --court CODE [--from D] [--to D] [--json]: the leadership figures."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused, day_option
from goodfaith.web.cases.models import Court
from goodfaith.web.staff.statistics import court_figures

LABELS = {
    "documents": "生效文书", "performed_automatically": "自动履行", "automatic_rate": "自动履行率",
    "enforced": "申请执行", "pending": "尚未履行", "pre_enforcement_registered": "执前督促",
    "pre_enforcement_performed": "执前督促成功", "pre_enforcement_transferred": "转执行",
    "enforcement_filed": "执行收案", "enforcement_closed": "执结",
    "amount_recovered": "执行到位（元）", "certificates_issued": "发放证明书",
    "listings_published": "发布失信（人次）", "repairs_granted": "信用修复（人次）",
}  # fmt: skip


class Command(GoodfaithCommand):
    help = "Automatic-performance rate and the other leadership figures of a court over a period."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--court", required=True, metavar="CODE")
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        court = Court.objects.filter(code=options["court"]).first()
        if court is None:
            raise Refused(f"argument --court: unknown court {options['court']!r}")
        today = date.today()
        start = day_option(options["start"], "--from", date(today.year, 1, 1))
        end = day_option(options["end"], "--to", today)
        data = court_figures(court, start, end, today).as_json()
        if options["json"]:
            self.stdout.write(json.dumps({"court": court.code, "from": start.isoformat(),
                                          "to": end.isoformat(), **data}, ensure_ascii=False))  # fmt: skip
            return
        self.stdout.write(f"{court.name}（{court.code}） {start} – {end}")
        for key, label in LABELS.items():
            value = data[key]
            if key == "automatic_rate" and value is not None:
                value = f"{value:.2%}"
            self.stdout.write(f"  {label}: {value if value is not None else '—'}")
