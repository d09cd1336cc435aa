"""The outbox indexer: failures recorded, retried and shown; duplicates harmless; claims disjoint."""

from __future__ import annotations

import threading

import pytest
from sqlmodel import Session, func, select

from opportunity_bank.accounts.tokens import create_token
from opportunity_bank.accounts.users import add_user
from opportunity_bank.db import session_scope
from opportunity_bank.models import Opportunity, OutboxEntry, utcnow
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.indexer import OutboxIndexer
from opportunity_bank.search.query import parse_request
from tests.faults import eventually, openings, publish_openings
from tests.helpers import wait_until


def token_for(engine, role: str) -> str:
    with session_scope(engine) as session:
        user = add_user(session, f"{role}@espoo.fi", role, "a-long-enough-password", None)
        return create_token(session, user)


def test_failed_tasks_are_recorded_retried_and_shown_to_admins(settings, meili):
    # An index someone created with another primary key refuses our documents.
    # The operator's own client waits out a stall of a starved server (below), as a person would.
    admin_client = SearchClient(meili.url, meili.master_key, timeout=90)
    admin_client.wait_for_task(
        admin_client.create_index(settings.meili_index, {"primaryKey": "external_id"}).task_uid,
        timeout_in_ms=90_000,
    )
    from litestar.testing import TestClient

    from opportunity_bank.app import create_app

    with TestClient(create_app(settings)) as client:
        services = client.app.state.services
        publish_openings(services.db, openings(1, 3))
        admin = {"Authorization": f"Bearer {token_for(services.db, 'admin')}"}
        assert client.get("/api/v1/admin/status").status_code == 401
        hr = {"Authorization": f"Bearer {token_for(services.db, 'hr')}"}
        assert client.get("/api/v1/admin/status", headers=hr).status_code == 403

        def failing() -> list:
            return client.get("/api/v1/admin/status", headers=admin).json()["outbox"]["failing_entries"]

        entries = eventually(lambda: len(failing()) == 3 and failing())
        assert all(e["attempts"] >= 1 and "primary" in e["last_error"].lower() for e in entries)
        status = client.get("/api/v1/admin/status", headers=admin).json()
        assert status["outbox"]["pending"] == 3 and status["outbox"]["oldest_pending_age_seconds"] >= 0
        assert status["search"]["healthy"] is True
        # Retried with growing pauses, not dropped.
        eventually(lambda: min(e["attempts"] for e in failing()) >= 2)
        ready = client.get("/readyz").json()
        assert ready["outbox"]["failing"] == 3

        # The operator removes the stray index; the next check rebuilds it and the entries go.
        admin_client.wait_for_task(admin_client.delete_index(settings.meili_index).task_uid,
                                  timeout_in_ms=90_000)
        services.indexer.search_restarted()
        # On a starved machine Meilisearch was seen to take 30 s over an index deletion and to
        # leave requests unanswered meanwhile, a client timeout's worth: room for one such stall.
        wait_until(lambda: client.get("/readyz").json()["outbox"]["pending"] == 0, timeout=90)
        body = client.get("/api/v1/search", params={"kind": "thesis"}).json()
        assert body["degraded"] is False and body["total"] == 1
        assert client.get("/api/v1/admin/status", headers=admin).json()["search"]["documents"] == 3
    admin_client.close()


def test_duplicate_and_stray_entries_are_harmless(settings, engine, meili):
    from opportunity_bank.search.engine import SearchEngine

    search = SearchEngine(SearchClient(meili.url, meili.master_key), settings.meili_index)
    search.ensure_index()
    indexer = OutboxIndexer(engine, search, batch_size=7)
    publish_openings(engine, openings(1, 5))
    now = utcnow()
    with session_scope(engine) as session:
        ids = session.exec(select(Opportunity.id)).all()
        extra = [OutboxEntry(opportunity_id=i, created_at=now, available_at=now) for i in ids * 4]
        session.add_all([*extra, OutboxEntry(opportunity_id=987_654, created_at=now, available_at=now)])
    assert indexer.drain() == 5 + 20 + 1
    assert search.search(parse_request({})).total == 5
    with session_scope(engine) as session:
        first = session.get(Opportunity, min(ids))
        first.status = "closed"
        session.add_all(OutboxEntry(opportunity_id=first.id, created_at=now, available_at=now)
                        for _ in range(3))
    indexer.drain()
    assert search.search(parse_request({})).total == 4
    with Session(engine) as session:
        assert session.exec(select(func.count(OutboxEntry.id))).one() == 0
    search.client.close()


