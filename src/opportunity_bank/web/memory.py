"""Giving freed memory back to the system, so a long-running process stays the size it needs.

Python hands freed objects back to glibc's malloc, but glibc keeps the pages for reuse, per
thread arena. After an indexing batch of 5,000 openings or a burst of 50 connections the
`serve` process held about 30 MB it no longer used (174 MB, 144 MB after one
`malloc_trim`). A daemon thread asks glibc to return free pages every few seconds; where the
C library is not glibc (musl, macOS) there is no such call and nothing is done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)
TRIM_SECONDS = 10.0  # one trim of a fragmented 80 MB heap took 10 ms, without the GIL


def _find_malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


_malloc_trim = _find_malloc_trim()


def trim() -> bool:
    """Return free heap memory to the system now; False where the C library cannot."""
    if _malloc_trim is None:
        return False
    _malloc_trim(0)
    return True


class MemoryTrimmer:
    """Calls :func:`trim` every ``interval`` seconds in a daemon thread."""

    def __init__(self, interval: float = TRIM_SECONDS) -> None:
        self.interval = interval
        self.trims = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if _malloc_trim is None:
            log.info("no malloc_trim in this C library: freed memory stays with the process")
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="memory-trimmer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            trim()
            self.trims += 1
