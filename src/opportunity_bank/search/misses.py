"""Counting searches that found nothing, for `opportunity-bank search misses`.

A zero-result search is counted in memory (the search path never waits for the database) and
the counts are added to ``search_misses`` every few seconds and when the app stops. Only
queries made of dictionary words that are not names are kept as text; the rest are counted
as withheld, so the table holds no personal data.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from opportunity_bank.models import SearchMiss
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.periodic import Periodic
from opportunity_bank.search.analysis import TextAnalyzer, tokens

log = logging.getLogger(__name__)
FLUSH_SECONDS = 10.0
WITHHELD = ""  # a query counted but not kept as text
MAX_KEPT_WORDS = 6


def keepable(query: str, analyzer: TextAnalyzer | None) -> str:
    """The query as it may be kept (lowercase, single spaces), or WITHHELD.

    Kept only if every word is one a Finnish, Swedish or English dictionary or our lexicon
    knows and Voikko does not read as a name: a person's name, an address, a number or an
    e-mail address is never kept.
    """
    words = tokens(query)
    if analyzer is None or not words or len(words) > MAX_KEPT_WORDS or any(not w.isalpha() for w in words):
        return WITHHELD
    if "@" in query or any(analyzer.is_name(w) or not analyzer.recognised(w) for w in words):
        return WITHHELD
    return " ".join(words)[:200]


class MissCounter:
    """Zero-result searches counted in memory and added to the table in the background."""

    def __init__(
        self, engine: Engine, analyzer: TextAnalyzer | None, interval: float = FLUSH_SECONDS
    ) -> None:
        self.engine = engine
        self.analyzer = analyzer
        self._counts: Counter[tuple[date, str]] = Counter()
        self._lock = threading.Lock()
        self._flusher = Periodic("search-misses", interval, self.flush)

    def note(self, query: str, day: date | None = None) -> None:
        key = (day or city_today(), keepable(query, self.analyzer))
        with self._lock:
            self._counts[key] += 1

    def flush(self) -> None:
        with self._lock:
            counts, self._counts = self._counts, Counter()
        try:
            add_misses(self.engine, counts)
        except Exception as error:  # the database is away: keep the counts for the next try
            log.warning("cannot save the count of searches that found nothing: %s", error)
            with self._lock:
                self._counts.update(counts)

    def start(self) -> None:
        self._flusher.start()

    def stop(self) -> None:
        self._flusher.stop()
        self.flush()


def add_misses(engine: Engine, counts: Counter[tuple[date, str]]) -> None:
    """Add counts to the table; another process may add the same row at the same moment."""
    for (day, query), count in counts.items():
        for _attempt in range(2):
            try:
                with Session(engine) as session, session.begin():
                    changed = session.exec(
                        update(SearchMiss)
                        .where(SearchMiss.day == day, SearchMiss.query == query)
                        .values(count=SearchMiss.count + count)
                    ).rowcount
                    if not changed:
                        session.add(SearchMiss(day=day, query=query, count=count))
                break
            except IntegrityError:
                continue  # inserted by another process in between: update it now


def miss_report(engine: Engine, days: int, today: date | None = None) -> list[tuple[str, int]]:
    """(query, searches) over the last ``days`` days, most frequent first; "" is withheld."""
    since = (today or city_today()) - timedelta(days=days - 1)
    total = func.sum(SearchMiss.count)
    with Session(engine) as session:
        rows = session.exec(
            select(SearchMiss.query, total).where(SearchMiss.day >= since)
            .group_by(SearchMiss.query).order_by(total.desc(), SearchMiss.query)
        ).all()
    return [(query, int(count)) for query, count in rows]
