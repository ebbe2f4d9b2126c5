"""What the editor shows and whether it is saved: Save / Save as, the "•" marks, the leave prompt and crash drafts."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from desktop.core.collection import FormatError, Item, read_request
from desktop.core.drafts import Drafts
from desktop.core.models import Request
from desktop.core.store import Store, StoreError, check_name, check_request_name
from desktop.i18n import _

DRAFT_DELAY_MS = 700
NEW_KEY = "new"
DOC_PREFIX = "doc:"


class EditorSession(QObject):
    """Tracks the open request: its file in a client (or none), its clean state, and its draft."""

    opened = Signal(object)  # the client (str) whose request is now open, or None
    saved = Signal(object)  # the file written (Path)
    saved_into_client = Signal(str)  # Save as put the request into this client (the environment does not change)
    state_changed = Signal()

    def __init__(self, window, store: Store, drafts: Drafts):
        super().__init__(window)
        self.window = window
        self.store = store
        self.drafts = drafts
        self.path: Path | None = None  # the file in a client; None for a documentation copy or a new request
        self.client: str | None = None
        self.doc_path: Path | None = None  # the documentation file the editor started from
        self.name = ""
        self.meta: dict[str, Any] = {}
        self.clean: dict[str, Any] = {}
        self.dirty = False
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.write_draft)

        # The window asks before another request replaces the open one, and says when it did.
        window.leave_guard = self.confirm_leave
        window.opened.connect(self._opened)
        window.edited.connect(self._edited)
        window.installEventFilter(self)
        self.clean = self._snapshot()
        self._show_state()

    # ---- what is open ---------------------------------------------------------------------------

    def draft_key(self) -> str:
        if self.path is not None:
            return str(self.path)
        if self.doc_path is not None:
            return DOC_PREFIX + str(self.doc_path)
        return NEW_KEY

    def open(self, item: Item, draft: Request | None = None) -> None:
        """Open `item` without asking (the caller did), then put its unsaved draft over it."""
        self.window.open_item(item)
        if draft is not None:
            self.window.load_model(draft)
            self._edited()

    def _opened(self, item: Item | None) -> None:
        """Another request is on screen (the window opened it): its file, client and clean state."""
        if self.path is not None:
            # The one left was saved or discarded first (confirm_leave); the window's loading of the new one into
            # the panels reached _edited while this path was still the old file's and marked it unsaved.
            self.window.sidebar.mark_unsaved(self.path, False)
        client = self._client_of(item.path) if item is not None else None
        self.path = item.path if client else None
        self.doc_path = item.path if item is not None and not client else None
        self.client = client
        self.name = item.request.name if item is not None else self.window.session.name
        self.meta = dict(item.meta) if item is not None else {}
        # An untouched paste or history entry loses nothing when replaced: it counts as unsaved once edited.
        self.clean = self._snapshot()
        self.dirty = False
        self.opened.emit(client)
        self._edited()

    def open_request(self, request: Request) -> None:
        """Show a request that has no file (from the history); it is new until saved."""
        if self.confirm_leave():
            self.window.open_request(request, request.name or _("New request"))

    def take_over(self, other: EditorSession) -> None:
        """A rebuilt window (language switch) continues the same file, name and unsaved state."""
        self.path, self.client, self.doc_path = other.path, other.client, other.doc_path
        # The window already holds the name in the new language (a documented request's name is localized).
        self.name, self.meta, self.clean = self.window.session.name or other.name, dict(other.meta), other.clean
        other.draft_timer.stop()
        self._edited()

    def relocate(self, old: Path, new: Path, client: str | None = None) -> None:
        """A rename, move or client rename changed where the open file lives."""
        if self.path is None:
            return
        if self.path == old or old in self.path.parents:
            self.path = new / self.path.relative_to(old) if self.path != old else new
            self.client = client or self._client_of(self.path)
            self._show_state()

    def forget(self, gone: Path) -> None:
        """The open file (or its folder) was deleted: what is on screen becomes unsaved."""
        if self.path is not None and (self.path == gone or gone in self.path.parents):
            self.path = None
            self.client = None
            self.clean = {}
            self._edited()

    def _client_of(self, path: Path) -> str | None:
        try:
            return self.store.client_of(path)
        except StoreError:
            return None

    # ---- changes --------------------------------------------------------------------------------

    def _snapshot(self) -> dict[str, Any]:
        return self.window.to_model().to_dict()

    def _edited(self, *_args) -> None:
        dirty = self._snapshot() != self.clean
        if dirty or self.dirty:
            self.draft_timer.start()
        if dirty != self.dirty:
            self.dirty = dirty
        self._show_state()

    def _show_state(self) -> None:
        where = self.client or (_("Documentation") if self.doc_path is not None else _("not saved"))
        name = self.name or _("New request")
        mark = "• " if self.dirty else ""
        self.window.setWindowTitle(f"{mark}{name} — {where} — Wappi Desk")
        self.window.setWindowModified(False)
        self.window.sidebar.mark_unsaved(self.path, self.dirty)
        self.state_changed.emit()

    def write_draft(self) -> None:
        """Keep the unsaved state on disk (a crash loses at most the last moment of typing)."""
        self.draft_timer.stop()
        try:
            if self.dirty:
                request = self.window.to_model()
                request.name = self.name
                self.drafts.save(self.draft_key(), request, {"name": self.name})
            else:
                self.drafts.discard(self.draft_key())
        except OSError:
            pass  # a draft is a safety net; the real save reports its own errors

    def discard(self) -> None:
        """Drop the unsaved changes' draft and forget they were there (the editor keeps its text)."""
        self.draft_timer.stop()
        self.drafts.discard(self.draft_key())
        self.clean = self._snapshot()
        self.dirty = False
        self._show_state()

    def restore_draft(self) -> bool:
        """After a crash (or a close that kept a draft): put the newest unsaved state back on screen."""
        drafts, _problems = self.drafts.restore()
        if not drafts:
            return False
        draft = drafts[-1]
        for older in drafts[:-1]:
            self.drafts.discard(older.key)
        key = draft.key
        item = None
        path = Path(key[len(DOC_PREFIX):]) if key.startswith(DOC_PREFIX) else Path(key) if key != NEW_KEY else None
        if path is not None and path.is_file():
            try:
                request, meta = read_request(path)
                item = Item(path, request, meta)
            except FormatError:
                item = None
        if item is not None:
            self.open(item, draft=draft.request)
        else:
            self.drafts.discard(key)
            self.open_request(draft.request)
            self.clean = {}  # restored work that belongs to no file is unsaved
        self.name = draft.meta.get("name") or self.name
        self._edited()
        self.write_draft()
        self.window.statusBar().showMessage(_("Unsaved changes from the last session were restored."), 15000)
        return True

    # ---- asking and saving ----------------------------------------------------------------------

    def confirm_leave(self) -> bool:
        """True when the editor may show something else: saved, discarded, or nothing to lose."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self.window,
            _("Unsaved changes"),
            _("«{name}» has changes that are not saved. Save them before leaving?").format(name=self.name or _("New request")),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard()
            return True
        return False

    def save(self) -> bool:
        """Ctrl+S: into the open client file; a documentation copy or a new request asks where (Save as)."""
        if self.path is None or self.client is None:
            return self.save_as()
        request = self.window.to_model()
        request.name = self.name
        try:
            written = self.store.save(self.client, request, path=self.path)
        except (StoreError, OSError) as exc:
            self._complain(exc)
            return False
        old_key = self.draft_key()
        self.path = written
        self._saved(old_key, written)
        return True

    def save_as(self) -> bool:
        dialog = SaveAsDialog(self.window, self.store, self.client, self.name or _("New request"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.save_into(dialog.client(), dialog.name())

    def save_into(self, client: str, name: str) -> bool:
        """Save what is on screen as a new request of `client` (made if missing)."""
        try:
            name = check_request_name(name)
            existing = {c.casefold(): c for c in self.store.clients()}
            if client.strip().casefold() in existing:
                client = existing[client.strip().casefold()]
            else:
                client = self.store.create_client(client).name
            request = self.window.to_model()
            request.name = name
            meta = {k: v for k, v in self.meta.items() if k != "names"}  # a typed name replaces the localized pair
            written = self.store.save(client, request, meta)
        except (StoreError, OSError) as exc:
            self._complain(exc)
            return False
        old_key = self.draft_key()
        self.path, self.client, self.doc_path, self.name, self.meta = written, client, None, name, meta
        self.window.session.name = name
        self._saved(old_key, written)
        self.saved_into_client.emit(client)
        return True

    def _saved(self, old_key: str, written: Path) -> None:
        self.drafts.discard(old_key)
        self.drafts.discard(self.draft_key())
        self.clean = self._snapshot()
        self.dirty = False
        self.saved.emit(written)
        self._show_state()
        self.window.statusBar().showMessage(_("Saved in «{client}».").format(client=self.client), 5000)

    def _complain(self, exc: Exception) -> None:
        text = str(exc) if isinstance(exc, StoreError) else _("The file could not be written ({reason}). Check the data folder in Settings.").format(
            reason=getattr(exc, "strerror", None) or str(exc)
        )
        QMessageBox.warning(self.window, _("Not saved"), text)

    # ---- closing the window ---------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            if self.dirty and self.path is not None and not self.confirm_leave():
                event.ignore()
                return True
            # Unsaved work that belongs to no client is kept as a draft and comes back next start.
            self.write_draft()
        return False


class SaveAsDialog(QDialog):
    """Which client, and under what name; the store's own words say what is wrong before OK is allowed."""

    def __init__(self, parent, store: Store, client: str | None, name: str):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Save as"))
        self.client_box = QComboBox()
        self.client_box.setEditable(True)
        self.client_box.addItems(store.clients())
        self.client_box.setToolTip(_("Pick a client, or type a new client's name"))
        if client:
            self.client_box.setCurrentText(client)
        elif not store.clients():
            self.client_box.setCurrentText("")
        self.name_edit = QLineEdit(name)
        self.problem = QLabel()
        self.problem.setObjectName("nameProblem")
        self.problem.setStyleSheet("color: #b42318;")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(_("Client:"), self.client_box)
        form.addRow(_("Request name:"), self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.client_box.editTextChanged.connect(self.check)
        self.name_edit.textChanged.connect(self.check)
        self.resize(420, self.sizeHint().height())
        self.check()

    def client(self) -> str:
        return self.client_box.currentText().strip()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def check(self) -> None:
        problem = ""
        try:
            if self.client().casefold() not in {c.casefold() for c in self.store.clients()}:
                if not self.client():
                    raise StoreError(_("Choose a client, or type a new client's name."))
                check_name(self.client())
            check_request_name(self.name())
        except StoreError as exc:
            problem = str(exc)
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)
