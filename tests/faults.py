"""Helpers for tests that break real things: dead and hung servers, real processes, openings."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

from sqlalchemy.engine import Engine

from opportunity_bank.db import session_scope
from opportunity_bank.opportunities.schemas import validate_import_record
from opportunity_bank.opportunities.service import UnitCache, upsert
from opportunity_bank.search.managed import free_loopback_port
from opportunity_bank.settings import Settings
from tests.helpers import record, wait_until

ROOT = Path(__file__).resolve().parents[1]
# Waits on real servers get room: the suite may share a small machine with other work.
eventually = partial(wait_until, timeout=30)


def dead_url() -> str:
    """A loopback URL where nothing listens: connections are refused at once."""
    return f"http://127.0.0.1:{free_loopback_port()}"


@contextmanager
def hung_server() -> Iterator[str]:
    """A loopback URL whose server accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


def publish_openings(engine: Engine, records: list[dict]) -> None:
    """Write openings through the service layer, as the editing API and forms do."""
    with session_scope(engine) as session:
        units = UnitCache(session)
        for raw in records:
            fields, errors = validate_import_record(raw)
            assert not errors, errors
            upsert(session, fields.external_id, fields, units, None)


def cli_env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPPORTUNITY_BANK_")}
    env.update({
        "OPPORTUNITY_BANK_DATA_DIR": str(settings.data_dir),
        "OPPORTUNITY_BANK_DATABASE_URL": settings.database_url,
        "OPPORTUNITY_BANK_MEILI_INDEX": settings.meili_index,
        "OPPORTUNITY_BANK_SECRET_KEY": settings.secret_key,
        "OPPORTUNITY_BANK_ENV": "test",
        "PYTHONPATH": str(ROOT / "src"),
    })
    if settings.meili_url:
        env["OPPORTUNITY_BANK_MEILI_URL"] = settings.meili_url
        env["OPPORTUNITY_BANK_MEILI_MASTER_KEY"] = settings.meili_master_key or ""
    return env


def run_cli(settings: Settings, *args: str, timeout: float = 120, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "opportunity_bank", *args], env=cli_env(settings), cwd=ROOT,
        capture_output=True, text=True, timeout=timeout, input=stdin,
    )


def managed_settings(settings: Settings) -> Settings:
    """The same database and index, with the service's own managed Meilisearch."""
    return replace(settings, meili_url=None, meili_master_key=None)


class Serve:
    """`python -m opportunity_bank serve` as a real process on a free port."""

    def __init__(self, settings: Settings, log_path: Path, *serve_args: str) -> None:
        self.port = free_loopback_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "opportunity_bank", "serve", "--port", str(self.port), *serve_args],
            env=cli_env(settings), cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT,
        )
        import httpx

        def ready() -> bool:
            assert self.process.poll() is None, self.log()
            try:
                return httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        try:
            wait_until(ready, timeout=60, interval=0.2)
        except BaseException:
            self.stop()  # a serve that never got ready must not be left running
            raise

    def log(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        return self.process.returncode


def openings(first: int, count: int, **overrides) -> list[dict]:
    return [record(i, **overrides) for i in range(first, first + count)]

