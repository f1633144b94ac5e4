"""The embedded copy of web/ is current, and the served files carry their headers."""

import subprocess
import sys

import requests

from conftest import REPO_ROOT


def test_the_embedded_web_files_match_web():
    result = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "embed-web.py"), "--check"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_the_page_and_its_assets_over_the_wire(stack):
    page = requests.get(stack.frontend + "/", timeout=10)
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert page.headers["Cache-Control"] == "no-cache"
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and stack.api in policy

    config = requests.get(stack.frontend + "/config.json", timeout=10).json()
    assert config["api_base_url"] == stack.api
    script = requests.get(f"{stack.frontend}/assets/{config['asset_version']}/main.js", timeout=10)
    assert script.headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert "immutable" in script.headers["Cache-Control"]

    preflight = requests.options(stack.api + "/api/tasks", timeout=10, headers={
        "Origin": stack.frontend, "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "authorization, content-type, if-match"})
    assert preflight.headers.get("Access-Control-Allow-Origin") == stack.frontend
