"""`GET /metrics` on every service of the real binary, read with the Prometheus client library's
own parser (`prometheus_client.parser`): the exposition parses; HTTP requests are counted by route
template and status, exactly; a path no route matches is `unmatched`; the duration histogram
counts what the counter counts; consumers, WebSocket connections and reminder deliveries show in
their services' metrics as they happen."""

import datetime
import uuid

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from conftest import sign_up, start_server, stop_server
from websockets.sync.client import connect

from sync_stack import receive_ready, wait_for
from test_kafka import kafka_server, mock_cluster  # noqa: F401 (fixtures of the Kafka test)

SERVICES = ("backend", "frontend", "websocket", "recurring", "notification")
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

# Families each service must expose beyond the HTTP and process ones every service has.
SERVICE_FAMILIES = {
    "backend": {"todo_event_dead_letter_messages"},
    "frontend": set(),
    "websocket": {
        "todo_websocket_connections", "todo_websocket_connections_opened", "todo_websocket_connections_closed",
        "todo_websocket_messages", "todo_event_dead_letter_messages",
    },
    "recurring": {"todo_consumer_lag_messages", "todo_consumer_messages", "todo_event_dead_letter_messages"},
    "notification": {
        "todo_consumer_lag_messages", "todo_consumer_messages", "todo_reminder_lateness_seconds",
        "todo_reminder_deliveries", "todo_reminder_late_deliveries", "todo_reminders_pending",
    },
}
COMMON_FAMILIES = {
    "http_requests", "http_request_duration_seconds", "http_requests_in_flight", "process_start_time_seconds",
    "process_resident_memory_bytes", "process_open_fds", "process_max_fds", "process_cpu_seconds",
    "process_virtual_memory_bytes",
}


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    running = start_server(tmp_path_factory.mktemp("metrics"), services=SERVICES)
    try:
        for service in SERVICES:
            url = f"http://127.0.0.1:{running.ports[service]}/health"
            assert wait_for(lambda: healthy(url), timeout=30), f"{service} never answered /health"
        yield running
    finally:
        stop_server(running)


def healthy(url):
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def scrape(stack, service):
    """The parsed families of one service: {family name: family}, checking the content type."""
    response = requests.get(f"http://127.0.0.1:{stack.ports[service]}/metrics", timeout=10)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == CONTENT_TYPE
    return {family.name: family for family in text_string_to_metric_families(response.text)}


def value(families, sample_name, **labels):
    """The value of the one sample named `sample_name` with exactly these labels, or 0 when the
    series does not exist yet (a labeled series appears on first use)."""
    family_name = sample_name
    for suffix in ("_total", "_bucket", "_count", "_sum"):
        if sample_name.endswith(suffix) and sample_name[: -len(suffix)] in families:
            family_name = sample_name[: -len(suffix)]
    samples = families[family_name].samples if family_name in families else []
    matches = [sample.value for sample in samples if sample.name == sample_name and sample.labels == labels]
    assert len(matches) <= 1, (sample_name, labels, matches)
    return matches[0] if matches else 0


def instant(seconds_from_now):
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds_from_now)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def test_every_service_serves_metrics_that_parse(stack):
    for service in SERVICES:
        families = scrape(stack, service)

        missing = (COMMON_FAMILIES | SERVICE_FAMILIES[service]) - families.keys()
        assert not missing, f"{service} lacks {sorted(missing)}"
        assert families["http_requests"].type == "counter"
        assert families["http_request_duration_seconds"].type == "histogram"
        assert families["process_resident_memory_bytes"].samples[0].value > 0
        assert families["process_open_fds"].samples[0].value > 0
        in_flight = [(sample.labels, sample.value) for sample in families["http_requests_in_flight"].samples]
        # The scrape itself is in flight while the exposition is written.
        assert in_flight == [({"service": "recurring-task" if service == "recurring" else service}, 1.0)]


