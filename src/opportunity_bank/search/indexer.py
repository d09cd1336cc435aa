"""Drains the search outbox into Meilisearch, after commit, in batches, with retries.

Idempotent by construction: each pass re-reads the opening and sends its whole document, or
deletes it when it should no longer be found, so a duplicate or replayed entry is harmless.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from opportunity_bank.db import outbox_written
from opportunity_bank.models import Opportunity, OutboxEntry, utcnow
from opportunity_bank.opportunities.lifecycle import city_today, is_searchable
from opportunity_bank.search.engine import SearchEngine, visible_openings_query
from opportunity_bank.search.version import bump_version

log = logging.getLogger(__name__)
BATCH_SIZE = 5_000  # fewer, larger Meilisearch tasks: each costs ~0.5 s on 2 busy cores however small
MAX_BACKOFF_SECONDS = 60


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


class OutboxIndexer:
    def __init__(self, engine: Engine, search: SearchEngine, batch_size: int = BATCH_SIZE,
                 on_indexed: Callable[[int], object] | None = None):
        self.engine = engine
        self.on_indexed = on_indexed  # told the new index version after each batch
        self.search = search
        self.batch_size = batch_size
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def drain_once(self) -> int:
        """Index one batch of due entries; returns how many entries it settled."""
        now = utcnow()
        today = city_today()
        with Session(self.engine) as session:
            entries = session.exec(
                select(OutboxEntry.id, OutboxEntry.opportunity_id, OutboxEntry.attempts)
                .where(OutboxEntry.available_at <= now)
                .order_by(OutboxEntry.id)
                .limit(self.batch_size)
            ).all()
            if not entries:
                return 0
            wanted = {opportunity_id for _, opportunity_id, _ in entries}
            # Only openings that may be found are loaded: after a big import most are past ones.
            rows = session.exec(visible_openings_query(today).where(Opportunity.id.in_(wanted))).all()
        visible = [(o, unit) for o, unit in rows if is_searchable(o.status, o.application_deadline, today)]
        delete_ids = sorted(wanted - {o.id for o, _ in visible})
        entry_ids = [entry_id for entry_id, _, _ in entries]
        try:
            self.search.apply(self.search.documents_for(visible), delete_ids)
        except Exception as error:
            self._postpone(entries, error)
            raise
        with Session(self.engine) as session:
            session.exec(delete(OutboxEntry).where(OutboxEntry.id.in_(entry_ids)))
            version = bump_version(session)
            session.commit()
        if self.on_indexed:
            self.on_indexed(version)
        return len(entries)

    def drain(self) -> int:
        """Drain everything that is due now (used by `serve` at start and by tests)."""
        total = 0
        while (settled := self.drain_once()) > 0:
            total += settled
        return total

    def _postpone(self, entries, error: Exception) -> None:
        message = f"{type(error).__name__}: {error}"[:1000]
        log.warning("search indexing failed for %d entries, will retry: %s", len(entries), message)
        now = utcnow()
        with Session(self.engine) as session:
            for entry_id, _, attempts in entries:
                session.exec(
                    update(OutboxEntry).where(OutboxEntry.id == entry_id).values(
                        attempts=attempts + 1,
                        last_error=message,
                        available_at=now + timedelta(seconds=backoff_seconds(attempts + 1)),
                    )
                )
            session.commit()

    # --- background thread -----------------------------------------------------------------
    def start(self, poll_seconds: float = 0.1) -> None:
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(poll_seconds,), name="outbox-indexer", daemon=True
        )
        self._thread.start()

    def stop(self, flush: bool = True, timeout: float = 10) -> None:
        self._stop.set()
        outbox_written.set()
        if self._thread:
            self._thread.join(timeout)
            self._thread = None
        if flush:
            try:
                self.drain()
            except Exception:
                log.warning("could not flush the search outbox at shutdown; it stays queued")

    def _run(self, poll_seconds: float) -> None:
        while not self._stop.is_set():
            try:
                settled = self.drain_once()
            except Exception:
                settled = 0
                self._stop.wait(poll_seconds)
            if settled == 0:
                # Another process (the CLI, a second app worker) may have written the outbox too,
                # so the wake-up event is a shortcut, not the only trigger.
                outbox_written.wait(poll_seconds)
                outbox_written.clear()
