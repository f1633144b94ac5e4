#!/usr/bin/env bash
# Installs what building, running and testing todo-chatbot needs and is missing: the C libraries
# from Debian (apt) and the Python test clients (in a virtualenv under .build/venv).
# Usage: scripts/setup.sh [--with-test-tools]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libsqlite3-dev libpq-dev librdkafka-dev libssl-dev libmicrohttpd-dev libwslay-dev
    libyaml-dev libical-dev curl)
if [[ "${1:-}" == "--with-test-tools" ]]; then
    packages+=(python3 python3-venv wrk kcat)
    # The Postgres suites run against a throwaway cluster (scripts/postgres.sh) with TLS.
    packages+=(postgresql openssl)
    # Tests/deploy: a release build with the Swift runtime linked in statically (as the
    # Containerfile builds it) needs libcurl's static-link files for FoundationNetworking.
    packages+=(libcurl4-openssl-dev binutils)
    # Tests/browser: the web UI is driven in a real headless Chromium through its WebDriver.
    packages+=(chromium chromium-driver)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
    echo "setup: the Swift 6 toolchain is not on the PATH; install it from https://www.swift.org/install/linux/" >&2
    exit 1
fi

if [[ "${1:-}" == "--with-test-tools" ]]; then
    if [[ ! -x .build/venv/bin/python ]]; then
        mkdir -p .build
        python3 -m venv .build/venv
    fi
    .build/venv/bin/python -m pip install -q --disable-pip-version-check -r Tests/e2e/requirements.txt
    .build/venv/bin/python -m pip install -q --disable-pip-version-check -r Tests/deploy/requirements.txt
    .build/venv/bin/python -m pip install -q --disable-pip-version-check -r Tests/browser/requirements.txt
fi
