"""History: a send to a loopback server is recorded for the active client, secrets masked, and re-opens."""
import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.models import KeyValue, Request
from desktop.core.variables import Environment, Variable
from desktop.core.secrets import MASK, masker


@pytest.fixture(autouse=True)
def never_block(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_send_is_recorded_for_the_client_with_secrets_masked(qtbot, window, loopback):
    panel = window.clients
    panel.create_client("Acme")
    request = Request("GET", "{{base_url}}/200", [KeyValue("token", "{{token}}")], name="Ping")
    path = panel.store.save("Acme", request)
    panel.save_environment("Acme", Environment("Acme", [Variable("base_url", loopback.url), Variable("token", "", True)]), {"token": "S3CRET"})
    panel.refresh()
    window.sidebar.tree.itemClicked.emit(window.sidebar.find_request(path), 0)
    window.send()
    qtbot.waitUntil(lambda: panel.history.list.topLevelItemCount() == 1, timeout=5000)
    assert loopback.arrived[0].path == "/200?token=S3CRET"
    entry = panel.history.history.entries("Acme")[0]
    assert entry.status == 200 and entry.request.name == "Ping"
    assert "S3CRET" not in entry.url and MASK in entry.url
    row = panel.history.list.topLevelItem(0)
    assert row.text(1) == "200"
    panel.history.search.setText("nothing like this")
    assert panel.history.list.topLevelItemCount() == 0
    panel.history.search.setText("ping")
    assert panel.history.list.topLevelItemCount() == 1
    panel.history.list.itemDoubleClicked.emit(panel.history.list.topLevelItem(0), 0)
    assert window.url_bar.url.text() == "{{base_url}}/200?token={{token}}"
    assert panel.session.path is None  # a re-opened send is new until saved


def test_a_failed_send_is_recorded_too(qtbot, window):
    panel = window.clients
    panel.create_client("Acme")
    panel.activate_client("Acme")
    window.url_bar.url.setText("http://127.0.0.1:9/closed")
    window.send()
    qtbot.waitUntil(lambda: panel.history.list.topLevelItemCount() == 1, timeout=10000)
    entry = panel.history.history.entries("Acme")[0]
    assert entry.status is None and entry.error


def test_masker_hides_the_longest_secret_first():
    assert masker(["abc", "abcdef"])("x abcdef y abc") == f"x {MASK} y {MASK}"
