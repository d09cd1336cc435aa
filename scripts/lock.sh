#!/usr/bin/env bash
# The Python dependency lock: requirements.lock, every package pinned with its hashes.
#
#   bash scripts/lock.sh            resolve pyproject.toml's ranges (with the dev extra) again
#                                   from PyPI into requirements.lock, keeping the versions it
#                                   pins where they still fit; then run scripts/setup.sh
#   bash scripts/lock.sh --upgrade  the same, taking the newest releases within the ranges
#   bash scripts/lock.sh --check    exit 1 if pyproject.toml's dependencies changed since the
#                                   lock was made (scripts/setup.sh runs this first)
#
# pyproject.toml keeps the ranges; the lock is what gets installed (`pip install
# --require-hashes`), so every machine and CI get the same files. Rerun it after changing a
# dependency in pyproject.toml, or with --upgrade to take newer releases, and commit
# requirements.lock with pyproject.toml. It resolves with uv (pinned below, installed once into
# a cache directory outside the checkout) from uv's default index, for Python 3.11 and newer
# on any platform.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOCK=requirements.lock
UV_VERSION=0.13.8
PYTHON="${PYTHON:-python3}"

# What the lock was made from: requires-python and the dependency lists, not the rest of the
# file (tool settings do not change what gets installed).
dependencies_hash() {
    "$PYTHON" - <<'EOF'
import hashlib, json, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
wanted = {key: project.get(key) for key in ("requires-python", "dependencies", "optional-dependencies")}
print(hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest())
EOF
}

if [[ "${1:-}" == --check ]]; then
    want="# pyproject dependencies sha256: $(dependencies_hash)"
    if [[ ! -f "$LOCK" ]] || ! grep -qxF "$want" "$LOCK"; then
        echo "lock.sh: $LOCK does not match pyproject.toml's dependencies; run: bash scripts/lock.sh" >&2
        exit 1
    fi
    exit 0
fi

UV_HOME="${XDG_CACHE_HOME:-$HOME/.cache}/opportunity-bank/uv-$UV_VERSION"
if [[ ! -x "$UV_HOME/bin/uv" ]]; then
    echo "==> installing uv $UV_VERSION into $UV_HOME"
    rm -rf "$UV_HOME"
    "$PYTHON" -m venv "$UV_HOME"
    "$UV_HOME/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi

echo "==> resolving pyproject.toml (with [dev]) into $LOCK"
hash="$(dependencies_hash)"
resolved="$(mktemp)"
trap 'rm -f "$resolved"' EXIT
upgrade=()
if [[ "${1:-}" == --upgrade ]]; then
    upgrade=(--upgrade)
elif [[ -f "$LOCK" ]]; then
    cp "$LOCK" "$resolved"  # uv keeps the versions an existing output file pins
fi
"$UV_HOME/bin/uv" pip compile pyproject.toml --extra dev --generate-hashes --universal \
    --python-version 3.11 "${upgrade[@]}" \
    --custom-compile-command "bash scripts/lock.sh" --quiet -o "$resolved"
{
    echo "# pyproject dependencies sha256: $hash"
    cat "$resolved"
} >"$LOCK"
echo "==> $LOCK: $(grep -c '^[a-z0-9]' "$LOCK") packages; install with: bash scripts/setup.sh"
