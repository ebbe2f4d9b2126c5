"""The local receiver: records webhooks with their type, JSON and headers, answers 200/500/slowly, stays bounded."""
from __future__ import annotations

import json
import time

import httpx
import pytest

from desktop.core.webhook_receiver import WebhookReceiver
from desktop.core.webhooks import check, sample


@pytest.fixture
def receiver():
    with WebhookReceiver(slow_seconds=0.5) as running:
        yield running


def test_records_time_type_json_and_headers(receiver):
    before = time.time()
    r = httpx.post(receiver.url, json=sample("delivery_status"), headers={"Authorization": "secret"})
    assert r.status_code == 200
    (arrival,) = receiver.arrivals()
    assert arrival.wh_type == "delivery_status" and arrival.payload == sample("delivery_status")
    assert ("Authorization", "secret") in arrival.headers and arrival.time >= before
    assert arrival.answered == 200 and arrival.method == "POST" and arrival.path == "/webhook"


def test_list_payloads_and_new_arrivals_only(receiver):
    for wh_type in ("incoming_message", "authorization_status"):
        httpx.post(receiver.url, json=sample(wh_type))
    first, second = receiver.arrivals()
    assert (first.wh_type, second.wh_type) == ("incoming_message", "authorization_status")
    assert receiver.arrivals(after=first.number) == [second]


def test_error_mode_answers_500_and_check_says_so(receiver):
    receiver.set_mode("error")
    result = check(receiver.url, timeout=5)
    assert result.status == 500 and "webhook-not-200" in result.codes()
    assert receiver.arrivals()[-1].answered == 500


def test_slow_mode_answers_late(receiver):
    receiver.set_mode("slow")
    started = time.monotonic()
    assert httpx.post(receiver.url, json={}).status_code == 200
    assert time.monotonic() - started >= 0.5


def test_stop_does_not_wait_for_a_slow_answer():
    receiver = WebhookReceiver(slow_seconds=30).start()
    receiver.set_mode("slow")
    with pytest.raises(httpx.TimeoutException):
        httpx.post(receiver.url, json={}, timeout=0.3)
    started = time.monotonic()
    receiver.stop()
    assert time.monotonic() - started < 2 and not receiver.running


def test_not_json_and_too_large_are_noted_not_kept():
    with WebhookReceiver(max_body=1000) as receiver:
        assert httpx.post(receiver.url, content=b"hello").status_code == 200
        assert httpx.post(receiver.url, content=b"x" * 5000).status_code == 413
        plain, big = receiver.arrivals()
        assert (plain.note, plain.body, plain.payload, plain.wh_type) == ("not-json", "hello", None, "")
        assert (big.note, big.body) == ("too-large", "")


def test_memory_is_bounded():
    with WebhookReceiver(keep=5) as receiver:
        with httpx.Client() as client:
            for n in range(12):
                client.post(receiver.url, json={"n": n})
        kept = receiver.arrivals()
        assert [a.payload["n"] for a in kept] == [7, 8, 9, 10, 11] and kept[-1].number == 12


def test_unknown_mode_is_refused_and_port_can_be_chosen(receiver):
    with pytest.raises(ValueError):
        receiver.set_mode("teapot")
    with pytest.raises(OSError):
        WebhookReceiver(port=receiver.port).start()  # already taken
    receiver.clear()
    assert receiver.arrivals() == []


def test_garbage_json_types_do_not_break_it(receiver):
    for body in ([1, 2], {"messages": "x"}, {"messages": []}, {"messages": [{"wh_type": 5}]}, "text"):
        httpx.post(receiver.url, content=json.dumps(body).encode())
    assert [a.wh_type for a in receiver.arrivals()] == [""] * 5


def test_kept_bytes_are_bounded_the_oldest_go_and_are_counted():
    big = {"messages": [{"wh_type": "incoming_message", "body": "x" * (512 * 1024)}]}
    with WebhookReceiver(keep_bytes=4 * 1024 * 1024) as receiver:
        with httpx.Client() as client:
            for _ in range(40):
                assert client.post(receiver.url, json=big).status_code == 200
        kept = receiver.arrivals()
        assert sum(len(a.body) for a in kept) <= 4 * 1024 * 1024
        assert [a.number for a in kept] == list(range(41 - len(kept), 41))  # the newest, in order
        assert receiver.dropped == 40 - len(kept) and receiver.oldest_kept() == kept[0].number
        assert all(a.wh_type == "incoming_message" for a in kept)  # the type is known even when the JSON is not kept


def test_the_newest_arrival_stays_even_when_alone_it_is_over_the_budget():
    with WebhookReceiver(keep_bytes=1000) as receiver:
        for n in range(3):
            httpx.post(receiver.url, json={"n": n, "pad": "x" * 5000})
        (only,) = receiver.arrivals()
        assert only.number == 3 and receiver.dropped == 2


def test_many_senders_at_once_are_all_answered_and_recorded():
    import threading

    count = 60
    answers: list[int] = []
    with WebhookReceiver() as receiver:
        def send(n):
            answers.append(httpx.post(receiver.url, json={"n": n}, timeout=30).status_code)

        threads = [threading.Thread(target=send, args=(n,)) for n in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert answers == [200] * count
        assert sorted(a.payload["n"] for a in receiver.arrivals()) == list(range(count))


def test_a_sender_that_dribbles_its_headers_is_cut_off():
    import socket

    with WebhookReceiver(read_timeout=1.0) as receiver:
        with socket.create_connection(("127.0.0.1", receiver.port)) as slow:
            slow.sendall(b"POST /webhook HTTP/1.1\r\n")
            closed = False
            for _ in range(100):  # one byte every 0.1 s: never silent for a whole second
                try:
                    slow.sendall(b"X")
                    slow.setblocking(False)
                    try:
                        closed = slow.recv(100) == b""
                    except BlockingIOError:
                        pass
                    finally:
                        slow.setblocking(True)
                except OSError:
                    closed = True
                if closed:
                    break
                time.sleep(0.1)
            assert closed
        assert httpx.post(receiver.url, json={}).status_code == 200


def test_a_chunked_webhook_of_unknown_size_is_refused_not_misread(receiver):
    def parts():
        yield b'{"a": '
        yield b"1}"

    assert httpx.post(receiver.url, content=parts()).status_code == 413
    assert httpx.post(receiver.url, json={"b": 2}).status_code == 200
    assert [a.note for a in receiver.arrivals()] == ["too-large", ""]