def test_metrics_are_not_served_to_requests_a_proxy_forwarded(stack):
    for service in SERVICES:
        url = f"http://127.0.0.1:{stack.ports[service]}/metrics"
        forwarded = requests.get(url, headers={"X-Forwarded-For": "203.0.113.7"}, timeout=10)
        assert forwarded.status_code == 404, service
        assert forwarded.json()["error"]["code"] == "route_not_found"
        assert requests.get(url, timeout=10).status_code == 200


def test_api_requests_are_counted_by_route_template_and_status_exactly(stack):
    account = sign_up(stack, "metrics")
    task = account.create_task(title="Counted")
    series = {"service": "backend", "method": "GET", "route": "/api/tasks/{id}"}
    before = scrape(stack, "backend")

    requests_made = 7
    for _ in range(requests_made):
        assert account.get(f"/api/tasks/{task['id']}").status_code == 200
    assert account.get(f"/api/tasks/{uuid.uuid4()}").status_code == 404
    after = scrape(stack, "backend")

    ok = value(after, "http_requests_total", **series, status="200") - value(
        before, "http_requests_total", **series, status="200")
    missing = value(after, "http_requests_total", **series, status="404") - value(
        before, "http_requests_total", **series, status="404")
    assert (ok, missing) == (requests_made, 1)
    counted = value(after, "http_request_duration_seconds_count", **series) - value(
        before, "http_request_duration_seconds_count", **series)
    assert counted == requests_made + 1
    routes = {sample.labels["route"] for sample in after["http_requests"].samples}
    assert task["id"] not in "".join(routes), routes


def test_a_path_no_route_matches_is_counted_as_unmatched_with_404(stack):
    series = {"service": "backend", "method": "GET", "route": "unmatched", "status": "404"}
    before = value(scrape(stack, "backend"), "http_requests_total", **series)
    probe = f"/no/such/path/{uuid.uuid4().hex}"

    response = requests.get(stack.url(probe), timeout=5)
    after = scrape(stack, "backend")

    assert response.status_code == 404
    assert value(after, "http_requests_total", **series) == before + 1
    assert all(probe not in sample.labels.get("route", "") for sample in after["http_requests"].samples)


def test_histogram_count_equals_the_counter_for_every_route(stack):
    account = sign_up(stack, "histogram")
    account.create_task(title="One")
    account.get("/api/tasks")
    families = scrape(stack, "backend")

    totals = {}
    for sample in families["http_requests"].samples:
        if sample.name == "http_requests_total":
            key = (sample.labels["method"], sample.labels["route"])
            totals[key] = totals.get(key, 0) + sample.value
    counts = {
        (sample.labels["method"], sample.labels["route"]): sample.value
        for sample in families["http_request_duration_seconds"].samples
        if sample.name == "http_request_duration_seconds_count"}
    # The scrape in flight is counted once it is answered: in neither the counter nor the histogram.
    assert counts == totals
    assert ("POST", "/api/tasks") in totals and ("GET", "/api/tasks") in totals
    for sample in families["http_request_duration_seconds"].samples:
        if sample.name == "http_request_duration_seconds_bucket" and sample.labels["le"] == "+Inf":
            key = (sample.labels["method"], sample.labels["route"])
            assert sample.value == counts[key]


def test_consumers_count_a_task_change_and_catch_up(stack):
    account = sign_up(stack, "consumer")
    processed = {"group": "recurring", "outcome": "processed"}
    lag = {"group": "recurring", "topic": "task-events"}
    before = value(scrape(stack, "recurring"), "todo_consumer_messages_total", **processed)

    account.create_task(title="Seen by the recurring-task consumer")
    caught_up = wait_for(lambda: caught_up_with(stack, before + 1, processed, lag), timeout=20)

    families = scrape(stack, "recurring")
    assert caught_up, families["todo_consumer_messages"].samples
    assert value(families, "todo_consumer_messages_total", **processed) == before + 1
    assert value(families, "todo_consumer_lag_messages", **lag) == 0
    assert value(families, "todo_consumer_messages_total", group="recurring", outcome="dead_lettered") == 0


