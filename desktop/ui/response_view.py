"""The response panel: a coloured status badge with its meaning, time and size, the body and the headers."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.bodyformat import render
from desktop.core.errors import SendError
from desktop.core.models import Response
from desktop.core.statuses import meaning, status_class
from desktop.i18n import _
from desktop.ui.body_editor import monospace_font
from desktop.ui.json_highlighter import JsonHighlighter

BADGE_COLOURS = {
    "success": "#1a7f37",
    "redirect": "#0969da",
    "client-error": "#bf4b00",
    "server-error": "#cf222e",
    "info": "#57606a",
    "error": "#cf222e",
    "waiting": "#57606a",
}


def human_size(size: int) -> str:
    if size < 1024:
        return _("{n} B").format(n=size)
    if size < 1024 * 1024:
        return _("{n} KB").format(n=f"{size / 1024:.1f}")
    return _("{n} MB").format(n=f"{size / 1024 / 1024:.1f}")


class ResponseView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.badge = QLabel()
        self.badge.setObjectName("statusBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setMinimumWidth(90)
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        self.meaning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stats = QLabel()
        self.stats.setObjectName("responseStats")

        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(self.meaning, 1)
        top.addWidget(self.stats)

        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setFont(monospace_font())
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.highlighter = JsonHighlighter(None)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("bodyNote")
        self.note.hide()
        body_page = QWidget()
        body_layout = QVBoxLayout(body_page)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.note)
        body_layout.addWidget(self.body, 1)

        self.headers = QTableWidget(0, 2)
        self.headers.setHorizontalHeaderLabels([_("Name"), _("Value")])
        self.headers.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.headers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.headers.verticalHeader().setVisible(False)
        self.headers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.tabs = QTabWidget()
        self.tabs.addTab(body_page, _("Body"))
        self.tabs.addTab(self.headers, _("Headers"))

        self.error = QLabel()
        self.error.setObjectName("sendError")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setMargin(12)

        self.placeholder = QLabel(_("Press «Send» (Ctrl+Enter) and the server's answer appears here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("placeholder")

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.error)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.response: Response | None = None
        self.clear()

    def _set_badge(self, text: str, kind: str) -> None:
        self.badge.setText(text)
        self.badge.setStyleSheet(
            f"QLabel#statusBadge {{ background: {BADGE_COLOURS[kind]}; color: white; border-radius: 4px;"
            " padding: 4px 10px; font-weight: bold; }"
        )
        self.badge.setVisible(bool(text))

    def clear(self) -> None:
        self.response = None
        self._set_badge("", "info")
        self.meaning.setText("")
        self.stats.setText("")
        self.stack.setCurrentWidget(self.placeholder)

    def show_waiting(self, timeout: float) -> None:
        self._set_badge(_("Sending…"), "waiting")
        self.meaning.setText(_("Waiting for the server (gives up after {seconds} s).").format(seconds=f"{timeout:g}"))
        self.stats.setText("")

    def show_response(self, response: Response) -> None:
        self.response = response
        self._set_badge(f"{response.status} {response.reason}".strip(), status_class(response.status))
        self.meaning.setText(meaning(response.status))
        self.stats.setText(
            _("{ms} ms · {size}").format(ms=f"{response.elapsed_ms:.0f}", size=human_size(response.size))
        )
        rendered = render(response)
        notes = [rendered.note] if rendered.note else []
        if response.truncated:
            notes.append(_("The answer was too large and was cut at {size}.").format(size=human_size(response.size)))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self.highlighter.setDocument(self.body.document() if rendered.kind == "json" else None)
        self.body.setPlainText(rendered.text)
        self.headers.setRowCount(0)
        for name, value in response.headers:
            row = self.headers.rowCount()
            self.headers.insertRow(row)
            self.headers.setItem(row, 0, QTableWidgetItem(name))
            self.headers.setItem(row, 1, QTableWidgetItem(value))
        self.stack.setCurrentWidget(self.tabs)

    def show_error(self, error: SendError) -> None:
        self.response = None
        self._set_badge(_("No answer") if error.code != "unresolved-variables" else _("Not sent"), "error")
        self.meaning.setText(error.message)
        self.stats.setText("")
        self.error.setText(f"<p><b>{_escape(error.message)}</b></p><p>{_escape(error.next_step)}</p>")
        self.stack.setCurrentWidget(self.error)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
