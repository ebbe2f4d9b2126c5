"""Linter figures: typical, 1 MB valid and invalid bodies; the body editor's longest stalls while typing and pasting."""
from __future__ import annotations

import base64
import os
import statistics
import time

from bench.measure import median_ms
from desktop.core.jsonlint import fix, lint

NAMES = ["lint_small_ms", "lint_1mb_valid_ms", "lint_1mb_invalid_ms", "editor_1mb_max_stall_ms",
         "editor_1mb_lines_paste_stall_ms", "lint_5mb_tabs_ms", "fix_5mb_tabs_ms", "fix_1m_newlines_ms", "fix_4x_input_time_ratio"]

SMALL = """{
  "recipient": "79990001122",
  "body": "Здравствуйте! Ваш заказ №12345 готов к выдаче. Адрес: Москва, ул. Примерная, 1.",
  "caption": "Счёт на оплату",
  "url": "https://example.com/files/invoice-12345.pdf",
  "file_name": "invoice-12345.pdf",
  "latitude": 55.750446,
  "longitude": 37.617494,
  "options": {"preview": true, "priority": null, "tags": ["order", "ready", "moscow"]}
}"""
RULES = {"body": {"recipient": {"type": "string", "required": True, "format": "recipient"},
                  "body": {"type": "string", "required": True}, "latitude": {"type": "number"},
                  "b64_file": {"type": "string", "format": "base64"}}}


def big_valid() -> str:
    data = base64.b64encode(os.urandom(760_000)).decode()
    return '{\n  "recipient": "79990001122",\n  "caption": "Фото",\n  "b64_file": "' + data + '"\n}'


def big_invalid() -> str:
    # The course's broken body, a pasted base64 image, and many broken records after it.
    data = base64.b64encode(os.urandom(600_000)).decode()
    # One record in 20 is broken, so the whole text is read (the linter stops after 1000 problems).
    good = '{"name": "Иван", "phone": "7999000%04d", "active": true}'
    bad = "{'name': 'Иван', \"phone\": 7999000%04d, \"active\": True // note\n}"
    records = ",\n".join((bad if i % 20 == 0 else good) % i for i in range(3500))
    return "{\n'caption': 'Фото', // comment\n\"b64_file\": \"" + data + '"\n"items": [' + records + "],\n}"


def in_string(filler: str) -> str:
    """A pasted body whose one text value is a long run of one character (issue 15 #8's reproducers)."""
    return '{"recipient": "79990001122", "body": "' + filler + '"}'


def broken_records(count: int) -> str:
    """Many small course mistakes: single quotes, True, a missing comma; every one has a safe fix."""
    return "[" + ",\n".join("{'name': 'Иван' \"active\": True}" for _i in range(count)) + "]"


def pin_singletons() -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None on every void call (and to True/False on some),
    as if they were immortal as in 3.12; a long run would free None and abort. Make them effectively immortal."""
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40


def _pump(app, seconds: float) -> None:
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        app.processEvents()  # safe only because of pin_singletons()


def _body_editor():
    """The window's body editor with the linter attached and placed as the main window does it."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.body_editor import BodyEditor
    from desktop.ui.lint_view import attach

    pin_singletons()
    app = QApplication.instance() or QApplication([])
    body = BodyEditor()
    controller = attach(body.editor, lambda: RULES)
    body.layout().addWidget(controller.panel)
    body.editor_row.insertWidget(0, controller.margin)
    body.resize(900, 600)
    body.show()
    return app, body


