#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and development. Not for production: fsync is off
# and every local connection is trusted.
#
#   bash scripts/postgres.sh [start]   start it (or reuse the running one), create the
#                                      database, print its SQLAlchemy URL on stdout
#   bash scripts/postgres.sh fresh     the same, but drop and recreate the database first
#   bash scripts/postgres.sh url       print the SQLAlchemy URL
#   bash scripts/postgres.sh status    exit 0 if it is running
#   bash scripts/postgres.sh stop      stop it (the data stay for the next start)
#   bash scripts/postgres.sh destroy   stop it and delete its data directory
#
# Environment:
#   PGPORT                    port on 127.0.0.1 (default 54329)
#   OPPORTUNITY_BANK_PG_DIR   where the cluster lives (default /tmp/opportunity-bank-pg)
#   OPPORTUNITY_BANK_PG_DB    database name (default opportunity_bank_test)
#   PG_BINDIR                 PostgreSQL binaries (default: newest /usr/lib/postgresql/*/bin)
#
# PostgreSQL refuses to run as root, so when invoked as root the server runs as the
# `postgres` system user, which then owns the cluster directory.
set -euo pipefail

SCRIPT="$(realpath "${BASH_SOURCE[0]}")"
PORT="${PGPORT:-54329}"
PG_DIR="$(realpath -m "${OPPORTUNITY_BANK_PG_DIR:-/tmp/opportunity-bank-pg}")"
DATA="$PG_DIR/data"
LOG="$PG_DIR/postgres.log"
DB="${OPPORTUNITY_BANK_PG_DB:-opportunity_bank_test}"
URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"

say() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

[[ "$PORT" =~ ^[0-9]+$ ]] || die "PGPORT must be a port number, not '$PORT'"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "OPPORTUNITY_BANK_PG_DB must be a plain identifier"

find_bindir() {
    if [[ -n "${PG_BINDIR:-}" ]]; then
        [[ -x "$PG_BINDIR/postgres" ]] || die "PG_BINDIR=$PG_BINDIR has no postgres binary"
        printf '%s\n' "$PG_BINDIR"
        return
    fi
    local dir
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null \
        | sort -V | tail -n 1)"
    [[ -n "$dir" && -x "$dir/postgres" ]] \
        || die "no PostgreSQL server in /usr/lib/postgresql/*/bin; run: bash scripts/setup.sh (or apt-get install postgresql)"
    printf '%s\n' "$dir"
}

# Run a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# The server's working directories may not be readable by the postgres user (e.g. /root).
cd /

psql_admin() {
    as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres \
        -d postgres "$@"
}

is_running() {
    [[ -f "$DATA/postmaster.pid" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

running_port() {
    # Line 4 of postmaster.pid is the port.
    sed -n 4p "$DATA/postmaster.pid" 2>/dev/null
}

init_cluster() {
    if ((EUID == 0)); then
        id postgres >/dev/null 2>&1 \
            || die "running as root needs the 'postgres' system user (apt-get install postgresql)"
        mkdir -p "$PG_DIR"
        chown postgres: "$PG_DIR"
        chmod 700 "$PG_DIR"
        as_owner test -w "$PG_DIR" \
            || die "the postgres user cannot write $PG_DIR (a parent directory is closed to it); set OPPORTUNITY_BANK_PG_DIR elsewhere, e.g. under /tmp"
    else
        mkdir -p "$PG_DIR"
        chmod 700 "$PG_DIR"
    fi
    if [[ -f "$DATA/PG_VERSION" ]]; then
        local have want
        have="$(cat "$DATA/PG_VERSION")"
        want="$("$BIN/postgres" --version | awk '{print $3}' | cut -d. -f1)"
        [[ "$have" == "$want" ]] \
            || die "$DATA was made by PostgreSQL $have but $BIN is $want; run: bash scripts/postgres.sh destroy"
        return
    fi
    say "initdb $DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C \
        >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    # Loopback only, no passwords: a test cluster.
    as_owner tee "$DATA/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
host    all       all   ::1/128       trust
EOF
    as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<EOF

# --- scripts/postgres.sh: a throwaway cluster for tests, speed over durability ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
log_min_messages = warning
EOF
}

start() {
    init_cluster
    if is_running; then
        local port
        port="$(running_port)"
        [[ "$port" == "$PORT" ]] \
            || die "the cluster in $PG_DIR is already running on port $port, not $PORT; stop it first (PGPORT=$port bash scripts/postgres.sh stop)"
        say "reusing the cluster on 127.0.0.1:$PORT ($PG_DIR)"
    else
        say "starting PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($PG_DIR)"
        as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 -o "-p $PORT" start >/dev/null \
            || { tail -n 30 "$LOG" >&2 || true; die "PostgreSQL did not start; log: $LOG"; }
    fi
    if [[ "$(psql_admin -tAc "select 1 from pg_database where datname = '$DB'")" != 1 ]]; then
        say "creating database $DB"
        psql_admin -c "create database $DB"
    fi
}

fresh() {
    start
    say "recreating database $DB"
    psql_admin -c "drop database if exists $DB with (force)"
    psql_admin -c "create database $DB"
}

stop() {
    if is_running; then
        say "stopping PostgreSQL ($PG_DIR)"
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    else
        say "not running ($PG_DIR)"
    fi
}

command="${1:-start}"
case "$command" in
    url)
        printf '%s\n' "$URL"
        exit 0
        ;;
    -h | --help | help)
        sed -n '2,/^set -euo/p' "$SCRIPT" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
esac

BIN="$(find_bindir)"
case "$command" in
    start) start; printf '%s\n' "$URL" ;;
    fresh) fresh; printf '%s\n' "$URL" ;;
    status)
        if is_running; then
            say "running on 127.0.0.1:$(running_port) ($PG_DIR)"
        else
            say "not running ($PG_DIR)"
            exit 3
        fi
        ;;
    stop) stop ;;
    destroy)
        stop
        say "deleting $PG_DIR"
        rm -rf "$PG_DIR"
        ;;
    *) die "unknown command '$command' (start, fresh, url, status, stop, destroy)" ;;
esac
