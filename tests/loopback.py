"""A real HTTP server on 127.0.0.1 for tests: records what arrived and answers by path (slow, reset, big, ...)."""
from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Arrived:
    method: str
    path: str
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class LoopbackServer:
    server: ThreadingHTTPServer
    arrived: list[Arrived] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(record: list[Arrived]):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as two writes; no 40 ms delayed-ACK stall

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            record.append(Arrived(self.command, self.path, list(self.headers.items()), body))
            path = self.path.split("?")[0]
            if path == "/slow":
                time.sleep(3)
            if path == "/reset":
                # Promise a long body, send a little, then drop the connection.
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                self.wfile.write(b'{"partial": ')
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            status = int(path.strip("/").split("/")[0]) if path.strip("/").split("/")[0].isdigit() else 200
            if path == "/binary":
                payload, ctype = bytes(range(256)) * 4, "application/octet-stream"
            elif path == "/text":
                payload, ctype = "plain text, Привет".encode(), "text/plain; charset=utf-8"
            elif path == "/big":
                payload, ctype = b"x" * (3 * 1024 * 1024), "text/plain"
            else:
                echo = {"method": self.command, "path": self.path, "status": status}
                if status == 401:
                    echo = {"detail": "Invalid token"}
                payload, ctype = json.dumps(echo).encode(), "application/json"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle

        def log_message(self, *args) -> None:
            pass

    return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # the /reset path breaks connections on purpose


def start() -> LoopbackServer:
    record: list[Arrived] = []
    server = _QuietServer(("127.0.0.1", 0), _handler(record))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return LoopbackServer(server, record)
