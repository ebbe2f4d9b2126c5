"""httpx's exception tree mapped to one friendly, translated message and the next step, in one place."""
from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass

import httpx

from desktop.i18n import _


@dataclass
class SendError(Exception):
    """A request that got no answer: `code` is stable (the diagnosis keys on it), the texts are for the agent."""

    code: str
    message: str
    next_step: str = ""

    def __str__(self) -> str:
        return f"{self.message} {self.next_step}".strip()


def _causes(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _host(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except Exception:  # an unparsable URL is already the problem being reported
        return url


def from_exception(exc: BaseException, url: str = "", timeout: float | None = None) -> SendError:
    """Name what happened and what to check, for any exception sending can raise."""
    if isinstance(exc, SendError):
        return exc
    host = _host(url)
    causes = list(_causes(exc))
    if isinstance(exc, httpx.ConnectTimeout):
        return SendError(
            "timeout",
            _("The server {host} did not accept the connection within {seconds} s.").format(host=host, seconds=_seconds(timeout)),
            _("Check the address and your internet connection, then try again."),
        )
    if isinstance(exc, httpx.TimeoutException):
        return SendError(
            "timeout",
            _("The server {host} did not answer within {seconds} s.").format(host=host, seconds=_seconds(timeout)),
            _("The server may be overloaded. Try again later or raise the timeout in the settings."),
        )
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)) or isinstance(exc, ValueError) and "url" in str(exc).lower():
        return SendError(
            "invalid-url",
            _("The address «{url}» is not a valid URL.").format(url=url),
            _("A URL starts with https:// followed by the server name, for example https://wappi.pro/api/sync/get/status."),
        )
    if isinstance(exc, httpx.TooManyRedirects):
        return SendError(
            "too-many-redirects",
            _("The server sent the request from one address to another too many times."),
            _("Check the URL: the server is redirecting in a loop."),
        )
    if any(isinstance(c, ssl.SSLError) for c in causes) or "SSL" in str(exc) or "certificate" in str(exc).lower():
        return SendError(
            "tls",
            _("The secure connection (TLS) to {host} failed.").format(host=host),
            _("The server's certificate is not valid or the server does not speak https. Check the address; try http:// only for a local test server."),
        )
    if isinstance(exc, httpx.ConnectError):
        if any(isinstance(c, socket.gaierror) for c in causes) or "name or service not known" in str(exc).lower() or "nodename" in str(exc).lower() or "getaddrinfo" in str(exc).lower() or "name resolution" in str(exc).lower():
            return SendError(
                "dns",
                _("The server name «{host}» was not found.").format(host=host),
                _("Check the spelling of the address (for example wappi.pro) and your internet connection."),
            )
        if any(isinstance(c, ConnectionRefusedError) for c in causes) or "refused" in str(exc).lower():
            return SendError(
                "connection-refused",
                _("Nobody answers at {host}: the connection was refused.").format(host=host),
                _("Check the address and the port. If this is the sandbox, restart Wappi Desk."),
            )
        return SendError(
            "connection-failed",
            _("Could not connect to {host}.").format(host=host),
            _("Check the address and your internet connection."),
        )
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.CloseError)):
        return SendError(
            "reset",
            _("The connection to {host} broke off before the answer was complete.").format(host=host),
            _("The server closed the connection. Try again; if it repeats, the problem is on the server side."),
        )
    if isinstance(exc, httpx.DecodingError):
        return SendError(
            "decoding",
            _("The answer arrived compressed in a way that could not be unpacked."),
            _("The server's answer is damaged. Try again, or save the raw answer and pass it on to the developers."),
        )
    if isinstance(exc, httpx.ProxyError):
        return SendError(
            "proxy",
            _("The proxy server refused the request."),
            _("Check the proxy settings of this computer."),
        )
    if isinstance(exc, httpx.LocalProtocolError) or isinstance(exc, UnicodeEncodeError):
        return SendError(
            "invalid-header",
            _("A header name or value contains characters that cannot be sent (for example a line break or Cyrillic letters)."),
            _("Check the headers: names are Latin letters and dashes; values have no line breaks."),
        )
    return SendError(
        "other",
        _("The request failed: {reason}").format(reason=str(exc) or type(exc).__name__),
        _("Check the address and try again."),
    )


def _seconds(timeout: float | None) -> str:
    return "?" if timeout is None else f"{timeout:g}"


def unresolved(names: list[str]) -> SendError:
    listed = ", ".join("{{" + n + "}}" for n in names)
    return SendError(
        "unresolved-variables",
        _("These variables have no value: {names}. The request was not sent.").format(names=listed),
        _("Fill them in for the selected environment, or pick another environment."),
    )


def cancelled() -> SendError:
    return SendError("cancelled", _("The request was cancelled."), "")
