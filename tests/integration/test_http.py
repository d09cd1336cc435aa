"""HTTP as checkers see it: valid HTML (the Nu Html Checker), HEAD, compression, caching, headers."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import msgspec
import pytest

from opportunity_bank.opportunities.api import PublicOpening
from opportunity_bank.search.schemas import SearchAnswer
from tests.helpers import search_ids
from tests.student_openings import seed_openings

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("fi", "sv", "en")


@pytest.fixture
def ids(client, services, tmp_path):
    return seed_openings(services.db, lambda: search_ids(client), tmp_path)


def public_pages(ids: dict[str, int]) -> list[str]:
    return [
        "/", "/?q=puisto&kind=summer_job", "/?q=zzzxxyq&kind=thesis", "/?q=kesätyö&page=40",
        "/?sort=%3Cx%3E", f"/opportunities/{ids['vieraslajit']}", f"/opportunities/{ids['markup']}",
        f"/opportunities/{ids['closed']}", f"/opportunities/{ids['expired']}", "/opportunities/999999",
        "/saavutettavuus", "/open-data", "/schema", "/login",
    ]


def as_document(fragment: str) -> str:
    """An htmx fragment inside a minimal page, so the checker sees its markup as a browser would."""
    body = re.sub(r"<title>.*?</title>", "", fragment, count=1, flags=re.S)
    return f'<!doctype html><html lang="fi"><head><title>fragment</title></head><body>{body}</body></html>'


def nu_html_errors(pages: dict[str, str], directory: Path) -> list[str]:
    files = []
    for number, (address, html) in enumerate(pages.items()):
        path = directory / f"page-{number}.html"
        path.write_text(html, encoding="utf-8")
        files.append((path, address))
    done = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--stdout", "--exit-zero-always",
                           *(str(path) for path, _ in files)], capture_output=True, text=True, timeout=300)
    by_file = {path.as_uri(): address for path, address in files}
    report = json.loads(done.stdout)
    return [f"{by_file.get(m.get('url'), m.get('url'))}: {m['message']} ({m.get('extract', '')!r})"
            for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def test_every_public_page_is_valid_html(client, ids, tmp_path):
    pages = {}
    for language in LANGUAGES:
        for address in public_pages(ids):
            response = client.get(address, headers={"Accept-Language": language})
            assert response.status_code in (200, 400, 404), (address, response.status_code)
            pages[f"{language} {address}"] = response.text
        fragment = client.get("/?q=puisto", headers={"Accept-Language": language, "HX-Request": "true"})
        pages[f"{language} fragment"] = as_document(fragment.text)
    assert nu_html_errors(pages, tmp_path) == []


def test_the_checker_does_find_errors(tmp_path):
    """The check above would see a broken page: the checker runs and reports."""
    broken = ('<!doctype html><html lang="fi"><head><title>x</title></head>'
              '<body><form hx-get="/"></form></body></html>')
    (error,) = nu_html_errors({"broken": broken}, tmp_path)
    assert "hx-get" in error


def test_every_public_page_has_a_meta_description(client, ids):
    for address in public_pages(ids):
        page = client.get(address).text
        (description,) = re.findall(r'<meta name="description" content="([^"]+)">', page)
        assert len(description) > 20, address


def get_routes(client) -> list[str]:
    return sorted({route.path for route in client.app.routes
                   if "GET" in getattr(route, "methods", ()) and "{" not in route.path})


def test_head_answers_on_every_get_route(client, ids):
    paths = [*get_routes(client), f"/opportunities/{ids['puisto']}", "/static/app.css"]
    assert "/" in paths and "/healthz" in paths
    for path in paths:
        got = client.get(path)
        head = client.head(path)
        assert head.status_code == got.status_code != 405, path
        assert head.content == b"", path
        assert head.headers.get("content-type") == got.headers.get("content-type"), path
    assert client.head("/").status_code == 200


@pytest.mark.parametrize("address", ["detail", "/static/app.css", "/static/htmx.min.js", "/saavutettavuus",
                                     "/api/v1/search", "/schema/openapi.json", "/feeds/opportunities.atom"])
def test_text_answers_are_gzipped_for_clients_that_take_it(client, ids, address):
    if address == "detail":
        address = f"/opportunities/{ids['vieraslajit']}"
    packed = client.get(address, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["vary"]
    plain = client.get(address, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and "Accept-Encoding" in plain.headers["vary"]
    refused = client.get(address, headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers
    # httpx inflates: the same text either way.
    assert packed.content == plain.content == refused.content


def test_static_assets_are_fingerprinted_and_immutable(client):
    page = client.get("/").text
    addresses = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
    assert len(addresses) >= 3  # style sheet, htmx, favicon
    for address in addresses:
        assert re.search(r"\.[0-9a-f]{12}\.[a-z]+$", address), address
        response = client.get(address)
        assert response.status_code == 200
        assert response.headers["cache-control"] == "max-age=31536000, public, immutable"
    # An unknown fingerprint (a page from before a release) gets today's file, briefly cached.
    stale = client.get("/static/app.000000000000.css")
    assert stale.status_code == 200 and "immutable" not in stale.headers["cache-control"]
    assert stale.content == client.get(next(a for a in addresses if a.endswith(".css"))).content
    assert client.get("/static/../settings.py").status_code == 404
    assert client.get("/static/nothing.css").status_code == 404


def test_favicon(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.content[:4] == b"\x00\x00\x01\x00"
    svg = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', client.get("/").text)
    assert client.get(svg.group(1)).text.startswith("<svg")


def test_anonymous_search_page_is_cacheable_with_validators(client, ids):
    first = client.get("/")  # a first visit: no cookie at all (CSRF nonces only where a form is)
    assert "set-cookie" not in first.headers and first.headers["cache-control"] == "max-age=60, public"
    page = client.get("/", params={"q": "puisto"})
    assert "set-cookie" not in page.headers
    assert page.headers["cache-control"] == "max-age=60, public"
    assert {"Accept-Encoding", "Accept-Language", "Cookie", "HX-Request"} <= {
        v.strip() for v in page.headers["vary"].split(",")}
    etag = page.headers["etag"]
    again = client.get("/", params={"q": "puisto"}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    changed = client.get("/", params={"q": "puisto"}, headers={"If-None-Match": '"other"'})
    assert changed.status_code == 200
    for address in (f"/opportunities/{ids['puisto']}", "/feeds/opportunities.atom", "/api/v1/search",
                    "/saavutettavuus"):
        response = client.get(address)
        assert response.headers["cache-control"] == "max-age=60, public", address
        assert client.get(address, headers={"If-None-Match": response.headers["etag"]}).status_code == 304


def test_the_language_cookie_only_when_a_language_is_chosen(client, ids):
    def language_cookies(response) -> list[str]:
        return [c for c in response.headers.get_list("set-cookie") if c.startswith("lang=")]

    for address in ("/", "/?q=puisto", f"/opportunities/{ids['puisto']}", "/feeds/opportunities.atom"):
        assert language_cookies(client.get(address, headers={"Accept-Language": "sv"})) == [], address
    chosen = client.get("/", params={"lang": "sv"})
    assert language_cookies(chosen) and chosen.headers["cache-control"] == "no-store"


def test_signed_in_or_token_answers_are_never_stored(client, ids):
    for headers in ({"Authorization": "Bearer not-a-token"}, {"Cookie": "ob_session=whatever"}):
        response = client.get("/", headers=headers)
        assert response.headers["cache-control"] == "no-store", headers


def test_security_headers_on_every_answer(client):
    for address in ("/", "/api/v1/search", "/static/app.css", "/nothing-here", "/schema"):
        headers = client.get(address).headers
        assert headers["cross-origin-opener-policy"] == "same-origin"
        assert headers["cross-origin-resource-policy"] == "same-origin"
        assert "camera=()" in headers["permissions-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]


# --- the typed API ----------------------------------------------------------------------------

def test_openapi_types_the_search_answer_and_its_hits(client):
    schema = client.get("/schema/openapi.json").json()
    search = schema["paths"]["/api/v1/search"]["get"]
    answer_ref = search["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    components = schema["components"]["schemas"]
    answer = components[answer_ref.rsplit("/", 1)[-1]]
    assert {"hits", "facets", "total", "degraded"} <= set(answer["required"])
    hit = components[answer["properties"]["hits"]["items"]["$ref"].rsplit("/", 1)[-1]]
    assert {"id", "title", "kind", "url", "application_deadline"} <= set(hit["properties"])
    assert hit["properties"]["id"]["type"] == "integer"
    error = search["responses"]["400"]["content"]["application/json"]["schema"]["$ref"]
    assert components[error.rsplit("/", 1)[-1]]["properties"]["errors"]["type"] == "array"
    sort = next(p for p in search["parameters"] if p["name"] == "sort")
    assert sort["schema"]["enum"] == ["relevance", "deadline", "newest"]
    for path, operation in [("/api/v1/opportunities/{opportunity_id}", "get"),
                            ("/api/v1/me/opportunities", "get"), ("/api/v1/reports/yearly", "get"),
                            ("/api/v1/targets", "get")]:
        success = schema["paths"][path][operation]["responses"]["200"]["content"]["application/json"]
        assert "$ref" in json.dumps(success["schema"]), path  # a named type, not "object" or "string"


def test_answers_are_what_the_schema_says(client, ids):
    """Real answers decode into their published types, unknown fields refused."""
    for params in ({}, {"q": "puisto", "kind": "summer_job"}, {"facets": "false"}):
        answer = msgspec.json.decode(client.get("/api/v1/search", params=params).content, type=SearchAnswer)
        assert answer.total == len(answer.hits) or params
    assert answer.hits and answer.hits[0].url.startswith("/opportunities/")
    opening = msgspec.json.decode(client.get(f"/api/v1/opportunities/{ids['puisto']}").content,
                                  type=PublicOpening)
    assert opening.open and opening.kind == "summer_job"


@pytest.mark.parametrize("params", [{"per_page": "0"}, {"sort": "random"}, {"kind": "bad"}, {"page": "x"},
                                    {"per_page": "101"}, {"kind": ["thesis"] * 21}, {"facets": "maybe"},
                                    {"unit": "x" * 201}, {"language": "de"}])
def test_every_bad_search_parameter_answers_in_one_shape(client, params):
    response = client.get("/api/v1/search", params=params)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"status_code", "detail", "errors"}
    (error,) = body["errors"]
    assert error["field"] == next(iter(params)) and error["message"]


def test_gzip_of_a_kept_page_is_not_compressed_twice(client, ids):
    first = client.get("/", params={"q": "puisto"}, headers={"Accept-Encoding": "gzip"})
    kept = client.get("/", params={"q": "puisto"}, headers={"Accept-Encoding": "gzip"})
    assert kept.headers["content-encoding"] == "gzip"
    # httpx inflates once: twice-gzipped bytes would not read as the page.
    assert kept.text == first.text and kept.text.startswith("<!doctype html>")
