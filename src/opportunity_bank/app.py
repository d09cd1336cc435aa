"""create_app(settings) -> Litestar: wiring only; the features live in their packages."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from litestar import Litestar
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig

from opportunity_bank import __version__
from opportunity_bank.db import make_engine
from opportunity_bank.opportunities.api import get_opportunity
from opportunity_bank.search.api import search_api
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.fallback import DatabaseSearch
from opportunity_bank.search.indexer import OutboxIndexer
from opportunity_bank.search.runtime import SearchServer
from opportunity_bank.settings import Settings
from opportunity_bank.web.errors import EXCEPTION_HANDLERS
from opportunity_bank.web.health import admin_status, healthz, readyz
from opportunity_bank.web.pages import home
from opportunity_bank.web.services import Services
from opportunity_bank.web.templating import template_config

log = logging.getLogger(__name__)
# Every JSON and form body fits well within this; the attachment upload route sets its own
# larger `request_max_body_size` on its handler.
MAX_BODY_BYTES = 1024 * 1024


def start_services(settings: Settings) -> tuple[Services, SearchServer]:
    server = SearchServer.start(settings, publish=True)
    db = make_engine(settings)
    client = SearchClient(server.url, server.key)
    search = SearchEngine(client, settings.meili_index, fallback=DatabaseSearch(db),
                          search_key=settings.meili_search_key if settings.meili_url else None)
    try:
        search.ensure_index()
    except Exception as error:
        # Students still get answers from the database; the indexer keeps retrying.
        log.warning("search index not ready at start-up: %s", error)
    indexer = OutboxIndexer(db, search)
    server.restart_listeners.append(indexer.search_restarted)
    indexer.start()
    services = Services(settings=settings, db=db, search=search, indexer=indexer, search_server=server)
    return services, server


def stop_services(services: Services, server: SearchServer) -> None:
    services.indexer.stop(flush=True)
    services.search.client.close()
    services.db.dispose()
    server.stop()


def create_app(settings: Settings) -> Litestar:
    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        services, server = await anyio.to_thread.run_sync(start_services, settings)
        app.state.services = services
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(stop_services, services, server)

    def provide_services(state: State) -> Services:
        return state.services

    return Litestar(
        route_handlers=[home, healthz, readyz, admin_status, search_api, get_opportunity],
        dependencies={"services": Provide(provide_services, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        request_max_body_size=MAX_BODY_BYTES,
        lifespan=[lifespan],
        template_config=template_config(settings.templates_dir),
        openapi_config=OpenAPIConfig(
            title="Opportunity Bank", version=__version__, path="/schema",
            description="Theses, internships and summer jobs of Espoo's Urban Technology Centre.",
        ),
        debug=False,
    )
