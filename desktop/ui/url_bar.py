"""The URL panel: method, address and the Send/Cancel button on one line."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.core.models import METHODS
from desktop.i18n import _
from desktop.ui.style import named


class UrlBar(QWidget):
    send_clicked = Signal()
    cancel_clicked = Signal()
    url_edited = Signal(str)
    method_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.method = QComboBox()
        self.method.addItems(METHODS)
        named(self.method, "methodBox")
        self.method.setToolTip(_("Method: GET reads, POST sends data"))
        self.url = QLineEdit()
        named(self.url, "urlEdit")
        self.url.setPlaceholderText("https://wappi.pro/api/sync/get/status?profile_id={{profile_id}}")
        self.url.setClearButtonEnabled(True)
        self.button = QPushButton(_("Send"))
        named(self.button, "sendButton")
        self.button.setToolTip(_("Send the request (Ctrl+Enter)"))
        self.busy = False

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.method)
        layout.addWidget(self.url, 1)
        layout.addWidget(self.button)

        self.button.clicked.connect(self._clicked)
        self.url.textEdited.connect(self.url_edited)
        self.method.currentTextChanged.connect(self.method_changed)

    def _clicked(self) -> None:
        (self.cancel_clicked if self.busy else self.send_clicked).emit()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.button.setText(_("Cancel") if busy else _("Send"))
        self.button.setProperty("busy", busy)
        self.button.style().unpolish(self.button)
        self.button.style().polish(self.button)
        self.button.setToolTip(_("Stop waiting for the answer (Esc)") if busy else _("Send the request (Ctrl+Enter)"))
