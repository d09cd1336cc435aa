"""`opportunity-bank search check [--fix]` finds and repairs what differs from the database."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import select

from opportunity_bank.db import session_scope
from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.search.query import parse_request
from opportunity_bank.search.rebuild import searchable_batches
from tests.faults import eventually, openings, publish_openings, run_cli


def test_check_reports_and_fixes_missing_extra_and_stale(settings, services):
    publish_openings(services.db, openings(1, 12))
    search = services.search
    eventually(lambda: search.search(parse_request({})).total == 12 and search.document_count() == 12)
    clean = run_cli(settings, "search", "check")
    assert clean.returncode == 0, clean.stderr
    assert "database 12 searchable, index 12: missing 0, extra 0, stale 0" in clean.stdout

    services.indexer.stop(flush=False)  # nothing may repair behind the command's back
    ids = sorted(h["id"] for h in search.search(parse_request({})).hits)
    missing, stale_in_index, stale_in_db = ids[0], ids[1], ids[2]
    search.apply([], [missing])
    rows = {o.id: (o, unit) for batch in searchable_batches(services.db, city_today(), 100)
            for o, unit in batch}
    document = {**search.documents_for([rows[stale_in_index]])[0], "title": "Vanha"}
    extra = {**document, "id": 999_999, "url": "/opportunities/999999"}
    search.apply([document, extra], [])
    with services.db.begin() as connection:  # a change that bypassed the application
        connection.execute(text("UPDATE opportunities SET title = 'Uusi otsikko' WHERE id = :id"),
                           {"id": stale_in_db})

    found = run_cli(settings, "search", "check")
    assert found.returncode == 1
    assert "missing 1, extra 1, stale 2" in found.stdout
    assert f"missing: {missing}" in found.stdout and "extra: 999999" in found.stdout
    assert f"stale: {min(stale_in_index, stale_in_db)}, {max(stale_in_index, stale_in_db)}" in found.stdout

    fixed = run_cli(settings, "search", "check", "--fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "now database 12 searchable, index 12: missing 0, extra 0, stale 0" in fixed.stdout
    hits = search.search(parse_request({"q": ["Uusi otsikko"]})).hits
    assert [h["id"] for h in hits] == [stale_in_db]
    assert search.search(parse_request({"q": ["Vanha"]})).total == 0


def test_commands_say_plainly_when_meilisearch_does_not_answer(settings):
    from dataclasses import replace

    from tests.faults import dead_url

    url = dead_url()
    for command in (("reindex",), ("search", "check")):
        done = run_cli(replace(settings, meili_url=url), *command)
        assert done.returncode == 2, done.stderr
        assert f"opportunity-bank: Meilisearch at {url}:" in done.stderr
        assert "Traceback" not in done.stderr


def test_check_counts_changes_still_queued_in_the_outbox_as_no_difference(settings, services):
    publish_openings(services.db, openings(1, 3))
    search = services.search
    eventually(lambda: search.document_count() == 3 and services.indexer.drain() == 0)
    services.indexer.stop(flush=False)
    # Changed through the application: the outbox holds the change, the index the old title.
    with session_scope(services.db) as session:
        session.exec(select(Opportunity).where(Opportunity.external_id == "t-0001")).one().title = "Uusi"
    publish_openings(services.db, openings(4, 1))
    done = run_cli(settings, "search", "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert ("database 4 searchable, index 3: missing 0, extra 0, stale 0 "
            "(2 more queued for indexing)") in done.stdout
