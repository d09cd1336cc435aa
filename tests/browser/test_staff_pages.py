"""Staff pages in Chromium: every page in fi/sv/en without axe violations, untranslated text or
sideways scrolling at 390 px; and the supervisor's way from the public footer to a published job.

One site for the module (a server, a database, people and 40 openings), one browser for the
session. OB_SCREENSHOTS=DIR also saves each page at 390 px and 1280 px there, to look at.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from opportunity_bank import db
from opportunity_bank.accounts.tokens import create_token
from opportunity_bank.accounts.users import add_user
from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities import editing
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.reports.targets import set_target
from opportunity_bank.web.i18n import TRANSLATIONS_DIR
from tests.browser.conftest import axe_violations, free_port, horizontal_overflow, serving
from tests.conftest import fresh_settings
from tests.workspace_helpers import GEO, PASSWORD, STREETS

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("OB_SCREENSHOTS")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# What the validator and the rules say in English; none of it may reach a page.
VALIDATOR_PHRASES = ("Input should be", "String should", "should have at least", "Field required",
                     "cannot be before", "is required", "must be", "is not an e-mail", "Value error")


# The elements sticking out on the right, to say why a page scrolls sideways.
WIDE = """[...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.table-scroll'))
    .slice(0, 5).map(e => e.tagName + '.' + e.className)"""


@dataclass(frozen=True, slots=True)
class Site:
    url: str
    opening: int
    person: int


def seed(engine) -> tuple[int, int]:
    today = city_today()
    with db.session_scope(engine) as session:
        add_user(session, "admin@espoo.fi", "admin", PASSWORD, None)
        add_user(session, "hr@espoo.fi", "hr", PASSWORD, None)
        worker = add_user(session, "katu@espoo.fi", "supervisor", PASSWORD, STREETS)
        add_user(session, "geo@espoo.fi", "supervisor", PASSWORD, GEO)
        create_token(session, worker, "import script")
        editor = editing.Editor.of(worker)
        places = ("Tapiola", "Leppävaara", "Matinkylä", "Espoonlahti", "Espoon keskus")
        first = None
        for number in range(40):
            kind = ("summer_job", "internship", "thesis")[number % 3]
            opening = editing.create_opening(session, editor, {
                "kind": kind, "title": f"{('Kesätyöntekijä', 'Harjoittelija', 'Opinnäytetyö')[number % 3]}: "
                                       f"{places[number % 5]} {number + 1}",
                "description": "Ulkotyötä Espoon kaduilla ja puistoissa.\n\nPerehdytys ensimmäisenä päivänä.",
                "year": today.year + number % 2, "positions": 1 + number % 4, "languages": ["fi"],
                "application_deadline": (today + timedelta(days=3 + number)).isoformat(),
                "status": "published" if number % 4 else "draft", "location": places[number % 5],
                "how_to_apply": "Lähetä hakemus ja CV.", "contact_email": "katu@espoo.fi",
            })
            first = first or opening.id
        session.flush()
        # One whose deadline passed while published: My openings must offer to close or extend it.
        past = session.get(Opportunity, first + 1)
        past.application_deadline = today - timedelta(days=2)
        session.add(past)
        for year in (today.year - 1, today.year):
            set_target(session, year, "summer_job", 30)
            set_target(session, year, "thesis", 12)
        return first, worker.id


@pytest.fixture(scope="module")
def site(tmp_path_factory, meili, _template_database) -> Iterator[Site]:
    with fresh_settings(tmp_path_factory.mktemp("staff"), meili, _template_database) as settings:
        engine = db.make_engine(settings)
        opening, person = seed(engine)
        engine.dispose()
        port = free_port()
        with serving(settings, port):
            yield Site(f"http://127.0.0.1:{port}", opening, person)


def sign_in(page, site: Site, email: str) -> None:
    page.goto(f"{site.url}/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("#password").press("Enter")
    page.wait_for_load_state()


@functools.cache
def english_phrases(language: str = "fi") -> tuple[str, ...]:
    """Catalog msgids a Finnish (or Swedish) reader must never see: those whose translation
    differs, capitalised and of five letters or more (matched as whole words)."""
    with (TRANSLATIONS_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    phrases = []
    for message in catalog:
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        string = message.string[0] if isinstance(message.string, tuple) else message.string
        if not msgid or not string or string == msgid or "%(" in msgid or "{" in msgid:
            continue
        if len(msgid) >= 5 and msgid[0].isupper():
            phrases.append(msgid)
    return tuple(phrases)


def untranslated(text: str, phrases: tuple[str, ...]) -> list[str]:
    found = [phrase for phrase in phrases
             if re.search(rf"(?<![\w@.]){re.escape(phrase)}(?![\w@])", text)]
    return found + [phrase for phrase in VALIDATOR_PHRASES if phrase in text]


def page_text(page) -> str:
    """The page's text in its own language: parts marked with another `lang` are left out."""
    return page.evaluate("""() => {
        const body = document.body.cloneNode(true);
        const own = document.documentElement.lang;
        body.querySelectorAll(`[lang]:not([lang="${own}"]), script, style`).forEach(e => e.remove());
        return body.textContent.replace(/\\s+/g, " ");
    }""")


def check_page(page, name: str, language: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}-{language}-390.png", full_page=True)
        page.screenshot(path=f"{SHOTS}/{name}-{language}-390-top.png")
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=f"{SHOTS}/{name}-{language}-1280.png", full_page=True)
        page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.lang") == language, name
    assert horizontal_overflow(page) <= 0, (name, page.evaluate(WIDE))
    assert axe_violations(page) == [], name
    if language != "en":
        text = page_text(page)
        assert untranslated(text, english_phrases(language)) == [], (name, text)


