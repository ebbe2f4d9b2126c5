"""The client store: round trips, names, damaged files skipped and never overwritten, search, drafts, history."""
import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

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


# ---- every operation stays inside the store ----------------------------------------------------------------------

@pytest.fixture
def acme(store, tmp_path):
    store.create_client("Acme")
    store.create_client("Beta")
    outside = tmp_path / "outside"
    outside.mkdir()
    (store.root / "Acme" / "link-out").symlink_to(outside)
    (store.root / "Evil").symlink_to(outside)  # a "client" that is really somewhere else
    return store.save("Acme", sample())


ESCAPES = {
    "save into ..": lambda s, p, out: s.save("..", sample()),
    "save into .": lambda s, p, out: s.save(".", sample()),
    "save into an absolute client": lambda s, p, out: s.save(str(out), sample()),
    "save into a linked client": lambda s, p, out: s.save("Evil", sample()),
    "save into an absolute folder": lambda s, p, out: s.save("Acme", sample(), folder=str(out)),
    "save into ../Beta": lambda s, p, out: s.save("Acme", sample(), folder="../Beta"),
    "save into a linked folder": lambda s, p, out: s.save("Acme", sample(), folder="link-out"),
    "save over a path outside": lambda s, p, out: s.save("Acme", sample(), path=out / "x.json"),
    "save over another client's path": lambda s, p, out: s.save("Beta", sample(), path=p),
    "folder under an absolute parent": lambda s, p, out: s.create_folder("Acme", "x", parent=str(out)),
    "folder under ../..": lambda s, p, out: s.create_folder("Acme", "x", parent="../.."),
    "folder under a link": lambda s, p, out: s.create_folder("Acme", "x", parent="link-out"),
    "move to an absolute folder": lambda s, p, out: s.move_request(p, "Acme", str(out)),
    "move to ..": lambda s, p, out: s.move_request(p, "..", ""),
    "move a file from outside": lambda s, p, out: s.move_request(out / "y.json", "Acme"),
    "rename a file outside": lambda s, p, out: s.rename_request(out / "y.json", "z"),
    "delete a file outside": lambda s, p, out: s.delete(out / "y.json"),
    "delete the clients folder": lambda s, p, out: s.delete(s.root),
    "copy into a linked client": lambda s, p, out: s.copy_to_client(p, "Evil"),
    "environment of ..": lambda s, p, out: s.save_environment("..", Environment("x")),
    "client ..": lambda s, p, out: s.create_client(".."),
}


@pytest.mark.parametrize("name", list(ESCAPES))
def test_no_operation_writes_outside_the_store(store, acme, tmp_path, name):
    from tests.tree_state import tree_state

    outside = tmp_path / "outside"
    write_request(outside / "y.json", sample("Outside"))
    before = tree_state(tmp_path)
    with pytest.raises(StoreError) as info:
        ESCAPES[name](store, acme, outside)
    assert str(info.value) and "Traceback" not in str(info.value)
    assert tree_state(tmp_path) == before


def test_a_client_that_is_a_link_elsewhere_is_not_a_client(store, acme):
    with pytest.raises(StoreError, match="no client called «Evil»"):
        store.client_dir("Evil")
    assert store.clients() == ["Acme", "Beta"]


# ---- new files are created exclusively -----------------------------------------------------------------------------

# Two processes run one of these against the same store, each spinning until the same instant, then `rounds` times.
RACE_PROLOGUE = """
import sys, time
from pathlib import Path
from desktop.core.models import Request
from desktop.core.store import Store, StoreError
root, what, rounds, start = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
store = Store(root / "clients", root / "trash")
while time.time() < start:
    pass
"""
SAVER = RACE_PROLOGUE + """
for number in range(rounds):
    store.save("Acme", Request(url=f"https://h/{what}/{number}", name="Same name"))
"""
MOVER = RACE_PROLOGUE + """
for number in range(rounds):
    path = root / "clients" / "Acme" / f"r{number}.json"
    try:
        if what == "rename":
            store.rename_request(path, f"Renamed {number}")
        elif what == "move":
            store.move_request(path, "Acme", "Sub")
        else:
            store.delete(path)
    except StoreError:
        pass  # the other process got there first: said in words, never a traceback
"""


def race(script: str, tmp_path, whats, rounds: int) -> list[str]:
    """Run `script` in two processes at once (one per item of `whats`); their error output, after both ended well."""
    import os
    import subprocess
    import sys
    import time

    from tests.conftest import REPO

    start = time.time() + 2  # both start spinning on the same instant
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    processes = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), what, str(rounds), str(start)], env=env,
                                  stderr=subprocess.PIPE, text=True) for what in whats]
    errors = [p.communicate(timeout=120)[1] for p in processes]
    assert [p.returncode for p in processes] == [0, 0], errors
    return errors


