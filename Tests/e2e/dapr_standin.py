"""A stand-in for a Dapr sidecar on loopback, following Dapr's documented HTTP API (v1.0), for the
tests of `events.broker=dapr`. Python stdlib only.

Sidecar side (what the app calls, on the port the app knows as DAPR_HTTP_PORT):
- `GET /v1.0/healthz` answers 204.
- `POST /v1.0/publish/{pubsub}/{topic}` records the message (pubsub, topic, Content-Type, the
  `metadata.*` query parameters, the body) and answers 204. With `api_token` set, a request
  without that `dapr-api-token` gets 401 and is not recorded, as Dapr does; with `known_pubsubs`
  set, another pubsub name gets Dapr's 404 `ERR_PUBSUB_NOT_FOUND`.

Delivery side (what Dapr does to the app, on the app's port):
- `subscribe_app(port)` reads the app's `GET /dapr/subscribe` (`[{pubsubname, topic, route}]`).
- Every published message whose pubsub and topic an app subscribed to is POSTed to its route with
  `Content-Type: application/cloudevents+json`, one at a time per app, in publish order. A
  structured CloudEvent is passed through with the attributes Dapr adds (`topic`, `pubsubname`,
  `traceid`, `traceparent`, `tracestate`); any other body is wrapped the way Dapr wraps raw
  data (`data_base64`, `datacontenttype`).
- The app's answer decides: 200 with status SUCCESS (or an empty body) → done; DROP → dropped;
  RETRY, any other status code, or no answer → delivered again after a backoff that doubles from
  50 ms to 1 s, before anything later for that app.
- `push(port, topic, body)` makes one delivery of a given body now and returns the status, for
  redelivery and poison-message cases.

`stop()` closes the listening socket (the app then finds no sidecar) and `start()` opens it
again on the same port.
"""

import base64
import json
import socket
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

import requests

class Published:
    def __init__(self, pubsub, topic, content_type, metadata, body, token):
        self.pubsub = pubsub
        self.topic = topic
        self.content_type = content_type
        self.metadata = metadata
        self.body = body
        self.token = token

    def json(self):
        return json.loads(self.body)


