"""The command-line runner and import/export commands, against a real loopback HTTP server."""
import json

import pytest

from desktop.commands import main_export, main_import, main_run
from desktop.core.secrets import MASK, masker
from desktop.core.models import Body, KeyValue, Request
from desktop.core.store import Store
from tests import loopback


@pytest.fixture
def server():
    running = loopback.start()
    yield running
    running.close()


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "clients", tmp_path / "trash")


def make_client(store, base_url, name="Acme"):
    store.create_client(name)
    env = store.environment(name)
    env.set("base_url", base_url)
    env.set("profile_id", "p-42")
    store.save_environment(name, env)
    return store.client_dir(name)


def test_run_a_folder_prints_a_line_each_and_fails_on_error_status(store, server, capsys):
    folder = make_client(store, server.url)
    store.save("Acme", Request("GET", "{{base_url}}/api/status", [KeyValue("profile_id", "{{profile_id}}"), KeyValue("token", "{{token}}")], name="Status"))
    store.save("Acme", Request("POST", "{{base_url}}/404", headers=[KeyValue("Authorization", "{{token}}")], body=Body("json", "{}"), name="Missing"))
    code = main_run([str(folder), "--store", str(store.root), "--var", "token=TOPSECRET"])
    out = capsys.readouterr().out
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("FAIL") and "Missing" in lines[0] and "POST" in lines[0] and "404" in lines[0]
    assert lines[1].startswith("OK") and "Status" in lines[1] and f"{server.url}/api/status?profile_id=p-42&token=•••" in lines[1]
    assert " ms" in lines[1] and "1 of 2 requests succeeded." in out
    assert "TOPSECRET" not in out
    assert [a.path for a in server.arrived] == ["/404", "/api/status?profile_id=p-42&token=TOPSECRET"]
    assert dict(server.arrived[0].headers)["Authorization"] == "TOPSECRET"


def test_run_one_file_by_client_relative_path_succeeds(store, server, capsys):
    make_client(store, server.url)
    store.save("Acme", Request("GET", "{{base_url}}/ok", name="Ok"))
    assert main_run(["Acme/ok.json", "--store", str(store.root)]) == 0
    assert capsys.readouterr().out.startswith("OK")


def test_env_option_uses_another_clients_variables(store, server, tmp_path, capsys):
    make_client(store, server.url, "Real")
    loose = tmp_path / "loose.json"
    from desktop.core.collection import write_request
    write_request(loose, Request("GET", "{{base_url}}/x/{{profile_id}}", name="Loose"))
    assert main_run([str(loose), "--store", str(store.root), "--env", "real"]) == 0
    assert server.arrived[-1].path == "/x/p-42"
    assert main_run([str(loose), "--store", str(store.root), "--env", "Nobody"]) == 2
    assert "no client called «Nobody»" in capsys.readouterr().err


