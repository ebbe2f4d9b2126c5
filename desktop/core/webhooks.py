"""Check a client's webhook URL the way the Wappi service delivers: POST the documented JSON, judge the answer in plain words."""
from __future__ import annotations

import ipaddress
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from desktop.core import errors
from desktop.core.models import Body, KeyValue, Request
from desktop.core.sender import send
from desktop.core.webhook_samples import WH_TYPES, sample, wh_type_of
from desktop.i18n import _

__all__ = [
    "AUTH_HEADER",
    "RETRY_SCHEDULE",
    "SLOW_MS",
    "WH_TYPES",
    "Finding",
    "WebhookCheck",
    "check",
    "enabled_types_in",
    "payload_from_text",
    "request_for",
    "sample",
    "type_disabled",
    "wh_type_of",
    "what_next",
]

# Minutes to wait before each try, from the course: at once, +5, +10, +20, +30; 5 tries, then "not delivered".
RETRY_SCHEDULE = (0, 5, 10, 20, 30)
SLOW_MS = 5000.0                   # the course: answer 200 "ideally in under 5 seconds"
MAX_ANSWER_BYTES = 64 * 1024       # a webhook answer is only judged by its status; never read a huge body
MAX_REDIRECTS = 5
# The docs do not name the header that carries the `auth` secret; the sandbox and this check use Authorization.
AUTH_HEADER = "Authorization"
LEVELS = ("error", "warning", "ok")


@dataclass(frozen=True)
class Finding:
    """One line of the verdict: a stable code, how bad it is ("ok", "warning", "error"), the words, the next step."""

    code: str
    level: str
    message: str
    next_step: str = ""


