"""An import killed mid-way leaves none of its rows; one left to finish leaves all of them."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading

from sqlmodel import Session, func, select

from opportunity_bank.models import Opportunity, OutboxEntry
from tests.faults import ROOT, cli_env, openings, run_cli
from tests.helpers import write_jsonl

ROWS = 6_000  # progress (the moment to kill) is shown from 5,000 rows


def count(engine, model) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count(model.id))).one()


def test_import_killed_mid_transaction_writes_nothing_then_all(settings, engine, tmp_path):
    big = write_jsonl(tmp_path / "big.jsonl", openings(1, ROWS))
    process = subprocess.Popen(
        [sys.executable, "-m", "opportunity_bank", "import", str(big)],
        env=cli_env(settings), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    seen = bytearray()
    writing = threading.Event()

    def watch() -> None:
        # "written N/M" appears after the first thousand rows are flushed inside the transaction.
        while chunk := process.stderr.read1(4096):
            seen.extend(chunk)
            if b"written" in seen:
                writing.set()

    threading.Thread(target=watch, daemon=True).start()
    assert writing.wait(60), seen.decode(errors="replace")
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert process.returncode == -signal.SIGKILL
    assert count(engine, Opportunity) == 0
    assert count(engine, OutboxEntry) == 0

    done = run_cli(settings, "import", str(big))
    assert done.returncode == 0, done.stderr
    assert count(engine, Opportunity) == ROWS
    assert count(engine, OutboxEntry) == ROWS
