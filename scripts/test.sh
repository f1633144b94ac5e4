#!/usr/bin/env bash
# Sets up what is missing and runs every check: the swift-format lint, the Swift test suites
# (unit and integration, on real SQLite files, a real PostgreSQL server and real sockets), and the
# end-to-end suite that drives the built binary with Python clients, and the web UI in a headless
# Chromium.
#
# PostgreSQL: unless TODO_TEST_POSTGRES_URL already names a server, a throwaway cluster with TLS is
# started for the run (scripts/postgres.sh, in a directory of this checkout's own under /tmp, on a
# free port) and stopped at the end, whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --with-test-tools

echo "== lint" >&2
swift format lint --strict --recursive --parallel Package.swift Sources Tests
scripts/line-length.py Package.swift Sources Tests

echo "== build" >&2
swift build --build-tests

if [[ -z "${TODO_TEST_POSTGRES_URL:-}" ]]; then
    echo "== postgres (throwaway cluster)" >&2
    # Short and per checkout: the server's Unix socket lives there too (paths of at most 107 bytes).
    TODO_PG_ROOT="${TMPDIR:-/tmp}/todo-chatbot-pg-$(printf '%s' "$PWD" | md5sum | cut -c1-8)"
    export TODO_PG_ROOT
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    trap 'scripts/postgres.sh stop' EXIT
    TODO_TEST_POSTGRES_URL=$(scripts/postgres.sh start "$port")
    export TODO_TEST_POSTGRES_URL
    export TODO_TEST_POSTGRES_CA="$TODO_PG_ROOT/ca.crt"
fi

echo "== swift tests" >&2
swift test --skip-build

echo "== end-to-end tests" >&2
TODO_BIN="$(swift build --show-bin-path)/todo-chatbot" .build/venv/bin/python -m pytest Tests/e2e -q

echo "== browser tests (the web UI in headless Chromium)" >&2
TODO_BIN="$(swift build --show-bin-path)/todo-chatbot" .build/venv/bin/python -m pytest Tests/browser -q -rs

echo "== deployment checks (Containerfile, Helm chart, compose)" >&2
.build/venv/bin/python -m pytest Tests/deploy -q
