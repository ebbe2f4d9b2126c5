"""Secret variable values in the OS keyring only: bounded keyring calls, plain-word failures, masking, paste hygiene.

Keyring naming
--------------
Every secret is one keyring entry with the service name ``wappi-desk`` and the username
``<environment>/<variable>``, e.g. ``ООО Ромашка/token`` or ``sandbox/token``. Environment (client) names may
themselves contain '/', so both parts are escaped before joining: '%' becomes ``%25`` and '/' becomes ``%2F``
(nothing else changes, so the names stay readable in Seahorse, KWallet, Credential Manager or Keychain Access).
The single literal '/' in a username is therefore always the separator: ``a/b`` + ``token`` is ``a%2Fb/token``.

Where secrets go when there is no keyring
------------------------------------------
Nowhere, unless the agent agrees: ``status()`` explains in plain words what to install or unlock, and the app
may call ``use_session_memory()`` only after the agent accepts to keep secrets for this session, in memory.
Nothing is ever written to a file, and file-based ``keyrings.alt`` backends (plain text) are refused.

Per platform
------------
Windows: Credential Manager (always present; an access refusal is reported). macOS: the login Keychain (a
locked keychain or a refused access prompt is reported). Linux: the Secret Service of GNOME Keyring or
KWallet; a headless machine without one, or a locked one whose unlock prompt cannot appear, is reported with
what to install or unlock.

Hanging keyrings
----------------
A D-Bus session whose Secret Service daemon is locked (or cannot show its unlock prompt) makes keyring wait
for about 120 s. Every backend call therefore runs in a daemon thread and is waited for at most ``timeout``
seconds. After a timeout or any other failure the store reports the keyring unavailable until ``recheck()``
(the agent's "Try again"), so the app shows one clear message instead of a string of errors or waits.
"""
from __future__ import annotations

import re

import json
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote, quote_plus

from desktop.i18n import _

SERVICE = "wappi-desk"
# A fixed mask reveals neither characters nor length; the agent tells tokens apart by variable and client name.
MASK = "••••••"
PROBE_USERNAME = "__wappi_desk_probe__"

T = TypeVar("T")


def username(environment: str, name: str) -> str:
    """The keyring username of variable `name` in `environment` (see the module docstring)."""
    return f"{_escape(environment)}/{_escape(name)}"


def split_username(value: str) -> tuple[str, str]:
    """The (environment, variable) a keyring username was made from."""
    environment, _sep, name = value.partition("/")
    return _unescape(environment), _unescape(name)


def _escape(part: str) -> str:
    return part.replace("%", "%25").replace("/", "%2F")


def _unescape(part: str) -> str:
    return part.replace("%2F", "/").replace("%2f", "/").replace("%25", "%")


@dataclass(frozen=True)
class Availability:
    """Where secrets are kept now: "keyring", "session" (memory, agreed by the agent) or "none"."""

    where: str
    backend: str = ""
    reason: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.where != "none"


class KeyringUnavailable(Exception):
    """The keyring cannot be used now; `message` says in plain words what to install or unlock."""

    def __init__(self, reason: str, message: str, detail: str = ""):
        super().__init__(message)
        self.reason = reason
        self.message = message
        # The exception class name only: a backend's error text is not shown to agents.
        self.detail = detail


def unavailable_message(reason: str, platform: str | None = None, seconds: float = 5.0) -> str:
    """Plain words for a keyring that cannot be used, with what to do next on this platform."""
    platform = platform or sys.platform
    if reason == "timeout":
        head = _("The system keyring did not answer within {seconds} seconds. It is probably locked.").format(
            seconds=f"{seconds:g}"
        )
    elif reason == "plaintext":
        head = _("The only keyring found keeps secrets as plain text in a file, so Wappi Desk does not use it.")
    elif reason == "locked":
        head = _("The system keyring is locked.")
    elif reason == "refused":
        head = _("The system keyring refused to store or read the token.")
    else:
        head = _("No system keyring is available to keep tokens safely.")
    if platform.startswith("win"):
        advice = _(
            "Make sure Windows Credential Manager is running (the Credential Manager service) and that your "
            "account is allowed to use it, then press Try again."
        )
    elif platform == "darwin":
        advice = _(
            "Unlock the login keychain in Keychain Access and allow Wappi Desk to use it when macOS asks, "
            "then press Try again."
        )
    else:
        advice = _(
            "Install and start GNOME Keyring (package gnome-keyring) or KWallet, unlock it (logging in to the "
            "desktop usually does this), then press Try again."
        )
    session = _(
        "Until then Wappi Desk can keep tokens for this session only, in memory: they are forgotten when "
        "the app closes and are never written to a file."
    )
    return f"{head} {advice} {session}"


