"""Build the default Word template (src/goodfaith/documents/templates/default.docx).

Run once when the layout changes: `.venv/bin/python tools/make_docx_template.py`. The result is
an ordinary .docx a clerk can open and edit in Word, WPS or LibreOffice; its Jinja tags
({{ court }}, {{ title }} …) are filled by docxtpl. Every style sets an East-Asian font, so
Chinese text never falls back to a Latin face.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

OUT = Path(__file__).resolve().parents[1] / "src/goodfaith/documents/templates/default.docx"
BODY_FONT, TITLE_FONT = "仿宋_GB2312", "宋体"


def east_asian(style_or_run, font: str, size: float, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    f = style_or_run.font
    f.name = "Times New Roman"
    f.size = Pt(size)
    f.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), font)


def main() -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    east_asian(normal, BODY_FONT, 16)
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)

    def para(text: str, align=None, font=BODY_FONT, size=16.0, bold=False, indent=False):  # type: ignore[no-untyped-def]
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)
        run = p.add_run(text)
        east_asian(run, font, size, bold)
        return p

    para("{{ court_spaced }}", WD_ALIGN_PARAGRAPH.CENTER, TITLE_FONT, 22, True)
    para("{{ title }}", WD_ALIGN_PARAGRAPH.CENTER, TITLE_FONT, 26, True)
    para("{{ number }}", WD_ALIGN_PARAGRAPH.RIGHT)
    para("{%p for line in party_lines %}")
    para("{{ line }}", indent=True)
    para("{%p endfor %}")
    para("{%p if addressee %}")
    para("{{ addressee }}")
    para("{%p endif %}")
    para("{%p for p in paragraphs %}")
    para("{{ p }}", indent=True)
    para("{%p endfor %}")
    para("")
    para("{{ signer }}", WD_ALIGN_PARAGRAPH.RIGHT)
    para("{{ date }}", WD_ALIGN_PARAGRAPH.RIGHT)
    para("{%p if verification_code %}")
    para(
        "文书编号：{{ document_number }}　验证码：{{ verification_code }}　核验：{{ verify_url }}",
        size=10.5,
    )
    para("{%p endif %}")
    para("{%p if note %}")
    para("{{ note }}", size=12)
    para("{%p endif %}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(OUT))
    print(OUT)


if __name__ == "__main__":
    main()
