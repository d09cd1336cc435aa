"""When jobs are due, as pure functions of the time: the latest period that has begun.

A period is named by its start in Espoo time ("2026-12-01" for a daily job, "2026-W49" for a
weekly one). Only the latest begun period is ever offered, so after downtime a job runs once
for the period it missed last, not once for every period it missed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from opportunity_bank.opportunities.lifecycle import CITY_TZ

PeriodOf = Callable[[datetime], str]


def daily_at(hour: int, minute: int = 0) -> PeriodOf:
    def period(now: datetime) -> str:
        local = now.astimezone(CITY_TZ)
        day = local.date()
        if local.time() < time(hour, minute):
            day -= timedelta(days=1)
        return day.isoformat()

    return period


def weekly_at(weekday: int, hour: int, minute: int = 0) -> PeriodOf:
    """weekday as in date.weekday(): Monday is 0."""
    def period(now: datetime) -> str:
        local = now.astimezone(CITY_TZ)
        start = local.date() - timedelta(days=(local.weekday() - weekday) % 7)
        if start == local.date() and local.time() < time(hour, minute):
            start -= timedelta(days=7)
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"

    return period


def hourly(now: datetime) -> str:
    return now.astimezone(CITY_TZ).strftime("%Y-%m-%dT%H")
