"""Secrets in what was sent (the token, API keys, cookies) shown as their first two characters and dots."""
from __future__ import annotations

SECRET_HEADERS = {"authorization", "proxy-authorization", "token", "x-api-key", "api-key", "x-auth-token", "cookie"}
DOTS = "••••"


def is_secret(header_name: str) -> bool:
    name = header_name.strip().lower()
    return name in SECRET_HEADERS or name.endswith("-token")


def mask(value: str) -> str:
    """`abcdef` -> `ab••••`; the length is hidden too, so a short token gives nothing away."""
    return (value[:2] + DOTS) if len(value) > 4 else DOTS


SECRET_PARAMS = {"token", "api_key", "apikey", "access_token", "key", "password"}


def mask_url(url: str) -> str:
    """The URL with the values of token-like query parameters masked."""
    base, sep, query = url.partition("?")
    if not sep:
        return url
    parts = []
    for part in query.split("&"):
        name, eq, value = part.partition("=")
        parts.append(f"{name}={mask(value)}" if eq and name.lower() in SECRET_PARAMS else part)
    return base + "?" + "&".join(parts)
