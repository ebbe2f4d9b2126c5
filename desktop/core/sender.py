"""send(request, client) -> Response: one request over a passed-in httpx.Client, streamed with a size cap."""
from __future__ import annotations

import contextlib
import functools
import io
import re
import threading
import time
from collections.abc import Iterable, Mapping
from urllib.parse import unquote, unquote_plus, urlsplit, urlunsplit

import httpx

from desktop.core import errors, multipart
from desktop.core.attachments import WireBody, wire_body
from desktop.core.decoding import CappedDecoder, Undecodable
from desktop.core.masking import SECRET_PARAMS, is_secret
from desktop.core.models import Body, Request, Response
from desktop.core.secrets import MASK
from desktop.core.variables import SECRET_BY_DEFAULT, names_in, resolve
from desktop.i18n import _

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BODY = 100 * 1024 * 1024
DEFAULT_MAX_SECONDS = 300.0


@functools.cache
def _widen_h11_targets() -> None:
    """h11 refuses a request target with bytes above 0x7E; curl sends a non-ASCII address as raw UTF-8 and servers
    (the Wappi API among them) take it, so the check is widened to those bytes. Spaces and controls stay refused.

    Done at the first send, when the connection code imports h11 anyway, not when the window starts.
    """
    import h11._events as h11_events

    h11_events.request_target_re = re.compile(rb"[\x21-\x7e\x80-\xff]+")


def make_client(timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    """The client the app uses; send() follows redirects itself (per request, each hop listed) and checks certificates
    unless the request says not to."""
    return httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=10)


def filled(request: Request, values: Mapping[str, str], hidden: Iterable[str] = ()) -> tuple[Request, list[str]]:
    """The request with its variables filled in and its own options kept, and the names that had no value.

    A variable whose value is one of `hidden` is filled with MASK: a secret is masked where it went, whatever
    encoding the address, header or body gives it (for history, the "Request sent" view and copy-as).
    """
    hide = {h for h in hidden if h}
    shown = {name: MASK if value in hide else value for name, value in values.items()} if hide else values
    resolved, missing = resolve(request, shown)
    resolved.verify, resolved.follow_redirects = request.verify, request.follow_redirects
    resolved.omit_headers = list(request.omit_headers)
    for filled_param, written in zip(resolved.params, [p for p in request.params if p.enabled]):
        filled_param.bare = written.bare
    return resolved, missing


def prepare(request: Request, values: Mapping[str, str] | None = None) -> Request:
    """The request as it will go on the wire; raises SendError naming every `{{variable}}` with no value."""
    resolved, missing = filled(request, values or {})
    if missing:
        raise errors.unresolved(missing)
    _check_broken_characters(resolved)
    url = resolved.full_url().strip()
    if url and "://" not in url:
        raise errors.SendError(
            "no-scheme",
            _("The address «{url}» does not say how to connect.").format(url=url),
            _("Start it with https:// (for example https://wappi.pro/...)."),
        )
    return resolved


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_broken_characters(request: Request) -> None:
    """SendError naming the part that holds half of a character (a lone UTF-16 surrogate, from a broken copy or a
    \\ud800 escape in a file): no address, header or body can carry it."""
    parts = [(_("in the address"), request.full_url()), (_("in the body"), request.body.text)]
    parts += [(_("in the header {name}").format(name=name), name + value) for name, value in request.enabled_headers()]
    for where, text in parts:
        if _SURROGATE.search(text):
            raise errors.SendError(
                "broken-character",
                _("There is a broken character (half of an emoji or a symbol, left by a bad copy) {where}.").format(where=where),
                _("Delete the odd character or the whole value and type it again."),
            )


def secret_values(request: Request, values: Mapping[str, str], secrets: Iterable[str] = ()) -> list[str]:
    """The values to keep from other hosts: the given secrets and every variable that is secret by default."""
    used = set(names_in(request.url)) | {n for p in request.params for n in names_in(p.value)}
    used |= {n for h in request.headers for n in names_in(h.value)} | set(names_in(request.body.text))
    found = [s for s in secrets if s]
    found += [values[n] for n in used & SECRET_BY_DEFAULT if values.get(n)]
    return list(dict.fromkeys(found))


def _outgoing(body: Body, headers: list[tuple[str, str]]) -> tuple[WireBody, list[tuple[str, str]]]:
    """The body as it goes out and the headers to send with it (a form's Content-Type gets its boundary)."""
    if body.kind != "multipart":
        outgoing = wire_body(body)
        return outgoing, headers + outgoing.headers
    mark = multipart.boundary()
    content = multipart.encode(multipart.parse_parts(body.text), mark)
    given = next((v for n, v in headers if n.lower() == "content-type"), None)
    kept = [(n, v) for n, v in headers if n.lower() != "content-type"]
    return WireBody(content, len(content), content), kept + [("Content-Type", multipart.content_type(mark, given))]


