"""A student finds exactly the published, open openings, with facets and clear errors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from opportunity_bank.opportunities.importer import import_file
from tests.helpers import record, search_ids, wait_until, write_jsonl


@pytest.fixture
def forty(client, services, tmp_path):
    past = (date.today() - timedelta(days=1)).isoformat()
    rows = [record(i) for i in range(1, 41)]
    rows[4]["status"] = "draft"
    rows[5]["application_deadline"] = past  # expired: not offered
    rows[6]["status"] = "closed"
    rows[7]["application_deadline"] = None  # open-ended: offered
    report = import_file(services.db, write_jsonl(tmp_path / "forty.jsonl", rows))
    assert report.written and report.counts["created"] == 40
    visible = sorted(r["external_id"] for r in rows if r["external_id"] not in ("t-0005", "t-0006", "t-0007"))
    wait_until(lambda: search_ids(client) == visible)
    return visible


def test_only_published_open_openings_are_found(client, forty):
    assert search_ids(client) == forty
    assert "t-0005" not in forty and "t-0008" in forty


def test_hits_carry_contract_fields(client, forty):
    hit = client.get("/api/v1/search", params={"q": "Kesätyöntekijä"}).json()["hits"][0]
    for field in ("id", "external_id", "kind", "title", "unit", "languages", "positions",
                  "application_deadline", "url"):
        assert field in hit
    assert hit["url"] == f"/opportunities/{hit['id']}"


def test_filters_and_facet_counts(client, forty):
    body = client.get("/api/v1/search", params={"kind": "summer_job"}).json()
    assert {h["kind"] for h in body["hits"]} == {"summer_job"}
    # The kind facet ignores its own filter so students can see what switching would give.
    assert sum(body["facets"]["kind"].values()) == len(forty)
    assert body["facets"]["kind"]["summer_job"] == body["total"]
    assert sum(body["facets"]["unit"].values()) == body["total"]


def test_pagination(client, forty):
    first = client.get("/api/v1/search", params={"per_page": 10, "page": 1}).json()
    last = client.get("/api/v1/search", params={"per_page": 10, "page": 4}).json()
    assert first["total"] == len(forty) and len(first["hits"]) == 10
    assert len(last["hits"]) == len(forty) - 30


@pytest.mark.parametrize(
    ("params", "field"),
    [({"kind": "bogus"}, "kind"), ({"per_page": "0"}, "per_page"), ({"per_page": "101"}, "per_page"),
     ({"page": "abc"}, "page"), ({"sort": "random"}, "sort"), ({"language": "de"}, "language")],
)
def test_bad_parameters_answer_400_naming_them(client, params, field):
    response = client.get("/api/v1/search", params=params)
    assert response.status_code == 400
    assert field in [e["field"] for e in response.json()["errors"]]


def test_deadline_sort(client, forty, services):
    body = client.get("/api/v1/search", params={"sort": "deadline", "per_page": 100}).json()
    deadlines = [h["application_deadline"] or "9999" for h in body["hits"]]
    assert deadlines == sorted(deadlines)


def test_public_opportunity_endpoint(client, forty):
    hit = client.get("/api/v1/search", params={"q": "Kesätyöntekijä"}).json()["hits"][0]
    body = client.get(f"/api/v1/opportunities/{hit['id']}").json()
    assert body["title"] == hit["title"] and body["open"] is True


def test_draft_is_not_public(client, forty):
    from sqlmodel import Session, select

    from opportunity_bank.models import Opportunity

    with Session(client.app.state.services.db) as session:
        draft = session.exec(select(Opportunity).where(Opportunity.external_id == "t-0005")).one()
    assert client.get(f"/api/v1/opportunities/{draft.id}").status_code == 404


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["outbox"]["pending"] >= 0


def test_openapi_schema_is_served(client):
    schema = client.get("/schema/openapi.json").json()
    assert "/api/v1/search" in schema["paths"]
