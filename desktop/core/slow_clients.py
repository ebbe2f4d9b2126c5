"""Request reading with a total deadline for our local HTTP servers, so a slow or silent client cannot hold a thread.

http.server's `timeout` bounds each read of the socket, not the request: a client sending one byte every few
seconds ("slowloris") keeps a connection, and a thread, for ever. Here every read gets only what is left of a
deadline the handler sets: one for the request line and headers, another for the body.
"""
from __future__ import annotations

import io
import socket
import time
from http.server import BaseHTTPRequestHandler


class DeadlineReader(io.RawIOBase):
    """A socket's reads, each bounded by `idle` seconds and by what is left of `deadline` (monotonic time)."""

    def __init__(self, sock: socket.socket, idle: float | None) -> None:
        super().__init__()
        self.sock = sock
        self.idle = idle
        self.deadline: float | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        timeout = self.idle
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the request did not arrive in time")
            timeout = left if timeout is None else min(timeout, left)
        self.sock.settimeout(timeout)
        return self.sock.recv_into(buffer)


class DeadlineHandler(BaseHTTPRequestHandler):
    """A request handler whose request line and headers must arrive within `header_timeout` seconds in total.

    Subclasses call `body_deadline(seconds)` before reading a body and `reading_done()` before answering.
    """

    header_timeout: float = 10.0

    def setup(self) -> None:
        super().setup()
        self.reader = DeadlineReader(self.connection, self.timeout)
        self.rfile = io.BufferedReader(self.reader)

    def handle_one_request(self) -> None:
        # Also bounds an idle keep-alive connection waiting for its next request.
        self.reader.deadline = time.monotonic() + self.header_timeout
        super().handle_one_request()

    def body_deadline(self, seconds: float) -> None:
        self.reader.deadline = time.monotonic() + seconds

    def reading_done(self) -> None:
        """Back to the plain per-read timeout, so writing the answer is not cut by a nearly spent deadline."""
        self.reader.deadline = None
        self.connection.settimeout(self.timeout)
