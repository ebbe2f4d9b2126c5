"""The client store: round trips, names, damaged files skipped and never overwritten, search, drafts, history."""
import json

import pytest

from desktop.core.collection import read_request, write_request
from desktop.core.drafts import Drafts
from desktop.core.history import History
from desktop.core.models import Body, KeyValue, Request, Response
from desktop.core.store import Store, StoreError, check_name, slug
from desktop.core.variables import Environment, Variable


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "clients", tmp_path / "trash")


def sample(name="Send text", body='{"body": "Привет", "recipient": "79990000001"}'):
    return Request("POST", "{{base_url}}/api/sync/message/send", [KeyValue("profile_id", "{{profile_id}}")],
                   [KeyValue("Authorization", "{{token}}")], Body("json", body), name)


def test_default_root_is_in_the_data_folder(isolated_home):
    assert Store().root == isolated_home / "data" / "clients"


def test_request_round_trip_and_resave_keeps_the_file(store):
    store.create_client("Acme")
    path = store.save("Acme", sample())
    assert path.name == "send-text.json"
    assert store.requests("Acme")[0].request == sample()
    changed = sample()
    changed.name = "Send text, fixed"
    changed.body.text = "{}"
    again = store.save("Acme", changed, path=path)
    assert again == path  # same file: a small git diff
    assert read_request(path)[0] == changed
    assert [i.request.name for i in store.requests("Acme")] == ["Send text, fixed"]
    assert store.save("Acme", sample()).name == "send-text-2.json"  # a new request never takes a used name


def test_resave_keeps_description_and_rules(store, tmp_path):
    store.create_client("Acme")
    path = store.save("Acme", sample(), {"description": "why", "rules": {"x": 1}})
    store.save("Acme", sample(body="{}"), path=path)
    assert read_request(path)[1] == {"description": "why", "rules": {"x": 1}}


@pytest.mark.parametrize(
    "name, words",
    [
        ("", "Type a name"),
        ("   ", "Type a name"),
        ("a/b", "/"),
        ("a\\b", "/"),
        ("..", "two dots"),
        ("x..y", "two dots"),
        ("what?", "?"),
        ('a<b>:"|*', "<"),
        ("CON", "Windows"),
        ("nul.txt", "Windows"),
        ("name.", "dot"),
        ("x" * 101, "too long"),
        ("tab\there", "characters"),
    ],
)
def test_bad_names_get_plain_messages(name, words):
    with pytest.raises(StoreError) as info:
        check_name(name)
    assert words in str(info.value)


def test_client_names_are_unique_ignoring_case(store):
    store.create_client("Acme")
    with pytest.raises(StoreError, match="already exists"):
        store.create_client("ACME")
    store.create_client("Ромашка")
    assert store.clients() == ["Acme", "Ромашка"]
    with pytest.raises(StoreError, match="already exists"):
        store.rename_client("Acme", "ромашка")
    store.rename_client("Acme", "ACME")  # case-only rename of the same client is fine
    assert store.clients() == ["ACME", "Ромашка"]


def test_slugs_are_safe_file_names():
    assert slug("Отправить текст / v2") == "отправить-текст-v2"
    assert slug("???") == "request"
    assert slug("con") == "request-con"
    assert len(slug("x" * 500)) <= 60


def test_client_rename_duplicate_delete_restore(store):
    store.create_client("Acme")
    store.save("Acme", sample())
    store.rename_client("Acme", "Acme Ltd")
    copy = store.duplicate_client("Acme Ltd")
    assert copy == "Acme Ltd (copy)"
    assert store.duplicate_client("Acme Ltd") == "Acme Ltd (copy 2)"
    assert [i.request.name for i in store.requests(copy)] == ["Send text"]
    deleted = store.delete_client("Acme Ltd")
    assert "Acme Ltd" not in store.clients() and deleted.trashed.exists()
    assert deleted.trashed.is_relative_to(store.trash)
    store.restore(deleted)
    assert [i.request.name for i in store.requests("Acme Ltd")] == ["Send text"]


