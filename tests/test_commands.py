"""`wappi-desk run | import | export` on hostile arguments: words and exit codes, keyring secrets, nothing changed."""
from __future__ import annotations

import json

import pytest

from desktop.commands import main_export, main_import, main_run
from desktop.core.collection import write_request
from desktop.core.models import KeyValue, Request
from desktop.core.secrets import MASK, SecretStore
from desktop.core.store import Store
from tests.tree_state import tree_state


@pytest.fixture
def server(loopback):
    return loopback


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "clients", tmp_path / "trash")


def client_with(store, name, base_url, *requests):
    store.create_client(name)
    environment = store.environment(name)
    environment.set("base_url", base_url)
    environment.set("profile_id", "p-1")
    store.save_environment(name, environment)
    for request in requests:
        store.save(name, request)


@pytest.mark.parametrize("value", ["0", "-1", "abc", "nan", "inf", "-0.5", "1e9", "1e-300", "0.05"])
def test_a_timeout_that_is_not_a_waiting_time_is_refused_in_words(store, server, value, capsys):
    client_with(store, "Acme", server.url, Request("GET", "{{base_url}}/ok", name="Ok"))
    assert main_run(["Acme", "--store", str(store.root), "--timeout", value]) == 2
    err = capsys.readouterr().err
    assert f"«{value}» is not a waiting time" in err and "Traceback" not in err
    assert server.arrived == []


def test_a_client_is_found_before_a_folder_of_the_current_directory(store, server, tmp_path, monkeypatch, capsys):
    client_with(store, "repro", server.url, Request("GET", "{{base_url}}/from-the-client", name="Client's"))
    work = tmp_path / "work"
    (work / "repro").mkdir(parents=True)
    (work / "repro" / "collection.json").write_text(json.dumps({"info": {"name": "p"}, "item": []}))
    monkeypatch.chdir(work)
    assert main_run(["repro", "--store", str(store.root)]) == 0
    assert [a.path for a in server.arrived] == ["/from-the-client"]
    # Written as a path it is the folder; a Postman file there is not sent as a request.
    assert main_run(["./repro", "--store", str(store.root)]) == 2
    err = capsys.readouterr().err
    assert "collection.json: this is not a request file" in err
    assert len(server.arrived) == 1


def test_the_token_comes_from_the_keyring_like_in_the_window(store, server, capsys):
    client_with(store, "Acme", server.url,
                Request("GET", "{{base_url}}/status", [KeyValue("profile_id", "{{profile_id}}")],
                        [KeyValue("Authorization", "{{token}}")], name="Status"))
    SecretStore().set("Acme", "token", "kr-token-8f2a")
    assert main_run(["Acme", "--store", str(store.root)]) == 0
    assert dict(server.arrived[-1].headers)["Authorization"] == "kr-token-8f2a"
    assert "kr-token-8f2a" not in capsys.readouterr().out


def test_environments_are_named_as_in_the_window(store, server, tmp_path, capsys):
    loose = tmp_path / "loose.json"
    write_request(loose, Request("GET", "{{base_url}}/w", [KeyValue("token", "{{token}}")], name="Loose"))
    SecretStore().set("Wappi", "token", "wappi-token-77")
    # Wappi is the shipped environment for the real API; base_url is pointed at loopback for the test.
    assert main_run([str(loose), "--store", str(store.root), "--env", "Wappi", "--var", f"base_url={server.url}"]) == 0
    assert server.arrived[-1].path == "/w?token=wappi-token-77"
    assert main_run([str(loose), "--store", str(store.root), "--env", "Nobody"]) == 2
    err = capsys.readouterr().err
    assert "There is no client called «Nobody». Use a client's name, Sandbox or Wappi." in err


def test_an_unavailable_keyring_is_said_and_var_still_works(store, server, memory_keyring, capsys):
    import keyring
    from keyring.backends import fail

    client_with(store, "Acme", server.url, Request("GET", "{{base_url}}/s", [KeyValue("token", "{{token}}")], name="S"))
    keyring.set_keyring(fail.Keyring())
    assert main_run(["Acme", "--store", str(store.root)]) == 1
    captured = capsys.readouterr()
    assert "could not be read" in captured.err and "--var" in captured.err and "token" in captured.out
    assert main_run(["Acme", "--store", str(store.root), "--var", "token=given-on-the-line"]) == 0
    assert "could not be read" not in capsys.readouterr().err


