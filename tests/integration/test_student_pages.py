"""The student pages through the test client: search, opening pages, languages, odd input."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

import pytest
from sqlmodel import Session

from opportunity_bank.models import Attachment
from tests.helpers import search_ids
from tests.student_openings import seed_openings

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def finnish(client):
    """These tests read the default interface: Finnish, as a browser set to Finnish asks."""
    client.headers["Accept-Language"] = "fi-FI,fi;q=0.9"


@pytest.fixture
def ids(client, services, tmp_path):
    return seed_openings(services.db, lambda: search_ids(client), tmp_path)


def card_titles(page: str) -> list[str]:
    """Result titles as HTML (highlights included)."""
    return re.findall(r'<h3 class="card-title"[^>]*><a href="[^"]+">(.*?)</a>', page)


def parse_feed(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 (our own feed, parsed to check it)


def html_lang(page: str) -> str:
    return re.search(r'<html lang="([a-z]+)"', page).group(1)


def json_ld(page: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


# --- search page ------------------------------------------------------------------------------

def test_search_page_renders_results_on_the_server(client, ids):
    page = client.get("/", params={"q": "vieraslaj"})
    assert page.status_code == 200
    (title,) = card_titles(page.text)
    assert "<mark>" in title and re.sub(r"</?mark>", "", title) == "Vieraslajien torjuja"
    assert f'href="/opportunities/{ids["vieraslajit"]}"' in page.text
    assert "1 paikka löytyi" in page.text
    feed_link = 'rel="alternate" type="application/atom+xml" href="/feeds/opportunities.atom?q=vieraslaj"'
    assert feed_link in page.text
    assert "HX-Request" in page.headers["vary"]


def test_empty_search_lists_every_open_opening_with_facet_counts(client, ids):
    page = client.get("/").text
    assert "6 paikkaa löytyi" in page
    assert 'value="summer_job"' in page and "(3)" in page  # three open summer jobs
    for hidden in ("Suljettu kesätyö", "Vanhentunut harjoittelu", "Luonnos aiheesta", "Peruttu aihe"):
        assert hidden not in page


def test_filters_sort_and_pagination(client, ids):
    page = client.get("/", params={"kind": "summer_job", "sort": "deadline", "per_page": 2}).text
    assert card_titles(page) == ["Vieraslajien torjuja", "Kesätyö: puistotyöntekijä Leppävaarassa"]
    assert 'href="/?kind=summer_job&amp;sort=deadline&amp;page=2"' in page
    assert 'aria-current="page"' in page
    assert re.search(r'id="f-kind-[0-9a-f]+" name="kind" value="summer_job" checked', page)


def test_empty_state_helps(client, ids):
    page = client.get("/", params={"q": "zzzxxyq", "kind": "thesis"}).text
    assert "Hakuasi vastaavia avoimia paikkoja ei löytynyt" in page
    assert 'href="/?q=zzzxxyq"' in page  # clear the filters, keep the words
    assert "/feeds/opportunities.atom?q=zzzxxyq&amp;kind=thesis" in page


def test_a_page_past_the_last_leads_back(client, ids):
    page = client.get("/", params={"q": "kesätyö", "page": "40"}).text
    assert "Tällä sivulla ei ole tuloksia" in page and 'href="/?q=kes%C3%A4ty%C3%B6"' in page


def test_a_setting_out_of_range_is_explained_in_the_pages_language_only(client, ids):
    page = client.get("/", params={"page": "999999", "lang": "fi"}).text
    assert "Osoitteessa on hakuasetus, jota emme ymmärrä" in page and "”page”" in page
    assert "must be" not in page


def test_htmx_request_gets_a_lean_fragment(client, ids):
    fragment = client.get("/", params={"q": "vieraslaj"}, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "<html" not in fragment.text and "<mark>Vieraslaj" in fragment.text
    assert 'id="result-count" data-hx-swap-oob="innerHTML"' in fragment.text
    assert 'id="facets" class="facets" data-hx-swap-oob="true"' in fragment.text
    restore = client.get("/", params={"q": "vieraslaj"},
                         headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert restore.text.lstrip().startswith("<!doctype html>")


ODD_QUERIES = [
    {"q": '"'}, {"q": "'\""}, {"q": "<script>alert(1)</script>"}, {"q": "x" * 10_000},
    {"q": "\x00\x01\x7f"}, {"q": "🙂 ääkköset ÅÄÖ"}, {"q": "a AND (b OR"}, {"q": "%", "kind": ""},
    {"unit": "<img src=x onerror=alert(1)>"}, {"unit": "x" * 300}, {"kind": "<b>"},
    {"language": "de"}, {"level": "kindergarten"}, {"page": "-1"}, {"page": "99999"},
    {"page": "1e3"}, {"per_page": "0"}, {"sort": "<x>"}, {"lang": "<x>"}, {"lang": "de"},
    {"q": "kesä", "page": "500"}, {"kind": ["thesis"] * 25},
]


@pytest.mark.parametrize("params", ODD_QUERIES)
def test_odd_input_never_breaks_the_page(client, ids, params):
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get("/", params=params, headers=headers)
        assert response.status_code in (200, 400), response.text
        body = response.text
        assert "<script>alert" not in body and "<img src=x" not in body and "<b>" not in body
        assert "<x>" not in body
        if response.status_code == 400:
            assert "Osoitteessa on hakuasetus, jota emme ymmärrä" in body
    feed = client.get("/feeds/opportunities.atom", params=params)
    assert feed.status_code in (200, 400)
    if feed.status_code == 200:
        parse_feed(feed.content)


def test_raw_odd_query_strings(client, ids):
    for raw in ("q=%ZZ", "q=%FF%FE", "q=a&q=b&q=c", "kind", "=&&=", "q=" + "%3C" * 3000, "page=%00"):
        response = client.get("/?" + raw)
        assert response.status_code in (200, 400), (raw, response.status_code)
        assert "<<<" not in response.text


# --- opening page -----------------------------------------------------------------------------

def test_opening_page_shows_everything_a_student_needs(client, ids):
    page = client.get(f"/opportunities/{ids['vieraslajit']}").text
    assert '<h1 lang="fi">Vieraslajien torjuja</h1>' in page
    for text in ("Torju haitallisia vieraslajeja Espoon puistoissa.", "Hae Kuntarekryssä.",
                 'href="https://www.kuntarekry.fi/fi/tyopaikat/1"', "mailto:viher@espoo.fi",
                 "2 100 € / kk", "Katu- ja viherpalvelut", "Espoon keskus"):
        assert text in page
    assert "Tämä paikka on suljettu" not in page
    assert '<meta name="description" content="Torju haitallisia vieraslajeja' in page


def test_attachments_are_listed_with_links(client, services, ids):
    attachment = Attachment(opportunity_id=ids["valaistus"], filename='kartta <1> & "liite".pdf',
                            stored_name="abc123", size=250_000, sha256="0" * 64)
    with Session(services.db) as session:
        session.add(attachment)
        session.commit()
        attachment_id = attachment.id
    page = client.get(f"/opportunities/{ids['valaistus']}").text
    assert f'<a href="/attachments/{attachment_id}">kartta &lt;1&gt; &amp; &#34;liite&#34;.pdf</a>' in page
    assert "(PDF, 245 kB)" in page


def test_summer_job_carries_job_posting(client, ids):
    page = client.get(f"/opportunities/{ids['vieraslajit']}").text
    (posting,) = json_ld(page)
    assert posting["@type"] == "JobPosting" and posting["title"] == "Vieraslajien torjuja"
    assert posting["employmentType"] == "TEMPORARY"
    assert posting["hiringOrganization"]["name"] == "City of Espoo"
    assert posting["jobLocation"]["address"]["addressLocality"] == "Espoo"
    assert posting["validThrough"].endswith(("+02:00", "+03:00"))
    for field in ("description", "datePosted"):
        assert posting[field]


def test_thesis_topic_is_posted_as_other_employment(client, ids):
    (posting,) = json_ld(client.get(f"/opportunities/{ids['valaistus']}").text)
    assert posting["employmentType"] == "OTHER"


def test_markup_in_titles_is_escaped_everywhere(client, ids):
    detail = client.get(f"/opportunities/{ids['markup']}").text
    assert "<script>alert(1)</script>" not in detail
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;lainaus&#34;" in detail
    (posting,) = json_ld(detail)
    assert posting["title"] == 'Tekijä <script>alert(1)</script> & "lainaus"'
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', detail, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    listing = client.get("/", params={"q": "lainaus"}).text
    assert "<script>alert(1)</script>" not in listing and "&lt;script&gt;" in listing


@pytest.mark.parametrize(("name", "wording"), [
    ("closed", "Tähän paikkaan ei enää oteta hakemuksia."),
    ("expired", "Hakuaika päättyi"),
])
def test_closed_openings_still_answer_and_say_so(client, ids, name, wording):
    response = client.get(f"/opportunities/{ids[name]}")
    assert response.status_code == 200
    assert "Tämä paikka on suljettu" in response.text and wording in response.text
    assert "vielä" not in response.text and "avoinna, kunnes täytetty" not in response.text
    assert json_ld(response.text) == []
    assert '<meta name="robots" content="noindex">' in response.text


@pytest.mark.parametrize("name", ["draft", "withdrawn"])
def test_drafts_and_withdrawn_are_not_found(client, ids, name):
    response = client.get(f"/opportunities/{ids[name]}")
    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.text
    assert client.get("/opportunities/999999").status_code == 404
    assert client.get("/opportunities/99999999999999").status_code == 400  # beyond any id


def test_unknown_addresses_get_a_page_in_browsers_and_json_elsewhere(client):
    page = client.get("/no/such/page", headers={"Accept": "text/html,*/*", "Accept-Language": "sv"})
    assert page.status_code == 404 and "Sidan hittades inte" in page.text
    api = client.get("/api/v1/no-such-thing", headers={"Accept": "text/html"})
    assert api.status_code == 404 and api.json()["status_code"] == 404
    assert client.get("/no/such/page").json()["status_code"] == 404


# --- languages --------------------------------------------------------------------------------

def test_language_from_query_is_remembered_in_a_cookie(client, ids):
    page = client.get("/", params={"lang": "sv"})
    assert html_lang(page.text) == "sv" and "Hitta ett examensarbete" in page.text
    assert "lang=sv" in page.headers["set-cookie"] and "HttpOnly" in page.headers["set-cookie"]
    assert '<input type="hidden" name="lang" value="sv">' in page.text  # typing keeps it in the URL
    assert 'name="lang"' not in client.get("/", params={"lang": "de"}).text
    again = client.get("/")  # the test client keeps the cookie
    assert html_lang(again.text) == "sv"
    english = client.get(f"/opportunities/{ids['vieraslajit']}", params={"lang": "en"}).text
    assert html_lang(english) == "en" and "How to apply" in english
    assert '<h1 lang="fi">Vieraslajien torjuja</h1>' in english  # content keeps its language


@pytest.mark.parametrize(("header", "language"), [
    ("sv-FI,sv;q=0.9,en;q=0.5", "sv"), ("en-GB,en;q=0.9", "en"), ("de-DE,de;q=0.9", "fi"),
    ("de,en;q=0.8,sv;q=0.9", "sv"), ("", "fi"), ("fi;q=0.1,en;q=0.2", "en"), (";;q=x,,", "fi"),
])
def test_accept_language(client, header, language):
    page = client.get("/saavutettavuus", headers={"Accept-Language": header})
    assert html_lang(page.text) == language
    assert "Accept-Language" in page.headers["vary"]


def test_dates_follow_the_language(client, ids):
    fi = client.get(f"/opportunities/{ids['expired']}", params={"lang": "fi"}).text
    en = client.get(f"/opportunities/{ids['expired']}", params={"lang": "en"}).text
    assert re.search(r"Hakuaika päättyi \d+\. [a-zäö]+kuuta \d{4}\.", fi)
    assert re.search(r"The application period ended on \d+ [A-Z][a-z]+ \d{4}\.", en)


def test_language_switcher_keeps_the_search(client, ids):
    page = client.get("/", params={"q": "puisto", "kind": "summer_job"}).text
    links = re.findall(r'<a href="([^"]+)" lang="sv"', page)
    assert links == ["/?q=puisto&amp;kind=summer_job&amp;lang=sv"]


def test_accessibility_statement(client):
    page = client.get("/saavutettavuus").text
    for text in ("Saavutettavuusseloste", "saavutettavuus.kake@espoo.fi", "Traficom",
                 "Palvelu täyttää osittain", "https://www.saavutettavuusvaatimukset.fi"):
        assert text in page
    assert 'href="/saavutettavuus"' in client.get("/").text


# --- feed -------------------------------------------------------------------------------------

def test_feed_is_atom_with_the_search_results(client, ids):
    response = client.get("/feeds/opportunities.atom", params={"q": "kesätyö", "lang": "en"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = parse_feed(response.content)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None, name
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"].endswith("/feeds/opportunities.atom?q=kes%C3%A4ty%C3%B6")
    assert "q=kes%C3%A4ty%C3%B6" in links["alternate"]
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "Kesätyö: puistotyöntekijä Leppävaarassa" in titles
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{name}"), name
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
        assert entry.get("{http://www.w3.org/XML/1998/namespace}lang") in ("fi", "sv", "en")


def test_feed_lists_newest_first_and_honours_filters(client, ids):
    feed = parse_feed(client.get("/feeds/opportunities.atom", params={"kind": "summer_job"}).content)
    ids_in_feed = [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    assert len(ids_in_feed) == 3
    published = [e.findtext(f"{ATOM}published") for e in feed.findall(f"{ATOM}entry")]
    assert published == sorted(published, reverse=True)


def test_cards_and_filters_name_units_in_the_readers_language(client, services, ids):
    from opportunity_bank.accounts.admin import set_unit_names
    from opportunity_bank.db import session_scope

    with session_scope(services.db) as session:
        set_unit_names(session, None, "Geotekniikka", {"sv": "Geoteknik", "en": "Geotechnical Engineering"})
    services.answers.version.advance(services.answers.version.value + 1)  # forget kept pages
    swedish = client.get("/", params={"q": "geotekniikka", "lang": "sv"}).text
    assert "<dd>Geoteknik</dd>" in swedish  # the card
    assert re.search(r'>Geoteknik\s+<span class="count">', swedish)  # the filter
    assert '<dd lang="fi">Geotekniikka</dd>' not in swedish
    english = client.get("/", params={"q": "geotekniikka", "lang": "en"}).text
    assert "<dd>Geotechnical Engineering</dd>" in english
    finnish = client.get("/", params={"q": "geotekniikka", "lang": "fi"}).text
    assert '<dd lang="fi">Geotekniikka</dd>' in finnish
