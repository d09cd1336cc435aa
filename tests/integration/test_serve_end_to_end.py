"""As a new user would: `serve` on an empty data directory with its own Meilisearch.

Runs the real command in a subprocess; a file imported with the command line while it runs
becomes searchable within seconds, except its draft and expired rows.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from opportunity_bank.search.managed import free_loopback_port
from tests.helpers import record, wait_until, write_jsonl

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def served(settings, tmp_path):
    port = free_loopback_port()
    env = {
        **os.environ,
        "OPPORTUNITY_BANK_DATA_DIR": str(tmp_path / "data"),
        "OPPORTUNITY_BANK_DATABASE_URL": settings.database_url,
        "OPPORTUNITY_BANK_PORT": str(port),
        # The subprocess must import this checkout even where the package is not installed.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    }
    env.pop("OPPORTUNITY_BANK_MEILI_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "opportunity_bank", "serve"], env=env,
        stdout=subprocess.DEVNULL, stderr=(tmp_path / "serve.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            return httpx.get(f"{base}/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_until(ready, timeout=60, interval=0.2)
        yield base, env
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    assert process.returncode == 0, (tmp_path / "serve.log").read_text()[-2000:]


def test_imported_file_is_searchable_within_seconds(served, tmp_path):
    base, env = served
    rows = [record(i) for i in range(1, 41)]
    rows[0]["status"] = "draft"
    rows[1]["application_deadline"] = (date.today() - timedelta(days=3)).isoformat()
    path = write_jsonl(tmp_path / "forty.jsonl", rows)
    done = subprocess.run([sys.executable, "-m", "opportunity_bank", "import", str(path)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "created 40" in done.stdout

    def total() -> int:
        return httpx.get(f"{base}/api/v1/search", params={"per_page": 1}).json()["total"]

    wait_until(lambda: total() == 38, timeout=15)
    body = httpx.get(f"{base}/api/v1/search", params={"q": "kesätyöntekijä"}).json()
    assert body["total"] > 0 and body["degraded"] is False
    assert httpx.get(f"{base}/api/v1/search", params={"kind": "bogus"}).status_code == 400
    again = subprocess.run([sys.executable, "-m", "opportunity_bank", "import", str(path)],
                           env=env, capture_output=True, text=True, timeout=60)
    assert "created 0, updated 0, unchanged 40" in again.stdout
