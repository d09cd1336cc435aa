"""Search while the managed Meilisearch hangs (SIGSTOP): how fast, how good, how long.

    .venv/bin/python scripts/bench_hung_search.py [--count 20000] [--concurrency 20]
        [--duration 10] [--max-wait 90] [--database-url postgresql+psycopg://…]

Generates COUNT openings (the main benchmark's data), starts `opportunity-bank serve` with
its own managed Meilisearch on loopback, waits until all are searchable, then:

1. measures the search API healthy (CONCURRENCY keep-alive connections, DURATION seconds);
2. notes the totals of a few common words;
3. SIGSTOPs the managed Meilisearch and empties the answer cache (so every answer is worked
   out again), and keeps the same load running in 2-second cells until a probe gets an
   undegraded answer again (at most MAX_WAIT seconds): the latency of every search while it
   hung, the errors (a 503 when the fallback was full), when the supervisor replaced the
   server, when answers were undegraded again;
4. asks the common words again while it hangs, to compare the fallback's totals.

Bounded in time and connections; loopback only. Not part of pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import time
import uuid
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

import httpx  # noqa: E402

from bench import data, load, queries, service  # noqa: E402
from bench.run import forget_cached_answers  # noqa: E402
from opportunity_bank import db  # noqa: E402
from opportunity_bank.opportunities.lifecycle import city_today  # noqa: E402
from opportunity_bank.search.managed import free_loopback_port  # noqa: E402
from opportunity_bank.settings import Settings  # noqa: E402

COMMON_WORDS = ("puisto", "kesätöitä", "mittaus", "geotekniikka", "katujen kunnossapito", "summer")
CELL_SECONDS = 2.0


def meilisearch_pid(serve_pid: int) -> int | None:
    return next((pid for pid, name in service._tree(serve_pid) if name == "meilisearch"), None)


def answer(client: httpx.Client, **params) -> dict:
    return client.get("/api/v1/search", params=params, timeout=30).json()


def wait_all_searchable(client: httpx.Client, expected: int, timeout: float = 1800) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        body = answer(client, per_page=1, facets="false")
        if not body["degraded"] and body["total"] == expected:
            return time.monotonic() - started
        time.sleep(1)
    raise RuntimeError(f"not all {expected} openings searchable within {timeout:g} s")


def percentiles(latencies: list[float]) -> str:
    if not latencies:
        return "no answers"
    ordered = sorted(latencies)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    return f"p50 {at(50):.0f} ms, p95 {at(95):.0f} ms, max {ordered[-1] * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of healthy load")
    parser.add_argument("--max-wait", type=float, default=90.0, help="seconds of hung load at most")
    parser.add_argument("--database-url", help="default: SQLite in a temporary directory")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ob-bench-hung-"))
    extra = {"OPPORTUNITY_BANK_DATABASE_URL": args.database_url} if args.database_url else {}
    env = service.cli_env(work / "data", None, None, **extra)
    settings = Settings.from_env(env)
    jsonl = work / "openings.jsonl"
    expected = data.write_jsonl(jsonl, args.count, city_today())
    service.run_cli(env, "db", "upgrade")
    service.run_cli(env, "import", str(jsonl))
    engine = db.make_engine(settings)
    served = service.Served(env, free_loopback_port(), work / "serve.log")
    stopped_pid = None
    try:
        served.wait_ready()
        client = httpx.Client(base_url=served.base)
        print(f"{args.count} openings ({expected} searchable, {engine.dialect.name}); all searchable "
              f"{wait_all_searchable(client, expected):.0f} s after ready")
        host, port = "127.0.0.1", served.port
        stream = list(islice(queries.search_stream(), 5_000))
        requests = load.encoded_stream(stream, load.api_encoder(f"{host}:{port}"))
        forget_cached_answers(engine)
        healthy = asyncio.run(load.run_cell("healthy", host, port, requests, args.concurrency, args.duration))
        print(f"healthy, x{args.concurrency}: {healthy.rps:.0f} searches/s, "
              f"{percentiles(healthy.latencies)}, {healthy.errors} errors")
        before = {q: answer(client, q=q, facets="false")["total"] for q in COMMON_WORDS}

        stopped_pid = meilisearch_pid(served.process.pid)
        if stopped_pid is None:
            raise RuntimeError("no managed Meilisearch under serve")
        os.kill(stopped_pid, signal.SIGSTOP)
        hung_at = time.monotonic()
        forget_cached_answers(engine)
        latencies: list[float] = []
        errors, first_error = 0, ""
        replaced = undegraded = None
        during: dict[str, int] = {}
        while time.monotonic() - hung_at < args.max_wait:
            cell = asyncio.run(load.run_cell("hung", host, port, requests, args.concurrency, CELL_SECONDS))
            latencies += cell.latencies
            errors += cell.errors
            first_error = first_error or cell.first_error
            if not during:  # while it surely still hangs: a fresh page, so nothing is cached
                during = {q: answer(client, q=q, facets="false", per_page=uuid.uuid4().int % 90 + 10)
                          ["total"] for q in COMMON_WORDS}
            if replaced is None and meilisearch_pid(served.process.pid) not in (None, stopped_pid):
                replaced = time.monotonic() - hung_at
            probe = answer(client, q="puisto", facets="false", per_page=uuid.uuid4().int % 90 + 10)
            if not probe["degraded"]:
                undegraded = time.monotonic() - hung_at
                break
        print(f"hung, x{args.concurrency}: {len(latencies)} searches in "
              f"{time.monotonic() - hung_at:.0f} s, {percentiles(latencies)}; "
              f"{errors} errors {first_error}")
        print(f"replaced by the supervisor after {replaced:.0f} s" if replaced is not None
              else "not replaced")
        print(f"undegraded answers again after {undegraded:.0f} s" if undegraded is not None
              else f"still degraded after {args.max_wait:g} s")
        print("totals, index vs database fallback:")
        for q in COMMON_WORDS:
            print(f"  {q!r:26} {before[q]:6} {during.get(q, 0):6}")
    finally:
        if stopped_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(stopped_pid, signal.SIGCONT)
        served.stop()
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
