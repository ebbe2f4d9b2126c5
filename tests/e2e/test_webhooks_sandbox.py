"""Sandbox → local receiver end to end: a message to the echo contact brings its webhooks; a 500 brings the course's retries."""
from __future__ import annotations

import itertools
import time

import httpx
import pytest

from desktop.core.webhook_receiver import WebhookReceiver
from desktop.core.webhooks import RETRY_SCHEDULE, check
from desktop.sandbox.api import ECHO_NUMBER
from desktop.sandbox.server import Sandbox

SCALE = 2e-4  # one minute of the schedule lasts 12 ms


@pytest.fixture
def wired(tmp_path):
    """A sandbox whose demo profile sends its webhooks to a fresh receiver, with the secret "StrongPassword"."""
    with Sandbox(data_dir=tmp_path, retry_scale=SCALE) as sandbox, WebhookReceiver() as receiver:
        client = httpx.Client(base_url=sandbox.base_url, headers={"Authorization": sandbox.token}, timeout=10)
        answer = client.post("/api/webhook/url/set", params={"profile_id": sandbox.profile_id, "url": receiver.url, "auth": "StrongPassword"})
        assert answer.json()["status"] == "done"
        yield sandbox, receiver, client
        client.close()


def send_to_echo(sandbox, client, text="Привет"):
    answer = client.post("/api/sync/message/send", params={"profile_id": sandbox.profile_id},
                         json={"recipient": ECHO_NUMBER, "body": text})
    assert answer.status_code == 200
    return answer.json()["message_id"]


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        time.sleep(0.02)
    return condition()


def test_message_to_echo_brings_delivery_status_and_incoming_message(wired):
    sandbox, receiver, client = wired
    message_id = send_to_echo(sandbox, client)
    assert wait_for(lambda: {"delivery_status", "incoming_message"} <= {a.wh_type for a in receiver.arrivals()})
    by_type = {a.wh_type: a for a in receiver.arrivals()}
    status = by_type["delivery_status"]
    assert status.payload["messages"]["id"] == message_id  # one object, as documented
    assert by_type["incoming_message"].payload["messages"][0]["body"] == "Echo: Привет"
    assert ("Authorization", "StrongPassword") in status.headers
    # outgoing_message_api is not among a new profile's types, so it never came.
    assert "outgoing_message_api" not in by_type


def test_receiver_answering_500_gets_the_retry_schedule(wired):
    sandbox, receiver, client = wired
    receiver.set_mode("error")
    message_id = send_to_echo(sandbox, client)

    def tries():
        return [a for a in receiver.arrivals() if a.wh_type == "delivery_status" and a.payload["messages"]["id"] == message_id]

    assert wait_for(lambda: len(tries()) == len(RETRY_SCHEDULE))
    times = [a.time for a in tries()]
    for gap, minutes in zip((b - a for a, b in itertools.pairwise(times)), RETRY_SCHEDULE[1:]):
        assert gap >= minutes * 60 * SCALE * 0.9  # never earlier than the schedule says
    time.sleep(RETRY_SCHEDULE[-1] * 60 * SCALE * 2)
    assert len(tries()) == 5  # and no sixth: "not delivered"

    def logged():
        return [a for a in sandbox.webhook_log() if a.wh_type == "delivery_status"]

    assert wait_for(lambda: len(logged()) == 5)  # the log is written after the receiver answers
    attempts = logged()
    assert [a.attempt for a in attempts] == [1, 2, 3, 4, 5] and attempts[-1].final and attempts[-1].status == 500


def test_check_against_the_receiver_agrees_with_the_sandbox(wired):
    _sandbox, receiver, _client = wired
    receiver.set_mode("error")
    result = check(receiver.url, "delivery_status", secret="StrongPassword", timeout=5)
    assert result.status == 500 and "Try 5" in result.what_next()
    receiver.set_mode("ok")
    assert check(receiver.url, "delivery_status", timeout=5).delivered
