"""Small shared helpers for tests: waiting for the indexer, writing import files."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable, Iterable
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
