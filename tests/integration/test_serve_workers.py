"""`serve --workers 2`: one managed Meilisearch and one indexer in the parent, two workers.

Each worker caches answers; an opening imported by another process must still be found and
a withdrawn one must disappear from both workers' caches once the parent has indexed it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from opportunity_bank.search.managed import free_loopback_port
from tests.helpers import record, wait_until, write_jsonl

SRC = Path(__file__).resolve().parents[2] / "src"


def descendants(pid: int) -> list[tuple[int, str]]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        try:
            found.append((current, Path(f"/proc/{current}/comm").read_text().strip()))
            for task in Path(f"/proc/{current}/task").glob("*/children"):
                pending += [int(c) for c in task.read_text().split()]
        except FileNotFoundError:
            continue
    return found


@pytest.fixture
def served_by_two(settings, tmp_path):
    port = free_loopback_port()
    env = {
        **os.environ,
        "OPPORTUNITY_BANK_DATA_DIR": str(tmp_path / "data"),
        "OPPORTUNITY_BANK_DATABASE_URL": settings.database_url,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    }
    env.pop("OPPORTUNITY_BANK_MEILI_URL", None)
    env.pop("OPPORTUNITY_BANK_MEILI_MASTER_KEY", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "opportunity_bank", "serve", "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=(tmp_path / "serve.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            return httpx.get(f"{base}/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_until(ready, timeout=90, interval=0.2)
        yield base, env, process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    assert process.returncode == 0, (tmp_path / "serve.log").read_text()[-2000:]
    assert not [p for p, name in descendants(process.pid) if name == "meilisearch"]


def run_cli(env, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "opportunity_bank", *args], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_two_workers_share_one_meilisearch_and_follow_the_index(served_by_two, tmp_path):
    base, env, process = served_by_two
    names = [name for _, name in descendants(process.pid)]
    assert names.count("meilisearch") == 1
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
