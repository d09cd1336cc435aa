"""The app factory a `serve --workers N` process is started with, light to unpickle.

uvicorn's supervisor pickles the factory into each new worker process and pings the worker
from the moment it starts; the worker answers only once the factory is unpickled. Importing
the app (Litestar, SQLAlchemy, the search client) then took longer than the supervisor's
5 s on a busy machine, and it killed and restarted workers in a loop. So the factory holds
only the settings and imports the app when uvicorn calls it, after the worker answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from opportunity_bank.settings import Settings


@dataclass(frozen=True, slots=True)
class WorkerApp:
    settings: Settings
    parent: int  # the pid of `serve`, which the worker must not outlive

    def __call__(self):
        from opportunity_bank.runtime import worker_app

        return worker_app(self.settings, self.parent)
