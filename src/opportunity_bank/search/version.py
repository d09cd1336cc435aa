"""The search index version: one shared counter, bumped whenever the index changes.

App processes key their answer caches by it (search/cache.py), so it lives in the database
that they all share. Bumped atomically in SQL: two indexers bumping at once must both count.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from opportunity_bank.models import SearchState, utcnow

INDEX_VERSION = "index_version"


def index_version(engine: Engine) -> int:
    # Polled four times a second by every app process: a plain read, no ORM session.
    with engine.connect() as connection:
        value = connection.execute(
            select(SearchState.value).where(SearchState.key == INDEX_VERSION)).scalar()
    return value or 0


def bump_version(session: Session) -> int:
    """Add one in the caller's transaction; returns the new version."""
    bumped = session.exec(
        update(SearchState).where(SearchState.key == INDEX_VERSION)
        .values(value=SearchState.value + 1, updated_at=utcnow())
        .returning(SearchState.value)
    ).first()
    if bumped is not None:
        return bumped[0]
    session.add(SearchState(key=INDEX_VERSION, value=1))
    session.flush()
    return 1
