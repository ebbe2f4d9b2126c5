"""The on-disk format: readable files, extras kept, damaged and newer files reported and skipped."""
import json

from desktop.core.collection import SCHEMA_VERSION, FormatError, load_tree, read_request, walk_items, write_request
from desktop.core.models import Body, KeyValue, Request
from desktop.i18n import set_language

import pytest


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
