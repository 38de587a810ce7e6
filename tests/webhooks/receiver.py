"""A real HTTP receiver on loopback, as an integrator would write one: it checks the signature,
drops repeats by ``Breachclock-Delivery`` id and records everything it was sent.

``answers`` scripts the replies (a status per request, then 200); ``delay`` makes it slow, so a
test can kill the sender mid-request.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from webhooks.signing import verify


@dataclass
class Request:
    path: str
    headers: dict
    body: bytes
    at: float

    @property
    def json(self):
        return json.loads(self.body)

    @property
    def delivery(self) -> str:
        return self.headers.get("breachclock-delivery", "")


@dataclass
class Receiver:
    secrets: list[str] = field(default_factory=list)  # of the hooks posting here
    answers: list[int] = field(default_factory=list)
    delay: float = 0.0
    requests: list[Request] = field(default_factory=list)
    processed: list[str] = field(default_factory=list)  # delivery ids, once each
    bad_signatures: int = 0
    dropped: int = 0  # repeats of a delivery already processed

    def __post_init__(self):
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                request = Request(
                    self.path, {k.lower(): v for k, v in self.headers.items()}, body, time.time()
                )
                status = receiver.handle(request)
                if receiver.delay:
                    time.sleep(receiver.delay)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def handle(self, request: Request) -> int:
        with self.lock:
            self.requests.append(request)
            if self.answers:
                return self.answers.pop(0)
            signature = request.headers.get("breachclock-signature", "")
            if not any(verify(secret, request.body, signature) for secret in self.secrets):
                self.bad_signatures += 1
                return 400
            if request.delivery in self.processed:
                self.dropped += 1  # a repeat of work already done: acknowledged, not redone
            else:
                self.processed.append(request.delivery)
            return 200

    def processed_twice(self) -> int:
        return sum(n - 1 for n in Counter(self.processed).values())

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
