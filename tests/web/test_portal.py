"""The public portal: pages without login, certificate verification (HTML and JSON), the API
description."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from goodfaith.core.labels import value_label
from goodfaith.core.policies import POLICIES
from goodfaith.web.cases.models import Dispute
from goodfaith.web.documents.actions import do_issue_document, do_revoke_document
from goodfaith.web.documents.models import IssuedDocument
from goodfaith.web.portal.describe import case_views
from goodfaith.web.portal.texts import CASE_STORIES, WARNING
from tests.conftest import DEMO, SCENARIOS, clear_limits

pytestmark = pytest.mark.django_db

IDENTITY = re.compile(r"\d{17}[\dXx]")
PAGES = [
    "portal:home",
    "portal:guide",
    "portal:rules",
    "portal:cases",
    "portal:regulations",
    "portal:verify_form",
    "portal:api_docs",
]


@pytest.fixture
def signing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from goodfaith.core.documents.signing import new_private_key_b64

    monkeypatch.setenv("GOODFAITH_SIGNING_KEY", new_private_key_b64())


def _import(timeline: str) -> Dispute:
    """Import one scenario (or demo) file and return its dispute."""
    path = SCENARIOS / timeline if (SCENARIOS / timeline).exists() else DEMO / timeline
    before = set(Dispute.objects.values_list("pk", flat=True))
    call_command("import", str(path), stdout=io.StringIO())
    return Dispute.objects.exclude(pk__in=before).get()


# ---------------------------------------------------------------------------------------------
# pages
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_every_page_is_public_and_warns_that_repair_is_free(client: Client, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert WARNING in html
    assert '<html lang="zh-CN">' in html
    assert 'name="viewport"' in html
    assert 'href="#main"' in html and 'id="main"' in html  # skip link and its target
    assert 'aria-label="主导航"' in html
    for href in ("/public/dishonest/", "/public/honest/", "/verify/"):
        assert f'href="{href}"' in html
    for field in re.findall(r'<input[^>]* id="([^"]+)"', html):  # every input has its label
        assert f'<label for="{field}">' in html


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/public/", "首页"),
        ("/public/honest/", "诚信履行名单"),
        ("/public/dishonest/", "失信信息查询"),
        ("/verify/7K2M-9QX4-T1BD", "证明书核验"),
        ("/public/guide/", "信用修复指南"),
        ("/public/repair/", None),
    ],
)
def test_any_page_extending_the_base_has_the_nav_and_the_warning(
    path: str, current: str | None
) -> None:
    """Other apps' public pages extend ``portal/base.html`` with their own context."""
    from django.template import Context, Template
    from django.test import RequestFactory

    page = Template('{% extends "portal/base.html" %}{% block content %}正文{% endblock %}')
    html = page.render(Context({"request": RequestFactory().get(path)}))
    assert WARNING in html and "正文" in html
    marked = re.findall(r'<a href="[^"]+" aria-current="page">([^<]+)</a>', html)
    assert marked == ([current] if current else [])


