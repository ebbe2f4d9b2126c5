"""The request body panel: a plain-text editor with JSON colours and a body-kind switch."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.core.models import Body
from desktop.i18n import _
from desktop.ui.json_highlighter import JsonHighlighter


def monospace_font():
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(font.pointSize(), 10))
    return font


class BodyEditor(QWidget):
    edited = Signal()

    KINDS = ("none", "json", "text")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = QComboBox()
        for kind, label in zip(self.KINDS, (_("No body"), "JSON", _("Text"))):
            self.kind.addItem(label, kind)
        self.editor = QPlainTextEdit()
        self.editor.setFont(monospace_font())
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setPlaceholderText('{\n  "recipient": "79990000000",\n  "body": "..."\n}')
        self.editor.setTabStopDistance(self.editor.fontMetrics().horizontalAdvance(" ") * 2)
        self.highlighter = JsonHighlighter(self.editor.document())

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Body type:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        self.toolbar = top  # other panels (fix all, pick a file) add their buttons here
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.editor.textChanged.connect(self.edited)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.highlighter.setDocument(self.editor.document() if kind == "json" else None)
        self.editor.setEnabled(kind != "none")
        self.edited.emit()

    def load_model(self, body: Body) -> None:
        self.editor.setPlainText(body.text)
        index = self.kind.findData(body.kind)
        self.kind.setCurrentIndex(index if index >= 0 else 0)
        self._kind_changed()

    def to_model(self) -> Body:
        return Body(self.kind.currentData(), self.editor.toPlainText())
