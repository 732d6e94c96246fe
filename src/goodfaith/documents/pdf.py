"""PDF rendering with typst: a pure function from (content, template) to bytes.

One typst compiler per (template, process) is kept; fonts come from the system's Noto CJK
(Debian ``fonts-noto-cjk``) and are embedded as subsets.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path

import segno
import typst

from goodfaith.core.documents.content import DocumentContent

FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts")


class RenderError(RuntimeError):
    """The document could not be rendered (template or font problem)."""


def default_template() -> Path:
    return Path(str(resources.files("goodfaith.documents") / "templates" / "default.typ"))


@functools.cache
def _compiler(template: str) -> typst.Compiler:
    fonts = [d for d in FONT_DIRS if Path(d).is_dir()]
    return typst.Compiler(template, font_paths=fonts, sys_inputs={"data": "{}"})


def qr_svg(url: str) -> str:
    """The verification URL as an SVG QR code (error correction M)."""
    return str(segno.make(url, error="m").svg_inline(scale=4, border=1))


def render_pdf(content: DocumentContent, template: Path | None = None) -> bytes:
    from goodfaith.documents.templates import find_template

    return render_pdf_data(
        content.as_data(), template or find_template(content.court_code, content.kind, "typ")
    )


def render_pdf_data(fields: dict[str, object], template: Path | None = None) -> bytes:
    """Render stored document data (an issued document re-renders from its registry record)."""
    path = str(template or default_template())
    if "verify_url" in fields:
        fields = {**fields, "qr_svg": qr_svg(str(fields["verify_url"]))}
    data = json.dumps(fields, ensure_ascii=False, sort_keys=True)  # same bytes from jsonb
    try:
        pdf = _compiler(path).compile(format="pdf", sys_inputs={"data": data}, pdf_tags=False)
    except Exception as exc:  # typst raises its own error types with the template's messages
        raise RenderError(f"typst could not render {path}: {exc}") from exc
    if not isinstance(pdf, bytes):
        raise RenderError("typst returned no PDF")
    return pdf
