"""The on-disk format: readable files, extras kept, damaged and newer files reported and skipped."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import collection
from desktop.core.collection import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    SCHEMA_VERSION,
    FormatError,
    NotACollection,
    dump_request,
    load_tree,
    read_request,
    request_from_data,
    walk_items,
    write_request,
)
from desktop.core.models import Body, KeyValue, Request
from desktop.i18n import set_language


def test_write_then_read_keeps_request_and_extras(tmp_path):
    request = Request("POST", "{{base_url}}/api/x", [KeyValue("profile_id", "{{profile_id}}")], [], Body("json", '{"a":1}'), "Send")
    meta = {"description": {"ru": "Описание", "en": "Description"}, "rules": {"body": {"a": {"type": "number"}}}}
    path = tmp_path / "client" / "01-send.json"
    write_request(path, request, meta)
    text = path.read_text(encoding="utf-8")
    assert '"schema_version": 1' in text and "Описание" in text  # readable, not \\u-escaped
    loaded, loaded_meta = read_request(path)
    assert loaded == request
    assert loaded_meta == meta


def test_localized_names_follow_the_language(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"schema_version": 1, "kind": "request", "name": {"ru": "Статус", "en": "Status"}, "url": "x"}))
    assert read_request(path)[0].name == "Status"
    set_language("ru")
    request, meta = read_request(path)
    assert request.name == "Статус"
    write_request(path, request, meta)
    assert json.loads(path.read_text())["name"] == {"ru": "Статус", "en": "Status"}


def test_damaged_and_newer_files_are_reported_and_skipped(tmp_path):
    (tmp_path / "good.json").write_text(json.dumps({"schema_version": 1, "kind": "request", "name": "ok", "url": "u"}))
    (tmp_path / "broken.json").write_text("{ not json")
    (tmp_path / "future.json").write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1, "kind": "request"}))
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "folder.json").write_text(json.dumps({"name": {"en": "Folder", "ru": "Папка"}}))
    (sub / "x.json").write_text(json.dumps({"kind": "request", "name": "x"}))
    folder, problems = load_tree(tmp_path)
    assert [item.request.name for item in walk_items(folder)] == ["ok", "x"]
    assert any("broken.json" in p for p in problems)
    assert any("future.json" in p and "newer" in p for p in problems)
    assert [c.name for c in folder.children if hasattr(c, "children")] == ["Folder"]
    assert (tmp_path / "broken.json").read_text() == "{ not json"


def test_read_request_errors_are_plain(tmp_path):
    with pytest.raises(FormatError) as info:
        read_request(tmp_path / "missing.json")
    assert "missing.json" in str(info.value)


# ---- hostile files: each is named in words, skipped, and left exactly as it was ---------------------------------

def _request_file(**fields):
    return json.dumps({"schema_version": 1, "kind": "request", "name": "x", "url": "u", **fields}).encode()


HOSTILE = {
    "params-null.json": _request_file(params=None),
    "params-text.json": _request_file(params="a=1"),
    "headers-number.json": _request_file(headers=5),
    "header-row-number.json": _request_file(headers=[5]),
    "header-value-null.json": _request_file(headers=[{"name": "A", "value": None}]),
    "param-enabled-text.json": _request_file(params=[{"name": "a", "enabled": "yes"}]),
    "body-list.json": _request_file(body=[1, 2]),
    "body-text-object.json": _request_file(body={"kind": "json", "text": {"a": 1}}),
    "attachments-number.json": _request_file(body={"kind": "json", "text": "", "attachments": 5}),
    "attachment-size-text.json": _request_file(body={"attachments": [{"id": "f", "size": "big"}]}),
    "attachment-size-negative.json": _request_file(body={"attachments": [{"id": "f", "size": -1}]}),
    "attachment-base64-number.json": _request_file(body={"attachments": [{"id": "f", "base64": 12}]}),
    "method-number.json": _request_file(method=5),
    "url-null.json": _request_file(url=None),
    "name-list.json": _request_file(name=["a"]),
    "name-localized-number.json": _request_file(name={"ru": 1}),
    "version-text.json": _request_file(schema_version="1"),
    "version-true.json": _request_file(schema_version=True),
    "newer.json": _request_file(schema_version=SCHEMA_VERSION + 41),
    "newer-float.json": _request_file(schema_version=SCHEMA_VERSION + 0.5),
    "version-zero.json": _request_file(schema_version=0),
    "size-float.json": _request_file(body={"attachments": [{"id": "f", "size": 1.5}]}),
    "size-nan.json": b'{"kind": "request", "body": {"attachments": [{"id": "f", "size": NaN}]}}',
    "postman-collection.json": json.dumps({"info": {"name": "p"}, "item": []}).encode(),
    "rules-list.json": _request_file(rules=[1]),
    "rules-query-text.json": _request_file(rules={"query": {"profile_id": "required"}}),
    # A rule's own fields reach the body checker: a list where a type word belongs must stop at the door.
    "rule-type-list.json": _request_file(rules={"body": {"recipient": {"type": ["string"], "required": True}}}),
    "rule-required-text.json": _request_file(rules={"query": {"profile_id": {"type": "string", "required": "yes"}}}),
    "rule-items-number.json": _request_file(rules={"body": {"type": "array", "items": 5}}),
    "rule-item-type-object.json": _request_file(rules={"body": {"type": "array", "items": {"type": {}}}}),
    "description-number.json": _request_file(description=5),
    "top-list.json": b"[1, 2]",
    "top-string.json": b'"request"',
    "empty.json": b"",
    "spaces.json": b"   \n",
    "not-json.json": b"{ not json",
    "binary.json": bytes(range(256)) * 4,
    "utf16.json": '{"kind": "request"}'.encode("utf-16"),
    "deep.json": b"[" * 200_000,
    "long-number.json": b"1" * 10_000,
    "nul-bytes.json": b'{"kind": "request", "name": "a\x00"}',
}


def _folder_with_hostile_files(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.json").write_bytes(_request_file(name="good"))
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)


def test_every_hostile_file_is_named_skipped_and_unchanged(tmp_path):
    from tests.tree_state import tree_state

    _folder_with_hostile_files(tmp_path / "c")
    huge = tmp_path / "c" / "huge.json"
    with open(huge, "wb") as handle:  # sparse: costs no disk, but is bigger than any request file may be
        handle.truncate(MAX_FILE_BYTES + 1)
    before = tree_state(tmp_path)
    folder, problems = load_tree(tmp_path / "c")
    assert [item.request.name for item in walk_items(folder)] == ["good"]
    for name in [*HOSTILE, "huge.json"]:
        assert sum(p.startswith(name + ":") for p in problems) == 1, (name, problems)
    assert not any("Traceback" in p or "Error" in p for p in problems)
    assert tree_state(tmp_path) == before


def test_wrong_types_are_said_in_words(tmp_path):
    (tmp_path / "a.json").write_bytes(_request_file(params=None))
    (tmp_path / "b.json").write_bytes(_request_file(body={"attachments": [{"size": "big"}]}))
    _folder, problems = load_tree(tmp_path)
    assert problems[0] == "a.json: «params» should be a list, not empty (null). The file was skipped and not changed."
    assert problems[1].startswith("b.json: «body.attachments[0].size» should be a whole number, not text.")


def test_special_files_links_and_loops_are_skipped(tmp_path):
    import os

    root = tmp_path / "c"
    root.mkdir()
    (root / "good.json").write_bytes(_request_file(name="good"))
    os.mkfifo(root / "pipe.json")  # reading it would wait for ever
    (root / "zero.json").symlink_to("/dev/zero")
    (root / "loop").symlink_to(root)
    deep = root
    for _ in range(MAX_DEPTH + 3):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "far.json").write_bytes(_request_file(name="far"))
    folder, problems = load_tree(root)
    assert [item.request.name for item in walk_items(folder)] == ["good"]
    assert any(p.startswith("pipe.json:") for p in problems) and any(p.startswith("zero.json:") for p in problems)
    assert any("loop" in p and "link" in p for p in problems)
    assert any("nested more than" in p for p in problems)


def test_a_folder_too_big_for_a_collection_is_read_up_to_the_limit_and_said_so(tmp_path, monkeypatch):
    monkeypatch.setattr(collection, "MAX_ENTRIES", 10)
    for group in ("a", "b", "c"):
        (tmp_path / group).mkdir()
        for n in range(4):
            (tmp_path / group / f"{n}.json").write_bytes(_request_file(name=f"{group}{n}"))
    folder, problems = load_tree(tmp_path)
    assert 0 < len(list(walk_items(folder))) < 12
    assert problems == [f"{tmp_path}: more than 10 files and folders to look through, so the rest was not read."]
    with pytest.raises(NotACollection, match="is not a folder of requests"):
        load_tree(tmp_path, whole=True)


def test_a_damaged_folder_description_is_named_and_the_folder_still_loads(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "folder.json").write_text(json.dumps({"name": 5}))
    (sub / "a.json").write_bytes(_request_file(name="a"))
    folder, problems = load_tree(tmp_path)
    assert [item.request.name for item in walk_items(folder)] == ["a"]
    assert problems == ["folder.json: «name» has a value Wappi Desk cannot use. The file was skipped and not changed. "
                        "The folder name is used instead."]


def test_stale_temporary_files_of_an_interrupted_save_are_removed_on_load(tmp_path):
    import os
    import time

    old = tmp_path / ".send-text.json.ab12cd34.tmp"
    fresh = tmp_path / ".other.json.zz99yy88.tmp"
    mine = tmp_path / ".notes.tmp"  # not one of ours: left alone
    for path in (old, fresh, mine):
        path.write_text("partial")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(mine, (hour_ago, hour_ago))
    load_tree(tmp_path)
    assert not old.exists() and fresh.exists() and mine.exists()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=30,
)
request_like = st.fixed_dictionaries(
    {"kind": st.just("request")},
    optional={key: json_values for key in ("schema_version", "name", "method", "url", "params", "headers", "body",
                                            "description", "rules", "example_response")},
)


@settings(max_examples=300, deadline=500, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(json_values, request_like))
def test_any_json_is_a_request_or_a_format_error(data):
    """The loader's only failure is its own error with words; whatever it accepts becomes a usable Request."""
    try:
        request, meta = request_from_data(data, "x.json")
    except FormatError as exc:
        assert str(exc).startswith("x.json: ")
    else:
        assert isinstance(request.name, str) and isinstance(request.full_url(), str)
        request.copy()
        dump_request(request, meta)


