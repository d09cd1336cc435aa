"""Pages that belong to the whole site rather than to a feature."""

from __future__ import annotations

from litestar import get
from litestar.response import Template

from opportunity_bank.web.http import PUBLIC


@get("/saavutettavuus", name="accessibility-statement", sync_to_thread=False, include_in_schema=False,
     cache_control=PUBLIC)
def accessibility_statement() -> Template:
    """The accessibility statement the Act on the Provision of Digital Services (306/2019) requires."""
    return Template("pages/accessibility.html")
