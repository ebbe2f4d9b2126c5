"""The sandbox HTTP server: routing, token and field checks, size and time limits, and a log of what arrived."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from desktop.core.collection import json_bytes
from desktop.core.paths import preloaded_collection
from desktop.core.slow_clients import DeadlineHandler
from desktop.sandbox.api import Api, ApiError, Call
from desktop.sandbox.credentials import demo_credentials
from desktop.sandbox.routes import load_routes
from desktop.sandbox.rules import body_problem, body_required, other_body, query_problem
from desktop.sandbox.scheduler import Scheduler
from desktop.sandbox.webhooks import Attempt, WebhookSender

MAX_BODY = 16 * 1024 * 1024   # bigger bodies get 413 without being read
CLIENT_TIMEOUT_S = 10.0       # a client silent this long is dropped; also the limit for a request's headers in total
BODY_TIMEOUT_S = 120.0        # the whole body must arrive within this (16 MB on loopback takes well under a second)
MAX_CONNECTIONS = 256         # requests served at once; beyond this, 503 at once instead of a thread each
MAX_OPEN = 1024               # open connections, most of them idle or still sending headers; beyond this, 503
KEEP_LOG = 500


@dataclass(frozen=True)
class LogEntry:
    """One request the sandbox served, for the app's log view; the token is masked."""

    time: float
    method: str
    path: str          # with the query string
    status: int
    elapsed_ms: float
    headers: list[tuple[str, str]]
    body_size: int
    detail: str = ""   # the error detail, when not 200


def mask(value: str) -> str:
    """Hide a token but keep its last 4 characters, so the agent can tell which one was sent."""
    value = value.strip()
    return "•" * 8 + value[-4:] if len(value) > 8 else "•" * 8


BUSY_BODY = b'{"detail": "Sandbox is busy, try again"}'
BUSY_ANSWER = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
               b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(BUSY_BODY) + BUSY_BODY)


class _Server(ThreadingHTTPServer):
    """Two limits: open connections (cheap while they wait for headers under a deadline) and requests in work.

    A connection takes a work slot only once its headers and body are in, so slow or idle clients cannot starve others.
    """

    daemon_threads = True
    request_queue_size = 1024  # a burst of connects waits in the kernel instead of being refused

    def __init__(self, address, handler, max_connections: int, max_open: int) -> None:
        self.busy = threading.BoundedSemaphore(max_connections)
        self.open = threading.BoundedSemaphore(max_open)
        super().__init__(address, handler)

    def process_request(self, request, client_address) -> None:
        if not self.open.acquire(blocking=False):
            try:
                request.sendall(BUSY_ANSWER)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.open.release()

    def handle_error(self, request, client_address) -> None:
        pass  # a client that vanished mid-answer is normal; the sandbox keeps serving


class Sandbox:
    """A Wappi look-alike on 127.0.0.1. `with Sandbox() as sb: httpx.get(sb.base_url + ...)`."""

    def __init__(self, port: int = 0, data_dir: Path | None = None, retry_scale: float = 1.0,
                 collection_dir: Path | None = None, max_body: int = MAX_BODY,
                 client_timeout: float = CLIENT_TIMEOUT_S, max_connections: int = MAX_CONNECTIONS,
                 max_open: int = MAX_OPEN, body_timeout: float = BODY_TIMEOUT_S) -> None:
        self.port = port
        self.profile_id, self.token = demo_credentials(Path(data_dir) if data_dir else None)
        self.retry_scale = retry_scale
        self.max_body = max_body
        self.client_timeout = client_timeout
        self.max_connections = max_connections
        self.max_open = max_open
        self.body_timeout = body_timeout
        self.routes = load_routes(collection_dir or preloaded_collection())
        self._log: deque[LogEntry] = deque(maxlen=KEEP_LOG)
        self._log_lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._scheduler: Scheduler | None = None
        self._webhooks: WebhookSender | None = None
        self.api: Api | None = None

    # -- life cycle
    def start(self) -> Sandbox:
        """Bind and serve in a background thread; raises OSError when the port is taken."""
        self._scheduler = Scheduler()
        self._webhooks = WebhookSender(self._scheduler, self.retry_scale)
        self.api = Api(self.routes, self.profile_id, self._scheduler, self._webhooks, delay_scale=self.retry_scale)
        try:
            self._server = _Server(("127.0.0.1", self.port), _handler_for(self), self.max_connections, self.max_open)
        except OSError:
            self._scheduler.stop()
            self._webhooks.close()
            raise
        self.port = self._server.server_address[1]
        # A short poll interval lets stop() return in ~50 ms instead of the default half second.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="sandbox-http", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._scheduler is not None:
            self._scheduler.stop()
        if self._webhooks is not None:
            self._webhooks.close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- what the app shows
    def request_log(self) -> list[LogEntry]:
        """The last requests served, oldest first."""
        with self._log_lock:
            return list(self._log)

    def webhook_log(self) -> list[Attempt]:
        """Every webhook try so far (URL, type, attempt number, answer), oldest first."""
        return self._webhooks.attempts() if self._webhooks else []

    def record(self, entry: LogEntry) -> None:
        with self._log_lock:
            self._log.append(entry)

    # -- one request
    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, Any], dict[str, str]]:
        """(status, JSON answer, extra headers) for one request; every refusal has a `detail` saying why."""
        path = urlsplit(target).path
        route = self.routes.get(path) or self.routes.get(path.rstrip("/"))
        if route is None:
            return 404, {"detail": f"Not Found: there is no method at {path}; check the address"}, {}
        if method != route.method:
            return 405, {"detail": "Method Not Allowed"}, {"Allow": route.method}
        if headers.get("authorization", "").strip() != self.token:
            return 401, {"detail": "Invalid token"}, {}
        query = dict(parse_qsl(urlsplit(target).query, keep_blank_values=True))
        problem = query_problem(route.query_rules, query)
        if problem:
            return 400, {"detail": problem}, {}
        profile = None
        if "profile_id" in route.query_rules:
            profile = self.api.profile(query.get("profile_id", ""))
            if profile is None:
                return 404, {"detail": "Profile not found: check profile_id"}, {}
        data: Any = None
        if route.takes_body:
            data, problem = self._parse_body(route, headers, body)
            if problem:
                return 400, {"detail": problem}, {}
        try:
            return 200, self.api.answer(Call(route, profile, query, data)), {}
        except ApiError as exc:
            return exc.status, {"detail": exc.detail}, {}

    def _parse_body(self, route, headers: dict[str, str], body: bytes) -> tuple[Any, str | None]:
        if "form" in route.rules or "raw_body" in route.rules:
            return other_body(route.rules, headers, body)
        required = body_required(route.rules)
        if not body.strip():
            return ({}, None) if not required else (None, "Request body is empty: a JSON body is expected")
        if "json" not in headers.get("content-type", "").lower():
            return None, "Content-Type must be application/json for a JSON body"
        try:
            data = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError:
            return None, "Request body is not UTF-8 text"
        except json.JSONDecodeError as exc:
            return None, f"Malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        except RecursionError:
            return None, "Malformed JSON: nested too deeply"
        return data, body_problem(route.rules, data)