def test_validation_time_grows_linearly_with_the_file():
    """Long inputs: the check of 4n rows costs about 4 times that of n rows, not 16 times (ratio, not seconds)."""
    from tests.core.linearity import MAX_RATIO, growth

    def make(rows):
        return _request_file(headers=[{"name": f"H{i}", "value": "v" * 50} for i in range(rows)]).decode()

    assert growth(lambda text: request_from_data(json.loads(text), "x.json"), make, 4000, (FormatError,)) < MAX_RATIO


def test_a_byte_order_mark_from_a_windows_editor_is_fine(tmp_path):
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + _request_file(name="bom"))
    folder, problems = load_tree(tmp_path)
    assert [item.request.name for item in walk_items(folder)] == ["bom"] and problems == []


def test_a_damaged_shipped_file_is_skipped_by_name_not_a_crash(tmp_path, monkeypatch):
    import json
    import shutil

    from desktop.core.collection import load_shipped, walk_items
    from desktop.core.paths import preloaded_collection

    copy = tmp_path / "collections" / "wappi"
    shutil.copytree(preloaded_collection(), copy)
    victim = next(p for p in sorted(copy.rglob("*.json")) if p.name != "folder.json")
    data = json.loads(victim.read_text(encoding="utf-8"))
    data["params"] = None
    data["headers"] = 5
    victim.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("WAPPI_DESK_RESOURCES", str(tmp_path))
    folder, problems = load_shipped(preloaded_collection())
    assert any(victim.name in problem for problem in problems)
    assert len(list(walk_items(folder))) == 160


