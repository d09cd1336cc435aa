"""Giving freed memory back to the system, so a long-running process stays the size it needs.

Python hands freed objects back to glibc's malloc, but glibc keeps the pages for reuse, per
thread arena. After an indexing batch of 5,000 openings or a burst of 50 connections the
`serve` process held about 30 MB it no longer used (174 MB, 144 MB after one
`malloc_trim`). A daemon thread asks glibc to return free pages every few seconds; where the
C library is not glibc (musl, macOS) there is no such call and nothing is done. Threads
also share two malloc arenas instead of one each (`limit_arenas`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

from opportunity_bank.periodic import Periodic

log = logging.getLogger(__name__)
TRIM_SECONDS = 10.0  # one trim of a fragmented 80 MB heap took 10 ms, without the GIL


def _find_libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    # glibc has both; musl and macOS have neither.
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


_libc = _find_libc()
M_ARENA_MAX = -8  # mallopt parameter, from glibc's malloc.h
ARENAS = 2


def trim() -> bool:
    """Return free heap memory to the system now; False where the C library cannot."""
    if _libc is None:
        return False
    _libc.malloc_trim(0)
    return True


def limit_arenas(count: int = ARENAS) -> bool:
    """Let threads share `count` malloc arenas instead of one each (glibc allows 8 per core).

    Every arena keeps its own free pages; with 24 search threads the process held about
    8 MB more after a load test than with two arenas (160 against 151 MB). The threads
    allocate while holding the GIL, so sharing arenas costs them no waiting.
    """
    return _libc is not None and bool(_libc.mallopt(M_ARENA_MAX, count))


class MemoryTrimmer:
    """Calls :func:`trim` every ``interval`` seconds in a daemon thread."""

    def __init__(self, interval: float = TRIM_SECONDS) -> None:
        self.trims = 0
        self._trimmer = Periodic("memory-trimmer", interval, self._trim)

    def start(self) -> None:
        if not limit_arenas():
            log.info("not glibc: freed memory stays with the process")
            return
        self._trimmer.start()

    def stop(self) -> None:
        self._trimmer.stop()

    def _trim(self) -> None:
        trim()
        self.trims += 1