_UNSENDABLE = re.compile(r"[\x00-\x20\x7f]")


def wire_url(url: str) -> str:
    """The whole address as it goes out (see wire_target), for showing what was sent."""
    origin = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*", url)
    return (origin.group() if origin else "") + wire_target(url).decode("utf-8")


def wire_target(url: str) -> bytes:
    """Path and query exactly as typed, as curl sends them (raw UTF-8); only spaces and control characters,
    which no request line can hold, are percent-encoded. The #fragment never leaves the computer."""
    rest = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*", "", url).partition("#")[0]
    if not rest.startswith("/"):
        rest = "/" + rest
    return _UNSENDABLE.sub(lambda m: f"%{ord(m.group()):02X}", rest).encode("utf-8")


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port or {"http": 80, "https": 443}.get(url.scheme)


def _carries_secret(text: str, secrets: list[str]) -> bool:
    # A "+" may be a space (a form) or itself (a query typed as is): both readings are looked at.
    readings = (text, unquote(text), unquote_plus(text))
    return any(s in reading for s in secrets for reading in readings)


def _strip_for_other_host(
    headers: list[tuple[str, str]], url: httpx.URL, secrets: list[str], dropped: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], httpx.URL]:
    """Headers and address without anything that carries a secret: what never goes to another host."""
    kept = []
    for name, value in headers:
        if is_secret(name) or _carries_secret(value, secrets):
            dropped.append(("header", name))
        else:
            kept.append((name, value))
    query = url.query.decode("ascii", "replace")
    if query:
        pieces = []
        # A secret holding "&" spans several pieces, none of which carries all of it: then no piece goes.
        split_secret = _carries_secret(query, secrets) and not any(_carries_secret(p, secrets) for p in query.split("&"))
        for piece in query.split("&"):
            name = unquote_plus(piece.partition("=")[0])
            if split_secret or name.lower() in SECRET_PARAMS or _carries_secret(piece, secrets):
                dropped.append(("query", name))
            else:
                pieces.append(piece)
        url = url.copy_with(query="&".join(pieces).encode("ascii") or None)
    return kept, url


def _masked_address(url: str, secrets: list[str]) -> str:
    """An address a server wrote (a redirect's Location), with every piece that carries a secret, in whatever
    encoding the server chose, shown as MASK: for history and the "Request sent" view."""
    if not secrets or not _carries_secret(url, secrets):
        return url
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc and _carries_secret(netloc.rpartition("@")[0], secrets):
        netloc = MASK + "@" + netloc.rpartition("@")[2]
    path = "/".join(MASK if _carries_secret(piece, secrets) else piece for piece in parts.path.split("/"))
    pieces = parts.query.split("&") if parts.query else []
    if not any(_carries_secret(piece, secrets) for piece in pieces) and _carries_secret(parts.query, secrets):
        query = MASK  # a secret holding "&" spans several pieces
    else:
        query = "&".join(_masked_piece(piece, secrets) for piece in pieces)
    fragment = MASK if _carries_secret(parts.fragment, secrets) else parts.fragment
    shown = urlunsplit((parts.scheme, netloc, path, query, fragment))
    if _carries_secret(shown, secrets):
        # The secret spans the address's own separators ("#", "?", "/"): nothing after the host is shown.
        shown = urlunsplit((parts.scheme, netloc, "/" + MASK, "", ""))
    return shown if not _carries_secret(shown, secrets) else MASK


def _masked_piece(piece: str, secrets: list[str]) -> str:
    name, eq, value = piece.partition("=")
    if _carries_secret(name, secrets):
        return MASK
    return f"{name}={MASK}" if eq and _carries_secret(value, secrets) else piece


def _refuse_other_host(url: httpx.URL, secrets: list[str], body_goes_along: bool) -> tuple[str, str] | None:
    """Why a redirect to another host is not followed at all: the body it must repeat, or the new address outside
    its query (path, user name, password), carries a secret that cannot be cut out of it."""
    if body_goes_along:
        return ("stopped", "body")
    rest = url.copy_with(query=None, fragment=None)
    if secrets and _carries_secret(rest.raw_path.decode("ascii", "replace") + "@" + rest.userinfo.decode("ascii", "replace"), secrets):
        return ("stopped", "address")
    return None


