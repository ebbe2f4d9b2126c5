"""`wappi-desk --self-check`: the real window, offscreen, sends one request to a loopback server it starts itself."""
from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHECK_PATH = "/self-check"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = json.dumps({"status": "done", "self_check": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def run(timeout_s: float = 20.0) -> int:
    """The check in a throw-away data folder: the agent's clients, history and drafts are never read or written."""
    with tempfile.TemporaryDirectory(prefix="wappi-desk-self-check-") as home:
        scratch_home(home)
        return _check(timeout_s)


def scratch_home(home: str) -> None:
    """Point the app's folders (and Qt's and fontconfig's caches, via XDG) at `home` for the rest of this process."""
    os.environ["WAPPI_DESK_HOME"] = home
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = os.path.join(home, name.lower())


def _check(timeout_s: float) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.app import make_app
    from desktop.core.errors import SendError

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}{CHECK_PATH}"
    window = make_app()
    window.show()
    outcome: list[object] = []
    loop = QEventLoop()
    window.response_shown.connect(lambda result: (outcome.append(result), loop.quit()))
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    window.url_bar.url.setText(url)
    window.url_bar.method.setCurrentText("GET")
    # The same path as a click on Send.
    QTimer.singleShot(0, window.url_bar.button.click)
    loop.exec()
    server.shutdown()
    window.close()
    if not outcome:
        print(f"self-check: FAILED, no answer from {url} within {timeout_s:g} s", file=sys.stderr)
        return 1
    result = outcome[0]
    if isinstance(result, SendError):
        print(f"self-check: FAILED, {result}", file=sys.stderr)
        return 1
    print(f"self-check: {result.http_version} {result.status} {result.reason} from {url}")
    return 0 if result.status == 200 and b'"self_check": true' in result.body else 1
