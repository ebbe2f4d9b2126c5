"""Start-up time, idle memory of the shown window, and what the send path adds over a bare httpx request."""
from __future__ import annotations

import statistics
import subprocess
import sys
import time

NAMES = ["startup_window_ms", "idle_rss_mb", "send_overhead_ms"]

# Runs in a fresh interpreter: the window is "shown" once the event loop has painted it the first time.
CHILD = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from desktop.__main__ import main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
def shown():
    print("shown", flush=True)
    def rss():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                print("rss", int(line.split()[1]) / 1024, flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(1000, rss)
import desktop.__main__ as m
orig = m.start_window
def patched():
    QTimer.singleShot(0, shown)
    return orig()
m.start_window = patched
sys.exit(m.main([]))
"""


def _start_once() -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    shown_ms = rss = float("nan")
    for line in proc.stdout:
        if line.startswith("shown"):
            shown_ms = (time.perf_counter() - start) * 1000
        elif line.startswith("rss"):
            rss = float(line.split()[1])
    proc.wait(timeout=60)
    return shown_ms, rss


def _send_overhead(runs: int = 200) -> float:
    import httpx

    from desktop.core import sender
    from desktop.core.models import Request
    from tests.loopback import start

    server = start()
    try:
        request = Request(url=server.url + "/x")
        with httpx.Client() as bare, sender.make_client() as client:
            for _ in range(20):
                bare.request("GET", request.url)
                sender.send(request, client)
            bare_t, app_t = [], []
            for _ in range(runs):
                t = time.perf_counter()
                bare.request("GET", request.url)
                bare_t.append(time.perf_counter() - t)
                t = time.perf_counter()
                sender.send(request, client)
                app_t.append(time.perf_counter() - t)
        return (statistics.median(app_t) - statistics.median(bare_t)) * 1000
    finally:
        server.close()


def figures(selected: set[str]):
    if selected & {"startup_window_ms", "idle_rss_mb"}:
        _start_once()  # warm the disk cache, as a second start would be
        runs = [_start_once() for _ in range(5)]
        if "startup_window_ms" in selected:
            yield "startup_window_ms", statistics.median(r[0] for r in runs), "ms", "< 700"
        if "idle_rss_mb" in selected:
            yield "idle_rss_mb", statistics.median(r[1] for r in runs), "MB", "< 120"
    if "send_overhead_ms" in selected:
        yield "send_overhead_ms", _send_overhead(), "ms", "< 5"
