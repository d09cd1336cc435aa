"""Our own static files (CSS, htmx): served from the package, never from a CDN."""

from __future__ import annotations

from pathlib import Path

from litestar.datastructures import CacheControlHeader
from litestar.static_files import create_static_files_router

from opportunity_bank import __version__

STATIC_DIR = Path(__file__).parent / "static"
# Pages link `/static/NAME?v=VERSION`, so a release never meets a stale cached copy.
static_files = create_static_files_router(
    path="/static", directories=[STATIC_DIR], name="static", include_in_schema=False,
    cache_control=CacheControlHeader(max_age=86_400, public=True),
)


def static_url(name: str) -> str:
    return f"/static/{name}?v={__version__}"
