"""send(request, client) -> Response: one request over a passed-in httpx.Client, streamed with a size cap."""
from __future__ import annotations

import io
import threading
import time
from collections.abc import Mapping

import httpx

from desktop.core import errors
from desktop.core.attachments import wire_body
from desktop.core.decoding import CappedDecoder, Undecodable
from desktop.core.models import Request, Response
from desktop.core.variables import resolve
from desktop.core.wireurl import exact_url, target
from desktop.i18n import _

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BODY = 100 * 1024 * 1024
DEFAULT_MAX_SECONDS = 300.0


def make_client(timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    """The client the app uses: follows redirects (each hop is listed) and ignores no certificate errors."""
    return httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=10)


def prepare(request: Request, values: Mapping[str, str] | None = None) -> Request:
    """The request as it will go on the wire; raises SendError naming every `{{variable}}` with no value."""
    resolved, missing = resolve(request, values or {})
    if missing:
        raise errors.unresolved(missing)
    url = resolved.full_url().strip()
    if url and "://" not in url:
        raise errors.SendError(
            "no-scheme",
            _("The address «{url}» does not say how to connect.").format(url=url),
            _("Start it with https:// (for example https://wappi.pro/...)."),
        )
    return resolved


def send(
    request: Request,
    client: httpx.Client,
    values: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_body: int = DEFAULT_MAX_BODY,
    max_seconds: float = DEFAULT_MAX_SECONDS,
    cancel: threading.Event | None = None,
) -> Response:
    """Send `request` after filling in `values`. Every failure is raised as errors.SendError."""
    resolved = prepare(request, values)
    url = resolved.full_url().strip()
    # Attached files are streamed from memory in pieces: a 20 MB image is never copied into one body.
    outgoing = wire_body(resolved.body)
    marks: dict[str, float] = {}

    def trace(event: str, info: dict) -> None:
        # httpcore reports "connection.connect_tcp.started", "http11.receive_response_headers.complete", ...
        marks[event.split(".", 1)[-1]] = time.perf_counter()

    start = time.perf_counter()
    try:
        with client.stream(
            resolved.method,
            # The path and query as written ("/./", "?flag&&x="), not as httpx would normalise them.
            exact_url(url, target(resolved.url, resolved.params)),
            headers=resolved.enabled_headers() + outgoing.headers,
            content=outgoing.content if outgoing.length else None,
            timeout=timeout,
            extensions={"trace": trace},
        ) as answer:
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
            method=resolved.method,
            sent_headers=list(sent.headers.multi_items()),
            sent_body=outgoing.sent,
            redirects=[(r.status_code, str(r.url)) for r in answer.history],
            truncated=cut_reason in ("size", "time", "unpacked-size"),
            timings=_phases(marks),
            wire_body=wire,
            cut_reason=cut_reason,
        )
    except errors.SendError:
        raise
    except Exception as exc:  # every transport problem becomes words in errors.py
        raise errors.from_exception(exc, url, timeout) from exc


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
