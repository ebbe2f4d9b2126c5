"""Start-up time and idle memory of the shown window against a bare PySide6 window in the same run; send overhead."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ["startup_window_ms", "idle_rss_mb", "startup_ratio", "idle_rss_ratio", "send_overhead_ms"]
REPO = Path(__file__).resolve().parents[1]

# Both children print "shown" once their window is painted whole, and "rss <MB>" a second after everything has
# started (the app's sandbox comes up after the first paint). The watcher is the same code in both and sits on the
# window alone: on the whole application it would run Python for every event of every widget, a cost that grows
# with the window's widgets and that no user's app pays. A window paints before its children in the same pass, so
# the loop's next turn after its first paint event sees the whole window drawn.
WATCH = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, painted)
        return False

def painted():
    print("shown", flush=True)
    started()
    QTimer.singleShot(1000, report_rss)

def started():
    pass  # what starts after the first paint is waited for here; a bare window has nothing

def report_rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            print("rss", int(line.split()[1]) / 1024, flush=True)
    QApplication.instance().quit()

def watch(window):
    window._first_paint = FirstPaint()
    window.installEventFilter(window._first_paint)
"""

# The app starts as `python -m desktop` does: desktop.app is first imported by main(), so its make_app is wrapped
# as that import ends (importing it here first would move its cost out of what main() does).
APP_CHILD = WATCH + r"""
import importlib.util

class WrapMakeApp:
    def find_spec(self, name, path=None, target=None):
        if name != "desktop.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            original = module.make_app
            def make_app(*args, **kwargs):
                window = original(*args, **kwargs)
                watch(window)
                return window
            module.make_app = make_app
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, WrapMakeApp())
def started():
    for widget in QApplication.topLevelWidgets():
        desk = getattr(widget, "desk", None)
        if desk is not None:
            desk.wait_for_sandbox()
from desktop.__main__ import main
sys.exit(main([]))
"""

# The same third-party libraries the app imports before its window shows, and one plain window.
BARE_CHILD = WATCH + r"""
import httpx, pygments, keyring, platformdirs, brotli
from PySide6.QtWidgets import QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 800)
watch(window)
window.show()
sys.exit(app.exec())
"""


def _start_once(child: str, env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=REPO)
    shown_ms = rss = float("nan")
    for line in proc.stdout:
        if line.startswith("shown"):
            shown_ms = (time.perf_counter() - start) * 1000
        elif line.startswith("rss"):
            rss = float(line.split()[1])
    proc.wait(timeout=120)
    return shown_ms, rss


def _child_env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    # Never the agent's real data folder: a fresh one, as on a new machine.
    env["WAPPI_DESK_HOME"] = home
    # Byte-compiled like an installed app, even where PYTHONDONTWRITEBYTECODE is set; the cache stays outside the repo.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")
    return env


def startup(runs: int = 5) -> dict[str, tuple[float, float]]:
    """Median (shown ms, rss MB) of the app and of the bare window, alternating runs so load hits both alike."""
    with tempfile.TemporaryDirectory() as home:
        env = _child_env(home)
        _start_once(BARE_CHILD, env)  # compile and warm the disk cache, as a second start would be
        _start_once(APP_CHILD, env)
        samples: dict[str, list[tuple[float, float]]] = {"app": [], "bare": []}
        for _ in range(runs):
            samples["bare"].append(_start_once(BARE_CHILD, env))
            samples["app"].append(_start_once(APP_CHILD, env))
    return {
        name: (statistics.median(s[0] for s in runs_), statistics.median(s[1] for s in runs_))
        for name, runs_ in samples.items()
    }


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
    if selected & {"startup_window_ms", "idle_rss_mb", "startup_ratio", "idle_rss_ratio"}:
        medians = startup()
        (app_ms, app_mb), (bare_ms, bare_mb) = medians["app"], medians["bare"]
        # Every start-up figure is printed with the bare window beside it: absolute numbers depend on the machine's load.
        yield "startup_window_ms", app_ms, f"ms (bare window {bare_ms:.0f} ms)", "< 700"
        yield "idle_rss_mb", app_mb, f"MB (bare window {bare_mb:.1f} MB)", "< 120"
        yield "startup_ratio", app_ms / bare_ms, "× bare window", "≤ 2.0"
        yield "idle_rss_ratio", app_mb / bare_mb, "× bare window", "≤ 1.3"
    if "send_overhead_ms" in selected:
        yield "send_overhead_ms", _send_overhead(), "ms", "< 5"
