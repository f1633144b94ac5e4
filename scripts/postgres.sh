#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for the tests: 127.0.0.1 only, UTF-8, TLS on with a
# self-signed certificate for 127.0.0.1 (its CA is $TODO_PG_ROOT/ca.crt; untrusted-ca.crt beside it
# is a CA the server does not use, for the refusal tests), password auth for the user `todo`.
# Usage: scripts/postgres.sh start [PORT]   prints the DATABASE_URL to use (sslmode=require)
#        scripts/postgres.sh stop
# TODO_PG_ROOT (default /tmp/todo-chatbot-postgres) holds the cluster; one cluster per root.
set -euo pipefail

root=${TODO_PG_ROOT:-/tmp/todo-chatbot-postgres}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
run_as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    port=${2:-55432}
    if [[ -z "$bin" ]]; then
        echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
        exit 1
    fi
    if [[ -f "$root/data/postmaster.pid" ]] && run_as_postgres "$bin/pg_ctl" -D "$root/data" status >/dev/null; then
        echo "postgres://todo:todo-test-password@127.0.0.1:$(cat "$root/port")/todo?sslmode=require"
        exit 0
    fi
    rm -rf "$root"
    mkdir -p "$root"
    [[ $(id -u) -eq 0 ]] && chown postgres "$root"
    echo postgres-test-password >"$root/pwfile"
    [[ $(id -u) -eq 0 ]] && chown postgres "$root/pwfile"
    run_as_postgres "$bin/initdb" -D "$root/data" -U postgres --auth=scram-sha-256 --pwfile="$root/pwfile" \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$root/pwfile"
    openssl req -new -x509 -days 30 -nodes -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
        -keyout "$root/data/server.key" -out "$root/data/server.crt" 2>/dev/null
    cp "$root/data/server.crt" "$root/ca.crt"
    openssl req -new -x509 -days 30 -nodes -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
        -keyout "$root/untrusted-ca.key" -out "$root/untrusted-ca.crt" 2>/dev/null
    rm -f "$root/untrusted-ca.key"
    [[ $(id -u) -eq 0 ]] && chown postgres "$root/data/server.key" "$root/data/server.crt"
    chmod 600 "$root/data/server.key"
    cat >>"$root/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
ssl = on
unix_socket_directories = '$root'
fsync = off
max_connections = 200
CONF
    echo "$port" >"$root/port"
    run_as_postgres "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w start >/dev/null
    PGPASSWORD=postgres-test-password "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -c "CREATE ROLE todo LOGIN PASSWORD 'todo-test-password' CREATEDB" -c "CREATE DATABASE todo OWNER todo"
    echo "postgres://todo:todo-test-password@127.0.0.1:$port/todo?sslmode=require"
    ;;
stop)
    if [[ -f "$root/data/postmaster.pid" ]]; then
        run_as_postgres "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null
    fi
    ;;
*)
    echo "usage: scripts/postgres.sh start [PORT] | stop" >&2
    exit 2
    ;;
esac
