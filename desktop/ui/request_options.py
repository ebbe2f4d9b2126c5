"""The request's own transport options: follow redirects, check the certificate (warned when off), headers not sent."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from desktop.core.models import Request
from desktop.i18n import _


class RequestOptions(QWidget):
    """Two switches and what they mean; `edited` fires on every change the agent makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.follow = QCheckBox(_("Follow redirects (like curl -L)"))
        self.follow.setToolTip(_("When the server answers 301, 302, 303, 307 or 308, send the request again to the new address. "
                                 "Nothing that carries a secret goes to another host."))
        self.verify = QCheckBox(_("Check the server's certificate"))
        self.warning = QLabel(_("The certificate is not checked (curl -k): anyone between this computer and the server could "
                                "read the token. Turn the check back on unless the client's server really has no valid certificate."))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.omitted = QLabel()
        self.omitted.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.follow, self.verify, self.warning, self.omitted):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._omit: list[str] = []
        self.load_model(Request())
        self.follow.toggled.connect(self._changed)
        self.verify.toggled.connect(self._changed)

    def load_model(self, request: Request) -> None:
        self.blockSignals(True)
        self.follow.setChecked(request.follow_redirects)
        self.verify.setChecked(request.verify)
        self._omit = list(request.omit_headers)
        self.blockSignals(False)
        self._show()

    def to_model(self) -> dict[str, Any]:
        """The options as Request fields: `Request(**other_fields, **options.to_model())`."""
        return {"verify": self.verify.isChecked(), "follow_redirects": self.follow.isChecked(), "omit_headers": list(self._omit)}

    def title(self) -> str:
        """The tab's title: it carries the warning, so an unchecked certificate is seen without opening the tab."""
        return _("Options") if self.verify.isChecked() else _("Options ⚠")

    def _changed(self) -> None:
        self._show()
        self.edited.emit()

    def _show(self) -> None:
        self.warning.setVisible(not self.verify.isChecked())
        self.omitted.setText(
            _("Not sent, as in the client's command: {names}").format(names=", ".join(self._omit)) if self._omit else ""
        )
        self.omitted.setVisible(bool(self._omit))
