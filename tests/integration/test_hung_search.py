"""Hostile: Meilisearch stops answering (SIGSTOP, a socket that accepts and never answers).

Search must stay fast and good from the database, the supervisor must replace a hung managed
server, a killed indexer must not hold its outbox claims for long, and a query Meilisearch
refuses is our bug, not an outage. Loopback only; every wait is bounded.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace

from litestar.testing import TestClient
from sqlmodel import Session, select

from opportunity_bank.app import create_app
from opportunity_bank.models import OutboxEntry, utcnow
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.fallback import DatabaseSearch
from opportunity_bank.search.managed import ManagedMeilisearch, Supervisor
from opportunity_bank.search.query import parse_request
from tests.faults import ROOT, dead_url, eventually, hung_server, managed_settings, openings, publish_openings
from tests.helpers import record, wait_until


def stopped(pid: int):
    """SIGSTOP a process; SIGCONT it on the way out if it is still there."""
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)


def test_a_stopped_managed_meilisearch_is_replaced_while_the_database_answers(settings, engine):
    publish_openings(engine, [*openings(1, 9), record(10, title="Puistotyöntekijä kesäksi")])
    with TestClient(create_app(managed_settings(settings))) as client:
        services = client.app.state.services
        managed = services.search_server.managed

        def ask(q: str) -> tuple[float, dict]:
            started = time.monotonic()
            body = client.get("/api/v1/search", params={"q": q, "per_page": 50}).json()
            return time.monotonic() - started, body

        # A first index build on a busy machine may take a while.
        def indexed() -> bool:
            body = ask("puistotyöntekijä")[1]
            return not body["degraded"] and "t-0010" in {h["external_id"] for h in body["hits"]}

        wait_until(indexed, timeout=90)
        old_pid = managed.pid
        with contextlib.contextmanager(stopped)(old_pid):
            first_took, first = ask("kesätyöntekijöitä")  # a form no title has, a base form some
            later = [ask(q) for q in ("puistotyöntekijöitä", "avoimia tehtäviä", "kesäksi")]
            assert first["degraded"] and first["total"] == 3, first
            assert first_took < 3, "one search timeout at most"
            assert all(body["degraded"] for _, body in later)
            assert [body["total"] for _, body in later] == [1, 6, 10]  # kesäksi: the tag kesä
            assert max(took for took, _ in later) < 1, "the breaker must skip the hung server"
            # Replaced: killed and started again on the same data, answering undegraded.
            eventually(lambda: managed.pid not in (None, old_pid))
        eventually(lambda: not ask("kesätyöntekijöitä")[1]["degraded"])
        assert indexed()


def test_database_answers_are_shared_for_seconds_only_while_the_breaker_is_open(settings, engine):
    publish_openings(engine, openings(1, 3))
    with TestClient(create_app(replace(settings, meili_url=dead_url()))) as client:
        answers = client.app.state.services.answers
        first = client.get("/api/v1/search", params={"q": "avoin"}).json()
        fetched = answers.fetches
        assert client.get("/api/v1/search", params={"q": "avoin"}).json() == first
        assert answers.fetches == fetched and first["degraded"] and first["total"] == 2
        client.app.state.services.search.breaker.succeeded()  # as if the index answered again
        client.get("/api/v1/search", params={"q": "avoin"})
        assert answers.fetches == fetched + 1


def test_supervisor_kills_and_restarts_a_server_that_stops_answering(tmp_path):
    restarted = threading.Event()
    with ManagedMeilisearch(tmp_path / "data") as server, Supervisor(
            server, interval=0.2, health_timeout=0.5, hung_after=2,
            on_restart=lambda _server: restarted.set()):
        old_pid = server.pid
        with contextlib.contextmanager(stopped)(old_pid):
            started = time.monotonic()
            assert restarted.wait(20), "the hung server was not replaced"
        assert 2 <= time.monotonic() - started < 20
        assert server.pid not in (None, old_pid) and server.is_alive()
        time.sleep(1)  # a healthy server is left alone
        assert server.pid is not None and restarted.is_set()


def test_the_fallback_refuses_at_once_beyond_its_cap(settings, engine, caplog):
    publish_openings(engine, openings(1, 3))
    fallback = DatabaseSearch(engine, max_concurrent=1, queue_seconds=0.1)
    with hung_server() as url, TestClient(create_app(settings)) as client:
        services = client.app.state.services
        services.search.fallback = fallback
        services.search.client = services.search.reader = SearchClient(url, "key")
        services.search.breaker.failed()
        assert client.get("/api/v1/search", params={"q": "avoin"}).json()["total"] == 2
        assert fallback._slots.acquire(timeout=1)  # one question holds the only place
        try:
            started = time.monotonic()
            refused = client.get("/api/v1/search", params={"q": "tehtävä"})
            assert time.monotonic() - started < 1
        finally:
            fallback._slots.release()
        assert refused.status_code == 503 and refused.headers["retry-after"] == "1"
        assert "try again" in refused.json()["detail"]
        assert client.get("/api/v1/search", params={"q": "tehtävä"}).json()["total"] == 2


def test_a_query_meilisearch_refuses_is_logged_as_a_bug_and_keeps_the_breaker_closed(
        settings, engine, meili, caplog):
    publish_openings(engine, openings(1, 4))
    client = SearchClient(meili.url, meili.master_key)
    # An index without our settings: filtering on kind is refused with a 400.
    client.create_index(settings.meili_index, {"primaryKey": "id"})
    search = SearchEngine(client, settings.meili_index, fallback=DatabaseSearch(engine))
    eventually(lambda: settings.meili_index in {i.uid for i in client.get_indexes()["results"]})
    with caplog.at_level(logging.ERROR, logger="opportunity_bank.search.engine"):
        answer = search.search(parse_request({"kind": ["thesis"]}))
    assert answer.degraded and answer.total == 1
    assert not search.breaker.is_open, "our own bad query is no outage"
    assert any("BUG" in r.getMessage() and r.exc_info for r in caplog.records)
    client.close()


INDEXER = """
import sys
from opportunity_bank import db
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.indexer import OutboxIndexer
from opportunity_bank.settings import Settings

engine = db.make_engine(Settings(database_url=sys.argv[1]))
search = SearchEngine(SearchClient(sys.argv[2], "key"), "hung")
OutboxIndexer(engine, search, lease_seconds=float(sys.argv[3])).drain_once()
"""


def claimed_until(engine) -> list:
    with Session(engine) as session:
        return [e.available_at for e in session.exec(select(OutboxEntry)).all()]


def test_a_killed_indexer_leaves_its_claims_for_seconds_while_a_working_one_renews_them(
        settings, engine):
    lease = 2.0
    publish_openings(engine, openings(1, 5))
    with hung_server() as url:
        worker = subprocess.Popen(
            [sys.executable, "-c", INDEXER, settings.database_url, url, str(lease)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        try:
            eventually(lambda: all(t > utcnow() for t in claimed_until(engine)))
            time.sleep(lease * 2)  # the batch waits on the hung server, past its first lease
            assert all(t > utcnow() for t in claimed_until(engine)), "the claim was not renewed"
            worker.kill()
            killed_at = utcnow()
        finally:
            worker.kill()
            worker.wait(10)
    eventually(lambda: all(t <= utcnow() for t in claimed_until(engine)))
    assert (utcnow() - killed_at).total_seconds() < lease + 2