def test_two_processes_saving_the_same_name_lose_nothing(store, tmp_path):
    store.create_client("Acme")
    rounds = 60
    race(SAVER, tmp_path, ("one", "two"), rounds)
    urls = sorted(item.request.url for item in Store(store.root, store.trash).requests("Acme"))
    assert urls == sorted(f"https://h/{m}/{n}" for m in ("one", "two") for n in range(rounds))
    assert not [p for p in (store.root / "Acme").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("ops", [("rename", "rename"), ("move", "move"), ("delete", "delete"), ("rename", "move"),
                                 ("rename", "delete"), ("move", "delete")])
def test_two_processes_renaming_moving_deleting_the_same_requests_end_in_words(store, tmp_path, ops):
    from desktop.core.collection import dump_request

    store.create_client("Acme")
    store.create_folder("Acme", "Sub")
    rounds = 25
    for number in range(rounds):
        (store.client_dir("Acme") / f"r{number}.json").write_bytes(dump_request(Request(url=f"https://h/{number}", name=f"R{number}")))
    race(MOVER, tmp_path, ops, rounds)
    urls = sorted(item.request.url for item in Store(store.root, store.trash).requests("Acme"))
    # Each request is there once (renamed or moved by one of them), or gone to the trash if one deleted it.
    assert len(urls) == len(set(urls))
    if "delete" not in ops:
        assert urls == sorted(f"https://h/{n}" for n in range(rounds))


# ---- import: all or nothing, every refusal in words --------------------------------------------------------------

def incoming(name="Req", folders=(), url="https://h/x"):
    from desktop.core.store import Incoming

    return Incoming(tuple(folders), Request("GET", url, name=name), {})


HOSTILE_IMPORTS = {
    "a 5,000-character name": [incoming(f"r{i}") for i in range(9)] + [incoming("n" * 5000)] + [incoming(f"s{i}") for i in range(18)],
    "an empty name": [incoming("ok"), incoming("   ")],
    "3,000 nested folders": [incoming("ok"), incoming("deep", [f"f{i}" for i in range(3000)])],
    "60 nested long names": [incoming("ok"), incoming("long", ["L" * 250] * 60)],
    "long names that fit the depth": [incoming("ok"), incoming("long", ["Папка " * 40] * 20)],
}


@pytest.mark.parametrize("case", list(HOSTILE_IMPORTS))
@pytest.mark.parametrize("client", ["Acme", "New client"])
def test_a_refused_import_changes_nothing_and_names_the_request(store, tmp_path, case, client):
    from tests.tree_state import tree_state

    store.create_client("Acme")
    store.save("Acme", sample())
    before = tree_state(tmp_path)
    with pytest.raises(StoreError) as info:
        store.import_requests(client, HOSTILE_IMPORTS[case])
    message = str(info.value)
    assert message.startswith("Nothing was imported.")
    assert len(message.splitlines()) == 2 and "«" in message.splitlines()[1]
    assert tree_state(tmp_path) == before


@pytest.mark.parametrize("client", ["..", ".", "CON", "nul.txt", "a/b", "", "x" * 300, "/tmp/x"])
def test_a_reserved_or_impossible_client_name_is_refused_in_words(store, tmp_path, client):
    from tests.tree_state import tree_state

    store.create_client("Acme")
    before = tree_state(tmp_path)
    with pytest.raises(StoreError):
        store.import_requests(client, [incoming()])
    assert tree_state(tmp_path) == before


def test_reserved_and_dotted_folder_names_are_kept_inside_the_client(store):
    written = store.import_requests("New", [incoming("NUL", ["CON", "..", ".", "a/b", "LPT1.txt"]), incoming("q")])
    client = (store.root / "New").resolve()
    assert all(path.resolve().is_relative_to(client) for path in written)
    folder = store.tree("New")
    names = []
    while folder.children and hasattr(folder.children[0], "children"):
        folder = folder.children[0]
        names.append(folder.name)
    assert names == ["CON", "..", ".", "a/b", "LPT1.txt"]  # the real names live on in folder.json
    assert [i.request.name for i in store.requests("New")] == ["NUL", "q"]


def test_import_into_an_existing_client_merges_and_keeps_what_was_there(store):
    store.create_client("Acme")
    first = store.save("Acme", sample())
    written = store.import_requests("acme", [incoming("Send text", url="https://h/imported"), incoming("b", ["G"])],
                                    [Variable("token", "s3cret", secret=True), Variable("extra", "1")])
    assert first.exists() and [p.name for p in written] == ["send-text-2.json", "b.json"]
    environment = store.environment("Acme")
    assert environment.get("extra").value == "1" and environment.get("token").value == ""
    assert "s3cret" not in (store.root / "Acme" / "environment.json").read_text()
    assert not [p for p in store.root.iterdir() if p.name.startswith(".")]  # no staging left behind


def test_a_new_client_arrives_whole(store):
    written = store.import_requests("Fresh", [incoming(f"r{i}", ["A", "B"][: i % 3]) for i in range(28)])
    assert len(written) == 28 and all(p.exists() for p in written)
    assert len(store.requests("Fresh")) == 28
    assert not [p for p in store.root.iterdir() if p.name.startswith(".")]


names = st.text(max_size=120)  # lone surrogates included: a JSON file can carry them as escapes


@settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(st.tuples(st.lists(names, max_size=6), names), min_size=1, max_size=5), client=names)
@example(items=[(["\ud800", "CON", ".."], "\udfff name")], client="New")
@example(items=[([], "x")], client="Cl\ud800ient")
@example(items=[(["a" * 120] * 6, "b" * 120)], client="nul")
def test_any_import_is_whole_and_inside_or_refused_with_nothing_changed(tmp_path_factory, items, client):
    """Whatever the names (reserved, dotted, slashes, control characters, very long), an import either writes every
    request inside its client or refuses in words with the store exactly as before."""
    from desktop.core.store import Incoming
    from tests.tree_state import tree_state

    base = tmp_path_factory.mktemp("import")
    store = Store(base / "clients", base / "trash")
    store.create_client("Acme")
    before = tree_state(base)
    incoming = [Incoming(tuple(folders), Request("GET", "https://h", name=name)) for folders, name in items]
    try:
        written = store.import_requests(client, incoming)
    except StoreError as exc:
        assert str(exc).strip()
        assert tree_state(base) == before
        return
    assert len(written) == len(items)
    root = store.root.resolve()
    for path in written:
        assert path.resolve().is_relative_to(root) and path.resolve().parent.is_relative_to(root)
    target = store.client_of(written[0])
    assert sorted(i.request.name for i in store.requests(target)) == sorted(name.strip() for _f, name in items)
    assert not [p for p in store.root.iterdir() if p.name.startswith(".")]


