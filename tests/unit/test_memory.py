"""Freed memory goes back to the system instead of staying with a long-running process."""

from __future__ import annotations

import threading

from opportunity_bank.web.memory import MemoryTrimmer, limit_arenas, trim


def anonymous_rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("RssAnon"))
    return int(line.split()[1]) / 1024


def fragment_a_thread_heap(megabytes: int) -> list[bytes]:
    """Allocate in a worker thread (its own malloc arena) and free all but every 64th block,
    as an indexing batch or a burst of requests does; return what stays alive."""
    kept: list[bytes] = []

    def work() -> None:
        blocks = [bytes(2000) + bytes([n % 256]) for n in range(megabytes * 500)]
        kept.extend(blocks[::64])

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    return kept


def test_trim_gives_freed_heap_pages_back():
    kept = fragment_a_thread_heap(80)
    before = anonymous_rss_mb()
    assert trim()
    after = anonymous_rss_mb()
    assert before - after > 40, f"RSS {before:.0f} MB -> {after:.0f} MB"
    assert len(kept) == 625  # alive until here: the freed blocks lie between them


def test_the_trimmer_trims_in_the_background_until_stopped():
    trimmer = MemoryTrimmer(interval=0.05)
    trimmer.start()
    threading.Event().wait(0.5)
    trimmer.stop()
    done = trimmer.trims
    assert done >= 3
    threading.Event().wait(0.2)
    assert trimmer.trims == done


def test_threads_can_be_limited_to_two_malloc_arenas():
    assert limit_arenas(2)
