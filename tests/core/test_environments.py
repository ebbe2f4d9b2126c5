"""The shipped environments (Sandbox first, Wappi with an empty secret token) and each client's reply language."""
import json

import pytest

from desktop.core.environments import SANDBOX, WAPPI, WAPPI_BASE_URL, reply_language, shipped_environments
from desktop.core.store import Store
from desktop.core.variables import Environment, Variable


def test_sandbox_is_first_and_filled_wappi_waits_for_the_agent():
    sandbox, wappi = shipped_environments("http://127.0.0.1:5000", "abcd1234-ef56", "t0ken")
    assert (sandbox.name, wappi.name) == (SANDBOX, WAPPI)
    assert sandbox.values() == {"base_url": "http://127.0.0.1:5000", "profile_id": "abcd1234-ef56", "token": "t0ken"}
    assert sandbox.get("token").secret and wappi.get("token").secret
    assert wappi.values() == {"base_url": WAPPI_BASE_URL}
    assert "t0ken" not in str(sandbox.to_dict())  # the token never goes into the environments file


# ---------------------------------------------------------------- the client's reply language


def test_reply_language_is_russian_unless_set():
    sandbox, wappi = shipped_environments("http://127.0.0.1:5000", "p", "t")
    assert sandbox.reply_language == wappi.reply_language == "ru"
    assert reply_language(None) == "ru" and reply_language(sandbox) == "ru"


def test_reply_language_is_saved_with_the_client_and_read_back(tmp_path):
    store = Store(tmp_path / "clients", tmp_path / "trash")
    store.create_client("Acme Ltd", Environment("Acme Ltd", [Variable("profile_id", "p1")], reply_language="en"))
    path = next((tmp_path / "clients").rglob("*.json"))
    assert json.loads(path.read_text(encoding="utf-8"))["reply_language"] == "en"
    loaded = store.environment("Acme Ltd")
    assert loaded.reply_language == "en" and reply_language(loaded) == "en"


@pytest.mark.parametrize("stored, expected", [(None, "ru"), ("en", "en"), ("ru", "ru"), ("de", "ru"), (5, "ru"), ("", "ru")])
def test_old_and_odd_files_reply_in_russian(stored, expected):
    data = {"name": "Acme", "variables": [{"name": "profile_id", "value": "p1", "secret": False}]}
    if stored is not None:
        data["reply_language"] = stored
    environment = Environment.from_dict(data)
    assert environment.reply_language == expected
    assert environment.get("profile_id").value == "p1"
    assert Environment.from_dict(environment.to_dict()) == environment
