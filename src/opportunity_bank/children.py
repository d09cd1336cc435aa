"""Child processes that die with the process that started them (Linux; elsewhere as before).

`serve` starts a Meilisearch and, with ``--workers``, app processes. When `serve` is killed
outright (SIGKILL, the OOM killer, a container stop past its grace time) nothing of it runs
to stop them, so the kernel must: ``prctl(PR_SET_PDEATHSIG)`` asks it to send the child a
signal when its parent goes.

The kernel sends that signal when the *thread* that forked the child ends, not the process.
A server started from a short-lived thread (anyio's worker threads end after 10 idle
seconds) would be stopped with it, so :func:`popen_tethered` forks from one thread that
lives as long as the process.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import ctypes.util
import os
import queue
import signal
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

PR_SET_PDEATHSIG = 1  # from linux/prctl.h


def _load_prctl() -> Callable[..., int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None
    return getattr(libc, "prctl", None)


# Resolved before any fork: the child only calls it, it looks nothing up.
_prctl = _load_prctl()


def die_with_parent(sig: int = signal.SIGTERM, parent: int | None = None) -> bool:
    """Have the kernel send ``sig`` to this process when its parent ends.

    ``parent``: the pid the parent had; if it is already gone (it died before this call),
    the signal is sent at once. False where there is no prctl (not Linux).
    """
    if _prctl is None or _prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) != 0:
        return False
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), sig)
    return True


class _Launcher:
    """One daemon thread, for the life of the process, from which children are forked."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def popen(self, args: list[str], **options) -> subprocess.Popen:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="child-launcher", daemon=True)
                self._thread.start()
        done: concurrent.futures.Future[subprocess.Popen] = concurrent.futures.Future()
        self._jobs.put((done, args, options))
        return done.result()

    def _run(self) -> None:
        while True:
            done, args, options = self._jobs.get()
            try:
                done.set_result(subprocess.Popen(args, **options))
            except BaseException as error:
                done.set_exception(error)


_launcher = _Launcher()


def popen_tethered(args: list[str], sig: int = signal.SIGTERM, **options) -> subprocess.Popen:
    """``subprocess.Popen(args, **options)`` for a child that gets ``sig`` when we end."""
    parent = os.getpid()
    return _launcher.popen(args, preexec_fn=lambda: die_with_parent(sig, parent), **options)


def pids_with_argument(*argument: str) -> list[int]:
    """Processes whose command line holds ``argument`` (consecutive words) — from /proc."""
    wanted = [a.encode() for a in argument]
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if any(words[i : i + len(wanted)] == wanted for i in range(len(words))):
            found.append(int(entry.name))
    return found


def parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # pid (comm) state ppid ...; comm may hold spaces and parentheses, so split after the last ")".
    return int(stat.rsplit(")", 1)[1].split()[1])


def running(pid: int) -> bool:
    """Whether ``pid`` is a process that has not exited (a zombie has; a process gone while
    it is looked at has too)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")
