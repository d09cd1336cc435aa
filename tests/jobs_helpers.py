"""Run in child processes by the job-claim tests (spawned, so each has its own engine)."""

from __future__ import annotations

from datetime import datetime


def claim_in_process(database_url: str, worker: str, now: datetime, start, results) -> None:
    from sqlalchemy import create_engine

    from opportunity_bank.jobs.claims import claim

    sqlite = database_url.startswith("sqlite")
    engine = create_engine(database_url, connect_args={"timeout": 15} if sqlite else {})
    start.wait()
    results.put((worker, claim(engine, "digest-daily", "2026-12-01", worker, now)))
    engine.dispose()
