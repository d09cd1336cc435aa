"""While Meilisearch cannot answer, the database does: same rules, filters, facets and sorts."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

import pytest
from litestar.testing import TestClient

from opportunity_bank.app import create_app
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.search.analysis import get_analyzer
from opportunity_bank.search.breaker import CircuitBreaker
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.fallback import DatabaseSearch
from opportunity_bank.search.query import parse_request
from tests.faults import dead_url, eventually, hung_server, publish_openings
from tests.helpers import record, search_ids

UNITS = ("Katu- ja viherpalvelut", "Geotekniikka", "Liikenne_suunnittelu 100%")
LEVELS = ("", "bachelor", "master;bachelor", "vocational")
LANGS = ("fi", "fi;sv", "en", "sv;en")


def varied(number: int) -> dict:
    return record(
        number,
        unit=UNITS[number % 3],
        degree_levels=LEVELS[number % 4],
        languages=LANGS[number % 5 % 4],
        # City dates: a deadline of today must still be today in Espoo when the test runs.
        application_deadline=(city_today() + timedelta(days=1 + number % 7 * 10)).isoformat(),
    )


@pytest.fixture
def sixty(client, services):
    rows = [varied(i) for i in range(1, 61)]
    rows[2]["status"] = "draft"
    rows[3]["application_deadline"] = (city_today() - timedelta(days=1)).isoformat()
    rows[4]["application_deadline"] = None
    rows[5]["title"] = "Katuvalaistus, KESÄHARJOITTELU 50% ajasta"
    rows[6]["tags"] = "älykäs valaistus;DALI"
    publish_openings(services.db, rows)
    visible = sorted(r["external_id"] for r in rows if r["external_id"] not in ("t-0003", "t-0004"))
    eventually(lambda: search_ids(client) == visible)
    return visible


REQUESTS = [
    {},
    {"kind": ["thesis"]},
    {"kind": ["thesis", "summer_job"], "unit": ["Geotekniikka"]},
    {"language": ["sv"]},
    {"level": ["master"], "language": ["fi", "en"]},
    {"unit": ["Liikenne_suunnittelu 100%"], "sort": ["deadline"]},
    {"sort": ["deadline"], "per_page": ["7"], "page": ["3"]},
    {"sort": ["newest"], "per_page": ["100"]},
]


@pytest.mark.parametrize("params", REQUESTS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()))
def test_database_answers_like_the_index(services, sixty, params):
    request = parse_request(params)
    today = city_today()
    index = services.search.search_index(request, today)
    database = DatabaseSearch(services.db).search(request, today)
    assert database.degraded and not index.degraded
    assert database.total == index.total
    assert database.facets == index.facets
    if request.sort == "deadline":
        deadlines = [h["application_deadline"] or "9999" for h in database.hits]
        assert deadlines == [h["application_deadline"] or "9999" for h in index.hits]
    if request.per_page >= database.total:
        assert sorted(h["id"] for h in database.hits) == sorted(h["id"] for h in index.hits)
    for ours, theirs in zip(database.hits, index.hits, strict=False):
        assert ours.keys() == theirs.keys()


WORD_CASES = [
    ("kesäharjoittelu", {"t-0006"}),  # case-insensitive beyond ASCII: KESÄ… in the title
    ("KATUVALAISTUS kesäharjoittelu", {"t-0006"}),  # every word must match
    ("kesäharjoittelu geotekniikka", set()),  # t-0006 is in another unit
    ("valaistus", {"t-0006", "t-0007"}),  # compound part; and a tag
    ("dali", {"t-0007"}),  # a tag, case-insensitively
    ("50% ajasta", {"t-0006"}),  # % is no wildcard; "50" begins words of t-0050 too
    ("kesähar", {"t-0006"}),  # the last form is a prefix, for as-you-type
    ("arjoittelu", set()),  # but words match from their start, not as substrings
    ("'; DROP TABLE opportunities; --", set()),
]


def test_words_match_honestly(services, sixty):
    search = DatabaseSearch(services.db)

    def found(q: str) -> set[str]:
        result = search.search(parse_request({"q": [q], "per_page": ["100"]}), city_today())
        assert result.total == len(result.hits)
        return {h["external_id"] for h in result.hits}

    for q, expected in WORD_CASES:
        assert found(q) == expected, q
    assert found("puisto\x00") == set()  # a NUL matches nothing, and is no error on PostgreSQL
    # _ is a word character, as in the index; unit names are searched.
    assert found("liikenne_suunnittelu") == expected_unit(sixty, UNITS[2])
    assert found("%") == set(sixty)  # no word at all: every opening, as an empty query


def expected_unit(visible, unit):
    return {r for r in visible if UNITS[int(r[2:]) % 3] == unit}


def test_highlights_and_title_first(services, sixty):
    result = DatabaseSearch(services.db).search(parse_request({"q": ["valaistus"]}), city_today())
    assert result.hits[0]["external_id"] == "t-0006"  # title match ranks before a tag match
    assert "\x02valaistus\x03" in result.hits[0]["title_highlight"]


def test_finnish_base_forms_when_the_analyzer_is_there(services, sixty):
    # "katuvalaistuksen" (of street lighting) is no substring of "Katuvalaistus"; its base form is.
    request = parse_request({"q": ["katuvalaistuksen"]})
    analysed = DatabaseSearch(services.db, get_analyzer()).search(request, city_today())
    assert {h["external_id"] for h in analysed.hits} == {"t-0006"}
    assert not DatabaseSearch(services.db).search(request, city_today()).hits


def test_api_answers_degraded_when_meilisearch_is_unreachable(settings, engine):
    publish_openings(engine, [record(i) for i in range(1, 6)])
    with TestClient(create_app(replace(settings, meili_url=dead_url()))) as client:
        body = client.get("/api/v1/search", params={"q": "avoin tehtävä"}).json()
        assert body["degraded"] is True
        assert {h["external_id"] for h in body["hits"]} == {"t-0001", "t-0002", "t-0004", "t-0005"}
        assert body["facets"]["kind"]
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["search"] == "degraded"
        # Writes still succeed; the outbox keeps them.
        publish_openings(client.app.state.services.db, [record(7)])
        assert "t-0007" in search_ids(client)
        eventually(lambda: client.get("/readyz").json()["outbox"]["failing"] >= 1)


def test_a_hung_server_costs_one_timeout_then_the_breaker_answers_at_once(settings, engine):
    publish_openings(engine, [record(i) for i in range(1, 4)])
    with hung_server() as url:
        client = SearchClient(url, "key")
        search = SearchEngine(client, settings.meili_index, fallback=DatabaseSearch(engine))
        request = parse_request({})
        started = time.monotonic()
        first = search.search(request)
        first_took = time.monotonic() - started
        started = time.monotonic()
        for _ in range(20):
            assert search.search(request).total == 3
        rest_took = time.monotonic() - started
        client.close()
    assert first.degraded and first.total == 3
    assert 1.5 < first_took < 4
    assert rest_took < 10, "the breaker must send requests straight to the database, not wait 2 s each"


def test_the_breakers_trial_against_a_hung_server_costs_a_health_probe_not_a_timeout(settings, engine):
    publish_openings(engine, [record(i) for i in range(1, 4)])
    with hung_server() as url:
        client = SearchClient(url, "key")
        search = SearchEngine(client, settings.meili_index, fallback=DatabaseSearch(engine),
                              breaker=CircuitBreaker(cooldown=0.2))
        search.breaker.failed()
        time.sleep(0.25)  # the cooldown is over: the next search is the trial
        started = time.monotonic()
        trial = search.search(parse_request({}))
        took = time.monotonic() - started
        client.close()
    assert trial.degraded and trial.total == 3
    assert took < 1.0, f"the trial waited {took:.2f} s"
    assert search.breaker.is_open


def test_breaker_tries_the_index_again_after_the_cooldown(services, sixty):
    search = services.search
    search.breaker.failed()
    assert search.search(parse_request({})).degraded
    search.breaker.cooldown = 0.2
    search.breaker.failed()
    time.sleep(0.25)
    assert not search.search(parse_request({})).degraded
    assert not search.breaker.is_open
