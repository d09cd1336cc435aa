"""Starting and stopping what a running service needs: search, indexer, caches, HTTP server.

`create_app` only wires routes; its lifespan calls :func:`start_services` and
:func:`stop_services` here. :func:`serve` runs the HTTP server, in one process or, with
``--workers N``, as a parent that owns what must exist once (the managed Meilisearch and
its supervisor, the outbox indexer, the scheduled jobs and the mail sender) and N worker
processes that only answer requests.
Each worker keeps its own answer cache, which follows the index version the parent's
indexer bumps in the database (polled every 0.25 s).
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace

import anyio
import uvicorn
from litestar import Litestar
from sqlalchemy.engine import Engine

from opportunity_bank.children import die_with_parent
from opportunity_bank.db import make_engine
from opportunity_bank.jobs.scheduler import Scheduler, standard_jobs
from opportunity_bank.search.analysis import get_analyzer
from opportunity_bank.search.cache import CachedSearch
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.fallback import DatabaseSearch
from opportunity_bank.search.indexer import OutboxIndexer
from opportunity_bank.search.runtime import SearchServer
from opportunity_bank.settings import Settings
from opportunity_bank.web.memory import MemoryTrimmer
from opportunity_bank.web.services import Services

log = logging.getLogger(__name__)
# After SIGTERM: requests in flight get this long to finish, the indexer INDEXER_STOP_SECONDS
# to finish its batch and flush what is queued (the rest stays in the outbox), Meilisearch a
# second or two to stop; all of it within the 10 s a container runtime waits before SIGKILL.
GRACE_SECONDS = 5
INDEXER_STOP_SECONDS = 3


def connect_search(settings: Settings, db: Engine, *, publish: bool) -> tuple[SearchServer, SearchEngine]:
    """The search server (managed or external) and the engine in front of it.

    `publish` writes the managed server's address to DATA_DIR for the command line to find;
    only the process that owns the server does that.
    """
    server = SearchServer.start(settings, publish=publish)
    client = SearchClient(server.url, server.key)
    search = SearchEngine(
        client, settings.meili_index, get_analyzer(settings.voikko_path), fallback=DatabaseSearch(db),
        search_key=settings.meili_search_key if settings.meili_url else None,
    )
    try:
        search.ensure_index()
    except Exception as error:
        # Students still get answers from the database; the indexer keeps retrying.
        log.warning("search index not ready at start-up: %s", error)
    return server, search


def start_indexer(db: Engine, search: SearchEngine, server: SearchServer,
                  on_indexed: Callable[[int], object] | None = None) -> OutboxIndexer:
    indexer = OutboxIndexer(db, search, on_indexed=on_indexed)
    server.restart_listeners.append(indexer.search_restarted)
    indexer.start()
    return indexer


def start_scheduler(settings: Settings, db: Engine, search: SearchEngine) -> Scheduler | None:
    """Scheduled jobs and the mail sender, in the process that also runs the indexer."""
    if not settings.jobs:
        return None
    scheduler = Scheduler(settings, db, standard_jobs(db, search))
    scheduler.start()
    return scheduler


def start_services(settings: Settings, run_indexer: bool = True) -> Services:
    db = make_engine(settings)
    server, search = connect_search(settings, db, publish=run_indexer)
    answers = CachedSearch(search, db)
    answers.start()
    indexer = start_indexer(db, search, server, answers.version.advance) if run_indexer else None
    trimmer = MemoryTrimmer()
    trimmer.start()
    scheduler = start_scheduler(settings, db, search) if run_indexer else None
    return Services(settings=settings, db=db, search=search, indexer=indexer, answers=answers,
                    search_server=server, memory=trimmer, scheduler=scheduler)


def stop_services(services: Services) -> None:
    if services.scheduler:
        services.scheduler.stop()
    if services.indexer:
        services.indexer.stop(flush=True, timeout=INDEXER_STOP_SECONDS)
    services.answers.stop()
    services.memory.stop()
    services.search.client.close()
    services.db.dispose()
    if services.search_server:
        services.search_server.stop()


def lifespan(settings: Settings, *,
             run_indexer: bool) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    """The app's lifespan: services started before the first request, stopped after the last."""

    @asynccontextmanager
    async def running(app: Litestar) -> AsyncIterator[None]:
        services = await anyio.to_thread.run_sync(start_services, settings, run_indexer)
        app.state.services = services
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(stop_services, services)

    return running


def serve(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    """Serve HTTP until SIGINT or SIGTERM."""
    from opportunity_bank.app import create_app

    options = uvicorn_options(settings, host, port)
    if workers == 1:
        uvicorn.run(create_app(settings), **options)
        return
    db = make_engine(settings)
    server, search = connect_search(settings, db, publish=True)
    indexer = start_indexer(db, search, server)
    scheduler = start_scheduler(settings, db, search)
    trimmer = MemoryTrimmer()  # the indexer's batches are the parent's big allocations
    trimmer.start()
    # The workers use the parent's server as they would an external one.
    worker_settings = replace(settings, meili_url=server.url, meili_master_key=server.key)
    try:
        _run_workers(worker_settings, workers, **options)
    finally:
        if scheduler:
            scheduler.stop()
        trimmer.stop()
        indexer.stop(flush=True, timeout=INDEXER_STOP_SECONDS)
        search.client.close()
        db.dispose()
        server.stop()


def uvicorn_options(settings: Settings, host: str, port: int) -> dict:
    """How uvicorn serves; docs/operations.md says what the reverse proxy in front must add.

    X-Forwarded-For and -Proto are believed only from TRUSTED_PROXIES: otherwise any client
    could name a new address per request and step around the sign-in throttle. uvicorn has
    no header or body read timeout, so slow clients are the proxy's to cut off; what uvicorn
    offers is set: idle keep-alive connections close after 5 s, at most 1,000 connections
    are served at once (more get 503), and h11 buffers at most 16 KB of an unfinished request
    head. The access log hides secret query values (web/logs.py).
    """
    from opportunity_bank.web.logs import log_config

    return dict(
        host=host, port=port, log_level="info", log_config=log_config(),
        timeout_graceful_shutdown=GRACE_SECONDS, server_header=False,
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=list(settings.trusted_proxies) or None,
        timeout_keep_alive=5, limit_concurrency=1000, h11_max_incomplete_event_size=16 * 1024,
    )


def worker_app(settings: Settings, parent: int) -> Litestar:
    """The app in one worker process; the parent process drains the outbox.

    The worker ends with its parent (``parent`` is the parent's pid): a killed `serve` must
    not leave workers holding its port.
    """
    from opportunity_bank.app import create_app

    die_with_parent(signal.SIGTERM, parent)
    return create_app(settings, run_indexer=False)


def _run_workers(settings: Settings, workers: int, **options) -> None:
    # uvicorn.run takes only an import string for workers, which would have each worker read
    # its settings from the environment again; the supervisor it uses takes a Config, whose
    # app factory (with the settings bound) is pickled into each worker process instead.
    from uvicorn.supervisors import Multiprocess

    from opportunity_bank.worker import WorkerApp

    config = uvicorn.Config(WorkerApp(settings, os.getpid()), factory=True, workers=workers, **options)
    socket = config.bind_socket()
    try:
        Multiprocess(config, sockets=[socket]).run()
    finally:
        socket.close()
