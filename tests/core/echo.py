"""A loopback echo server for wire-level comparisons: records method, raw target, headers in order and body bytes."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Received:
    method: str
    target: bytes                      # path and query exactly as on the request line
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class EchoServer:
    server: ThreadingHTTPServer
    host: str = "127.0.0.1"
    received: list[Received] = field(default_factory=list)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(record: list[Received]):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            # http.server reads the request line as latin-1: back to the bytes that came in.
            record.append(Received(self.command, self.path.encode("latin-1"), list(self.headers.items()), body))
            parts = urlsplit(self.path)
            if parts.path.startswith("/redirect/"):
                # /redirect/<status>?to=<address>: answer with that redirect.
                self.send_response(int(parts.path.split("/")[2]))
                self.send_header("Location", parse_qs(parts.query)["to"][0])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "2")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(b"ok")

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = do_QUERY = _handle

        def log_message(self, *args) -> None:
            pass

    return Handler


def start(host: str = "127.0.0.1") -> EchoServer:
    """Listening on 127.0.0.1 port 0; `host` is the name the tests use for it (127.0.0.1 or localhost)."""
    record: list[Received] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(record))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return EchoServer(server, host, record)
