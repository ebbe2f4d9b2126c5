"""JSON colours: every line of a small view, and in the body editor only the lines in view, the rest as they scroll in."""
from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from desktop.core.models import Body
from desktop.ui.body_editor import BodyEditor
from desktop.ui.json_highlighter import JsonHighlighter

RECORDS = "[\n" + ",\n".join('  {"name": "Иван %d", "active": true}' % i for i in range(5000)) + "\n]"


def coloured(block) -> bool:
    return bool(block.layout().formats())


def test_without_a_view_every_line_is_coloured(qtbot):
    view = QPlainTextEdit()
    qtbot.addWidget(view)
    JsonHighlighter(view.document())
    view.setPlainText(RECORDS)
    document = view.document()
    assert coloured(document.findBlockByNumber(1)) and coloured(document.findBlockByNumber(4999))


def test_the_body_editor_colours_the_lines_in_view_then_those_scrolled_to(qtbot):
    body = BodyEditor()
    qtbot.addWidget(body)
    body.resize(600, 400)
    body.show()
    body.load_model(Body("json", RECORDS, {}))
    qtbot.waitExposed(body, timeout=30000)
    document = body.editor.document()
    qtbot.waitUntil(lambda: coloured(document.findBlockByNumber(1)), timeout=30000)
    assert not coloured(document.findBlockByNumber(4000))
    bar = body.editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: coloured(document.findBlockByNumber(4999)), timeout=30000)
    assert sum(coloured(document.findBlockByNumber(n)) for n in range(5001)) < 1000
