"""Rebuilding and checking the search index from the database: reindex, heal, check, repair.

With the indexer, the only part of search that reads the database (the fallback aside); the
engine it is given does the talking to Meilisearch. Beside the index it keeps search_terms,
what the database fallback matches, so that it finds what the index would.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from meilisearch.errors import MeilisearchApiError
from sqlalchemy import delete, insert, literal
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from opportunity_bank.models import Opportunity, OutboxEntry, SearchTerms, utcnow
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.opportunities.visibility import searchable_clause, searchable_openings
from opportunity_bank.search.documents import Analyzer, search_terms, to_document
from opportunity_bank.search.engine import COMPARED_FIELDS, SearchEngine, SearchUnavailable
from opportunity_bank.search.version import bump_version

log = logging.getLogger(__name__)
REINDEX_BATCH = 5_000
# A rebuild inside `serve` (a lost index) sends smaller batches: what a batch allocates stays
# with a long-running process (the allocators keep it); 23,000 openings left serve at 135 MB
# instead of 163 MB, and took 9.1 s instead of 7.1 s. The `reindex` command exits after it.
HEAL_BATCH = 2_000
# Replays what changed since a rebuild started, with room for clocks of other hosts.
REPLAY_MARGIN = timedelta(minutes=5)


@dataclass(slots=True)
class IndexDiff:
    """How the index differs from the database (opening ids)."""

    expected: int = 0
    indexed: int = 0
    missing: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    queued: int = 0  # openings whose change waits in the outbox: not counted as differences

    @property
    def clean(self) -> bool:
        return not (self.missing or self.extra or self.stale)

    def summary(self) -> str:
        return (f"database {self.expected} searchable, index {self.indexed}: "
                f"missing {len(self.missing)}, extra {len(self.extra)}, stale {len(self.stale)}"
                + (f" ({self.queued} more queued for indexing)" if self.queued else ""))


def needs_rebuild(search: SearchEngine, engine: Engine) -> str | None:
    """Why the live index must be rebuilt: it is missing, or empty while the database has
    searchable openings that no outbox entry will send. Right after an import into a new
    bank every opening is queued, and the indexer fills the index without a rebuild, in
    which students would be answered from the database."""
    try:
        stats = search.client.index(search.index_uid).get_stats()
    except MeilisearchApiError as error:
        if error.code == "index_not_found":
            return "the index is missing"
        raise
    if (stats.number_of_documents == 0 and not stats.is_indexing
            and _unqueued_searchable(engine, city_today())):
        return "the index is empty while the database has searchable openings"
    return None


def _unqueued_searchable(engine: Engine, today: date) -> bool:
    queued = sa_select(OutboxEntry.id).where(OutboxEntry.opportunity_id == Opportunity.id)
    with Session(engine) as session:
        return session.execute(
            sa_select(Opportunity.id).where(searchable_clause(today), ~queued.exists()).limit(1)
        ).first() is not None


def heal(search: SearchEngine, engine: Engine) -> bool:
    """Rebuild a lost or emptied index from the database (True if it did), else make sure
    the index has its declared settings. First give the fallback the terms it lacks (after
    the migration that made search_terms, every opening): that needs no Meilisearch."""
    fill_missing_terms(engine, search.analyzer)
    reason = needs_rebuild(search, engine)
    if reason is None:
        # An index recreated by a document upload has default settings: bring ours back.
        search.ensure_index()
        return False
    log.warning("rebuilding search index %s: %s", search.index_uid, reason)
    search.rebuilding = True
    try:
        # The outbox waits behind the heal, and on a busy machine Meilisearch was seen to sit
        # 30 s on deleting an index when no task followed it: the old build is dropped unwatched.
        count = reindex(search, engine, batch_size=HEAL_BATCH, wait_for_cleanup=False)
    finally:
        search.rebuilding = False
    search.breaker.succeeded()  # the index answers again; no need to sit out the cooldown
    log.warning("search index %s rebuilt with %d openings", search.index_uid, count)
    return True


def reindex(search: SearchEngine, engine: Engine, progress: Callable[[int], object] | None = None,
            batch_size: int = REINDEX_BATCH, wait_for_cleanup: bool = True) -> int:
    """Build a fresh index beside the live one, check it, swap it in, replay, drop the old.

    Students keep searching the old index the whole time, so there is no empty moment.
    """
    started = utcnow()
    today = city_today()
    search.drop_stale_builds()
    build_uid = f"{search.index_uid}_build_{time.time_ns()}_{uuid.uuid4().hex[:6]}"
    search.ensure(build_uid)
    expected = 0
    build = search.client.index(build_uid)
    sent: int | None = None  # Meilisearch indexes one batch while we read and analyse the next
    try:
        for batch in searchable_batches(engine, today, batch_size):
            docs = search.documents_for(batch)
            store_terms(engine, dated(batch, docs))
            task_uid = build.add_documents(docs, primary_key="id").task_uid
            if sent is not None:
                search.wait(sent)
            sent = task_uid
            expected += len(docs)
            if progress:
                progress(expected)
        if sent is not None:
            search.wait(sent)
        actual = search.document_count(build_uid)
        if actual != expected:
            raise SearchUnavailable(f"new index holds {actual} documents, expected {expected}")
        # Created only now if it was lost: other processes answer from their databases
        # while it is missing, but would answer nothing from an empty index.
        search.ensure(search.index_uid)
        search.swap_in(build_uid)
    finally:
        # After the swap the build name holds the old documents; before it, a failed build.
        search.drop(build_uid, wait=wait_for_cleanup)
    with Session(engine) as session:
        session.exec(delete(SearchTerms).where(
            SearchTerms.opportunity_id.not_in(sa_select(Opportunity.id).where(searchable_clause(today)))))
        session.commit()
    replay_changes_since(engine, started - REPLAY_MARGIN)
    return expected


def dated(rows: list[tuple[Opportunity, str]],
          documents: list[dict[str, Any]]) -> list[tuple[datetime, dict]]:
    """Each opening's document with the updated_at it was made from."""
    return [(o.updated_at, d) for (o, _unit), d in zip(rows, documents, strict=True)]


