"""Talking to Meilisearch: the index and its settings, tasks, searches, documents.

Reads no database: the fallback answers from it (search.fallback), the rebuild and the
indexer read openings from it (search.rebuild, search.indexer).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from itertools import zip_longest
from typing import Any

from meilisearch.errors import MeilisearchApiError, MeilisearchError, MeilisearchTimeoutError

from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.search.breaker import CircuitBreaker
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.documents import INDEX_SETTINGS, Analyzer, index_settings, to_document
from opportunity_bank.search.fallback import DatabaseSearch, FallbackBusy
from opportunity_bank.search.query import SearchRequest, SearchResult, meili_queries, shape_result

log = logging.getLogger(__name__)
TASK_TIMEOUT_MS = 60_000
TASK_POLL_MAX_SECONDS = 0.05
SEARCH_TIMEOUT_SECONDS = 2.0  # a student waits this long at most before the database answers
# The breaker's trial first asks /health this long: a hung server then costs the student who
# makes the trial a quarter of a second, not the search timeout.
PROBE_TIMEOUT_SECONDS = 0.25
STALE_BUILD_SECONDS = 3600
RELATED_SINGLE_TERMS = 4  # terms of a relaxed query also asked alone (related openings)
RELATED_ASSOCIATED_TERMS = 6  # associated terms asked, each alone, before those
# Related openings fill a short answer up to this many: further down they are mostly openings
# that share only the commonest word (any thesis for "hulevesi opinnäytetyö").
RELATED_FILL = 10
COMPARED_FIELDS = tuple(INDEX_SETTINGS["displayedAttributes"])


class SearchUnavailable(RuntimeError):
    """Meilisearch did not answer or refused; callers degrade instead of failing."""


class SearchTaskFailed(SearchUnavailable):
    """Meilisearch answered but the task failed: something about the documents themselves."""


class QueryRefused(SearchUnavailable):
    """Meilisearch refused a query we built (a 4xx that is not about keys or a missing index):
    a bug of ours, not an outage, so the breaker stays closed."""


class SearchBusy(SearchUnavailable):
    """The index cannot answer and the database fallback has no room for another question."""


def refused_query(error: Exception) -> bool:
    return (isinstance(error, MeilisearchApiError) and 400 <= error.status_code < 500
            and error.status_code not in (401, 403) and error.code != "index_not_found")


class SearchEngine:
    def __init__(
        self,
        client: SearchClient,
        index_uid: str,
        analyzer: Analyzer | None = None,
        fallback: DatabaseSearch | None = None,
        breaker: CircuitBreaker | None = None,
        search_key: str | None = None,
    ):
        self.client = client
        # Students' searches go through a short timeout and, if configured, a search-only key.
        self.reader = client.with_timeout(SEARCH_TIMEOUT_SECONDS, search_key)
        self.prober = client.with_timeout(PROBE_TIMEOUT_SECONDS)
        self.index_uid = index_uid
        self.analyzer = analyzer
        self.index = client.index(index_uid)
        self.fallback = fallback
        if fallback is not None and fallback.analyzer is None:
            fallback.analyzer = analyzer  # the database then matches the same base forms
        self.breaker = breaker or CircuitBreaker()
        # Set while the live index is being rebuilt because it was lost: it answers nothing.
        self.rebuilding = False

    # --- index lifecycle -------------------------------------------------------------------
    def ensure_index(self) -> None:
        """Create the index if it is missing and bring its settings to the declared ones."""
        self.ensure(self.index_uid)

    def ensure(self, uid: str) -> None:
        try:
            self.client.get_raw_index(uid)
        except MeilisearchApiError as error:
            if error.code != "index_not_found":
                raise
            self.wait(self.client.create_index(uid, {"primaryKey": "id"}).task_uid)
        index = self.client.index(uid)
        wanted = index_settings(self.analyzer)
        if not _settings_match(index.get_settings(), wanted):
            self.wait(index.update_settings(wanted).task_uid)

    def wait(self, task_uid: int) -> None:
        """Wait for a task to succeed. A server too busy to answer one poll is asked again
        (until TASK_TIMEOUT_MS); one that refuses connections fails at once."""
        deadline = time.monotonic() + TASK_TIMEOUT_MS / 1000
        # Short pauses: a published opening is searchable when its task is seen done, and
        # asking for a task's status costs Meilisearch next to nothing.
        pause = 0.01
        while True:
            try:
                task = self.client.get_task(task_uid)
            except MeilisearchTimeoutError:
                if time.monotonic() > deadline:
                    raise
            else:
                if task.status in ("failed", "canceled"):
                    raise SearchTaskFailed(f"Meilisearch task {task_uid} {task.status}: {task.error}")
                if task.status == "succeeded":
                    return
                if time.monotonic() > deadline:
                    raise MeilisearchTimeoutError(f"task {task_uid} still {task.status} after "
                                                  f"{TASK_TIMEOUT_MS / 1000:g} s")
            time.sleep(pause)
            pause = min(pause * 1.5, TASK_POLL_MAX_SECONDS)

    def healthy(self) -> bool:
        return _available(self.reader)

    def answers_health(self) -> bool:
        """Whether the server answers /health within PROBE_TIMEOUT_SECONDS."""
        return _available(self.prober)

    def document_count(self, uid: str | None = None) -> int:
        return self.client.index(uid or self.index_uid).get_stats().number_of_documents

    # --- searching -------------------------------------------------------------------------
    def query_text(self, request: SearchRequest) -> str:
        q = request.q
        return self.analyzer.query_text(q, request.interface_language) if self.analyzer and q else q

    def query_language(self, request: SearchRequest) -> str | None:
        if not (self.analyzer and request.q):
            return None
        return self.analyzer.query_language(request.q, request.interface_language)

    def search(self, request: SearchRequest, today: date | None = None) -> SearchResult:
        """The index's answer, or the database's (marked degraded) when the index cannot give one."""
        today = today or city_today()
        if self.fallback is None:
            return self.search_index(request, today)
        if not self.rebuilding and self.breaker.allow():
            if self.breaker.is_open and not self.answers_health():
                self.breaker.failed()
                return self.search_database(request, today)
            try:
                result = self.search_index(request, today)
            except QueryRefused:
                log.exception("BUG: Meilisearch refused our query for %r; answered from the database",
                              request)
                return self.search_database(request, today)
            except SearchUnavailable as error:
                self.breaker.failed()
                log.warning("search answered from the database for %.0f s: %s",
                            self.breaker.cooldown, error)
            else:
                self.breaker.succeeded()
                return result
        return self.search_database(request, today)

    def search_database(self, request: SearchRequest, today: date) -> SearchResult:
        try:
            return self.fallback.search(request, today)
        except FallbackBusy as error:
            raise SearchBusy(str(error)) from error

    def search_index(self, request: SearchRequest, today: date) -> SearchResult:
        queries = meili_queries(
            request, self.query_text(request), self.index_uid, today,
            query_language=self.query_language(request),
        )
        try:
            answers = self.reader.multi_search(queries)["results"]
        except Exception as error:
            if refused_query(error):
                raise QueryRefused(str(error)) from error
            raise SearchUnavailable(str(error)) from error
        return shape_result(request, answers)

    def related(self, request: SearchRequest, result: SearchResult, today: date) -> list[dict[str, Any]]:
        """Openings near a search that found fewer than RELATED_FILL (and than a page), to list
        after its hits up to that many.

        Only for such searches (first page, by relevance, not while degraded). First the
        relaxed query (:meth:`TextAnalyzer.relaxed_query_text`) with the "frequency" strategy,
        which ends with its rarest term alone; only if that does not fill the list, the terms
        associated with the search, each alone and taken in turn, and then each of the relaxed
        query's first terms alone (so a compound's part, *ilmasto* of *ilmastonmuutos*, is
        reached even when it is the commonest term). The associations come first because
        those parts are often the commonest words (*hoito* of *talvihoito*, any care job) and
        would fill the list. Same filters; without what the search already found.
        """
        if (not self.analyzer or not request.q or result.degraded or request.page != 1
                or request.sort != "relevance" or result.total >= min(request.per_page, RELATED_FILL)):
            return []
        wanted = min(request.per_page, RELATED_FILL) - len(result.hits)
        relaxed = replace(request, facets=False, per_page=RELATED_FILL)
        language = self.query_language(request)
        seen = {hit["id"] for hit in result.hits}
        near: list[dict[str, Any]] = []
        for groups in self._related_stages(request.q):
            try:
                hits = self._related_hits(relaxed, groups, today, language)
            except Exception as error:
                log.warning("no related openings for %r: %s", request.q, error)
                break
            for hit in hits:
                if hit["id"] not in seen:
                    seen.add(hit["id"])
                    near.append(hit)
            if len(near) >= wanted:
                break
        return near[:wanted]

    def _related_stages(self, q: str) -> Iterator[list[list[str]]]:
        """The related questions, in groups whose answers are taken in turn; a later stage is
        worked out only when asked for."""
        terms = self.analyzer.relaxed_query_text(q).split()
        yield [[" ".join(terms)]]
        yield [self.analyzer.associated_terms(q)[:RELATED_ASSOCIATED_TERMS],
               terms[:RELATED_SINGLE_TERMS] if len(terms) > 1 else []]

    def _related_hits(self, request: SearchRequest, groups: list[list[str]], today: date,
                      language: str | None) -> list[dict[str, Any]]:
        texts = [text for group in groups for text in group]
        if not texts:
            return []
        answers = self.reader.multi_search(
            [_lean(meili_queries(request, text, self.index_uid, today, matching_strategy="frequency",
                                 query_language=language)[0]) for text in texts])["results"]
        lists = iter([shape_result(request, [answer]).hits for answer in answers])
        return [hit for group in groups for hit in _in_turn([next(lists) for _ in group])]

    # --- documents -------------------------------------------------------------------------
    def documents_for(self, opportunities: Iterable[tuple[Opportunity, str]]) -> list[dict[str, Any]]:
        return [to_document(o, unit, self.analyzer) for o, unit in opportunities]

    def apply(self, documents: list[dict[str, Any]], delete_ids: list[int], uid: str | None = None) -> None:
        index = self.client.index(uid or self.index_uid)
        tasks = []
        if documents:
            tasks.append(index.add_documents(documents, primary_key="id").task_uid)
        if delete_ids:
            tasks.append(index.delete_documents(filter=f"id IN [{', '.join(map(str, delete_ids))}]").task_uid)
        for task_uid in tasks:
            self.wait(task_uid)

    # --- index builds ----------------------------------------------------------------------
    def swap_in(self, build_uid: str) -> None:
        """Make a finished build the live index; the build's name then holds the old one."""
        self.wait(self.client.swap_indexes([{"indexes": [self.index_uid, build_uid]}]).task_uid)

    def drop(self, uid: str, wait: bool = True) -> None:
        try:
            task_uid = self.client.delete_index(uid).task_uid
            if wait:
                self.wait(task_uid)
        except MeilisearchError as error:
            # Only clean-up: the next reindex drops it once it is an hour old.
            log.warning("could not drop the index %s yet: %s", uid, error)

    def drop_stale_builds(self) -> None:
        """Builds left behind by a killed reindex; a fresh one may belong to a running reindex."""
        prefix = f"{self.index_uid}_build_"
        cutoff = time.time_ns() - STALE_BUILD_SECONDS * 1_000_000_000
        for index in self.client.get_indexes({"limit": 1000})["results"]:
            stamp = index.uid.removeprefix(prefix).split("_")[0]
            if index.uid.startswith(prefix) and stamp.isdigit() and int(stamp) < cutoff:
                log.info("dropping the abandoned index build %s", index.uid)
                self.drop(index.uid)

    # --- reading the index ---------------------------------------------------------------
    def all_documents(self, page: int = 1000) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            answer = self.client.http.post(
                f"indexes/{self.index_uid}/documents/fetch",
                {"offset": offset, "limit": page, "fields": list(COMPARED_FIELDS)},
            )
            yield from answer["results"]
            offset += page
            if offset >= answer["total"]:
                return


def _available(client: SearchClient) -> bool:
    try:
        return client.health().get("status") == "available"
    except Exception:
        return False


def _lean(query: dict[str, Any]) -> dict[str, Any]:
    """A related-openings question: hits only, no facet counts (the dearest part of a broad
    query) and no highlights (related cards show plain titles)."""
    return {k: v for k, v in query.items()
            if k not in ("facets", "attributesToHighlight", "highlightPreTag", "highlightPostTag")}


def _in_turn(lists: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The first of each list, then the second of each, …"""
    return [hit for row in zip_longest(*lists) for hit in row if hit]


def _settings_match(current: dict[str, Any], wanted: dict[str, Any]) -> bool:
    for key, value in wanted.items():
        have = current.get(key)
        if isinstance(value, dict) and isinstance(have, dict):
            if not _settings_match(have, value):
                return False
        elif have != value:
            return False
    return True
