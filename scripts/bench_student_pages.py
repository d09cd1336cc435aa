"""Latency and size of the student pages, measured against a running server.

    opportunity-bank demo-data --count 3000 && opportunity-bank serve --port 8765 &
    python scripts/bench_student_pages.py http://127.0.0.1:8765 [--requests 200]

Each page kind is fetched sequentially (one student at a time: this measures the work per
page, not throughput); prints median, 95th percentile and maximum in milliseconds, and bytes.
"""

from __future__ import annotations

import argparse
import statistics
import time

import httpx

KINDS = {
    "search page, no words": ("/", {}),
    "search page, words": ("/?q=kes%C3%A4ty%C3%B6", {}),
    "search page, words + 2 filters": ("/?q=puisto&kind=summer_job&language=fi", {}),
    "as-you-type fragment": ("/?q=kes%C3%A4t", {"HX-Request": "true"}),
    "opening page": (None, {}),
    "Atom feed": ("/feeds/opportunities.atom?kind=summer_job", {}),
}


def measure(client: httpx.Client, path: str, headers: dict[str, str], count: int) -> tuple[list[float], int]:
    client.get(path, headers=headers).raise_for_status()  # warm caches once
    timings, size = [], 0
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(path, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
        size = len(response.content)
    return timings, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with httpx.Client(base_url=args.url.rstrip("/"), timeout=30) as client:
        first = client.get("/api/v1/search", params={"per_page": 1}).json()
        print(f"{first['total']} open openings in the index; {args.requests} requests per page kind")
        print(f"{'page':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'bytes':>8}")
        for name, (path, headers) in KINDS.items():
            path = path or first["hits"][0]["url"]
            timings, size = measure(client, path, headers, args.requests)
            p95 = statistics.quantiles(timings, n=20)[-1]
            print(f"{name:34} {statistics.median(timings):8.1f} {p95:8.1f} {max(timings):8.1f} {size:8d}")


if __name__ == "__main__":
    main()
