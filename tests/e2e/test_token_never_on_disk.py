"""Issue 5's leak test: a scripted session with a client's token leaves no trace of it in any file the app writes."""
import json

from desktop.core.collection import Item, read_request
from desktop.core.models import Body, KeyValue, Request
from desktop.core.postman import export_client
from desktop.core.variables import Environment, Variable
from tests.leakcheck import assert_no_secret_in_tree

TOKEN = "c0ffee-client-token-7d1f3b9a2e"


def test_token_lives_in_the_keyring_only(qtbot, window, loopback, memory_keyring, isolated_home, tmp_path):
    panel = window.clients
    store = panel.store
    environment = Environment("Acme", [Variable("base_url", loopback.url), Variable("profile_id", "p-1"),
                                       Variable("token", "", secret=True)])
    store.create_client("Acme", environment)
    panel.save_environment("Acme", environment, {"token": TOKEN})
    assert memory_keyring.get_password("wappi-desk", "Acme/token") == TOKEN

    request = Request("POST", "{{base_url}}/api/sync/message/send", [KeyValue("profile_id", "{{profile_id}}")],
                      [KeyValue("Authorization", "{{token}}"), KeyValue("Content-Type", "application/json")],
                      Body("json", '{"recipient": "79990000000", "body": "hi"}'), "Send to Acme")
    path = store.save("Acme", request)
    panel.refresh()
    panel.session.open(Item(path, *read_request(path)))
    assert window.environment_box.currentText() == "Acme"

    with qtbot.waitSignal(window.response_shown, timeout=30000) as blocker:
        window.url_bar.button.click()
    assert blocker.args[0].status == 200
    assert dict((k.lower(), v) for k, v in loopback.arrived[-1].headers)["authorization"] == TOKEN

    typed = window.url_bar.url.text() + "&x=1"
    window.url_bar.url.setText(typed)  # an unsaved edit, as typing makes it: a draft is written after a pause
    window.url_bar.url_edited.emit(typed)
    qtbot.waitUntil(panel.drafts_written, timeout=30000)
    export = tmp_path / "export" / "acme.postman.json"
    export.parent.mkdir()
    export.write_text(json.dumps(export_client(store, "Acme")), encoding="utf-8")
    assert_no_secret_in_tree([isolated_home, export.parent], TOKEN)  # the draft is there now
    panel.session.discard()  # so closing does not ask; what closing writes is scanned below
    window.close()

    scanned = assert_no_secret_in_tree([isolated_home, export.parent], TOKEN)
    assert scanned >= 3  # environment, request, history/draft/settings files were all looked at
