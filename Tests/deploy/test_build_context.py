""".containerignore (and .dockerignore, the same file) against the Containerfile: every file its
build stage COPYs from the context is sent, and build output, Git data and test caches are not.
The patterns are read as podman, buildah and docker read them: Go's filepath.Match per path
segment, `**` for any number of directories, a pattern that matches a directory excluding what
is inside it, the last matching pattern deciding, `!` taking a path back in."""

import re
import subprocess

import pytest

from conftest import ROOT

IGNORE = ROOT / ".containerignore"


def patterns():
    lines = [line.strip() for line in IGNORE.read_text().splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def pattern_regex(pattern):
    """A Go filepath.Match pattern, with `**` spanning directories, as a regular expression."""
    out, index = "", 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            index += 2
            if pattern.startswith("/", index):
                out, index = out + "(?:.*/)?", index + 1
            else:
                out += ".*"
            continue
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[":
            end = pattern.index("]", index)
            body = pattern[index + 1:end]
            out += "[" + ("^" + body[1:] if body.startswith("^") else body) + "]"
            index = end
        elif char == "\\":
            index += 1
            out += re.escape(pattern[index])
        else:
            out += re.escape(char)
        index += 1
    return re.compile(out + "$")


def excluded(path, rules):
    """Whether the context leaves `path` (relative, with /) out."""
    parts = path.split("/")
    candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    result = False
    for negated, regex in rules:
        if any(regex.match(candidate) for candidate in candidates):
            result = not negated
    return result


@pytest.fixture(scope="module")
def rules():
    compiled = []
    for pattern in patterns():
        negated = pattern.startswith("!")
        compiled.append((negated, pattern_regex(pattern.lstrip("!").strip("/"))))
    return compiled


def copied_sources():
    """The context paths the build stage COPYs (not the COPY --from lines of later stages)."""
    build = re.split(r"^FROM ", (ROOT / "Containerfile").read_text(), flags=re.M)[1]
    sources = []
    for line in build.splitlines():
        words = line.split()
        if words[:1] == ["COPY"] and not any(word.startswith("--from") for word in words):
            sources.extend(word for word in words[1:-1] if not word.startswith("--"))
    return sources


def tracked_files():
    result = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True)
    return result.stdout.splitlines()


def test_dockerignore_is_the_same_file():
    docker = ROOT / ".dockerignore"
    assert docker.exists() and docker.read_text() == IGNORE.read_text()


def test_everything_the_build_copies_is_in_the_context(rules):
    sources = copied_sources()
    assert {"Package.swift", "Sources", "Tests", "Fixtures"} <= set(sources), sources
    files = tracked_files()
    for source in sources:
        under = [f for f in files if f == source or f.startswith(source.rstrip("/") + "/")]
        assert under, f"COPY {source}: nothing tracked there"
        left_out = [f for f in under if excluded(f, rules)]
        assert not left_out, f"COPY {source} would miss {left_out[:5]}"


@pytest.mark.parametrize("path", [
    ".build/debug/todo-chatbot", ".build/deploy-release/release/todo-chatbot", ".git", ".git/HEAD",
    ".swiftpm/configuration/registries.json", ".venv/bin/python", ".pytest_cache/v/cache/lastfailed",
    "Tests/e2e/__pycache__/conftest.cpython-311.pyc", "Tests/e2e/.pytest_cache/v/cache/nodeids",
    "Tests/deploy/__pycache__/conftest.cpython-311.pyc", "Sources/TodoApp/.build/x",
    "helm/todo-chatbot/values.yaml", "docs/deployment.md", "compose/.env"])
def test_build_output_git_and_caches_stay_out(path, rules):
    assert excluded(path, rules), f"{path} would be sent to the build"


def test_the_matcher_reads_patterns_as_the_engines_do():
    # Anchors for the reading above: `*` stops at a slash, `**` does not, a directory's pattern
    # covers what is inside it, and the last match decides.
    rules = [(False, pattern_regex("*")), (True, pattern_regex("Sources")), (False, pattern_regex("**/*.pyc"))]
    assert excluded("README.md", rules) and excluded("docs/x.md", rules)
    assert not excluded("Sources/A/b.swift", rules)
    assert excluded("Sources/A/b.pyc", rules)
