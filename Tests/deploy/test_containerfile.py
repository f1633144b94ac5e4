"""The Containerfile's runtime stage installs every shared library the release binary needs.

The binary is built as the Containerfile builds it (release, Swift runtime linked statically), its
libraries resolved with ldd, and each library's Debian package found with dpkg -S. Every package
must be one the runtime stage installs, or a dependency apt pulls in with them.
"""

import functools
import re
import subprocess

import pytest

from conftest import ROOT

CONTAINERFILE = ROOT / "Containerfile"
# In every Debian image, debian:12-slim included (Essential or needed by libc6 itself).
BASE_IMAGE_PACKAGES = {"libc6", "libgcc-s1"}


def stages():
    """The Containerfile's stages: name → text from its FROM line to the next."""
    parts = re.split(r"^FROM ", CONTAINERFILE.read_text(), flags=re.M)[1:]
    return {re.search(r"\bAS (\S+)", part).group(1): part for part in parts}


def runtime_packages():
    """The packages of the runtime stage's `apt-get install` (continued lines, flags skipped)."""
    text = stages()["runtime"]
    command = re.search(r"apt-get install(.*?)(?:&&|$)", text.replace("\\\n", " "), flags=re.S).group(1)
    return {word for word in command.split() if not word.startswith("-")}


@functools.cache
def dependency_closure(packages):
    """Every package apt installs for `packages`: themselves and their Depends/PreDepends, recursively."""
    result = subprocess.run(
        ["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
         "--no-breaks", "--no-replaces", "--no-enhances", *sorted(packages)],
        check=True, capture_output=True, text=True)
    names = set()
    for line in result.stdout.splitlines():
        line = line.strip()
        if line.startswith(("Depends:", "PreDepends:", "|Depends:", "|PreDepends:")):
            line = line.split(":", 1)[1].strip()
        if line and not line.startswith("<") and " " not in line:
            names.add(line.split(":")[0])
    return names


def owning_package(path):
    """The Debian package that ships `path` (merged /usr: try the /usr spelling too)."""
    candidates = [path, "/usr" + path if path.startswith("/lib") else path]
    candidates.append(subprocess.run(["realpath", path], capture_output=True, text=True).stdout.strip())
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0].strip()
    return None


def resolved_libraries(binary):
    """soname → resolved path from ldd; a library ldd cannot find fails the test."""
    output = subprocess.run(["ldd", str(binary)], check=True, capture_output=True, text=True).stdout
    libraries = {}
    for line in output.splitlines():
        if "=>" in line:
            soname, target = (part.strip() for part in line.split("=>", 1))
            assert "not found" not in target, f"ldd: {soname} not found"
            libraries[soname] = target.split(" (")[0]
        elif line.strip().startswith("/"):
            path = line.strip().split(" (")[0]
            libraries[path.rsplit("/", 1)[-1]] = path
    return libraries


def test_stages_build_with_swift_6_3_and_run_on_slim_debian_12_as_non_root():
    build, runtime = stages()["build"], stages()["runtime"]
    assert re.match(r"\S*swift:6\.3[-.\w]*-bookworm\b", build)
    assert "--static-swift-stdlib" in build and "-c release" in build
    assert re.match(r"\S*debian:12-slim\b", runtime)
    assert re.search(r"^USER 10001", runtime, flags=re.M)
    # Checks whichever service the command started: the image does not know which.
    assert re.search(r'^HEALTHCHECK .*"todo-chatbot", "health", "--running"', runtime.replace("\\\n", " "),
                     flags=re.M)
    assert "TODO_SERVICE" not in runtime
    assert re.search(r"^COPY --from=build \S+ /usr/local/bin/todo-chatbot$", runtime, flags=re.M)
    # No toolchain or headers in the runtime image.
    assert not any(p.endswith("-dev") for p in runtime_packages())


def test_runtime_packages_exist_in_debian_12():
    for package in runtime_packages():
        result = subprocess.run(["apt-cache", "show", package], capture_output=True, text=True)
        assert result.returncode == 0 and result.stdout, f"apt does not know {package}"


def test_runtime_stage_provides_every_shared_library(release_binary):
    packages = runtime_packages()
    closure = dependency_closure(frozenset(packages)) | BASE_IMAGE_PACKAGES
    libraries = resolved_libraries(release_binary)
    assert "libpq.so.5" in libraries and "librdkafka.so.1" in libraries, libraries

    # The Swift runtime is linked in; nothing may come from the toolchain.
    toolchain = {name: path for name, path in libraries.items() if "swift" in name or "/swift" in path}
    assert not toolchain, f"Swift runtime libraries are loaded dynamically: {toolchain}"

    direct = set(subprocess.run(["objdump", "-p", str(release_binary)], check=True, capture_output=True,
                                text=True).stdout.split())
    missing = {}
    for soname, path in sorted(libraries.items()):
        if soname.startswith("linux-vdso"):
            continue
        package = owning_package(path)
        assert package, f"no Debian package ships {path}"
        # Libraries the binary links directly must come from a listed package (or the base image).
        expected = packages | BASE_IMAGE_PACKAGES if soname in direct else closure
        if package not in expected:
            missing[soname] = package
    assert not missing, f"add these packages to the runtime stage: {missing}"


@pytest.mark.parametrize("package", ["libsqlite3-0", "libpq5", "librdkafka1", "libssl3", "libmicrohttpd12",
                                     "libwslay1", "libyaml-0-2", "libical3"])
def test_runtime_lists_the_c_libraries_of_the_package(package):
    assert package in runtime_packages()
