"""Students' pages in Chromium: typing, no JavaScript, languages, structured data, accessibility."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, horizontal_overflow
from tests.hr_users import bearer, make_token

pytestmark = pytest.mark.browser
ATOM = "{http://www.w3.org/2005/Atom}"


def test_typing_updates_results_without_reloading(live_server, openings, page):
    page.goto(live_server.url + "/")
    expect(page.locator("#result-count")).to_have_text("6 paikkaa löytyi")
    page.evaluate("window.stillTheSamePage = true")
    page.locator("#q").press_sequentially("vieraslaj", delay=40)
    expect(page.locator("#results .card-title")).to_have_text(["Vieraslajien torjuja"])
    expect(page.locator("#result-count")).to_have_text("1 paikka löytyi")
    expect(page).to_have_url(f"{live_server.url}/?q=vieraslaj&sort=relevance")
    assert page.evaluate("window.stillTheSamePage") is True
    assert page.locator("#results mark").first.text_content().startswith("Vieraslaj")
    expect(page).to_have_title("vieraslaj – Löydä opinnäytetyö, harjoittelu tai kesätyö – Espoon kaupunki")
    # Facet counts follow the words typed, and a facet click filters in place too.
    expect(page.locator("#facets legend")).to_have_count(4)
    # Leaving the field asks nothing more: an answer arriving then would update the address
    # and could cancel the click on a result.
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.locator("#q").blur()
    page.wait_for_timeout(600)
    assert asked == []
    # Back from an opening returns to the typed search; a reload keeps it too.
    page.locator("#results .card-title a").first.click()
    expect(page.locator("h1")).to_have_text("Vieraslajien torjuja")
    page.go_back()
    expect(page.locator("#q")).to_have_value("vieraslaj")
    expect(page.locator("#results .card-title")).to_have_text(["Vieraslajien torjuja"])
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    expect(page.locator("#results .card-title")).to_have_text(["Vieraslajien torjuja"])
    page.goto(live_server.url + "/?q=kes")
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Kesätyö").check()
    expect(page).to_have_url(f"{live_server.url}/?q=kes&sort=relevance&kind=summer_job")
    expect(page.get_by_label("Kesätyö")).to_be_focused()
    assert page.evaluate("window.stillTheSamePage") is True
    page.reload()
    expect(page.get_by_label("Kesätyö")).to_be_checked()


def test_search_works_without_javascript(live_server, openings, browser):
    context = browser.new_context(java_script_enabled=False, locale="fi-FI")
    page = context.new_page()
    page.goto(live_server.url + "/?q=puistotyöntekijä")
    expect(page.locator("#results .card-title")).to_contain_text(["Kesätyö: puistotyöntekijä Leppävaarassa"])
    page.locator("#q").fill("skötsel")
    page.get_by_role("button", name="Hae", exact=True).click()
    page.wait_for_url("**/?q=sk%C3%B6tsel*")
    expect(page.locator("#results .card-title")).to_have_text(["Sommarjobb i parkerna"])
    page.get_by_label("Ruotsi").check()
    page.get_by_role("button", name="Käytä rajauksia").click()
    page.wait_for_url("**language=sv*")
    expect(page.locator("#result-count")).to_have_text("1 paikka löytyi")
    context.close()


def test_summer_job_page_carries_job_posting(live_server, openings, page):
    page.goto(f"{live_server.url}/opportunities/{openings['vieraslajit']}")
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@context"].startswith("https://schema.org")
    assert data["@type"] == "JobPosting"
    assert data["title"] == page.locator("h1").text_content()
    assert data["employmentType"] == "TEMPORARY"
    assert data["hiringOrganization"]["name"] == "City of Espoo"
    assert data["jobLocation"]["@type"] == "Place"
    for field in ("description", "datePosted", "validThrough"):
        assert data[field]


@pytest.mark.parametrize(("language", "heading", "search_button"), [
    ("sv", "Hitta ett examensarbete, en praktikplats eller ett sommarjobb", "Sök"),
    ("en", "Find a thesis, internship or summer job", "Search"),
])
def test_language_switch_changes_the_whole_interface(live_server, openings, page, language, heading,
                                                     search_button):
    page.goto(f"{live_server.url}/?q=puisto&lang={language}")
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.get_by_role("button", name=search_button, exact=True)).to_be_visible()
    # The choice sticks (cookie) for the next page, and the switcher returns to Finnish.
    page.locator(".card-title a").first.click()
    assert page.locator("html").get_attribute("lang") == language
    page.get_by_role("link", name="Suomeksi").click()
    assert page.locator("html").get_attribute("lang") == "fi"
    expect(page.get_by_role("link", name="Takaisin hakuun")).to_be_visible()


def test_feed_for_a_search_parses_and_lists_entries(live_server, openings, page):
    page.goto(live_server.url + "/?q=kesätyö")
    href = page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    response = page.request.get(live_server.url + href)
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.body())  # noqa: S314 (our own feed)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert "Kesätyö: puistotyöntekijä Leppävaarassa" in titles


PAGES = {
    "search": "/",
    "results": "/?q=kesätyö",
    "filtered": "/?kind=summer_job&language=fi&sort=deadline&per_page=1&page=2",
    "empty": "/?q=zzqqxx&kind=thesis",
    "bad-input": "/?kind=bogus",
    "opening": "/opportunities/{vieraslajit}",
    "thesis": "/opportunities/{valaistus}",
    "closed": "/opportunities/{closed}",
    "not-found": "/opportunities/{draft}",
    "statement": "/saavutettavuus",
}


STAFF_PAGES = {
    "login": "/login", "my-openings": "/my", "my-new": "/my/new", "my-edit": "/my/{vieraslajit}/edit",
    "hr-report": "/hr/report?from=2025&to=2027&by=unit", "hr-targets": "/hr/targets",
}


@pytest.fixture
def staff_headers(live_server, engine) -> dict[str, str]:
    """An administrator's token: every staff page opens with it."""
    return bearer(make_token(engine, "admin.browser@espoo.fi", "admin"))


