"""A daemon thread that does one thing every few seconds until it is stopped."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Periodic:
    """Calls ``work()`` every ``interval`` seconds in a daemon thread named ``name``."""

    def __init__(self, name: str, interval: float, work: Callable[[], object]) -> None:
        self.name = name
        self.interval = interval
        self.work = work
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.work()