def caught_up_with(stack, expected, processed, lag):
    families = scrape(stack, "recurring")
    return (value(families, "todo_consumer_messages_total", **processed) >= expected
            and value(families, "todo_consumer_lag_messages", **lag) == 0)


def test_the_connection_gauge_follows_a_websocket_client(stack):
    account = sign_up(stack, "socket")
    before = scrape(stack, "websocket")
    open_before = value(before, "todo_websocket_connections")
    closed_before = value(before, "todo_websocket_connections_closed_total", reason="peer")
    url = f"ws://127.0.0.1:{stack.ports['websocket']}/ws?token={account.token}"

    with connect(url, open_timeout=10) as ws:
        receive_ready(ws)
        during = scrape(stack, "websocket")
        assert value(during, "todo_websocket_connections") == open_before + 1
        assert value(during, "todo_websocket_connections_opened_total") == value(
            before, "todo_websocket_connections_opened_total") + 1

    closed = wait_for(lambda: value(scrape(stack, "websocket"), "todo_websocket_connections") == open_before)
    after = scrape(stack, "websocket")
    assert closed, after["todo_websocket_connections"].samples
    assert value(after, "todo_websocket_connections_closed_total", reason="peer") == closed_before + 1
    assert value(after, "todo_websocket_messages_total", outcome="sent") >= 1


def test_a_fired_reminder_is_observed_in_the_lateness_histogram(stack):
    account = sign_up(stack, "reminded")
    before = scrape(stack, "notification")

    account.create_task(title="Stretch", due_at=instant(3600), reminders=[{"at": instant(2)}])
    delivered = wait_for(lambda: account.get("/api/notifications").json()["notifications"], timeout=20)
    assert delivered, stack.log_tail()
    after = scrape(stack, "notification")

    observed = value(after, "todo_reminder_lateness_seconds_count") - value(
        before, "todo_reminder_lateness_seconds_count")
    assert observed == 1
    assert value(after, "todo_reminder_deliveries_total", outcome="delivered") == value(
        before, "todo_reminder_deliveries_total", outcome="delivered") + 1
    lateness = value(after, "todo_reminder_lateness_seconds_sum") - value(before, "todo_reminder_lateness_seconds_sum")
    # The delivery's own lateness, as the API reports it, is what the histogram summed.
    notification = delivered[0]
    reported = (parse(notification["delivered_at"]) - parse(notification["fire_at"])).total_seconds()
    assert lateness == pytest.approx(reported, abs=0.002)
    assert value(after, "todo_reminder_lateness_seconds_bucket", le="+Inf") == value(
        after, "todo_reminder_lateness_seconds_count")
    assert value(after, "todo_reminders_pending", state="all") == 0


def parse(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_with_kafka_the_outbox_relay_shows_in_every_services_metrics(kafka_server):
    account = sign_up(kafka_server, "relay")
    relayed_before = value(scrape(kafka_server, "backend"), "todo_outbox_relayed_messages_total")

    account.create_task(title="Relayed to Kafka")
    drained = wait_for(lambda: relay_drained(kafka_server, relayed_before), timeout=30)

    backend, notification = scrape(kafka_server, "backend"), scrape(kafka_server, "notification")
    assert drained, backend.get("todo_outbox_backlog_messages")
    # One relay per process: both services of this process report the same one.
    assert value(backend, "todo_outbox_relayed_messages_total") == value(
        notification, "todo_outbox_relayed_messages_total")
    assert value(backend, "todo_outbox_relay_degraded") == 0
    lag = [sample for sample in notification["todo_consumer_lag_messages"].samples
           if sample.labels == {"group": "notification", "topic": "reminders"}]
    assert len(lag) == 1

def relay_drained(stack, relayed_before):
    families = scrape(stack, "backend")
    return (value(families, "todo_outbox_relayed_messages_total") > relayed_before
            and value(families, "todo_outbox_backlog_messages") == 0)
