"""The Webhooks tab with pytest-qt: a check off the GUI thread shows findings in words; the receiver shows arrivals live."""
from __future__ import annotations

import json
import socket

import httpx
import pytest

from desktop.core.webhooks import sample
from desktop.ui.webhooks_tab import WebhooksTab


@pytest.fixture
def tab(qtbot):
    widget = WebhooksTab()  # the default 10-second wait: loopback answers at once, but a loaded machine may be slow
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def run_check(qtbot, tab):
    with qtbot.waitSignal(tab.check_panel.checked, timeout=30000) as blocker:
        tab.check_panel.check_button.click()
    return blocker.args[0]


def test_choosing_a_type_loads_its_documented_sample(tab):
    panel = tab.check_panel
    assert json.loads(panel.payload_edit.toPlainText()) == sample("incoming_message")
    panel.set_wh_type("incoming_call")
    assert json.loads(panel.payload_edit.toPlainText()) == sample("incoming_call")
    panel.payload_edit.setPlainText("{}")
    panel.reset_button.click()
    assert json.loads(panel.payload_edit.toPlainText()) == sample("incoming_call")


def test_check_against_a_200_server_says_delivered(qtbot, tab, loopback):
    panel = tab.check_panel
    panel.url_edit.setText(loopback.url + "/hook")
    panel.set_wh_type("delivery_status")
    result = run_check(qtbot, tab)
    assert result.status == 200 and panel.check_button.isEnabled()
    assert "Delivered" in panel.verdict.text()
    assert "http://" in panel.findings_view.toPlainText()  # the http-not-https warning, in words
    assert "does not repeat" in panel.next_view.text()
    assert json.loads(loopback.arrived[-1].body) == sample("delivery_status")


def test_check_against_a_500_server_shows_the_retry_schedule(qtbot, tab, loopback):
    panel = tab.check_panel
    panel.url_edit.setText(loopback.url + "/500")
    panel.secret_edit.setText("StrongPassword")
    run_check(qtbot, tab)
    assert "500" in panel.verdict.text() and "not delivered" in panel.findings_view.toPlainText()
    assert "Try 5" in panel.next_view.text()
    assert ("Authorization", "StrongPassword") in loopback.arrived[-1].headers


def test_nobody_listening_is_explained(qtbot, tab):
    # Bound but not listening: refused, and no other test's server can take the port meanwhile.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        tab.check_panel.url_edit.setText(f"http://127.0.0.1:{s.getsockname()[1]}/hook")
        result = run_check(qtbot, tab)
    assert result.status is None and "refused" in tab.check_panel.findings_view.toPlainText()


def test_address_without_scheme_and_broken_json_are_words(qtbot, tab):
    panel = tab.check_panel
    panel.url_edit.setText("example.com/hook")
    run_check(qtbot, tab)
    assert "https://" in panel.findings_view.toPlainText() and panel.next_view.text() == ""
    panel.url_edit.setText("https://example.com/hook")
    panel.payload_edit.setPlainText('{"messages": ')
    panel.check_button.click()  # refused on the GUI thread, nothing sent
    assert "not valid JSON" in panel.findings_view.toPlainText() and panel.task is None


def test_disabled_type_from_pasted_status(qtbot, tab, loopback):
    panel = tab.check_panel
    panel.url_edit.setText(loopback.url + "/hook")
    panel.set_wh_type("incoming_call")
    panel.types_edit.setText('"webhook_types": ["incoming_message", "delivery_status"]')
    result = run_check(qtbot, tab)
    assert "webhook-type-disabled" in result.codes() and "not switched on" in panel.findings_view.toPlainText()


def test_save_as_request_never_stores_the_secret(qtbot, tab):
    panel = tab.check_panel
    panel.url_edit.setText("https://client.example/webhook")
    panel.secret_edit.setText("StrongPassword")
    panel.set_wh_type("authorization_status")
    with qtbot.waitSignal(tab.save_requested) as blocker:
        panel.save_button.click()
    request = blocker.args[0]
    assert (request.method, request.full_url()) == ("POST", "https://client.example/webhook")
    assert request.header("Content-Type") == "application/json" and request.header("Authorization") == "{{webhook_secret}}"
    assert request.body.kind == "json" and json.loads(request.body.text) == sample("authorization_status")
    assert "StrongPassword" not in json.dumps(request.to_dict())


def test_receiver_shows_webhooks_live_and_answers_by_mode(qtbot, tab):
    panel = tab.receive_panel
    panel.start_button.click()
    url = panel.address_edit.text()
    assert url.startswith("http://127.0.0.1:") and panel.receiver is not None
    httpx.post(url, json=sample("incoming_message"), headers={"Authorization": "StrongPassword"})
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=30000)
    assert "incoming_message" in panel.list.item(0).text() and "200" in panel.list.item(0).text()
    assert "Authorization: StrongPassword" in panel.headers_view.toPlainText()
    assert json.loads(panel.body_view.toPlainText()) == sample("incoming_message")

    panel.mode_box.setCurrentIndex(panel.mode_box.findData("error"))
    assert httpx.post(url, json=sample("delivery_status")).status_code == 500
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=30000)
    assert "delivery_status" in panel.list.item(1).text() and "500" in panel.list.item(1).text()

    panel.start_button.click()  # stop
    assert panel.receiver is None and "Stopped" in panel.status_label.text()
    with pytest.raises(httpx.ConnectError):
        httpx.post(url, json={})


def test_taken_port_is_explained(qtbot, tab):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        tab.receive_panel.port_box.setValue(s.getsockname()[1])
        tab.receive_panel.start_button.click()
    assert tab.receive_panel.receiver is None and "taken" in tab.receive_panel.status_label.text()


def test_the_page_lets_go_what_the_receiver_let_go_and_says_so(qtbot, tab):
    panel = tab.receive_panel
    panel.start_button.click()
    panel.receiver.keep = 3  # a small bound, so a few webhooks show the oldest going
    for n in range(5):
        httpx.post(panel.address_edit.text(), json={"n": n})
    qtbot.waitUntil(lambda: "let go" in panel.status_label.text(), timeout=30000)
    assert panel.list.count() == 3 and [a.payload["n"] for a in panel.arrivals] == [2, 3, 4]
    assert "The oldest 2 were let go to save memory." in panel.status_label.text()


def test_the_reply_button_speaks_only_of_the_check_on_screen(qtbot, tab, loopback):
    panel = tab.check_panel
    assert not panel.reply_button.isEnabled()  # nothing checked yet
    panel.url_edit.setText(loopback.url + "/500")
    result = run_check(qtbot, tab)
    assert panel.reply_button.isEnabled()
    with qtbot.waitSignal(tab.reply_requested) as asked:
        panel.reply_button.click()
    assert asked.args[0] is result
    # A check that could not be made leaves nothing to reply about.
    panel.payload_edit.setPlainText("{broken")
    panel.check_button.click()
    assert not panel.reply_button.isEnabled() and panel.last is None