def store_terms(engine: Engine, documents: list[tuple[datetime, dict[str, Any]]],
                dropped: Iterable[int] = ()) -> None:
    """Write the fallback's terms of these (updated_at, document) pairs; drop those of
    openings no longer found."""
    dropped = list(dropped)
    with Session(engine) as session:
        if documents:
            rows = [{"opportunity_id": d["id"], "terms": search_terms(d), "source_updated_at": stamp}
                    for stamp, d in documents]
            # Two indexers may write the same opening at once: an upsert, not delete + insert.
            dialect_insert = sqlite_insert if engine.dialect.name == "sqlite" else postgresql_insert
            statement = dialect_insert(SearchTerms).values(rows)
            session.exec(statement.on_conflict_do_update(
                index_elements=[SearchTerms.opportunity_id],
                set_={"terms": statement.excluded.terms,
                      "source_updated_at": statement.excluded.source_updated_at}))
        if dropped:
            session.exec(delete(SearchTerms).where(SearchTerms.opportunity_id.in_(dropped)))
        session.commit()


def fill_missing_terms(engine: Engine, analyzer: Analyzer | None, batch_size: int = HEAL_BATCH) -> int:
    """Terms for searchable openings that have none yet; returns how many were written."""
    today = city_today()
    written = 0
    while True:
        with Session(engine) as session:
            rows = session.exec(
                searchable_openings(today)
                .outerjoin(SearchTerms, SearchTerms.opportunity_id == Opportunity.id)
                .where(SearchTerms.opportunity_id.is_(None))
                .order_by(Opportunity.id).limit(batch_size)
            ).all()
        if not rows:
            return written
        store_terms(engine, dated(rows, [to_document(o, unit, analyzer) for o, unit in rows]))
        written += len(rows)


def check(search: SearchEngine, engine: Engine) -> IndexDiff:
    """Compare the live index with the database: missing, extra and stale documents.

    Openings with an entry in the outbox are on their way (read before and after, so that
    one drained meanwhile counts as well) and are no difference.
    """
    today = city_today()
    queued = queued_openings(engine)
    wanted: dict[int, str] = {}
    for batch in searchable_batches(engine, today, REINDEX_BATCH):
        for document in search.documents_for(batch):
            wanted[document["id"]] = _fingerprint(document)
    diff = IndexDiff(expected=len(wanted))
    seen: set[int] = set()
    for document in search.all_documents():
        doc_id = int(document["id"])
        seen.add(doc_id)
        if doc_id not in wanted:
            diff.extra.append(doc_id)
        elif wanted[doc_id] != _fingerprint(document):
            diff.stale.append(doc_id)
    diff.indexed = len(seen)
    diff.missing = sorted(set(wanted) - seen)
    queued |= queued_openings(engine)
    differing = {*diff.missing, *diff.extra, *diff.stale}
    diff.queued = len(differing & queued)
    for name in ("missing", "extra", "stale"):
        setattr(diff, name, sorted(set(getattr(diff, name)) - queued))
    return diff


def queued_openings(engine: Engine) -> set[int]:
    with Session(engine) as session:
        return set(session.exec(sa_select(OutboxEntry.opportunity_id).distinct()).scalars())


def repair(search: SearchEngine, engine: Engine, diff: IndexDiff) -> None:
    """Send the missing and stale documents, delete the extra ones."""
    today = city_today()
    resend = [*diff.missing, *diff.stale]
    for start in range(0, len(resend), REINDEX_BATCH):
        with Session(engine) as session:
            rows = session.exec(
                searchable_openings(today).where(Opportunity.id.in_(resend[start:start + REINDEX_BATCH]))
            ).all()
        search.apply(search.documents_for(rows), [])
    for start in range(0, len(diff.extra), REINDEX_BATCH):
        search.apply([], diff.extra[start:start + REINDEX_BATCH])


def _fingerprint(document: dict[str, Any]) -> str:
    compared = {name: document.get(name) for name in COMPARED_FIELDS}
    return hashlib.sha256(json.dumps(compared, sort_keys=True, default=str).encode()).hexdigest()


def searchable_batches(engine: Engine, today: date, size: int) -> Iterator[list[tuple[Opportunity, str]]]:
    last_id = 0
    while True:
        with Session(engine) as session:
            rows = session.exec(
                searchable_openings(today).where(Opportunity.id > last_id)
                .order_by(Opportunity.id).limit(size)
            ).all()
            session.expunge_all()
        if not rows:
            return
        last_id = rows[-1][0].id
        yield [(o, unit) for o, unit in rows]


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
