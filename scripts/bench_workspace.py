"""Measure the supervisor workspace against a real server: prints numbers, asserts nothing.

    /work/venv/bin/python scripts/bench_workspace.py [--creates 100] [--publishes 20]

Starts `opportunity-bank serve` (SQLite, its own managed Meilisearch) in a temporary data
directory on a free port, then measures: API create latency, publish → searchable latency
(through the outbox), sign-in latency (Argon2), and a 10 MB PDF upload streamed from disk:
its time and the server's peak resident memory before and after (VmHWM).
"""

from __future__ import annotations

import argparse
import io
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from opportunity_bank.cli import main as cli_main  # noqa: E402

PASSWORD = secrets.token_urlsafe(16)
WARMUP = 5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pdf_of_size(path: Path, size: int) -> Path:
    head = b"%PDF-1.4\n% padding\n"
    trailer = b"\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n%d\n%%%%EOF\n"
    body_len = size - len(head) - len(trailer % 0) - 10
    with path.open("wb") as handle:
        handle.write(head)
        chunk = b"0" * (1024 * 1024)
        left = body_len
        while left > 0:
            handle.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
        handle.write(trailer % (len(head) + body_len))
    return path


def summary(name: str, samples_ms: list[float]) -> None:
    samples = sorted(samples_ms)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    print(f"{name}: n={len(samples)} median={statistics.median(samples):.1f} ms p95={p95:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--creates", type=int, default=100)
    parser.add_argument("--publishes", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        port = free_port()
        env = {**os.environ, "OPPORTUNITY_BANK_DATA_DIR": str(data), "OPPORTUNITY_BANK_PORT": str(port),
               "PYTHONPATH": str(ROOT / "src")}
        os.environ.update({k: v for k, v in env.items() if k.startswith("OPPORTUNITY_BANK_")})
        sys.stdin = io.StringIO(PASSWORD + "\n")
        with redirect_stdout(io.StringIO()):
            cli_main(["users", "add", "bench@espoo.fi", "--role", "supervisor", "--unit", "Bench"])
        out = io.StringIO()
        with redirect_stdout(out):
            cli_main(["tokens", "create", "bench@espoo.fi"])
        token = out.getvalue().split()[-1]
        server = subprocess.Popen([sys.executable, "-m", "opportunity_bank", "serve"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        api = requests.Session()
        api.headers["Authorization"] = f"Bearer {token}"
        try:
            for _ in range(300):
                try:
                    if requests.get(f"{base}/readyz", timeout=1).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                time.sleep(0.1)
            body = {"kind": "summer_job", "title": "Mittauksen kesätyö", "year": 2027,
                    "application_deadline": "2099-01-01", "positions": 2}
            created = []
            for _ in range(args.creates):
                start = time.perf_counter()
                response = api.post(f"{base}/api/v1/opportunities", json=body)
                created.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 201, response.text
            summary("POST /api/v1/opportunities (draft)", created)

            visible = []
            for i in range(args.publishes):
                new = api.post(f"{base}/api/v1/opportunities", json={**body, "title": f"Julkaisu {i}"}).json()
                start = time.perf_counter()
                api.post(f"{base}/api/v1/opportunities/{new['id']}/status", json={"status": "published"})
                while True:
                    hits = requests.get(f"{base}/api/v1/search", params={"per_page": 100},
                                        timeout=10).json()["hits"]
                    if any(hit["id"] == new["id"] for hit in hits):
                        break
                    time.sleep(0.01)
                visible.append((time.perf_counter() - start) * 1000)
            # The first few wait behind start-up work (index settings, Voikko warming up).
            print("publish -> found, first 5 after start: "
                  + ", ".join(f"{v:.0f}" for v in visible[:WARMUP]) + " ms")
            summary("publish -> found by search (after those)", visible[WARMUP:])

            logins = []
            for _ in range(5):
                browser = requests.Session()
                page = browser.get(f"{base}/login").text
                csrf = page.split('name="_csrf_token" value="')[1].split('"')[0]
                start = time.perf_counter()
                response = browser.post(f"{base}/login", allow_redirects=False, data={
                    "email": "bench@espoo.fi", "password": PASSWORD, "_csrf_token": csrf})
                logins.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 303, response.status_code
            summary("POST /login (Argon2 verify + session)", logins)

            pdf = pdf_of_size(data / "big.pdf", 10 * 1024 * 1024 - 4096)
            before = peak_rss_mb(server.pid)
            with pdf.open("rb") as handle:
                start = time.perf_counter()
                response = api.post(f"{base}/api/v1/opportunities/{new['id']}/attachments",
                                    files={"file": ("big.pdf", handle, "application/pdf")})
                upload_ms = (time.perf_counter() - start) * 1000
            assert response.status_code == 201, response.text
            after = peak_rss_mb(server.pid)
            print(f"10 MB PDF upload: {upload_ms:.0f} ms; server peak RSS {before:.0f} MB before, "
                  f"{after:.0f} MB after (+{after - before:.1f} MB)")
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
