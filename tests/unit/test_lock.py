"""The dependency lock: in step with pyproject.toml, hashed, and what setup installs."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "scripts/lock.sh", "--check"], cwd=root, capture_output=True,
                          text=True, timeout=30)


def test_the_lock_matches_pyproject():
    done = check(ROOT)
    assert done.returncode == 0, done.stderr


def test_a_changed_dependency_without_a_new_lock_is_refused_in_one_line(tmp_path):
    for name in ("pyproject.toml", "requirements.lock", "scripts/lock.sh"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text()
    pyproject.write_text(text.replace('line-length = 110', 'line-length = 100'))
    assert check(tmp_path).returncode == 0  # tool settings do not change what is installed
    pyproject.write_text(text.replace('"openpyxl>=3.1",', '"openpyxl>=3.1",\n    "tzdata>=2024.1",'))
    done = check(tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip() == ("lock.sh: requirements.lock does not match pyproject.toml's "
                                   "dependencies; run: bash scripts/lock.sh")


def test_every_locked_package_is_pinned_with_hashes_and_every_dependency_is_locked():
    lock = (ROOT / "requirements.lock").read_text()
    entries = re.split(r"\n(?=[a-z0-9])", lock.split("\n", 3)[3])
    pinned = {}
    for entry in entries:
        name, version = re.match(r"([a-z0-9][a-z0-9._-]*)==([^ ;\\]+)", entry).groups()
        assert "--hash=sha256:" in entry, name
        pinned[name] = version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        name = re.match(r"[A-Za-z0-9._-]+", requirement).group().lower().replace("_", "-")
        assert name in pinned, requirement


def test_setup_installs_from_the_lock_only():
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    assert "--require-hashes --no-deps -r requirements.lock" in setup
    assert "--no-deps -e ." in setup
    assert "scripts/lock.sh --check" in setup
    assert "-e '.[dev]'" not in setup
