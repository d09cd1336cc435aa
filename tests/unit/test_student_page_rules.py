"""Pure rules behind the student pages: languages, links, escaping, JSON-LD, feeds."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from xml.etree import ElementTree as ET

import pytest

from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.jsonld import job_posting, json_script
from opportunity_bank.opportunities.pages import closed_reason, paragraphs
from opportunity_bank.search.feeds import ATOM_NS, FeedEntry, atom_feed, clean, rfc3339
from opportunity_bank.search.pages import page_numbers, search_url
from opportunity_bank.search.query import SearchRequest
from opportunity_bank.web.i18n import language_url, parse_accept_language, pick_language
from opportunity_bank.web.templating import highlight

TODAY = date(2026, 5, 20)


def opening(**values) -> Opportunity:
    base = dict(id=7, external_id="x-7", kind="summer_job", title="Kesätyö", description="Kuvaus",
                unit_id=1, year=2026, status="published", content_language="fi", positions=2,
                application_deadline=date(2026, 5, 31),
                created_at=datetime(2026, 4, 1, 9, tzinfo=UTC),
                updated_at=datetime(2026, 4, 2, 9, tzinfo=UTC),
                published_at=datetime(2026, 4, 1, 9, tzinfo=UTC))
    base.update(values)
    return Opportunity(**base)


@pytest.mark.parametrize(("header", "expected"), [
    ("sv-FI,sv;q=0.9,en;q=0.8", ["sv", "sv", "en"]),
    ("en;q=0.2, fi;q=0.9", ["fi", "en"]),
    ("de;q=0, en", ["en"]),
    ("x;q=abc,,;", []),
])
def test_parse_accept_language(header, expected):
    assert parse_accept_language(header) == expected


@pytest.mark.parametrize(("query", "cookie", "accept", "expected"), [
    ("en", "sv", "fi", "en"), (None, "sv", "en", "sv"), ("de", None, "en-US", "en"),
    (None, "xx", None, "fi"), (None, None, "nb-NO", "sv"), (None, None, "de, fr", "fi"),
])
def test_pick_language(query, cookie, accept, expected):
    assert pick_language(query, cookie, accept) == expected


def test_language_url_keeps_everything_but_lang():
    assert language_url("/", "q=a+b&kind=thesis&lang=fi&kind=summer_job&q=", "sv") == \
        "/?q=a+b&kind=thesis&kind=summer_job&q=&lang=sv"


def test_highlight_escapes_then_marks():
    assert str(highlight('\x02<b>\x03 & "x"')) == "<mark>&lt;b&gt;</mark> &amp; &#34;x&#34;"
    assert str(highlight(None)) == ""


def test_search_url_leaves_out_defaults():
    search = SearchRequest(q="kesä työ", kind=("summer_job",), sort="deadline", page=3)
    assert search_url("/", search) == "/?q=kes%C3%A4+ty%C3%B6&kind=summer_job&sort=deadline&page=3"
    assert search_url("/", search, page=1, sort="relevance") == "/?q=kes%C3%A4+ty%C3%B6&kind=summer_job"
    assert search_url("/", SearchRequest()) == "/"


@pytest.mark.parametrize(("current", "last", "expected"), [
    (1, 1, [1]), (1, 3, [1, 2, 3]), (5, 10, [1, None, 3, 4, 5, 6, 7, None, 10]),
    (10, 10, [1, None, 8, 9, 10]),
])
def test_page_numbers(current, last, expected):
    assert page_numbers(current, last) == expected


def test_json_script_cannot_end_the_script_element():
    data = {"title": "</script><script>alert(1)</script> & \u2028"}
    text = str(json_script(data))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_job_posting_fields():
    posting = job_posting(opening(location="Leppävaara"), "https://example.test/opportunities/7")
    assert posting["validThrough"] == "2026-05-31T23:59:59+03:00"  # Espoo summer time
    assert posting["datePosted"] == "2026-04-01"
    assert posting["employmentType"] == "TEMPORARY"
    assert posting["jobLocation"]["address"]["streetAddress"] == "Leppävaara"
    assert job_posting(opening(kind="internship"), "u")["employmentType"] == "INTERN"
    assert job_posting(opening(kind="thesis"), "u")["employmentType"] == "OTHER"
    assert "validThrough" not in job_posting(opening(application_deadline=None), "u")


@pytest.mark.parametrize(("values", "reason"), [
    ({}, None), ({"application_deadline": None}, None),
    ({"application_deadline": date(2026, 5, 19)}, "deadline"), ({"status": "filled"}, "filled"),
    ({"status": "closed"}, "closed"), ({"status": "completed"}, "completed"),
])
def test_closed_reason(values, reason):
    assert closed_reason(opening(**values), TODAY) == reason


def test_paragraphs():
    assert paragraphs("a\nb\r\n\r\n\n c \n\n") == [["a", "b"], ["c"]]
    assert paragraphs(None) == []


def test_atom_feed_is_well_formed_and_complete():
    entries = [FeedEntry(opening(description="Ohjaus\x01 <b>&</b>"), "Geotekniikka"),
               FeedEntry(opening(id=8, content_language="sv", updated_at=datetime(2026, 5, 1)), "Enhet")]
    body = atom_feed(entries, title="T", feed_url="https://h/feeds/opportunities.atom?q=a",
                     page_url="https://h/?q=a", base_url="https://h", language="fi",
                     gettext=lambda s: s, now=datetime(2026, 5, 20, tzinfo=UTC))
    feed = ET.fromstring(body)  # noqa: S314 (our own output)
    ns = f"{{{ATOM_NS}}}"
    assert feed.findtext(f"{ns}id") == "tag:espoo.fi,2025:opportunity-bank:feed/feeds/opportunities.atom?q=a"
    assert feed.findtext(f"{ns}updated") == "2026-05-01T00:00:00Z"
    first, second = feed.findall(f"{ns}entry")
    assert first.findtext(f"{ns}id") == "tag:espoo.fi,2025:opportunity-bank:opportunity:7"
    assert first.find(f"{ns}link").get("href") == "https://h/opportunities/7"
    assert "<b>&</b>" in first.findtext(f"{ns}summary") and "\x01" not in first.findtext(f"{ns}summary")
    assert second.get("{http://www.w3.org/XML/1998/namespace}lang") == "sv"


def test_feed_text_helpers():
    assert clean("a\x00b\x0bc\td") == "abc\td"
    assert rfc3339(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05Z"


def card_facts(environment, unit="Kadut", shown=None, deadline="2026-05-31", today=TODAY) -> str:
    return str(environment.from_string(
        '{{ kept("search/_card.html", "facts", unit, shown, 2, ["fi", "sv"], deadline, today) }}'
    ).render(unit=unit, shown=shown, deadline=deadline, today=today))


def test_kept_card_facts_follow_their_arguments_and_language():
    from opportunity_bank.settings import PROJECT_ROOT
    from opportunity_bank.web.templating import make_environment

    finnish, swedish = (make_environment(PROJECT_ROOT / "templates", code) for code in ("fi", "sv"))
    first = card_facts(finnish)
    assert "(vielä 11 päivää)" in first and '<dd lang="fi">Kadut</dd>' in first
    assert card_facts(finnish) == first
    # The day, the unit's name in the reader's language and the interface language each show.
    assert "(vielä 10 päivää)" in card_facts(finnish, today=date(2026, 5, 21))
    assert "<dd>Gator</dd>" in card_facts(swedish, shown="Gator")
    assert "11 dagar kvar" in card_facts(swedish)