def test_the_shipped_collection_loads_the_same_with_and_without_the_checks():
    from desktop.core.collection import load_shipped, walk_items
    from desktop.core.paths import preloaded_collection

    (checked, checked_problems), (shipped, shipped_problems) = load_tree(preloaded_collection()), load_shipped(preloaded_collection())
    assert checked_problems == shipped_problems == []
    assert [(i.path, i.request, i.meta) for i in walk_items(checked)] == [(i.path, i.request, i.meta) for i in walk_items(shipped)]


def test_a_folder_whose_entries_cannot_be_looked_at_is_named_not_a_crash():
    # Running as root, chmod blocks nothing; /proc/1/fdinfo refuses even root a look at its entries.
    from desktop.core.collection import FOLDER_FILE
    from tests.core.hostile import folder_refusing_a_look

    blocked = folder_refusing_a_look(FOLDER_FILE)
    _tree, problems = load_tree(blocked)
    assert any("Permission denied" in problem or "cannot be read" in problem for problem in problems)


def test_the_inlined_validator_judges_as_the_schema_file_does():
    """The schemas are compiled with their $refs inlined (faster); the verdict and the field named stay the same."""
    import fastjsonschema

    from desktop.core.collection import SCHEMAS, _validator

    plain = fastjsonschema.compile(json.loads((SCHEMAS / "request.schema.json").read_text(encoding="utf-8")))

    def verdict(validate, data):
        try:
            validate(data)
        except fastjsonschema.JsonSchemaValueException as error:
            return error.path, error.rule
        return None

    rows = st.lists(st.dictionaries(st.sampled_from(["name", "value", "enabled", "bare"]), json_values, max_size=4),
                    max_size=3)
    attachments = st.lists(st.dictionaries(st.sampled_from(["id", "size", "base64", "data_uri"]), json_values,
                                           max_size=4), max_size=2)
    bodies = st.fixed_dictionaries({}, optional={"kind": json_values, "text": json_values, "attachments": attachments})
    with_rows = st.builds(lambda rows, body: {"kind": "request", "headers": rows, "params": rows[::-1], "body": body},
                          rows, bodies)

    @settings(max_examples=150, deadline=None)
    @given(data=st.one_of(json_values, request_like, with_rows))
    def same(data):
        assert verdict(_validator("request")[0], data) == verdict(plain, data)

    same()


