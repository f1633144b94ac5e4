#!/usr/bin/env python3
"""Fails when a Swift file has a line over 120 columns, string literals included: swift-format
measures code but leaves the inside of a literal alone."""
import pathlib
import sys

LIMIT = 120
roots = [pathlib.Path(arg) for arg in sys.argv[1:]]
files = [path for root in roots for path in ([root] if root.is_file() else sorted(root.rglob("*.swift")))]
long_lines = [
    f"{path}:{number}: {len(line)} columns"
    for path in files
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
    if len(line) > LIMIT
]
for entry in long_lines:
    print(entry, file=sys.stderr)
sys.exit(1 if long_lines else 0)
