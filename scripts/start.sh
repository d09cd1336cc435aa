#!/usr/bin/env bash
# Start Opportunity Bank on this machine: the first command for a new user.
#
#   bash scripts/start.sh [--host H] [--port P]
#
# Installs what is missing (scripts/setup.sh), migrates the database, loads 300 demo
# openings into an empty database (not when OPPORTUNITY_BANK_ENV=production; the command
# itself skips when opportunities exist), then runs `opportunity-bank serve` with the given
# arguments. Without OPPORTUNITY_BANK_MEILI_URL the app starts its own Meilisearch.
# Settings come from OPPORTUNITY_BANK_* variables (see README); data go to ./var by default.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh

CLI=.venv/bin/opportunity-bank

echo "==> opportunity-bank db upgrade"
"$CLI" db upgrade

if [[ "${OPPORTUNITY_BANK_ENV:-development}" == production ]]; then
    echo "==> demo data: skipped (OPPORTUNITY_BANK_ENV=production)"
else
    echo "==> opportunity-bank demo-data --count 300 (skipped if opportunities exist)"
    "$CLI" demo-data --count 300
fi

echo "==> opportunity-bank serve $*"
exec "$CLI" serve "$@"