def test_home_has_the_three_entries_the_warning_and_a_qr_code(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOODFAITH_PUBLIC_URL", "https://xinyong.example.cn/")
    html = client.get(reverse("portal:home")).content.decode()
    assert html.count(WARNING) == 2  # in the page and in the footer
    for title, href in (
        ("查询失信信息", "/public/dishonest/"),
        ("核验证明书", "/verify/"),
        ("申请信用修复", "/public/repair/"),
    ):
        assert title in html and f'href="{href}"' in html
    assert 'aria-current="page"' in html
    qr = re.search(r'<img src="(/public/qr\.svg)"[^>]*alt="([^"]+)"', html)
    assert qr and "二维码" in qr.group(2) and "https://xinyong.example.cn/public/" in qr.group(2)

    svg = client.get(qr.group(1))
    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")
    body = svg.content.decode()
    assert body.lstrip().startswith("<?xml") and 'xmlns="http://www.w3.org/2000/svg"' in body
    # the modules drawn are those of the portal's address
    import segno

    qr_code = segno.make("https://xinyong.example.cn/public/", error="m")
    modules = re.compile(r'class="qrline"[^>]* d="([^"]+)"')
    drawn = modules.search(body)
    wanted = modules.search(str(qr_code.svg_inline(scale=4, border=2)))
    assert drawn and wanted and drawn.group(1) == wanted.group(1)


def test_guide_lists_the_conditions_of_every_court_policy(client: Client) -> None:
    html = client.get(reverse("portal:guide")).content.decode()
    conghua = POLICIES["conghua-2022"]
    assert conghua.title in html
    assert f"《{conghua.certificate_title}》" in html
    assert conghua.temporary_repair_reasons  # the Conghua policy's conditions: urgent reasons
    for reason in conghua.temporary_repair_reasons:
        assert value_label("reason", reason) in html
    for condition in conghua.repair_conditions:
        assert value_label("conditions", condition) in html
    # the Conghua certificate: full performance, or main duties with the creditor's consent
    assert "履行案件主要义务并经申请执行人同意" in html
    ningbo = POLICIES["ningbo-2019"]
    for condition in ningbo.repair_conditions:
        assert value_label("conditions", condition) in html
    for effect in ningbo.repair_effects:
        assert value_label("effects", effect) in html
    for heading in ("办理流程", "需要准备的材料", "办理时限", "修复之后", "常见问题"):
        assert heading in html
    assert "三个工作日内删除失信信息" in html
    assert "信用承诺书" in html


def test_rules_page_shows_every_policy(client: Client) -> None:
    html = client.get(reverse("portal:rules")).content.decode()
    for policy in POLICIES.values():
        assert policy.title in html
        assert f"{policy.applies_from.year}年{policy.applies_from.month}月" in html
    assert "seed" not in html  # the project's source references are not shown to the public
    assert "督促期限原则上为1个月" in html  # Conghua's pre-enforcement stage


def test_cases_page_tells_every_demo_case(client: Client) -> None:
    html = client.get(reverse("portal:cases")).content.decode()
    views = case_views()
    assert {v.key for v in views} == set(CASE_STORIES)  # every demo file has its story
    for view in views:
        assert view.title in html and view.court_name in html
    assert "首份《信用修复告知书》" in html
    assert not IDENTITY.search(html)


def test_regulations_quote_the_national_rules(client: Client) -> None:
    html = client.get(reverse("portal:regulations")).content.decode()
    assert "最高人民法院关于公布失信被执行人名单信息的若干规定" in html
    assert "人民法院应当在三个工作日内删除失信信息" in html
    assert "被执行人为未成年人的，人民法院不得将其纳入失信被执行人名单。" in html
    assert "最高人民法院关于限制被执行人高消费及有关消费的若干规定" in html
    assert "第二百六十六条" in html
    assert "引述" in html  # the articles seen only in press quotations say so


# ---------------------------------------------------------------------------------------------
# certificate verification
# ---------------------------------------------------------------------------------------------


def _api(client: Client, code: str) -> tuple[int, dict[str, Any]]:
    response = client.get(reverse("portal:certificate_api", args=[code]))
    assert response["Content-Type"] == "application/json"
    text = response.content.decode()
    assert not IDENTITY.search(text)
    return response.status_code, json.loads(text)


def _html(client: Client, code: str) -> tuple[int, str]:
    response = client.get(reverse("portal:verify", args=[code]))
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    assert WARNING in html
    assert not IDENTITY.search(html)
    return response.status_code, html


def test_valid_certificate(client: Client, signing_key: None) -> None:
    dispute = _import("zaoyang-2022.timeline.yaml")
    doc = do_issue_document(dispute, "信用修复证明", "W")

    status, html = _html(client, doc.code)
    assert status == 200
    assert "真实有效" in html
    for text in ("信用修复证明", doc.number, "枣阳市人民法院", doc.case_number, "王某"):
        assert text in html
    assert f"{doc.issued_on.year}年{doc.issued_on.month}月{doc.issued_on.day}日" in html
    assert "取代" not in html
    secrets = [str(doc.data[k]) for k in ("access_code", "signature") if doc.data.get(k)]
    secrets += [doc.signature, doc.sha256]
    assert not [s for s in secrets if s in html]  # nothing beyond the listed fields

    status, data = _api(client, doc.code.lower().replace("-", ""))
    assert status == 200
    assert data == {
        "code": doc.code,
        "status": "valid",
        "genuine": True,
        "document": {
            "title": "信用修复证明",
            "number": doc.number,
            "court": "枣阳市人民法院",
            "case_number": doc.case_number,
            "party": "王某",
            "issued_on": doc.issued_on.isoformat(),
        },
        "revoked": None,
        "superseded_by": None,
        "message": data["message"],
    }
    assert "真实有效" in data["message"]
    assert not [s for s in secrets if s in json.dumps(data, ensure_ascii=False)]


def test_the_form_sends_a_typed_code_to_its_page(client: Client, signing_key: None) -> None:
    dispute = _import("huadu-2022.timeline.yaml")
    doc = do_issue_document(dispute, "主动履行证明书", "D1")
    response = client.get(reverse("portal:verify_form"), {"code": f" {doc.code.lower()} "})
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:verify", args=[doc.code])

    bad = client.get(reverse("portal:verify_form"), {"code": "12345"})
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "验证码格式不正确" in html and 'aria-invalid="true"' in html and 'role="alert"' in html
    assert '<label for="code">验证码</label>' in html

    empty = client.get(reverse("portal:verify_form"), {"code": ""})
    assert "请输入证明书上的验证码" in empty.content.decode()


def test_revoked_and_superseded_certificates(client: Client, signing_key: None) -> None:
    dispute = _import("huadu-2022.timeline.yaml")
    first = do_issue_document(dispute, "主动履行证明书", "D1")
    do_revoke_document(first, "违反信用承诺")

    status, html = _html(client, first.code)
    assert status == 200
    assert "已撤销" in html and "违反信用承诺" in html and "真实有效" not in html
    status, data = _api(client, first.code)
    assert status == 200
    assert data["status"] == "revoked" and data["genuine"] is False
    assert data["revoked"]["reason"] == "违反信用承诺"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["revoked"]["on"])
    assert data["document"]["number"] == first.number
    assert data["superseded_by"] is None

    # a new certificate for the same party and dispute supersedes the revoked one
    second = do_issue_document(dispute, "主动履行证明书", "D1")
    status, data = _api(client, first.code)
    assert data["status"] == "revoked" and data["superseded_by"] == second.number
    _, html = _html(client, first.code)
    assert f"已被{second.number}取代" in html
    # another party's certificate supersedes nothing
    other = do_issue_document(dispute, "主动履行证明书", "D2")
    assert _api(client, second.code)[1]["superseded_by"] is None
    assert _api(client, other.code)[1]["superseded_by"] is None


