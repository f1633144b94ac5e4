#!/usr/bin/env python3
"""Fails when a Swift file has a line over 120 columns, string literals included: swift-format
measures code but leaves the inside of a literal alone. A line is measured in UTF-8 bytes, which
is never less than its width in a terminal for the scripts this project's tests use (a CJK
character is 3 bytes and 2 columns)."""
import pathlib
import sys

LIMIT = 120
roots = [pathlib.Path(arg) for arg in sys.argv[1:]]
files = [path for root in roots for path in ([root] if root.is_file() else sorted(root.rglob("*.swift")))]
long_lines = [
    f"{path}:{number}: {len(line.encode())} bytes"
    for path in files
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
    if len(line.encode()) > LIMIT
]
for entry in long_lines:
    print(entry, file=sys.stderr)
sys.exit(1 if long_lines else 0)
