"""Small shared helpers for tests: waiting for the indexer, writing import files."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

FIELDS = (
    "external_id", "kind", "title", "description", "unit", "languages", "degree_levels",
    "positions", "year", "status", "start_date", "end_date", "application_deadline", "tags",
    "contact_email", "location", "compensation", "filled_positions",
)


def wait_until(condition: Callable[[], Any], timeout: float = 10, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)


def record(number: int, **overrides: Any) -> dict[str, Any]:
    """A valid, published, open import record; override what the test is about."""
    kinds = ("summer_job", "internship", "thesis")
    future = date.today() + timedelta(days=60)
    base = {
        "external_id": f"t-{number:04d}",
        "kind": kinds[number % 3],
        "title": f"Kesätyöntekijä puistoon {number}" if number % 3 == 0 else f"Avoin tehtävä {number}",
        "description": "Työ Espoon kaupunkitekniikan keskuksessa.",
        "unit": ("Katu- ja viherpalvelut", "Geotekniikka")[number % 2],
        "languages": "fi",
        "degree_levels": "",
        "positions": 2,
        "year": future.year,
        "status": "published",
        "application_deadline": future.isoformat(),
        "tags": "ulkotyö;kesä",
        "contact_email": "rekry@espoo.fi",
    }
    base.update(overrides)
    return base


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def write_csv(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
    return path


def search_ids(client, **params: Any) -> list[str]:
    response = client.get("/api/v1/search", params={"per_page": 100, **params})
    assert response.status_code == 200, response.text
    return sorted(hit["external_id"] for hit in response.json()["hits"])


SRC = Path(__file__).resolve().parents[1] / "src"


@contextmanager
def serve_subprocess(database_url: str, data_dir: Path, *serve_args: str,
                     settings: dict[str, str] | None = None) -> Iterator[tuple[str, dict, Any]]:
    """`opportunity-bank serve` as a user runs it, with its own Meilisearch; stopped by Ctrl-C.

    `settings` (names without the prefix) are set last: MEILI_URL there points it at a
    running server instead. Yields (base URL, the environment for further commands, the
    process); on leaving, the command must have exited cleanly. Its standard output (the
    access log) and error go to `serve.log` beside `data_dir`.
    """
    from opportunity_bank.search.managed import free_loopback_port

    port = free_loopback_port()
    env = {
        **os.environ,
        "OPPORTUNITY_BANK_DATA_DIR": str(data_dir),
        "OPPORTUNITY_BANK_DATABASE_URL": database_url,
        "OPPORTUNITY_BANK_PORT": str(port),
        # The subprocess must import this checkout even where the package is not installed.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    }
    env.pop("OPPORTUNITY_BANK_MEILI_URL", None)
    env.pop("OPPORTUNITY_BANK_MEILI_MASTER_KEY", None)
    env.update({f"OPPORTUNITY_BANK_{name}": value for name, value in (settings or {}).items()})
    log = data_dir.parent / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "opportunity_bank", "serve", *serve_args], env=env,
            stdout=output, stderr=output,
        )
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        import httpx

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
    assert process.returncode == 0, log.read_text()[-2000:]
