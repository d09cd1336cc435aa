"""Talking to Meilisearch: the index and its settings, searches, documents, full rebuilds."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from meilisearch.errors import MeilisearchApiError
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from opportunity_bank.models import Opportunity, OutboxEntry, Unit, utcnow
from opportunity_bank.models.enums import Status
from opportunity_bank.opportunities.lifecycle import city_today, is_searchable
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.documents import Analyzer, index_settings, to_document
from opportunity_bank.search.query import SearchRequest, SearchResult, meili_queries, shape_result

log = logging.getLogger(__name__)
TASK_TIMEOUT_MS = 120_000
REINDEX_BATCH = 5_000


class SearchUnavailable(RuntimeError):
    """Meilisearch did not answer or refused; callers degrade instead of failing."""


class SearchEngine:
    def __init__(self, client: SearchClient, index_uid: str, analyzer: Analyzer | None = None):
        self.client = client
        self.index_uid = index_uid
        self.analyzer = analyzer
        self.index = client.index(index_uid)

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
        wanted = index_settings()
        if not _settings_match(index.get_settings(), wanted):
            self.wait(index.update_settings(wanted).task_uid)

    def wait(self, task_uid: int) -> None:
        task = self.client.wait_for_task(task_uid, timeout_in_ms=TASK_TIMEOUT_MS, interval_in_ms=20)
        if task.status != "succeeded":
            raise SearchUnavailable(f"Meilisearch task {task_uid} {task.status}: {task.error}")

    def healthy(self) -> bool:
        try:
            return self.client.health().get("status") == "available"
        except Exception:
            return False

    def document_count(self, uid: str | None = None) -> int:
        return self.client.index(uid or self.index_uid).get_stats().number_of_documents

    # --- searching -------------------------------------------------------------------------
    def query_text(self, q: str) -> str:
        return self.analyzer.query_text(q) if self.analyzer and q else q

    def search(self, request: SearchRequest, today: date | None = None) -> SearchResult:
        today = today or city_today()
        queries = meili_queries(request, self.query_text(request.q), self.index_uid, today)
        try:
            answers = self.client.multi_search(queries)["results"]
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
    def reindex(self, engine: Engine, progress=None) -> int:
        """Build a fresh index beside the live one, check it, swap it in, replay, drop the old.

        Students keep searching the old index the whole time, so there is no empty moment.
        """
        started = utcnow()
        today = city_today()
        build_uid = f"{self.index_uid}_build_{int(time.time())}"
        self._ensure(self.index_uid)
        self._ensure(build_uid)
        expected = 0
        try:
            for batch in searchable_batches(engine, today, REINDEX_BATCH):
                docs = self.documents_for(batch)
                self.apply(docs, [], uid=build_uid)
                expected += len(docs)
                if progress:
                    progress(expected)
            actual = self.document_count(build_uid)
            if actual != expected:
                raise SearchUnavailable(f"new index holds {actual} documents, expected {expected}")
            self.wait(self.client.swap_indexes([{"indexes": [self.index_uid, build_uid]}]).task_uid)
        finally:
            self.wait(self.client.delete_index(build_uid).task_uid)
        replay_changes_since(engine, started)
        return expected


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
        .where(Opportunity.status == Status.PUBLISHED)
        .where((Opportunity.application_deadline.is_(None)) | (Opportunity.application_deadline >= today))
    )


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
    """Queue openings changed during a rebuild: the new index was filled from older reads."""
    with Session(engine) as session:
        ids = session.exec(select(Opportunity.id).where(Opportunity.updated_at >= since)).all()
        now = utcnow()
        session.add_all(OutboxEntry(opportunity_id=i, created_at=now, available_at=now) for i in ids)
        session.commit()
    return len(ids)
