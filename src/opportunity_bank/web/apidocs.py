"""`/schema`: Swagger UI over our OpenAPI schema, from our own static files, under our CSP.

Litestar's render plugins load their viewers and fonts from CDNs and start them with an
inline script; a city network may not reach a CDN and our CSP refuses inline scripts.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.constants import OPENAPI_JSON_HANDLER_NAME
from litestar.openapi.plugins import OpenAPIRenderPlugin


class SwaggerDocs(OpenAPIRenderPlugin):
    def __init__(self) -> None:
        super().__init__(path="/")

    def render(self, request: Request, openapi_schema: dict[str, Any]) -> bytes:
        info = openapi_schema["info"]
        template = request.app.template_engine.get_template("api/docs.html")
        return template.render(request=request, lang="en", title=info["title"],
                               description=info.get("description", ""),
                               schema_url=request.app.route_reverse(OPENAPI_JSON_HANDLER_NAME)).encode()
