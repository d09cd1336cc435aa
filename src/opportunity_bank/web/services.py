"""What the request handlers share: the settings, the database and search, built once."""

from __future__ import annotations

from dataclasses import dataclass

from litestar.di import NamedDependency
from sqlalchemy.engine import Engine

from opportunity_bank.jobs.scheduler import Scheduler
from opportunity_bank.search.cache import CachedSearch
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.indexer import OutboxIndexer
from opportunity_bank.search.runtime import SearchServer
from opportunity_bank.settings import Settings
from opportunity_bank.web.memory import MemoryTrimmer


@dataclass(slots=True)
class Services:
    settings: Settings
    db: Engine
    search: SearchEngine
    indexer: OutboxIndexer | None  # None in `serve --workers N` workers: the parent indexes
    answers: CachedSearch  # search through the answer cache; what student pages should call
    memory: MemoryTrimmer  # gives freed memory back to the system
    search_server: SearchServer | None = None
    scheduler: Scheduler | None = None  # scheduled jobs and the mail sender, in the main process


ServicesDep = NamedDependency[Services]
"""Handlers declare `services: ServicesDep`; the app provides it from its state."""