def test_tampered_certificate_fails_and_shows_no_data(client: Client, signing_key: None) -> None:
    dispute = _import("huadu-2022.timeline.yaml")
    doc = do_issue_document(dispute, "主动履行证明书", "D1")
    tampered = IssuedDocument.objects.get(pk=doc.pk)
    tampered.data = {**tampered.data, "fields": {**tampered.data["fields"], "party": "张三"}}
    tampered.save()

    status, html = _html(client, doc.code)
    assert status == 200
    assert "验证未通过（签名不符，文书可能被篡改）" in html
    assert "张三" not in html and "真实有效" not in html
    status, data = _api(client, doc.code)
    assert status == 200
    assert data["status"] == "invalid" and data["genuine"] is False
    assert data["document"] is None and data["revoked"] is None
    assert "广州市花都区人民法院" in data["message"]


def test_unknown_and_malformed_codes(client: Client) -> None:
    status, html = _html(client, "0000-0000-0000")
    assert status == 404 and "未找到" in html
    status, data = _api(client, "0000-0000-0000")
    assert status == 404
    assert data == {
        "code": "0000-0000-0000",
        "status": "unknown",
        "genuine": False,
        "document": None,
        "revoked": None,
        "superseded_by": None,
        "message": data["message"],
    }
    status, data = _api(client, "not-a-code")
    assert status == 404 and data["status"] == "unknown" and "格式不正确" in data["message"]


def test_verification_never_shows_an_identity_number(client: Client, signing_key: None) -> None:
    """A listing decision's stored data names the debtor with the full identity number (the
    Zaoyang debtor) or credit code (the Conghua company); the answers show neither."""
    zaoyang = _import("zaoyang-2022.timeline.yaml")
    conghua = _import("conghua-2024.timeline.yaml")
    for dispute, party, number in (
        (zaoyang, "W", "420683199007043314"),
        (conghua, "D", "91440117MA5D8K2P1R"),
    ):
        doc = do_issue_document(dispute, "listing_decision", party)
        assert number in json.dumps(doc.data, ensure_ascii=False)
        _, data = _api(client, doc.code)  # _api and _html assert no 18-digit number
        _, html = _html(client, doc.code)
        assert data["status"] == "valid"
        assert data["document"]["title"] == "纳入失信被执行人名单决定书"
        assert number not in json.dumps(data, ensure_ascii=False) + html


# ---------------------------------------------------------------------------------------------
# OpenAPI
# ---------------------------------------------------------------------------------------------


