"""The one way off the GUI thread: run_task(fn, on_done, on_error) on a QThreadPool, results back by signal."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """A unit of background work; `cancel()` drops its result so a late answer never reaches a widget."""

    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.cancelled = False
        # The pool must not delete the runnable while its signals may still be queued.
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.cancelled = True

    @Slot()
    def run(self) -> None:
        # Workers never touch widgets: they only emit, and Qt queues the signal to the GUI thread.
        try:
            result = self.fn()
        except BaseException as exc:  # handed to on_error, which turns it into words
            self._emit(self.signals.failed, exc)
            return
        # Emitted even when cancelled, so the task is released on the GUI thread; finish() drops the result.
        self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # When the window quits while this worker runs, interpreter shutdown deletes the signal object
        # under us; nobody is left to receive the result, so it is dropped instead of printing a traceback.
        try:
            signal.emit(value)
        except RuntimeError:
            pass


_live: set[Task] = set()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> Task:
    """Run `fn` on the pool; `on_done(result)` or `on_error(exc)` is called on the GUI thread unless cancelled."""
    task = Task(fn)
    _live.add(task)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _live.discard(task)
        if not task.cancelled:
            callback(value)

    task.signals.done.connect(lambda result: finish(on_done, result))
    task.signals.failed.connect(lambda exc: finish(on_error, exc))
    (pool or QThreadPool.globalInstance()).start(task)
    return task