class _BodyTooLarge(Exception):
    pass


def _handler_for(sandbox: Sandbox):
    class Handler(DeadlineHandler):
        protocol_version = "HTTP/1.1"
        server_version = "WappiSandbox/1"
        timeout = sandbox.client_timeout      # socket timeout: slow or silent clients are dropped
        header_timeout = sandbox.client_timeout
        disable_nagle_algorithm = True

        def _serve(self) -> None:
            started = time.perf_counter()
            headers = {k.lower(): v for k, v in self.headers.items()}
            self.body_deadline(sandbox.body_timeout)
            refusal: tuple[int, str] | None = None
            try:
                body = self._read_body(headers)
            except _BodyTooLarge:
                refusal = 413, f"Request body is too large (limit {sandbox.max_body // (1024 * 1024)} MB)"
            except (TimeoutError, socket.timeout):
                refusal = 408, "The request body did not arrive in time"
            except ValueError as exc:  # bad Content-Length, bad chunking, or a body cut short
                refusal = 400, str(exc)
            self.reading_done()
            if refusal is not None:
                self.close_connection = True
                self._answer(started, refusal[0], {"detail": refusal[1]}, {}, 0)
                return
            # The work slot is taken only now: clients that send their body slowly wait on their own deadline
            # without holding a slot, so they cannot starve everyone else (they count among the open connections).
            if not self.server.busy.acquire(blocking=False):
                self.close_connection = True
                self._answer(started, 503, json.loads(BUSY_BODY), {}, 0)
                return
            try:
                status, payload, extra = sandbox.handle(self.command, self.path, headers, body)
                self._answer(started, status, payload, extra, len(body))
            finally:
                self.server.busy.release()

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve

        def _read_body(self, headers: dict[str, str]) -> bytes:
            if "chunked" in headers.get("transfer-encoding", "").lower():
                return self._read_chunked()
            raw = headers.get("content-length", "0").strip() or "0"
            if not raw.isdigit():
                raise ValueError("Content-Length is not a number")
            length = int(raw)
            if length > sandbox.max_body:
                raise _BodyTooLarge
            body = self.rfile.read(length)
            if len(body) < length:
                raise ValueError("The request body is shorter than its Content-Length (the connection was closed early)")
            return body

        def _read_chunked(self) -> bytes:
            parts, total = [], 0
            while True:
                line = self.rfile.readline(1024)
                if not line:
                    raise ValueError("The chunked request body ended early")
                try:
                    size = int(line.split(b";")[0].strip(), 16)
                except ValueError:
                    raise ValueError("The chunked request body is malformed") from None
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(parts)
                total += size
                if total > sandbox.max_body:
                    raise _BodyTooLarge
                chunk = self.rfile.read(size)
                if len(chunk) < size:
                    raise ValueError("The chunked request body ended early")
                parts.append(chunk)
                self.rfile.readline(16)

        def _answer(self, started: float, status: int, payload: dict[str, Any], extra: dict[str, str], size: int) -> None:
            data = json_bytes(payload, indent=None)  # escaped where a lone surrogate from the body has no UTF-8 form
            # Recorded before the answer goes out: a client that reads the log right after its answer finds it there.
            shown = [(k, mask(v) if k.lower() == "authorization" else v) for k, v in self.headers.items()]
            detail = payload.get("detail", "") if status != 200 else ""
            sandbox.record(LogEntry(time.time(), self.command, self.path, status,
                                    (time.perf_counter() - started) * 1000, shown, size, str(detail)))
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in extra.items():
                    self.send_header(name, value)
                if self.close_connection:
                    self.send_header("Connection", "close")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
            except OSError:
                self.close_connection = True  # the client left; nothing to answer to

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            # Unparseable requests (garbage bytes, huge header lines) get a JSON answer like every other error.
            self.reading_done()
            self.close_connection = True
            if not hasattr(self, "command") or self.command is None:
                self.command = ""
            if not hasattr(self, "headers"):
                self.headers = {}  # type: ignore[assignment]
            if not hasattr(self, "path"):
                self.path = ""
            if self.request_version == "HTTP/0.9":
                self.request_version = "HTTP/1.1"  # so the status line and headers are written
            self._answer(time.perf_counter(), code, {"detail": message or self.responses.get(code, ("Error",))[0]}, {}, 0)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the request log replaces stderr lines

    return Handler
