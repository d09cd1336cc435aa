"""The command line finds the managed Meilisearch of a running `serve`, and only a live one."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from opportunity_bank.search.managed import free_loopback_port
from opportunity_bank.search.runtime import running_server, server_file


def publish(settings, url: str, port: int, owner: int) -> None:
    path = server_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"url": url, "port": port, "owner_pid": owner}))


def test_only_a_live_published_server_is_used(settings, meili):
    assert running_server(settings) is None  # nothing published
    publish(settings, meili.url, meili.port, os.getpid())
    assert running_server(settings) == meili.url
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    publish(settings, meili.url, meili.port, int(gone.stdout))
    assert running_server(settings) is None  # its serve has exited
    port = free_loopback_port()
    publish(settings, f"http://127.0.0.1:{port}", port, os.getpid())
    assert running_server(settings) is None  # nothing answers there
    server_file(settings).write_text("{not json")
    assert running_server(settings) is None
