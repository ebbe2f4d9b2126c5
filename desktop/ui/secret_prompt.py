"""The keyring as the window uses it: when it is unavailable, the agent is asked once what to do, never silently."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.secrets import KeyringUnavailable, SecretStore
from desktop.i18n import _


class GuardedSecrets:
    """get/set/delete over a SecretStore; a KeyringUnavailable becomes a question: try again, or this session only."""

    def __init__(self, store: SecretStore, parent: Callable[[], QWidget | None], known: Callable[[str, str], bool]):
        self.store = store
        self.parent = parent
        # Values the app already holds in memory for this run (the sandbox's demo token) need no keyring.
        self.known = known
        self.declined = False

    def _ask(self, error: KeyringUnavailable) -> bool:
        """True when the agent chose a way to go on (the keyring works again, or session memory)."""
        if self.declined:
            return False
        while True:
            box = QMessageBox(self.parent())
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(_("The password store is not available"))
            box.setText(error.message)
            retry = box.addButton(_("Try again"), QMessageBox.ButtonRole.AcceptRole)
            session = box.addButton(_("Keep for this session only"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            clicked = box.clickedButton()
            if clicked is session:
                self.store.use_session_memory()
                return True
            if clicked is not retry:
                self.declined = True
                return False
            status = self.store.recheck()
            if status.ok:
                return True
            error = KeyringUnavailable(status.reason, status.message)

    def _guarded(self, call: Callable[[], object], default=None):
        try:
            return call()
        except KeyringUnavailable as error:
            if self._ask(error):
                try:
                    return call()
                except KeyringUnavailable:
                    return default
            return default

    def get(self, environment: str, name: str) -> str | None:
        if self.known(environment, name):
            try:
                return self.store.get(environment, name)
            except KeyringUnavailable:
                return None
        return self._guarded(lambda: self.store.get(environment, name))

    lookup = get

    def set(self, environment: str, name: str, value: str) -> None:
        self._guarded(lambda: self.store.set(environment, name, value))

    def delete_environment(self, environment: str, names) -> None:
        self._guarded(lambda: self.store.delete_environment(environment, list(names)))
