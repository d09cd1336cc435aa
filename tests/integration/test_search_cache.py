"""The answer cache: repeated searches are served from memory, but never a wrong or stale one."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta

import pytest
from litestar.testing import TestClient
from sqlmodel import Session, select

from opportunity_bank.app import create_app
from opportunity_bank.db import session_scope
from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.importer import import_file
from opportunity_bank.search.cache import AnswerCache, CachedSearch
from opportunity_bank.search.query import SearchRequest, parse_request
from opportunity_bank.search.version import bump_version, index_version
from tests.faults import dead_url, publish_openings
from tests.helpers import record, search_ids, wait_until, write_jsonl

TODAY = date(2026, 11, 27)


@pytest.fixture
def twelve(client, services, tmp_path):
    rows = [record(i) for i in range(1, 13)]
    report = import_file(services.db, write_jsonl(tmp_path / "twelve.jsonl", rows))
    assert report.written
    wait_until(lambda: len(search_ids(client)) == 12)
    return rows


def test_repeated_search_is_served_from_the_cache(client, services, twelve):
    answers = services.answers.answers
    first = client.get("/api/v1/search", params={"q": "kesätyöntekijä"}).json()
    hits_before = answers.hits
    again = client.get("/api/v1/search", params={"q": "  KESÄTYÖNTEKIJÄ "}).json()
    assert answers.hits == hits_before + 1  # same words, other case and spacing: same answer
    assert again["hits"] == first["hits"] and first["total"] > 0
    assert (first["query"], again["query"]) == ("kesätyöntekijä", "KESÄTYÖNTEKIJÄ")


def test_a_kept_answer_is_the_answer_meilisearch_gave(services, twelve):
    request = SearchRequest(q="kesätyöntekijä", kind=("summer_job",))
    fresh = services.search.search(request)
    services.answers.search(request)
    kept = services.answers.search(request)
    assert services.answers.cached(request) is not None
    assert kept.hits == fresh.hits and kept.total == fresh.total and kept.facets == fresh.facets
    assert any("\x02" in hit["title_highlight"] for hit in kept.hits)


def test_one_filters_answer_is_never_served_for_another(client, twelve):
    by_kind = {}
    for kind in ("summer_job", "internship", "thesis"):
        for _ in range(2):  # the second round comes from the cache
            body = client.get("/api/v1/search", params={"kind": kind}).json()
            assert {h["kind"] for h in body["hits"]} == {kind}
            by_kind[kind] = body["total"]
    assert sum(by_kind.values()) == 12
    units = {u: client.get("/api/v1/search", params={"unit": u}).json()["hits"]
             for u in ("Geotekniikka", "Katu- ja viherpalvelut")}
    for unit, hits in units.items():
        assert hits and {h["unit"] for h in hits} == {unit}
    with_facets = client.get("/api/v1/search", params={"q": "tehtävä"}).json()
    without = client.get("/api/v1/search", params={"q": "tehtävä", "facets": "false"}).json()
    assert sum(with_facets["facets"]["kind"].values()) == with_facets["total"] > 0
    assert without["facets"]["kind"] == {} and without["hits"] == with_facets["hits"]


def test_an_unpublished_opening_leaves_the_cached_answers(client, services, twelve):
    params = {"q": "Avoin tehtävä 4"}
    assert "t-0004" in search_ids(client, **params)

    def served_from_cache() -> bool:
        hits_before = services.answers.answers.hits
        assert "t-0004" in search_ids(client, **params)
        return services.answers.answers.hits == hits_before + 1

    # The start-up index check may still bump the index version once; then it stays cached.
    wait_until(served_from_cache, timeout=10)
    with session_scope(services.db) as session:
        opening = session.exec(select(Opportunity).where(Opportunity.external_id == "t-0004")).one()
        opening.status = "withdrawn"
    wait_until(lambda: "t-0004" not in search_ids(client, **params))
    assert "t-0004" not in search_ids(client)


def test_a_bump_by_another_process_is_seen_within_the_poll_interval(services, twelve):
    search = CachedSearch(services.search, services.db, poll_seconds=0.05)
    search.start()
    try:
        request = SearchRequest(q="tehtävä")
        search.search(request)
        assert search.cached(request) is not None
        # Another process: its own session, no in-process notification.
        with Session(services.db) as session:
            bump_version(session)
            session.commit()
        wait_until(lambda: search.cached(request) is None, timeout=2)
        assert len(search.answers) == 0
    finally:
        search.stop()


def test_bumps_from_two_writers_both_count(engine):
    start = index_version(engine)
    with Session(engine) as first, Session(engine) as second:
        bump_version(first)
        first.commit()
        bump_version(second)
        second.commit()
    assert index_version(engine) == start + 2


def test_identical_misses_at_once_share_one_question(services, twelve):
    search = CachedSearch(services.search, services.db)
    search.start()
    request = SearchRequest(q="tehtävä", kind=("thesis",))

    async def class_of_students() -> list[bytes]:
        return await asyncio.gather(*(search.search_json(request) for _ in range(30)))

    try:
        # A thread of its own: Playwright's sync API may keep a loop running in this one.
        with ThreadPoolExecutor(1) as pool:
            bodies = pool.submit(asyncio.run, class_of_students()).result()
    finally:
        search.stop()
    assert search.fetches == 1
    assert len(set(bodies)) == 1 and json.loads(bodies[0])["total"] == 4


def test_the_day_is_part_of_the_key(services, tmp_path):
    deadline = date.today() + timedelta(days=3)
    rows = [record(1, application_deadline=deadline.isoformat(), title="Määräaikainen tehtävä")]
    import_file(services.db, write_jsonl(tmp_path / "one.jsonl", rows))
    request = SearchRequest(q="määräaikainen")
    wait_until(lambda: services.answers.search(request, deadline).total == 1)
    assert services.answers.search(request, deadline).total == 1
    # The next day its deadline has passed: the answer cached for the day before must not do.
    assert services.answers.search(request, deadline + timedelta(days=1)).total == 0


def test_cache_keys_differ_for_every_difference_that_matters():
    base = parse_request({"q": ["Kesä Työ"]})
    same = [parse_request({"q": ["  kesä   TYÖ "]})]
    different = [
        parse_request({"q": ["kesä työt"]}),
        parse_request({"q": ["Kesä Työ"], "kind": ["thesis"]}),
        parse_request({"q": ["Kesä Työ"], "unit": ["Geotekniikka"]}),
        parse_request({"q": ["Kesä Työ"], "language": ["sv"]}),
        parse_request({"q": ["Kesä Työ"], "level": ["master"]}),
        parse_request({"q": ["Kesä Työ"], "page": ["2"]}),
        parse_request({"q": ["Kesä Työ"], "per_page": ["10"]}),
        parse_request({"q": ["Kesä Työ"], "sort": ["deadline"]}),
        parse_request({"q": ["Kesä Työ"], "facets": ["false"]}),
    ]
    assert all(r.cache_key(TODAY) == base.cache_key(TODAY) for r in same)
    keys = {r.cache_key(TODAY) for r in [base, *different]}
    assert len(keys) == 1 + len(different)
    assert base.cache_key(TODAY) != base.cache_key(TODAY + timedelta(days=1))
    # A value moving between filter groups must change the key too.
    assert (parse_request({"unit": ["fi"]}).cache_key(TODAY)
            != parse_request({"language": ["fi"]}).cache_key(TODAY))


def test_the_cache_never_grows_beyond_its_bound_and_keeps_the_recent():
    cache = AnswerCache(max_entries=50)
    for n in range(1_000):
        cache.put(("q", n), 1, n)
        cache.get(("q", 0), 1)  # used all the time: stays
        assert len(cache) <= 50
    assert cache.get(("q", 0), 1) == 0
    assert cache.get(("q", 999), 1) == 999
    assert cache.get(("q", 500), 1) is None
    assert cache.get(("q", 999), 2) is None  # another index version: not served


def test_bounded_through_the_service(services, twelve):
    search = CachedSearch(services.search, services.db, max_entries=5)
    search.start()
    try:
        for n in range(20):
            search.search(SearchRequest(q=f"tehtävä {n}"))
            assert len(search.answers) <= 5
    finally:
        search.stop()


def test_facets_flag_must_be_true_or_false(client):
    response = client.get("/api/v1/search", params={"facets": "maybe"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "facets"


# --- rendered search pages ---------------------------------------------------------------------

def page_from_cache(client, services, params, **headers) -> tuple[bool, str]:
    """(whether the page came from the rendered-page cache, its HTML)."""
    hits_before = services.answers.pages.hits
    response = client.get("/", params=params, headers=headers)
    assert response.status_code == 200
    return services.answers.pages.hits == hits_before + 1, response.text


def shown(services, html: str) -> set[str]:
    """External ids of the openings a page links to."""
    with Session(services.db) as session:
        openings = session.exec(select(Opportunity.id, Opportunity.external_id)).all()
    return {external_id for id_, external_id in openings if f'href="/opportunities/{id_}"' in html}


def test_a_repeated_search_page_is_served_rendered_until_the_index_changes(client, services, twelve):
    params = {"q": "Avoin tehtävä 4"}
    assert "t-0004" in shown(services, client.get("/", params=params).text)
    # The start-up index check may still bump the index version once; then it stays kept.
    wait_until(lambda: page_from_cache(client, services, params)[0], timeout=10)
    assert page_from_cache(client, services, params) == (True, client.get("/", params=params).text)
    with session_scope(services.db) as session:
        opening = session.exec(select(Opportunity).where(Opportunity.external_id == "t-0004")).one()
        opening.status = "withdrawn"
    wait_until(lambda: "t-0004" not in shown(services, client.get("/", params=params).text))
    assert "t-0004" not in shown(services, client.get("/").text)


def test_kept_pages_never_cross_languages_fragments_or_filters(client, services, twelve):
    variants = {
        "fi page": ({"q": "tehtävä"}, {"Accept-Language": "fi"}),
        "sv page": ({"q": "tehtävä"}, {"Accept-Language": "sv"}),
        "en by address": ({"q": "tehtävä", "lang": "en"}, {"Accept-Language": "fi"}),
        "fi fragment": ({"q": "tehtävä"}, {"Accept-Language": "fi", "HX-Request": "true"}),
        "theses": ({"q": "tehtävä", "kind": "thesis"}, {"Accept-Language": "fi"}),
        "internships": ({"q": "tehtävä", "kind": "internship"}, {"Accept-Language": "fi"}),
    }

    def get(params, headers) -> str:
        client.cookies.clear()  # ?lang= is remembered in a cookie; each variant stands alone
        return client.get("/", params=params, headers=headers).text

    rounds = [{name: get(*variant) for name, variant in variants.items()} for _ in range(3)]
    assert services.answers.pages.hits > 0
    assert rounds[1] == rounds[2]  # served from the kept pages, and each still its own
    pages = rounds[2]
    assert len(set(pages.values())) == len(variants)
    assert '<html lang="fi"' in pages["fi page"] and '<html lang="sv"' in pages["sv page"]
    assert '<html lang="en"' in pages["en by address"]
    assert "<html" not in pages["fi fragment"] and 'id="results"' in pages["fi fragment"]
    for name, kind in (("theses", "thesis"), ("internships", "internship")):
        ids = shown(services, pages[name])
        assert ids and ids <= {r["external_id"] for r in twelve if r["kind"] == kind}, name


def test_kept_pages_are_bounded(client, services, twelve):
    services.answers.pages.max_entries = 4

    def twelve_searches() -> int:
        for n in range(12):
            client.get("/", params={"q": f"tehtävä {n}"})
            assert len(services.answers.pages) <= 4
        return len(services.answers.pages)

    # Full, and never more; the start-up index check may still empty it once.
    wait_until(lambda: twelve_searches() == 4)


def test_pages_with_padded_addresses_are_not_kept(client, services, twelve):
    """Unknown parameters are ignored, but kept pages would echo them: padding must not fill memory."""
    for n in range(5):
        response = client.get("/", params={"q": "tehtävä", "pad": f"{n}" + "x" * 2_000})
        assert response.status_code == 200 and "<html" in response.text
    assert len(services.answers.pages) == 0

    def kept_after_a_plain_search() -> int:
        client.get("/", params={"q": "tehtävä"})
        return len(services.answers.pages)

    wait_until(lambda: kept_after_a_plain_search() == 1)


def test_a_degraded_page_is_not_kept(settings, engine):
    publish_openings(engine, [record(i) for i in range(1, 4)])
    with TestClient(create_app(replace(settings, meili_url=dead_url()))) as client:
        services = client.app.state.services
        for _ in range(2):
            response = client.get("/", params={"q": "avoin"})
            assert response.status_code == 200 and shown(services, response.text) == {"t-0001", "t-0002"}
        assert len(services.answers.pages) == 0


def test_pages_are_sent_gzipped_only_to_those_who_take_it(client, twelve):
    params = {"q": "tehtävä"}
    for _ in range(2):  # rendered, then kept
        plain = client.get("/", params=params, headers={"Accept-Encoding": "identity"})
        zipped = client.get("/", params=params, headers={"Accept-Encoding": "br, gzip;q=0.8"})
        refused = client.get("/", params=params, headers={"Accept-Encoding": "gzip;q=0, deflate"})
        refused_by_name = client.get("/", params=params, headers={"Accept-Encoding": "*, gzip;q=0"})
        anything = client.get("/", params=params, headers={"Accept-Encoding": "*"})
        for response in (plain, refused, refused_by_name):
            assert "content-encoding" not in response.headers
        assert zipped.headers["content-encoding"] == anything.headers["content-encoding"] == "gzip"
        assert zipped.text == plain.text == refused.text == anything.text and "<html" in plain.text
        assert "Accept-Encoding" in plain.headers["vary"] and "HX-Request" in plain.headers["vary"]
