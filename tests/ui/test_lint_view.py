"""The editor add-on: underline at the span, list click moves the cursor, fix click fixes (one undo step)."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from desktop.ui.lint_view import attach, editor_text

BODY = '{"text": "Привет"\n"phone": 79990001122}'


def make(qtbot, text=BODY, rules=None):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    controller = attach(editor, lambda: rules)
    qtbot.addWidget(controller.panel)
    return editor, controller


def test_underline_at_the_problem_span(qtbot):
    editor, controller = make(qtbot)
    selections = editor.extraSelections()
    assert len(selections) == 2
    underline = selections[1]
    assert underline.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    start = BODY.index("79990001122")
    assert (underline.cursor.selectionStart(), underline.cursor.selectionEnd()) == (start, start + 11)
    assert "79990001122" in underline.format.toolTip()


def test_list_click_moves_the_cursor(qtbot):
    editor, controller = make(qtbot)
    problems = controller.panel.list
    assert problems.count() == 2
    item = problems.item(1)
    rect = problems.visualItemRect(item)
    qtbot.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.textCursor().position() == BODY.index("79990001122")


def test_fix_click_fixes_and_undo_restores(qtbot):
    editor, controller = make(qtbot)
    problems = controller.panel.list
    button = problems.itemWidget(problems.item(1)).findChild(QPushButton, "fix")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert '"phone": "79990001122"' in editor.toPlainText()
    editor.undo()
    assert editor.toPlainText() == BODY


def test_fix_all_then_clean_and_debounced_relint(qtbot):
    editor, controller = make(qtbot, "{'a': True,}")
    qtbot.mouseClick(controller.panel.fix_all, Qt.MouseButton.LeftButton)
    assert json.loads(editor.toPlainText()) == {"a": True}
    assert controller.problems == []
    assert not editor.extraSelections()
    editor.setPlainText('{"a": None}')
    qtbot.waitUntil(lambda: [p.code for p in controller.problems] == ["python-literal"], timeout=30000)


def test_big_body_is_linted_off_the_gui_thread_and_keeps_nbsp(qtbot):
    text = '{"b64": "' + "A" * 200_000 + '",\u00a0"phone": 7999}'
    editor, controller = make(qtbot, text)
    assert editor_text(editor) == text
    qtbot.waitUntil(lambda: [p.code for p in controller.problems] == ["invisible-character", "phone-as-number"],
                    timeout=30000)


def with_margin(qtbot):
    """An editor with the margin beside it, as the window places them."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    holder = QWidget()
    row = QHBoxLayout(holder)
    editor = QPlainTextEdit()
    controller = attach(editor)
    row.addWidget(controller.margin)
    row.addWidget(editor)
    qtbot.addWidget(holder)
    holder.resize(400, 300)
    holder.show()
    return editor, controller, holder  # the holder is returned to keep it (and the editor) alive


def test_margin_marks_problem_lines_and_jumps(qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent

    editor, controller, _holder = with_margin(qtbot)
    editor.setPlainText('{\n  "a": 1,\n  "phone": 79990001122\n}')
    qtbot.waitUntil(lambda: any(p.line == 3 for p in controller.margin.problems), timeout=30000)
    tops = controller.margin._line_tops()
    assert 3 in tops
    y, _problem = tops[3]
    press = QMouseEvent(QMouseEvent.Type.MouseButtonPress, QPointF(6, y), QPointF(6, y),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    controller.margin.mousePressEvent(press)
    assert editor.textCursor().blockNumber() == 2


def test_unchanged_problems_keep_their_rows(qtbot):
    editor, controller = make(qtbot)
    row = controller.panel.list.item(1)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "  ")  # after every problem: the same findings at the same places
    controller.lint_now()
    assert controller.panel.list.item(1) is row
    qtbot.keyClick(editor, "x")
    controller.lint_now()
    assert controller.panel.list.count() == 3


def test_underlines_count_utf16_after_an_emoji(qtbot):
    text = '{"text": "🙂🙂", "phone": 79990001122}'
    editor, controller = make(qtbot, text)
    underline = editor.extraSelections()[0]
    start = text.index("7999") + 2  # each emoji is two UTF-16 units in the editor
    assert (underline.cursor.selectionStart(), underline.cursor.selectionEnd()) == (start, start + 11)


def test_margin_places_only_the_lines_in_view(qtbot):
    editor, controller, _holder = with_margin(qtbot)
    editor.setPlainText("[\n" + "\n".join("True," for _ in range(2000)) + "\n1]")
    qtbot.waitUntil(lambda: len(controller.margin.problems) == 1000, timeout=30000)
    assert sorted(controller.margin._line_tops())[:2] == [2, 3]
    assert max(controller.margin._line_tops()) < 60
    editor.verticalScrollBar().setValue(500)
    qtbot.waitUntil(lambda: min(controller.margin._line_tops(), default=0) > 400, timeout=30000)


def test_a_problem_wraps_beside_its_fix_button_never_under_it(qtbot):
    from PySide6.QtWidgets import QLabel

    editor, controller = make(qtbot, '{"recipient": 79990000000, "body": "Тест"}')
    problems = controller.panel.list
    problems.resize(320, 200)
    problems.show()
    qtbot.waitUntil(lambda: problems.count() > 0, timeout=30000)
    row = problems.itemWidget(problems.item(0))
    words, button = row.findChild(QLabel), row.findChild(QPushButton, "fix")
    qtbot.waitUntil(lambda: words.geometry().right() < button.geometry().left(), timeout=30000)
    # The row is as tall as its wrapped words, and the list no taller than its rows.
    assert problems.item(0).sizeHint().height() >= words.heightForWidth(words.width())
    assert problems.sizeHint().height() <= problems.item(0).sizeHint().height() * problems.count() + 2 * problems.frameWidth()
