"""Talking to Meilisearch: the index and its settings, searches, documents, full rebuilds."""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from meilisearch.errors import MeilisearchApiError, MeilisearchError, MeilisearchTimeoutError
from sqlalchemy import func, insert, literal
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from opportunity_bank.models import Opportunity, OutboxEntry, Unit, utcnow
from opportunity_bank.opportunities.lifecycle import city_today, is_searchable
from opportunity_bank.search.breaker import CircuitBreaker
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.documents import INDEX_SETTINGS, Analyzer, index_settings, to_document
from opportunity_bank.search.fallback import DatabaseSearch, visible_clause
from opportunity_bank.search.query import SearchRequest, SearchResult, meili_queries, shape_result
from opportunity_bank.search.version import bump_version

log = logging.getLogger(__name__)
TASK_TIMEOUT_MS = 60_000
TASK_POLL_MAX_SECONDS = 0.05
SEARCH_TIMEOUT_SECONDS = 2.0  # a student waits this long at most before the database answers
REINDEX_BATCH = 5_000
# A rebuild inside `serve` (a lost index) sends smaller batches: what a batch allocates stays
# with a long-running process (the allocators keep it); 23,000 openings left serve at 135 MB
# instead of 163 MB, and took 9.1 s instead of 7.1 s. The `reindex` command exits after it.
HEAL_BATCH = 2_000
# Replays what changed since a rebuild started, with room for clocks of other hosts.
REPLAY_MARGIN = timedelta(minutes=5)
STALE_BUILD_SECONDS = 3600
COMPARED_FIELDS = tuple(INDEX_SETTINGS["displayedAttributes"])


class SearchUnavailable(RuntimeError):
    """Meilisearch did not answer or refused; callers degrade instead of failing."""


class SearchTaskFailed(SearchUnavailable):
    """Meilisearch answered but the task failed: something about the documents themselves."""


@dataclass(slots=True)
class IndexDiff:
    """How the index differs from the database (opening ids)."""

    expected: int = 0
    indexed: int = 0
    missing: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.missing or self.extra or self.stale)

    def summary(self) -> str:
        return (f"database {self.expected} searchable, index {self.indexed}: "
                f"missing {len(self.missing)}, extra {len(self.extra)}, stale {len(self.stale)}")


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
        self._ensure(self.index_uid)

    def _ensure(self, uid: str) -> None:
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
        try:
            return self.reader.health().get("status") == "available"
        except Exception:
            return False

    def document_count(self, uid: str | None = None) -> int:
        return self.client.index(uid or self.index_uid).get_stats().number_of_documents

    def needs_rebuild(self, engine: Engine) -> str | None:
        """Why the live index must be rebuilt (it is missing, or empty while there are openings)."""
        try:
            stats = self.client.index(self.index_uid).get_stats()
        except MeilisearchApiError as error:
            if error.code == "index_not_found":
                return "the index is missing"
            raise
        if stats.number_of_documents == 0 and not stats.is_indexing and searchable_count(engine) > 0:
            return "the index is empty while the database has searchable openings"
        return None

    def heal(self, engine: Engine) -> bool:
        """Rebuild a lost or emptied index from the database (True if it did), else make sure
        the index has its declared settings."""
        reason = self.needs_rebuild(engine)
        if reason is None:
            # An index recreated by a document upload has default settings: bring ours back.
            self.ensure_index()
            return False
        log.warning("rebuilding search index %s: %s", self.index_uid, reason)
        self.rebuilding = True
        try:
            count = self.reindex(engine, batch_size=HEAL_BATCH)
        finally:
            self.rebuilding = False
        self.breaker.succeeded()  # the index answers again; no need to sit out the cooldown
        log.warning("search index %s rebuilt with %d openings", self.index_uid, count)
        return True

    # --- searching -------------------------------------------------------------------------
    def query_text(self, q: str) -> str:
        return self.analyzer.query_text(q) if self.analyzer and q else q

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
            try:
                result = self.search_index(request, today)
            except SearchUnavailable as error:
                self.breaker.failed()
                log.warning("search answered from the database for %.0f s: %s",
                            self.breaker.cooldown, error)
            else:
                self.breaker.succeeded()
                return result
        return self.fallback.search(request, today)

    def search_index(self, request: SearchRequest, today: date) -> SearchResult:
        queries = meili_queries(
            request, self.query_text(request.q), self.index_uid, today,
            query_language=self.query_language(request),
        )
        try:
            answers = self.reader.multi_search(queries)["results"]
        except Exception as error:
            raise SearchUnavailable(str(error)) from error
        return shape_result(request, answers)

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

    # --- full rebuild ----------------------------------------------------------------------
    def reindex(self, engine: Engine, progress=None, batch_size: int = REINDEX_BATCH) -> int:
        """Build a fresh index beside the live one, check it, swap it in, replay, drop the old.

        Students keep searching the old index the whole time, so there is no empty moment.
        """
        started = utcnow()
        today = city_today()
        self._drop_stale_builds()
        build_uid = f"{self.index_uid}_build_{time.time_ns()}_{uuid.uuid4().hex[:6]}"
        self._ensure(build_uid)
        expected = 0
        build = self.client.index(build_uid)
        sent: int | None = None  # Meilisearch indexes one batch while we read and analyse the next
        try:
            for batch in searchable_batches(engine, today, batch_size):
                docs = self.documents_for(batch)
                task_uid = build.add_documents(docs, primary_key="id").task_uid
                if sent is not None:
                    self.wait(sent)
                sent = task_uid
                expected += len(docs)
                if progress:
                    progress(expected)
            if sent is not None:
                self.wait(sent)
            actual = self.document_count(build_uid)
            if actual != expected:
                raise SearchUnavailable(f"new index holds {actual} documents, expected {expected}")
            # Created only now if it was lost: other processes answer from their databases
            # while it is missing, but would answer nothing from an empty index.
            self._ensure(self.index_uid)
            self.wait(self.client.swap_indexes([{"indexes": [self.index_uid, build_uid]}]).task_uid)
        finally:
            # After the swap the build name holds the old documents; before it, a failed build.
            self._drop(build_uid)
        replay_changes_since(engine, started - REPLAY_MARGIN)
        return expected

    def _drop(self, uid: str) -> None:
        try:
            self.wait(self.client.delete_index(uid).task_uid)
        except MeilisearchError as error:
            # Only clean-up: the next reindex drops it once it is an hour old.
            log.warning("could not drop the index %s yet: %s", uid, error)

    def _drop_stale_builds(self) -> None:
        """Builds left behind by a killed reindex; a fresh one may belong to a running reindex."""
        prefix = f"{self.index_uid}_build_"
        cutoff = time.time_ns() - STALE_BUILD_SECONDS * 1_000_000_000
        for index in self.client.get_indexes({"limit": 1000})["results"]:
            stamp = index.uid.removeprefix(prefix).split("_")[0]
            if index.uid.startswith(prefix) and stamp.isdigit() and int(stamp) < cutoff:
                log.info("dropping the abandoned index build %s", index.uid)
                self._drop(index.uid)

    # --- comparing with the database -------------------------------------------------------
    def check(self, engine: Engine) -> IndexDiff:
        """Compare the live index with the database: missing, extra and stale documents."""
        today = city_today()
        wanted: dict[int, str] = {}
        for batch in searchable_batches(engine, today, REINDEX_BATCH):
            for document in self.documents_for(batch):
                wanted[document["id"]] = _fingerprint(document)
        diff = IndexDiff(expected=len(wanted))
        seen: set[int] = set()
        for document in self._all_documents():
            doc_id = int(document["id"])
            seen.add(doc_id)
            if doc_id not in wanted:
                diff.extra.append(doc_id)
            elif wanted[doc_id] != _fingerprint(document):
                diff.stale.append(doc_id)
        diff.indexed = len(seen)
        diff.missing = sorted(set(wanted) - seen)
        diff.extra.sort()
        diff.stale.sort()
        return diff

    def repair(self, engine: Engine, diff: IndexDiff) -> None:
        """Send the missing and stale documents, delete the extra ones."""
        today = city_today()
        resend = [*diff.missing, *diff.stale]
        for start in range(0, len(resend), REINDEX_BATCH):
            with Session(engine) as session:
                rows = session.exec(
                    select(Opportunity, Unit.name).join(Unit, Unit.id == Opportunity.unit_id)
                    .where(Opportunity.id.in_(resend[start:start + REINDEX_BATCH]))
                ).all()
            visible = [(o, u) for o, u in rows if is_searchable(o.status, o.application_deadline, today)]
            self.apply(self.documents_for(visible), [])
        for start in range(0, len(diff.extra), REINDEX_BATCH):
            self.apply([], diff.extra[start:start + REINDEX_BATCH])

    def _all_documents(self, page: int = 1000) -> Iterator[dict[str, Any]]:
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


