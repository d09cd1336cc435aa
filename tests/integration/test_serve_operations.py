"""`serve` as a real process with its managed Meilisearch, and the command line beside it."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from dataclasses import replace

import httpx
from sqlmodel import Session, func, select

from opportunity_bank.models import Opportunity, OutboxEntry
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.managed import ManagedMeilisearch, load_or_create_master_key
from opportunity_bank.search.runtime import server_file
from tests.faults import Serve, eventually, managed_settings, openings, publish_openings, run_cli
from tests.helpers import write_jsonl


def total(serve: Serve, **params) -> tuple[int, bool]:
    body = httpx.get(f"{serve.url}/api/v1/search", params=params, timeout=10).json()
    return body["total"], body["degraded"]


def count(engine, model) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count(model.id))).one()


def test_cli_beside_serve_shares_its_search_and_shutdown_flushes(settings, engine, tmp_path):
    managed = managed_settings(settings)
    serve = Serve(managed, tmp_path / "serve.log")
    try:
        published = json.loads(server_file(managed).read_text())
        publish_openings(engine, openings(1, 20))
        eventually(lambda: total(serve) == (20, False))

        # The service and the command line write the same database at the same time.
        big = write_jsonl(tmp_path / "big.jsonl", openings(1001, 1500))
        writer = threading.Thread(
            target=lambda: [publish_openings(engine, openings(i, 1)) for i in range(21, 51)]
        )
        writer.start()
        imported = run_cli(managed, "import", str(big))
        writer.join()
        assert imported.returncode == 0, imported.stderr
        assert count(engine, Opportunity) == 1550

        reindexed = run_cli(managed, "reindex")
        assert reindexed.returncode == 0, reindexed.stderr
        assert f"using the Meilisearch of the running service at {published['url']}" in reindexed.stderr
        assert "reindexed 1550 searchable openings" in reindexed.stdout
        eventually(lambda: total(serve) == (1550, False), timeout=30)

        refused = run_cli(managed, "restore", str(big), "--yes")
        assert refused.returncode == 2 and "stop it first" in refused.stderr

        # Changes written just before SIGTERM are flushed to the index on the way out.
        publish_openings(engine, openings(5001, 5))
    finally:
        code = serve.stop()
    log = serve.log()
    # uvicorn re-raises the SIGTERM it handled once it has shut down cleanly.
    assert code in (0, -signal.SIGTERM) and "Application shutdown complete" in log, log
    assert count(engine, OutboxEntry) == 0
    assert not server_file(managed).exists()
    assert load_or_create_master_key(managed.data_dir) not in log
    with ManagedMeilisearch(managed.data_dir) as meili:
        client = SearchClient(meili.url, meili.master_key)
        assert client.index(managed.meili_index).get_stats().number_of_documents == 1555
        client.close()


def test_sigterm_lets_a_request_in_flight_finish(settings, engine, tmp_path):
    """A search waiting on a frozen Meilisearch is in flight when SIGTERM arrives; it still
    gets its (degraded) answer before the process exits."""
    with ManagedMeilisearch(tmp_path / "own-meili") as meili:
        serve = Serve(replace(settings, meili_url=meili.url, meili_master_key=meili.master_key),
                      tmp_path / "serve.log")
        publish_openings(engine, openings(1, 3))
        answers: list[httpx.Response] = []
        os.kill(meili.pid, signal.SIGSTOP)
        try:
            asking = threading.Thread(target=lambda: answers.append(
                httpx.get(f"{serve.url}/api/v1/search", timeout=30)))
            asking.start()
            time.sleep(0.5)
            serve.process.send_signal(signal.SIGTERM)
            asking.join(30)
        finally:
            os.kill(meili.pid, signal.SIGCONT)
        code = serve.stop()
    assert answers and answers[0].status_code == 200, serve.log()
    assert answers[0].json()["degraded"] is True and answers[0].json()["total"] == 3
    assert code in (0, -signal.SIGTERM)

