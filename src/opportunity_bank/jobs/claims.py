"""Claiming a (job, period): an INSERT only one process can win, on SQLite and PostgreSQL.

The winner holds a lease. If it crashes before finishing, the lease runs out and the next
process to try takes the run over with an UPDATE that again only one can win.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy import insert, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from opportunity_bank.models import JobRun, utcnow

LEASE = timedelta(minutes=30)


def worker_name() -> str:
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim(engine: Engine, job: str, period: str, worker: str, now: datetime | None = None,
          lease: timedelta = LEASE) -> bool:
    """True if this worker now owns the run of `job` for `period`."""
    now = now or utcnow()
    table = JobRun.__table__
    try:
        with engine.begin() as connection:
            connection.execute(insert(table).values(job=job, period=period, claimed_by=worker,
                                                    claimed_at=now, lease_until=now + lease))
        return True
    except IntegrityError:
        pass
    with engine.begin() as connection:
        taken = connection.execute(
            update(table)
            .where(table.c.job == job, table.c.period == period, table.c.finished_at.is_(None),
                   table.c.lease_until < now)
            .values(claimed_by=worker, claimed_at=now, lease_until=now + lease)
        )
    return taken.rowcount == 1


def finish(engine: Engine, job: str, period: str, worker: str) -> None:
    table = JobRun.__table__
    with engine.begin() as connection:
        connection.execute(update(table).where(table.c.job == job, table.c.period == period,
                                               table.c.claimed_by == worker)
                           .values(finished_at=utcnow()))
