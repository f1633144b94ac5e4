"""Browser fixtures: the whole local stack from the real binary, and a headless Chromium.

The stack is `todo-chatbot serve frontend backend recurring notification` (plus `websocket` when
the binary has that service), each on a free port, started with the end-to-end suite's helpers
(Tests/e2e/conftest.py). The browser is Debian's chromium driven through chromium-driver by
selenium. Screenshots go to .build/artifacts/browser.
"""

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service as DriverService

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / ".build" / "artifacts" / "browser"
BROWSER_ZONE = "America/New_York"

_spec = importlib.util.spec_from_file_location("e2e_support", REPO_ROOT / "Tests" / "e2e" / "conftest.py")
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)


def known_services():
    """The services `serve` accepts, read from its answer to an unknown one."""
    result = subprocess.run(
        [str(e2e.binary_path()), "serve", "no-such-service"], capture_output=True, text=True, timeout=30)
    text = result.stdout + result.stderr
    _, _, known = text.partition("known:")
    return {word.strip(" .,'\n") for word in known.replace(",", " ").split()}


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    """The running stack; `stack.frontend`, `stack.api` are base URLs, `stack.has_websocket` says
    whether live sync is there."""
    root = tmp_path_factory.mktemp("todo-browser")
    for stale in ARTIFACTS.glob("failed-*"):
        stale.unlink()
    services = ["frontend", "backend", "recurring", "notification"]
    has_websocket = "websocket" in known_services()
    if has_websocket:
        services.append("websocket")
    frontend_port = e2e.free_port()
    environment = {"TODO_CORS_ORIGINS": f"http://127.0.0.1:{frontend_port}"}
    if not has_websocket:
        # Nothing listens there: the page must show live sync as offline, not reach another stack.
        environment["TODO_FRONTEND_WEBSOCKET_URL"] = f"ws://127.0.0.1:{e2e.free_port()}/ws"
    running = e2e.start_server(root, services=tuple(services), extra_environment=environment,
                               ports={"frontend": frontend_port})
    running.frontend = running.base_url
    running.api = f"http://127.0.0.1:{running.ports['backend']}"
    running.has_websocket = has_websocket
    # The first service answered /health/ready; the others must too before a test drives them.
    for service in services[1:]:
        port = running.ports[service]
        e2e.wait_until_ready(e2e.Server(running.process, f"http://127.0.0.1:{port}", running.log_path))
    try:
        yield running
    finally:
        e2e.stop_server(running)


def chromium_paths():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not browser or not Path(driver).exists():
        pytest.fail("chromium and chromium-driver are needed: scripts/setup.sh --with-test-tools installs them")
    return browser, driver


@pytest.fixture
def browser(request):
    """A fresh headless Chromium (its own profile, so sessionStorage starts empty)."""
    binary, driver = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=en-US"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The browser's zone differs from the accounts' (Europe/Berlin) that tests make through the
    # API, so times shown in the account's zone are told apart from the browser's own.
    environment = {**os.environ, "TZ": BROWSER_ZONE}
    service = DriverService(executable_path=driver, env=environment)
    session = webdriver.Chrome(service=service, options=options)
    session.set_page_load_timeout(30)
    try:
        yield session
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            screenshot(session, "failed-" + request.node.name)
            (ARTIFACTS / f"failed-{request.node.name}.log").write_text(
                "\n".join(entry["message"] for entry in session.get_log("browser")))
    finally:
        session.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keeps each test's call report on it, so the browser fixture can save what a failure showed."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.report_call = report


def screenshot(browser, name):
    """Saves a PNG of the page under .build/artifacts/browser."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    browser.save_screenshot(str(path))
    return path


def sign_up_api(stack, prefix="web", timezone="Europe/Berlin"):
    """An account made through the API (for tests about something other than signing up)."""
    return e2e.sign_up(e2e.Server(None, stack.api, stack.log_path), prefix=prefix, timezone=timezone)


def api_available(stack, account, path, method="POST", body=None):
    """The response of one call, to decide whether a route exists yet."""
    return requests.request(method, stack.api + path, json=body, headers=account.headers(), timeout=10)
