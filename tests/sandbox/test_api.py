"""The sandbox's state, as an agent notices it: counts, webhook settings, proxy, queue, log-out, Telegram login, calls."""
from __future__ import annotations

import time

import pytest

from desktop.sandbox.api import ECHO_NUMBER, split_path
from desktop.sandbox.server import Sandbox
from tests.sandbox.test_server import Receiver, api, wait_for


@pytest.fixture
def sandbox(tmp_path):
    with Sandbox(data_dir=tmp_path, retry_scale=1e-3) as running:
        yield running


@pytest.mark.parametrize("path, parts", [
    ("/api/sync/message/send", ("wa", "sync", "message/send")), ("/tapi/async/contact/send", ("tg", "async", "contact/send")),
    ("/api/profile/logout", ("wa", "", "profile/logout")), ("/csender/cascade/send", ("", "", "csender/cascade/send")),
])
def test_paths_split_into_platform_mode_and_method(path, parts):
    assert split_path(path) == parts


def test_sends_of_every_kind_raise_the_message_count_on_both_platforms(sandbox):
    with api(sandbox) as client:
        before = client.get("/api/sync/get/status").json()["message_count"]
        client.post("/api/sync/message/location/send", json={"recipient": ECHO_NUMBER, "latitude": 55.7, "longitude": 37.6})
        client.post("/api/sync/poll/create", json={"recipient": ECHO_NUMBER, "body": "?", "poll_options": ["a", "b"]})
        sent = client.post("/tapi/sync/message/send", json={"recipient": "@someone", "body": "hi"}).json()
        assert sent["message_id"].isdigit() and len(sent["task_id"]) == 32 and {"pts", "pts_count", "uuid"} <= set(sent)
        assert client.get("/tapi/sync/get/status").json()["message_count"] == before + 3


def test_webhook_address_and_types_set_are_what_get_returns(sandbox):
    with api(sandbox) as client:
        client.post("/tapi/webhook/url/set", params={"url": "https://example.com/hook"})
        client.post("/tapi/webhook/types/set", json=["incoming_message", "incoming_call"])
        assert client.get("/tapi/webhook/url/get").json()["url"] == "https://example.com/hook"
        assert client.get("/api/sync/get/status").json()["webhook_types"] == ["incoming_message", "incoming_call"]
        client.post("/api/webhook/url/delete")
        assert client.get("/api/webhook/url/get").json()["installed"] is False


def test_proxy_is_set_shown_and_deleted_and_a_badly_written_one_is_refused(sandbox):
    with api(sandbox) as client:
        assert client.get("/api/proxy/get").json()["proxy"] is None
        assert client.post("/api/proxy/set", params={"proxy": "login:secret@192.0.2.10:8000"}).status_code == 200
        assert client.get("/api/proxy/get").json()["proxy"] == "login:secret@192.0.2.10:8000"
        assert client.get("/api/sync/get/status").json()["proxy"] == "login:secret@192.0.2.10:8000"
        refused = client.post("/api/proxy/set", params={"proxy": "192.0.2.10"})
        assert refused.status_code == 400 and "proxy" in refused.json()["detail"]
        assert client.post("/api/proxy/delete").json()["detail"] == "Self proxy deleted"
        assert client.get("/api/proxy/get").json()["proxy"] is None


