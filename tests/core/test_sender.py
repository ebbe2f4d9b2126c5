"""Sending over a real loopback socket: exactly what the agent built arrives, every failure becomes words."""
import socket
import threading

import pytest

from desktop.core import sender
from desktop.core.errors import SendError
from desktop.core.models import Body, KeyValue, Request


@pytest.fixture
def client():
    with sender.make_client() as c:
        yield c


def test_exact_method_path_query_headers_and_body_arrive(loopback, client):
    body = '{"body": "Привет", "recipient": "79990000000"}'
    request = Request(
        method="POST",
        url="{{base_url}}/api/sync/message/send",
        params=[KeyValue("profile_id", "{{profile_id}}"), KeyValue("skip", "me", enabled=False)],
        headers=[
            KeyValue("Authorization", "{{token}}"),
            KeyValue("Content-Type", "application/json"),
            KeyValue("X-Off", "no", enabled=False),
        ],
        body=Body("json", body),
    )
    values = {"base_url": loopback.url, "profile_id": "abc-123", "token": "tok"}
    response = sender.send(request, client, values)
    assert response.status == 200
    arrived = loopback.arrived[-1]
    assert arrived.method == "POST"
    assert arrived.path == "/api/sync/message/send?profile_id=abc-123"
    headers = {k.lower(): v for k, v in arrived.headers}
    assert headers["authorization"] == "tok"
    assert headers["content-type"] == "application/json"
    assert "x-off" not in headers
    assert arrived.body == body.encode("utf-8")
    assert response.sent_body == body.encode("utf-8")
    assert ("authorization", "tok") in [(k.lower(), v) for k, v in response.sent_headers]
    assert response.elapsed_ms > 0
    assert response.size == len(response.body)


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
def test_every_method(loopback, client, method):
    response = sender.send(Request(method=method, url=loopback.url + "/x"), client)
    assert response.status == 200
    assert loopback.arrived[-1].method == method


def test_status_and_reason_and_timings(loopback, client):
    response = sender.send(Request(url=loopback.url + "/404"), client)
    assert (response.status, response.reason) == (404, "Not Found")
    assert {"connect", "wait"} <= set(response.timings)


def test_unresolved_variable_is_never_sent(loopback, client):
    with pytest.raises(SendError) as info:
        sender.send(Request(url=loopback.url + "/?profile_id={{profile_id}}"), client)
    assert info.value.code == "unresolved-variables"
    assert "{{profile_id}}" in info.value.message
    assert loopback.arrived == []


def test_connection_refused(client):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(SendError) as info:
        sender.send(Request(url=f"http://127.0.0.1:{port}/"), client)
    assert info.value.code == "connection-refused"
    assert info.value.next_step


def test_dns_failure(client):
    with pytest.raises(SendError) as info:
        sender.send(Request(url="http://no-such-host.invalid/"), client)
    assert info.value.code in ("dns", "connection-failed")
    assert "no-such-host.invalid" in info.value.message


def test_timeout(loopback, client):
    with pytest.raises(SendError) as info:
        sender.send(Request(url=loopback.url + "/slow"), client, timeout=0.5)
    assert info.value.code == "timeout"
    assert "0.5" in info.value.message


def test_reset_mid_response(loopback, client):
    with pytest.raises(SendError) as info:
        sender.send(Request(url=loopback.url + "/reset"), client)
    assert info.value.code == "reset"


def test_tls_error_against_plain_http_server(loopback, client):
    with pytest.raises(SendError) as info:
        sender.send(Request(url=loopback.url.replace("http://", "https://") + "/"), client)
    assert info.value.code in ("tls", "reset", "connection-failed")


def test_missing_scheme_and_bad_url(client):
    with pytest.raises(SendError) as info:
        sender.send(Request(url="wappi.pro/api/sync/get/status"), client)
    assert info.value.code == "no-scheme"
    with pytest.raises(SendError) as info:
        sender.send(Request(url="ftp://example.com/"), client)
    assert info.value.code == "invalid-url"


def test_body_cap_cuts_and_says_so(loopback, client):
    response = sender.send(Request(url=loopback.url + "/big"), client, max_body=1024 * 1024)
    assert response.truncated
    assert response.size == 1024 * 1024


def test_cancel_stops_the_download(loopback, client):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(SendError) as info:
        sender.send(Request(url=loopback.url + "/big"), client, cancel=cancel)
    assert info.value.code == "cancelled"


def test_header_with_line_break_is_explained(loopback, client):
    with pytest.raises(SendError) as info:
        sender.send(Request(url=loopback.url + "/", headers=[KeyValue("Authorization", "abc\ndef")]), client)
    assert info.value.code == "invalid-header"
