#!/usr/bin/env bash
# Run every check: the second command for a new user, and what CI runs (.ci/run).
#
#   bash scripts/test.sh [PYTEST ARGS...]      e.g.  bash scripts/test.sh -x -k search
#
# 1. scripts/setup.sh (Debian packages, node_modules, .venv)
# 2. ruff check
# 3. pytest against SQLite (OPPORTUNITY_BANK_TEST_DATABASE_URL unset)
# 4. pytest against PostgreSQL from scripts/postgres.sh (a fresh database;
#    OPPORTUNITY_BANK_TEST_DATABASE_URL set), without the browser tests: pages do not
#    depend on the database engine.
# Extra arguments go to both pytest runs (a later -m overrides the PostgreSQL pass's).
# Exits non-zero if any step fails; "no tests collected" (pytest exit 5) is a failure.
# A PostgreSQL cluster this script started is stopped at the end; one that was already
# running is left alone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Browser tests drive Debian's chromium, never a browser downloaded by playwright.
if [[ -z "${OPPORTUNITY_BANK_CHROMIUM:-}" ]] && command -v chromium >/dev/null 2>&1; then
    OPPORTUNITY_BANK_CHROMIUM="$(command -v chromium)"
    export OPPORTUNITY_BANK_CHROMIUM
fi

bash scripts/setup.sh

summary=()
failures=0

# record NAME EXIT_CODE SECONDS
record() {
    local name="$1" code="$2" seconds="$3" line
    if [[ "$code" == 0 ]]; then
        line="PASS  $name (${seconds} s)"
    else
        failures=$((failures + 1))
        case "$code" in
            5) line="FAIL  $name: no tests collected (pytest exit 5) (${seconds} s)" ;;
            skip) line="FAIL  $name: not run (${seconds} s)" ;;
            *) line="FAIL  $name: exit code $code (${seconds} s)" ;;
        esac
    fi
    summary+=("$line")
    printf '==> %s\n' "$line"
}

# run NAME COMMAND...: run a step, record its result, carry on
run() {
    local name="$1" start=$SECONDS code=0
    shift
    printf '\n==> %s\n' "$name"
    "$@" || code=$?
    record "$name" "$code" $((SECONDS - start))
}

run "ruff check" .venv/bin/ruff check .

run "pytest (SQLite)" \
    env -u OPPORTUNITY_BANK_TEST_DATABASE_URL .venv/bin/python -m pytest "$@"

printf '\n==> PostgreSQL for the next pass\n'
pg_was_running=0
if bash scripts/postgres.sh status 2>/dev/null; then
    pg_was_running=1
fi
stop_postgres() {
    if ((pg_was_running == 0)); then
        bash scripts/postgres.sh stop || true
    fi
}
trap stop_postgres EXIT
pg_start=$SECONDS
if pg_url="$(bash scripts/postgres.sh fresh)"; then
    run "pytest (PostgreSQL, not browser)" \
        env OPPORTUNITY_BANK_TEST_DATABASE_URL="$pg_url" \
        .venv/bin/python -m pytest -m "not browser" "$@"
else
    record "pytest (PostgreSQL, not browser): could not start PostgreSQL" skip \
        $((SECONDS - pg_start))
fi

printf '\n==> Summary\n'
printf '    %s\n' "${summary[@]}"
if ((failures > 0)); then
    printf '==> %d step(s) failed\n' "$failures"
    exit 1
fi
printf '==> all passed\n'
