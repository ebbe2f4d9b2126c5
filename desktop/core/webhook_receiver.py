"""A local webhook receiver on 127.0.0.1: records each POST (time, wh_type, JSON, headers) and answers 200, 500 or slowly."""
from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from typing import Any, Self

from desktop.core.slow_clients import DeadlineHandler
from desktop.core.webhook_samples import wh_type_of

# Answer modes: "ok" = 200 (delivered), "error" = 500 (the service retries), "slow" = 200 after SLOW_SECONDS.
MODES = ("ok", "error", "slow")
SLOW_SECONDS = 7.0        # longer than the 5-second guideline, and than the sandbox's 5-second wait
MAX_BODY = 1024 * 1024    # bigger webhooks are recorded as "too large" without being read
KEEP = 200                # arrivals kept in memory; older ones are dropped
KEEP_BYTES = 32 * 1024 * 1024  # and at most this much of them (by `_weight`); older ones are dropped
PARSE_LIMIT = 256 * 1024  # bigger bodies are kept as text only: parsed JSON can take many times its text
PARSED_WEIGHT = 8         # what parsed JSON is counted as, per byte of its text
READ_TIMEOUT_S = 10.0     # a sender that stops mid-request is dropped; also the limit for its headers in total
BODY_TIMEOUT_S = 60.0     # the whole body must arrive within this


@dataclass(frozen=True)
class Arrival:
    """One webhook as it arrived; `number` grows by one per arrival, so a view can ask for the new ones."""

    number: int
    time: float
    method: str
    path: str
    wh_type: str
    headers: list[tuple[str, str]]
    body: str
    payload: Any          # the parsed JSON, or None when the body is not JSON
    answered: int         # the status the receiver answered with
    note: str = ""        # "too-large" (body not read) or "not-json"; the view says it in words


class WebhookReceiver:
    """`with WebhookReceiver() as r: ...point the sandbox at r.url...; r.arrivals()`."""

    def __init__(self, port: int = 0, keep: int = KEEP, max_body: int = MAX_BODY, slow_seconds: float = SLOW_SECONDS,
                 keep_bytes: int = KEEP_BYTES, read_timeout: float = READ_TIMEOUT_S) -> None:
        self.port = port
        self.mode = "ok"
        self.slow_seconds = slow_seconds
        self.max_body = max_body
        self.keep = keep
        self.keep_bytes = keep_bytes
        self.read_timeout = read_timeout
        self._arrivals: deque[Arrival] = deque()
        self._kept_bytes = 0
        self._dropped = 0
        self._lock = threading.Lock()
        self._count = 0
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        self.mode = mode

    def start(self) -> WebhookReceiver:
        """Listen on 127.0.0.1 (port 0 = any free one); raises OSError when the port is taken."""
        self._stopping.clear()
        server = _QuietServer(("127.0.0.1", self.port), _handler_for(self))
        self._server = server
        self.port = server.server_address[1]
        threading.Thread(target=server.serve_forever, args=(0.05,), name="webhook-receiver", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes the slow answers
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def arrivals(self, after: int = 0) -> list[Arrival]:
        """The kept arrivals with number > `after`, oldest first."""
        with self._lock:
            return [a for a in self._arrivals if a.number > after]

    @property
    def dropped(self) -> int:
        """How many arrivals were let go (the oldest first) to stay within `keep` and `keep_bytes`."""
        with self._lock:
            return self._dropped

    def oldest_kept(self) -> int:
        """The number of the oldest arrival still kept (the next number when none is), so a view can let go too."""
        with self._lock:
            return self._arrivals[0].number if self._arrivals else self._count + 1

    def clear(self) -> None:
        with self._lock:
            self._arrivals.clear()
            self._kept_bytes = 0

    def _record(self, **fields: Any) -> Arrival:
        with self._lock:
            self._count += 1
            arrival = Arrival(number=self._count, time=time.time(), **fields)
            self._arrivals.append(arrival)
            self._kept_bytes += _weight(arrival)
            # The newest always stays, however big: the agent is looking for the one just sent.
            while len(self._arrivals) > 1 and (len(self._arrivals) > self.keep or self._kept_bytes > self.keep_bytes):
                self._kept_bytes -= _weight(self._arrivals.popleft())
                self._dropped += 1
            return arrival

    def _answer_for_mode(self) -> int:
        mode = self.mode
        if mode == "slow":
            self._stopping.wait(self.slow_seconds)
        return 500 if mode == "error" else 200


def _weight(arrival: Arrival) -> int:
    """Roughly the memory an arrival holds: its text, its headers, and its parsed JSON counted several times over."""
    text = len(arrival.body) * (PARSED_WEIGHT if arrival.payload is not None else 1)
    return text + sum(len(name) + len(value) for name, value in arrival.headers) + 200


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True  # a slow answer in progress must not hold up stop()
    request_queue_size = 128  # many senders at once wait in the kernel instead of being refused

    def handle_error(self, request, client_address) -> None:
        pass  # a sender that hangs up mid-request is normal here


def _handler_for(receiver: WebhookReceiver):
    class Handler(DeadlineHandler):
        protocol_version = "HTTP/1.1"
        timeout = receiver.read_timeout
        header_timeout = receiver.read_timeout
        disable_nagle_algorithm = True

        def _serve(self) -> None:
            length_text = self.headers.get("Content-Length", "0").strip() or "0"
            length = int(length_text) if length_text.isdigit() else 0
            note, body, payload, wh_type = "", "", None, ""
            if length > receiver.max_body or "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                # Too big, or of unknown size (the Wappi service always says how long its webhooks are).
                note, status = "too-large", 413
                self.close_connection = True  # the unread body must not be taken for the next request
                self.reading_done()
            else:
                self.body_deadline(BODY_TIMEOUT_S)
                try:
                    raw = self.rfile.read(length) if length else b""
                except (TimeoutError, OSError):
                    self.close_connection = True
                    return  # the sender stopped mid-body: nothing arrived, nothing to answer to
                self.reading_done()
                body = raw.decode("utf-8", "replace")
                try:
                    payload = json.loads(body) if body.strip() else None
                except (ValueError, RecursionError):
                    note = "not-json"
                wh_type = wh_type_of(payload)
                if len(raw) > PARSE_LIMIT:
                    payload = None  # the view shows the text; the parsed form would take far more memory
                status = receiver._answer_for_mode()
            receiver._record(method=self.command, path=self.path, wh_type=wh_type,
                             headers=list(self.headers.items()), body=body, payload=payload, answered=status, note=note)
            data = b'{"status": "ok"}' if status == 200 else b'{"status": "error"}'
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                self.close_connection = True  # the sender gave up waiting (a slow answer); nothing to answer to

        do_POST = do_GET = do_PUT = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass  # arrivals are the log

    return Handler
