"""Request-level mistakes the course names: http:// for the real API, no JSON Content-Type, a quoted token."""
from __future__ import annotations

from urllib.parse import urlsplit

from desktop.core.jsonlint import ERROR, WARNING, Problem
from desktop.core.models import Request
from desktop.i18n import _

API_HOST = "wappi.pro"
_QUOTES = "\"'“”«»‘’„"


def _problem(code: str, severity: str, message: str) -> Problem:
    # Not in the body: position 0 tells the editor there is nothing to underline.
    return Problem(code, severity, 0, 0, 0, 0, message)


def lint_request(request: Request) -> list[Problem]:
    """Problems of the URL and headers; body problems come from jsonlint.lint."""
    problems: list[Problem] = []
    url = request.url.strip()
    host = (urlsplit(url).hostname or "").lower() if "://" in url else ""
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
                and value[0] in _QUOTES and value[-1] in _QUOTES:
            # The token itself stays out of the message: messages end up in screenshots and logs.
            problems.append(_problem("token-quoted", ERROR, _(
                "The token in the Authorization header must be written without quotes. "
                "Correct: Authorization: sk_your_api_token")))
    return problems
