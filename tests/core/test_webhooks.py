"""check() against real loopback servers that answer 200, 500, slowly, with a redirect, 50 MB, or not at all; samples; bad input."""
from __future__ import annotations

import json
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.core import webhooks
from desktop.core.webhooks import (
    RETRY_SCHEDULE,
    WH_TYPES,
    check,
    enabled_types_in,
    payload_from_text,
    sample,
    type_disabled,
    what_next,
)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # clients hang up on /huge and /never on purpose


@pytest.fixture
def hook():
    """A webhook endpoint on 127.0.0.1 that behaves by path; `.arrived` holds (method, path, headers, body)."""
    arrived: list[tuple[str, str, dict, bytes]] = []
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self, status: int, body: bytes = b'{"ok": true}', extra: dict | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            arrived.append((self.command, self.path, dict(self.headers.items()), self.rfile.read(length)))
            path = self.path
            if path == "/slow":
                time.sleep(1.5)
            if path == "/never":
                release.wait(30)
                return
            if path == "/huge":
                self.send_response(200)
                self.send_header("Content-Length", str(50 * 1024 * 1024))
                self.end_headers()
                chunk = b"x" * 65536
                for _ in range(800):
                    self.wfile.write(chunk)
                return
            if path == "/moved":
                return self._answer(302, b"", {"Location": "/ok"})
            if path == "/kept":
                return self._answer(307, b"", {"Location": "/ok"})
            status = int(path.strip("/")) if path.strip("/").isdigit() else 200
            self._answer(status)

        do_POST = do_GET = _serve

        def log_message(self, *args) -> None:
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    server.arrived = arrived
    yield server
    release.set()
    server.shutdown()
    server.server_close()


# --- samples
def test_every_type_has_its_documented_shape():
    assert set(WH_TYPES) == {"incoming_message", "delivery_status", "outgoing_message_phone", "outgoing_message_api",
                             "authorization_status", "application_status", "incoming_call"}
    for wh_type in WH_TYPES:
        messages = sample(wh_type)["messages"]
        first = messages if isinstance(messages, dict) else messages[0]
        assert first["wh_type"] == wh_type and first["profile_id"] == "abcd1234-ef56"
    # The docs' examples: one object, not a list, for these two.
    assert isinstance(sample("delivery_status")["messages"], dict)
    assert isinstance(sample("incoming_call")["messages"], dict)
    assert sample("outgoing_message_phone")["messages"][0]["from_where"] == "phone"
    assert "task_id" not in sample("outgoing_message_phone")["messages"][0]
    assert "task_id" in sample("outgoing_message_api")["messages"][0]


def test_samples_match_the_fact_sheet(shared_dir):
    """Each sample has exactly the keys of the JSON example printed in ENDPOINTS.md §3.3."""
    sheet = (shared_dir / "wappi-api" / "ENDPOINTS.md").read_text(encoding="utf-8")
    section = sheet.split("### 3.3", 1)[1].split("\n## ", 1)[0]
    for wh_type in ("delivery_status", "authorization_status", "application_status", "incoming_call", "outgoing_message_api"):
        block = re.search(rf"`{wh_type}`[^\n]*\n```json\n(.*?)```", section, re.DOTALL).group(1)
        documented = json.loads(block.replace("…", ""))
        assert json.loads(json.dumps(sample(wh_type)).replace("…", "")).keys() == documented.keys()
        got, want = sample(wh_type)["messages"], documented["messages"]
        got, want = (got, want) if isinstance(want, dict) else (got[0], want[0])
        assert got.keys() == want.keys(), wh_type


def test_sample_is_a_fresh_copy_and_unknown_type_is_refused():
    sample("incoming_message")["messages"][0]["body"] = "changed"
    assert sample("incoming_message")["messages"][0]["body"] == "Ответ на сообщение"
    with pytest.raises(ValueError):
        sample("nonsense")


def test_retry_schedule_is_the_courses():
    assert RETRY_SCHEDULE == (0, 5, 10, 20, 30)
    text = what_next(500)
    assert "5 times" in text and "65 min after the first" in text and "not delivered" in text
    assert "does not repeat" in what_next(200)
    assert "not delivered" in what_next(None).lower()


# --- answers
def test_200_is_delivered_and_the_payload_arrives_as_posted_json(hook):
    result = check(hook.base + "/ok", "delivery_status", secret="StrongPassword", timeout=5)
    assert result.status == 200 and result.delivered and result.elapsed_ms is not None
    assert "webhook-ok" in result.codes() and "webhook-not-200" not in result.codes()
    method, _path, headers, body = hook.arrived[-1]
    assert method == "POST" and json.loads(body) == sample("delivery_status")
    assert headers["Content-Type"] == "application/json" and headers[webhooks.AUTH_HEADER] == "StrongPassword"
    # Loopback over http: the two address warnings, each with a next step.
    assert {"webhook-http-not-https", "webhook-not-public"} <= set(result.codes())
    assert all(f.next_step for f in result.findings if f.level != "ok")


def test_edited_payload_is_sent_as_is(hook):
    check(hook.base + "/ok", payload={"messages": []}, timeout=5)
    assert json.loads(hook.arrived[-1][3]) == {"messages": []}


