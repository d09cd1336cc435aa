"""Operations views: liveness, readiness and the admin's status of database, search and outbox."""

from __future__ import annotations

from litestar import Response, get
from litestar.status_codes import HTTP_200_OK, HTTP_503_SERVICE_UNAVAILABLE
from sqlalchemy import text

from opportunity_bank.accounts.identity import require_admin
from opportunity_bank.mail import mail_backlog
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.opportunities.visibility import searchable_count
from opportunity_bank.search.indexer import failing_entries, outbox_stats
from opportunity_bank.search.version import index_version
from opportunity_bank.web.services import Services, ServicesDep


@get("/healthz", name="healthz", include_in_schema=True, sync_to_thread=False)
def healthz() -> dict[str, str]:
    """Answers while the process lives."""
    return {"status": "ok"}


def _database_ok(services: Services) -> bool:
    try:
        with services.db.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        return False
    return True


def _search_state(services: Services) -> str:
    # While Meilisearch is away the database answers searches, so the service is still ready.
    if services.search.healthy() and not services.search.rebuilding:
        return "ok"
    return "degraded"


def _analysis_ok(services: Services) -> bool:
    analyzer = services.search.analyzer
    return analyzer is not None and analyzer.finnish_available()


@get("/readyz", name="readyz", sync_to_thread=True)
def readyz(services: ServicesDep) -> Response[dict]:
    """200 while the database answers (search degrades to it) and Finnish analysis works; with
    the search outbox backlog and the e-mail outbox backlog (`mail_outbox`: pending, failed, age
    of the oldest pending in s).

    ``search`` is ``ok``, or ``degraded`` while Meilisearch is unreachable or being rebuilt and
    searches are answered from the database. ``analysis`` is ``unavailable`` without Voikko's
    Finnish dictionary: Finnish openings could then be neither indexed nor searched.
    """
    body: dict = {"database": "ok", "search": _search_state(services),
                  "analysis": "ok" if _analysis_ok(services) else "unavailable"}
    if _database_ok(services):
        body["outbox"] = outbox_stats(services.db).as_json()
        body["mail_outbox"] = mail_backlog(services.db).as_json()
    else:
        body["database"] = "unavailable"
    ready = body["database"] == "ok" and body["analysis"] == "ok"
    body["status"] = "ready" if ready else "not ready"
    return Response(body, status_code=HTTP_200_OK if ready else HTTP_503_SERVICE_UNAVAILABLE)


@get("/api/v1/admin/status", name="api-admin-status", guards=[require_admin], sync_to_thread=True,
     tags=["admin"])
def admin_status(services: ServicesDep) -> dict:
    """Database, search index and outbox state for administrators (JSON)."""
    search = services.search
    body: dict = {"database": "ok" if _database_ok(services) else "unavailable"}
    index: dict = {
        "uid": search.index_uid,
        "healthy": search.healthy(),
        "rebuilding": search.rebuilding,
        "answering_from_database": search.breaker.is_open or search.rebuilding,
    }
    try:
        index["documents"] = search.document_count()
    except Exception:
        index["documents"] = None
    server = services.search_server
    if server is not None and server.supervisor is not None:
        index["managed_restarts"] = server.supervisor.restarts
    body["search"] = index
    if body["database"] == "ok":
        index["searchable_openings"] = searchable_count(services.db, city_today())
        body["index_version"] = index_version(services.db)
        body["outbox"] = outbox_stats(services.db).as_json()
        body["outbox"]["failing_entries"] = failing_entries(services.db)
    return body