@dataclass
class WebhookCheck:
    url: str
    wh_type: str
    status: int | None = None
    elapsed_ms: float | None = None
    redirects: list[tuple[int, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    answer_preview: str = ""
    answer_truncated: bool = False
    sent_headers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def delivered(self) -> bool:
        return self.status == 200

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def what_next(self) -> str:
        if "webhook-type-disabled" in self.codes():
            return _("Nothing: while {wh_type} is switched off for the profile, the service does not send such webhooks at all.").format(wh_type=self.wh_type)
        return what_next(self.status)


def request_for(url: str, payload: Any, secret: str | None = None) -> Request:
    """The webhook as a request: POST, JSON body, and the secret in AUTH_HEADER when there is one."""
    request = Request(method="POST", body=Body("json", json.dumps(payload, ensure_ascii=False, indent=2)))
    request.set_full_url(url.strip())
    request.headers = [KeyValue("Content-Type", "application/json")]
    if secret:
        request.headers.append(KeyValue(AUTH_HEADER, secret))
    return request


def check(
    url: str,
    wh_type: str = "incoming_message",
    secret: str | None = None,
    timeout: float = 10.0,
    client: httpx.Client | None = None,
    payload: Any = None,
    enabled_types: list[str] | None = None,
) -> WebhookCheck:
    """Deliver one sample webhook to `url` and say what the service would make of the answer. Never raises for bad input."""
    result = WebhookCheck(url=url.strip(), wh_type=wh_type)
    if enabled_types is not None:
        disabled = type_disabled(wh_type, enabled_types)
        if disabled:
            result.findings.append(disabled)
    problem = _url_problem(result.url)
    if problem:
        result.findings.insert(0, problem)
        return result
    result.findings[:0] = _address_warnings(result.url)
    request = request_for(result.url, sample(wh_type) if payload is None else payload, secret)
    own = client is None
    client = client or httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS)
    started = time.perf_counter()
    try:
        # max_seconds bounds a server that trickles an endless answer; the size cap bounds a huge one.
        answer = send(request, client, timeout=timeout, max_body=MAX_ANSWER_BYTES, max_seconds=timeout)
    except errors.SendError as exc:
        result.elapsed_ms = (time.perf_counter() - started) * 1000
        result.findings.insert(0, Finding("webhook-unreachable", "error", exc.message, exc.next_step))
        return result
    finally:
        if own:
            client.close()
    result.status, result.elapsed_ms, result.redirects = answer.status, answer.elapsed_ms, answer.redirects
    result.answer_preview = answer.body[:2000].decode("utf-8", "replace")
    result.answer_truncated = answer.truncated
    result.sent_headers = answer.sent_headers
    result.findings[:0] = _answer_findings(answer.status, answer.reason, answer.elapsed_ms, answer.redirects, answer.url)
    # The worst first: an agent reads the top line and acts on it.
    result.findings.sort(key=lambda f: LEVELS.index(f.level))
    return result


def _url_problem(url: str) -> Finding | None:
    def bad(message: str, next_step: str) -> Finding:
        return Finding("webhook-bad-url", "error", message, next_step)

    if not url:
        return bad(_("Enter the client's webhook address first."), _("Copy it from the client's profile settings (webhook_url)."))
    if "://" not in url:
        return bad(_("The address «{url}» does not say how to connect.").format(url=url),
                   _("Start it with https:// (for example https://{url}).").format(url=url))
    if re.search(r"\s", url):
        return bad(_("The address «{url}» contains a space; web addresses have none.").format(url=url),
                   _("Ask the client for the exact address and paste it without spaces."))
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        return bad(_("The address «{url}» is not a valid web address.").format(url=url),
                   _("A webhook address looks like https://example.com/webhook."))
    return None


def _address_warnings(url: str) -> list[Finding]:
    parsed = httpx.URL(url)
    found = []
    if parsed.scheme == "http":
        found.append(Finding(
            "webhook-http-not-https", "warning",
            _("The address starts with http://, not https://: the messages would travel unencrypted."),
            _("Ask the client to use an https:// address for the webhook."),
        ))
    host = parsed.host
    if host == "localhost" or _is_private(host):
        found.append(Finding(
            "webhook-not-public", "warning",
            _("{host} is an address inside this computer or a local network; the Wappi service on the internet cannot reach it.").format(host=host),
            _("For a client, the webhook must be a public internet address. A local address is only good for tests with the sandbox."),
        ))
    raw = parsed.raw_host.decode("ascii", "replace")
    if raw != host:
        found.append(Finding(
            "webhook-idn", "ok",
            _("The server name {host} is written in national letters; on the internet it is {ascii}.").format(host=host, ascii=raw),
            _("If the client's server does not answer, try the address with {ascii} instead.").format(ascii=raw),
        ))
    return found


def _is_private(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


def _answer_findings(status: int, reason: str, elapsed_ms: float, redirects: list[tuple[int, str]], final_url: str) -> list[Finding]:
    found = []
    seconds = f"{elapsed_ms / 1000:.1f}"
    if redirects:
        first_status = redirects[0][0]
        # A 301/302/303 turns the POST into a GET without the body: the webhook arrives empty, if at all.
        lost = any(code in (301, 302, 303) for code, _url in redirects)
        found.append(Finding(
            "webhook-redirect", "warning",
            _("The address sends the webhook on to another address ({status}): {target}.").format(status=first_status, target=final_url)
            + (" " + _("On the way the POST became a GET and the message itself was dropped.") if lost else ""),
            _("Ask the client to put the final address {target} in the webhook settings: it is not documented that the service follows redirects.").format(target=final_url),
        ))
    if status == 200:
        found.append(Finding("webhook-ok", "ok", _("The server answered 200 OK in {seconds} s: the service counts this as delivered.").format(seconds=seconds)))
    else:
        found.append(Finding(
            "webhook-not-200", "error",
            _("The server answered {status} {reason} instead of 200 OK: the service counts this as not delivered and will try again.").format(status=status, reason=reason),
            _status_advice(status),
        ))
    if elapsed_ms > SLOW_MS:
        found.append(Finding(
            "webhook-slow", "warning",
            _("The answer took {seconds} s; the guideline is under 5 s.").format(seconds=seconds),
            _("Ask the client's developers to answer 200 OK at once and process the data afterwards."),
        ))
    return found


def _status_advice(status: int) -> str:
    if 200 <= status < 300:
        return _("This is a success code, but the course says the service waits for exactly 200: ask the client to answer 200.")
    if status in (401, 403):
        return _("The client's server refused access: check that the secret (auth) matches on both sides.")
    if status == 404:
        return _("There is nothing at this address on the client's server: check the path of the webhook address.")
    if status == 405:
        return _("The client's server does not accept POST at this address: webhooks always come as POST.")
    if 400 <= status < 500:
        return _("The client's server rejected the data: its developers should check how they read the JSON.")
    if status >= 500:
        return _("The client's server failed while handling the webhook: its developers should look at their server logs.")
    return _("Ask the client's developers to answer 200 OK.")


def type_disabled(wh_type: str, webhook_types: list[str]) -> Finding | None:
    """The webhook-type-disabled finding when `wh_type` is missing from the profile status' `webhook_types`."""
    if wh_type in webhook_types:
        return None
    return Finding(
        "webhook-type-disabled", "error",
        _("The type {wh_type} is not switched on for this profile, so such webhooks are never sent.").format(wh_type=wh_type),
        _("Switch it on in the profile settings or with POST /api/webhook/types/set (the list replaces the old one, so include every type needed)."),
    )


def enabled_types_in(text: str) -> list[str] | None:
    """The wh_type names found in pasted text (a list, commas, or a whole status answer); None when the text is blank."""
    if not text.strip():
        return None
    return [t for t in WH_TYPES if re.search(rf"\b{t}\b", text)]


def payload_from_text(text: str) -> Any:
    """The edited sample as JSON; ValueError with words for the agent when it is not valid JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(_("The sample is not valid JSON (line {line}, column {column}): {reason}.").format(
            line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    except RecursionError:
        raise ValueError(_("The sample is nested too deeply to be a webhook message.")) from None


def what_next(status: int | None) -> str:
    """What the service does after this answer: nothing more on 200, otherwise the retry schedule, then "not delivered"."""
    if status == 200:
        return _("Delivered: the service sends this webhook once and does not repeat it.")
    lines = [_("Not delivered: the service tries 5 times in all.")]
    total = 0
    for number, wait in enumerate(RETRY_SCHEDULE, start=1):
        total += wait
        if number == 1:
            lines.append(_("Try 1: at once (this check)."))
        else:
            lines.append(_("Try {number}: {wait} min after the previous one ({total} min after the first).").format(number=number, wait=wait, total=total))
    lines.append(_("If none of them gets 200 OK, the webhook is considered not delivered and is lost."))
    return "\n".join(lines)
