"""A 20 MB JSON answer in the response viewer: first screen, longest GUI stall, search time and peak memory."""
from __future__ import annotations

import json
import statistics
import subprocess
import sys

NAMES = ["response_20mb_first_screen_ms", "response_20mb_max_stall_ms", "response_20mb_search_ms", "response_20mb_peak_mb"]
RUNS = 5

# One run in a fresh interpreter, so the peak memory (VmHWM) belongs to this run alone.
CHILD = r"""
import json, os, random, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NO_PROXY"] = "127.0.0.1"
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from desktop.core import sender
from desktop.core.models import Request
from desktop.ui.response_view import ResponseView
from desktop.ui.workers import run_task
from tests import loopback

def payload(size=20 * 1024 * 1024):
    random.seed(1)
    items, n = [], 0
    while n < size:
        item = {"id": len(items), "chatId": f"7999{random.randint(1000000, 9999999)}@c.us",
                "body": random.choice(["Привет, как дела?", "Hello there", "Заказ №123 оплачен", "ok"]),
                "fromMe": random.random() < 0.5, "time": 1700000000 + len(items), "type": "chat",
                "meta": {"ack": 3, "tags": ["a", "b"], "extra": None}}
        n += len(json.dumps(item, ensure_ascii=False).encode()) + 1
        items.append(item)
    return json.dumps({"status": "done", "messages": items}, ensure_ascii=False).encode()

def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024

app = QApplication([])
body = payload()
loopback.BODY_CASES["/20mb"] = lambda: (body, [("Content-Type", "application/json")])
server = loopback.start()
client = sender.make_client()
sender.send(Request(url=server.url + "/x"), client)  # warm the connection and the code paths
view = ResponseView()
view.resize(900, 700)
view.show()
for _ in range(20):
    app.processEvents()
time.sleep(0.2)
idle = rss("VmRSS:")
open("/proc/self/clear_refs", "w").write("5")  # restart the peak (VmHWM) from here
result = {}
beats = {"last": None, "max": 0.0}
def beat():
    now = time.perf_counter()
    if beats["last"] is not None:
        beats["max"] = max(beats["max"], (now - beats["last"]) * 1000 - 5)
    beats["last"] = now
heart = QTimer(interval=5, timeout=beat)
heart.start()

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "arrived" in result and "first" not in result and view.body.line_count() > 20:
            QTimer.singleShot(0, lambda: result.setdefault("first", (time.perf_counter() - result["arrived"]) * 1000))
        return False
painted = FirstPaint()
view.body.viewport().installEventFilter(painted)

def fetch():
    response = sender.send(Request(url=server.url + "/20mb"), client)
    result["arrived"] = time.perf_counter()  # the last byte is in
    return response

def shown(response):
    view.show_response(response)
    def whole():
        view.body_ready.disconnect()
        view.body_ready.connect(finish)
        view.show_everything()
    view.body_ready.connect(whole)

def finish():
    heart.stop()
    view.open_search()
    view.search.setText("привет")
    start = time.perf_counter()
    count = view.run_search()
    result["search"] = (time.perf_counter() - start) * 1000
    assert count > 1000, count
    result["stall"] = beats["max"]
    result["peak"] = rss("VmHWM:") - idle
    print("RESULT", json.dumps(result), flush=True)
    app.quit()

run_task(fetch, shown, lambda exc: (print("FAILED", exc, flush=True), app.quit()))
app.exec()
"""


def _run_once() -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=180)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(proc.stdout + proc.stderr)


def figures(selected: set[str]):
    runs = [_run_once() for _ in range(RUNS)]
    rows = [
        ("response_20mb_first_screen_ms", "first", "ms", "< 500"),
        ("response_20mb_max_stall_ms", "stall", "ms", "< 50"),
        ("response_20mb_search_ms", "search", "ms", "< 200"),
        ("response_20mb_peak_mb", "peak", "MB", "< 120"),
    ]
    for name, key, unit, target in rows:
        if name in selected:
            yield name, statistics.median(r[key] for r in runs), unit, target