def in_language(url: str, language: str) -> str:
    return url + ("&" if "?" in url else "?") + f"lang={language}"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_no_wcag_violations(live_server, openings, browser, staff_headers, language):
    # axe is injected as an inline script; the staff pages need a token.
    context = browser.new_context(bypass_csp=True, extra_http_headers=staff_headers)
    page = context.new_page()
    found = {}
    for name, path in (PAGES | STAFF_PAGES).items():
        page.goto(in_language(live_server.url + path.format(**openings), language))
        assert page.locator("html").get_attribute("lang") == language
        if violations := axe_violations(page):
            found[name] = violations
    # And after results have been replaced by typing.
    page.goto(f"{live_server.url}/?lang={language}")
    page.locator("#q").press_sequentially("puisto", delay=30)
    expect(page.locator("#results .card-title").first).to_contain_text("puisto")
    if violations := axe_violations(page):
        found["typed"] = violations
    context.close()
    assert found == {}


@pytest.mark.parametrize("width", [320, 640])  # 640 px is a 1280 px screen at 200 % zoom
def test_no_horizontal_scrolling_on_narrow_screens(live_server, openings, browser, staff_headers, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, extra_http_headers=staff_headers)
    page = context.new_page()
    for language in ("fi", "sv", "en"):
        for path in (PAGES | STAFF_PAGES).values():
            page.goto(in_language(live_server.url + path.format(**openings), language))
            assert horizontal_overflow(page) <= 0, (language, path)
    context.close()


def test_keyboard_skip_link_and_visible_focus(live_server, openings, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry pääsisältöön")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the skip link shows when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return {tag: document.activeElement.tagName, outline: style.outlineStyle, width: style.outlineWidth};
    }""")
    assert focused["outline"] != "none" and focused["width"] != "0px", focused


def test_the_checks_themselves_catch_problems(browser):
    """axe and the overflow measure report a page that is broken on purpose."""
    context = browser.new_context(viewport={"width": 320, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.set_content('<html><body><img src="x.png"><input type="text">'
                     '<div class="wide"></div></body></html>')
    page.add_style_tag(content=".wide { width: 600px; height: 10px; }")
    rules = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label", "html-has-lang"} <= rules
    assert horizontal_overflow(page) > 0
    context.close()


STRICT_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def test_pages_work_under_a_strict_content_security_policy(live_server, openings, page):
    """No inline script, style or eval anywhere, htmx included: a strict CSP changes nothing."""

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.route(f"{live_server.url}/**", with_csp)
    for path in ("/", f"/opportunities/{openings['vieraslajit']}", "/saavutettavuus"):
        page.goto(live_server.url + path)
    page.goto(live_server.url + "/")
    page.evaluate("window.stillTheSamePage = true")
    page.locator("#q").press_sequentially("skötsel", delay=30)
    expect(page.locator("#results .card-title")).to_have_text(["Sommarjobb i parkerna"])
    assert page.evaluate("window.stillTheSamePage") is True
    assert refused == []