def _is_plaintext(backend: Any) -> bool:
    return type(backend).__module__.startswith("keyrings.alt")


def _backend_problem(backend: Any) -> str:
    """A reason code when `backend` cannot keep secrets safely, or "" when it looks usable."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return "no_backend"
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        if not members:
            return "no_backend"
        # The chainer writes to its first member, which might be a plain-text file.
        if any(_is_plaintext(member) for member in members):
            return "plaintext"
        return ""
    if _is_plaintext(backend):
        return "plaintext"
    return ""


def _backend_name(backend: Any) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


class SecretStore:
    """Secret values by (environment, variable): the OS keyring, or this session's memory if the agent agreed."""

    def __init__(self, backend: Any = None, timeout: float = 5.0, platform: str | None = None):
        self._backend = backend
        self.timeout = timeout
        self.platform = platform or sys.platform
        self._session: dict[tuple[str, str], str] | None = None
        self._status: Availability | None = None
        self._hung: threading.Thread | None = None

    # --- availability -------------------------------------------------------------------------------

    def status(self) -> Availability:
        """Where secrets go now; the first call probes the keyring (bounded by `timeout`)."""
        if self._session is not None:
            return Availability("session", reason="session", message=self._session_message())
        if self._status is None:
            try:
                backend = self._usable_backend()
                self._call(lambda: backend.get_password(SERVICE, PROBE_USERNAME))
                self._status = Availability("keyring", _backend_name(backend))
            except KeyringUnavailable as exc:
                self._status = Availability("none", self._safe_name(), exc.reason, exc.message)
        return self._status

    def recheck(self) -> Availability:
        """Probe the keyring again (after the agent unlocked or installed one); leaves session mode."""
        self._status = None
        self._session = None
        return self.status()

    def use_session_memory(self) -> None:
        """Keep secrets in memory for this session only. Call it only after the agent accepted."""
        if self._session is None:
            self._session = {}

    @property
    def in_session_memory(self) -> bool:
        return self._session is not None

    def _session_message(self) -> str:
        return _("Tokens are kept for this session only and will be forgotten when Wappi Desk closes.")

    def _safe_name(self) -> str:
        return "" if self._backend is None else _backend_name(self._backend)

    # --- values -------------------------------------------------------------------------------------

    def get(self, environment: str, name: str) -> str | None:
        """The stored value, or None when there is none (also when it was deleted behind the app's back)."""
        if self._session is not None:
            return self._session.get((environment, name))
        backend = self._ready_backend()
        return self._call(lambda: backend.get_password(SERVICE, username(environment, name)))

    def set(self, environment: str, name: str, value: str) -> None:
        """Store `value`; an empty value removes the entry (the agent cleared the field)."""
        if not value:
            self.delete(environment, name)
            return
        if self._session is not None:
            self._session[(environment, name)] = value
            return
        backend = self._ready_backend()
        self._call(lambda: backend.set_password(SERVICE, username(environment, name), value))

    def delete(self, environment: str, name: str) -> None:
        """Remove the value; a value that is already gone is not an error."""
        if self._session is not None:
            self._session.pop((environment, name), None)
            return
        from keyring.errors import PasswordDeleteError

        backend = self._ready_backend()

        def remove() -> None:
            try:
                backend.delete_password(SERVICE, username(environment, name))
            except PasswordDeleteError:
                pass  # already deleted, e.g. by the agent in Seahorse

        self._call(remove)

    def delete_environment(self, environment: str, names: Iterable[str]) -> None:
        """Remove every listed secret of a deleted client or environment."""
        for name in names:
            self.delete(environment, name)

    def lookup(self, environment: str, name: str) -> str | None:
        """For Environment.values(secret_lookup=...); raises KeyringUnavailable rather than pretend it is empty."""
        return self.get(environment, name)

    # --- bounded backend calls -----------------------------------------------------------------------

    def _ready_backend(self) -> Any:
        status = self.status()
        if not status.ok:
            raise KeyringUnavailable(status.reason, status.message)
        return self._usable_backend()

    def _usable_backend(self) -> Any:
        if self._backend is None:
            import keyring

            # Choosing the default backend talks to D-Bus on Linux, so it is bounded too.
            self._backend = self._call(keyring.get_keyring)
        problem = _backend_problem(self._backend)
        if problem:
            raise self._failure(problem)
        return self._backend

    def _call(self, fn: Callable[[], T]) -> T:
        """Run one keyring call in a daemon thread and wait at most `timeout` seconds for it."""
        if self._hung is not None and self._hung.is_alive():
            raise self._failure("timeout")
        outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                outcome["value"] = fn()
            except BaseException as exc:  # noqa: BLE001 - every backend failure becomes words below
                outcome["error"] = exc

        thread = threading.Thread(target=run, name="wappi-desk-keyring", daemon=True)
        thread.start()
        thread.join(self.timeout)
        if thread.is_alive():
            # Later calls fail fast instead of piling up threads behind the same stuck daemon.
            self._hung = thread
            self._status = Availability("none", self._safe_name(), "timeout", self._message("timeout"))
            raise self._failure("timeout")
        if "error" in outcome:
            error = outcome["error"]
            reason = _failure_reason(error)
            self._status = Availability("none", self._safe_name(), reason, self._message(reason))
            raise self._failure(reason, type(error).__name__) from None
        return outcome.get("value")  # type: ignore[return-value]

    def _message(self, reason: str) -> str:
        return unavailable_message(reason, self.platform, self.timeout)

    def _failure(self, reason: str, detail: str = "") -> KeyringUnavailable:
        return KeyringUnavailable(reason, self._message(reason), detail)


