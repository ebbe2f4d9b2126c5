"""The real window driven with qtbot: a request built in the panels round-trips over loopback and is shown."""

from desktop.app import make_app
from desktop.core.errors import SendError
from desktop.core.models import Body, KeyValue, Request
from desktop.core.settings import Settings
from desktop.core.variables import Environment, Variable


def send_and_wait(qtbot, window):
    with qtbot.waitSignal(window.response_shown, timeout=30000) as blocker:
        window.url_bar.button.click()
    return blocker.args[0]


def test_send_from_panels_round_trip(qtbot, window, loopback):
    window.load_model(
        Request(
            method="POST",
            url=loopback.url + "/api/sync/message/send",
            params=[KeyValue("profile_id", "abc")],
            headers=[KeyValue("Authorization", "tok"), KeyValue("Content-Type", "application/json")],
            body=Body("json", '{"recipient": "79990000000", "body": "Привет"}'),
        )
    )
    result = send_and_wait(qtbot, window)
    assert result.status == 200
    arrived = loopback.arrived[-1]
    assert (arrived.method, arrived.path) == ("POST", "/api/sync/message/send?profile_id=abc")
    assert arrived.body == '{"recipient": "79990000000", "body": "Привет"}'.encode()
    view = window.response_view
    assert view.badge.text() == "200 OK"
    assert "Success" in view.meaning.text()
    assert '"method": "POST"' in view.body.toPlainText()  # pretty-printed JSON
    assert view.headers.rowCount() >= 2
    assert window.url_bar.button.text() == "Send"


def test_url_and_query_table_stay_in_sync(qtbot, window):
    window.url_bar.url.setText("")
    qtbot.keyClicks(window.url_bar.url, "https://wappi.pro/api/sync/get/status?profile_id=p1&x=2")
    assert [(p.name, p.value) for p in window.params.to_model()] == [("profile_id", "p1"), ("x", "2")]
    window.params.item(1, 0).setCheckState(window.params.item(1, 0).checkState().Unchecked)
    assert window.url_bar.url.text() == "https://wappi.pro/api/sync/get/status?profile_id=p1"
    window.params.item(0, 2).setText("p2")
    assert window.url_bar.url.text() == "https://wappi.pro/api/sync/get/status?profile_id=p2"
    model = window.to_model()
    assert model.url == "https://wappi.pro/api/sync/get/status"
    assert [(p.name, p.enabled) for p in model.params] == [("profile_id", True), ("x", False)]


def test_header_rows_can_be_disabled(qtbot, window, loopback):
    window.load_model(Request(url=loopback.url + "/x", headers=[KeyValue("X-A", "1"), KeyValue("X-B", "2", False)]))
    send_and_wait(qtbot, window)
    names = {k.lower() for k, _v in loopback.arrived[-1].headers}
    assert "x-a" in names and "x-b" not in names


def test_network_failure_is_a_message_not_a_crash(qtbot, window):
    window.load_model(Request(url="http://127.0.0.1:9/"))
    result = send_and_wait(qtbot, window)
    assert isinstance(result, SendError)
    assert window.response_view.stack.currentWidget() is window.response_view.error
    assert "refused" in window.response_view.error.text()
    assert "Traceback" not in window.response_view.error.text()


def test_unresolved_variable_is_reported_before_sending(qtbot, window, loopback):
    window.load_model(Request(url=loopback.url + "/x?profile_id={{client_profile}}"))
    result = send_and_wait(qtbot, window)
    assert result.code == "unresolved-variables"
    assert "{{client_profile}}" in window.response_view.error.text()
    assert loopback.arrived == []


def test_environment_values_fill_variables(qtbot, loopback):
    settings = Settings(language="en", active_environment="Test")
    win = make_app(settings)
    qtbot.addWidget(win)
    win.environments.append(Environment("Test", [Variable("base_url", loopback.url), Variable("profile_id", "p9")]))
    win.environment_box.addItem("Test")
    win.environment_box.setCurrentText("Test")
    win.load_model(Request(url="{{base_url}}/x", params=[KeyValue("profile_id", "{{profile_id}}")]))
    send_and_wait(qtbot, win)
    assert loopback.arrived[-1].path == "/x?profile_id=p9"
    win.desk.close()


