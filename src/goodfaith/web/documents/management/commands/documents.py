"""goodfaith documents kinds | render: legal documents from a timeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from goodfaith.core.documents.content import BUILDERS, compose
from goodfaith.core.documents.kinds import KINDS
from goodfaith.core.documents.signing import normalise_code
from goodfaith.core.errors import InvalidValue
from goodfaith.core.timeline import TimelineError, load_timeline
from goodfaith.core.timeline.model import JudgmentEffective
from goodfaith.core.values.case_number import CaseNumber
from goodfaith.documents.docx import render_docx
from goodfaith.documents.pdf import RenderError, render_pdf, render_pdf_data
from goodfaith.documents.templates import find_template
from goodfaith.web.cases.management.commands._base import GoodfaithCommand, Refused
from goodfaith.web.cases.models import Case
from goodfaith.web.documents.actions import do_issue_document, do_revoke_document, verify_document
from goodfaith.web.documents.models import IssuedDocument


class Command(GoodfaithCommand):
    help = "Legal documents: kinds, render (from a timeline), issue, verify, revoke."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("kinds", help="one kind a line: code, Chinese title, whether composable")
        render = sub.add_parser("render", help="render one document of a timeline")
        render.add_argument("timeline", metavar="TIMELINE")
        render.add_argument("--kind", required=True, help="a code or the Chinese title")
        render.add_argument("--party", required=True, metavar="KEY")
        render.add_argument("--case", metavar="NO")
        render.add_argument(
            "--on", metavar="YYYY-MM-DD", help="document date (default: last event)"
        )
        render.add_argument("--format", choices=["pdf", "docx"], default="pdf")
        render.add_argument("--out", required=True, metavar="PATH")
        issue = sub.add_parser(
            "issue", help="issue, number, sign and register a stored case's document"
        )
        issue.add_argument("case", metavar="CASE", help="any case number of the stored case file")
        issue.add_argument("--kind", required=True)
        issue.add_argument("--party", required=True, metavar="KEY")
        issue.add_argument("--on", metavar="YYYY-MM-DD")
        issue.add_argument("--out", metavar="PATH", help="also write the PDF here")
        sub.add_parser("templates", help="list and validate the courts' template overrides")
        batch = sub.add_parser("batch", help="render a kind for every debtor of many timelines")
        batch.add_argument("timelines", nargs="+", metavar="TIMELINE")
        batch.add_argument("--kind", required=True)
        batch.add_argument("--format", choices=["pdf", "docx"], default="pdf")
        batch.add_argument("--on", metavar="YYYY-MM-DD")
        batch.add_argument("--out", required=True, metavar="DIR")
        bench = sub.add_parser(
            "benchmark", help="PDFs per second (typst) beside LibreOffice DOCX→PDF"
        )
        bench.add_argument("--count", type=int, default=200)
        verify = sub.add_parser("verify", help="check a verification code")
        verify.add_argument("code", metavar="CODE")
        revoke = sub.add_parser("revoke", help="revoke an issued document")
        revoke.add_argument("code", metavar="CODE")
        revoke.add_argument("--reason", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "kinds":
            for code, title in KINDS.items():
                ready = "" if code in BUILDERS else "\t(not yet composable)"
                self.stdout.write(f"{code}\t{title}{ready}")
            return
        if options["action"] in ("issue", "verify", "revoke", "benchmark", "templates", "batch"):
            getattr(self, options["action"])(options)
            return
        try:
            t = load_timeline(options["timeline"])
            case = CaseNumber.parse(options["case"]) if options["case"] else None
            on = date.fromisoformat(options["on"]) if options["on"] else None
            content = compose(t, options["kind"], options["party"], case, on)
            pdf = render_docx(content) if options["format"] == "docx" else render_pdf(content)
        except (TimelineError, InvalidValue, ValueError, RenderError) as exc:
            raise Refused(str(exc)) from None
        Path(options["out"]).write_bytes(pdf)
        self.stdout.write(f"{options['out']}: {content.title} {content.number} ({len(pdf)} bytes)")

    def issue(self, options: dict[str, Any]) -> None:
        try:
            number = str(CaseNumber.parse(options["case"]))
            case = Case.objects.select_related("dispute").filter(number=number).first()
            if case is None:
                raise Refused(f"argument CASE: no stored case {number}")
            on = date.fromisoformat(options["on"]) if options["on"] else None
            doc = do_issue_document(case.dispute, options["kind"], options["party"], on=on)
            if options["out"]:
                template = find_template(doc.court.code, doc.kind, "typ")
                Path(options["out"]).write_bytes(render_pdf_data(doc.data, template))
        except (InvalidValue, ValueError, RenderError) as exc:
            raise Refused(str(exc)) from None
        self.stdout.write(
            f"{doc.number} {doc.data['title']} {doc.case_number}: verification code {doc.code}"
        )

    def verify(self, options: dict[str, Any]) -> None:
        try:
            result = verify_document(options["code"])
        except InvalidValue as exc:
            raise Refused(str(exc)) from None
        self.stdout.write(f"{result.status}: {result.message}")
        if result.status != "valid":
            raise SystemExit(1)

    def revoke(self, options: dict[str, Any]) -> None:
        try:
            code = normalise_code(options["code"])
        except InvalidValue as exc:
            raise Refused(str(exc)) from None
        doc = IssuedDocument.objects.filter(code=code).first()
        if doc is None:
            raise Refused(f"no issued document with code {code}")
        do_revoke_document(doc, options["reason"])
        self.stdout.write(f"{doc.number}: revoked")

    def benchmark(self, options: dict[str, Any]) -> None:
        """One-page certificate of the Huadu demo case: typst in-process vs LibreOffice."""
        import shutil
        import subprocess
        import tempfile
        import time
        from importlib import resources

        t = load_timeline(str(resources.files("goodfaith") / "demo" / "huadu-2022.timeline.yaml"))
        content = compose(t, "active_performance_certificate", "D1")
        render_pdf(content)  # warm the compiler and the font cache
        count = options["count"]
        start = time.perf_counter()
        for _ in range(count):
            render_pdf(content)
        per_pdf = (time.perf_counter() - start) / count
        self.stdout.write(
            f"typst PDF: {1 / per_pdf:,.0f} documents/s ({per_pdf * 1000:.1f} ms each, {count} renders)"
        )
        soffice = shutil.which("soffice")
        if soffice is None:
            self.stdout.write("LibreOffice: not installed (make system installs it)")
            return
        with tempfile.TemporaryDirectory() as tmp:
            docx = Path(tmp) / "certificate.docx"
            docx.write_bytes(render_docx(content))
            times = []
            for i in range(3):
                start = time.perf_counter()
                subprocess.run(
                    [
                        soffice,
                        "--headless",
                        f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        f"{tmp}/out{i}",
                        str(docx),
                    ],
                    capture_output=True,
                    check=True,
                    timeout=300,
                )
                times.append(time.perf_counter() - start)
        best = min(times[1:])  # the first run also creates the LibreOffice profile
        self.stdout.write(
            f"LibreOffice DOCX→PDF: {best * 1000:,.0f} ms per document (best of 2 after a warm-up)"
        )
        self.stdout.write(f"typst is {best / per_pdf:,.0f}× faster")

    def templates(self, options: dict[str, Any]) -> None:
        from goodfaith.documents.templates import check_templates, templates_dir

        checked, problems = check_templates()
        self.stdout.write(
            f"{templates_dir()}: {len(checked)} court templates, {len(problems)} with problems"
        )
        for path in checked:
            self.stdout.write(f"  {path.relative_to(templates_dir())}")
        if problems:
            raise Refused("; ".join(f"{p.path}: {p.message}" for p in problems))

    def batch(self, options: dict[str, Any]) -> None:
        """Every (timeline, debtor) pair; a document that cannot be composed is skipped with its
        reason; a progress bar goes to standard error."""
        import sys

        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        on = date.fromisoformat(options["on"]) if options["on"] else None
        jobs = []
        try:
            for path in options["timelines"]:
                t = load_timeline(path)
                debtors = {
                    d for e in t.events if isinstance(e, JudgmentEffective) for d in e.debtors
                }
                jobs += [(path, t, key) for key in sorted(debtors)]
        except TimelineError as exc:
            raise Refused(str(exc)) from None
        done, skipped = 0, []
        for i, (path, t, key) in enumerate(jobs, 1):
            try:
                content = compose(t, options["kind"], key, None, on)
            except InvalidValue as exc:
                skipped.append(f"{path} {key}: {exc}")
            else:
                data = render_docx(content) if options["format"] == "docx" else render_pdf(content)
                name = f"{Path(path).name.split('.')[0]}-{key}-{content.kind}.{options['format']}"
                (out / name).write_bytes(data)
                done += 1
            filled = int(30 * i / len(jobs))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {i}/{len(jobs)}")
        sys.stderr.write("\n")
        self.stdout.write(f"{done} documents written to {out}, {len(skipped)} skipped")
        for line in skipped:
            self.stdout.write(f"  skipped {line}")
