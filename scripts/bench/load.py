"""A bounded, closed-loop HTTP/1.1 load generator: N keep-alive connections for D seconds.

Written on bare asyncio streams rather than an HTTP client library because the generator
shares the machine's cores with the server it measures: it must cost as little CPU per
request as possible (an httpx client spends several times more per request than this).
Requests are pre-encoded bytes; every connection takes the next one from a shared cycle, so
each target sees the same searches in the same order.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.queries import Search
from opportunity_bank.search.query import meili_queries, parse_request


@dataclass(slots=True)
class CellResult:
    target: str
    concurrency: int
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""
    cpu: tuple[float, float, float] = (0.0, 0.0, 0.0)  # seconds: app, Meilisearch, generator

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


def get_request(host: str, path: str, params: Sequence[tuple[str, str]], headers: dict[str, str]) -> bytes:
    target = f"{path}?{urlencode(params)}" if params else path
    lines = [f"GET {target} HTTP/1.1", f"Host: {host}", "Accept-Encoding: identity",
             *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def post_json(host: str, path: str, body: dict, headers: dict[str, str]) -> bytes:
    payload = json.dumps(body, ensure_ascii=False).encode()
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}", "Accept-Encoding: identity",
             "Content-Type: application/json", f"Content-Length: {len(payload)}",
             *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def page_encoder(host: str, path: str) -> Callable[[Search], bytes]:
    """The search page: typing requests come from htmx and want the results fragment only."""
    def encode(search: Search) -> bytes:
        return get_request(host, path, search.params, {"HX-Request": "true"} if search.typing else {})
    return encode


def api_encoder(host: str) -> Callable[[Search], bytes]:
    def encode(search: Search) -> bytes:
        params = (*search.params, ("facets", "false")) if search.typing else search.params
        return get_request(host, "/api/v1/search", params, {})
    return encode


def meili_encoder(host: str, index_uid: str, key: str | None, today) -> Callable[[Search], bytes]:
    """What a plain front end would send for every search: filter, all facets, highlighting."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}

    def encode(search: Search) -> bytes:
        grouped: dict[str, list[str]] = {}
        for name, value in search.params:
            grouped.setdefault(name, []).append(value)
        request = parse_request(grouped)
        main = meili_queries(request, request.q, index_uid, today)[0]
        main.pop("indexUid")
        main["facets"] = ["kind", "unit", "languages", "degree_levels"]
        return post_json(host, f"/indexes/{index_uid}/search", main, headers)
    return encode


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    lower = head.lower()
    if b"transfer-encoding: chunked" in lower:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        start = lower.find(b"content-length:")
        length = int(lower[start + 15 : lower.find(b"\r\n", start)]) if start >= 0 else 0
        await reader.readexactly(length)
    return status, b"connection: close" in lower


async def run_cell(name: str, host: str, port: int, requests: Iterable[bytes],
                   concurrency: int, duration: float) -> CellResult:
    result = CellResult(target=name, concurrency=concurrency)
    source = iter(requests)
    deadline = time.perf_counter() + duration

    async def connection() -> None:
        reader = writer = None
        while time.perf_counter() < deadline:
            data = next(source)
            started = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, port, limit=1 << 22)
                writer.write(data)
                status, close = await _read_response(reader)
            except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                result.errors += 1
                result.first_error = result.first_error or f"{type(error).__name__}: {error}"
                if writer is not None:
                    writer.close()
                reader = writer = None
                await asyncio.sleep(0.01)
                continue
            if status == 200:
                result.latencies.append(time.perf_counter() - started)
            else:
                result.errors += 1
                result.first_error = result.first_error or f"HTTP {status}"
            if close:
                writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    result.elapsed = time.perf_counter() - started
    return result


def encoded_stream(searches: Sequence[Search], encode: Callable[[Search], bytes]) -> Iterable[bytes]:
    return itertools.cycle([encode(s) for s in searches])
