"""run_task: results come back on the GUI thread; a result whose receiver is gone is dropped quietly."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from desktop.ui.workers import run_task

ROOT = Path(__file__).resolve().parents[2]


def test_result_reaches_on_done(qtbot):
    got = []
    run_task(lambda: 41 + 1, got.append, lambda exc: got.append(exc))
    qtbot.waitUntil(lambda: got == [42], timeout=30000)


def test_error_reaches_on_error(qtbot):
    got = []
    run_task(lambda: 1 / 0, got.append, got.append)
    qtbot.waitUntil(lambda: len(got) == 1, timeout=30000)
    assert isinstance(got[0], ZeroDivisionError)


def test_signal_object_deleted_while_running_drops_the_result_quietly(qtbot, capfd):
    import shiboken6
    from PySide6.QtCore import QThreadPool

    started, release = threading.Event(), threading.Event()

    def work():
        started.set()
        release.wait(10)
        return "late"

    got = []
    task = run_task(work, got.append, got.append)
    assert started.wait(10)
    shiboken6.delete(task.signals)  # what interpreter shutdown does after the window quit
    release.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    assert got == []
    assert "Signal source has been deleted" not in capfd.readouterr().err


def test_quitting_right_after_start_prints_nothing():
    script = textwrap.dedent(
        """
        import sys, time
        from PySide6.QtCore import QCoreApplication, QTimer
        from desktop.ui.workers import run_task
        app = QCoreApplication(sys.argv)
        for _ in range(3):
            run_task(lambda: time.sleep(0.3) or 1, lambda r: None, lambda e: None)
        run_task(lambda: time.sleep(0.3) or 1 / 0, lambda r: None, lambda e: None)
        QTimer.singleShot(0, app.quit)
        app.exec()
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert "Traceback" not in done.stderr and "RuntimeError" not in done.stderr, done.stderr