class DaprStandIn:
    def __init__(self, port, api_token=None, app_token=None):
        self.port = port
        self.api_token = api_token
        self.app_token = app_token
        self.published = []
        self.deliveries = []  # (app port, topic, status, body)
        self.refused = 0
        self.known_pubsubs = None  # None: any name; else publishing elsewhere gets Dapr's 404
        self._lock = threading.Condition()
        self._apps = {}  # app port -> {(pubsub, topic): route}
        self._cursor = {}  # app port -> index into self.published
        self._server = None
        self._connections = set()
        self._running = True
        self._worker = threading.Thread(target=self._deliver_loop, daemon=True)
        self._worker.start()

    # MARK: Sidecar side

    def start(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def setup(self):
                super().setup()
                with stand_in._lock:
                    stand_in._connections.add(self.connection)

            def finish(self):
                with stand_in._lock:
                    stand_in._connections.discard(self.connection)
                super().finish()

            def _answer(self, status, body=b""):
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                if body:
                    self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def _authorised(self):
                if stand_in.api_token is None or self.headers.get("dapr-api-token") == stand_in.api_token:
                    return True
                with stand_in._lock:
                    stand_in.refused += 1
                self._answer(401, json.dumps({"errorCode": "ERR_UNAUTHORIZED", "message": "bad token"}).encode())
                return False

            def do_GET(self):
                if urlsplit(self.path).path == "/v1.0/healthz":
                    self._answer(204)
                else:
                    self._answer(404)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                parts = urlsplit(self.path)
                segments = parts.path.split("/")
                if len(segments) != 5 or segments[1:3] != ["v1.0", "publish"]:
                    return self._answer(404)
                if not self._authorised():
                    return None
                if stand_in.known_pubsubs is not None and unquote(segments[3]) not in stand_in.known_pubsubs:
                    error = {"errorCode": "ERR_PUBSUB_NOT_FOUND", "message": "pubsub not found"}
                    return self._answer(404, json.dumps(error).encode())
                metadata = {
                    key[len("metadata."):]: value
                    for key, value in parse_qsl(parts.query) if key.startswith("metadata.")
                }
                message = Published(
                    unquote(segments[3]), unquote(segments[4]), self.headers.get("Content-Type"), metadata, body,
                    self.headers.get("dapr-api-token"))
                with stand_in._lock:
                    stand_in.published.append(message)
                    stand_in._lock.notify_all()
                return self._answer(204)

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        """Closes the listener and every open connection, so kept-alive clients fail too."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self):
        self.stop()
        with self._lock:
            self._running = False
            self._lock.notify_all()

    def messages(self, topic):
        with self._lock:
            return [m for m in self.published if m.topic == topic]

    def wait_for(self, condition, timeout=30):
        """`condition()` once it is truthy, re-evaluated (outside the lock) after each publish or
        delivery and at least every 0.1 s; its last value after `timeout`."""
        deadline = time.monotonic() + timeout
        while not (value := condition()) and time.monotonic() < deadline:
            with self._lock:
                self._lock.wait(0.1)
        return value

    # MARK: Delivery side

    def app_headers(self):
        headers = {"Content-Type": "application/cloudevents+json"}
        if self.app_token is not None:
            headers["dapr-api-token"] = self.app_token
        return headers

    def subscriptions(self, app_port):
        response = requests.get(f"http://127.0.0.1:{app_port}/dapr/subscribe", headers=self.app_headers(), timeout=5)
        response.raise_for_status()
        return response.json()

    def subscribe_app(self, app_port, from_start=True):
        """Reads the app's subscriptions and delivers to it from now on (`from_start`: also what
        was published before)."""
        routes = {(s["pubsubname"], s["topic"]): s["route"] for s in self.subscriptions(app_port)}
        with self._lock:
            self._apps[app_port] = routes
            self._cursor[app_port] = 0 if from_start else len(self.published)
            self._lock.notify_all()
        return routes

    def push(self, app_port, topic, body, route=None):
        """One delivery of `body` to the app now; returns the status it answered."""
        route = route or f"/dapr/events/{topic}"
        status = self._post(app_port, route, self._envelope(topic, body, "todo-pubsub"))
        with self._lock:
            self.deliveries.append((app_port, topic, status, body))
        return status

    def statuses(self, app_port, topic):
        with self._lock:
            return [status for port, t, status, _ in self.deliveries if port == app_port and t == topic]

    def _envelope(self, topic, body, pubsub, content_type="application/cloudevents+json"):
        """The body as Dapr pushes it: a structured CloudEvent with Dapr's attributes added, raw
        data published as application/octet-stream wrapped in Dapr's own CloudEvent, anything
        else (a push of garbage) as it is."""
        trace = f"00-{uuid.uuid4().hex}-{uuid.uuid4().hex[:16]}-01"
        added = {"topic": topic, "pubsubname": pubsub, "traceid": trace, "traceparent": trace, "tracestate": ""}
        if content_type == "application/octet-stream":
            return json.dumps({
                "specversion": "1.0", "id": str(uuid.uuid4()), "source": "dapr-standin",
                "type": "com.dapr.event.sent", "datacontenttype": "application/octet-stream",
                "data_base64": base64.b64encode(body).decode(), **added,
            }).encode()
        try:
            event = json.loads(body)
        except ValueError:
            return body
        if isinstance(event, dict) and event.get("specversion"):
            event.update(added)
            return json.dumps(event).encode()
        return body

    def _post(self, app_port, route, body):
        try:
            response = requests.post(
                f"http://127.0.0.1:{app_port}{route}", data=body, headers=self.app_headers(), timeout=10)
        except requests.RequestException:
            return "UNREACHABLE"
        if response.status_code != 200:
            return f"HTTP {response.status_code}"
        if not response.content:
            return "SUCCESS"
        return response.json().get("status", "SUCCESS")

    def _next(self):
        """The next (app, route, message) to deliver, or None."""
        for app_port, routes in self._apps.items():
            while self._cursor[app_port] < len(self.published):
                message = self.published[self._cursor[app_port]]
                route = routes.get((message.pubsub, message.topic))
                if route:
                    return app_port, route, message
                self._cursor[app_port] += 1
        return None

    def _deliver_loop(self):
        backoff = 0.05
        while True:
            with self._lock:
                while self._running and (work := self._next()) is None:
                    self._lock.wait(0.2)
                if not self._running:
                    return
            app_port, route, message = work
            status = self._post(app_port, route, self._envelope(message.topic, message.body, message.pubsub, message.content_type))
            with self._lock:
                self.deliveries.append((app_port, message.topic, status, message.body))
                if status in ("SUCCESS", "DROP"):
                    self._cursor[app_port] += 1
                    backoff = 0.05
                self._lock.notify_all()
            if status not in ("SUCCESS", "DROP"):
                time.sleep(backoff)
                backoff = min(1.0, backoff * 2)