def test_a_short_secret_is_masked_only_where_it_was_filled_in(store, server, capsys):
    client_with(store, "Acme", server.url,
                Request("GET", "{{base_url}}/x/{{token}}", [KeyValue("box", "x")], name="Xylophone x"))
    assert main_run(["Acme", "--store", str(store.root), "--var", "token=x"]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert f"Xylophone x  GET {server.url}/x/{MASK}?box=x" in line
    assert server.arrived[-1].path == "/x/x?box=x"


def test_an_answer_cut_at_the_size_limit_is_said(store, server, capsys):
    client_with(store, "Acme", server.url, Request("GET", "{{base_url}}/huge", name="Huge"))
    main_run(["Acme", "--store", str(store.root), "--timeout", "60"])
    line = capsys.readouterr().out.splitlines()[0]
    assert "200" in line and "the answer was cut at 100.0 MB" in line


def test_bad_store_folders_end_in_words(tmp_path, capsys):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    collection = tmp_path / "c.json"
    collection.write_text(json.dumps({"info": {"name": "c"}, "item": [{"name": "r", "request": {"url": "https://h"}}]}))
    assert main_run(["x", "--store", str(a_file)]) == 2
    assert main_import([str(collection), "--client", "A", "--store", str(a_file)]) == 1
    assert main_import([str(collection), "--client", "A", "--store", "/proc/nope"]) == 1
    assert main_export(["A", "-o", str(tmp_path / "o.json"), "--store", "/proc/nope"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "is a file, not a folder" in err and "could not be written" in err


def test_export_of_a_path_outside_the_clients_writes_nothing(store, tmp_path, capsys):
    client_with(store, "Acme", "https://h", Request("GET", "{{base_url}}/x", name="X"))
    target = tmp_path / "f.json"
    for client in ("..", ".", "/", str(tmp_path), "Acme/.."):
        assert main_export([client, "-o", str(target), "--store", str(store.root)]) == 1
        assert not target.exists()
    assert "no client called" in capsys.readouterr().err


def _postman(items):
    return json.dumps({"info": {"name": "c"}, "item": items})


def test_import_says_one_request_in_the_singular(store, tmp_path, capsys):
    source = tmp_path / "one.json"
    source.write_text(_postman([{"name": "r", "request": {"url": "https://h"}}]))
    assert main_import([str(source), "--client", "Acme", "--store", str(store.root)]) == 0
    assert "1 request imported into «Acme»." in capsys.readouterr().out


def _nested(depth, name_length=1):
    text = "".join('{"name": "%s", "item": [' % ("F" * name_length) for _ in range(depth))
    text += '{"name": "r", "request": {"url": "https://h"}}' + "]}" * depth
    return '{"info": {"name": "c"}, "item": [' + text + "]}"


HOSTILE_COLLECTIONS = {
    "long request name": _postman([{"name": f"r{i}", "request": {"url": "https://h"}} for i in range(9)]
                                  + [{"name": "n" * 5000, "request": {"url": "https://h"}}]
                                  + [{"name": f"s{i}", "request": {"url": "https://h"}} for i in range(18)]),
    "3,000 nested folders": _nested(3000),
    "60 nested long names": _nested(60, 255),
    "not JSON": "{ nope",
}


@pytest.mark.parametrize("case", list(HOSTILE_COLLECTIONS))
@pytest.mark.parametrize("client", ["Acme", "New"])
def test_a_refused_import_leaves_the_store_as_it_was(store, tmp_path, case, client, capsys):
    client_with(store, "Acme", "https://h", Request("GET", "{{base_url}}/x", name="X"))
    source = tmp_path / "hostile.json"
    source.write_text(HOSTILE_COLLECTIONS[case])
    before = tree_state(store.root)
    assert main_import([str(source), "--client", client, "--store", str(store.root)]) == 1
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
    assert tree_state(store.root) == before


@pytest.mark.parametrize("client", ["..", ".", "CON", "nul", "a/b", "x" * 300])
def test_import_into_an_impossible_client_name_is_refused(store, tmp_path, client, capsys):
    source = tmp_path / "one.json"
    source.write_text(_postman([{"name": "r", "request": {"url": "https://h"}}]))
    store.root.mkdir(parents=True)
    before = tree_state(tmp_path)
    assert main_import([str(source), "--client", client, "--store", str(store.root)]) == 1
    assert capsys.readouterr().err.strip()
    assert tree_state(tmp_path) == before


def test_run_names_damaged_files_sends_the_rest_and_changes_nothing(store, server, capsys):
    from tests.core.test_collection import HOSTILE

    client_with(store, "Acme", server.url, Request("GET", "{{base_url}}/ok", name="Ok"))
    folder = store.client_dir("Acme")
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)
    before = tree_state(folder)
    assert main_run(["Acme", "--store", str(store.root)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("OK") and [a.path for a in server.arrived] == ["/ok"]
    for name in HOSTILE:
        assert f"{name}: " in captured.err
    assert "Traceback" not in captured.err
    assert tree_state(folder) == before


@pytest.mark.parametrize("damage", [b'{"schema_version": 1, "kind": "environment", "variables": 5}', b"\xff\xfe{", b"[" * 50000])
def test_run_says_when_the_clients_variables_file_is_damaged(store, server, damage, capsys):
    client_with(store, "Acme", server.url, Request("GET", f"{server.url}/ok", name="Ok"))
    path = store.client_dir("Acme") / "environment.json"
    path.write_bytes(damage)
    assert main_run(["Acme", "--store", str(store.root)]) == 0
    err = capsys.readouterr().err
    assert "environment.json" in err and "Traceback" not in err
    assert path.read_bytes() == damage


@pytest.mark.parametrize("argv, words", [
    (["run"], "не указано: path"),
    (["run", "Acme", "--nope"], "неизвестные аргументы: --nope"),
    (["run", "Acme", "--var"], "после --var нужно значение"),
    (["import", "x.json"], "не указано: --client"),
    (["export", "Acme", "--output"], "после -o/--output нужно значение"),
])
def test_argument_mistakes_are_said_in_the_agents_language(argv, words, capsys):
    from desktop.commands import main_export, main_import, main_run
    from desktop.i18n import set_language

    set_language("ru")
    try:
        main = {"run": main_run, "import": main_import, "export": main_export}[argv[0]]
        assert main(argv[1:]) == 2
        err = capsys.readouterr().err
        assert err.startswith("использование: wappi-desk ") and f"ошибка: {words}" in err
    finally:
        set_language("en")


def test_help_is_in_the_agents_language(capsys):
    from desktop.i18n import set_language

    set_language("ru")
    try:
        assert main_run(["--help"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("использование: ") and "параметры:" in out and "показать эту справку и выйти" in out
        assert "usage" not in out and "options" not in out
    finally:
        set_language("en")


@pytest.mark.parametrize("argv", [["run", "Acme", "--store", ""], ["import", "x.json", "--client", "Acme", "--store", " "],
                                  ["export", "Acme", "-o", "out.json", "--store", ""]])
def test_an_empty_folder_name_is_refused_not_taken_for_the_current_directory(argv, tmp_path, monkeypatch, capsys):
    from desktop.commands import main_export, main_import, main_run

    monkeypatch.chdir(tmp_path)
    main = {"run": main_run, "import": main_import, "export": main_export}[argv[0]]
    assert main(argv[1:]) == 2
    assert "an empty name is not a folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_clients_folder_that_may_not_be_looked_at_ends_in_words(capsys):
    from tests.core.hostile import folder_refusing_a_look

    blocked = folder_refusing_a_look("Acme")
    assert main_run(["Acme", "--store", str(blocked)]) == 2
    assert main_export(["Acme", "-o", "/tmp/never-written.json", "--store", str(blocked)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "«Acme»" in err
