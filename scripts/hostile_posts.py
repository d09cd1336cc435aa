"""Measure what anonymous 10 MB form posts cost a real server: prints numbers, asserts nothing.

    .venv/bin/python scripts/hostile_posts.py [--posts 20]

Starts `opportunity-bank serve` (SQLite, its own managed Meilisearch) in a temporary data
directory, then sends POSTs with a bogus session cookie and a 10 MB form field to the upload
route and to the sign-in form, half with Content-Length and half streamed without it, and
prints the answers and the app's resident memory (RSS, peak) before and after.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

from bench import service  # noqa: E402
from opportunity_bank.search.managed import free_loopback_port  # noqa: E402

TEN_MB = 10 * 1024 * 1024


def streamed(size: int):
    yield b"title="
    piece = b"x" * (64 * 1024)
    for _ in range(size // len(piece)):
        yield piece


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        served = service.Served(service.cli_env(Path(tmp), None, None), free_loopback_port(),
                                Path(tmp) / "serve.log")
        try:
            served.wait_ready()
            before = service.app_memory_mb(served.process.pid)
            headers = {"Cookie": "ob_session=bogus", "Content-Type": "application/x-www-form-urlencoded"}
            answers: collections.Counter = collections.Counter()
            started = time.perf_counter()
            for path in ("/api/v1/opportunities/1/attachments", "/login"):
                for number in range(args.posts):
                    body = b"title=" + b"x" * TEN_MB if number % 2 else streamed(TEN_MB)
                    try:
                        response = requests.post(served.base + path, data=body, headers=headers, timeout=30)
                        status = response.status_code
                    except requests.ConnectionError:
                        status = "connection closed"
                    answers[(path, status)] += 1
            elapsed = time.perf_counter() - started
            after = service.app_memory_mb(served.process.pid)
        finally:
            served.stop()
    for (path, status), count in sorted(answers.items(), key=str):
        print(f"{path}: {count} × {status}")
    print(f"{2 * args.posts} posts of 10 MB in {elapsed:.1f} s")
    print(f"app RSS {before[0]:.0f} → {after[0]:.0f} MB, peak {before[1]:.0f} → {after[1]:.0f} MB")


if __name__ == "__main__":
    main()
