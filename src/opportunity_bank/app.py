"""create_app(settings) -> Litestar: wiring only; the features live in their packages."""

from __future__ import annotations

from litestar import Router
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig

from opportunity_bank import __version__
from opportunity_bank.accounts import admin_pages
from opportunity_bank.accounts.oidc_pages import OIDC_ROUTES
from opportunity_bank.accounts.pages import login_form, login_submit, logout
from opportunity_bank.alerts.pages import ROUTES as ALERT_ROUTES
from opportunity_bank.opportunities.api import get_opportunity
from opportunity_bank.opportunities.downloads import download_attachment
from opportunity_bank.opportunities.editing_api import EDITING_ROUTES
from opportunity_bank.opportunities.pages import opportunity_page
from opportunity_bank.opportunities.workspace import workspace_pages
from opportunity_bank.outreach import calendar as outreach_calendar
from opportunity_bank.outreach import sitemap as outreach_sitemap
from opportunity_bank.reminders.pages import reminder_pages
from opportunity_bank.reports import api as reports_api
from opportunity_bank.reports import open_data
from opportunity_bank.reports import pages as reports_pages
from opportunity_bank.review import api as review_api
from opportunity_bank.review import pages as review_pages
from opportunity_bank.runtime import lifespan
from opportunity_bank.search.api import search_api
from opportunity_bank.search.feeds import opportunities_feed
from opportunity_bank.search.pages import search_page
from opportunity_bank.settings import Settings
from opportunity_bank.web.apidocs import SwaggerDocs
from opportunity_bank.web.csrf import require_csrf_unless_listed
from opportunity_bank.web.errors import EXCEPTION_HANDLERS
from opportunity_bank.web.health import admin_status, healthz, readyz
from opportunity_bank.web.http import WebApp
from opportunity_bank.web.i18n import remember_language
from opportunity_bank.web.pages import accessibility_statement
from opportunity_bank.web.security import security_headers_hook
from opportunity_bank.web.services import Services
from opportunity_bank.web.static import favicon, static_file
from opportunity_bank.web.templating import template_config

# Every JSON and form body fits well within this; the attachment upload route sets its own
# larger `request_max_body_size` on its handler.
MAX_BODY_BYTES = 1024 * 1024


def create_app(settings: Settings, *, run_indexer: bool = True) -> WebApp:
    """The app; `run_indexer=False` for workers whose parent process drains the outbox."""

    def provide_services(state: State) -> Services:
        return state.services

    return WebApp(
        # One router, registered with the app at once: handlers of one path registered one by one
        # are registered again as each joins, and a sync handler run in a thread is then wrapped
        # twice and answers with an unawaited coroutine (HR's review preview answered 500).
        route_handlers=[Router(path="/", route_handlers=[
            search_page, opportunity_page, opportunities_feed, accessibility_statement, static_file, favicon,
            healthz, readyz, admin_status, search_api, get_opportunity,
            login_form, login_submit, logout, *OIDC_ROUTES,
            *EDITING_ROUTES, workspace_pages, download_attachment,
            *reports_api.ROUTES, *reports_pages.ROUTES, *review_api.ROUTES, *review_pages.ROUTES,
            *open_data.ROUTES, *outreach_sitemap.ROUTES, *outreach_calendar.ROUTES, *ALERT_ROUTES,
            reminder_pages, *admin_pages.ROUTES,
        ])],
        middleware=[DefineMiddleware(remember_language, always_secure=settings.production)],
        guards=[require_csrf_unless_listed],
        before_send=[security_headers_hook(settings)],
        dependencies={"services": Provide(provide_services, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        request_max_body_size=MAX_BODY_BYTES,
        allowed_hosts=list(settings.allowed_hosts) or None,
        lifespan=[lifespan(settings, run_indexer=run_indexer)],
        template_config=template_config(settings.templates_dir),
        openapi_config=OpenAPIConfig(
            title="Opportunity Bank", version=__version__, path="/schema",
            description="Theses, internships and summer jobs of Espoo's Urban Technology Centre.",
            render_plugins=[SwaggerDocs()],
        ),
        debug=False,
    )
