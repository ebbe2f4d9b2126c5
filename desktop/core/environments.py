"""The two environments the app ships: "Sandbox" (the embedded server, the default) and "Wappi" (the real API)."""
from __future__ import annotations

from desktop.core.variables import Environment, Variable

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
