"""The lines on screen are the ones Qt's own hit-test names, long wrapped lines included."""
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPlainTextEdit

from desktop.ui.visible_lines import last_visible_line, visible_blocks


def _editor(qtbot, text: str) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.resize(400, 300)
    editor.setPlainText(text)
    editor.show()
    qtbot.waitExposed(editor, timeout=30000)
    return editor


def _hit_test_last(editor: QPlainTextEdit) -> int:
    return editor.cursorForPosition(QPoint(0, editor.viewport().height())).blockNumber()


def test_the_last_line_in_view_is_the_one_under_the_bottom_edge(qtbot):
    editor = _editor(qtbot, "\n".join(f"line {n}" for n in range(200)))
    for scrolled_to in (0, 57, 180):
        editor.verticalScrollBar().setValue(scrolled_to)
        assert last_visible_line(editor) == _hit_test_last(editor)
        numbers = [block.blockNumber() for block in visible_blocks(editor)]
        assert numbers == list(range(scrolled_to, numbers[-1] + 1)) and numbers[-1] == last_visible_line(editor)


def test_a_long_wrapped_line_fills_the_view_and_is_the_only_line_seen(qtbot):
    editor = _editor(qtbot, '{\n  "b64_file": "' + "QUJD" * 20_000 + '"\n}')
    editor.verticalScrollBar().setValue(1)
    assert last_visible_line(editor) == _hit_test_last(editor) == 1
    assert [block.blockNumber() for block in visible_blocks(editor)] == [1]
