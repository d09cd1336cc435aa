"""Scheduled jobs run exactly once across threads and processes (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
import multiprocessing
import threading
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from opportunity_bank import db
from opportunity_bank.jobs import claims
from opportunity_bank.jobs.schedule import daily_at
from opportunity_bank.jobs.scheduler import Job, Scheduler, standard_jobs
from opportunity_bank.models import JobRun
from tests.jobs_helpers import claim_in_process

NOW = datetime(2026, 12, 1, 6, 30, tzinfo=UTC)  # 08:30 in Espoo


def test_one_of_many_threads_wins_a_period(settings):
    engines = [db.make_engine(settings) for _ in range(6)]
    start = threading.Barrier(len(engines))
    wins: list[bool] = []

    def attempt(engine, number):
        start.wait()
        wins.append(claims.claim(engine, "digest-daily", "2026-12-01", f"w{number}", NOW))

    threads = [threading.Thread(target=attempt, args=(e, n)) for n, e in enumerate(engines)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(wins) == [False] * 5 + [True]
    for engine in engines:
        engine.dispose()


def test_one_of_several_processes_wins_a_period(settings):
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(3)
    results = context.Queue()
    processes = [context.Process(target=claim_in_process, args=(settings.database_url, f"p{n}", NOW, start,
                                                                 results)) for n in range(3)]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=60) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    assert sorted(won for _, won in outcomes) == [False, False, True]


def test_a_crashed_winners_lease_runs_out_and_a_finished_run_stays_done(engine):
    assert claims.claim(engine, "reminders", "2026-12-01", "crashed", NOW)
    assert not claims.claim(engine, "reminders", "2026-12-01", "other", NOW + timedelta(minutes=5))
    later = NOW + claims.LEASE + timedelta(seconds=1)
    assert claims.claim(engine, "reminders", "2026-12-01", "other", later)
    claims.finish(engine, "reminders", "2026-12-01", "other")
    assert not claims.claim(engine, "reminders", "2026-12-01", "third", later + claims.LEASE * 3)
    with Session(engine) as session:
        run = session.exec(select(JobRun)).one()
        assert run.claimed_by == "other" and run.finished_at is not None


def test_two_schedulers_run_a_job_once_and_only_the_latest_missed_period(settings, engine):
    runs: list[datetime] = []
    jobs = [Job("count", daily_at(7), runs.append)]
    first, second = Scheduler(settings, engine, jobs), Scheduler(settings, engine, jobs)
    assert first.tick(NOW) == ["count"]
    assert second.tick(NOW) == []
    assert first.tick(NOW + timedelta(hours=3)) == []  # the same day's period
    # Down for three days: one run, for the latest day.
    back = NOW + timedelta(days=3, hours=1)
    assert second.tick(back) == ["count"] and first.tick(back) == []
    with Session(engine) as session:
        assert sorted(r.period for r in session.exec(select(JobRun)).all()) == ["2026-12-01", "2026-12-04"]
    assert runs == [NOW, back]


def test_a_failing_job_is_retried_after_its_lease(settings, engine):
    calls: list[datetime] = []

    def flaky(now):
        calls.append(now)
        if len(calls) == 1:
            raise RuntimeError("mail server away")

    scheduler = Scheduler(settings, engine, [Job("flaky", daily_at(7), flaky)])
    assert scheduler.tick(NOW) == []
    assert scheduler.tick(NOW + timedelta(minutes=1)) == []
    assert scheduler.tick(NOW + claims.LEASE + timedelta(minutes=1)) == ["flaky"]
    assert len(calls) == 2


def test_the_standard_jobs_run_on_an_empty_bank(settings, engine, services):
    scheduler = Scheduler(settings, engine, standard_jobs(engine, services.search))
    assert sorted(scheduler.tick(NOW)) == sorted(
        ["digest-daily", "digest-weekly", "reminders", "alerts-cleanup", "alerts-retention",
         "review-reminders"])


def test_readyz_shows_the_mail_backlog(client):
    body = client.get("/readyz").json()
    assert body["mail_outbox"] == {"pending": 0, "failed": 0, "oldest_pending_seconds": None}


def test_serve_runs_the_scheduler_in_the_process_that_indexes(settings):
    from litestar.testing import TestClient

    from opportunity_bank.app import create_app

    with TestClient(create_app(dataclasses.replace(settings, jobs=True))) as client:
        scheduler = client.app.state.services.scheduler
        assert scheduler is not None and scheduler.sender.target is None  # no SMTP: files
    with TestClient(create_app(dataclasses.replace(settings, jobs=True), run_indexer=False)) as client:
        assert client.app.state.services.scheduler is None
