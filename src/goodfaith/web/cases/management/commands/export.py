"""goodfaith export CASE: write the case file holding CASE back as a timeline (YAML)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from goodfaith.core.errors import InvalidValue
from goodfaith.core.timeline.dump import dump_yaml
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.web.cases import models as db
from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused
from goodfaith.web.cases.timelines import dispute_timeline


class Command(GoodfaithCommand):
    help = "Export the case file that holds CASE (any of its case numbers) as a timeline."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "case", metavar="CASE", help="a case number, e.g. （2022）粤0114执4600号"
        )
        parser.add_argument("--out", metavar="PATH", help="write here instead of standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            number = str(CaseNumber.parse(options["case"]))
        except InvalidValue as exc:
            raise Refused(f"argument CASE: {exc}") from None
        case = db.Case.objects.select_related("dispute").filter(number=number).first()
        if case is None:
            raise Refused(f"argument CASE: no stored case {number}")
        text = dump_yaml(dispute_timeline(case.dispute))
        if options["out"]:
            Path(options["out"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
