"""Measure what anonymous 10 MB form posts cost a real server: prints numbers, asserts nothing.

    .venv/bin/python scripts/hostile_posts.py [--posts 20]

Starts `opportunity-bank serve` (SQLite, its own managed Meilisearch) in a temporary data
directory, then sends POSTs with a bogus session cookie and a 10 MB form field to the upload
route and to the sign-in form, each once with Content-Length and once streamed without it,
and prints the answers and the server's resident memory (VmRSS, VmHWM) before and after.
"""

from __future__ import annotations

import argparse
import collections
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
TEN_MB = 10 * 1024 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory_mb(pid: int) -> dict[str, float]:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values


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
        port = free_port()
        env = {**os.environ, "OPPORTUNITY_BANK_DATA_DIR": tmp, "OPPORTUNITY_BANK_PORT": str(port),
               "PYTHONPATH": str(ROOT / "src")}
        server = subprocess.Popen([sys.executable, "-m", "opportunity_bank", "serve"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    if requests.get(f"{base}/readyz", timeout=1).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                time.sleep(0.1)
            before = memory_mb(server.pid)
            headers = {"Cookie": "ob_session=bogus", "Content-Type": "application/x-www-form-urlencoded"}
            answers: collections.Counter = collections.Counter()
            started = time.perf_counter()
            for path in ("/api/v1/opportunities/1/attachments", "/login"):
                for number in range(args.posts):
                    body = b"title=" + b"x" * TEN_MB if number % 2 else streamed(TEN_MB)
                    try:
                        response = requests.post(base + path, data=body, headers=headers, timeout=30)
                        status = response.status_code
                    except requests.ConnectionError:
                        status = "connection closed"
                    answers[(path, status)] += 1
            elapsed = time.perf_counter() - started
            after = memory_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    for (path, status), count in sorted(answers.items(), key=str):
        print(f"{path}: {count} × {status}")
    print(f"{2 * args.posts} posts of 10 MB in {elapsed:.1f} s")
    print(f"server VmRSS {before['VmRSS']:.0f} → {after['VmRSS']:.0f} MB, "
          f"peak VmHWM {before['VmHWM']:.0f} → {after['VmHWM']:.0f} MB")


if __name__ == "__main__":
    main()
