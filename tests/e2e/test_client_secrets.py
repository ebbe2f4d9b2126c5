"""A client's token follows it through rename and duplicate, leaves the keyring with it, and is asked for by name when missing."""
from PySide6.QtWidgets import QInputDialog

from desktop.core.collection import Item, read_request
from desktop.core.models import KeyValue, Request
from desktop.core.variables import Environment, Variable


def make_client(window, loopback, name="Acme"):
    panel = window.clients
    env = Environment(name, [Variable("base_url", loopback.url), Variable("token", "", secret=True)])
    panel.store.create_client(name, env)
    panel.refresh()
    return panel


def test_token_moves_with_rename_and_duplicate_and_goes_with_delete(window, loopback, memory_keyring):
    panel = make_client(window, loopback)
    panel.secret_store.set("Acme", "token", "tok-1")
    panel.rename_client("Acme", "Acme Ltd")
    assert memory_keyring.get_password("wappi-desk", "Acme/token") is None
    assert memory_keyring.get_password("wappi-desk", "Acme Ltd/token") == "tok-1"
    panel.duplicate_client("Acme Ltd")
    copy = next(c for c in panel.store.clients() if c != "Acme Ltd")
    assert memory_keyring.get_password("wappi-desk", f"{copy}/token") == "tok-1"
    panel.delete(panel.store.client_dir("Acme Ltd"), "Acme Ltd")
    assert memory_keyring.get_password("wappi-desk", "Acme Ltd/token") is None


def test_missing_token_is_asked_for_by_name_and_kept_in_the_keyring(qtbot, window, loopback, memory_keyring, monkeypatch):
    panel = make_client(window, loopback)
    path = panel.store.save("Acme", Request("GET", "{{base_url}}/x", headers=[KeyValue("Authorization", "{{token}}")], name="X"))
    panel.refresh()
    panel.session.open(Item(path, *read_request(path)))
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda parent, title, label, *a: (asked.append(label), (" typed-token \n", True))[1])
    with qtbot.waitSignal(window.response_shown, timeout=30000) as blocker:
        window.url_bar.button.click()
    assert blocker.args[0].status == 200
    assert "token" in asked[0] and "Acme" in asked[0]
    assert dict((k.lower(), v) for k, v in loopback.arrived[-1].headers)["authorization"] == "typed-token"
    assert memory_keyring.get_password("wappi-desk", "Acme/token") == "typed-token"
