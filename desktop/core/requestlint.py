"""Request-level mistakes the course names: an address that cannot be read, http:// for the real API, no JSON Content-Type, a quoted token."""
from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

from desktop.core.jsonlint import ERROR, WARNING, Problem
from desktop.core.models import Request
from desktop.core.secrets import QUOTES
from desktop.core.variables import VARIABLE
from desktop.i18n import _

API_HOST = "wappi.pro"
# What cannot stand in a server name (an IPv6 address in [ ] is unwrapped by urlsplit before this is checked).
_BAD_HOST = re.compile(r"[\s\[\]<>\"{}|\\^`%]|[\ud800-\udfff]")
EXAMPLE_URL = "https://wappi.pro/api/sync/message/send?profile_id=…"


def _problem(code: str, severity: str, message: str) -> Problem:
    # Not in the body: position 0 tells the editor there is nothing to underline.
    return Problem(code, severity, 0, 0, 0, 0, message)


def url_mistake(url: str) -> str | None:
    """Why an address with a scheme cannot be read, in words (None when it can, or when it has no scheme yet).

    The app's `{{variables}}` stand for text filled in at send time, so they are never the mistake."""
    text = VARIABLE.sub("0", url.strip())
    if "://" not in text:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:  # urlsplit's "Invalid IPv6 URL": a [ or ] that does not enclose an IPv6 address
        return _("a square bracket [ or ] in the server name")
    try:
        parts.port
    except ValueError:
        return _("the port after the colon is not a number from 1 to 65535")
    host = parts.hostname or ""
    if not host:
        return _("there is no server name after {scheme}://").format(scheme=parts.scheme or "https")
    if _BAD_HOST.search(host):
        return _("a space or another character that cannot be in a server name")
    return None


def url_parts(url: str) -> SplitResult | None:
    """The parts of an address, or None when it cannot be read (see `url_mistake`)."""
    if url_mistake(url):
        return None
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


def url_host(url: str) -> str:
    """The lower-case server name of an address with a scheme; "" when there is none or it cannot be read."""
    parts = url_parts(url) if "://" in url else None
    return (parts.hostname or "").lower() if parts else ""


def lint_request(request: Request) -> list[Problem]:
    """Problems of the URL and headers; body problems come from jsonlint.lint. Never raises."""
    problems: list[Problem] = []
    url = request.url.strip()
    mistake = url_mistake(url)
    if mistake:
        problems.append(_problem("bad-url", ERROR, _(
            "The address cannot be read: {mistake}. Correct: {example}").format(mistake=mistake, example=EXAMPLE_URL)))
    host = url_host(url)
    if url.lower().startswith("http://") and (host == API_HOST or host.endswith("." + API_HOST)):
        problems.append(_problem("http-not-https", ERROR, _(
            "The Wappi API works only over https. Correct: {url}").format(url="https://" + url[len("http://"):])))
    headers = [h for h in request.headers if h.enabled]
    if request.body.kind == "json" and request.body.text.strip():
        types = [h.value for h in headers if h.name.strip().lower() == "content-type"]
        if not any("application/json" in value.lower() for value in types):
            problems.append(_problem("missing-content-type", WARNING, _(
                "The body is JSON but the Content-Type header does not say so; the server may not understand "
                "the data. Add the header. Correct: Content-Type: application/json")))
    for header in headers:
        value = header.value.strip()
        if header.name.strip().lower() == "authorization" and len(value) >= 2 \
                and value[0] in QUOTES and value[-1] in QUOTES:
            # The token itself stays out of the message: messages end up in screenshots and logs.
            problems.append(_problem("token-quoted", ERROR, _(
                "The token in the Authorization header must be written without quotes. "
                "Correct: Authorization: sk_your_api_token")))
    return problems
