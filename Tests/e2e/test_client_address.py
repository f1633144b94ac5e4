"""Behind a reverse proxy: with `http.trusted_proxies` the limits counted per client address (sign-ups,
failed log-ins) and the access log see each user's address from X-Forwarded-For, not the proxy's;
without it, the header is ignored."""

import json
import uuid

import requests

from conftest import PASSWORD, assert_error, start_server, stop_server


def sign_up(running, forwarded_for):
    body = {"email": f"user-{uuid.uuid4().hex[:12]}@example.com", "password": PASSWORD}
    return requests.post(
        running.url("/api/auth/signup"), json=body, headers={"X-Forwarded-For": forwarded_for}, timeout=10)


def access_log_addresses(running):
    addresses = []
    for line in running.log_path.read_text().splitlines():
        if line.startswith("{") and '"request handled"' in line:
            record = json.loads(line)
            if record.get("http.path") == "/api/auth/signup":
                addresses.append(record.get("client.address"))
    return addresses


def test_sign_ups_are_counted_per_forwarded_client(tmp_path):
    running = start_server(tmp_path, extra_environment={
        "TODO_TRUSTED_PROXIES": "127.0.0.1", "TODO_SIGNUP_MAX_PER_ADDRESS": "2"})
    try:
        # A client may write anything on the left; the proxy's own entry on the right is what counts.
        assert sign_up(running, "203.0.113.7").status_code == 201
        assert sign_up(running, "1.1.1.1, 203.0.113.7").status_code == 201
        refused = sign_up(running, "203.0.113.7")
        error = assert_error(refused, 429, "too_many_signups")
        assert int(refused.headers["Retry-After"]) == error["details"]["retry_after"] > 3000

        assert sign_up(running, "198.51.100.2").status_code == 201
    finally:
        stop_server(running)
    assert access_log_addresses(running) == ["203.0.113.7", "203.0.113.7", "203.0.113.7", "198.51.100.2"]


def test_without_trusted_proxies_the_header_changes_nothing(tmp_path):
    running = start_server(tmp_path, extra_environment={"TODO_SIGNUP_MAX_PER_ADDRESS": "1"})
    try:
        assert sign_up(running, "203.0.113.7").status_code == 201
        assert_error(sign_up(running, "198.51.100.2"), 429, "too_many_signups")
    finally:
        stop_server(running)
    assert access_log_addresses(running) == ["127.0.0.1", "127.0.0.1"]



def test_behind_a_load_balancer_that_appends_its_own_address_the_client_is_the_one_before(tmp_path):
    running = start_server(tmp_path, extra_environment={
        "TODO_TRUSTED_PROXIES": "127.0.0.1", "TODO_TRUSTED_PROXY_HOPS": "1", "TODO_SIGNUP_MAX_PER_ADDRESS": "1"})
    try:
        # As Google's load balancer writes it: the client's address, then its forwarding rule's.
        assert sign_up(running, "203.0.113.7, 34.117.1.1").status_code == 201
        assert sign_up(running, "198.51.100.2, 34.117.1.1").status_code == 201
        assert_error(sign_up(running, "203.0.113.7, 34.117.1.1"), 429, "too_many_signups")
    finally:
        stop_server(running)
    assert access_log_addresses(running) == ["203.0.113.7", "198.51.100.2", "203.0.113.7"]
