"""The reply to the client, shown for reading and editing before it is copied."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from desktop.i18n import _


class ReplyPreview(QDialog):
    """An editable reply about one request; «Copy» puts the text as edited on the clipboard."""

    def __init__(self, parent, text: str, request_name: str, about: str = ""):
        """`about`: what the reply is about, when it is not a request (a webhook check)."""
        super().__init__(parent)
        self.setWindowTitle(_("Reply to the client"))
        about = QLabel(about or _("About the request «{name}». Read it, change it if needed, then copy it into the chat with the client.").format(
            name=request_name or _("New request")))
        about.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setObjectName("replyText")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.copy_button = self.buttons.addButton(_("Copy and close"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 380)

    def text(self) -> str:
        return self.editor.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        parent = self.parent()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(_("The reply is copied: paste it into the chat with the client."), 8000)
        self.accept()
