"""The body editor with a megabyte line: typing elsewhere keeps its layout, chips and underlines live side by side."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from desktop.core.models import Body
from desktop.ui.body_editor import LONG_LINE, BodyEditor
from desktop.ui.lint_view import attach

LONG = '{\n  "recipient": "79990001122",\n  "caption": "Фото",\n  "b64_file": "' + "QUJD" * 20_000 + '"\n}'


def make(qtbot, text: str, rules=None):
    body = BodyEditor()
    qtbot.addWidget(body)
    controller = attach(body.editor, lambda: rules)
    body.layout().addWidget(controller.panel)
    body.editor_row.insertWidget(0, controller.margin)
    body.resize(700, 500)
    body.show()
    body.load_model(Body("json", text, {}))
    qtbot.waitExposed(body, timeout=30000)
    return body, controller


def test_typing_above_a_long_line_keeps_its_layout(qtbot):
    body, _controller = make(qtbot, LONG)
    editor = body.editor
    long_line = editor.document().findBlockByNumber(3)
    qtbot.waitUntil(lambda: long_line.layout().lineCount() > 1, timeout=30000)
    cursor = editor.textCursor()
    cursor.setPosition(LONG.index("Фото"))
    editor.setTextCursor(cursor)
    for key in "abc":
        qtbot.keyClick(editor, key)
        # The highlighter recoloured the caption line; the long line below was not thrown away.
        assert long_line.layout().lineCount() > 1
    assert '"caption": "abcФото"' in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a new line still lays out what it touched
    assert editor.document().blockCount() == 6 and long_line.layout().lineCount() > 1


def test_long_visible_lines_keep_their_glyphs_and_wrap(qtbot):
    body, _controller = make(qtbot, LONG)
    editor = body.editor
    document = editor.document()
    assert document.findBlockByNumber(3).length() > LONG_LINE
    qtbot.waitUntil(lambda: document.findBlockByNumber(3).layout().cacheEnabled(), timeout=30000)  # once painted
    assert not document.findBlockByNumber(1).layout().cacheEnabled()
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth


def test_placeholder_chips_and_lint_underlines_keep_each_other(qtbot):
    text = '{"recipient": 79990001122, "b64_file": "{{file:photo.jpg}}"}'
    body, controller = make(qtbot, text)
    qtbot.waitUntil(lambda: [p.code for p in controller.problems] == ["phone-as-number"], timeout=30000)

    def kinds():
        return sorted("underline" if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
                      else "chip" for s in body.editor.extraSelections())

    assert kinds() == ["chip", "underline"]
    cursor = body.editor.textCursor()
    cursor.setPosition(len(text) - 1)
    body.editor.setTextCursor(cursor)
    qtbot.keyClick(body.editor, Qt.Key.Key_Space)  # chips are marked again on this line, the underline stays
    assert kinds() == ["chip", "underline"]
    qtbot.waitUntil(lambda: controller.problems and controller.problems[0].end == text.index(","), timeout=30000)
    assert kinds() == ["chip", "underline"]


def test_a_placeholder_typed_on_any_line_becomes_a_chip(qtbot):
    body, _controller = make(qtbot, '{\n  "a": "x",\n  "b": ""\n}')
    cursor = body.editor.textCursor()
    cursor.setPosition(len('{\n  "a": "x",\n  "b": "'))
    body.editor.setTextCursor(cursor)
    qtbot.keyClicks(body.editor, "{{file:a.png}}")
    chips = [s for s in body.editor.extraSelections() if s.format.background().color().name() == "#ddf4ff"]
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in chips] == [(22, 36)]