def _failure_reason(error: BaseException) -> str:
    from keyring.errors import InitError, KeyringLocked, NoKeyringError

    # The Secret Service reports a locked collection whose unlock prompt could not be shown as an InitError.
    if isinstance(error, KeyringLocked) or (isinstance(error, InitError) and "prompt" in str(error).lower()):
        return "locked"
    if isinstance(error, (NoKeyringError, InitError)):
        return "no_backend"
    return "refused"


# --- masking ---------------------------------------------------------------------------------------------


def _forms(secret: str) -> set[str]:
    """The ways a value shows up in requests and exports: as is, URL-encoded, JSON-escaped."""
    forms = {secret, quote(secret, safe=""), quote_plus(secret, safe=""), json.dumps(secret, ensure_ascii=False)[1:-1]}
    forms.add(json.dumps(secret)[1:-1])
    return {form for form in forms if form}


def mask(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret value (and its URL-encoded and JSON-escaped forms) replaced by MASK."""
    forms: set[str] = set()
    for secret in secrets:
        if secret:
            forms |= _forms(secret)
    # Longest first, so a secret that contains a shorter one is masked whole.
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, MASK)
    return text


def masker(secrets: Iterable[str]) -> Callable[[str], str]:
    """`mask` bound to a set of secret values: for history lines, runner output and logs."""
    values = [s for s in secrets if s]
    return lambda text: mask(text, values)


# --- token paste hygiene ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenWarning:
    code: str
    message: str


QUOTES = "\"'`«»“”„‘’"


def clean_token(text: str) -> tuple[str, list[TokenWarning]]:
    """A pasted token with surrounding whitespace trimmed, and warnings about the course's classic mistakes."""
    cleaned = text.strip()
    warnings: list[TokenWarning] = []
    if not cleaned:
        warnings.append(TokenWarning("empty", _("The token is empty. Copy it from the profile page of the Wappi dashboard.")))
        return cleaned, warnings
    inner = cleaned
    if len(cleaned) >= 2 and cleaned[0] in QUOTES and cleaned[-1] in QUOTES:
        # The other checks look at what is between the quotes, so typographic quotes are not also "non-Latin".
        inner = cleaned[1:-1].strip()
        warnings.append(
            TokenWarning("quoted", _("The token is wrapped in quotes. Remove the quotes: the token is only the text between them."))
        )
    if inner.lower().startswith("bearer "):
        inner = inner[len("bearer "):].lstrip()
        warnings.append(
            TokenWarning("bearer", _("The token starts with \"Bearer \". Wappi expects the bare token: remove the word Bearer and the space."))
        )
    if "\n" in inner or "\r" in inner:
        warnings.append(
            TokenWarning("line_break", _("The token has a line break inside. Copy it again as one line, without the end of the next line."))
        )
    elif any(ch.isspace() for ch in inner):
        warnings.append(TokenWarning("space_inside", _("The token has a space inside. A token is one word: copy it again.")))
    if not inner.isascii():
        warnings.append(
            TokenWarning(
                "non_ascii",
                _("The token contains characters that are not plain Latin letters or digits (for example Cyrillic letters or \"…\"). Copy it again from the dashboard."),
            )
        )
    return cleaned, warnings



def bare_token(text: str) -> str:
    """The token alone, as clean_token's warnings ask: no quotes around it, no "Bearer", no spaces or line breaks anywhere."""
    previous = None
    while text != previous:
        previous = text
        text = text.strip()
        if len(text) >= 2 and text[0] in QUOTES and text[-1] in QUOTES:
            text = text[1:-1]
        text = re.sub(r"^bearer(?:\s+|(?=[\"'`«“„‘{]))", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", "", text)
