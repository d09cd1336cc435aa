"""`serve --workers N`: several app processes behind one port, for more than one core.

The parent process starts what must exist once: the managed Meilisearch (and its
supervisor), the outbox indexer and the scheduled jobs with the mail sender. The workers are
started by uvicorn; they learn the search server's URL and key from the environment, as they
would for an external server, and only answer requests. Each keeps its own answer cache,
which follows the index version the parent's indexer bumps in the database (polled every
0.25 s).
"""

from __future__ import annotations

import os

import uvicorn
from litestar import Litestar

from opportunity_bank.app import connect_search, create_app, start_indexer, start_scheduler
from opportunity_bank.db import make_engine
from opportunity_bank.settings import PREFIX, Settings
from opportunity_bank.web.memory import MemoryTrimmer


def worker_app() -> Litestar:
    """The app factory uvicorn calls in each worker process."""
    return create_app(Settings.from_env(), run_indexer=False)


def serve_workers(settings: Settings, workers: int, **options) -> None:
    db = make_engine(settings)
    server, search = connect_search(settings, db, publish=True)
    indexer = start_indexer(db, search, server)
    scheduler = start_scheduler(settings, db, search)
    trimmer = MemoryTrimmer()  # the indexer's batches are the parent's big allocations
    trimmer.start()
    os.environ[PREFIX + "MEILI_URL"] = server.url
    os.environ[PREFIX + "MEILI_MASTER_KEY"] = server.key or ""
    try:
        uvicorn.run("opportunity_bank.web.workers:worker_app", factory=True, workers=workers, **options)
    finally:
        if scheduler:
            scheduler.stop()
        trimmer.stop()
        indexer.stop(flush=True)
        search.client.close()
        db.dispose()
        server.stop()
