"""Drains the search outbox into Meilisearch, after commit, in batches, with retries.

Idempotent by construction: each pass re-reads the opening and sends its whole document, or
deletes it when it should no longer be found, so a duplicate or replayed entry is harmless.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from meilisearch.errors import (
    MeilisearchCommunicationError,
    MeilisearchError,
    MeilisearchTimeoutError,
)
from sqlalchemy import delete, func, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from opportunity_bank.db import outbox_written
from opportunity_bank.models import Opportunity, OutboxEntry, utcnow
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.opportunities.visibility import searchable_openings
from opportunity_bank.search import rebuild
from opportunity_bank.search.engine import SearchEngine, SearchTaskFailed
from opportunity_bank.search.version import bump_version

log = logging.getLogger(__name__)
# Thousands per Meilisearch task (each has a fixed cost), but not more: what a batch allocates
# stays with serve. Draining 100,000 entries: 5,000 took 14 s and left serve at 127 MB, 2,500
# took 18 s and left it at 119 MB.
BATCH_SIZE = 2_500
MAX_BACKOFF_SECONDS = 60
# Claimed entries are held this long, and the working indexer renews the claim every third
# of it: a batch may wait on Meilisearch for a minute, but entries of an indexer that died
# are due again within seconds.
LEASE_SECONDS = 15
HEAL_INTERVAL_SECONDS = 60


def backoff_seconds(attempts: int) -> float:
    """0.5 s, 1 s, 2 s … capped at a minute: quick after a blip, gentle during an outage."""
    return min(MAX_BACKOFF_SECONDS, 0.5 * 2 ** max(0, attempts - 1))


@dataclass(frozen=True, slots=True)
class OutboxStats:
    pending: int
    oldest_age_seconds: float | None
    failing: int

    def as_json(self) -> dict:
        return {
            "pending": self.pending,
            "oldest_pending_age_seconds": self.oldest_age_seconds,
            "failing": self.failing,
        }


def outbox_stats(engine: Engine) -> OutboxStats:
    with Session(engine) as session:
        count, oldest, failing = session.exec(
            select(
                func.count(OutboxEntry.id),
                func.min(OutboxEntry.created_at),
                func.count(OutboxEntry.last_error),
            )
        ).one()
    age = None
    if oldest is not None:
        oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=utcnow().tzinfo)
        age = round((utcnow() - oldest).total_seconds(), 3)
    return OutboxStats(pending=count, oldest_age_seconds=age, failing=failing)


def failing_entries(engine: Engine, limit: int = 20) -> list[dict]:
    """The oldest entries whose last attempt failed: what an operator needs to look at."""
    with Session(engine) as session:
        rows = session.exec(
            select(OutboxEntry).where(OutboxEntry.last_error.is_not(None))
            .order_by(OutboxEntry.id).limit(limit)
        ).all()
    return [
        {
            "opportunity_id": row.opportunity_id,
            "attempts": row.attempts,
            "last_error": row.last_error,
            "created_at": row.created_at.isoformat(),
            "next_attempt_at": row.available_at.isoformat(),
        }
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    opportunity_id: int
    attempts: int


class OutboxIndexer:
    """Drains the outbox in a background thread; safe to run in several processes at once.

    Entries are claimed with a short lease, renewed while they are worked on, before they are
    sent, so two indexers do not send the same entry and an indexer that dies mid-batch leaves
    its entries to be retried once the lease runs out.
    A failed batch is retried with growing pauses, its error and attempts kept on the entries
    for the admin status. While Meilisearch is down the entries wait; when it is back they are
    released at once, and a lost or emptied index is rebuilt from the database.
    """

    def __init__(self, engine: Engine, search: SearchEngine, batch_size: int = BATCH_SIZE,
                 on_indexed: Callable[[int], object] | None = None, lease_seconds: float = LEASE_SECONDS):
        self.engine = engine
        self.lease_seconds = lease_seconds
        self.on_indexed = on_indexed  # told the new index version after each batch
        self.search = search
        self.batch_size = batch_size
        self.search_down = False
        self._stop = threading.Event()
        self._heal_now = threading.Event()
        self._thread: threading.Thread | None = None

    def drain_once(self) -> int:
        """Index one batch of due entries; returns how many entries it settled.

        Raises when Meilisearch cannot be reached or refuses; the entries are postponed first.
        """
        if not self._anything_due():
            return 0
        entries = self._claim()
        if not entries:
            return 0
        ids = {e.opportunity_id for e in entries}
        try:
            with self._holding(entries):
                found = self._searchable(ids)
                documents = self.search.documents_for(found)
                dropped = sorted(ids - {d["id"] for d in documents})
                # The fallback's terms first: they need no Meilisearch, which may not answer.
                rebuild.store_terms(self.engine, rebuild.dated(found, documents), dropped)
                self.search.apply(documents, dropped)
        except Exception as error:
            self._postpone(entries, error)
            raise
        with Session(self.engine) as session:
            session.exec(delete(OutboxEntry).where(OutboxEntry.id.in_([e.id for e in entries])))
            version = bump_version(session)
            session.commit()
        if self.on_indexed:
            self.on_indexed(version)
        return len(entries)

    def drain(self, deadline: float | None = None) -> int:
        """Drain everything that is due now, or until ``deadline`` (time.monotonic()) passes."""
        total = 0
        while (deadline is None or time.monotonic() < deadline) and (settled := self.drain_once()) > 0:
            total += settled
        return total

    def _anything_due(self) -> bool:
        """A read, not the claim's write transaction: polled ten times a second, the claim
        alone cost an idle server some 20 ms of CPU a second and a database commit each time."""
        with self.engine.connect() as connection:
            return connection.execute(_due(utcnow()).limit(1)).first() is not None

    def _claim(self) -> list[Claimed]:
        now = utcnow()
        due = _due(now).limit(self.batch_size)
        with Session(self.engine) as session:
            # The second condition is re-checked on the locked row, so of two indexers racing
            # for an entry only one gets it back.
            rows = session.execute(
                update(OutboxEntry)
                .where(OutboxEntry.id.in_(due.scalar_subquery()), OutboxEntry.available_at <= now)
                .values(available_at=now + timedelta(seconds=self.lease_seconds))
                .returning(OutboxEntry.id, OutboxEntry.opportunity_id, OutboxEntry.attempts)
            ).all()
            session.commit()
        return sorted((Claimed(*row) for row in rows), key=lambda e: e.id)

    @contextmanager
    def _holding(self, entries: list[Claimed]) -> Iterator[None]:
        """Renew the lease on claimed entries while the batch is worked on."""
        done = threading.Event()
        ids = [e.id for e in entries]

        def renew() -> None:
            while not done.wait(self.lease_seconds / 3):
                try:
                    with Session(self.engine) as session:
                        session.exec(update(OutboxEntry).where(OutboxEntry.id.in_(ids)).values(
                            available_at=utcnow() + timedelta(seconds=self.lease_seconds)))
                        session.commit()
                except Exception as error:
                    log.warning("could not renew the claim on %d outbox entries: %s", len(ids), error)

        renewer = threading.Thread(target=renew, name="outbox-lease", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            done.set()
            renewer.join()

    def _searchable(self, wanted: set[int]) -> list[tuple[Opportunity, str]]:
        """The openings that should be found, with their units; the others are to be deleted."""
        with Session(self.engine) as session:
            # Only openings that may be found are loaded: after a big import most are past ones.
            return list(session.exec(
                searchable_openings(city_today()).where(Opportunity.id.in_(wanted))).all())

    def _postpone(self, entries: list[Claimed], error: Exception) -> None:
        if not entries:
            return
        message = f"{type(error).__name__}: {error}"[:1000]
        log.warning("search indexing failed for %d entries (openings %s), will retry: %s",
                    len(entries), _some_ids(entries), message)
        now = utcnow()
        with Session(self.engine) as session:
            for entry in entries:
                session.exec(
                    update(OutboxEntry).where(OutboxEntry.id == entry.id).values(
                        attempts=entry.attempts + 1,
                        last_error=message,
                        available_at=now + timedelta(seconds=backoff_seconds(entry.attempts + 1)),
                    )
                )
            session.commit()

    def release_postponed(self) -> int:
        """Make waiting entries due now: Meilisearch is back, no need to sit out the backoff."""
        now = utcnow()
        with Session(self.engine) as session:
            released = session.exec(
                update(OutboxEntry)
                .where(OutboxEntry.last_error.is_not(None), OutboxEntry.available_at > now)
                .values(available_at=now)
            ).rowcount
            session.commit()
        return released

    def search_restarted(self) -> None:
        """Called when the managed Meilisearch was restarted: retry now and check the index.

        Students are answered from the database until the check is done: the new server may
        have lost what the old one had not written yet.
        """
        self.search.breaker.failed()
        self.search_down = True
        self._heal_now.set()
        outbox_written.set()

    # --- background thread -----------------------------------------------------------------
    def start(self, poll_seconds: float = 0.1) -> None:
        self._stop.clear()
        self._heal_now.set()  # check the index once at start: a new server may have none
        self._thread = threading.Thread(
            target=self._run, args=(poll_seconds,), name="outbox-indexer", daemon=True
        )
        self._thread.start()

    def stop(self, flush: bool = True, timeout: float = 10) -> None:
        """Stop the thread and, with ``flush``, index what is queued; within ``timeout`` seconds
        in all (what is left stays in the outbox for the next start)."""
        deadline = time.monotonic() + timeout
        self._stop.set()
        outbox_written.set()
        if self._thread:
            self._thread.join(timeout)
            self._thread = None
        if flush:
            try:
                flushed = self.drain(deadline)
            except Exception as error:
                log.warning("could not flush the search outbox at shutdown; it stays queued: %s", error)
            else:
                if flushed:
                    log.info("flushed %d search outbox entries at shutdown", flushed)

    def _run(self, poll_seconds: float) -> None:
        next_heal = time.monotonic()
        while not self._stop.is_set():
            recovered = self.search_down and self.search.healthy()
            if recovered:
                log.info("Meilisearch answers again; released %d waiting outbox entries",
                         self.release_postponed())
                self.search_down = False
                self._heal_now.set()
            if not self.search_down and (self._heal_now.is_set() or time.monotonic() >= next_heal):
                self._heal_now.clear()
                next_heal = time.monotonic() + HEAL_INTERVAL_SECONDS
                try:
                    rebuild.heal(self.search, self.engine)
                    if recovered:
                        self.search.breaker.succeeded()  # checked: no need to sit out the cooldown
                except Exception as error:
                    log.warning("could not check the search index: %s", error)
                    next_heal = time.monotonic() + poll_seconds * 10
            try:
                settled = self.drain_once()
            except (MeilisearchCommunicationError, MeilisearchTimeoutError):
                settled = 0  # logged by _postpone; health checks tell when it is back
                self.search_down = True
            except (MeilisearchError, SearchTaskFailed):
                settled = 0  # refused (a wrong key, a failed task): logged; the entries wait
            except OperationalError as error:
                settled = 0
                log.warning("the outbox indexer cannot reach the database: %s", error)
                self._stop.wait(poll_seconds)
            except Exception:
                settled = 0
                log.exception("the outbox indexer failed; retrying")
                self._stop.wait(poll_seconds)
            if settled == 0:
                # Another process (the CLI, a second app worker) may have written the outbox too,
                # so the wake-up event is a shortcut, not the only trigger.
                outbox_written.wait(poll_seconds)
                outbox_written.clear()


def _due(now):
    """The ids of the entries due at ``now``, oldest first: what a claim takes."""
    return select(OutboxEntry.id).where(OutboxEntry.available_at <= now).order_by(OutboxEntry.id)


def _some_ids(entries: list[Claimed], shown: int = 10) -> str:
    ids = sorted({e.opportunity_id for e in entries})
    return ", ".join(map(str, ids[:shown])) + (" …" if len(ids) > shown else "")

