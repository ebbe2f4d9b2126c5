"""Paste what the client sent (cURL, raw HTTP, a URL) into the panels; copy the request as cURL or raw HTTP."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.models import Request
from desktop.core.paste import ParseResult, PasteError
from desktop.core.sender import filled
from desktop.i18n import _
from desktop.ui.workers import run_task


# The cURL and HTTP readers and writers load at the first paste or copy: the window's start does without them.


def as_curl(request: Request, masking: bool, secrets, style: str = "bash") -> str:
    from desktop.core.curl import to_curl

    return to_curl(request, mask_secrets=masking, secrets=secrets, style=style)


def as_http(request: Request, masking: bool, secrets) -> str:
    from desktop.core.httplog import to_http

    return to_http(request, mask_secrets=masking, secrets=secrets)


def _parse_pasted(text: str) -> ParseResult:
    from desktop.core.httplog import parse_pasted

    return parse_pasted(text)


def looks_like_request(text: str) -> bool:
    """A paste that is a whole request rather than an address (pasting it into the URL field imports it)."""
    head = text.lstrip()[:10].lower()
    return head.startswith("curl") or ("\n" in text.strip() and head.split(" ")[0].upper() in
                                       {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})


class ClipboardActions(QObject):
    """The Request menu's paste and copy actions; `open_request(request) -> bool` (the window's) shows a parsed paste."""

    def __init__(self, window, open_request: Callable[[Request], bool]):
        super().__init__(window)
        self.window = window
        self._pasted = ""   # the last paste, read again when the agent picks a file it names
        self.open_request = open_request
        menu = window.request_menu
        first = menu.actions()[0] if menu.actions() else None
        self.paste_action = QAction(_("Import from clipboard (cURL or HTTP)"), window)
        self.paste_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.paste_action.triggered.connect(lambda _checked=False: self.import_text(QGuiApplication.clipboard().text()))
        copy_menu = menu.addMenu(_("Copy as"))
        self.include_secrets = QAction(_("Include the token (unmasked)"), window, checkable=True)
        for label, fn in (
            (_("cURL (bash, macOS, Linux)"), as_curl),
            (_("cURL (Windows cmd)"), lambda r, m, s: as_curl(r, m, s, style="cmd")),
            (_("Raw HTTP"), as_http),
        ):
            action = QAction(label, window)
            action.triggered.connect(lambda _checked=False, f=fn: self.copy(f))
            copy_menu.addAction(action)
        copy_menu.addSeparator()
        copy_menu.addAction(self.include_secrets)
        menu.insertAction(first, self.paste_action)

    def watch(self, field) -> None:
        """Ctrl+V of a whole request into `field` (the address) imports it."""
        field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        # Ctrl+V of a whole cURL command into the URL field imports it instead of flattening it into one line.
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if looks_like_request(text):
                self.import_text(text)
                return True
        return False

    def import_text(self, text: str) -> None:
        """Parse off the GUI thread; the current request stays until the import succeeded."""
        self._pasted = text
        run_task(lambda: _parse_pasted(text), self._imported, self._failed)

    def _pick_missing(self, result: ParseResult) -> ParseResult:
        """Files the command reads that are not on this computer: the agent picks them and the command is read again."""
        picked = {}
        for path in result.missing_files:
            chosen, _filter = QFileDialog.getOpenFileName(
                self.window, _("Choose the file «{file}» from the client's command").format(file=path))
            if chosen:
                picked[path] = chosen
        if not picked:
            return result
        from desktop.core.curl import parse_curl_detailed

        try:
            again = parse_curl_detailed(self._pasted, files=picked)
        except PasteError:
            return result
        again.kind = result.kind
        return again

    def _imported(self, result: ParseResult) -> None:
        if result.missing_files:
            result = self._pick_missing(result)
        if not self.open_request(result.request):
            return
        kinds = {"curl": _("cURL command"), "http": _("HTTP request"), "url": _("address")}
        message = _("Imported from the clipboard: {kind}.").format(kind=kinds.get(result.kind, result.kind))
        self.window.statusBar().showMessage(message, 8000)
        if result.notes:
            QMessageBox.information(
                self.window,
                _("Imported, with notes"),
                _("The request is in the panels. These parts could not be carried over:") + "\n\n"
                + "\n".join(f"• {note}" for note in result.notes),
            )

    def _failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, PasteError) else _("The clipboard text is not a request Wappi Desk understands.")
        QMessageBox.warning(self.window, _("Nothing imported"), text + "\n\n" + _("Your current request was not changed."))

    def copy(self, render) -> str:
        window = self.window
        window.flush_edits()
        request = window.session.request
        values = window.variable_values()
        env = window.active_environment()
        secrets = env.secret_values(values) if env else []
        # Variables are filled in so the command runs as is; secrets stay masked (where they went) unless the
        # agent ticked the switch.
        masking = not self.include_secrets.isChecked()
        resolved, _missing = filled(request, values, secrets if masking else ())
        text = render(resolved, masking, secrets)
        QGuiApplication.clipboard().setText(text)
        window.statusBar().showMessage(_("Copied to the clipboard."), 5000)
        return text