def test_request_rename_duplicate_move_delete(store):
    store.create_client("A")
    store.create_client("B")
    path = store.save("A", sample())
    renamed = store.rename_request(path, "Send image")
    assert not path.exists() and renamed.name == "send-image.json"
    dup = store.duplicate_request(renamed)
    assert read_request(dup)[0].name == "Send image (copy)"
    store.create_folder("B", "Webhooks")
    moved = store.move_request(dup, "B", "Webhooks")
    assert moved.parent.name == "Webhooks" and not dup.exists()
    assert [i.request.name for i in store.requests("B")] == ["Send image (copy)"]
    deleted = store.delete(renamed)
    assert store.requests("A") == []
    store.restore(deleted)
    assert [i.request.name for i in store.requests("A")] == ["Send image"]


def test_copy_to_client_keeps_description(store, tmp_path):
    preloaded = tmp_path / "preloaded" / "01-status.json"
    write_request(preloaded, Request("GET", "{{base_url}}/api/sync/get/status", name="Status"), {"description": {"ru": "Статус", "en": "Status"}})
    store.create_client("Acme")
    copy = store.copy_to_client(preloaded, "Acme")
    request, meta = read_request(copy)
    assert request.name == "Status" and meta["description"]["ru"] == "Статус"
    assert preloaded.exists()


def test_damaged_and_newer_files_are_reported_skipped_and_never_overwritten(store):
    folder = store.create_client("Acme")
    store.save("Acme", sample())
    (folder / "broken.json").write_text("{ oops")
    (folder / "future.json").write_text(json.dumps({"schema_version": 99, "kind": "request", "name": "f"}))
    assert [i.request.name for i in store.requests("Acme")] == ["Send text"]
    problems = store.problems("Acme")
    assert any("broken.json" in p for p in problems) and any("future.json" in p for p in problems)
    # A save aimed at a damaged or newer file goes to a new file; the old one is left exactly as it was.
    for name, before in (("broken.json", "{ oops"), ("future.json", None)):
        before = (folder / name).read_bytes()
        written = store.save("Acme", sample(name="Broken"), path=folder / name)
        assert written != folder / name
        assert (folder / name).read_bytes() == before
    with pytest.raises(StoreError, match="broken.json"):
        store.rename_request(folder / "broken.json", "x")
    assert (folder / "broken.json").read_text() == "{ oops"


def test_environment_round_trip_keeps_no_secret_values(store):
    store.create_client("Acme")
    env = store.environment("Acme")
    assert [v.name for v in env.variables] == ["base_url", "profile_id", "token"]
    env.set("profile_id", "abcd1234")
    env.set("token", "SECRET-VALUE")
    env.variables.append(Variable("chat", "7999", False))
    store.save_environment("Acme", env)
    text = (store.client_dir("Acme") / "environment.json").read_text()
    assert "SECRET-VALUE" not in text and '"secret": true' in text
    again = store.environment("Acme")
    assert again.get("profile_id").value == "abcd1234" and again.get("token").value == "" and again.get("token").secret
    assert store.problems("Acme") == []  # environment.json is not mistaken for a request


def test_damaged_environment_is_reported_and_not_overwritten(store):
    folder = store.create_client("Acme")
    (folder / "environment.json").write_text("{ broken")
    with pytest.raises(StoreError, match="damaged"):
        store.environment("Acme")
    with pytest.raises(StoreError, match="damaged"):
        store.save_environment("Acme", Environment("Acme"))
    assert (folder / "environment.json").read_text() == "{ broken"


def test_search_by_name_url_and_body(store):
    store.create_client("Acme")
    store.create_client("Other")
    store.save("Acme", sample())
    store.save("Acme", Request("GET", "{{base_url}}/api/sync/get/status", name="Status"))
    store.save("Other", Request("POST", "https://x/webhook/url/set", body=Body("text", "HELLO world"), name="Hook"))
    assert [m.name for m in store.search("status", "Acme")] == ["Status"]
    assert [(m.name, m.field) for m in store.search("MESSAGE/send")] == [("Send text", "url")]
    assert [(m.client, m.field) for m in store.search("привет")] == [("Acme", "body")]
    assert [m.client for m in store.search("hello")] == ["Other"]
    assert store.search("  ") == []
    path = store.search("status")[0].path
    store.save("Acme", Request("GET", "{{base_url}}/api/x", name="Renamed"), path=path)
    assert store.search("status") == [] and store.search("renamed")[0].path == path


