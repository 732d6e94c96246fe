"""Documents rendered to PDF: the text a reader sees (pdftotext) and embedded fonts (pdffonts)."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from goodfaith.core.documents.content import compose
from goodfaith.core.errors import InvalidValue
from goodfaith.core.timeline import load_timeline
from goodfaith.documents.pdf import render_pdf
from tests.conftest import DEMO, SCENARIOS

HUADU = DEMO / "huadu-2022.timeline.yaml"
ZAOYANG = DEMO / "zaoyang-2022.timeline.yaml"
CONGHUA = SCENARIOS / "conghua-pre-listing.timeline.yaml"


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    # CJK lines wrap anywhere and pages break mid-sentence: drop whitespace and page footers
    return re.sub(r"—\d+—", "", "".join(text.stdout.split()))


def fonts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()[2:]


CASES = [
    (
        HUADU,
        "active_performance_certificate",
        "D1",
        None,
        [
            "广州市花都区人民法院",
            "主动履行证明书",
            "（2022）粤0114执4600号",
            "钟某某",
            "刘某",
            "二〇二二年六月二十八日",
            "人民币贰仟零陆拾伍万元整",
        ],
    ),
    (
        HUADU,
        "closure_notice",
        "D2",
        None,
        ["结案通知书", "（2021）粤0114民初12877号", "现本案作执行完毕结案处理", "邓某某"],
    ),
    (
        ZAOYANG,
        "信用修复证明",
        "W",
        None,
        ["枣阳市人民法院", "信用修复证明", "王某", "二〇二二年三月十日", "人民币陆万玖仟元整"],
    ),
    (
        ZAOYANG,
        "automatic_performance_certificate",
        "W",
        None,
        ["自动履行证明书", "于二〇二二年三月十日主动履行完毕"],
    ),
    (
        CONGHUA,
        "pre_listing_notice",
        "D",
        date(2025, 3, 24),
        [
            "广州市从化区人民法院",
            "预纳入失信名单提醒通知书",
            "林某：",
            "二〇二五年四月八日前",
            "第二百六十六条",
            "二〇二五年三月二十四日",
            "人民币壹拾伍万元整",
        ],
    ),
]


@pytest.mark.parametrize(
    ("path", "kind", "party", "on", "expected"), CASES, ids=lambda v: str(v)[:30]
)
def test_pdf_shows_the_facts(
    path: Path, kind: str, party: str, on: date | None, expected: list[str], tmp_path: Path
) -> None:
    pdf = render_pdf(compose(load_timeline(path), kind, party, on=on))
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    for words in expected:
        assert words in text, words
    embedded = fonts(pdf, tmp_path)
    assert embedded and all(" yes yes yes " in line for line in embedded)
    assert any("NotoSerifCJK" in line for line in embedded)


def test_no_certificate_before_performance() -> None:
    with pytest.raises(InvalidValue, match="has not performed"):
        compose(load_timeline(ZAOYANG), "credit_repair_certificate", "W", on=date(2022, 2, 25))


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(InvalidValue, match="unknown document kind"):
        compose(load_timeline(ZAOYANG), "情书", "W")


def test_render_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.pdf"
    buf = io.StringIO()
    call_command(
        "documents",
        "render",
        str(HUADU),
        "--kind",
        "主动履行证明书",
        "--party",
        "D2",
        "--out",
        str(out),
        stdout=buf,
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert "主动履行证明书 （2022）粤0114执4600号" in buf.getvalue()
    with pytest.raises(SystemExit) as info:
        call_command(
            "documents", "render", str(HUADU), "--kind", "x", "--party", "D2", "--out", str(out)
        )
    assert info.value.code == 2
    assert "unknown document kind 'x'" in capsys.readouterr().err
    kinds = io.StringIO()
    call_command("documents", "kinds", stdout=kinds)
    lines = kinds.getvalue().splitlines()
    assert len(lines) == 20
    assert not [line for line in lines if "not yet" in line]  # every kind can be composed


@pytest.fixture
def signing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from goodfaith.core.documents.signing import new_private_key_b64

    monkeypatch.setenv("GOODFAITH_SIGNING_KEY", new_private_key_b64())


@pytest.mark.django_db
def test_issue_verify_tamper_revoke(signing_key: None, tmp_path: Path) -> None:
    from goodfaith.web.cases.models import Dispute
    from goodfaith.web.documents.actions import (
        do_issue_document,
        do_revoke_document,
        verify_document,
    )
    from goodfaith.web.documents.models import IssuedDocument

    call_command("import", str(HUADU), stdout=io.StringIO())
    dispute = Dispute.objects.get()
    doc = do_issue_document(dispute, "主动履行证明书", "D1")
    second = do_issue_document(dispute, "主动履行证明书", "D2")
    assert (doc.number, second.number) == ("（2022）粤0114证1号", "（2022）粤0114证2号")
    assert doc.code != second.code

    assert verify_document(doc.code).status == "valid"
    assert verify_document(doc.code.lower().replace("-", " ")).status == "valid"

    from goodfaith.documents.pdf import render_pdf_data

    issued_text = pdf_text(render_pdf_data(doc.data), tmp_path)
    assert doc.code in issued_text and doc.number in issued_text
    body = compose(load_timeline(HUADU), "主动履行证明书", "D1").paragraphs[0]
    assert body in issued_text
    assert render_pdf_data(doc.data) == render_pdf_data(IssuedDocument.objects.get(pk=doc.pk).data)

    tampered = IssuedDocument.objects.get(pk=doc.pk)
    tampered.data = {**tampered.data, "paragraphs": ["被执行人刘某未履行任何义务。"]}
    tampered.save()
    assert verify_document(doc.code).status == "invalid"

    do_revoke_document(second, "违反信用承诺")
    result = verify_document(second.code)
    assert result.status == "revoked" and "违反信用承诺" in result.message
    assert verify_document("0000-0000-0000").status == "unknown"


@pytest.mark.django_db
def test_issue_and_verify_commands(signing_key: None, tmp_path: Path) -> None:
    call_command("import", str(ZAOYANG), stdout=io.StringIO())
    buf = io.StringIO()
    out = tmp_path / "z.pdf"
    call_command(
        "documents",
        "issue",
        "（2021）鄂0683执2345号",
        "--kind",
        "credit_repair_certificate",
        "--party",
        "W",
        "--out",
        str(out),
        stdout=buf,
    )
    code = buf.getvalue().strip().rsplit(" ", 1)[1]
    assert code in pdf_text(out.read_bytes(), tmp_path)
    check = io.StringIO()
    call_command("documents", "verify", code, stdout=check)
    assert check.getvalue().startswith("valid: 枣阳市人民法院出具的信用修复证明")
    call_command("documents", "revoke", code, "--reason", "测试撤销", stdout=io.StringIO())
    with pytest.raises(SystemExit) as info:
        call_command("documents", "verify", code, stdout=check)
    assert info.value.code == 1


ALL = DEMO / "conghua-2024.timeline.yaml"
TEMPLATES = [
    (
        "automatic_performance_notice",
        "C",
        date(2024, 8, 1),
        [
            "自动履行告知书",
            "（2024）粤0117民初6002号",
            "户名：陈某",
            "中国工商银行广州从化支行",
            "第二百四十七条、第二百六十三条、第二百六十四条、第二百六十六条",
        ],
    ),
    (
        "pre_enforcement_application",
        "C",
        date(2024, 9, 2),
        ["执前督促履行申请书", "广州市从化区人民法院：", "督促期限原则上为一个月", "申请人：陈某"],
    ),
    (
        "pre_enforcement_notice",
        "D",
        date(2024, 9, 3),
        [
            "执前督促履行告知书",
            "（2024）粤0117执前调31号",
            "支付货款人民币120000.00元",
            "负担案件受理费1350.00元，其他诉讼费用200.00元",
        ],
    ),
    (
        "pre_fine_notice",
        "D",
        date(2024, 10, 22),
        [
            "预罚款通知书",
            "二〇二四年十一月五日前",
            "第一百一十四条、第一百一十八条",
            "采取罚款措施",
        ],
    ),
    ("detention_risk_notice", "D", date(2024, 10, 22), ["拘留风险告知书", "采取拘留措施"]),
    (
        "objection_risk_notice",
        "D",
        date(2024, 10, 25),
        [
            "滥用执行异议权利风险告知书",
            "第一百一十四条、第一百一十五条、第一百一十六条、第一百一十八条",
            "12.其他滥用异议权利的行为",
        ],
    ),
    (
        "credit_commitment_settlement",
        "D",
        date(2024, 11, 4),
        [
            "信用承诺书（执行和解）",
            "于二〇二四年十二月三十一日前支付人民币60000.00元",
            "承诺人：广州某食品有限公司",
        ],
    ),
    (
        "credit_commitment_temporary",
        "D",
        date(2024, 11, 20),
        [
            "信用承诺书（临时修复信用）",
            "生产经营任务紧急",
            "自二〇二四年十一月二十五日至二〇二五年二月二十五日止",
            "二〇二五年三月三十一日前履行完毕",
        ],
    ),
    (
        "credit_repair_notice",
        "D",
        date(2025, 3, 28),
        [
            "信用修复告知书",
            "政府采购、招标投标、行政审批、政府扶持、融资信贷、市场准入、资质认定",
            "人民币壹拾贰万元整",
        ],
    ),
    (
        "automatic_performance_certificate",
        "D",
        date(2025, 3, 28),
        ["自动履行证明书", "于二〇二五年三月二十八日主动履行完毕"],
    ),
    (
        "enforcement_notice",
        "D",
        date(2024, 10, 10),
        [
            "执行通知书",
            "（2024）粤0117执2301号",
            "第二百五十一条、第二百六十四条",
            "支付货款人民币120000.00元",
            "纳入失信被执行人名单",
        ],
    ),
    (
        "property_report_order",
        "D",
        date(2024, 10, 10),
        ["报告财产令", "第二百五十二条", "于二〇二四年十月十七日前"],
    ),
    (
        "listing_decision",
        "D",
        date(2024, 10, 28),
        [
            "纳入失信被执行人名单决定书",
            "申请执行人：陈某。",
            "被执行人：广州某食品有限公司，统一社会信用代码91440117MA5D8K2P1R，法定代表人（负责人）何某。",
            "违反财产报告制度",
            "第一条第四项、第二条",
            "纳入期限为二年",
        ],
    ),
    (
        "consumption_restriction_order",
        "D",
        date(2024, 10, 28),
        ["限制消费令", "法定代表人何某", "乘坐G字头动车组列车全部座位"],
    ),
    (
        "fine_decision",
        "D",
        date(2024, 11, 6),
        [
            "罚款决定书",
            "罚款人民币10000.00元（人民币壹万元整）",
            "第一百一十四条、第一百一十八条、第一百一十九条",
            "三日内向上一级人民法院申请复议一次",
        ],
    ),
    (
        "detention_decision",
        "D",
        date(2024, 11, 6),
        ["拘留决定书", "法定代表人（负责人）何某拘留五日"],
    ),
]


@pytest.mark.parametrize(
    ("kind", "party", "on", "expected"), TEMPLATES, ids=[k for k, *_ in TEMPLATES]
)
def test_conghua_templates(
    kind: str, party: str, on: date, expected: list[str], tmp_path: Path
) -> None:
    text = pdf_text(render_pdf(compose(load_timeline(ALL), kind, party, on=on)), tmp_path)
    assert "广州市从化区人民法院" in text
    for words in expected:
        assert "".join(words.split()) in text, words


DOCX_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize(
    ("kind", "party", "on", "expected"), TEMPLATES, ids=[k for k, *_ in TEMPLATES]
)
def test_docx_has_the_text_and_east_asian_fonts(
    kind: str, party: str, on: date, expected: list[str]
) -> None:
    from docx import Document

    from goodfaith.documents.docx import render_docx

    data = render_docx(compose(load_timeline(ALL), kind, party, on=on))
    doc = Document(io.BytesIO(data))
    text = "".join("".join(p.text.split()) for p in doc.paragraphs)
    for words in expected:
        assert "".join(words.split()) in text, words
    assert "{{" not in text and "{%" not in text
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert runs
    for r in runs:
        fonts = r.element.find(f"{DOCX_NS}rPr/{DOCX_NS}rFonts")
        assert fonts is not None and fonts.get(f"{DOCX_NS}eastAsia"), r.text


def test_libreoffice_converts_the_docx(tmp_path: Path) -> None:
    import shutil

    from goodfaith.documents.docx import render_docx

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: `make test` installs libreoffice-writer-nogui")
    for kind, party, on, _ in TEMPLATES:
        (tmp_path / f"{kind}.docx").write_bytes(
            render_docx(compose(load_timeline(ALL), kind, party, on=on))
        )
    for path, kind, party, on, _ in CASES:  # the kinds composed from the other demo cases
        doc = compose(load_timeline(path), kind, party, on=on)
        (tmp_path / f"{path.name.split('.')[0]}-{doc.kind}.docx").write_bytes(render_docx(doc))
    done = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *map(str, sorted(tmp_path.glob("*.docx"))),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert len(pdfs) == len(TEMPLATES) + len(CASES)
    title = "".join(
        subprocess.run(
            ["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True
        ).stdout.split()
    )
    assert "广州市从化区人民法院" in title.replace(" ", "")


def test_documents_benchmark_prints_both_figures() -> None:
    buf = io.StringIO()
    call_command("documents", "benchmark", "--count", "3", stdout=buf)
    out = buf.getvalue()
    assert "typst PDF:" in out and "documents/s" in out
    assert "LibreOffice DOCX→PDF:" in out and "× faster" in out


def test_court_template_override_and_validation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goodfaith.documents.pdf import default_template
    from goodfaith.documents.templates import check_templates

    monkeypatch.setenv("GOODFAITH_TEMPLATES_DIR", str(tmp_path / "templates"))
    court = tmp_path / "templates" / "粤0117"
    court.mkdir(parents=True)
    custom = (
        default_template()
        .read_text(encoding="utf-8")
        .replace(
            "#align(right, data.number)",
            "#align(right, data.number)\n#align(center)[从化法院定制版式]\n"
            "#par[本院执行#data.fields.creditors 申请执行#data.fields.basis_case 一案。]",
        )
    )
    (court / "pre_fine_notice.typ").write_text(custom, encoding="utf-8")
    doc = compose(load_timeline(ALL), "pre_fine_notice", "D", on=date(2024, 10, 22))
    custom_text = pdf_text(render_pdf(doc), tmp_path)
    assert "从化法院定制版式" in custom_text
    assert (
        "本院执行陈某申请执行（2024）粤0117民初6002号一案。" in custom_text
    )  # the court's own words
    other = compose(load_timeline(ALL), "detention_risk_notice", "D", on=date(2024, 10, 22))
    assert "从化法院定制版式" not in pdf_text(render_pdf(other), tmp_path)  # other kinds: default
    assert check_templates() == ([court / "pre_fine_notice.typ"], [])

    (court / "default.typ").write_text(
        "#let data = json(bytes(sys.inputs.data))\n#data.nonexistent", encoding="utf-8"
    )
    (court / "default.docx").write_bytes(b"not a docx")
    (court / "love_letter.typ").write_text("hi", encoding="utf-8")
    checked, problems = check_templates()
    assert len(checked) == 4
    assert {p.path.name for p in problems} == {"default.typ", "default.docx", "love_letter.typ"}
    with pytest.raises(SystemExit) as info:
        call_command("documents", "templates", stdout=io.StringIO())
    assert info.value.code == 2
    assert "love_letter.typ: unknown document kind" in capsys.readouterr().err


def test_batch_renders_every_debtor_and_skips_with_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buf = io.StringIO()
    call_command(
        "documents",
        "batch",
        str(HUADU),
        str(CONGHUA),
        "--kind",
        "主动履行证明书",
        "--out",
        str(tmp_path / "out"),
        stdout=buf,
    )
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        "huadu-2022-D1-active_performance_certificate.pdf",
        "huadu-2022-D2-active_performance_certificate.pdf",
    ]
    assert "2 documents written" in buf.getvalue() and "1 skipped" in buf.getvalue()
    assert "林某 has not performed" in buf.getvalue()
    assert "[##############################] 3/3" in capsys.readouterr().err