@pytest.mark.parametrize("status, words", [(500, "server logs"), (404, "path"), (401, "secret"), (405, "POST"), (204, "exactly 200")])
def test_not_200_names_the_code_and_the_retries(hook, status, words):
    result = check(hook.base + f"/{status}", timeout=5)
    assert result.status == status and not result.delivered
    finding = next(f for f in result.findings if f.code == "webhook-not-200")
    assert str(status) in finding.message and words in finding.next_step
    assert "Try 5" in result.what_next()


def test_slow_answer_against_the_guideline(hook, monkeypatch):
    # The server waits 1.5 s instead of the real 5; a quick answer has a whole second, even on a loaded machine.
    monkeypatch.setattr(webhooks, "SLOW_MS", 1000.0)
    result = check(hook.base + "/slow", timeout=5)
    assert result.status == 200 and "webhook-slow" in result.codes()
    assert "webhook-slow" not in check(hook.base + "/ok", timeout=5).codes()


def test_redirect_that_drops_the_body_is_reported(hook):
    result = check(hook.base + "/moved", timeout=5)
    assert result.redirects == [(302, hook.base + "/moved")] and result.status == 200
    finding = next(f for f in result.findings if f.code == "webhook-redirect")
    assert "dropped" in finding.message and hook.base + "/ok" in finding.next_step
    assert hook.arrived[-1][0] == "GET"  # what the client's server actually got


def test_redirect_that_keeps_the_post(hook):
    result = check(hook.base + "/kept", timeout=5)
    finding = next(f for f in result.findings if f.code == "webhook-redirect")
    assert "dropped" not in finding.message and hook.arrived[-1][0] == "POST"


# --- unreachable
def test_port_nobody_listens_on():
    # Bound but not listening: refused, and no other test's server can take the port meanwhile.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        started = time.monotonic()
        result = check(f"http://127.0.0.1:{s.getsockname()[1]}/hook", timeout=3)
    assert result.status is None and result.codes()[0] == "webhook-unreachable"
    assert "refused" in result.findings[0].message and time.monotonic() - started < 3
    assert "not delivered" in result.what_next()


def test_server_that_never_answers_is_bounded(hook):
    started = time.monotonic()
    result = check(hook.base + "/never", timeout=0.5)
    assert time.monotonic() - started < 3
    assert result.status is None and result.findings[0].code == "webhook-unreachable"
    assert "did not answer within 0.5 s" in result.findings[0].message


def test_fifty_megabytes_are_not_read(hook):
    started = time.monotonic()
    result = check(hook.base + "/huge", timeout=5)
    assert result.status == 200 and result.answer_truncated and time.monotonic() - started < 5
    assert len(result.answer_preview) <= 2000


def test_tls_to_a_plain_http_server(hook):
    result = check(hook.base.replace("http://", "https://") + "/ok", timeout=3)
    assert result.findings[0].code == "webhook-unreachable" and "TLS" in result.findings[0].message


def test_unknown_host_name():
    result = check("https://no-such-host.invalid/hook", timeout=3)
    assert result.findings[0].code == "webhook-unreachable" and "was not found" in result.findings[0].message


def test_cyrillic_host_is_shown_in_both_spellings():
    result = check("https://пример.рф/webhook", timeout=3)
    idn = next(f for f in result.findings if f.code == "webhook-idn")
    assert "пример.рф" in idn.message and "xn--e1afmkfd.xn--p1ai" in idn.message
    assert "webhook-unreachable" in result.codes()  # no such server in the test network


# --- bad input never sends
@pytest.mark.parametrize("url, words", [
    ("", "Enter"),
    ("example.com/webhook", "https://example.com/webhook"),
    ("https://example.com/web hook", "space"),
    ("https://exa mple.com/hook", "space"),
    ("ftp://example.com/hook", "valid web address"),
    ("https://", "valid web address"),
    ("http://[::1", "valid web address"),
])
def test_bad_addresses_get_words_not_a_request(url, words):
    result = check(url, timeout=1)
    assert result.status is None and result.findings[0].code == "webhook-bad-url"
    assert words in result.findings[0].message + result.findings[0].next_step


def test_surrounding_spaces_are_forgiven(hook):
    assert check(f"  {hook.base}/ok \n", timeout=5).status == 200


# --- types
def test_type_disabled_from_the_status_answer():
    status_answer = {"webhook_types": ["authorization_status", "incoming_message", "delivery_status"]}
    assert type_disabled("incoming_message", status_answer["webhook_types"]) is None
    finding = type_disabled("incoming_call", status_answer["webhook_types"])
    assert finding.code == "webhook-type-disabled" and "incoming_call" in finding.message and "types/set" in finding.next_step


def test_type_disabled_is_part_of_a_check(hook):
    result = check(hook.base + "/ok", "incoming_call", enabled_types=["incoming_message"], timeout=5)
    assert "webhook-type-disabled" in result.codes() and result.codes()[0] == "webhook-type-disabled"
    assert "does not send such webhooks at all" in result.what_next()


def test_enabled_types_from_pasted_text():
    assert enabled_types_in("  ") is None
    assert enabled_types_in('["incoming_message", "delivery_status"]') == ["incoming_message", "delivery_status"]
    pasted = json.dumps({"webhook_url": "https://x", "webhook_types": ["incoming_call"]})
    assert enabled_types_in(pasted) == ["incoming_call"]


def test_payload_from_text_says_where_the_json_breaks():
    assert payload_from_text('{"a": 1}') == {"a": 1}
    with pytest.raises(ValueError, match="line 2"):
        payload_from_text('{\n"a": }')