def test_queued_sends_show_in_tasks_then_finish_and_purge_empties_the_queue(tmp_path):
    # Each send waits 3 s in the queue (60 s at a twentieth): time for the checks to see it waiting, even on a loaded machine.
    with Sandbox(data_dir=tmp_path, retry_scale=0.05) as sb, api(sb) as client:
        first = client.post("/tapi/async/message/send", params={"timeout_from": 60, "timeout_to": 60},
                            json={"recipient": "@someone", "body": "later"}).json()
        assert first["detail"] == "Message sent to queue" and len(first["task_id"]) == 32
        tasks = client.get("/tapi/tasks/get").json()["tasks"]
        assert tasks[0]["task_id"] == first["task_id"] and tasks[0]["response"] is None
        assert wait_for(lambda: client.get("/tapi/task/get", params={"task_id": first["task_id"]}).json()["task"]["response"])
        slow = client.post("/api/async/message/img/send", params={"timeout_from": 60, "timeout_to": 60},
                           json={"recipient": ECHO_NUMBER, "b64_file": "/9j/4AAQ"}).json()
        assert [t["task_id"] for t in client.get("/api/profile/queue/get").json()["tasks"]] == [slow["task_id"]]
        client.get("/api/profile/queue/purge")
        assert client.get("/api/profile/queue/get").json()["tasks"] == []


def test_logout_makes_status_say_not_authorised_until_the_qr_code_is_used(sandbox):
    hook = Receiver()
    try:
        with api(sandbox) as client:
            client.post("/api/webhook/url/set", params={"url": hook.url})
            client.get("/api/profile/logout")
            assert client.get("/api/sync/get/status").json()["authorized"] is False
            assert client.get("/api/sync/qr/get").json()["qrCode"].startswith("data:image/png;base64,")
            assert client.get("/api/sync/get/status").json()["authorized"] is True
        # Webhooks go out from a small pool, so the two may arrive in either order.
        assert wait_for(lambda: sorted(e["status"] for e in hook.of_type("authorization_status")) == ["offline", "online"])
    finally:
        hook.close()


def test_telegram_login_moves_phone_then_code_then_password_and_refuses_steps_out_of_order(sandbox):
    with api(sandbox) as client:
        client.get("/tapi/profile/logout")
        assert client.get("/tapi/sync/get/status").json()["authorized"] is False
        early = client.post("/tapi/sync/auth/code", json={"auth_code": "12345"})
        assert early.status_code == 400 and "phone" in early.json()["detail"]
        assert client.post("/tapi/sync/auth/phone", json={"phone": "+7 999 000-00-00"}).json()["detail"] == "waiting for code"
        assert client.post("/tapi/sync/auth/2fa", json={"pwd_code": "secret"}).status_code == 400
        assert client.post("/tapi/sync/auth/code", json={"auth_code": "12345"}).json()["detail"] == "2fa"
        assert client.get("/tapi/sync/get/status").json()["authorized"] is False
        assert client.post("/tapi/sync/auth/2fa", json={"pwd_code": "secret"}).json()["detail"] == "auth_success"
        assert client.get("/tapi/sync/get/status").json()["authorized"] is True
        missing = client.post("/tapi/sync/auth/phone", json={})
        assert missing.status_code == 400 and "'phone'" in missing.json()["detail"]


def test_restart_sends_application_status_and_asking_the_echo_contact_to_call_sends_incoming_call(sandbox):
    hook = Receiver()
    try:
        with api(sandbox) as client:
            client.post("/api/webhook/url/set", params={"url": hook.url})
            client.post("/api/webhook/types/set", json=["application_status", "incoming_call"])
            client.get("/api/profile/restart")
            client.post("/api/sync/message/send", json={"recipient": ECHO_NUMBER, "body": "Позвоните мне, пожалуйста"})
        assert wait_for(lambda: hook.of_type("application_status") and hook.of_type("incoming_call"))
        call = hook.of_type("incoming_call")[0]
        assert call["number"] == ECHO_NUMBER and call["profile_id"] == sandbox.profile_id
        assert hook.of_type("application_status")[0]["status"] == "online"
    finally:
        hook.close()


def test_an_undocumented_path_without_a_handler_answers_its_documented_example_made_fresh(sandbox):
    with api(sandbox) as client:
        answer = client.post("/api/sync/group/create", json={"name": "Team", "participants": [ECHO_NUMBER]}).json()
        assert answer["status"] == "done" and abs(answer["timestamp"] - time.time()) < 60
