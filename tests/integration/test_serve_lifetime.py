"""The managed Meilisearch never outlives `serve`, and `serve` stops in time under load."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from opportunity_bank.children import parent_of, pids_with_argument, popen_tethered, running
from opportunity_bank.search.managed import ManagedMeilisearch, find_binary
from tests.faults import ROOT, Serve, managed_settings, openings, publish_openings, run_cli
from tests.helpers import wait_until


def meilisearch_of(data_dir) -> list[int]:
    return pids_with_argument("--db-path", str(data_dir.resolve() / "meilisearch" / "data.ms"))


@pytest.mark.parametrize("workers", ["1", "2"])
def test_kill_9_of_serve_leaves_no_meilisearch_and_no_worker(settings, tmp_path, workers):
    managed = managed_settings(settings)
    serve = Serve(managed, tmp_path / "serve.log", "--workers", workers)
    try:
        [meili] = meilisearch_of(managed.data_dir)
        assert parent_of(meili) == serve.process.pid
        # With workers: the two of them and multiprocessing's resource tracker.
        children = [pid for pid in _children(serve.process.pid) if pid != meili]
        assert len(children) == (0 if workers == "1" else 3)
        # Past anyio's idle time for the thread that ran the start-up: the server stays up.
        time.sleep(11)
        assert running(meili) and httpx.get(f"{serve.url}/readyz", timeout=5).status_code == 200
        serve.process.send_signal(signal.SIGKILL)
        serve.process.wait(10)
        wait_until(lambda: not running(meili) and all(not running(pid) for pid in children), timeout=15)
        assert meilisearch_of(managed.data_dir) == []
    finally:
        serve.stop()


def _children(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def test_a_new_serve_stops_a_stale_meilisearch_on_its_data(settings, tmp_path):
    """One left by a `serve` from before (here: started by a process that is gone)."""
    managed = managed_settings(settings)
    home = managed.data_dir.resolve() / "meilisearch"
    home.mkdir(parents=True)
    # A Meilisearch whose parent exits at once, as a server orphaned by an old `serve` is.
    starter = ("import subprocess, sys; p = subprocess.Popen(sys.argv[1:], start_new_session=True, "
               "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print(p.pid)")
    stale = int(subprocess.run(
        [sys.executable, "-c", starter, str(find_binary()), "--db-path", str(home / "data.ms"),
         "--dump-dir", str(home / "dumps"), "--snapshot-dir", str(home / "snapshots"),
         "--http-addr", "127.0.0.1:0", "--no-analytics"],
        cwd=home, capture_output=True, text=True, check=True, timeout=30).stdout)
    try:
        wait_until(lambda: meilisearch_of(managed.data_dir) == [stale])
        serve = Serve(managed, tmp_path / "serve.log")
        try:
            assert not running(stale)
            assert "left running on" in serve.log()
            [meili] = meilisearch_of(managed.data_dir)
            assert parent_of(meili) == serve.process.pid
        finally:
            serve.stop()
    finally:
        if running(stale):
            subprocess.run(["kill", "-9", str(stale)], check=False)


def test_a_second_serve_on_the_same_data_refuses_in_one_line(settings, tmp_path):
    managed = managed_settings(settings)
    serve = Serve(managed, tmp_path / "serve.log")
    try:
        second = run_cli(managed, "serve", "--port", "1")
        assert second.returncode == 2, second.stderr
        line = second.stderr.strip().splitlines()[-1]
        assert "is in use by the Meilisearch" in line and f"(pid {serve.process.pid})" in line
        assert "Traceback" not in second.stderr
        assert httpx.get(f"{serve.url}/readyz", timeout=5).status_code == 200  # left alone
    finally:
        serve.stop()


def test_sigterm_under_load_stops_serve_within_10_s_answering_requests_in_flight(settings, engine, tmp_path):
    managed = managed_settings(settings)
    publish_openings(engine, openings(1, 300))
    serve = Serve(managed, tmp_path / "serve.log")
    stop_asking = threading.Event()
    answers: list[int] = []
    failures: list[str] = []

    def ask(number: int) -> None:
        queries = ["kesätyö", "puisto", "tarkastaja", "", "Espoo"]
        with httpx.Client(base_url=serve.url, timeout=15) as client:
            while not stop_asking.is_set():
                try:
                    answer = client.get("/api/v1/search", params={"q": queries[number % 5], "per_page": 50})
                except httpx.TransportError as error:
                    # After SIGTERM: refused (the port is closed) or closed between requests.
                    failures.append(type(error).__name__)
                    return
                answers.append(answer.status_code)
                number += 1

    askers = [threading.Thread(target=ask, args=(n,)) for n in range(16)]
    for asker in askers:
        asker.start()
    try:
        wait_until(lambda: len(answers) > 200, timeout=60)
        [meili] = meilisearch_of(managed.data_dir)
        publish_openings(engine, openings(1001, 200))  # the indexer is busy too
        started = time.monotonic()
        serve.process.send_signal(signal.SIGTERM)
        serve.process.wait(15)
        stopped = time.monotonic() - started
    finally:
        stop_asking.set()
        for asker in askers:
            asker.join(30)
        serve.stop()
    assert stopped < 10, f"stopped after {stopped:.1f} s\n{serve.log()[-3000:]}"
    assert serve.process.returncode in (0, -signal.SIGTERM), serve.log()[-3000:]
    assert set(answers) == {200}  # every request that got an answer got a whole one
    assert len(failures) == len(askers)  # each asker stopped only when the service had gone
    assert not running(meili)


def test_a_tethered_child_dies_with_its_parent_even_when_started_from_a_passing_thread(tmp_path):
    """The parent-death signal follows the forking thread; children are forked from one that lasts."""
    program = f"""
import sys, threading, time
sys.path.insert(0, {str(ROOT / "src")!r})
from opportunity_bank.children import popen_tethered
started = []
thread = threading.Thread(target=lambda: started.append(popen_tethered(["sleep", "60"])))
thread.start(); thread.join()
print(started[0].pid, flush=True)
time.sleep(60)
"""
    parent = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    time.sleep(0.5)
    assert running(child)  # the thread that asked for it has ended; the child lives on
    parent.kill()
    parent.wait(10)
    wait_until(lambda: not running(child), timeout=10)


def test_a_tethered_meilisearch_is_stopped_by_its_owner_as_before(tmp_path):
    with ManagedMeilisearch(tmp_path) as meili:
        pid = meili.pid
        recorded = json.loads((tmp_path / "meilisearch" / "meilisearch.pid").read_text())
        assert recorded["pid"] == pid
    assert not running(pid) and not (tmp_path / "meilisearch" / "meilisearch.pid").exists()
    assert popen_tethered(["true"]).wait(10) == 0
