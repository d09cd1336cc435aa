"""Opportunity Bank benchmark: import, indexing, search under load, publish latency, memory.

    python scripts/bench/run.py [--count N] [--quick] [--workers W] [--page-path /]
    bash scripts/bench.sh [same options]          # the same with the checkout's .venv

Generates N openings, imports them with `opportunity-bank import`, starts
`opportunity-bank serve` in a subprocess against a Meilisearch that this script starts (or
--meili-url), waits until everything is searchable, then measures side by side with the
same stream of searches: the search page, the search API and plain full queries sent straight
to Meilisearch, at each concurrency for a fixed time. Then: publish-to-searchable latency,
`opportunity-bank reindex`, the yearly report (scripts/bench_report.py, when present) and the
app's memory. Prints a Markdown report (and writes it with --save FILE). Not part of pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[1] / "src")]

import httpx  # noqa: E402
from sqlmodel import Session  # noqa: E402

from bench import data, load, queries, service  # noqa: E402
from opportunity_bank import db  # noqa: E402
from opportunity_bank.opportunities.importer import write_records  # noqa: E402
from opportunity_bank.opportunities.lifecycle import city_today  # noqa: E402
from opportunity_bank.opportunities.schemas import validate_import_record  # noqa: E402
from opportunity_bank.search.analysis import get_analyzer  # noqa: E402
from opportunity_bank.search.managed import ManagedMeilisearch, free_loopback_port  # noqa: E402
from opportunity_bank.search.version import bump_version  # noqa: E402
from opportunity_bank.settings import Settings  # noqa: E402

STREAM_LENGTH = 50_000
PUBLISHES = 20


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, help="openings to generate (default 100000; --quick 5000)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 5,000 openings, 3 s per cell")
    parser.add_argument("--duration", type=float, help="seconds per load cell (default 10; --quick 3)")
    parser.add_argument("--concurrency", default="1,50", help="connections per cell, comma separated")
    parser.add_argument("--warmup", type=float,
                        help="seconds of the same traffic before each cell, not measured, after the "
                             "answer cache was emptied (default: half the cell; 0 = a cold cache)")
    parser.add_argument("--workers", type=int, default=1, help="serve --workers (default 1)")
    parser.add_argument("--page-path", default="/", help="the search page to measure (default /)")
    parser.add_argument("--meili-url", help="an existing Meilisearch (default: start one)")
    parser.add_argument("--meili-key", help="its master key")
    parser.add_argument("--meili-threads", type=int, default=1,
                        help="--max-indexing-threads of the Meilisearch started here (default 1)")
    parser.add_argument("--publishes", type=int, default=PUBLISHES)
    parser.add_argument("--skip-reindex", action="store_true")
    parser.add_argument("--save", type=Path, help="also write the Markdown report to this file")
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    args = parser.parse_args(argv)
    args.count = args.count or (5_000 if args.quick else 100_000)
    args.duration = args.duration or (3.0 if args.quick else 10.0)
    args.warmup = args.duration / 2 if args.warmup is None else args.warmup
    args.levels = [int(c) for c in args.concurrency.split(",")]
    return args


def wait_searchable(base: str, meili_url: str, meili_key: str | None, index_uid: str, expected: int,
                    timeout: float = 3600) -> float:
    """Until the outbox is empty and the index holds every searchable opening.

    Counted in Meilisearch: the API's total stops at the index's maxTotalHits.
    """
    started = time.perf_counter()
    deadline = time.monotonic() + timeout
    headers = {"Authorization": f"Bearer {meili_key}"} if meili_key else {}
    indexed = 0
    with httpx.Client(timeout=10) as client:
        while time.monotonic() < deadline:
            pending = client.get(f"{base}/readyz").json().get("outbox", {}).get("pending")
            stats = client.get(f"{meili_url}/indexes/{index_uid}/stats", headers=headers)
            indexed = stats.json().get("numberOfDocuments", 0) if stats.status_code == 200 else 0
            if pending == 0 and indexed == expected:
                return time.perf_counter() - started
            time.sleep(0.2)
    raise RuntimeError(f"not searchable within {timeout} s (expected {expected}, indexed {indexed})")


def page_renders_results(base: str, path: str) -> bool:
    """The page exists on this branch only once it shows different results for different words."""
    with httpx.Client(base_url=base, timeout=10) as client:
        one = client.get(path, params={"q": "puisto"})
        other = client.get(path, params={"q": "geotekniikka"})
    return one.status_code == other.status_code == 200 and one.text != other.text


def forget_cached_answers(engine) -> None:
    """Every cell starts with a cold answer cache: bump the index version as an indexer would."""
    with Session(engine) as session:
        bump_version(session)
        session.commit()
    time.sleep(0.5)


def publish_word(n: int) -> str:
    """A made-up word for the n-th publish that the query analysis leaves as it is.

    Voikko reads some made-up words as others (julkaisuaaijaa -> julkaista, aija); the search
    then asks for those and not for the word, and the opening is never found by it. That is
    a limit of analysing words no dictionary knows, not of publishing, so such words are
    skipped here.
    """
    analyzer = get_analyzer()
    for attempt in range(100):
        stamp = f"{n:03d}{(int(time.time()) + attempt) % 1000:03d}"
        word = "julkaisu" + "".join(chr(97 + int(d)) for d in stamp)
        if analyzer.query_text(word) == word:
            return word
    raise RuntimeError(f"no made-up word for publish {n} is left alone by the analysis")


def publish_latencies(base: str, engine, count: int) -> list[float]:
    """Write a published opening through the database, then poll the API until it is found."""
    latencies = []
    today = city_today()
    with httpx.Client(base_url=base, timeout=10) as client:
        for n in range(count):
            word = publish_word(n)
            raw = next(data.bench_records(1, today, seed=n))
            raw.update(external_id=f"publish-{word}", title=f"Tehtävä {word}", status="published",
                       year=today.year + (today.month >= 9),
                       application_deadline=date(today.year + 1, 12, 31).isoformat())
            record, errors = validate_import_record(raw)
            assert not errors, errors
            started = time.perf_counter()
            write_records(engine, [record])
            params = {"q": word, "facets": "false", "per_page": 5}
            # Analysis may find earlier openings for a similar word; only this one counts.
            while record.external_id not in {h["external_id"] for h in
                                             client.get("/api/v1/search", params=params).json()["hits"]}:
                if time.perf_counter() - started > 30:
                    raise RuntimeError(f"published opening {word} not searchable within 30 s")
                time.sleep(0.01)
            latencies.append(time.perf_counter() - started)
            time.sleep(0.3)
    return latencies


def yearly_report(env: dict[str, str], rows: int, work: Path) -> str:
    """The report query's times from scripts/bench_report.py (another team's), when present."""
    script = service.ROOT / "scripts" / "bench_report.py"
    if not script.exists():
        return "n/a (scripts/bench_report.py not on this branch)"
    numbers = work / "report.json"
    pg_url = os.environ.get("OPPORTUNITY_BANK_BENCH_PG_URL")  # its PostgreSQL run, if asked for
    done = subprocess.run([sys.executable, str(script), "--rows", str(rows), "--import-rows", "0",
                           "--json", str(numbers)],
                          env={**env, **({"OPPORTUNITY_BANK_BENCH_PG_URL": pg_url} if pg_url else {})},
                          cwd=service.ROOT, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0 or not numbers.exists():
        return f"failed: {(done.stderr or done.stdout).strip().splitlines()[-1:]}"
    parts = []
    for database, timings in json.loads(numbers.read_text()).items():
        # Besides the timed views it reports load times and checks, which are not timings.
        parts.append(f"{database}: " + ", ".join(
            f"{key} median {t['median_ms']:g} ms / p95 {t['p95_ms']:g} ms"
            for key, t in timings.items() if isinstance(t, dict) and "median_ms" in t))
    return f"{rows:,} openings (`scripts/bench_report.py`): " + "; ".join(parts)


def encode_targets(args, base: str, meili_url: str, meili_key: str | None, index_uid: str,
                   page: bool) -> dict[str, tuple[str, object]]:
    """Each target's pre-encoded requests for the same stream of searches."""
    host = base.removeprefix("http://")
    meili_host = meili_url.removeprefix("http://")
    stream = queries.search_stream()
    searches = [next(stream) for _ in range(STREAM_LENGTH)]
    direct = load.meili_encoder(meili_host, index_uid, meili_key, city_today())
    targets = [("Meilisearch direct", meili_host, direct), ("search API", host, load.api_encoder(host))]
    if page:
        targets.append((f"search page {args.page_path}", host, load.page_encoder(host, args.page_path)))
    return {name: (h, load.encoded_stream(searches, enc)) for name, h, enc in targets}


