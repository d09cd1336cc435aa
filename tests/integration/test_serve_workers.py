"""`serve --workers 2`: one managed Meilisearch and one indexer in the parent, two workers.

Each worker caches answers; an opening imported by another process must still be found and
a withdrawn one must disappear from both workers' caches once the parent has indexed it.
"""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from tests.helpers import record, serve_subprocess, wait_until, write_jsonl


@pytest.fixture
def served_by_two(settings, tmp_path):
    with serve_subprocess(settings.database_url, tmp_path / "data", "--workers", "2") as served:
        yield served
    log = (tmp_path / "data" / "meilisearch" / "meilisearch.log").read_text()
    assert log.count(" starting http://") == 1  # the parent's, not one per worker


def run_cli(env, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "opportunity_bank", *args], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_two_workers_share_one_meilisearch_and_follow_the_index(served_by_two, tmp_path):
    base, env, _ = served_by_two
    rows = [record(i, title=f"Siltojen tarkastaja {i}") for i in range(1, 7)]
    run_cli(env, "import", str(write_jsonl(tmp_path / "six.jsonl", rows)))

    def found() -> set[str]:
        # New connections: uvicorn hands them to either worker, so both are asked.
        return {hit["external_id"] for hit in httpx.get(
            f"{base}/api/v1/search", params={"q": "siltojen tarkastaja", "per_page": 50}).json()["hits"]}

    wait_until(lambda: all(found() == {r["external_id"] for r in rows} for _ in range(6)), timeout=20)
    rows[2]["status"] = "withdrawn"
    run_cli(env, "import", str(write_jsonl(tmp_path / "six.jsonl", rows)))
    wait_until(lambda: all("t-0003" not in found() for _ in range(6)), timeout=20)
    for _ in range(10):
        assert "t-0003" not in found()
