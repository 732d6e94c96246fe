"""Court template overrides: a court changes a kind's layout (typst) or Word template (docx)
without code, by dropping files in ``GOODFAITH_TEMPLATES_DIR`` (default ``<data dir>/templates``):

    <dir>/<court code>/<kind>.typ    one kind's PDF layout        (e.g. 粤0117/pre_listing_notice.typ)
    <dir>/<court code>/default.typ   the court's PDF layout for every kind
    <dir>/<court code>/<kind>.docx   / default.docx: the same for Word

The project's defaults apply where a court has none. ``check_templates`` validates every file
(it must render the sample document); the renderers refuse a template that fails.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from goodfaith.core.documents.content import DocumentContent
from goodfaith.core.documents.kinds import KINDS

DEFAULTS = Path(__file__).resolve().parent / "templates"


def templates_dir() -> Path:
    configured = os.environ.get("GOODFAITH_TEMPLATES_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("GOODFAITH_DATA_DIR", Path.cwd() / "data")) / "templates"


def find_template(court_code: str, kind: str, fmt: str) -> Path:
    """The template for a court's document of ``kind``: its own, else the project's default."""
    court = templates_dir() / court_code
    for candidate in (court / f"{kind}.{fmt}", court / f"default.{fmt}"):
        if candidate.is_file():
            return candidate
    return DEFAULTS / f"default.{fmt}"


SAMPLE = DocumentContent(
    kind="automatic_performance_certificate",
    title="自动履行证明书",
    court="某某市某某区人民法院",
    number="（2025）粤0117执1号",
    date=date(2025, 1, 2),
    paragraphs=("示例正文第一段。", "特此证明。"),
    court_code="粤0117",
    party_lines=("申请执行人：甲。", "被执行人：乙。"),
    fields={
        "creditors": "甲",
        "debtors": "乙",
        "party": "乙",
        "basis_case": "（2024）粤0117民初1号",
        "basis_document": "判决",
        "basis_effective": "二〇二四年一月二日",
        "filed": "二〇二四年三月一日",
        "performed": "二〇二五年一月二日",
        "amount": "人民币壹万元整",
    },
)


@dataclass(frozen=True)
class TemplateProblem:
    path: Path
    message: str


def check_templates(root: Path | None = None) -> tuple[list[Path], list[TemplateProblem]]:
    """Render the sample with every override; returns (files checked, problems)."""
    from goodfaith.documents.docx import render_docx
    from goodfaith.documents.pdf import render_pdf

    base = root or templates_dir()
    checked: list[Path] = []
    problems: list[TemplateProblem] = []
    if not base.is_dir():
        return checked, problems
    for path in sorted(base.glob("*/*")):
        if path.suffix not in (".typ", ".docx"):
            continue
        checked.append(path)
        if path.stem != "default" and path.stem not in KINDS:
            problems.append(TemplateProblem(path, f"unknown document kind {path.stem!r}"))
            continue
        try:
            if path.suffix == ".typ":
                render_pdf(SAMPLE, path)
            else:
                render_docx(SAMPLE, path)
        except Exception as exc:  # any failure of a court's file is reported, not raised
            problems.append(TemplateProblem(path, str(exc).splitlines()[0][:300]))
    return checked, problems
