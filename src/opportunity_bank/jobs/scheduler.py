"""The jobs `serve` runs on its own, and the loop that offers them every half minute.

Each tick claims the latest period of each job (jobs.claims) and runs the jobs it won. A job
that fails keeps its claim unfinished: another tick retries it once the lease has run out.
The mail sender runs beside it in its own thread, so a confirmation mail leaves at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine

from opportunity_bank.db import session_scope
from opportunity_bank.jobs import claims
from opportunity_bank.jobs.schedule import PeriodOf, daily_at, hourly, weekly_at
from opportunity_bank.mail.sender import MailSender, SendingLoop
from opportunity_bank.models import utcnow
from opportunity_bank.periodic import Periodic
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.settings import Settings

log = logging.getLogger(__name__)
TICK_SECONDS = 30
MONDAY = 0


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    period: PeriodOf
    run: Callable[[datetime], object]


def standard_jobs(engine: Engine, search: SearchEngine) -> list[Job]:
    # Imported here: the alert and reminder modules import the search pages' helpers.
    from opportunity_bank.alerts.digest import send_digests
    from opportunity_bank.alerts.service import apply_retention, purge_unconfirmed
    from opportunity_bank.opportunities.lifecycle import city_today
    from opportunity_bank.reminders.service import send_reminders
    from opportunity_bank.review.service import remind_reviewers

    def in_session(work: Callable) -> Callable[[datetime], object]:
        def run(now: datetime) -> object:
            with session_scope(engine) as session:
                return work(session, now)
        return run

    return [
        Job("digest-daily", daily_at(7), lambda now: send_digests(engine, search, ("daily",), now)),
        Job("digest-weekly", weekly_at(MONDAY, 7),
            lambda now: send_digests(engine, search, ("weekly",), now)),
        Job("reminders", daily_at(8), lambda now: send_reminders(engine, city_today(now))),
        Job("alerts-cleanup", hourly, in_session(purge_unconfirmed)),
        Job("alerts-retention", daily_at(3), in_session(apply_retention)),
        Job("review-reminders", daily_at(9), in_session(remind_reviewers)),
    ]


class Scheduler:
    def __init__(self, settings: Settings, engine: Engine, jobs: list[Job],
                 interval: float = TICK_SECONDS) -> None:
        self.engine = engine
        self.jobs = jobs
        self.worker = claims.worker_name()
        self.sender = MailSender(settings, engine)
        self._mail = SendingLoop(self.sender)
        self._loop = Periodic("scheduler", interval, self.tick)

    def tick(self, now: datetime | None = None) -> list[str]:
        """Run the jobs this process wins now; returns their names. Never raises."""
        now = now or utcnow()
        ran = []
        for job in self.jobs:
            period = job.period(now)
            try:
                if not claims.claim(self.engine, job.name, period, self.worker, now):
                    continue
                log.info("job %s for %s started", job.name, period)
                job.run(now)
                claims.finish(self.engine, job.name, period, self.worker)
                ran.append(job.name)
            except Exception:
                log.exception("job %s for %s failed; retried when its lease runs out", job.name, period)
        return ran

    def start(self) -> None:
        self._mail.start()
        self._loop.start()

    def stop(self) -> None:
        self._loop.stop()
        self._mail.stop()
