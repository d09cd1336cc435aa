from __future__ import annotations

from litestar import Response, get
from litestar.status_codes import HTTP_200_OK, HTTP_503_SERVICE_UNAVAILABLE
from sqlalchemy import text

from opportunity_bank.search.indexer import outbox_stats
from opportunity_bank.web.services import ServicesDep


@get("/healthz", name="healthz", include_in_schema=True, sync_to_thread=False)
def healthz() -> dict[str, str]:
    """Answers while the process lives."""
    return {"status": "ok"}


@get("/readyz", name="readyz", sync_to_thread=True)
def readyz(services: ServicesDep) -> Response[dict]:
    """200 only when the database and Meilisearch both answer; with the outbox backlog."""
    body: dict = {"database": "ok", "search": "ok"}
    try:
        with services.db.connect() as connection:
            connection.execute(text("SELECT 1"))
        body["outbox"] = outbox_stats(services.db).as_json()
    except Exception:
        body["database"] = "unavailable"
    if not services.search.healthy():
        body["search"] = "unavailable"
    ready = body["database"] == "ok" and body["search"] == "ok"
    body["status"] = "ready" if ready else "not ready"
    return Response(body, status_code=HTTP_200_OK if ready else HTTP_503_SERVICE_UNAVAILABLE)
