"""The request's transport options in the window: loaded from and written to the model, the warning shown when off."""
from __future__ import annotations

from desktop.core.models import Auth, KeyValue, Request
from desktop.ui.request_options import RequestOptions


def test_options_round_trip_and_warn(qtbot):
    options = RequestOptions()
    qtbot.addWidget(options)
    options.load_model(Request(verify=False, follow_redirects=False, omit_headers=["Accept"]))
    assert options.to_model() == {
        "verify": False, "follow_redirects": False, "omit_headers": ["Accept"], "auth": None, "path_variables": []
    }
    assert not options.warning.isHidden() and "Accept" in options.omitted.text()
    assert "⚠" in options.title()
    with qtbot.waitSignal(options.edited):
        options.verify.setChecked(True)
    assert options.warning.isHidden() and options.title() == "Options"


def test_window_carries_the_options(window):
    window.load_model(Request(url="https://h/x", verify=False, follow_redirects=False))
    request = window.to_model()
    assert (request.verify, request.follow_redirects) == (False, False)
    assert "⚠" in window.request_tabs.tabText(window.request_tabs.indexOf(window.options))


def test_a_sign_in_and_path_variables_from_postman_are_shown_kept_and_editable(qtbot):
    options = RequestOptions()
    qtbot.addWidget(options)
    auth = Auth("apikey", {"key": "Authorization", "value": "{{token}}", "in": "header"})
    options.load_model(Request(url="https://h/users/:id", auth=auth, path_variables=[KeyValue("id", "5")]))
    assert options.to_model()["auth"] == auth and options.to_model()["path_variables"] == [KeyValue("id", "5")]
    shown = options.auth.text()
    assert "an API key" in shown and "Authorization: {{token}}" in shown
    assert not options.remove_auth.isHidden() and not options.path_variables.isHidden()
    assert options.title() == "Options · sign-in"
    with qtbot.waitSignal(options.edited):
        options.path_variables.item(0, 2).setText("7")
    assert options.to_model()["path_variables"] == [KeyValue("id", "7")]
    with qtbot.waitSignal(options.edited):
        options.remove_auth.click()
    assert options.to_model()["auth"] is None and options.auth.isHidden() and options.title() == "Options"


def test_a_literal_secret_of_a_sign_in_is_masked(qtbot):
    options = RequestOptions()
    qtbot.addWidget(options)
    options.load_model(Request(url="https://h/x", auth=Auth("basic", {"username": "ivan", "password": "s3cr3t-literal"})))
    assert "username: ivan" in options.auth.text() and "s3cr3t-literal" not in options.auth.text()


def test_a_request_without_them_shows_neither(qtbot):
    options = RequestOptions()
    qtbot.addWidget(options)
    options.load_model(Request(url="https://wappi.pro/api/sync/message/send"))
    assert options.auth.isHidden() and options.remove_auth.isHidden() and options.path_variables.isHidden()
    assert options.to_model()["auth"] is None and options.to_model()["path_variables"] == []


def test_the_window_keeps_and_sends_an_imported_sign_in_and_path_variables(qtbot, window, loopback):
    # Opening an imported request used to drop both: the next save wrote the file without them, and Send differed
    # from newman.
    auth = Auth("apikey", {"key": "X-Api-Key", "value": "k-123", "in": "header"})
    request = Request(url=loopback.url + "/users/:id", name="Get user", auth=auth, path_variables=[KeyValue("id", "42")])
    window._show_request(request, None, "Get user")
    window.flush_edits()
    assert window.session.request.auth == auth and window.session.request.path_variables == [KeyValue("id", "42")]
    with qtbot.waitSignal(window.response_shown, timeout=20_000):
        window.url_bar.button.click()
    arrived = loopback.arrived[-1]
    assert arrived.path == "/users/42" and ("X-Api-Key", "k-123") in [(k, v) for k, v in arrived.headers]
