"""Where the search server comes from: an existing one by URL, or our own managed process."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from opportunity_bank.search.managed import ManagedMeilisearch, Supervisor
from opportunity_bank.settings import Settings

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SearchServer:
    url: str
    key: str | None
    managed: ManagedMeilisearch | None = None
    supervisor: Supervisor | None = None

    @classmethod
    def start(cls, settings: Settings) -> SearchServer:
        if settings.meili_url:
            return cls(url=settings.meili_url, key=settings.meili_master_key)
        managed = ManagedMeilisearch(settings.data_dir)
        managed.start()
        log.info("started the managed Meilisearch at %s", managed.url)
        supervisor = Supervisor(managed)
        supervisor.start()
        return cls(url=managed.url, key=managed.master_key, managed=managed, supervisor=supervisor)

    def stop(self) -> None:
        if self.supervisor:
            self.supervisor.stop()
        if self.managed:
            self.managed.stop()
