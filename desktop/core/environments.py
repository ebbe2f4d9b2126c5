"""The two environments the app ships: "Sandbox" (the embedded server, the default) and "Wappi" (the real API)."""
from __future__ import annotations

from desktop.core.variables import Environment, Variable
from desktop.i18n import LANGUAGES

# A client's reply language ("ru" or "en") is kept in the client's environment file; Russian unless set.
REPLY_LANGUAGES = LANGUAGES
DEFAULT_REPLY_LANGUAGE = "ru"

SANDBOX = "Sandbox"
WAPPI = "Wappi"
WAPPI_BASE_URL = "https://wappi.pro"


def sandbox_environment(base_url: str, profile_id: str, token: str) -> Environment:
    """The running sandbox's address and its demo profile; switching to it changes only these variables."""
    return Environment(SANDBOX, [
        Variable("base_url", base_url),
        Variable("profile_id", profile_id),
        Variable("token", token, secret=True),
    ])


def wappi_environment() -> Environment:
    """The real API: the agent types the client's profile_id and token (kept in the keyring)."""
    return Environment(WAPPI, [
        Variable("base_url", WAPPI_BASE_URL),
        Variable("profile_id", ""),
        Variable("token", "", secret=True),
    ])


def shipped_environments(base_url: str, profile_id: str, token: str) -> list[Environment]:
    """Sandbox first: it is the default on a fresh install."""
    return [sandbox_environment(base_url, profile_id, token), wappi_environment()]


def reply_language(environment: Environment | None) -> str:
    """The language to write to the client in: the environment's setting, Russian when there is no environment."""
    language = environment.reply_language if environment is not None else DEFAULT_REPLY_LANGUAGE
    return language if language in REPLY_LANGUAGES else DEFAULT_REPLY_LANGUAGE
