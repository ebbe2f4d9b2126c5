"""A client's own requests walked through the window by visible words: a Postman collection a colleague imported
(its sign-in and path variables seen, sent, and gone with the next request) and a pasted cURL address pattern."""
from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop.commands import main_import
from desktop.core import postman
from tests.scenarios.agent import Agent


@pytest.fixture
def collection(tmp_path, loopback):
    """The client's Postman collection: an API-key sign-in at the collection level and a path variable."""
    file = tmp_path / "acme.postman_collection.json"
    file.write_text(json.dumps({
        "info": {"name": "Acme CRM", "schema": postman.SCHEMA_URL},
        "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "Authorization"}, {"key": "value", "value": "{{token}}"},
                                             {"key": "in", "value": "header"}]},
        "item": [{"name": "Get user", "request": {
            "method": "GET", "header": [],
            "url": {"raw": f"{loopback.url}/users/:id", "protocol": "http", "host": ["127", "0", "0", "1"],
                    "port": loopback.url.rsplit(":", 1)[1], "path": ["users", ":id"],
                    "variable": [{"key": "id", "value": "42"}]}}}],
    }), encoding="utf-8")
    return file


@pytest.fixture
def agent(qtbot, collection, request):
    # A colleague imported the client's collection before the agent opened the app.
    assert main_import([str(collection), "--client", "Acme"]) == 0
    window = request.getfixturevalue("window")
    agent = Agent(qtbot, window)
    qtbot.waitUntil(lambda: "Checking the request…" not in agent.answer_text(), timeout=30000)
    return agent


def test_an_imported_sign_in_and_path_variable_are_seen_sent_and_gone_with_the_next_request(agent, loopback, isolated_home):
    agent.open("Get user")
    assert "Options · sign-in" in agent.screen_text()
    agent.tab("Options · sign-in", agent.request_side())
    screen = agent.screen_text()
    assert "the request signs in with an API key" in screen and "Authorization: {{token}}" in screen
    assert "Path variables" in screen
    # The client's token is not on this computer yet: the window asks for it once, at the first send.
    agent.answer_dialog("OK", lambda dialog: dialog.findChild(QLineEdit).setText("acme-token-4f2b9c"))
    agent.send()
    assert "A secret is needed" in agent.dialogs[-1] or "is not stored on this computer" in agent.dialogs[-1]
    arrived = loopback.arrived[-1]
    assert arrived.path == "/users/42" and dict(arrived.headers).get("Authorization") == "acme-token-4f2b9c"
    assert "200 OK" in agent.answer_text()

    # The next request is the documentation's: nothing of the client's sign-in is left on screen, and the client's
    # request, sent but not changed, is not marked as unsaved in the tree.
    agent.open("Send a text message")
    screen = agent.screen_text()
    assert "signs in with" not in screen and "Options · sign-in" not in screen and "200 OK" not in agent.answer_text()
    assert "Get user" in agent.tree_names() and "• Get user" not in agent.tree_names()
    # The token the sign-in sent is in the keyring only: not in the client's files, the history or a draft.
    agent.window.clients.session.write_draft()
    assert not [f for f in isolated_home.rglob("*") if f.is_file() and b"acme-token-4f2b9c" in f.read_bytes()]


def test_a_pasted_curl_pattern_is_read_as_curl_reads_it(agent, loopback):
    # The client's CRM calls its own server with a JSON filter in the address and no -g: curl reads the braces as a
    # pattern ({a,b} is two addresses, {"chat":1} one without its braces), and so does the import.
    agent.answer_dialog("OK")
    agent.paste_client_request(f"curl '{loopback.url}/orders/{{a,b}}?filter={{\"chat\":1}}'")
    assert any("a curl pattern for 2 addresses" in text for text in agent.dialogs), agent.dialogs
    assert agent.address().text() == f'{loopback.url}/orders/a?filter="chat":1'
    agent.send()
    assert loopback.arrived[-1].path == '/orders/a?filter="chat":1'
    assert "200 OK" in agent.answer_text()
