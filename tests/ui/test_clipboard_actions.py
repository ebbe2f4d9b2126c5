"""Paste import into the four panels, copy as cURL with the token masked, and the diagnosis beside the answer."""
import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop.core.curl import to_curl
from desktop.core.models import KeyValue, Request


def as_curl(request, mask, secrets):
    return to_curl(request, mask_secrets=mask, secrets=secrets)

COURSE_CURL = """curl -X POST "https://wappi.pro/api/sync/message/send?profile_id=your_id" \\
  -H "Authorization: your_token" \\
  -H "Content-Type: application/json" \\
  -d '{"body": "Hello World", "recipient": "79990000000"}'"""


def import_and_wait(qtbot, window, text):
    with qtbot.waitSignal(window.url_bar.url.textChanged, timeout=30000):
        window.clipboard.import_text(text)


def test_course_curl_lands_in_the_four_panels(qtbot, window):
    import_and_wait(qtbot, window, COURSE_CURL)
    model = window.to_model()
    assert model.method == "POST"
    assert model.url == "https://wappi.pro/api/sync/message/send"
    assert [(p.name, p.value) for p in model.params] == [("profile_id", "your_id")]
    assert model.header("Authorization") == "your_token"
    assert json.loads(model.body.text) == {"body": "Hello World", "recipient": "79990000000"}


def test_ctrl_v_of_a_curl_command_into_the_url_field_imports_it(qtbot, window):
    QGuiApplication.clipboard().setText(COURSE_CURL)
    window.url_bar.url.setFocus()
    with qtbot.waitSignal(window.url_bar.url.textChanged, timeout=30000):
        qtbot.keyClick(window.url_bar.url, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.to_model().header("Content-Type") == "application/json"


def test_bad_paste_keeps_the_current_request(qtbot, window, monkeypatch):
    window.load_model(Request("GET", "https://wappi.pro/api/sync/get/status"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window.clipboard.import_text("curl -H 'unbalanced")
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "not changed" in shown[0]
    assert window.to_model().url == "https://wappi.pro/api/sync/get/status"


def test_copy_as_curl_masks_the_token_unless_asked(qtbot, window):
    window.load_model(Request("GET", "{{base_url}}/api/sync/get/status", [KeyValue("profile_id", "{{profile_id}}")],
                              [KeyValue("Authorization", "{{token}}")]))
    token = window.active_environment().values()["token"]
    text = window.clipboard.copy(as_curl)
    assert token not in text and "••••" in text
    assert QGuiApplication.clipboard().text() == text
    window.clipboard.include_secrets.setChecked(True)
    text = window.clipboard.copy(as_curl)
    assert token in text


def test_wrong_token_is_diagnosed_beside_the_answer(qtbot, window):
    window.load_model(Request("GET", "{{base_url}}/api/sync/get/status", [KeyValue("profile_id", "{{profile_id}}")],
                              [KeyValue("Authorization", "wrong_token_here")]))
    with qtbot.waitSignal(window.response_shown, timeout=30000):
        window.url_bar.button.click()
    qtbot.waitUntil(lambda: window.session.findings_ready, timeout=30000)
    codes = [f.code for f in window.diagnosis.findings()]
    assert "status-401" in codes


def test_a_file_the_command_reads_is_picked_when_not_on_this_computer(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    picked = tmp_path / "body.json"
    picked.write_text('{"chatId": "7999"}\n', encoding="utf-8")
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, title, *a: (asked.append(title), (str(picked), ""))[1])
    import_and_wait(qtbot, window, "curl https://wappi.pro/api/x -H 'Content-Type: application/json' --data-binary @C:\\\\client\\\\body.json")
    assert asked and "body.json" in asked[0]
    assert window.to_model().body.text == '{"chatId": "7999"}\n'
