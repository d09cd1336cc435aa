"""Answers to repeated searches, kept until the index changes.

Students repeat popular searches and type the same prefixes, so most requests in a rush ask
what was just asked. An answer is kept under the normalised request and the city's day (the
deadline filter moves at midnight), stamped with the index version it was read under; the
indexer bumps that version after every batch, and an answer from an older version is never
served. The in-process indexer tells the cache at once; bumps by other processes (another
worker, `reindex`, `import` with its own indexer) are seen by polling the `search_state` row,
at most `poll_seconds` late.

Rendered search pages are kept the same way, beside the answers and under the same version:
a page that shows an answer is only as fresh as that answer.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

import anyio
from litestar.serialization import decode_json, encode_json
from sqlalchemy.engine import Engine

from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.periodic import Periodic
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.misses import MissCounter
from opportunity_bank.search.query import SearchRequest, SearchResult
from opportunity_bank.search.version import index_version

log = logging.getLogger(__name__)
MAX_ENTRIES = 2_000  # deflated, about 2–3 KB each: 6 MB at most
MAX_PAGES = 2_000  # kept gzipped, about 3 KB each (18 KB as HTML): 6 MB at most
POLL_SECONDS = 0.25
MISS_THREADS = 24  # measured 3, 8, 24, 48 at 50 connections: p95 best from 24 on
# While the breaker is open, the database's answers are shared for this long: a class typing
# the same words then costs the database one question per word and window, not one each.
DEGRADED_SECONDS = 5.0
T = TypeVar("T")


class AnswerCache:
    """A bounded LRU map from a request key to (index version, answer); thread-safe."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable, version: Hashable) -> Any | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != version:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[1]

    def put(self, key: Hashable, version: Hashable, value: Any) -> None:
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class IndexVersion:
    """The index version as this process knows it: never blocks the caller.

    A daemon thread reads the shared row every `poll_seconds`; `advance()` is called by the
    in-process indexer right after it commits a bump, so this process's own changes count at
    once. The value only moves forward; when it moves, `on_change` runs (the cache drops its
    now unreachable answers to free their memory).
    """

    def __init__(self, engine: Engine, poll_seconds: float = POLL_SECONDS, on_change=None) -> None:
        self.engine = engine
        self.on_change = on_change
        self.value = -1  # unknown: nothing is cached until the first read succeeds
        self._lock = threading.Lock()
        self._poller = Periodic("index-version", poll_seconds, self.poll)

    def advance(self, value: int) -> None:
        with self._lock:
            if value <= self.value:
                return
            self.value = value
        if self.on_change:
            self.on_change()

    def poll(self) -> None:
        try:
            self.advance(index_version(self.engine))
        except Exception as error:
            # Without a fresh version nothing may be served from the cache.
            log.warning("cannot read the search index version: %s", error)
            self.value = -1

    def start(self) -> None:
        self.poll()
        self._poller.start()

    def stop(self) -> None:
        self._poller.stop()


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer as the cache keeps it: the API's JSON without the echoed query, and highlights.

    Both deflated: 10–12 KB of JSON for 20 hits keep in about 2 KB, and inflating one costs
    some 15 µs, next to the 0.5 ms a request costs anyway. The query is echoed per request:
    "KESÄ" and "kesä" share an entry but each sees its own words.
    """

    packed_body: bytes
    packed_highlights: bytes
    total: int

    @classmethod
    def of(cls, result: SearchResult) -> Answer:
        data = result.as_json()
        del data["query"]
        highlights = [hit.get("title_highlight") for hit in result.hits]
        return cls(zlib.compress(encode_json(data), 1), zlib.compress(encode_json(highlights), 1),
                   result.total)

    def json(self, request: SearchRequest) -> bytes:
        return b'{"query":' + encode_json(request.q) + b"," + zlib.decompress(self.packed_body)[1:]

    def result(self, request: SearchRequest) -> SearchResult:
        data = decode_json(zlib.decompress(self.packed_body))
        highlights = decode_json(zlib.decompress(self.packed_highlights))
        for hit, highlight in zip(data["hits"], highlights, strict=True):
            hit["title_highlight"] = highlight
        return SearchResult(request=request, total=data["total"], hits=data["hits"],
                            facets=data["facets"], degraded=data["degraded"],
                            suggestion=data["suggestion"], related=data["related"])


class CachedSearch:
    """SearchEngine.search with answers cached per index version; degraded answers are kept
    only for DEGRADED_SECONDS and served only while the breaker is open.

    Also keeps rendered pages (`kept_page`/`keep_page`) under the same version, and runs slow
    work off the event loop (`shared`) so that identical requests at one moment share one run.
    """

    def __init__(self, search: SearchEngine, engine: Engine, max_entries: int = MAX_ENTRIES,
                 poll_seconds: float = POLL_SECONDS, max_pages: int = MAX_PAGES) -> None:
        self.engine_search = search
        self.answers = AnswerCache(max_entries)
        self.degraded = AnswerCache(max_entries // 4)
        self.pages = AnswerCache(max_pages)
        self.version = IndexVersion(engine, poll_seconds, on_change=self._forget)
        self._in_flight: dict[Hashable, asyncio.Future] = {}
        self.misses = MissCounter(engine, search.analyzer)
        self.fetches = 0  # questions actually sent to Meilisearch
        self._limiter: anyio.CapacityLimiter | None = None  # made on the event loop

    def _forget(self) -> None:
        self.answers.clear()
        self.degraded.clear()
        self.pages.clear()

    def kept_page(self, key: Hashable) -> Any | None:
        """A page rendered under the current index version, if one is kept under `key`."""
        version = self.version.value
        return self.pages.get(key, version) if version >= 0 else None

    def keep_page(self, key: Hashable, version: int, page: Any) -> None:
        """Keep a page rendered from answers read at `version` (read it before searching)."""
        if version >= 0:
            self.pages.put(key, version, page)

    def cached(self, request: SearchRequest, today: date | None = None) -> Answer | None:
        """The kept answer, if there is one for the current version; cheap, never blocks."""
        version = self.version.value
        if version < 0:
            return None
        key = request.cache_key(today or city_today())
        kept = self.answers.get(key, version)
        if kept is None and self.engine_search.breaker.is_open:
            kept = self.degraded.get(key, (version, _window()))
        return kept

    def _fetch(self, request: SearchRequest, today: date) -> tuple[SearchResult, Answer]:
        # Read the version before asking: an answer read during a bump is kept under the old
        # version, which is then no longer served.
        version = self.version.value
        self.fetches += 1
        result = self.engine_search.search(request, today)
        if result.total == 0 and request.q and not result.degraded:
            result.suggestion = did_you_mean(self.engine_search, request, today)
        result.related = self.engine_search.related(request, result, today)
        answer = Answer.of(result)
        if version >= 0 and not result.degraded:
            self.answers.put(request.cache_key(today), version, answer)
        elif version >= 0:
            self.degraded.put(request.cache_key(today), (version, _window()), answer)
        return result, answer

    def search(self, request: SearchRequest, today: date | None = None) -> SearchResult:
        """For pages: the answer as a SearchResult, from the cache or from Meilisearch."""
        today = today or city_today()
        kept = self.cached(request, today)
        return kept.result(request) if kept else self._fetch(request, today)[0]

    async def search_json(self, request: SearchRequest) -> bytes:
        """For the API: the JSON body; from the cache on the event loop, a miss in a thread."""
        today = city_today()
        kept = self.cached(request, today)
        if kept is None:
            key = ("answer", request.cache_key(today), self.version.value)
            kept = await self.shared(key, lambda: self._fetch(request, today)[1])
        if kept.total == 0:
            self.note_miss(request)
        return kept.json(request)

    def note_miss(self, request: SearchRequest) -> None:
        """Count a student's search that found nothing (feeds and alerts are not counted)."""
        if request.q and not request.filters():
            self.misses.note(request.q)

    async def shared(self, key: Hashable, work: Callable[[], T]) -> T:
        """`work()` in a worker thread; callers with the same key at the same moment share one run.

        A class typing the same popular word sends Meilisearch one question, not one each.
        The key must say everything the result depends on, the index version included.
        """
        pending = self._in_flight.get(key)
        if pending is None:
            pending = asyncio.ensure_future(self._in_thread(work))
            self._in_flight[key] = pending
            pending.add_done_callback(lambda done: self._settled(key, done))
        return await asyncio.shield(pending)

    async def _in_thread(self, work: Callable[[], T]) -> T:
        if self._limiter is None:
            # Misses wait on Meilisearch most of their time; fewer threads queue them (p95 up).
            self._limiter = anyio.CapacityLimiter(MISS_THREADS)
        return await anyio.to_thread.run_sync(work, limiter=self._limiter)

    def _settled(self, key: Hashable, done: asyncio.Future) -> None:
        self._in_flight.pop(key, None)
        if not done.cancelled():
            done.exception()  # the waiters got it; do not log it again as never retrieved

    def start(self) -> None:
        self.version.start()
        self.misses.start()

    def stop(self) -> None:
        self.version.stop()
        self.misses.stop()


def did_you_mean(search: SearchEngine, request: SearchRequest, today: date) -> str | None:
    """A corrected query (spelling, lexicon) for a search that found nothing, if it finds
    something: one more Meilisearch question, asked only when there were no hits."""
    if search.analyzer is None:
        return None
    suggestion = search.analyzer.suggestion(request.q)
    if not suggestion:
        return None
    probe = replace(request, q=suggestion, page=1, per_page=1, facets=False)
    return suggestion if search.search(probe, today).total else None


def _window() -> int:
    return int(time.monotonic() // DEGRADED_SECONDS)
