"""Static assets under fingerprinted addresses: our CSS, htmx, the favicon, the API docs viewer.

Pages link `/static/NAME.HASH.EXT` (see `static_url`), where HASH is taken from the content,
so an asset can be cached for a year as immutable and a release is never met by a stale copy.
Each asset is read and gzipped once per process. Nothing comes from a CDN: the API docs
viewer is the pinned npm package `swagger-ui-dist`, served from `node_modules`.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.params import PathParameter

from opportunity_bank.settings import PROJECT_ROOT
from opportunity_bank.web.http import IMMUTABLE, PUBLIC, accepts_gzip, is_text

STATIC_PATH = "/static"
STATIC_DIR = Path(__file__).parent / "static"
SWAGGER_UI = PROJECT_ROOT / "node_modules" / "swagger-ui-dist"
VENDORED = {
    "swagger-ui/swagger-ui.css": SWAGGER_UI / "swagger-ui.css",
    "swagger-ui/swagger-ui-bundle.js": SWAGGER_UI / "swagger-ui-bundle.js",
}
# Litestar adds "; charset=utf-8" to text types.
MEDIA_TYPES = {".css": "text/css", ".js": "text/javascript",
               ".svg": "image/svg+xml", ".ico": "image/vnd.microsoft.icon"}
DIGEST_CHARS = 12
FINGERPRINTED = re.compile(rf"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{{{DIGEST_CHARS}}})(?P<suffix>\.[a-z]+)$")


@dataclass(frozen=True, slots=True)
class Asset:
    name: str
    body: bytes
    gzipped: bytes | None  # None for what does not shrink (icons)
    media_type: str
    digest: str

    @property
    def url(self) -> str:
        stem, dot, suffix = self.name.rpartition(".")
        return f"{STATIC_PATH}/{stem}.{self.digest}{dot}{suffix}"

    @property
    def etag(self) -> str:
        return f'"{self.digest}"'


def load_asset(name: str, path: Path) -> Asset:
    body = path.read_bytes()
    media_type = MEDIA_TYPES.get(path.suffix, "application/octet-stream")
    return Asset(name=name, body=body, media_type=media_type,
                 gzipped=gzip.compress(body, 9, mtime=0) if is_text(media_type) else None,
                 digest=hashlib.sha256(body).hexdigest()[:DIGEST_CHARS])


@cache
def assets() -> dict[str, Asset]:
    """Every asset by name, read once; a vendored file missing (no `npm ci`) is left out."""
    found = {path.relative_to(STATIC_DIR).as_posix(): path
             for path in STATIC_DIR.rglob("*") if path.is_file()}
    found.update({name: path for name, path in VENDORED.items() if path.is_file()})
    return {name: load_asset(name, path) for name, path in sorted(found.items())}


def static_url(name: str) -> str:
    """The fingerprinted address of an asset; a name that is not one is a bug of ours."""
    return assets()[name].url


def find_asset(file_path: str) -> tuple[Asset, bool]:
    """The asset an address names and whether the address carries its current fingerprint."""
    name = file_path.lstrip("/")
    match = FINGERPRINTED.match(name)
    if match:
        name = match["stem"] + match["suffix"]
    asset = assets().get(name)
    if asset is None:
        raise NotFoundException(f"no static file {file_path}")
    return asset, bool(match) and match["digest"] == asset.digest


def asset_response(request: Request, asset: Asset, current: bool) -> Response[bytes]:
    # An old fingerprint (a page cached across a release) gets today's file, not for a year.
    headers = {"etag": asset.etag, "cache-control": (IMMUTABLE if current else PUBLIC).to_header()}
    body = asset.body
    if asset.gzipped is not None:
        headers["vary"] = "Accept-Encoding"
        if accepts_gzip(request.headers.get("accept-encoding", "")):
            body = asset.gzipped
            headers["content-encoding"] = "gzip"
            headers["etag"] = f'"{asset.digest}-gzip"'
    return Response(body, media_type=asset.media_type, headers=headers)


@get(f"{STATIC_PATH}/{{file_path:path}}", name="static", sync_to_thread=False, include_in_schema=False)
def static_file(request: Request, file_path: Annotated[str, PathParameter()]) -> Response[bytes]:
    asset, current = find_asset(file_path)
    return asset_response(request, asset, current)


@get("/favicon.ico", name="favicon", sync_to_thread=False, include_in_schema=False)
def favicon(request: Request) -> Response[bytes]:
    """Browsers and crawlers ask for it whatever the page links."""
    return asset_response(request, assets()["favicon.ico"], current=False)