def test_the_staging_folder_of_an_import_killed_half_way_is_removed_later(store):
    import os
    import time

    store.root.mkdir(parents=True)
    stale = store.root / ".import-0123abcd" / "client"
    stale.mkdir(parents=True)
    (stale / "half.json").write_text("{")
    fresh = store.root / ".import-4567efgh"  # perhaps another window importing right now
    fresh.mkdir()
    hours_ago = time.time() - 3 * 3600
    os.utime(stale.parent, (hours_ago, hours_ago))
    store.import_requests("Acme", [incoming()])
    assert not stale.parent.exists() and fresh.exists()
    assert store.clients() == ["Acme"]


@pytest.mark.parametrize("content", [
    b'{"kind": "environment", "variables": 5}',
    b'{"kind": "environment", "variables": [{"name": "token", "secret": "yes"}]}',
    b'{"kind": "environment", "variables": [{"name": "a", "value": null}]}',
    b'{"kind": "environment", "name": 5}',
    b'{"kind": "environment", "schema_version": 99}',
    b'{"kind": "request"}',
    b"[]",
    b"",
    b"\xff\xfe\x00",
])
def test_a_damaged_variables_file_is_refused_in_words_and_never_overwritten(store, content):
    store.create_client("Acme")
    path = store.client_dir("Acme") / "environment.json"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        store.environment("Acme")
    assert "environment.json" in str(info.value)
    with pytest.raises(StoreError):
        store.save_environment("Acme", Environment("Acme", [Variable("a", "1")]))
    assert path.read_bytes() == content


def test_save_with_a_folder_as_path_writes_nothing_outside_the_client(tmp_path):
    from tests.tree_state import tree_state

    store = Store(tmp_path / "clients", tmp_path / "trash")
    store.create_client("Acme")
    store.create_folder("Acme", "Sub")
    before = tree_state(tmp_path)
    with pytest.raises(StoreError):
        store.save("Acme", Request(url="http://x", name="x"), path=store.client_dir("Acme"))
    assert tree_state(tmp_path) == before
    # A folder inside the client: the new file goes beside it, still in the client.
    written = store.save("Acme", Request(url="http://x", name="x"), path=store.client_dir("Acme") / "Sub")
    assert written.parent == store.client_dir("Acme")


def test_duplicating_a_client_copies_its_own_files_not_its_links(tmp_path):
    import os

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.json").write_text("{}")
    store = Store(tmp_path / "clients", tmp_path / "trash")
    store.create_client("Acme")
    store.save("Acme", Request(url="http://x", name="Kept"))
    folder = store.client_dir("Acme")
    os.symlink(store.root, folder / "up")        # a link to a folder above: copying it would never end
    os.symlink(outside, folder / "elsewhere")
    os.symlink(folder / "loop", folder / "loop")
    copy = store.duplicate_client("Acme", "Copy")
    names = sorted(p.name for p in store.client_dir(copy).rglob("*"))
    assert names == ["environment.json", "kept.json"]
    assert sorted(store.clients()) == ["Acme", "Copy"]
