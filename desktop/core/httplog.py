"""Raw HTTP requests and request logs in and out, and recognising what was pasted (cURL, raw HTTP, an address)."""
from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

from desktop.core.curl import mask_request, parse_curl_detailed
from desktop.core.models import METHODS, Body, KeyValue, Request, split_url
from desktop.core.paste import (
    ParseResult,
    PasteError,
    body_kind,
    check_header_count,
    check_text,
)
from desktop.i18n import _

_REQUEST_LINE = re.compile(r"^([A-Za-z]+)[ \t]+(\S+)(?:[ \t]+(HTTP/\d(?:\.\d)?))?[ \t]*$")
_HEADER_LINE = re.compile(r"^([A-Za-z0-9!#$%&'*+.^_`|~-]+)[ \t]*:[ \t]*(.*)$")
# Headers the sender computes itself: importing them would only go stale when the body is edited.
_COMPUTED = {"content-length", "connection", "transfer-encoding"}


def _is_loopback(host: str) -> bool:
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return name in ("localhost", "[::1]") or name.startswith("127.")


def _scheme_for(host: str) -> str:
    # The Wappi API (and nearly every real API) answers on https; only local test servers speak plain http.
    return "http" if _is_loopback(host.lower()) or host.endswith(":80") else "https"


def _split(url: str) -> SplitResult | None:
    """urlsplit, or None for an address it refuses (an unclosed "[" of an IPv6 host, a bad port)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        return None
    return parts


def _netloc(url: str) -> str:
    """The host[:port] of an absolute address, as written ("" when there is none)."""
    match = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)", url)
    return match.group(1) if match else ""


def _absolute(target: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", target)) or target.startswith("{{")


def parse_http_detailed(text: str) -> ParseResult:
    """A raw HTTP request or the looser "METHOD URL / headers / body" log form, with notes on what was left out."""
    text = check_text(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.lstrip().split("\n")
    match = _REQUEST_LINE.match(lines[0].strip())
    if not match or match.group(1).upper() not in METHODS:
        raise PasteError(_("This is not an HTTP request: the first line must be a method and an address, like “POST https://wappi.pro/api/…”."))
    method, target = match.group(1).upper(), match.group(2)
    notes: list[str] = []
    headers: list[KeyValue] = []
    index = 1
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            break
        stripped = line.strip()
        if stripped.startswith(("//", "#")):
            index += 1
            continue
        header = _HEADER_LINE.match(stripped)
        if not header:
            # Logs and screenshots often lose the blank line: the first line that is not a header starts the body.
            break
        headers.append(KeyValue(header.group(1), header.group(2).rstrip()))
        index += 1
    body_text = "\n".join(lines[index:]).strip("\n")
    check_header_count(len(headers))

    host = next((h.value for h in headers if h.name.lower() == "host"), "")
    if _absolute(target):
        url = target
    elif target[:1] in ("/", "?") and host:
        url = f"{_scheme_for(host)}://{host}{target}"
    elif target[:1] in ("/", "?"):
        raise PasteError(_("The request gives only a path ({path}) and no Host header, so the server is unknown.").format(path=target))
    else:
        url = f"{_scheme_for(target.split('/', 1)[0])}://{target}"
    url_host = _netloc(url)
    kept = []
    for h in headers:
        name = h.name.lower()
        if name == "host" and url_host and h.value == url_host:
            continue
        if name in _COMPUTED:
            if name == "transfer-encoding":
                notes.append(_("The body was sent in chunks (Transfer-Encoding); check that the imported body is complete."))
            continue
        kept.append(h)
    base, params = split_url(url)
    content_type = next((h.value for h in kept if h.name.lower() == "content-type"), None)
    kind = body_kind(body_text, content_type)
    body = Body(kind, body_text) if kind != "none" else Body()
    return ParseResult(Request(method=method, url=base, params=params, headers=kept, body=body), notes, "http")


def parse_http(text: str) -> Request:
    """The request a raw HTTP text describes; see parse_http_detailed for the notes."""
    return parse_http_detailed(text).request


def to_http(request: Request, mask_secrets: bool = True, secrets=()) -> str:
    """The request as raw HTTP/1.1 text ("copy as raw HTTP"), the token masked unless mask_secrets is False."""
    if mask_secrets:
        request = mask_request(request, secrets)
    full = request.full_url()
    lines = []
    parts = _split(full) if "://" in full and not full.startswith("{{") else None
    headers = request.enabled_headers()
    own_host = next((value for name, value in headers if name.lower() == "host"), None)
    if parts and parts.netloc and parts.scheme == _scheme_for(parts.netloc.lower()) and own_host in (None, parts.netloc):
        target = full[len(f"{parts.scheme}://{parts.netloc}"):] or "/"
        lines.append(f"{request.method} {target} HTTP/1.1")
        if own_host is None:
            lines.append(f"Host: {parts.netloc}")
    else:
        # A scheme the Host header cannot tell (or a {{variable}} address): keep the whole address on the first line.
        lines.append(f"{request.method} {full} HTTP/1.1")
    lines += [f"{name}: {value}" for name, value in headers]
    text = "\n".join(lines) + "\n\n"
    if request.body.kind != "none" and request.body.text:
        text += request.body.text
    return text


_BARE_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://\S+|\{\{\w+\}\}\S*|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?(?:/\S*)?)$")


def parse_pasted(text: str) -> ParseResult:
    """Recognise a paste as a cURL command, a raw HTTP request or log, or a bare address, and import it.

    Raises PasteError with a plain message when it is none of them.
    """
    stripped = check_text(text).strip()
    if re.match(r"^(?:[$>]\s*)?(?:\S*[\\/])?curl(?:\.exe)?(?:\s|$)", stripped, re.IGNORECASE):
        result = parse_curl_detailed(stripped)
        result.kind = "curl"
        return result
    if _REQUEST_LINE.match(stripped.split("\n", 1)[0].strip()):
        return parse_http_detailed(stripped)
    if "\n" not in stripped and _BARE_URL.match(stripped):
        url = stripped if _absolute(stripped) else f"{_scheme_for(stripped.split('/', 1)[0].lower())}://{stripped}"
        base, params = split_url(url)
        return ParseResult(Request(method="GET", url=base, params=params), [], "url")
    raise PasteError(_("The pasted text is not a cURL command, an HTTP request or an address. Ask the client to copy the request again."))
