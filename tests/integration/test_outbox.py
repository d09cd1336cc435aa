"""Every change reaches search through the outbox; nothing is queued for what rolled back."""

from __future__ import annotations

import pytest
from sqlmodel import Session, func, select

from opportunity_bank.db import session_scope
from opportunity_bank.models import Opportunity, OutboxEntry
from opportunity_bank.opportunities.importer import import_file
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.indexer import OutboxIndexer, backoff_seconds, outbox_stats
from tests.helpers import record, search_ids, wait_until, write_jsonl


def pending(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count(OutboxEntry.id))).one()


def test_rolled_back_change_queues_nothing(engine, tmp_path):
    import_file(engine, write_jsonl(tmp_path / "a.jsonl", [record(1)]))
    before = pending(engine)
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        opening = session.exec(select(Opportunity)).one()
        opening.title = "Muutettu otsikko"
        session.flush()
        raise RuntimeError("abort")
    assert pending(engine) == before


def test_unpublishing_removes_the_document(client, services, tmp_path):
    import_file(services.db, write_jsonl(tmp_path / "a.jsonl", [record(1), record(2)]))
    wait_until(lambda: search_ids(client) == ["t-0001", "t-0002"])
    with session_scope(services.db) as session:
        opening = session.exec(select(Opportunity).where(Opportunity.external_id == "t-0002")).one()
        opening.status = "closed"
    wait_until(lambda: search_ids(client) == ["t-0001"])
    wait_until(lambda: pending(services.db) == 0)


def test_failed_delivery_stays_queued_with_backoff_and_is_retried(engine, settings, meili, tmp_path):
    from opportunity_bank.search.client import SearchClient

    import_file(engine, write_jsonl(tmp_path / "a.jsonl", [record(1)]))
    dead = SearchEngine(SearchClient("http://127.0.0.1:9", "x", timeout=1), settings.meili_index)
    with pytest.raises(Exception, match="Connection"):
        OutboxIndexer(engine, dead).drain_once()
    stats = outbox_stats(engine)
    assert stats.pending == 1 and stats.failing == 1
    live = SearchEngine(SearchClient(meili.url, meili.master_key), settings.meili_index)
    live.ensure_index()
    indexer = OutboxIndexer(engine, live)
    wait_until(lambda: indexer.drain_once() == 1, timeout=5)
    assert pending(engine) == 0
    assert live.document_count() == 1


def test_backoff_grows_and_is_capped():
    assert [backoff_seconds(n) for n in (1, 2, 3)] == [0.5, 1, 2]
    assert backoff_seconds(50) == 60