def _count_checks(monkeypatch) -> list[str]:
    from desktop.core import collection

    collection.forget_checked()
    checked: list[str] = []
    real = collection.check_shape

    def counting(data, kind, source):
        checked.append(source)
        real(data, kind, source)

    monkeypatch.setattr(collection, "check_shape", counting)
    return checked


def test_the_same_bytes_are_not_checked_again_but_changed_ones_are(tmp_path, monkeypatch):
    import os
    import shutil

    checked = _count_checks(monkeypatch)
    for name in ("a", "b", "c"):
        (tmp_path / "c" / f"{name}.json").parent.mkdir(exist_ok=True)
        (tmp_path / "c" / f"{name}.json").write_bytes(_request_file(name=name, url="u1"))
    load_tree(tmp_path / "c")
    assert sorted(checked) == ["a.json", "b.json", "c.json"]
    checked.clear()
    shutil.copytree(tmp_path / "c", tmp_path / "copy")
    for root in ("c", "copy"):
        assert [i.request.name for i in walk_items(load_tree(tmp_path / root)[0])] == ["a", "b", "c"]
    assert checked == []
    # Rewritten in place with as many bytes and the old timestamps, or replaced by a rename: both are checked again.
    before = os.stat(tmp_path / "c" / "a.json")
    (tmp_path / "c" / "a.json").write_bytes(_request_file(name="a", url=[22]))
    os.utime(tmp_path / "c" / "a.json", ns=(before.st_atime_ns, before.st_mtime_ns))
    (tmp_path / "new.json").write_bytes(_request_file(name="b", headers=5))
    os.replace(tmp_path / "new.json", tmp_path / "c" / "b.json")
    folder, problems = load_tree(tmp_path / "c")
    assert sorted(checked) == ["a.json", "b.json"]
    assert [i.request.name for i in walk_items(folder)] == ["c"]
    assert [p.split(":")[0] for p in problems] == ["a.json", "b.json"]


def test_linked_request_and_folder_files_are_read(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "r.json").write_bytes(_request_file(name="linked"))
    (elsewhere / "f.json").write_text(json.dumps({"name": "Named by a link"}))
    root = tmp_path / "c" / "sub"
    root.mkdir(parents=True)
    (root / "r.json").symlink_to(elsewhere / "r.json")
    (root / "folder.json").symlink_to(elsewhere / "f.json")
    folder, problems = load_tree(tmp_path / "c")
    assert problems == []
    assert folder.children[0].name == "Named by a link"
    assert [i.request.name for i in walk_items(folder)] == ["linked"]
    assert folder.children[0].children[0].path == root / "r.json"



def test_a_big_request_file_is_read_whole(tmp_path):
    """Small files are read in one go without asking their size; one holding a picture is read to its end."""
    picture = "A" * 3_000_001
    body = {"kind": "json", "text": "{{file:p}}", "attachments": [{"id": "p", "base64": picture}]}
    (tmp_path / "big.json").write_bytes(_request_file(name="big", body=body))
    for trusted in (False, True):
        folder, problems = load_tree(tmp_path, trusted=trusted)
        (item,) = walk_items(folder)
        assert problems == [] and item.request.body.attachments["p"].data == picture.encode()


def test_the_tree_the_checks_and_the_sandbox_share_one_load_of_the_shipped_collection(monkeypatch):
    import threading

    from desktop import i18n
    from desktop.core import collection
    from desktop.core.diagnose import documented_endpoints
    from desktop.core.paths import preloaded_collection
    from desktop.sandbox.routes import load_routes

    loads = []
    real = collection.load_shipped
    monkeypatch.setattr(collection, "load_shipped", lambda root: loads.append(root) or real(root))
    monkeypatch.setattr(collection, "_shipped", {})
    root = preloaded_collection()
    # Two readers at once (the window's loader thread and the first findings job): one read of the files.
    results = []
    readers = [threading.Thread(target=lambda: results.append(collection.shipped_collection(root))) for _ in range(2)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert results[0] is results[1]
    assert documented_endpoints()["/api/sync/message/send"].method == "POST"
    assert len(load_routes(root)) > 100
    assert len(loads) == 1
    # Names are picked in the UI language: another language is another load.
    previous = i18n.language()
    try:
        i18n.set_language("ru" if previous != "ru" else "en")
        assert collection.shipped_collection(root) is not results[0]
    finally:
        i18n.set_language(previous)
    assert len(loads) == 2
