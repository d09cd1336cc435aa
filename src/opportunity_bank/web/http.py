"""HTTP done by the book for every answer: HEAD, compression, validators and 304, caching.

Litestar answers HEAD only where a handler says so, compresses whatever the client names
(even `gzip;q=0`, even a body already gzipped) and has no validators for dynamic pages;
these few ASGI pieces do what uptime monitors, link checkers and browsers expect.
"""

from __future__ import annotations

import gzip
import hashlib
import zlib

from litestar import Litestar
from litestar.datastructures import CacheControlHeader, MutableScopeHeaders
from litestar.types import ASGIApp, Message, Receive, Scope, Send

# Anonymous pages change when an opening does; a minute keeps a rush cheap and news fresh.
PUBLIC = CacheControlHeader(public=True, max_age=60)
# Fingerprinted assets never change under their address.
IMMUTABLE = CacheControlHeader(public=True, max_age=365 * 24 * 3600, immutable=True)
MIN_COMPRESS_BYTES = 500  # below this, gzip's header and a round of CPU buy nothing
GZIP_LEVEL = 1  # on these answers as small as level 6 within 6 %, at less than half the CPU
TEXT_TYPES = (b"text/", b"application/json", b"application/javascript", b"application/xml",
              b"application/atom+xml", b"application/schema+json", b"application/vnd.oai.openapi",
              b"image/svg+xml", b"application/manifest+json")


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether Accept-Encoding allows gzip: named with a quality above 0, or else by `*`."""
    qualities: dict[str, str] = {}
    for part in accept_encoding.lower().split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        qualities[name] = next((p.removeprefix("q=") for p in params if p.startswith("q=")), "1")
    quality = qualities.get("gzip", qualities.get("*", "0"))
    try:
        return float(quality) > 0
    except ValueError:
        return False


def is_text(content_type: str | None) -> bool:
    return content_type is not None and content_type.encode("latin-1").lower().startswith(TEXT_TYPES)


class WebApp(Litestar):
    """The Litestar app with HTTP done once for every answer, routed or not.

    HEAD is taken for the GET it asks about (RFC 9110, 9.3.2) and answered without the body:
    routing happens inside the app, before any middleware sees the request, so this is the
    one place to do it. Compression and validators wrap everything here too, the error pages
    of unknown addresses included, and see the headers the before_send hooks set.
    """

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[override]
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        # Outermost first: validators hash the bytes as sent, compressed or not.
        await validators(compression(super().__call__))(scope, receive, send)


def _without_body(send: Send) -> Send:
    async def send_headers(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body"):
                return
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return send_headers


def compression(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: gzip text answers for clients that take it.

    Answers that carry their own Content-Encoding (the search page keeps gzipped pages,
    static assets are gzipped once) pass as they are. Streamed bodies are compressed as
    they go.
    """

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        gzip_ok = accepts_gzip(MutableScopeHeaders(scope).get("accept-encoding", ""))
        start: Message | None = None  # held back until the first body says how to send it
        stream = None  # a compressor once a streamed body is being compressed

        async def send_compressed(message: Message) -> None:
            nonlocal start, stream
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders.from_message(message)
                if "content-encoding" in headers or not is_text(headers.get("content-type")):
                    await send(message)
                    return
                # Both forms say so, or a shared cache could keep the plain one for everyone.
                if "accept-encoding" not in headers.get("vary", "").lower():
                    headers.extend_header_value("vary", "Accept-Encoding")
                if gzip_ok:
                    start = message
                else:
                    await send(message)
                return
            if message["type"] != "http.response.body" or (start is None and stream is None):
                await send(message)
                return
            body, more = message.get("body", b""), message.get("more_body", False)
            if stream is not None:
                packed = stream.compress(body) + (b"" if more else stream.flush())
                await send({"type": "http.response.body", "body": packed, "more_body": more})
                return
            held, start = start, None
            if not more and len(body) < MIN_COMPRESS_BYTES:
                await send(held)
                await send(message)
                return
            headers = MutableScopeHeaders.from_message(held)
            headers["content-encoding"] = "gzip"
            if "etag" in headers:  # another representation: another validator
                headers["etag"] = headers["etag"].rstrip('"') + '-gzip"'
            if more:
                del headers["content-length"]
                stream = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
                packed = stream.compress(body)
            else:
                packed = gzip.compress(body, GZIP_LEVEL, mtime=0)
                headers["content-length"] = str(len(packed))
            await send(held)
            await send({"type": "http.response.body", "body": packed, "more_body": more})

        await app(scope, receive, send_compressed)

    return middleware


def validators(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: an ETag on every public GET answer, and 304 when the client has it.

    The tag is a hash of the bytes sent (so the gzipped and the plain page differ), taken
    outside compression; a handler's own ETag is kept.
    """

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await app(scope, receive, send)
            return
        known = {tag.strip().removeprefix("W/") for tag in
                 MutableScopeHeaders(scope).get("if-none-match", "").split(",") if tag.strip()}
        start: Message | None = None

        async def send_validated(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders.from_message(message)
                if message["status"] == 200 and "public" in headers.get("cache-control", ""):
                    start = message
                else:
                    await send(message)
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            held, start = start, None
            headers = MutableScopeHeaders.from_message(held)
            if message.get("more_body"):  # streamed: no hash before it is all sent
                await send(held)
                await send(message)
                return
            if "etag" not in headers:
                headers["etag"] = f'"{hashlib.blake2b(message.get("body", b""), digest_size=12).hexdigest()}"'
            if headers["etag"].removeprefix("W/") in known or "*" in known:
                for name in ("content-length", "content-type", "content-encoding"):
                    if name in headers:
                        del headers[name]
                await send({**held, "status": 304})
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(held)
            await send(message)

        await app(scope, receive, send_validated)

    return middleware
