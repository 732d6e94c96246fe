"""DOCX rendering with docxtpl: the court's Word template (editable by a clerk) filled with the
document's content. East-Asian fonts are set on every style and run of the template."""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

from docxtpl import DocxTemplate

from goodfaith.core.documents.content import DocumentContent

DEFAULT_FIELDS: dict[str, object] = {
    "verification_code": "",
    "document_number": "",
    "verify_url": "",
    "note": "",
    "party_lines": [],
}


def default_docx_template() -> Path:
    return Path(str(resources.files("goodfaith.documents") / "templates" / "default.docx"))


def render_docx(content: DocumentContent, template: Path | None = None) -> bytes:
    from goodfaith.documents.templates import find_template

    return render_docx_data(
        content.as_data(), template or find_template(content.court_code, content.kind, "docx")
    )


def render_docx_data(fields: dict[str, object], template: Path | None = None) -> bytes:
    try:
        doc = DocxTemplate(str(template or default_docx_template()))
        doc.init_docx()
    except Exception as exc:
        raise ValueError(f"{template}: not a usable Word template: {exc}") from exc
    court = str(fields["court"])
    doc.render({**DEFAULT_FIELDS, **fields, "court_spaced": " ".join(court)}, autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
