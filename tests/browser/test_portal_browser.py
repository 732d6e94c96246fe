"""The public portal in a real browser (Debian's Chromium driven by Playwright): a phone-sized
screen, keyboard-only use, and certificate verification by typing a code."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from goodfaith.web.cases.models import Dispute
from goodfaith.web.portal.texts import WARNING
from tests.browser.conftest import ARTIFACTS
from tests.conftest import SCENARIOS

PHONE = {"width": 375, "height": 800}


pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from goodfaith.core.documents.signing import new_private_key_b64

    monkeypatch.setenv("GOODFAITH_SIGNING_KEY", new_private_key_b64())


def _no_horizontal_scroll(page) -> None:  # type: ignore[no-untyped-def]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide at {page.url}"


#: every visible element with text of its own: its colour against the first opaque background
#: behind it (WCAG relative luminance); returns those under 4.5:1
LOW_CONTRAST = r"""() => {
  const rgb = c => { const p = c.match(/[\d.]+/g).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const behind = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.a > 0) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const low = [];
  for (const el of document.querySelectorAll("body *")) {
    if (!el.getClientRects().length) continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(behind(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)}: ${el.textContent.trim().slice(0, 20)}`);
  }
  return low;
}"""


def test_home_on_a_phone(browser, live_server) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server.url}/public/")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "portal-home.png"), full_page=True)

    warning = page.locator("main .notice.warn")
    assert warning.is_visible()
    assert WARNING in warning.inner_text()
    assert page.locator("footer .notice.warn").inner_text().count(WARNING) == 1
    qr = page.locator("figure.qr img")
    qr.scroll_into_view_if_needed()
    assert qr.is_visible()
    assert "二维码" in (qr.get_attribute("alt") or "")
    box = qr.bounding_box()
    assert box is not None and box["width"] >= 150  # large enough to scan
    assert (
        page.evaluate(  # the SVG really loaded
            "document.querySelector('figure.qr img').naturalWidth"
        )
        > 0
    )
    _no_horizontal_scroll(page)
    assert page.evaluate(LOW_CONTRAST) == []
    # the entries fill the column
    for entry in page.locator("a.entry").all():
        entry_box = entry.bounding_box()
        assert entry_box is not None and entry_box["width"] > 300
    for path in (
        "/public/guide/",
        "/public/rules/",
        "/public/cases/",
        "/public/regulations/",
        "/verify/",
        "/api/public/",
    ):
        page.goto(f"{live_server.url}{path}")
        _no_horizontal_scroll(page)
        assert page.evaluate(LOW_CONTRAST) == [], path
    page.goto(f"{live_server.url}/public/guide/")
    page.screenshot(path=str(ARTIFACTS / "portal-guide.png"), full_page=True)
    page.close()


def _focused(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.evaluate("document.activeElement.textContent.trim()"))


def test_keyboard_only_verification(browser, live_server, signing_key) -> None:  # type: ignore[no-untyped-def]
    from goodfaith.web.documents.actions import do_issue_document

    call_command("import", str(SCENARIOS / "huadu-2022.timeline.yaml"), stdout=io.StringIO())
    doc = do_issue_document(Dispute.objects.get(), "主动履行证明书", "D1")

    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server.url}/public/")
    page.keyboard.press("Tab")
    assert _focused(page) == "跳到主要内容"
    assert page.locator("a.skip").is_visible()  # the skip link shows when focused
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "portal-skip-link.png"))
    presses = 0
    while _focused(page) != "证明书核验":
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= 5, "Tab did not reach the 证明书核验 link"
    # after the skip link: brand, 首页, 失信信息查询, 诚信履行名单, 证明书核验
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.screenshot(path=str(ARTIFACTS / "portal-keyboard-focus.png"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/verify/")
    assert page.locator("h1").inner_text() == "证明书核验"
    assert page.locator("a[aria-current=page]").inner_text() == "证明书核验"

    # from the top of the page: skip to the content, then Tab to the labelled field
    page.keyboard.press("Tab")
    assert _focused(page) == "跳到主要内容"
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "code":
            break
    else:
        pytest.fail("Tab never reached the 验证码 field")
    assert page.evaluate("document.activeElement.labels[0].textContent") == "验证码"
    page.keyboard.type(doc.code.replace("-", " "))
    page.keyboard.press("Enter")
    page.wait_for_selector(".result")
    assert "真实有效" in page.locator(".verdict").inner_text()
    page.close()


def test_verify_by_typing_a_code(browser, live_server, signing_key) -> None:  # type: ignore[no-untyped-def]
    from goodfaith.web.documents.actions import do_issue_document, do_revoke_document

    call_command("import", str(SCENARIOS / "huadu-2022.timeline.yaml"), stdout=io.StringIO())
    dispute = Dispute.objects.get()
    valid = do_issue_document(dispute, "主动履行证明书", "D1")
    revoked = do_issue_document(dispute, "主动履行证明书", "D2")
    do_revoke_document(revoked, "违反信用承诺")

    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server.url}/verify/")
    page.get_by_label("验证码").fill(valid.code.lower().replace("-", ""))
    page.keyboard.press("Enter")
    page.wait_for_selector(".result")
    verdict = page.locator(".verdict").inner_text()
    assert "真实有效" in verdict
    result = page.locator(".result").inner_text()
    for text in ("主动履行证明书", valid.number, "广州市花都区人民法院", "刘某"):
        assert text in result
    assert page.url.endswith(f"/verify/{valid.code}")
    _no_horizontal_scroll(page)
    assert page.evaluate(LOW_CONTRAST) == []
    page.screenshot(path=str(ARTIFACTS / "portal-verify-valid.png"), full_page=True)

    page.get_by_label("验证码").fill(revoked.code)
    page.get_by_role("button", name="核验").click()
    page.wait_for_url(f"**/verify/{revoked.code}")
    verdict = page.locator(".verdict").inner_text()
    assert "已撤销" in verdict and "违反信用承诺" in verdict
    assert "真实有效" not in page.locator(".result").inner_text()
    assert page.evaluate(LOW_CONTRAST) == []
    page.screenshot(path=str(ARTIFACTS / "portal-verify-revoked.png"), full_page=True)

    page.get_by_label("验证码").fill("123")
    page.keyboard.press("Enter")
    alert = page.locator("[role=alert]")
    assert "验证码格式不正确" in alert.inner_text()
    page.screenshot(path=str(ARTIFACTS / "portal-verify-error.png"), full_page=True)
    page.close()


def test_desktop_layout(browser, live_server) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/public/")
    tops = {round(e.bounding_box()["y"]) for e in page.locator("a.entry").all()}
    assert len(tops) == 1  # the three entries side by side
    page.screenshot(path=str(ARTIFACTS / "portal-home-desktop.png"), full_page=True)
    page.goto(f"{live_server.url}/api/public/")
    page.screenshot(path=str(ARTIFACTS / "portal-api.png"), full_page=True)
    page.close()
