"""The README is a guide a new user can follow as typed; reference lives in docs/."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_is_a_guide_of_at_most_400_lines():
    assert len(README.splitlines()) <= 400
    for section in ("## The two commands", "### As a student", "### As a supervisor", "### As HR",
                    "### As an admin", "## Configuration", "## Operations"):
        assert section in README


def test_every_document_it_links_exists():
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README):
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).is_file(), target


def test_its_commands_can_be_typed_as_they_are():
    commands = [line for block in re.findall(r"```sh\n(.*?)```", README, re.S) for line in block.splitlines()]
    for line in commands:
        # A URL with non-ASCII in it is not sent as typed: curl must encode it.
        if line.startswith("curl"):
            urls = re.findall(r"https?://\S+", line)
            assert all(url.isascii() for url in urls), line
    # Bare `opportunity-bank` needs the venv: the README says how before its first use.
    first_bare = README.index("opportunity-bank users add")
    assert README.index("source .venv/bin/activate") < first_bare
    assert ".venv/bin/opportunity-bank" in README


def test_restore_says_to_stop_the_service_first():
    restore = README.index("opportunity-bank restore")
    assert "stop the service first" in README[restore - 300 : restore].lower()


def test_every_setting_the_code_reads_is_in_the_configuration_table():
    settings = (ROOT / "src" / "opportunity_bank" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'get\("([A-Z_]+)"', settings))
    table = README[README.index("## Configuration") : README.index("## Operations")]
    missing = {name for name in names if f"`{name}`" not in table and name not in ("HOST", "PORT")}
    assert not missing
    assert "`HOST`, `PORT`" in table