def test_concurrent_indexers_claim_disjoint_entries(settings, engine, meili):
    from opportunity_bank.search.engine import SearchEngine

    publish_openings(engine, openings(1, 300))
    search = SearchEngine(SearchClient(meili.url, meili.master_key), settings.meili_index)
    indexers = [OutboxIndexer(engine, search, batch_size=40) for _ in range(4)]
    claims: list[list[int]] = [[] for _ in indexers]
    barrier = threading.Barrier(len(indexers))

    def claim_all(n: int) -> None:
        barrier.wait()
        while batch := indexers[n]._claim():
            claims[n].extend(entry.id for entry in batch)

    threads = [threading.Thread(target=claim_all, args=(n,)) for n in range(len(indexers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    every = [entry_id for claim in claims for entry_id in claim]
    assert len(every) == len(set(every)) == 300
    search.client.close()


def test_students_searches_can_use_a_search_only_key(settings, meili):
    from dataclasses import replace

    from litestar.testing import TestClient
    from meilisearch.errors import MeilisearchApiError

    from opportunity_bank.app import create_app

    master = SearchClient(meili.url, meili.master_key)
    key = master.create_key({"actions": ["search"], "indexes": [settings.meili_index], "expiresAt": None})
    app = create_app(replace(settings, meili_search_key=key.key))
    with TestClient(app) as client:
        services = app.state.services
        publish_openings(services.db, openings(1, 4))

        def found() -> tuple[int, bool]:
            body = client.get("/api/v1/search").json()
            return body["total"], body["degraded"]

        eventually(lambda: found() == (4, False))
        with pytest.raises(MeilisearchApiError) as refused:
            services.search.reader.index(settings.meili_index).add_documents([{"id": 1}])
        assert refused.value.status_code == 403
    master.delete_key(key.key)
    master.close()


def test_the_documented_narrow_admin_key_is_enough(settings, engine, meili):
    """The key docs/operations.md tells operators to create: index, reindex, check."""
    from opportunity_bank.search import rebuild
    from opportunity_bank.search.engine import SearchEngine

    master = SearchClient(meili.url, meili.master_key)
    key = master.create_key({
        "actions": ["search", "documents.*", "indexes.*", "settings.*", "tasks.get", "stats.get"],
        "indexes": ["*"], "expiresAt": None,
    })
    publish_openings(engine, openings(1, 6))
    search = SearchEngine(SearchClient(meili.url, key.key), settings.meili_index)
    search.ensure_index()
    assert OutboxIndexer(engine, search).drain() == 6
    assert rebuild.reindex(search, engine) == 6
    assert rebuild.check(search, engine).clean
    search.client.close()
    master.delete_key(key.key)
    master.close()


def test_a_rebuild_queues_again_what_changed_while_it_ran(engine):
    """What changed after `since` goes back to the outbox, due now, and cached answers go stale."""
    from datetime import timedelta

    from opportunity_bank.search.rebuild import replay_changes_since
    from opportunity_bank.search.version import index_version

    publish_openings(engine, openings(1, 5))
    table = Opportunity.__table__
    with engine.begin() as connection:  # plain SQL: no outbox hook, no updated_at stamping
        for hours in range(1, 6):
            connection.execute(table.update().where(table.c.external_id == f"t-000{hours}")
                               .values(updated_at=utcnow() - timedelta(hours=hours)))
        connection.execute(OutboxEntry.__table__.delete())
    version = index_version(engine)
    assert replay_changes_since(engine, utcnow() - timedelta(hours=2, minutes=30)) == 2
    with Session(engine) as session:
        queued = session.exec(select(OutboxEntry)).all()
        wanted = session.exec(select(Opportunity.id)
                              .where(Opportunity.external_id.in_(["t-0001", "t-0002"]))).all()
    assert sorted(e.opportunity_id for e in queued) == sorted(wanted)
    assert all(e.attempts == 0 and e.last_error is None and e.available_at <= utcnow() for e in queued)
    assert index_version(engine) == version + 1


def test_an_idle_indexer_only_reads(settings, engine, meili):
    # Polled ten times a second on every server: with nothing due it must not open a write
    # transaction (a commit, on PostgreSQL a transaction id and WAL) each time.
    from sqlalchemy import event

    from opportunity_bank.search.engine import SearchEngine

    search = SearchEngine(SearchClient(meili.url, meili.master_key), settings.meili_index)
    search.ensure_index()
    indexer = OutboxIndexer(engine, search)
    publish_openings(engine, openings(1, 2))
    assert indexer.drain() == 2
    statements: list[str] = []

    def seen(_connection, _cursor, statement, *_args) -> None:
        statements.append(statement.lstrip().split()[0].upper())

    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert [indexer.drain_once() for _ in range(5)] == [0] * 5
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert statements and set(statements) == {"SELECT"}
    search.client.close()


def test_an_empty_index_whose_openings_are_all_queued_is_filled_not_rebuilt(settings, engine, meili):
    # Just after an import into a new bank: a rebuild would answer students from the
    # database meanwhile, and the indexer is about to send every opening anyway.
    from opportunity_bank.search.engine import SearchEngine
    from opportunity_bank.search.rebuild import heal, needs_rebuild

    search = SearchEngine(SearchClient(meili.url, meili.master_key), settings.meili_index)
    search.ensure_index()
    publish_openings(engine, openings(1, 3))
    assert needs_rebuild(search, engine) is None
    assert heal(search, engine) is False
    # One opening no entry will send: the index has lost it.
    with Session(engine) as session:
        session.delete(session.exec(select(OutboxEntry)).first())
        session.commit()
    assert needs_rebuild(search, engine) == "the index is empty while the database has searchable openings"
    assert heal(search, engine) is True
    assert search.document_count() == 3
