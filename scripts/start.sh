#!/usr/bin/env bash
# Sets up what is missing, builds todo-chatbot in release mode, and starts the whole local stack on
# SQLite in the user's data directory, with the demo account. Extra arguments go to `serve`.
# Usage: scripts/start.sh [serve options, e.g. --port 8080 backend]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product todo-chatbot
exec .build/release/todo-chatbot serve --demo "$@"
