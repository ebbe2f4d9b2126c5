"""The request's own options: redirects, the certificate check, headers not sent, and what an import brought along
(a sign-in made at send time, path variables)."""
from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core import auth as signin
from desktop.core.masking import mask
from desktop.core.models import Auth, Request
from desktop.i18n import _
from desktop.ui.key_value_table import KeyValueTable

_VARIABLE = re.compile(r"\{\{[^{}]*\}\}")
# A Postman path variable in an address: a path segment that starts with ":" ("/users/:id").
_PATH_VARIABLE = re.compile(r"(?<!/)/:[A-Za-z_]")


def auth_name(kind: str) -> str:
    """Postman's sign-in kind in the agent's words."""
    names = {
        "basic": _("user name and password (Basic)"),
        "bearer": _("a Bearer token"),
        "apikey": _("an API key"),
        "oauth1": "OAuth 1.0",
        "oauth2": _("an OAuth 2.0 token"),
        "digest": _("user name and password (Digest)"),
        "awsv4": _("an AWS signature"),
        "hawk": "Hawk",
        "edgegrid": "Akamai EdgeGrid",
    }
    return names.get(kind, kind)


def auth_lines(auth: Auth) -> str:
    """What the sign-in adds, one line each: the header or query parameter of a plain one, else its settings.
    A literal secret is masked; {{variables}} are shown as they are."""
    fields = {
        key: value if _VARIABLE.fullmatch(value.strip()) or not signin.is_secret_field(auth.kind, key) else mask(value)
        for key, value in auth.fields.items() if value
    }
    if auth.kind in signin.PLAIN and auth.kind != "basic":  # basic's header is base64 of the password: no use shown
        probe = Request(url="")
        signin.apply(probe, Auth(auth.kind, fields))
        added = [f"{h.name}: {h.value}" for h in probe.headers] + [f"?{p.name}={p.value}" for p in probe.params]
        if added:
            return "\n".join(added)
    return "\n".join(f"{key}: {value}" for key, value in fields.items())


class RequestOptions(QWidget):
    """Two switches and what they mean, and what an import brought along; `edited` fires on every change the agent
    makes. What this panel does not show is still kept: nothing of an opened request is lost by opening it."""

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
        # A sign-in imported from Postman is made when the request is sent (it is not among the headers).
        self.auth = QLabel()
        self.auth.setWordWrap(True)
        self.remove_auth = QPushButton(_("Remove the sign-in"))
        self.remove_auth.setToolTip(_("Send the request without this sign-in (to see what the server says without it)"))
        self.remove_auth.clicked.connect(self._remove_auth)
        auth_row = QHBoxLayout()
        auth_row.addWidget(self.auth, 1)
        auth_row.addWidget(self.remove_auth)
        self.path_title = QLabel(_("Path variables: each :name in the address is replaced by its value when sent"))
        self.path_title.setWordWrap(True)
        self.path_variables = KeyValueTable()
        self.path_variables.edited.connect(self._changed)
        layout = QVBoxLayout(self)
        for widget in (self.follow, self.verify, self.warning, self.omitted):
            layout.addWidget(widget)
        layout.addLayout(auth_row)
        layout.addWidget(self.path_title)
        layout.addWidget(self.path_variables, 1)
        self.stretch = QWidget()  # takes the room the path variables table does not
        layout.addWidget(self.stretch, 1)
        self._omit: list[str] = []
        self._auth: Auth | None = None
        self.load_model(Request())
        self.follow.toggled.connect(self._changed)
        self.verify.toggled.connect(self._changed)

    def load_model(self, request: Request) -> None:
        self.blockSignals(True)
        self.follow.setChecked(request.follow_redirects)
        self.verify.setChecked(request.verify)
        self._omit = list(request.omit_headers)
        self._auth = request.auth
        self.path_variables.load_model(request.path_variables)
        # Shown for the request's whole stay on screen (emptying the table must not hide it under the agent's hands).
        has_path = bool(request.path_variables) or _PATH_VARIABLE.search(request.url) is not None
        for widget in (self.path_title, self.path_variables):
            widget.setVisible(has_path)
        self.stretch.setVisible(not has_path)
        self.blockSignals(False)
        self._show()

    def to_model(self) -> dict[str, Any]:
        """The options as Request fields: `Request(**other_fields, **options.to_model())`."""
        return {
            "verify": self.verify.isChecked(),
            "follow_redirects": self.follow.isChecked(),
            "omit_headers": list(self._omit),
            "auth": self._auth,
            "path_variables": self.path_variables.to_model(),
        }

    def title(self) -> str:
        """The tab's title: it carries the warning, so an unchecked certificate is seen without opening the tab, and
        says when the request signs in from here (nothing among the headers shows it)."""
        if not self.verify.isChecked():
            return _("Options ⚠")
        return _("Options · sign-in") if self._auth is not None else _("Options")

    def _changed(self) -> None:
        self._show()
        self.edited.emit()

    def _show(self) -> None:
        self.warning.setVisible(not self.verify.isChecked())
        self.omitted.setText(
            _("Not sent, as in the client's command: {names}").format(names=", ".join(self._omit)) if self._omit else ""
        )
        self.omitted.setVisible(bool(self._omit))
        if self._auth is not None:
            self.auth.setText(_("When sent, the request signs in with {kind}, as set in the client's Postman collection:").format(
                kind=auth_name(self._auth.kind)) + "\n" + auth_lines(self._auth))
        self.auth.setVisible(self._auth is not None)
        self.remove_auth.setVisible(self._auth is not None)

    def _remove_auth(self) -> None:
        self._auth = None
        self._changed()