def test_cancel_frees_the_window_at_once(qtbot, window, loopback):
    window.load_model(Request(url=loopback.url + "/slow"))
    window.url_bar.button.click()
    assert window.url_bar.button.text() == "Cancel"
    with qtbot.waitSignal(window.response_shown, timeout=1000) as blocker:
        window.url_bar.button.click()
    assert blocker.args[0].code == "cancelled"
    assert window.url_bar.button.text() == "Send"
    qtbot.wait(3500)  # the late answer of the cancelled request must not replace the message
    assert window.response_view.stack.currentWidget() is window.response_view.error


def test_binary_and_text_bodies(qtbot, window, loopback):
    window.load_model(Request(url=loopback.url + "/binary"))
    send_and_wait(qtbot, window)
    assert "Binary data: 1024 bytes" in window.response_view.note.text()
    window.load_model(Request(url=loopback.url + "/text"))
    send_and_wait(qtbot, window)
    assert window.response_view.body.toPlainText() == "plain text, Привет"


def test_status_badge_for_errors(qtbot, window, loopback):
    window.load_model(Request(url=loopback.url + "/401"))
    send_and_wait(qtbot, window)
    assert window.response_view.badge.text() == "401 Unauthorized"
    assert "token" in window.response_view.meaning.text()


def test_language_switch_rebuilds_window_in_russian_keeping_the_request(qtbot, window, loopback):
    window.load_model(Request(method="POST", url=loopback.url + "/x", body=Body("json", "{}")))
    desk = window.desk
    desk.switch_language("ru")
    new = desk.window
    qtbot.addWidget(new)
    assert new is not window
    assert new.url_bar.button.text() == "Отправить"
    assert new.request_tabs.tabText(1) == "Заголовки"
    assert new.to_model().method == "POST"
    desk.switch_language("en")
    assert desk.window.url_bar.button.text() == "Send"


def test_webhooks_page_and_sample_opens_as_request(qtbot, window):
    assert window.pages.tabText(1) == "Webhooks"
    from desktop.core.models import Body, KeyValue, Request

    sample = Request("POST", "https://example.com/hook", headers=[KeyValue("Content-Type", "application/json")],
                     body=Body("json", '{"messages": []}'))
    window.webhooks.save_requested.emit(sample)
    assert window.pages.currentWidget() is window.splitter
    assert window.to_model().url == "https://example.com/hook"
    assert window.body.to_model().text == '{"messages": []}'


def test_clicking_the_open_request_again_keeps_its_answer(qtbot, window):
    qtbot.waitUntil(lambda: window.session.findings_ready, timeout=30000)
    item = window.current_item
    send_and_wait(qtbot, window)
    window.choose_item(item)
    assert window.session.answer is not None and "200" in window.response_view.badge.text()


def test_a_pasted_client_request_opens_new_and_asks_before_replacing_edits(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    typed = window.url_bar.url.text() + "&x=1"
    window.url_bar.url.setText(typed)
    window.url_bar.url_edited.emit(typed)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    pasted = Request("POST", "https://wappi.pro/api/sync/message/send", [KeyValue("profile_id", "abc123")],
                     [KeyValue("Authorization", '"tok"')], Body("json", '{"recipient": "79990000000", "body": "x"}'))
    assert not window.open_client_request(pasted)
    assert asked and "x=1" in window.url_bar.url.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    with qtbot.waitSignal(window.findings_shown, timeout=30000):
        assert window.open_client_request(pasted)
    assert window.session.name.startswith("Client's request ") and window.current_item is None
    # Its mistakes show at once, before any send.
    assert "token-quoted" in [f.code for f in window.diagnosis.findings()]


def test_the_body_checks_and_the_rarely_used_pages_are_made_when_first_opened(qtbot, window):
    # A fresh start opens a GET: the JSON checks, Webhooks and Practice cost nothing until the agent goes there.
    assert window.linter is None
    assert not window.webhooks_page.built and not window.practice_page.built
    window.load_model(Request(method="POST", url="https://wappi.pro/api/sync/message/send",
                              body=Body("json", "{'recipient': 79990000000}")))
    window.request_tabs.setCurrentWidget(window.body)
    assert window.linter is not None
    qtbot.waitUntil(lambda: "Errors" in window.linter.panel.summary.text(), timeout=30000)
    assert window.linter.panel.isVisibleTo(window.body)
    pages = window.pages
    pages.setCurrentIndex(next(i for i in range(pages.count()) if pages.tabText(i) == "Webhooks"))
    assert window.webhooks_page.built
