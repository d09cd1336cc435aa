#!/usr/bin/env bash
# Run the benchmark with the checkout's .venv (made by scripts/setup.sh):
#
#   bash scripts/bench.sh [--quick] [--count N] [--workers W] [--save FILE] …
#
# Options are those of scripts/bench/run.py (see --help). Needs nothing but the app's own
# dependencies; takes about 2 minutes with --quick and 10–15 minutes for 100,000 openings.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
[[ -x "$PYTHON" ]] || { echo "bench.sh: $PYTHON missing; run: bash scripts/setup.sh" >&2; exit 1; }
exec "$PYTHON" scripts/bench/run.py "$@"
