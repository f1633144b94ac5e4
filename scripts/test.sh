#!/usr/bin/env bash
# Sets up what is missing and runs every check: the swift-format lint, the Swift test suites
# (unit and integration, on real SQLite files and real sockets), and the end-to-end suite that
# drives the built binary with Python clients, and the web UI in a headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --with-test-tools

echo "== lint" >&2
swift format lint --strict --recursive --parallel Package.swift Sources Tests

echo "== build" >&2
swift build --build-tests

echo "== swift tests" >&2
swift test --skip-build

echo "== end-to-end tests" >&2
TODO_BIN="$(swift build --show-bin-path)/todo-chatbot" .build/venv/bin/python -m pytest Tests/e2e -q

echo "== browser tests (the web UI in headless Chromium)" >&2
TODO_BIN="$(swift build --show-bin-path)/todo-chatbot" .build/venv/bin/python -m pytest Tests/browser -q -rs

echo "== deployment checks (Containerfile, Helm chart, compose)" >&2
.build/venv/bin/python -m pytest Tests/deploy -q
