"""The alert pages and mails in Chromium: no WCAG 2.1 AA violations (axe), phone widths."""

from __future__ import annotations

import pytest

from opportunity_bank.alerts import service
from opportunity_bank.alerts.rules import AlertInput, SavedSearch
from opportunity_bank.db import session_scope
from opportunity_bank.mail.render import render
from tests.browser.conftest import axe_violations, horizontal_overflow

pytestmark = pytest.mark.browser


@pytest.fixture
def tokens(live_server, engine) -> dict[str, str]:
    wanted = AlertInput("student@example.fi", "daily", "fi",
                        SavedSearch(q="puisto", kind=("summer_job",), language=("fi",)))
    with session_scope(engine) as session:
        subscription = service.subscribe(session, wanted, "127.0.0.1")
        confirm = service.issue_token(session, subscription, service.CONFIRM)
        manage = service.issue_token(session, subscription, service.MANAGE)
    return {"confirm": confirm, "manage": manage}


def alert_pages(tokens: dict[str, str]) -> dict[str, str]:
    return {"new": "/alerts/new?q=puisto&kind=summer_job", "privacy": "/alerts/privacy",
            "confirm": f"/alerts/confirm/{tokens['confirm']}", "manage": f"/alerts/manage/{tokens['manage']}",
            "unsubscribe": f"/alerts/unsubscribe/{tokens['manage']}", "invalid": "/alerts/manage/nonsense"}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_alert_pages_have_no_wcag_violations(live_server, browser, tokens, language):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    found = {}
    for name, path in alert_pages(tokens).items():
        page.goto(f"{live_server.url}{path}{'&' if '?' in path else '?'}lang={language}")
        assert page.locator("html").get_attribute("lang") == language
        if violations := axe_violations(page):
            found[name] = violations
    # The form sent with a wrong address comes back with its message tied to the field.
    page.goto(f"{live_server.url}/alerts/new?q=puisto&lang={language}")
    page.fill("#alert-email", "not an address")
    page.click("form.stacked button[type=submit]")
    assert page.locator("#alert-email").get_attribute("aria-invalid") == "true"
    if violations := axe_violations(page):
        found["form-errors"] = violations
    context.close()
    assert found == {}


@pytest.mark.parametrize("width", [320, 640])
def test_alert_pages_fit_narrow_screens(live_server, browser, tokens, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in alert_pages(tokens).values():
        page.goto(live_server.url + path)
        assert horizontal_overflow(page) <= 0, path
    context.close()


@pytest.mark.parametrize("template", ["alerts/confirm", "alerts/digest", "reminders/deadline"])
def test_mail_html_has_no_wcag_violations(settings, browser, template):
    context = {
        "query": "kesätöitä puistoissa", "frequency": "daily", "confirm_path": "/alerts/confirm/t",
        "manage_path": "/alerts/manage/t", "search_path": "/?q=kes%C3%A4t%C3%B6it%C3%A4", "total": 2,
        "hits": [{"title": "Kesätyö puistossa", "kind": "summer_job", "unit": "Katu- ja viherpalvelut",
                  "application_deadline": "2027-04-30", "url": "/opportunities/1", "content_language": "fi"}],
        "title": "Kesätyö puistossa", "deadline": "2027-04-30", "days": 7, "positions": 3,
        "edit_path": "/my/1/edit", "settings_path": "/my/reminders",
    }
    page = browser.new_page()
    page.set_content(render(settings, template, "sv", context).html)
    assert axe_violations(page) == []
    page.close()