def test_thousands_of_requests_and_a_big_body(store):
    store.create_client("Big")
    for n in range(2000):
        store.save("Big", Request("GET", f"https://h/{n}", name=f"Request {n}"))
    store.reload()
    assert len(store.requests("Big")) == 2000
    assert [m.name for m in store.search("h/1999")] == ["Request 1999"]
    big = "x" * (100 * 1024 * 1024)
    path = store.save("Big", Request("POST", "https://h/big", body=Body("text", big + "NEEDLE"), name="Big body"))
    assert path.stat().st_size > 100 * 1024 * 1024
    assert [m.name for m in store.search("needle")] == ["Big body"]


def test_drafts_survive_and_are_discarded(tmp_path):
    drafts = Drafts(tmp_path / "cache")
    drafts.save("/x/send.json", sample())
    drafts.save("new:1", sample(name="Unsaved"))
    again = Drafts(tmp_path / "cache")
    restored, problems = again.restore()
    assert {d.key for d in restored} == {"/x/send.json", "new:1"} and problems == []
    assert again.get("new:1").request.name == "Unsaved"
    again.discard("new:1")
    assert again.get("new:1") is None
    (again.folder / "junk.json").write_text("{")
    restored, problems = again.restore()
    assert len(restored) == 1 and "junk.json" in problems[0]


def test_history_masks_secrets_keeps_variables_and_is_bounded(tmp_path):
    history = History(tmp_path / "data", limit=3)
    mask = lambda text: text.replace("SECRET", "•••")
    answer = Response(200, "OK", [], b"{}", 12.5, url="https://h/api?token=SECRET")
    request = sample()
    request.headers.append(KeyValue("X-Key", "SECRET"))
    for n in range(5):
        history.add("Acme", request, answer, sent_url="https://h/api?token=SECRET", mask=mask, when=n)
    history.add("Acme", request, None, error="cannot connect", mask=mask, when=9)
    entries = History(tmp_path / "data", limit=3).entries("Acme")
    assert [e.time for e in entries] == [9, 4, 3]
    assert entries[1].url == "https://h/api?token=•••" and entries[1].status == 200 and entries[1].duration_ms == 12.5
    assert entries[0].status is None and entries[0].error == "cannot connect"
    assert entries[1].request.header("Authorization") == "{{token}}"  # re-opens as written, with variables
    assert entries[1].request.header("X-Key") == "•••"
    assert "SECRET" not in next(history.folder.iterdir()).read_text()
    assert [e.time for e in history.search("Acme", "connect")] == []  # errors are not a search field
    assert len(history.search("Acme", "message/send")) == 3
    assert history.entries("Other") == []


def test_damaged_history_is_set_aside_not_overwritten(tmp_path):
    history = History(tmp_path / "data")
    history.add("Acme", sample(), None, error="x")
    path = next(history.folder.iterdir())
    path.write_text("{ broken")
    fresh = History(tmp_path / "data")
    assert fresh.entries("Acme") == []
    fresh.add("Acme", sample(), None, error="y")
    kept = [p for p in history.folder.iterdir() if "unreadable" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{ broken"


CHILD = r"""
import sys
from pathlib import Path
from desktop.core.models import Body, Request
from desktop.core.store import Store
store = Store(Path(sys.argv[1]), Path(sys.argv[2]))
path = Path(sys.argv[3])
n = 0
print("ready", flush=True)
while True:
    letter = "AB"[n % 2]
    store.save("Acme", Request("POST", "https://h/x", body=Body("text", letter * 5_000_000), name="Big"), path=path)
    n += 1
"""


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="needs SIGKILL")
def test_kill_during_save_leaves_old_or_new_never_broken(store, tmp_path):
    import os
    import random
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path as P

    store.create_client("Acme")
    path = store.save("Acme", Request("POST", "https://h/x", body=Body("text", "A" * 5_000_000), name="Big"))
    env = {**os.environ, "PYTHONPATH": str(P(__file__).resolve().parents[2])}
    rng = random.Random(6)
    for attempt in range(30):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(store.root), str(store.trash), str(path)],
                                 stdout=subprocess.PIPE, env=env)
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait()
        request, _ = read_request(path)
        assert request.body.text in ("A" * 5_000_000, "B" * 5_000_000), f"attempt {attempt}: broken file"
    # Leftover temporary files are hidden (dot-named) and never read as requests.
    assert [i.path for i in Store(store.root, store.trash).requests("Acme")] == [path]


def test_messages_are_in_russian_when_asked():
    from desktop.i18n import set_language

    set_language("ru")
    with pytest.raises(StoreError, match="две точки"):
        check_name("a..b")
