"""SecretStore against in-memory, broken and hanging keyrings; masking; token paste hygiene; redirects."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, quote_plus

import httpx
import pytest
from keyring.backends import chainer, fail, null

from desktop.core.secrets import (
    MASK,
    SERVICE,
    KeyringUnavailable,
    SecretStore,
    clean_token,
    mask,
    split_username,
    username,
)
from desktop.core.variables import Environment
from tests.core.keyring_memory import BrokenKeyring, HangingKeyring, MemoryKeyring
from tests.leakcheck import assert_no_secret_in_tree

TOKEN = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def backend():
    return MemoryKeyring()


@pytest.fixture
def store(backend):
    return SecretStore(backend=backend, timeout=2.0)


def test_set_get_delete_round_trip(store, backend):
    assert store.status().where == "keyring"
    store.set("Romashka", "token", TOKEN)
    assert backend.entries == {(SERVICE, "Romashka/token"): TOKEN}
    assert store.get("Romashka", "token") == TOKEN
    store.delete("Romashka", "token")
    assert store.get("Romashka", "token") is None
    assert backend.entries == {}


def test_environment_names_with_slashes_do_not_collide(store, backend):
    store.set("a/b", "token", "one")
    store.set("a", "b/token", "two")
    store.set("100%/x", "token", "three")
    assert store.get("a/b", "token") == "one"
    assert store.get("a", "b/token") == "two"
    assert store.get("100%/x", "token") == "three"
    assert len(backend.entries) == 3
    assert username("a/b", "token") == "a%2Fb/token"
    for env, name in [("a/b", "token"), ("a", "b/token"), ("100%/x", "token"), ("ООО Ромашка", "token"), ("%2F", "%")]:
        assert split_username(username(env, name)) == (env, name)


def test_empty_value_removes_the_entry(store, backend):
    store.set("c", "token", TOKEN)
    store.set("c", "token", "")
    assert store.get("c", "token") is None
    assert backend.entries == {}


@pytest.mark.parametrize("value", ["line one\nline two", "токен-ёЖ…", " spaced ", "\t"])
def test_odd_values_are_stored_exactly(store, value):
    store.set("c", "token", value)
    assert store.get("c", "token") == value


def test_entry_deleted_behind_the_apps_back(store, backend):
    store.set("c", "token", TOKEN)
    backend.entries.clear()  # the agent removed it in Seahorse / Credential Manager
    assert store.get("c", "token") is None
    store.delete("c", "token")  # no error for an entry that is already gone
    store.delete_environment("c", ["token", "other"])


def test_delete_environment_removes_only_its_entries(store, backend):
    store.set("c", "token", "1")
    store.set("c", "password", "2")
    store.set("d", "token", "3")
    store.delete_environment("c", ["token", "password"])
    assert backend.entries == {(SERVICE, "d/token"): "3"}


def test_lookup_feeds_environment_values(store):
    env = Environment("client/1")
    env.set("token", "")
    env.set("profile_id", "abcd1234")
    store.set("client/1", "token", TOKEN)
    assert env.values(secret_lookup=store.lookup) == {"token": TOKEN, "profile_id": "abcd1234"}
    assert "value" not in env.to_dict()["variables"][0]


def test_backend_that_raises_on_every_call():
    store = SecretStore(backend=BrokenKeyring(), timeout=2.0, platform="linux")
    status = store.status()
    assert not status.ok and status.reason == "refused"
    assert "gnome-keyring" in status.message and "Traceback" not in status.message
    for call in (lambda: store.get("c", "token"), lambda: store.set("c", "token", TOKEN), lambda: store.delete("c", "token")):
        with pytest.raises(KeyringUnavailable) as info:
            call()
        assert "access denied" not in info.value.message
        assert TOKEN not in info.value.message


def test_backend_that_hangs_is_bounded_and_not_called_again():
    backend = HangingKeyring()
    store = SecretStore(backend=backend, timeout=0.3, platform="linux")
    try:
        status = store.status()
        assert not status.ok and status.reason == "timeout"
        assert "0.3 seconds" in status.message
        with pytest.raises(KeyringUnavailable):
            store.set("c", "token", TOKEN)
        # While the first call is still stuck, no new thread is started behind it.
        assert store.recheck().reason == "timeout"
        assert backend.calls == 1
    finally:
        backend.release.set()


def test_recheck_after_the_keyring_comes_back():
    backend = HangingKeyring()
    store = SecretStore(backend=backend, timeout=0.3)
    assert not store.status().ok
    backend.release.set()
    store._hung.join(5)
    store.timeout = 30.0  # the keyring answers again: its calls get time on a loaded machine
    assert store.recheck().ok
    store.set("c", "token", TOKEN)
    assert store.get("c", "token") == TOKEN


@pytest.mark.parametrize(
    "make", [fail.Keyring, null.Keyring, lambda: chainer.ChainerBackend.__new__(chainer.ChainerBackend)]
)
def test_no_keyring_backends_are_reported(make, monkeypatch):
    backend = make()
    if isinstance(backend, chainer.ChainerBackend):
        monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    store = SecretStore(backend=backend, platform="linux")
    status = store.status()
    assert status.where == "none" and status.reason == "no_backend"
    with pytest.raises(KeyringUnavailable):
        store.set("c", "token", TOKEN)


def test_plaintext_keyrings_alt_backend_is_refused(monkeypatch):
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    backend = PlaintextKeyring()
    store = SecretStore(backend=backend, platform="linux")
    assert store.status().reason == "plaintext"
    with pytest.raises(KeyringUnavailable):
        store.set("c", "token", TOKEN)
    assert backend.entries == {}


@pytest.mark.parametrize(
    ("platform", "words"),
    [("linux", "GNOME Keyring"), ("win32", "Credential Manager"), ("darwin", "Keychain")],
)
def test_messages_say_what_to_do_per_platform(platform, words):
    status = SecretStore(backend=fail.Keyring(), platform=platform).status()
    assert words in status.message
    assert "this session only" in status.message


def test_russian_messages(monkeypatch):
    from desktop import i18n

    i18n.set_language("ru")
    status = SecretStore(backend=fail.Keyring(), platform="linux").status()
    assert "GNOME Keyring" in status.message and "сесси" in status.message


def test_session_memory_only_when_asked(tmp_path, isolated_home):
    store = SecretStore(backend=fail.Keyring())
    assert not store.status().ok
    with pytest.raises(KeyringUnavailable):
        store.set("c", "token", TOKEN)
    store.use_session_memory()
    assert store.status().where == "session"
    store.set("c", "token", TOKEN)
    assert store.get("c", "token") == TOKEN
    store.delete_environment("c", ["token"])
    assert store.get("c", "token") is None
    assert_no_secret_in_tree([tmp_path, isolated_home], TOKEN)
    assert not store.recheck().ok


# --- masking ---------------------------------------------------------------------------------------


def test_mask_replaces_every_secret_longest_first():
    text = f"Authorization: {TOKEN}\nX-Short: {TOKEN[:8]}\nurl?token={TOKEN}"
    masked = mask(text, [TOKEN[:8], TOKEN])
    assert TOKEN[:8] not in masked and TOKEN not in masked
    assert masked.count(MASK) == 3
    assert masked.startswith("Authorization: " + MASK + "\n")


def test_mask_short_and_encoded_forms():
    assert mask("pin=abc; x", ["abc"]) == f"pin={MASK}; x"
    secret = "a b/c+д\n\"q\""
    for form in (secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]):
        assert mask(f"<{form}>", [secret]) == f"<{MASK}>"


def test_mask_ignores_empty_secrets():
    assert mask("hello", ["", ""]) == "hello"


# --- token paste hygiene ---------------------------------------------------------------------------


def codes(text):
    return [w.code for w in clean_token(text)[1]]


def test_clean_token_trims_whitespace():
    assert clean_token(f"  {TOKEN}\n") == (TOKEN, [])


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("", ["empty"]),
        ("  \n", ["empty"]),
        (f'"{TOKEN}"', ["quoted"]),
        (f"«{TOKEN}»", ["quoted"]),
        (f"Bearer {TOKEN}", ["bearer"]),
        (f"{TOKEN[:10]}\n{TOKEN[10:]}", ["line_break"]),
        (f"{TOKEN[:10]} {TOKEN[10:]}", ["space_inside"]),
        (f"{TOKEN[:10]}…", ["non_ascii"]),
        ("токен", ["non_ascii"]),
        (f"'Bearer {TOKEN}'", ["quoted", "bearer"]),
    ],
)
def test_clean_token_warnings(pasted, expected):
    assert codes(pasted) == expected
    for warning in clean_token(pasted)[1]:
        assert warning.message and warning.message[0].isupper()


# --- redirects -------------------------------------------------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    """Redirects /start to `self.server.target`; records the Authorization header of every request."""

    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("Authorization"), self.headers.get("X-Token")))
        if self.path == "/start" and self.server.target:
            self.send_response(302)
            self.send_header("Location", self.server.target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def servers():
    started = []

    def start(host):
        server = ThreadingHTTPServer((host, 0), _Recorder)
        server.seen, server.target = [], None
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.shutdown()
        server.server_close()


def _hosts_available():
    try:
        ThreadingHTTPServer(("127.0.0.2", 0), _Recorder).server_close()
        return True
    except OSError:
        return False


@pytest.mark.parametrize("other_host", ["127.0.0.1", "127.0.0.2"])
def test_token_is_not_sent_to_another_origin_after_redirect(servers, other_host):
    if other_host == "127.0.0.2" and not _hosts_available():
        pytest.skip("127.0.0.2 is not a loopback address on this system (macOS needs an alias)")
    first = servers("127.0.0.1")
    second = servers(other_host)  # another port, so another origin even on the same address
    first.target = f"http://{other_host}:{second.server_address[1]}/landed"
    with httpx.Client(follow_redirects=True, trust_env=False) as client:
        response = client.get(f"http://127.0.0.1:{first.server_address[1]}/start", headers={"Authorization": TOKEN})
    assert response.status_code == 200
    assert first.seen[0] == ("/start", TOKEN, None)
    assert second.seen == [("/landed", None, None)]


def test_token_stays_on_a_same_origin_redirect(servers):
    first = servers("127.0.0.1")
    first.target = "/landed"
    with httpx.Client(follow_redirects=True, trust_env=False) as client:
        client.get(f"http://127.0.0.1:{first.server_address[1]}/start", headers={"Authorization": TOKEN})
    assert [auth for _path, auth, _x in first.seen] == [TOKEN, TOKEN]


def test_httpx_forwards_other_headers_across_origins(servers):
    """Documents the limit: only Authorization is stripped; a token in another header would follow the redirect."""
    first, second = servers("127.0.0.1"), servers("127.0.0.1")
    first.target = f"http://127.0.0.1:{second.server_address[1]}/landed"
    with httpx.Client(follow_redirects=True, trust_env=False) as client:
        client.get(f"http://127.0.0.1:{first.server_address[1]}/start", headers={"X-Token": TOKEN})
    assert second.seen == [("/landed", None, TOKEN)]
