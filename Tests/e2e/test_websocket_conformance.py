"""RFC 6455 conformance of the WebSocket layer: the Autobahn test cases (framing, pings, reserved
bits and opcodes, fragmentation, UTF-8, close handling, limits and performance, auto-fragmentation:
groups 1–7, 9 and 10; the slow compression groups 12 and 13 are left out, as the layer offers no
compression) run by `kosoku` against a server that echoes through the same reactor and wslay
code as the sync service (Tests/WebSocketEchoServer)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import binary_path, free_port

CASE_GROUPS = ["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "9.*", "10.*"]


@pytest.fixture
def echo_server():
    binary = binary_path().parent / "WebSocketEchoServer"
    if not binary.is_file():
        pytest.fail(f"WebSocketEchoServer not found at {binary}; run `swift build`")
    port = free_port()
    process = subprocess.Popen([str(binary), str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        line = process.stdout.readline().decode()
        assert line.startswith("listening"), line
        yield port
    finally:
        process.terminate()
        assert process.wait(timeout=20) == 0


def test_autobahn_cases_pass(echo_server, tmp_path):
    kosoku = Path(sys.executable).parent / "kosoku"
    arguments = [str(kosoku), "-m", "fuzzingclient", "-o", str(tmp_path)]
    for group in CASE_GROUPS:
        arguments += ["-i", group]
    result = subprocess.run(
        [*arguments, f"127.0.0.1:{echo_server}"], capture_output=True, text=True, timeout=600)

    report = json.loads((tmp_path / "index.json").read_text())
    cases = {case: outcome for agent in report.values() for case, outcome in agent.items()}
    failed = {case: outcome for case, outcome in cases.items()
              if outcome["behavior"] == "FAILED" or outcome["behaviorClose"] == "FAILED"}
    assert not failed, failed
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert len(cases) == 301
