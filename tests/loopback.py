"""A real HTTP server on 127.0.0.1 for tests: records what arrived and answers by path (slow, reset, big, ...)."""
from __future__ import annotations

import functools
import gzip
import json
import zlib
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli


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
            if path in BODY_CASES or path in STREAMED_CASES:
                self._serve_case(path)
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

        def _serve_case(self, path: str) -> None:
            """The viewer's bad-input cases: packed bodies, bombs, endless and huge streams, cookies, redirects."""
            if path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "/x")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path == "/endless":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                piece = b'{"tick": 1},' * 1000
                try:
                    while True:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                        time.sleep(0.01)
                except OSError:
                    return
            if path == "/huge":
                size = 200 * 1024 * 1024
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(size))
                self.end_headers()
                block = b"\x00" * (1024 * 1024)
                try:
                    for _ in range(size // len(block)):
                        self.wfile.write(block)
                except OSError:
                    return
                return
            payload, headers = BODY_CASES[path]()
            self.send_response(200)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle

        def log_message(self, *args) -> None:
            pass

    return Handler


@functools.cache
def zero_bomb(encoding: str, size: int = 200 * 1024 * 1024) -> bytes:
    """`size` zero bytes packed with gzip or br: a few hundred KB on the wire."""
    block = b"\x00" * (1024 * 1024)
    if encoding == "br":
        packer = brotli.Compressor(quality=1)
        return b"".join(packer.process(block) for _ in range(size // len(block))) + packer.finish()
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return b"".join(packer.compress(block) for _ in range(size // len(block))) + packer.flush()


def _png(width: int = 4, height: int = 3) -> bytes:
    """A small valid red PNG, built by hand so the server needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PNG = _png()
JSON_TYPE = ("Content-Type", "application/json")
PACKED_JSON = json.dumps({"packed": True, "items": list(range(50))}).encode()

STREAMED_CASES = ("/redirect", "/endless", "/huge")
# path -> () -> (body bytes as sent, headers); /endless, /huge and /redirect are streamed in the handler.
BODY_CASES = {
    "/gzip": lambda: (gzip.compress(PACKED_JSON), [JSON_TYPE, ("Content-Encoding", "gzip")]),
    "/br": lambda: (brotli.compress(PACKED_JSON), [JSON_TYPE, ("Content-Encoding", "br")]),
    "/deflate": lambda: (zlib.compress(PACKED_JSON), [JSON_TYPE, ("Content-Encoding", "deflate")]),
    "/gzip-bomb": lambda: (zero_bomb("gzip"), [JSON_TYPE, ("Content-Encoding", "gzip")]),
    "/br-bomb": lambda: (zero_bomb("br"), [JSON_TYPE, ("Content-Encoding", "br")]),
    "/broken-gzip": lambda: (b"\x1f\x8b\x08\x00garbage-not-gzip", [JSON_TYPE, ("Content-Encoding", "gzip")]),
    "/fake-json": lambda: (b"<html><body>Bad gateway</body></html>", [JSON_TYPE]),
    "/bad-utf8": lambda: (b'{"name": "caf\xe9", "ok": true}', [("Content-Type", "application/json; charset=utf-8")]),
    "/image": lambda: (PNG, [("Content-Type", "application/octet-stream")]),
    "/cookies": lambda: (
        b"{}",
        [JSON_TYPE, ("Set-Cookie", "session=abc123; Path=/; HttpOnly"), ("Set-Cookie", "lang=ru; Max-Age=3600")],
    ),
}


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # the /reset path breaks connections on purpose


def start() -> LoopbackServer:
    record: list[Arrived] = []
    server = _QuietServer(("127.0.0.1", 0), _handler(record))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return LoopbackServer(server, record)
