"""`backup` and `restore` round trip: back up, wipe, restore, reindex, the same search results."""

from __future__ import annotations

from sqlalchemy import text

from opportunity_bank.operations.backup import libpq_url
from opportunity_bank.search.query import parse_request
from tests.faults import eventually, openings, publish_openings, run_cli

QUERIES = ({}, {"q": ["kesätyöntekijä"]}, {"kind": ["thesis"], "sort": ["deadline"]})


def answers(search) -> list:
    results = [search.search(parse_request({**q, "per_page": ["100"]})) for q in QUERIES]
    assert not any(r.degraded for r in results)
    # Ties (equal relevance, equal deadlines) have no defined order: compare the sets.
    return [(r.total, sorted(h["external_id"] for h in r.hits), r.facets) for r in results]


def test_backup_wipe_restore_reindex_gives_the_same_answers(settings, services, tmp_path):
    publish_openings(services.db, openings(1, 30))
    eventually(lambda: services.search.search(parse_request({})).total == 30)
    before = answers(services.search)

    saved = run_cli(settings, "backup", str(tmp_path / "backups" / "bank.backup"))
    assert saved.returncode == 0, saved.stderr
    assert (tmp_path / "backups" / "bank.backup").stat().st_size > 0
    assert not list((tmp_path / "backups").glob("*.partial"))

    with services.db.begin() as connection:
        for table in ("search_outbox", "opportunities", "units"):
            connection.execute(text(f"DELETE FROM {table}"))  # noqa: S608 (fixed names)
    publish_openings(services.db, openings(500, 3))  # must be gone after the restore

    refused = run_cli(settings, "restore", str(tmp_path / "backups" / "bank.backup"))
    assert refused.returncode == 2 and "--yes" in refused.stderr
    restored = run_cli(settings, "restore", str(tmp_path / "backups" / "bank.backup"), "--yes")
    assert restored.returncode == 0, restored.stderr
    reindexed = run_cli(settings, "reindex")
    assert reindexed.returncode == 0, reindexed.stderr
    after = answers(services.search)
    assert after == before


def test_restore_refuses_a_file_that_is_not_a_backup_of_this_database(settings, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    done = run_cli(settings, "restore", str(bogus), "--yes")
    assert done.returncode == 2 and "is not a" in done.stderr


def test_libpq_url_keeps_the_password_off_the_command_line():
    url, password = libpq_url("postgresql+psycopg://bank:s3cr%40t@db.example:5432/bank?sslmode=require")
    assert url == "postgresql://bank@db.example:5432/bank?sslmode=require"
    assert password == "s3cr@t"