def test_no_answer_and_missing_variables_are_failures_in_words(store, tmp_path, capsys):
    make_client(store, "http://127.0.0.1:9")
    store.save("Acme", Request("GET", "{{base_url}}/x", name="Down"))
    store.save("Acme", Request("GET", "{{nowhere}}/x", name="Unfilled"))
    assert main_run(["Acme", "--store", str(store.root), "--timeout", "3"]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    down = next(line for line in out.splitlines() if "Down" in line)
    unfilled = next(line for line in out.splitlines() if "Unfilled" in line)
    assert down.startswith("FAIL") and "127.0.0.1" in down
    assert unfilled.startswith("FAIL") and "nowhere" in unfilled


def test_bad_arguments_exit_2_with_a_reason(store, capsys):
    assert main_run(["no/such/thing", "--store", str(store.root)]) == 2
    assert "Nothing called" in capsys.readouterr().err
    make_client(store, "http://127.0.0.1:9")
    store.save("Acme", Request("GET", "{{base_url}}/x", name="X"))
    assert main_run(["Acme", "--store", str(store.root), "--var", "novalue"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err
    assert main_run([]) == 2


def test_damaged_file_in_the_folder_is_named_and_fails_the_run(store, server, capsys):
    folder = make_client(store, server.url)
    store.save("Acme", Request("GET", "{{base_url}}/ok", name="Ok"))
    (folder / "broken.json").write_text("{")
    assert main_run(["Acme", "--store", str(store.root)]) == 1
    captured = capsys.readouterr()
    assert "broken.json" in captured.err and captured.out.startswith("OK")


def test_run_refuses_a_folder_that_is_no_collection_before_sending_anything(tmp_path, capsys):
    # `run /` or `run ~`: walking it all would take minutes and send whatever request files lie about.
    from desktop.core.collection import MAX_ENTRIES

    big = tmp_path / "home"
    big.mkdir()
    for n in range(MAX_ENTRIES + 1):
        (big / f"{n}.txt").touch()
    assert main_run([str(big), "--store", str(tmp_path / "store")]) == 2
    err = capsys.readouterr().err
    assert "is not a folder of requests" in err and "Traceback" not in err


def test_import_then_export_commands(store, shared_dir, tmp_path, capsys):
    corpus = shared_dir / "corpora" / "postman"
    source = corpus / "examples" / "nestedEntities.json"
    assert main_import([str(source), "--client", "From Postman", "--store", str(store.root)]) == 0
    out = capsys.readouterr().out
    assert "2 requests imported" in out and "oauth1" in out
    target = tmp_path / "out.json"
    assert main_export(["From Postman", "-o", str(target), "--store", str(store.root)]) == 0
    import jsonschema
    schema = json.loads((corpus / "collection-v2.1.0.schema.json").read_text())
    jsonschema.validate(json.loads(target.read_text()), schema)
    assert main_export(["Nobody", "-o", str(target), "--store", str(store.root)]) == 1
    assert main_import([str(corpus / "VALIDATION.txt"), "--client", "X", "--store", str(store.root)]) == 1
    assert "damaged" in capsys.readouterr().err


def test_masker_hides_the_longest_secret_first():
    mask = masker(["abc", "abcdef", ""])
    assert mask("x=abcdef&y=abc") == f"x={MASK}&y={MASK}"


def test_sandbox_env(store, tmp_path, capsys):
    from desktop.core.collection import write_request
    path = tmp_path / "status.json"
    write_request(path, Request("GET", "{{base_url}}/api/sync/get/status", [KeyValue("profile_id", "{{profile_id}}")],
                                [KeyValue("Authorization", "{{token}}")], name="Status"))
    assert main_run([str(path), "--env", "Sandbox", "--store", str(store.root)]) == 0, capsys.readouterr()


def test_a_variable_defined_empty_is_sent_empty_and_said_so(loopback):
    from desktop.core.models import KeyValue, Request
    from desktop.core.runner import run
    from desktop.core.sender import make_client

    request = Request("GET", loopback.url + "/p", headers=[KeyValue("X-Tag", "{{tag}}")], name="tagged")
    with make_client() as client:
        lines = run([request], {"tag": ""}, client, ())
    assert lines[0].ok and dict(loopback.arrived[-1].headers)["X-Tag"] == ""
    assert "sent empty: {{tag}}" in lines[0].text()


def test_run_keeps_secrets_from_another_host_after_a_redirect(store, capsys):
    """`wappi-desk run`: a client's secret API key and token never reach the host a redirect points to."""
    from urllib.parse import quote

    from tests.core.echo import start

    first, second = start(), start("localhost")
    try:
        make_client(store, first.url)
        env = store.environment("Acme")
        env.set("api_key", "KEY-9f8e7d", secret=True)
        store.save_environment("Acme", env)
        target = quote(f"{second.url}/landed?keep=1", safe="")
        store.save("Acme", Request("GET", "{{base_url}}/redirect/302", [KeyValue("to", target), KeyValue("token", "{{token}}")],
                                   [KeyValue("X-Api-Key", "{{api_key}}"), KeyValue("X-Custom", "k={{api_key}}"),
                                    KeyValue("token", "{{token}}"), KeyValue("X-Plain", "1")], name="Hop"))
        code = main_run([str(store.client_dir("Acme")), "--store", str(store.root),
                         "--var", "token=TOK-123456", "--var", "api_key=KEY-9f8e7d"])
        out = capsys.readouterr().out
        assert code == 0, out
        arrived = second.received[-1]
        everything = repr(arrived.headers) + arrived.target.decode()
        assert "KEY-9f8e7d" not in everything and "TOK-123456" not in everything
        assert ("X-Plain", "1") in arrived.headers and arrived.target == b"/landed?keep=1"
        assert "X-Custom" in out and "KEY-9f8e7d" not in out and "TOK-123456" not in out
    finally:
        first.close()
        second.close()
