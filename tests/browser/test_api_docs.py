"""`/schema` in Chromium with the network cut: the docs render from our own files, under our CSP."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_api_docs_render_offline_under_the_apps_csp(live_server, page):
    outside, refused = [], []

    def only_our_server(route):
        if route.request.url.startswith(live_server.url + "/"):
            route.continue_()
        else:  # the network is cut: nothing but the app answers
            outside.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_our_server)
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    response = page.goto(live_server.url + "/schema")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/search").first).to_be_visible()
    # The answer's type is shown, down to the hits' fields: the schema types them.
    page.locator(".opblock-summary-path", has_text="/api/v1/search").first.click()
    expect(page.get_by_text("SearchAnswer").first).to_be_visible()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table tbody .response-col_status")).to_have_text("200")
    assert outside == []
    assert refused == []
