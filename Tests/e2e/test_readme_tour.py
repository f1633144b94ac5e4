"""The README's curl tour, run as written against the real server.

The shell block that follows the `<!-- tour` marker in README.md is extracted and run with bash,
with API pointing at the test server, so the README cannot drift from what the product does.
"""

import os
import re
import subprocess

import requests

from conftest import REPO_ROOT


def tour_script():
    readme = (REPO_ROOT / "README.md").read_text()
    match = re.search(r"<!-- tour[^>]*-->\s*```bash\n(.*?)```", readme, re.S)
    assert match, "README.md has no ```bash block after a '<!-- tour' marker"
    return match.group(1)


def test_the_readme_tour_works_as_written(server):
    script = tour_script()
    environment = dict(os.environ, API=server.base_url)
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], env=environment, capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, f"tour failed:\n{result.stdout}\n{result.stderr}"
    output = result.stdout
    assert '"title":"Buy oat milk"' in output
    assert '"completed":true' in output
    assert '"code":"version_mismatch"' in output, "the README promises a 412 on the stale If-Match"
    assert '"name":"errands"' in output

    login = requests.post(
        server.url("/api/auth/login"), json={"email": "you@example.com", "password": "a long passphrase"}, timeout=10)
    assert login.status_code == 200
    token = login.json()["access_token"]
    tasks = requests.get(
        server.url("/api/tasks?sort=due"), headers={"Authorization": f"Bearer {token}"}, timeout=10).json()["tasks"]
    assert [task["title"] for task in tasks] == ["Water the plants", "Buy oat milk", "Call the bank"]
    assert tasks[0]["completed"] is True, "the chat's \"mark it done\" completes the task it added"
    assert tasks[1]["due_date"] == "2030-01-15"
    assert tasks[2]["completed"] is True
    assert tasks[2]["due_at"] == "2030-01-16T08:30:00Z"
    assert tasks[2]["due_at_local"] == "2030-01-16T09:30:00+01:00"