def dropped_words(response: Response) -> str:
    """What was kept from another host after a redirect, in words for the "Request sent" view and the runner."""
    said = []
    stopped = [name for kind, name in response.dropped_on_redirect if kind == "stopped"]
    if "body" in stopped:
        said.append(_("The server redirected to another host and asked for the body to be sent there again; the body "
                      "carries a secret, so the redirect was not followed and its answer is shown."))
    if "address" in stopped:
        said.append(_("The server redirected to an address on another host that carries a secret; the redirect was "
                      "not followed and its answer is shown."))
    names = ", ".join(
        (_("header {name}") if kind == "header" else _("query parameter {name}")).format(name=name)
        for kind, name in response.dropped_on_redirect if kind != "stopped"
    )
    if names:
        said.append(_("The server redirected to another host; these were not sent there because they carry a secret: {names}.").format(names=names))
    return " ".join(said)


# Answers that make curl -L (and browsers) repeat the request as GET without a body.
_BODY_HEADERS = {"content-type", "content-length", "content-encoding", "transfer-encoding"}


def send(
    request: Request,
    client: httpx.Client,
    values: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_body: int = DEFAULT_MAX_BODY,
    max_seconds: float = DEFAULT_MAX_SECONDS,
    cancel: threading.Event | None = None,
    secrets: Iterable[str] = (),
) -> Response:
    """Send `request` after filling in `values`. Every failure is raised as errors.SendError.

    Redirects are followed only when the request says so, one hop at a time: a hop to another host gets no
    header or query parameter that carries one of `secrets` (or a secret-by-default variable, or looks secret).
    """
    _widen_h11_targets()
    resolved = prepare(request, values or {})
    url = resolved.full_url().strip()
    hidden = secret_values(request, values or {}, secrets)
    masked = filled(request, values or {}, hidden)[0]
    marks: dict[str, float] = {}

    def trace(event: str, info: dict) -> None:
        # httpcore reports "connection.connect_tcp.started", "http11.receive_response_headers.complete", ...
        marks[event.split(".", 1)[-1]] = time.perf_counter()

    start = time.perf_counter()
    try:
        with contextlib.ExitStack() as stack:
            sender = client if resolved.verify else stack.enter_context(_unchecked_client(client))
            # Attached files are streamed from memory in pieces: a 20 MB image is never copied into one body.
            outgoing, headers = _outgoing(resolved.body, resolved.enabled_headers())
            method, target, with_body = resolved.method, httpx.URL(url), True
            raw_target: bytes | None = wire_target(url)
            hops: list[tuple[int, str]] = []
            dropped: list[tuple[str, str]] = []
            # Where the secret went, not a guess at its encodings: the body differs where a secret was filled in.
            body_secret = masked.body.text != resolved.body.text or _carries_secret(resolved.body.text, hidden)
            while True:
                marks.clear()
                sent_body = outgoing.sent if with_body else b""
                extensions = {"trace": trace, **({"target": raw_target} if raw_target else {})}
                built = sender.build_request(
                    method, target, headers=headers, timeout=timeout, extensions=extensions,
                    content=outgoing.content if with_body and outgoing.length else None,
                )
                for name in resolved.omit_headers:
                    if not any(own.lower() == name.lower() for own, _v in headers):
                        built.headers.pop(name, None)
                answer = stack.enter_context(contextlib.closing(sender.send(built, stream=True, follow_redirects=False)))
                if not (resolved.follow_redirects and answer.has_redirect_location):
                    break
                next_url = answer.url.join(answer.headers["location"])
                becomes_get = answer.status_code == 303 and method != "HEAD" or answer.status_code in (301, 302) and method == "POST"
                elsewhere = _origin(next_url) != _origin(target)
                refused = elsewhere and _refuse_other_host(next_url, hidden, body_secret and with_body and not becomes_get)
                if refused:
                    # The answer itself (the redirect) is what the agent gets, with the reason in words.
                    dropped.append(refused)
                    break
                # Each hop's address is masked where a secret went: the first by position, later ones (the server's) by value.
                hops.append((answer.status_code, wire_url(masked.full_url().strip()) if not hops else _masked_address(str(answer.url), hidden)))
                if len(hops) > client.max_redirects:
                    raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.", request=built)
                answer.close()
                if becomes_get:
                    method, with_body = "GET", False
                    headers = [(n, v) for n, v in headers if n.lower() not in _BODY_HEADERS]
                elif with_body:
                    # The first body was streamed away: build it again for the repeat.
                    outgoing, headers = _outgoing(resolved.body, [(n, v) for n, v in headers if n.lower() != "content-length"])
                if elsewhere:
                    headers, next_url = _strip_for_other_host(headers, next_url, hidden, dropped)
                target, raw_target = next_url, None   # the server's Location goes as httpx reads it
            body, wire, cut_reason = _read_body(answer, max_body, max_seconds, start, cancel)
            elapsed = (time.perf_counter() - start) * 1000
            sent = answer.request
        # Built after the stream is closed, so the trace has marked the end of the download.
        return Response(
            status=answer.status_code,
            reason=answer.reason_phrase,
            headers=list(answer.headers.multi_items()),
            body=body,
            elapsed_ms=elapsed,
            url=str(answer.url),
            http_version=answer.http_version,
            method=method,
            sent_headers=list(sent.headers.multi_items()),
            sent_body=sent_body,
            redirects=hops,
            truncated=cut_reason in ("size", "time", "unpacked-size"),
            timings=_phases(marks),
            wire_body=wire,
            cut_reason=cut_reason,
            dropped_on_redirect=list(dict.fromkeys(dropped)),
            masked_url=wire_url(masked.full_url().strip()) if not hops else _masked_address(str(answer.url), hidden),
            masked_headers=_masked_headers(list(sent.headers.multi_items()), masked.enabled_headers()),
        )
    except errors.SendError:
        raise
    except Exception as exc:  # every transport problem becomes words in errors.py
        raise errors.from_exception(exc, url, timeout) from exc


