"""When nothing is found: "did you mean" on the page and in the API, and the count of such
searches that `opportunity-bank search misses` prints (real app, Meilisearch and database)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from opportunity_bank.models import SearchMiss
from opportunity_bank.opportunities.importer import import_file
from opportunity_bank.search.misses import add_misses, miss_report
from tests.faults import run_cli
from tests.helpers import record, search_ids, wait_until, write_jsonl


@pytest.fixture
def parks(client, services, tmp_path):
    rows = [record(i, title=f"Puistotyöntekijä {i}", kind="summer_job") for i in range(1, 4)]
    rows.append(record(4, title="Praktikant inom trafikplanering", kind="internship",
                       languages="sv", description="Trafikmodeller och korsningar."))
    assert import_file(services.db, write_jsonl(tmp_path / "parks.jsonl", rows)).written
    wait_until(lambda: len(search_ids(client)) == 4)


def test_the_api_offers_a_correction_that_finds_something(client, parks):
    answer = client.get("/api/v1/search", params={"q": "dravikplanering"}).json()
    assert answer["total"] == 0
    assert answer["suggestion"] == "trafikplanering"
    assert client.get("/api/v1/search", params={"q": "trafikplanering"}).json()["total"] == 1


@pytest.mark.parametrize("query", [
    "xqzv",        # nothing close to it
    "stormwatr",   # "stormwater" is a domain word, but no opening has it
])
def test_no_correction_without_one_that_finds_something(client, parks, query):
    answer = client.get("/api/v1/search", params={"q": query}).json()
    assert answer["total"] == 0
    assert answer["suggestion"] is None


def test_a_search_that_finds_something_gets_no_correction(client, parks):
    answer = client.get("/api/v1/search", params={"q": "puistotyöntekijä"}).json()
    assert answer["total"] == 3 and answer["suggestion"] is None


def test_the_page_links_to_the_correction_in_the_readers_language(client, parks):
    page = client.get("/", params={"q": "dravikplanering"}).text
    assert "No open openings match your search" in page
    assert "Did you mean" in page and 'href="/?q=trafikplanering"' in page
    assert "Tarkoititko" in client.get("/", params={"q": "dravikplanering", "lang": "fi"}).text
    assert "Did you mean" not in client.get("/", params={"q": "xqzv"}).text


def test_searches_that_found_nothing_are_counted_without_personal_data(client, services, parks):
    for query in ("lumenpoisto", "LUMENPOISTO ", "matti virtanen", "anna@example.org", "lumenpoisto"):
        assert client.get("/api/v1/search", params={"q": query}).json()["total"] == 0
    client.get("/", params={"q": "lumenpoisto"})
    client.get("/", params={"q": "lumenpoisto"})  # the kept page is counted too
    client.get("/api/v1/search", params={"q": "lumenpoisto", "kind": "thesis"})  # filtered
    client.get("/api/v1/search", params={"q": "puistotyöntekijä"})  # found something
    client.get("/feeds/opportunities.atom", params={"q": "lumenpoisto"})  # feeds are machines
    services.answers.misses.flush()
    assert dict(miss_report(services.db, 1)) == {"lumenpoisto": 5, "": 2}
    with Session(services.db) as session:
        rows = session.exec(select(SearchMiss)).all()
    assert {row.query for row in rows} == {"lumenpoisto", ""}


def test_counts_add_up_across_flushes_and_days(services):
    today = date(2027, 3, 1)
    add_misses(services.db, {(today, "lumenpoisto"): 2})
    add_misses(services.db, {(today, "lumenpoisto"): 3, (today - timedelta(days=1), "auraus"): 1})
    add_misses(services.db, {(today - timedelta(days=40), "vanha"): 9})
    assert miss_report(services.db, 30, today) == [("lumenpoisto", 5), ("auraus", 1)]
    assert miss_report(services.db, 1, today) == [("lumenpoisto", 5)]


def test_the_misses_command_prints_the_counts(settings, engine):
    from opportunity_bank.opportunities.lifecycle import city_today

    add_misses(engine, {(city_today(), "lumenpoisto"): 4, (city_today(), ""): 1})
    done = run_cli(settings, "search", "misses", "--days", "7")
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out[0] == "5 searches found nothing in the last 7 days"
    assert out[1].split() == ["4", "lumenpoisto"]
    assert out[2].split() == ["1", "(withheld)"]


@pytest.mark.parametrize("days", ["0", "x"])
def test_the_misses_command_refuses_a_bad_number_of_days(settings, days):
    done = run_cli(settings, "search", "misses", "--days", days)
    assert done.returncode == 2
    assert "whole number of days" in done.stderr
