"""Request reading with a total deadline: a client dribbling its headers is cut although it never falls silent."""
from __future__ import annotations

import socket
import threading
import time
from http.server import ThreadingHTTPServer

import httpx

from desktop.core.slow_clients import DeadlineHandler


class Echo(DeadlineHandler):
    protocol_version = "HTTP/1.1"
    timeout = 5.0
    header_timeout = 1.0

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.body_deadline(1.0)
        try:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        except TimeoutError:
            self.close_connection = True
            return
        self.reading_done()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def serve():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


def cut_while_dribbling(port: int, first: bytes) -> bool:
    """Send `first`, then a byte every 0.1 s (never silent for the 5-second read timeout); True once the server hangs up."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(first)
        for _ in range(100):
            try:
                sock.sendall(b"X")
                sock.setblocking(False)
                try:
                    if sock.recv(100) == b"":
                        return True
                except BlockingIOError:
                    pass
                finally:
                    sock.setblocking(True)
            except OSError:
                return True
            time.sleep(0.1)
    return False


def test_headers_and_bodies_have_a_total_deadline_and_normal_requests_pass():
    server = serve()
    port = server.server_address[1]
    try:
        assert cut_while_dribbling(port, b"POST / HTTP/1.1\r\n")
        assert cut_while_dribbling(port, b"POST / HTTP/1.1\r\nContent-Length: 100000\r\n\r\n")
        with httpx.Client() as client:  # a kept-alive connection answers twice, each within its own deadline
            assert client.post(f"http://127.0.0.1:{port}/", content=b"one").content == b"one"
            assert client.post(f"http://127.0.0.1:{port}/", content=b"two").content == b"two"
    finally:
        server.shutdown()
        server.server_close()