def staff_pages(site: Site) -> dict[str, list[tuple[str, str]]]:
    return {
        "katu@espoo.fi": [
            ("my", "/my/"), ("my-filtered", "/my/?status=published&sort=deadline&page=2"),
            ("new-summer-job", "/my/new?kind=summer_job"), ("new-thesis", "/my/new?kind=thesis"),
            ("edit", f"/my/{site.opening}/edit"),
            ("confirm", f"/my/{site.opening + 2}/confirm?status=closed"),
            ("forbidden", "/admin/users"),
        ],
        "hr@espoo.fi": [("report", "/hr/report"), ("report-by-unit", "/hr/report?by=unit"),
                        ("report-bad", "/hr/report?from=2030&to=2020"),
                        ("report-download-bad", "/hr/report.xlsx?from=2030&to=2020"),
                        ("targets", "/hr/targets")],
        "admin@espoo.fi": [("users", "/admin/users"), ("user", f"/admin/users/{site.person}"),
                           ("tokens", "/admin/tokens"), ("units", "/admin/units"), ("audit", "/admin/audit")],
    }


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_staff_page_is_accessible_translated_and_fits_a_phone(site, browser, language):
    for email, pages in staff_pages(site).items():
        context = browser.new_context(locale=language, viewport=PHONE, bypass_csp=True)  # axe is inline
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{site.url}/login?lang={language}")
        check_page(page, "login", language)
        sign_in(page, site, email)
        for name, path in pages:
            page.goto(site.url + path)
            check_page(page, name, language)
        context.close()


def test_the_untranslated_check_can_fail():
    phrases = english_phrases("fi")
    assert untranslated("Tallenna luonnoksena. Save as draft", phrases) == ["Save as draft"]
    assert untranslated("Vuosi: Input should be a valid integer", phrases) == ["Input should be"]
    assert untranslated("Kesätyöt katu@espoo.fi Tallenna", phrases) == []


def test_supervisor_from_the_footer_to_a_published_summer_job_in_finnish(site, browser):
    context = browser.new_context(locale="fi-FI", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(site.url + "/")
    page.get_by_role("link", name="Henkilöstön kirjautuminen").click()
    sign_in(page, site, "katu@espoo.fi")
    expect(page).to_have_url(f"{site.url}/my")
    page.get_by_role("link", name="Uusi kesätyö").click()
    # Keyboard only: the title, then Tab through to the next boxes.
    page.get_by_label("Otsikko").focus()
    page.keyboard.type("Kesätyöntekijä Tapiolan puistoihin")
    page.get_by_label("Kuvaus").fill("Puistojen hoitoa kesällä.")
    page.get_by_label("Paikkoja", exact=True).fill("kolme")
    page.get_by_label("Hakuaika päättyy").fill((city_today() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Esikatselu").press("Enter")
    # Bad input: messages beside the fields in Finnish, the summary links to them, text kept.
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Anna kokonaisluku")
    assert untranslated(page_text(page), english_phrases()) == []
    expect(page.get_by_label("Otsikko")).to_have_value("Kesätyöntekijä Tapiolan puistoihin")
    summary.get_by_role("link").first.click()
    expect(page.locator("#f-positions")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.get_by_role("button", name="Esikatselu").click()
    expect(page.locator(".preview h1")).to_have_text("Kesätyöntekijä Tapiolan puistoihin")
    expect(page.locator(".preview")).to_contain_text("Näin haet")
    # Publishing with a deadline in the past is refused, in Finnish.
    page.get_by_role("button", name="Julkaise").click()
    expect(page.locator("#error-summary")).to_contain_text("Hakuaika on jo päättynyt")
    page.get_by_label("Hakuaika päättyy").fill((city_today() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Tallenna luonnoksena").click()
    expect(page.locator("#flash")).to_contain_text("tallennettiin luonnokseksi")
    page.get_by_role("button", name=re.compile(r"^Julkaise\b")).click()
    expect(page.locator("#flash")).to_contain_text("Paikka julkaistiin")
    assert untranslated(page_text(page), english_phrases()) == []
    expect(page.locator(".history")).to_contain_text("Luonnos → Julkaistu")
    context.close()


def test_my_openings_on_a_phone_close_one_past_its_deadline(site, browser):
    context = browser.new_context(locale="fi-FI", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, site, "katu@espoo.fi")
    page.goto(f"{site.url}/my/?sort=deadline")
    row = page.locator(".opening-row.is-past")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Hakuaika päättynyt")
    expect(row.get_by_role("link", name=re.compile("Jatka hakuaikaa"))).to_be_visible()
    row.get_by_role("link", name=re.compile("^Sulje")).click()
    expect(page.locator("h1")).to_have_text("Suljetaanko tämä paikka?")
    page.get_by_role("button", name="Kyllä, sulje").click()
    expect(page.locator("#flash")).to_contain_text("Paikka suljettiin")
    assert "sort=deadline" in page.url
    assert horizontal_overflow(page) <= 0
    # The title search and paging.
    page.get_by_label("Otsikossa on").fill("Espoonlahti")
    page.get_by_label("Otsikossa on").press("Enter")
    expect(page.locator(".row-title")).to_have_count(8)
    context.close()
