"""Hostile input: oversized bodies, injection attempts, markup; no internals in answers."""

from __future__ import annotations

from litestar import Request, post

from opportunity_bank.app import MAX_BODY_BYTES


@post("/api/v1/test-only/echo-size")
async def echo_size(request: Request) -> dict:
    return {"size": len(await request.body())}


def test_bodies_over_the_app_wide_limit_are_refused(client):
    client.app.register(echo_size)
    assert client.post("/api/v1/test-only/echo-size", content=b"x" * 1000).json() == {"size": 1000}
    too_big = client.post("/api/v1/test-only/echo-size", content=b"x" * (MAX_BODY_BYTES + 1))
    assert too_big.status_code == 413
    assert "Traceback" not in too_big.text


def test_huge_ids_and_injection_in_parameters_are_client_errors(client):
    assert client.get("/api/v1/opportunities/99999999999999999999999999").status_code == 400
    body = client.get("/api/v1/search", params={"q": "' OR 1=1 --", "unit": "x' OR '1'='1"}).json()
    assert body["total"] == 0
    markup = client.get("/api/v1/search", params={"kind": "<script>alert(1)</script>"})
    assert markup.status_code == 400
    # Echoed only inside JSON, which browsers do not render as markup.
    assert markup.headers["content-type"].startswith("application/json")
    assert markup.json()["errors"][0]["field"] == "kind"
