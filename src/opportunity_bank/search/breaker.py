"""A circuit breaker: after Meilisearch fails, skip it for a few seconds instead of waiting on it.

Without it every student request during an outage would first wait for a refused connection
or, worse, for the timeout of a server that accepts connections but does not answer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

COOLDOWN_SECONDS = 5.0


class CircuitBreaker:
    """Closed: calls go through. Open (after a failure): calls are refused until the cooldown
    ends; then one trial call goes through while the others are still refused, and its outcome
    closes the breaker again or reopens it for another cooldown."""

    def __init__(self, cooldown: float = COOLDOWN_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.cooldown = cooldown
        self._clock = clock
        self._open_until = 0.0
        self._failures = 0
        self._lock = threading.Lock()

    def allow(self) -> bool:
        with self._lock:
            now = self._clock()
            if now < self._open_until:
                return False
            if self._failures:
                # The trial call: everybody else keeps taking the other way until it reports.
                self._open_until = now + self.cooldown
            return True

    def failed(self) -> None:
        with self._lock:
            self._failures += 1
            self._open_until = self._clock() + self.cooldown

    def succeeded(self) -> None:
        with self._lock:
            self._failures = 0
            self._open_until = 0.0

    @property
    def is_open(self) -> bool:
        with self._lock:
            return self._failures > 0
