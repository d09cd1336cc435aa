"""As a new user would: `serve` on an empty data directory with its own Meilisearch.

Runs the real command in a subprocess; a file imported with the command line while it runs
becomes searchable within seconds, except its draft and expired rows.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import httpx
import pytest

from tests.helpers import record, serve_subprocess, wait_until, write_jsonl


@pytest.fixture
def served(settings, tmp_path):
    with serve_subprocess(settings.database_url, tmp_path / "data") as (base, env, _):
        yield base, env


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
