"""The preloaded collection: every file loads, speaks Russian and English, follows its own rules, covers ENDPOINTS.md §2."""
import base64
import json
import re
from urllib.parse import parse_qsl

import pytest

from desktop.core.collection import FOLDER_FILE, load_tree, walk_items
from desktop.core.paths import preloaded_collection
from desktop.sandbox.routes import load_routes
from desktop.sandbox.rules import body_problem, form_problem, query_problem, raw_problem

TYPES = {"string", "number", "integer", "boolean", "array", "object"}
FORMATS = {"recipient", "phone", "base64", "url"}
ROOT = preloaded_collection()


def items():
    folder, problems = load_tree(ROOT)
    assert problems == []
    return list(walk_items(folder))


def documented_endpoints(text: str) -> set[tuple[str, str]]:
    """(method, path) of every §2 heading, plus the related `GET /api/sync/contact/get`."""
    section = text.split("## 2.", 1)[1].split("\n## 3.", 1)[0]
    found = set(re.findall(r"^### 2\.\d+ .*?`(GET|POST) (/[^`?\s]+)`", section, flags=re.MULTILINE))
    found |= set(re.findall(r"Related: `(GET|POST) (/[^`?\s]+)", section))
    return found


def test_every_file_loads_with_both_languages():
    loaded = items()
    assert len(loaded) >= 33
    for item in loaded:
        names, description = item.meta.get("names"), item.meta.get("description")
        for lang in ("ru", "en"):
            assert names and names.get(lang), f"{item.path}: no {lang} name"
            assert description and len(description.get(lang, "")) > 40, f"{item.path}: no {lang} description"
        assert re.match(r"^\d\d-[a-z0-9-]+\.json$", item.path.name)


def test_folders_are_numbered_and_named_in_both_languages():
    for folder_file in ROOT.rglob(FOLDER_FILE):
        data = json.loads(folder_file.read_text(encoding="utf-8"))
        assert data["schema_version"] == 1 and data["kind"] == "folder"
        assert data["name"]["ru"] and data["name"]["en"]
    for folder in [ROOT, *(p for p in ROOT.rglob("*") if p.is_dir())]:
        groups = sorted(p.name for p in folder.iterdir() if p.is_dir())
        assert [g[:3] for g in groups] == [f"{i:02d}-" for i in range(1, len(groups) + 1)], folder
        if folder != ROOT:
            assert (folder / FOLDER_FILE).is_file(), folder


def test_every_documented_endpoint_is_in_the_collection(shared_dir):
    documented = documented_endpoints((shared_dir / "wappi-api" / "ENDPOINTS.md").read_text(encoding="utf-8"))
    assert len(documented) >= 31
    routes = load_routes(ROOT)
    for method, path in documented:
        assert path in routes, f"{method} {path} is missing from the collection"
        assert routes[path].method == method, path
    assert {"/tapi/sync/get/status", "/tapi/sync/message/send"} <= set(routes)


@pytest.mark.parametrize("item", items(), ids=lambda item: str(item.path.relative_to(ROOT)))
def test_request_is_complete_and_its_example_follows_its_rules(item):
    request, meta = item.request, item.meta
    assert request.url.startswith(tuple(f"{{{{base_url}}}}/{prefix}/" for prefix in ("api", "tapi", "broadcast", "csender",
                                                                                    "payments", "panel")))
    assert request.header("Authorization") == "{{token}}"
    rules = meta["rules"]
    fields = {} if "type" in rules.get("body", {}) else rules.get("body", {})  # a whole-body spec has no fields
    for rule in [*rules.get("query", {}).values(), *fields.values(), *rules.get("form", {}).values()]:
        assert rule.get("type", "string") in TYPES and rule.get("format", "url") in FORMATS
    query = {p.name: p.value for p in request.params if p.enabled}
    if "profile_id" in rules.get("query", {}):
        assert query["profile_id"] == "{{profile_id}}" and rules["query"]["profile_id"]["required"]
    # Optional query parameters are shipped disabled; required ones enabled.
    for param in request.params:
        assert param.enabled == bool(rules["query"].get(param.name, {}).get("required")), param.name
    assert query_problem(rules.get("query", {}), {**query, "profile_id": "abcd1234-ef56"}) is None
    if request.body.kind == "json":
        assert request.header("Content-Type") == "application/json"
        body = json.loads(request.body.text)
        assert body_problem(rules, body) is None
        for name, rule in fields.items():
            if rule.get("format") == "base64":
                assert base64.b64decode(body[name], validate=True)
    elif "form" in rules:
        assert request.header("Content-Type") == "application/x-www-form-urlencoded"
        assert form_problem(rules, dict(parse_qsl(request.body.text))) is None
    elif "raw_body" in rules:
        assert raw_problem(rules, request.body.text) is None
    else:
        assert request.header("Content-Type") is None and "body" not in rules
    example = meta["example_response"]
    assert example["status"] == 200 and isinstance(example["body"], dict)


def test_media_sends_carry_real_files():
    magic = {"/img/": b"\xff\xd8\xff", "/document/": b"%PDF", "/audio/": b"RIFF", "/video/": b"\x00\x00\x00\x20ftyp"}
    checked = 0
    for item in items():
        kind = next((k for k in magic if k in item.request.url), None)
        if kind and item.request.body.kind == "json":
            raw = base64.b64decode(json.loads(item.request.body.text)["b64_file"])
            assert raw.startswith(magic[kind]), item.path
            checked += 1
    assert checked == 16  # image, document, audio, video: sync and queued, WhatsApp and Telegram