def _resolve(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    node: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    assert isinstance(node, dict)
    return node


def _conforms(spec: dict[str, Any], schema: dict[str, Any], value: Any, where: str = "$") -> None:
    """A small JSON Schema check (the keywords the document uses)."""
    if "$ref" in schema:
        return _conforms(spec, _resolve(spec, schema["$ref"]), value, where)
    if "oneOf" in schema:
        matches = 0
        for option in schema["oneOf"]:
            try:
                _conforms(spec, option, value, where)
                matches += 1
            except AssertionError:
                pass
        assert matches == 1, f"{where}: {value!r} matches {matches} of oneOf"
        return None
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        python = {
            "string": str,
            "integer": int,
            "boolean": bool,
            "object": dict,
            "array": list,
            "null": type(None),
        }
        ok = any(
            isinstance(value, python[n]) and not (n == "integer" and isinstance(value, bool))
            for n in names
        )
        assert ok, f"{where}: {value!r} is not {types}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if "pattern" in schema and isinstance(value, str):
        assert re.search(schema["pattern"], value), f"{where}: {value!r} !~ {schema['pattern']}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{where}: missing {key}"
        properties = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            assert set(value) <= set(properties), f"{where}: extra {set(value) - set(properties)}"
        for key, sub in properties.items():
            if key in value:
                _conforms(spec, sub, value[key], f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _conforms(spec, schema["items"], item, f"{where}[{i}]")
    return None


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "$ref"] + [
            r for v in node.values() for r in _refs(v)
        ]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_openapi_describes_both_endpoints(client: Client, signing_key: None) -> None:
    response = client.get(reverse("portal:openapi"))
    assert response.status_code == 200
    text = response.content.decode()
    assert not IDENTITY.search(text)
    spec = json.loads(text)
    assert spec["openapi"] == "3.1.0"
    assert set(spec["paths"]) == {"/api/public/certificates/{code}", "/api/public/dishonest"}
    for ref in _refs(spec):
        _resolve(spec, ref)

    cert = spec["paths"]["/api/public/certificates/{code}"]["get"]
    assert [p["name"] for p in cert["parameters"]] == ["code"]
    assert set(cert["responses"]) == {"200", "404"}
    dishonest = spec["paths"]["/api/public/dishonest"]["get"]
    assert {p["name"]: p["required"] for p in dishonest["parameters"]} == {
        "name": True,
        "id_number": True,
    }
    assert set(dishonest["responses"]) == {"200", "400", "429"}

    # every example conforms to its schema
    for op in (cert, dishonest):
        for response_spec in op["responses"].values():
            media = response_spec["content"]["application/json"]
            examples = [e["value"] for e in media.get("examples", {}).values()]
            examples += [media["example"]] if "example" in media else []
            assert examples
            for example in examples:
                _conforms(spec, media["schema"], example)
    for name in ("PublicEntry", "PublicRestriction"):
        for example in spec["components"]["schemas"][name]["examples"]:
            _conforms(spec, spec["components"]["schemas"][name], example)

    # and so do the real answers
    dispute = _import("huadu-2022.timeline.yaml")
    doc = do_issue_document(dispute, "主动履行证明书", "D1")
    schema = {"$ref": "#/components/schemas/CertificateVerification"}
    for code in (doc.code, "0000-0000-0000", "bad"):
        _conforms(spec, schema, _api(client, code)[1])
    do_revoke_document(doc, "测试")
    _conforms(spec, schema, _api(client, doc.code)[1])


def test_the_dishonest_api_answers_as_described(client: Client) -> None:
    """A contract check: the lists app's real answers conform to the schemas described here."""

    clear_limits()  # the per-client query rate counts in the cache
    spec = json.loads(client.get(reverse("portal:openapi")).content)
    operation = spec["paths"]["/api/public/dishonest"]["get"]
    _import("zaoyang-2022.timeline.yaml")
    _import("conghua-2024.timeline.yaml")
    for name, number, status, kinds in (
        ("王某", "420683199007043314", 200, {"person"}),
        ("广州某食品有限公司", "91440117MA5D8K2P1R", 200, {"unit"}),
        ("王某", "12345", 400, set()),
        ("", "420683199007043314", 400, set()),
    ):
        response = client.get("/api/public/dishonest", {"name": name, "id_number": number})
        assert response.status_code == status
        text = response.content.decode()
        assert not IDENTITY.search(text)
        media = operation["responses"][str(status)]["content"]["application/json"]
        _conforms(spec, media["schema"], json.loads(text))
        if status == 200:
            data = json.loads(text)
            assert data["entries"] and data["restrictions"]
            assert {e["kind"] for e in data["entries"] + data["restrictions"]} == kinds


def test_api_reference_page_reads_the_document(client: Client) -> None:
    html = client.get(reverse("portal:api_docs")).content.decode()
    for text in (
        "/api/public/certificates/{code}",
        "/api/public/dishonest",
        "id_number",
        "kind_of_restriction",
        "consumption | exit",
        "429",
    ):
        assert text in html
    assert 'href="/api/public/openapi.json"' in html
