"""Keyring backends for tests, written to keyring's documented KeyringBackend interface; they never touch disk."""
from __future__ import annotations

import threading

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringError, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """A dict behind get_password / set_password / delete_password, like a real keyring without the OS."""

    # Not viable: keyring.get_keyring() must never pick a test backend for the app.
    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test-only backend")

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise PasswordDeleteError("Password not found")
        del self.entries[(service, username)]


class BrokenKeyring(MemoryKeyring):
    """Raises on every call, like a keyring that refuses access."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("access denied")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("access denied")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("access denied")


class HangingKeyring(MemoryKeyring):
    """Blocks every call until `release` is set, like a locked Secret Service waiting on a prompt."""

    def __init__(self):
        super().__init__()
        self.release = threading.Event()
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        self.release.wait(30)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        self.release.wait(30)
        super().set_password(service, username, password)