def _longest_stall_ms(app, steps) -> float:
    """Longest gap of a 5 ms heartbeat on the GUI thread while `steps()` runs (it pumps events itself)."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    longest = [0.0]
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def beat() -> None:
        now = clock.nsecsElapsed()
        longest[0] = max(longest[0], (now - last[0]) / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    last[0] = clock.nsecsElapsed()
    steps()
    heartbeat.stop()
    # The heartbeat's own 5 ms period is not a stall.
    return max(0.0, longest[0] - 5)


def editor_stall_ms(text: str, keys: int = 20) -> float:
    """Longest GUI-thread stall while typing real key presses into the body editor holding `text`."""
    from PySide6.QtTest import QTest

    from desktop.core.models import Body

    app, body = _body_editor()
    body.load_model(Body("json", text, {}))
    cursor = body.editor.textCursor()
    cursor.setPosition(40)  # the "caption" line, right above the megabyte base64 line
    body.editor.setTextCursor(cursor)
    _pump(app, 0.5)  # settle the first layout and lint before measuring

    def typing() -> None:
        for _key in range(keys):
            QTest.keyClick(body.editor, "x")
            _pump(app, 0.2)  # long enough for the 150 ms debounce to lint after every key
        _pump(app, 1.0)

    stall = _longest_stall_ms(app, typing)
    body.hide()
    body.deleteLater()
    return stall


def many_lines() -> str:
    """A megabyte of records, one per line (a CRM export pasted whole)."""
    record = '  {"name": "Иван Петров %d", "phone": "7999%07d", "active": true, "tags": ["vip", "moscow"]}'
    return "[\n" + ",\n".join(record % (i, i) for i in range(11_000)) + "\n]"


def paste_stall_ms(text: str) -> float:
    """Longest GUI-thread stall while Ctrl+V pastes `text` into the empty body editor, and after."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.core.models import Body

    app, body = _body_editor()
    body.load_model(Body("json", "", {}))
    app.clipboard().setText(text)
    _pump(app, 0.3)

    def paste() -> None:
        QTest.keyClick(body.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        _pump(app, 1.5)

    stall = _longest_stall_ms(app, paste)
    assert len(body.editor.toPlainText()) == len(text), "the paste did not arrive"
    body.hide()
    body.deleteLater()
    return stall


def figures(selected: set[str]):
    if "lint_small_ms" in selected:
        yield "lint_small_ms", median_ms(lambda: lint(SMALL, RULES), runs=201), "ms", "< 1"
    if "lint_1mb_valid_ms" in selected:
        text = big_valid()
        yield "lint_1mb_valid_ms", median_ms(lambda: lint(text, RULES), runs=9), "ms", "< 20"
    if "lint_1mb_invalid_ms" in selected:
        text = big_invalid()
        yield "lint_1mb_invalid_ms", median_ms(lambda: lint(text), runs=5), "ms", "< 100"
    if "editor_1mb_max_stall_ms" in selected:
        # A stall is one long moment, so other processes' bursts show in it: the median of three sessions.
        text = big_valid()
        yield "editor_1mb_max_stall_ms", statistics.median(editor_stall_ms(text) for _run in range(3)), "ms", "< 30"
    if "editor_1mb_lines_paste_stall_ms" in selected:
        text = many_lines()
        yield ("editor_1mb_lines_paste_stall_ms", statistics.median(paste_stall_ms(text) for _run in range(3)), "ms",
               "< 500")
    if "lint_5mb_tabs_ms" in selected:
        text = in_string("\t" * 5_000_000)
        yield "lint_5mb_tabs_ms", median_ms(lambda: lint(text), runs=3), "ms", "< 1000"
    if "fix_5mb_tabs_ms" in selected:
        text = in_string("\t" * 5_000_000)
        yield "fix_5mb_tabs_ms", median_ms(lambda: fix(text), runs=3), "ms", "< 1000"
    if "fix_1m_newlines_ms" in selected:
        text = in_string("\n" * 1_000_000)
        yield "fix_1m_newlines_ms", median_ms(lambda: fix(text), runs=3), "ms", "< 500"
    if "fix_4x_input_time_ratio" in selected:
        # Linear time: four times the input takes about four times as long (quadratic would be 16).
        small = median_ms(lambda: fix(broken_records(5_000)), runs=3)
        large = median_ms(lambda: fix(broken_records(20_000)), runs=3)
        yield "fix_4x_input_time_ratio", large / small, "x", "about 4"
