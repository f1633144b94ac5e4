"""A small OpenAI-compatible Chat Completions server on loopback for end-to-end tests.

It follows the documented request and response format: `POST /v1/chat/completions` with `model`,
`messages` and `tools`; the answer is `choices[0].message` with `content` or `tool_calls` (each
`id`, `type: function`, `function.name`, `function.arguments` as a JSON string) and a
`finish_reason`. What it answers is scripted by the test: `answer(request_body)` returns the
message and finish reason, or `DROP` to close the connection without answering. Every request
is recorded with its headers and the client's address (one port per connection). With
`keep_alive`, the server speaks HTTP/1.1 and keeps connections open between requests, as real
model servers do; `"ignore_close"` keeps them open even when the client asks to close. Wrapping the answer in `Held` makes the server wait, inside a request, until the
test says so.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


DROP = "drop"


class ScriptedModel:
    def __init__(self, answer, keep_alive=False):
        self.answer = answer
        self.requests = []
        self.lock = threading.Lock()
        model = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"null")
                with model.lock:
                    model.requests.append({"path": self.path, "headers": dict(self.headers), "body": body,
                                           "client": self.client_address})
                if self.path != "/v1/chat/completions":
                    self.reply(404, {"error": {"message": "unknown path", "type": "invalid_request_error"}})
                    return
                answer = model.answer(body)
                if answer == DROP:
                    self.close_connection = True
                    return
                message, finish = answer
                self.reply(200, {
                    "id": f"chatcmpl-{len(model.requests)}", "object": "chat.completion", "created": 0,
                    "model": body.get("model"),
                    "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                    "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
                })

            def reply(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if keep_alive == "ignore_close":
                    self.send_header("Connection", "keep-alive")
                self.end_headers()
                self.wfile.write(data)
                if keep_alive == "ignore_close":
                    self.close_connection = False

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        """Stops answering and closes the listening socket, so new connections are refused."""
        if self.thread.is_alive():
            self.httpd.shutdown()
            self.thread.join()
        self.httpd.server_close()


class Held:
    """An answer that reports each call has started (`entered`) and waits for `release()` before
    answering, so a test can look at the backend while a model call is in flight."""

    def __init__(self, answer, limit_seconds=60):
        self.answer = answer
        self.limit_seconds = limit_seconds
        self.entered = threading.Event()
        self.released = threading.Event()

    def __call__(self, body):
        self.entered.set()
        self.released.wait(self.limit_seconds)
        return self.answer(body)

    def release(self):
        self.released.set()


def tool_call(call_id, name, arguments):
    """An assistant message calling one tool."""
    return {
        "role": "assistant", "content": None,
        "tool_calls": [{"id": call_id, "type": "function",
                        "function": {"name": name, "arguments": json.dumps(arguments)}}],
    }


def text(content):
    return {"role": "assistant", "content": content}