def _fingerprint(document: dict[str, Any]) -> str:
    compared = {name: document.get(name) for name in COMPARED_FIELDS}
    return hashlib.sha256(json.dumps(compared, sort_keys=True, default=str).encode()).hexdigest()


def _settings_match(current: dict[str, Any], wanted: dict[str, Any]) -> bool:
    for key, value in wanted.items():
        have = current.get(key)
        if isinstance(value, dict) and isinstance(have, dict):
            if not _settings_match(have, value):
                return False
        elif have != value:
            return False
    return True


def visible_openings_query(today: date):
    return (
        select(Opportunity, Unit.name)
        .join(Unit, Unit.id == Opportunity.unit_id)
        .where(visible_clause(today))
    )


def searchable_count(engine: Engine, today: date | None = None) -> int:
    with Session(engine) as session:
        return session.exec(
            select(func.count()).select_from(Opportunity).where(visible_clause(today or city_today()))
        ).one()


def searchable_batches(engine: Engine, today: date, size: int) -> Iterator[list[tuple[Opportunity, str]]]:
    last_id = 0
    while True:
        with Session(engine) as session:
            rows = session.exec(
                visible_openings_query(today).where(Opportunity.id > last_id)
                .order_by(Opportunity.id).limit(size)
            ).all()
            session.expunge_all()
        if not rows:
            return
        last_id = rows[-1][0].id
        yield [(o, unit) for o, unit in rows if is_searchable(o.status, o.application_deadline, today)]


def replay_changes_since(engine: Engine, since) -> int:
    """Queue openings changed during a rebuild: the new index was filled from older reads.

    Also bumps the index version: answers cached from the old index are not served again.
    """
    now = utcnow()
    stamp = OutboxEntry.__table__.c.created_at.type
    # One INSERT … SELECT: after a big import this is every imported opening (100,000 entries
    # took 10 s as ORM objects).
    changed = sa_select(Opportunity.id, literal(now, stamp), literal(now, stamp), literal(0)).where(
        Opportunity.updated_at >= since)
    with Session(engine) as session:
        # Counted from RETURNING: through SQLAlchemy on PostgreSQL its row count came back -1.
        queued = len(session.execute(insert(OutboxEntry).from_select(
            ["opportunity_id", "created_at", "available_at", "attempts"], changed)
            .returning(OutboxEntry.id)).all())
        bump_version(session)
        session.commit()
    return queued
