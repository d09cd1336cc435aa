from __future__ import annotations

from litestar import get
from litestar.response import Template


@get("/", name="home", sync_to_thread=False, include_in_schema=False)
def home() -> Template:
    return Template(template_name="home.html")
