"""Browser tests: the app served by uvicorn on a free port, driven by Debian's Chromium."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from opportunity_bank.app import create_app
from tests.helpers import wait_until
from tests.student_openings import seed_openings

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("OPPORTUNITY_BANK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass(frozen=True, slots=True)
class LiveServer:
    url: str

    def found(self) -> list[str]:
        """External ids the search API finds right now."""
        response = httpx.get(f"{self.url}/api/v1/search", params={"per_page": 100}, timeout=10)
        response.raise_for_status()
        return sorted(hit["external_id"] for hit in response.json()["hits"])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(settings, port: int) -> Iterator[None]:
    """The app under uvicorn on 127.0.0.1:port, in a thread, for as long as the block runs."""
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    wait_until(lambda: server.started or not thread.is_alive(), timeout=60)
    assert server.started, "the app did not start"
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=60)


@pytest.fixture
def live_server(settings) -> Iterator[LiveServer]:
    port = free_port()
    with serving(settings, port):
        yield LiveServer(f"http://127.0.0.1:{port}")


@pytest.fixture
def openings(live_server, engine, tmp_path) -> dict[str, int]:
    return seed_openings(engine, live_server.found, tmp_path)


@pytest.fixture(scope="session")
def browser():
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    """WCAG 2.1 A and AA violations axe-core finds on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (> 0 means sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - innerWidth")