def cpu_snapshot(served: service.Served, meili: ManagedMeilisearch | None) -> tuple[float, float, float]:
    """CPU seconds so far of: the app (Meilisearch left out), Meilisearch, this load generator."""
    meili_cpu = service.cpu_seconds(meili.pid, meilisearch=True) if meili and meili.pid else float("nan")
    return service.cpu_seconds(served.process.pid), meili_cpu, time.process_time()


def print_row(result: load.CellResult, direct: float | None) -> str:
    ratio = f"{result.rps / direct:.2f}" if direct else "1.00"
    done = max(1, len(result.latencies) + result.errors)
    app, meili, generator = (1000 * c / done for c in result.cpu)
    return (f"| {result.target} | {result.concurrency} | {result.rps:,.0f} | {result.percentile(50):.1f} | "
            f"{result.percentile(95):.1f} | {result.percentile(99):.1f} | {result.errors} | {ratio} | "
            f"{app:.2f} | {meili:.2f} | {generator:.2f} |")


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        import uvloop  # the generator must spend as little CPU as it can
        uvloop.install()
    except ImportError:
        pass
    command = " ".join(["python scripts/bench/run.py", *(sys.argv[1:] if argv is None else argv)])
    work = Path(tempfile.mkdtemp(prefix="ob-bench-"))
    lines: list[str] = []
    meili = None
    served = None
    try:
        if args.meili_url:
            meili_url, meili_key = args.meili_url.rstrip("/"), args.meili_key
        else:
            meili = ManagedMeilisearch(work / "meili", max_indexing_threads=args.meili_threads)
            meili.start()
            meili_url, meili_key = meili.url, meili.master_key
        index_uid = f"bench_{int(time.time())}"
        env = service.cli_env(work / "data", meili_url, meili_key, OPPORTUNITY_BANK_MEILI_INDEX=index_uid)
        settings = Settings.from_env(env)
        engine = db.make_engine(settings)

        today = city_today()
        jsonl = work / "openings.jsonl"
        expected = data.write_jsonl(jsonl, args.count, today)
        print(f"generated {args.count} openings ({expected} searchable) in {jsonl}", file=sys.stderr)
        service.run_cli(env, "db", "upgrade")
        import_seconds, import_cpu, _ = service.run_cli(env, "import", str(jsonl))
        print(f"imported in {import_seconds:.1f} s", file=sys.stderr)

        port = free_loopback_port()
        started = time.perf_counter()
        served = service.Served(env, port, work / "serve.log", workers=args.workers)
        served.wait_ready()
        ready_seconds = time.perf_counter() - started
        searchable_seconds = wait_searchable(served.base, meili_url, meili_key, index_uid, expected)
        print(f"searchable {searchable_seconds:.1f} s after ready", file=sys.stderr)
        indexed_memory = service.app_memory_mb(served.process.pid)

        page = page_renders_results(served.base, args.page_path)
        encoded = encode_targets(args, served.base, meili_url, meili_key, index_uid, page)
        results: list[load.CellResult] = []
        for level in args.levels:
            for name, (host_port, requests) in encoded.items():
                forget_cached_answers(engine)
                host, port_text = host_port.split(":")
                if args.warmup:
                    asyncio.run(load.run_cell(name, host, int(port_text), requests, level, args.warmup))
                before = cpu_snapshot(served, meili)
                cell = asyncio.run(load.run_cell(name, host, int(port_text), requests, level, args.duration))
                cell.cpu = tuple(b - a for a, b in zip(before, cpu_snapshot(served, meili), strict=True))
                print(f"{name} x{level}: {cell.rps:.0f} req/s, p95 {cell.percentile(95):.1f} ms, "
                      f"{cell.errors} errors {cell.first_error}", file=sys.stderr)
                results.append(cell)
        loaded_memory = service.app_memory_mb(served.process.pid)

        publishes = publish_latencies(served.base, engine, args.publishes)
        if args.skip_reindex:
            reindex = "skipped"
        else:
            meili_before = cpu_snapshot(served, meili)[1]
            _, reindex_cpu, out = service.run_cli(env, "reindex")
            meili_cpu = cpu_snapshot(served, meili)[1] - meili_before
            reindex = out.strip().splitlines()[-1]
            documents = int(reindex.split()[1])
            reindex += (f"; CPU: command {reindex_cpu:.1f} s ({documents / reindex_cpu:,.0f} documents "
                        f"per CPU-second, Finnish analysis included), Meilisearch {meili_cpu:.1f} s")
        report = yearly_report(env, 100_000 if args.quick else 1_000_000, work)

        meili_origin = ("external" if args.meili_url
                        else f"started here, --max-indexing-threads {args.meili_threads}")
        lines += [
            f"Command: `{command}`  ",
            f"Machine: {os.cpu_count()} cores; {args.count:,} openings ({expected:,} searchable); "
            f"serve --workers {args.workers}; Meilisearch {meili_url} "
            f"({meili_origin}); "
            f"{args.duration:g} s per cell after {args.warmup:g} s of warm-up; the answer cache is "
            "emptied before each warm-up; the same stream of searches for every target.",
            "",
            "| target | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | ratio to direct "
            "| CPU ms/request: app | Meilisearch | load generator |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for level in args.levels:
            cells = [r for r in results if r.concurrency == level]
            direct = cells[0].rps
            lines += [print_row(r, direct) for r in cells]
        if not page:
            lines.append(f"| search page {args.page_path} | | n/a: no search results page on this branch "
                         "| | | | | | | | |")
        # While the load goes straight to Meilisearch the app serves nothing: what it spends
        # then is its own background work (pollers, indexer), a cost every request shares.
        idle = [r for r in results if r.target == "Meilisearch direct"]
        idle_cpu = 1000 * sum(r.cpu[0] for r in idle) / sum(r.elapsed for r in idle)
        lines += [
            "",
            f"- app CPU while idle (during the direct cells): {idle_cpu:.0f} ms per second",
            f"- import: {args.count:,} rows in {import_seconds:.1f} s = "
            f"**{args.count / import_seconds:,.0f} rows/s** (`opportunity-bank import`, whole command; "
            f"{import_cpu:.1f} CPU seconds = {args.count / import_cpu:,.0f} rows per CPU-second)",
            f"- serve ready in {ready_seconds:.1f} s; all {expected:,} searchable "
            f"{searchable_seconds:.1f} s later (outbox drained: "
            f"{expected / searchable_seconds:,.0f} searchable documents/s)",
            f"- reindex: {reindex}",
            f"- publish to searchable ({len(publishes)} publishes through the database, polling the API): "
            f"p50 {statistics.median(publishes) * 1000:.0f} ms, "
            f"p95 {sorted(publishes)[int(0.95 * (len(publishes) - 1))] * 1000:.0f} ms, "
            f"max {max(publishes) * 1000:.0f} ms",
            f"- yearly report: {report}",
            "- app memory (serve and its children, Meilisearch excluded): "
            f"once all is searchable {indexed_memory}; after the load {loaded_memory}",
        ]
        text = "\n".join(lines)
        print(text)
        if args.save:
            args.save.write_text(text + "\n", encoding="utf-8")
        engine.dispose()
        return 0
    finally:
        if served:
            served.stop()
        if meili:
            meili.stop()
        if args.keep:
            print(f"data kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