def _masked_headers(sent: list[tuple[str, str]], written: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The headers as sent, each of the request's own headers shown with its secrets masked where they went."""
    shown: dict[str, list[str]] = {}
    for name, value in written:
        shown.setdefault(name.lower(), []).append(value)
    out = []
    for name, value in sent:
        values = shown.get(name.lower())
        out.append((name, values.pop(0) if values else value))
    return out


def _unchecked_client(client: httpx.Client) -> httpx.Client:
    """A client like `client` that does not check certificates (httpx sets that per client, not per request)."""
    return httpx.Client(
        verify=False, timeout=client.timeout, headers=client.headers, cookies=client.cookies,
        trust_env=client.trust_env, max_redirects=client.max_redirects,
    )


def _read_body(
    answer: httpx.Response, max_body: int, max_seconds: float, start: float, cancel: threading.Event | None
) -> tuple[bytes, bytes, str]:
    """(unpacked body, bytes as received, cut reason): both capped at max_body, the wait capped at max_seconds.

    httpx's own decoders unpack a whole network read at once (a 64 KB brotli read can hold gigabytes), so the
    raw stream is read and unpacked here with a cap on the output.
    """
    encoding = answer.headers.get("content-encoding", "")
    try:
        decoder = CappedDecoder(encoding, max_body)
    except Undecodable:
        decoder = None  # packed in a way we cannot unpack: the bytes are kept and shown as they are
    wire, body = io.BytesIO(), io.BytesIO()
    cut_reason = ""
    for chunk in answer.iter_raw():
        if cancel is not None and cancel.is_set():
            raise errors.cancelled()
        room = max_body - wire.tell()
        wire.write(chunk[:room])
        if decoder is not None and not decoder.identity:
            try:
                body.write(decoder.feed(chunk))
            except Undecodable:
                decoder, cut_reason = None, "undecodable"
        if len(chunk) > room:
            cut_reason = "size"
        elif decoder is not None and decoder.overflowed:
            cut_reason = "unpacked-size"
        elif time.perf_counter() - start > max_seconds:
            cut_reason = "time"
        if cut_reason in ("size", "unpacked-size", "time"):
            break
    # BytesIO.getvalue() hands over its buffer without a copy: a 100 MB answer is not held twice.
    wire_bytes = wire.getvalue()
    if decoder is None or decoder.identity:
        if encoding and decoder is None and not cut_reason:
            cut_reason = "undecodable"
        return wire_bytes, wire_bytes, cut_reason
    return body.getvalue(), wire_bytes, cut_reason


def _phases(marks: dict[str, float]) -> dict[str, float]:
    """Milliseconds per phase of the last hop: connect (DNS included), tls, send, wait (first byte), download."""

    def span(a: str, b: str) -> float | None:
        return (marks[b] - marks[a]) * 1000 if a in marks and b in marks else None

    phases = {
        "connect": span("connect_tcp.started", "connect_tcp.complete"),
        "tls": span("start_tls.started", "start_tls.complete"),
        "send": span("send_request_headers.started", "send_request_body.complete"),
        "wait": span("send_request_body.complete", "receive_response_headers.complete"),
        "download": span("receive_response_headers.complete", "receive_response_body.complete"),
    }
    return {name: value for name, value in phases.items() if value is not None}
