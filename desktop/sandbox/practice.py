"""The practice lab: a sandbox of its own behind https://wappi.pro, set up per exercise, and what it saw for the check."""
from __future__ import annotations

import copy
import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from desktop.core.models import Request, Response
from desktop.core.practice import Evidence, Received
from desktop.core.sender import DEFAULT_TIMEOUT, send
from desktop.sandbox.api import Api, Call
from desktop.sandbox.server import Sandbox

PRACTICE_HOST = "wappi.pro"
SCHEME_HEADER = "x-practice-scheme"  # set by PracticeTransport, so the sandbox knows http:// from https://
RETRY_SCALE = 0.01                   # webhook retries in seconds instead of minutes: the agent sees them happen
KEEP_RECEIVED = 200
WEBHOOK_WAIT_S = 30.0                # at most this for the first tries on their way (each gives up after 5 s)


class Receiver:
    """The client's webhook server on 127.0.0.1: answers every POST with one status and counts the hits."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.hits = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.hits += 1
                data = b'{"ok": false}' if receiver.status != 200 else b'{"ok": true}'
                self.send_response(receiver.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), name="practice-receiver", daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/webhook"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class PracticeSandbox(Sandbox):
    """The embedded sandbox plus what exercises need: a redirect for http://, the bodies it received, fresh state."""

    def __init__(self) -> None:
        super().__init__(retry_scale=RETRY_SCALE)
        self._received: deque[Received] = deque(maxlen=KEEP_RECEIVED)
        self._since = 0.0
        self.receiver: Receiver | None = None

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes):
        scheme = headers.pop(SCHEME_HEADER, "https")
        if scheme == "http":
            # As the real host does: plain http is sent on to https, and a client following it turns POST into GET.
            answer: tuple[int, dict[str, Any], dict[str, str]] = (
                301, {"detail": "Moved Permanently: use https://"}, {"Location": f"https://{PRACTICE_HOST}{target}"})
        else:
            answer = super().handle(method, target, headers, body)
        parts = urlsplit(target)
        with self._log_lock:
            self._received.append(Received(time.time(), scheme, method, parts.path,
                                           dict(parse_qsl(parts.query, keep_blank_values=True)),
                                           dict(headers), body, answer[0]))
        return answer

    # -- one exercise
    def reset(self, setup: dict[str, Any] | None = None) -> None:
        """Forget every profile, message and task, then build the state an exercise starts from."""
        setup = setup or {}
        if self.receiver is not None:
            self.receiver.close()
            self.receiver = None
        self.api = Api(self.routes, self.profile_id, self._scheduler, self._webhooks, delay_scale=self.retry_scale)
        self._since = time.time()
        with self._log_lock:
            self._received.clear()
        profile = self.api.profile(self.profile_id)
        if "receiver_status" in setup:
            self.receiver = Receiver(int(setup["receiver_status"]))
            profile.webhook_url = self.receiver.url
        if "webhook_types" in setup:
            profile.webhook_types = list(setup["webhook_types"])
        for message in setup.get("messages", []):
            route = self.routes["/api/sync/message/send"]
            self.api.answer(Call(route, profile, {"profile_id": self.profile_id}, dict(message)))
        if setup.get("authorized") is False:
            profile.authorized, profile.logouted_at = False, profile.authorized_at

    def received(self) -> list[Received]:
        with self._log_lock:
            return list(self._received)

    def state(self) -> dict[str, Any]:
        profile = self.api.profile(self.profile_id)
        return profile.summary() if profile else {}

    def webhooks_on_their_way(self) -> int:
        """Webhooks sent whose first try is not written down yet."""
        return self._webhooks.first_tries_pending() if self._webhooks else 0

    def webhook_attempts(self) -> list[dict[str, Any]]:
        """The webhook tries of this exercise (not a previous one's late retries), as plain dicts."""
        url = self.receiver.url if self.receiver else None
        return [{"status": a.status, "wh_type": a.wh_type, "attempt": a.attempt, "error": a.error}
                for a in self.webhook_log() if a.time >= self._since and a.url == url]

    def stop(self) -> None:
        if self.receiver is not None:
            self.receiver.close()
            self.receiver = None
        super().stop()


class PracticeTransport(httpx.BaseTransport):
    """Sends https://wappi.pro and http://wappi.pro to the practice sandbox; any other host is refused, nothing leaves."""

    def __init__(self, sandbox: PracticeSandbox) -> None:
        self._sandbox = sandbox
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host != PRACTICE_HOST:
            raise httpx.ConnectError(f"Practice sends only to {PRACTICE_HOST}", request=request)
        local = request.url.copy_with(scheme="http", host="127.0.0.1", port=self._sandbox.port)
        headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != SCHEME_HEADER]
        headers.append((SCHEME_HEADER, request.url.scheme))
        forwarded = httpx.Request(request.method, local, headers=headers, stream=request.stream,
                                  extensions=request.extensions)
        return self._inner.handle_request(forwarded)

    def close(self) -> None:
        self._inner.close()


def fill(template: dict[str, Any], values: dict[str, str]) -> Request:
    """The exercise's starting request with the practice profile's values written in, as a client's log shows them."""
    text = json.dumps(template, ensure_ascii=False)
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", json.dumps(value, ensure_ascii=False)[1:-1])
    return Request.from_dict(json.loads(text))


@dataclass
class Lab:
    """The practice sandbox, its client and the exercise in progress; used from a worker thread by the page."""

    sandbox: PracticeSandbox
    client: httpx.Client

    @classmethod
    def start(cls) -> Lab:
        sandbox = PracticeSandbox().start()
        client = httpx.Client(transport=PracticeTransport(sandbox), follow_redirects=True, max_redirects=5,
                              timeout=DEFAULT_TIMEOUT)
        return cls(sandbox, client)

    def values(self) -> dict[str, str]:
        receiver = self.sandbox.receiver.url if self.sandbox.receiver else ""
        return {"profile_id": self.sandbox.profile_id, "token": self.sandbox.token, "receiver_url": receiver}

    def begin(self, setup: dict[str, Any], request_template: dict[str, Any]) -> Request:
        """Reset the sandbox for an exercise (or a test question) and return its starting request."""
        self.sandbox.reset(copy.deepcopy(setup))
        return fill(request_template, self.values())

    def send(self, request: Request) -> Response:
        return send(request, self.client)

    def evidence(self, response: Response | None, choice: str = "", wait_for_webhooks: bool = False) -> Evidence:
        """Everything a check may look at, after the request was sent."""
        if wait_for_webhooks:
            # The webhooks the request made are sent before its answer; their first tries are written down once the
            # receiver answered. Waiting for exactly those holds on a loaded machine, and a request that made none
            # is judged at once.
            deadline = time.monotonic() + WEBHOOK_WAIT_S
            while self.sandbox.webhooks_on_their_way() and time.monotonic() < deadline:
                time.sleep(0.05)
        return Evidence(response, self.sandbox.received(), self.sandbox.state(), self.sandbox.webhook_attempts(), choice)

    def close(self) -> None:
        self.client.close()
        self.sandbox.stop()
