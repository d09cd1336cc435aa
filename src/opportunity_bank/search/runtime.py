"""Where the search server comes from: an existing one by URL, or our own managed process.

`serve` publishes its managed server in ``DATA_DIR/meilisearch/server.json`` so that the
command line (`reindex`, `search check`) run beside it talks to the same server instead of
starting a second one on the same data.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from opportunity_bank.search.managed import (
    ManagedMeilisearch,
    Supervisor,
    health_status,
    load_or_create_master_key,
)
from opportunity_bank.settings import Settings

log = logging.getLogger(__name__)
SERVER_FILE = "server.json"


def server_file(settings: Settings) -> Path:
    return settings.data_dir.resolve() / "meilisearch" / SERVER_FILE


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_server(settings: Settings) -> str | None:
    """The URL of the managed server a running `serve` published, if it still answers."""
    try:
        published = json.loads(server_file(settings).read_text(encoding="utf-8"))
        url, owner, port = published["url"], int(published["owner_pid"]), int(published["port"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not _process_alive(owner) or health_status(port) != "available":
        return None
    return url


@dataclass(slots=True)
class SearchServer:
    url: str
    key: str | None
    managed: ManagedMeilisearch | None = None
    supervisor: Supervisor | None = None
    published: Path | None = None
    restart_listeners: list[Callable[[], object]] = field(default_factory=list)

    @classmethod
    def start(cls, settings: Settings, *, publish: bool = False) -> SearchServer:
        """Connect to the configured server, else the one `serve` runs, else start our own.

        ``publish`` (used by `serve`) records the managed server for the command line.
        """
        if settings.meili_url:
            return cls(url=settings.meili_url, key=settings.meili_master_key)
        if not publish and (url := running_server(settings)):
            log.info("using the Meilisearch of the running service at %s", url)
            return cls(url=url, key=load_or_create_master_key(settings.data_dir))
        managed = ManagedMeilisearch(settings.data_dir, binary=settings.meili_binary,
                                     max_indexing_threads=settings.meili_max_indexing_threads,
                                     production=settings.production)
        managed.start()
        log.info("started the managed Meilisearch at %s", managed.url)
        server = cls(url=managed.url, key=managed.master_key, managed=managed)
        server.supervisor = Supervisor(managed, on_restart=server._restarted)
        server.supervisor.start()
        if publish:
            server.published = server_file(settings)
            server.published.write_text(
                json.dumps({"url": managed.url, "port": managed.port, "owner_pid": os.getpid()}),
                encoding="utf-8",
            )
        return server

    def _restarted(self, _managed: ManagedMeilisearch) -> None:
        for listener in self.restart_listeners:
            try:
                listener()
            except Exception:
                log.exception("could not prepare search after the Meilisearch restart")

    def stop(self) -> None:
        if self.published:
            with contextlib.suppress(FileNotFoundError):
                self.published.unlink()
        if self.supervisor:
            self.supervisor.stop()
        if self.managed:
            self.managed.stop()
