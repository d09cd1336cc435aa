"""create_app(settings) -> Litestar: wiring only; the features live in their packages."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import anyio
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from sqlalchemy.engine import Engine

from opportunity_bank import __version__
from opportunity_bank.accounts.oidc_pages import OIDC_ROUTES
from opportunity_bank.accounts.pages import login_form, login_submit, logout
from opportunity_bank.db import make_engine
from opportunity_bank.opportunities.api import get_opportunity
from opportunity_bank.opportunities.downloads import download_attachment
from opportunity_bank.opportunities.editing_api import EDITING_ROUTES
from opportunity_bank.opportunities.pages import opportunity_page
from opportunity_bank.opportunities.workspace import workspace_pages
from opportunity_bank.outreach import calendar as outreach_calendar
from opportunity_bank.outreach import sitemap as outreach_sitemap
from opportunity_bank.reports import api as reports_api
from opportunity_bank.reports import open_data
from opportunity_bank.reports import pages as reports_pages
from opportunity_bank.review import api as review_api
from opportunity_bank.review import pages as review_pages
from opportunity_bank.search.analysis import get_analyzer
from opportunity_bank.search.api import search_api
from opportunity_bank.search.cache import CachedSearch
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.fallback import DatabaseSearch
from opportunity_bank.search.feeds import opportunities_feed
from opportunity_bank.search.indexer import OutboxIndexer
from opportunity_bank.search.pages import search_page
from opportunity_bank.search.runtime import SearchServer
from opportunity_bank.settings import Settings
from opportunity_bank.web.apidocs import SwaggerDocs
from opportunity_bank.web.errors import EXCEPTION_HANDLERS
from opportunity_bank.web.health import admin_status, healthz, readyz
from opportunity_bank.web.http import WebApp
from opportunity_bank.web.i18n import remember_language
from opportunity_bank.web.memory import MemoryTrimmer
from opportunity_bank.web.pages import accessibility_statement
from opportunity_bank.web.security import csrf_middleware, security_headers_hook
from opportunity_bank.web.services import Services
from opportunity_bank.web.static import favicon, static_file
from opportunity_bank.web.templating import template_config

log = logging.getLogger(__name__)
# Every JSON and form body fits well within this; the attachment upload route sets its own
# larger `request_max_body_size` on its handler.
MAX_BODY_BYTES = 1024 * 1024


def connect_search(settings: Settings, db: Engine, *, publish: bool) -> tuple[SearchServer, SearchEngine]:
    """The search server (managed or external) and the engine in front of it.

    `publish` writes the managed server's address to DATA_DIR for the command line to find;
    only the process that owns the server does that.
    """
    server = SearchServer.start(settings, publish=publish)
    client = SearchClient(server.url, server.key)
    search = SearchEngine(
        client, settings.meili_index, get_analyzer(), fallback=DatabaseSearch(db),
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


def start_services(settings: Settings, run_indexer: bool = True) -> tuple[Services, SearchServer]:
    db = make_engine(settings)
    server, search = connect_search(settings, db, publish=run_indexer)
    answers = CachedSearch(search, db)
    answers.start()
    indexer = start_indexer(db, search, server, answers.version.advance) if run_indexer else None
    trimmer = MemoryTrimmer()
    trimmer.start()
    services = Services(settings=settings, db=db, search=search, indexer=indexer, answers=answers,
                        search_server=server, memory=trimmer)
    return services, server


def stop_services(services: Services, server: SearchServer) -> None:
    if services.indexer:
        services.indexer.stop(flush=True)
    services.answers.stop()
    services.memory.stop()
    services.search.client.close()
    services.db.dispose()
    server.stop()


def create_app(settings: Settings, *, run_indexer: bool = True) -> WebApp:
    """The app; `run_indexer=False` for workers whose parent process drains the outbox."""

    @asynccontextmanager
    async def lifespan(app: WebApp) -> AsyncIterator[None]:
        services, server = await anyio.to_thread.run_sync(start_services, settings, run_indexer)
        app.state.services = services
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(stop_services, services, server)

    def provide_services(state: State) -> Services:
        return state.services

    return WebApp(
        route_handlers=[
            search_page, opportunity_page, opportunities_feed, accessibility_statement, static_file, favicon,
            healthz, readyz, admin_status, search_api, get_opportunity,
            login_form, login_submit, logout, *OIDC_ROUTES,
            *EDITING_ROUTES, workspace_pages, download_attachment,
            *reports_api.ROUTES, *reports_pages.ROUTES, *review_api.ROUTES, *review_pages.ROUTES,
            *open_data.ROUTES, *outreach_sitemap.ROUTES, *outreach_calendar.ROUTES,
        ],
        middleware=[remember_language, csrf_middleware(settings)],
        before_send=[security_headers_hook(settings)],
        dependencies={"services": Provide(provide_services, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        request_max_body_size=MAX_BODY_BYTES,
        lifespan=[lifespan],
        template_config=template_config(settings.templates_dir),
        openapi_config=OpenAPIConfig(
            title="Opportunity Bank", version=__version__, path="/schema",
            description="Theses, internships and summer jobs of Espoo's Urban Technology Centre.",
            render_plugins=[SwaggerDocs()],
        ),
        debug=False,
    )
