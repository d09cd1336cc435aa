"""The real service under test: `opportunity-bank serve` in a subprocess, its memory via /proc."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
SRC = ROOT / "src"


def cli_env(data_dir: Path, meili_url: str | None, meili_key: str | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPPORTUNITY_BANK_")}
    env.update(
        OPPORTUNITY_BANK_DATA_DIR=str(data_dir),
        OPPORTUNITY_BANK_ENV="development",
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    )
    if meili_url:
        env["OPPORTUNITY_BANK_MEILI_URL"] = meili_url
        env["OPPORTUNITY_BANK_MEILI_MASTER_KEY"] = meili_key or ""
    env.update(extra)
    return env


def run_cli(env: dict[str, str], *args: str, timeout: float = 3600) -> tuple[float, float, str]:
    """Run an `opportunity-bank` command; returns (seconds, CPU seconds, standard output)."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "opportunity_bank", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"opportunity-bank {' '.join(args)} failed:\n{done.stderr[:3000]}\n…\n"
                           f"{done.stderr[-3000:]}")
    return elapsed, _children_cpu() - cpu_before, done.stdout


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Served:
    """`python -m opportunity_bank serve` on a free port, stopped with SIGINT like Ctrl-C."""

    def __init__(self, env: dict[str, str], port: int, log_path: Path, workers: int = 1) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.port = port
        self.log_path = log_path
        command = [sys.executable, "-m", "opportunity_bank", "serve", "--port", str(port)]
        if workers != 1:
            command += ["--workers", str(workers)]
        self.process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
            stderr=log_path.open("w"), start_new_session=True,
        )

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited: {self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.base}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"serve not ready within {timeout} s: {self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(c) for c in task.read_text().split()]
    return found


def _status_kb(pid: int, fields: tuple[str, ...]) -> list[int]:
    """These kB fields of the process's status, 0 for one it does not have."""
    found = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return [int(found[field].split()[0]) if field in found else 0 for field in fields]


def _tree(pid: int) -> list[tuple[int, str]]:
    """(pid, command name) of a process and all its descendants."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        try:
            found.append((current, Path(f"/proc/{current}/comm").read_text().strip()))
            pending += _children(current)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def cpu_seconds(pid: int, meilisearch: bool = False) -> float:
    """CPU time used so far by a process tree: Meilisearch only, or everything but it."""
    ticks = 0
    for current, name in _tree(pid):
        if (name == "meilisearch") == meilisearch:
            try:
                fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / CLOCK_TICKS


@dataclass(frozen=True)
class Memory:
    """Of a process tree, Meilisearch left out, in MB. The file-backed part of RSS is pages of
    mapped files (the word lists, Voikko's dictionary, shared libraries): the kernel can drop
    and reread them, and processes that map the same file share them."""

    rss: float
    peak: float  # sum of each process's peak RSS
    anonymous: float
    file_backed: float

    def __str__(self) -> str:
        return (f"RSS {self.rss:.0f} MB ({self.anonymous:.0f} MB anonymous, {self.file_backed:.0f} MB "
                f"file-backed), sum of peaks {self.peak:.0f} MB")


def app_memory_mb(pid: int) -> Memory:
    fields = ("VmRSS", "VmHWM", "RssAnon", "RssFile")
    totals = dict.fromkeys(fields, 0)
    for current, name in _tree(pid):
        if name != "meilisearch":
            try:
                for field, kb in zip(fields, _status_kb(current, fields), strict=True):
                    totals[field] += kb
            except (FileNotFoundError, ProcessLookupError):
                continue
    rss, peak, anonymous, file_backed = (totals[field] / 1024 for field in fields)
    return Memory(rss, peak, anonymous, file_backed)
