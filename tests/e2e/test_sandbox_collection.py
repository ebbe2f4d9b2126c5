"""Every preloaded request lints clean, is filled in by the Sandbox environment, gets 200 and its documented answer keys;
each required field, removed, gets a 400 that names it."""
import json
from urllib.parse import parse_qsl, urlencode

import httpx
import pytest

from desktop.core import jsonlint
from desktop.core.collection import load_tree, walk_items
from desktop.core.environments import sandbox_environment
from desktop.core.models import Request
from desktop.core.paths import preloaded_collection
from desktop.core.variables import resolve
from desktop.sandbox.server import Sandbox


def send(request: Request, client: httpx.Client) -> httpx.Response:
    """The one place that puts a resolved request on the wire (the app's sender.send will take over here)."""
    body = request.body.text.encode("utf-8") if request.body.kind != "none" else None
    return client.request(request.method, request.full_url(), headers=request.enabled_headers(), content=body)


def missing_keys(documented, answer, where="answer"):
    """Documented keys absent from the answer, looking into objects and the first item of lists."""
    if isinstance(documented, dict):
        if not isinstance(answer, dict):
            return [where]
        gaps = [f"{where}.{key}" for key in documented if key not in answer]
        for key, value in documented.items():
            if key in answer and isinstance(value, (dict, list)) and answer[key] is not None:
                gaps += missing_keys(value, answer[key], f"{where}.{key}")
        return gaps
    if isinstance(documented, list) and documented and isinstance(answer, list) and answer:
        return missing_keys(documented[0], answer[0], f"{where}[0]")
    return []


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    with Sandbox(data_dir=tmp_path_factory.mktemp("sandbox"), retry_scale=1e-3) as running:
        yield running


def test_every_preloaded_request_answers_as_documented(sandbox):
    folder, problems = load_tree(preloaded_collection())
    assert problems == []
    values = sandbox_environment(sandbox.base_url, sandbox.profile_id, sandbox.token).values()
    items = list(walk_items(folder))
    with httpx.Client(timeout=15) as client:
        for item in items:
            resolved, missing = resolve(item.request, values)
            assert missing == [], (item.path.name, missing)
            response = send(resolved, client)
            assert response.status_code == 200, (item.path.name, response.text)
            documented = item.meta["example_response"]["body"]
            assert missing_keys(documented, response.json()) == [], item.path.name
    assert len(items) == 161  # the docs' 93 WhatsApp + 82 Telegram methods, 14 of them shared
    assert [e.status for e in sandbox.request_log()][-len(items):] == [200] * len(items)


def test_every_preloaded_body_lints_clean_against_its_own_rules():
    folder, _ = load_tree(preloaded_collection())
    for item in walk_items(folder):
        if item.request.body.kind == "json":
            assert jsonlint.lint(item.request.body.text, item.meta.get("rules")) == [], item.path


def without(request: Request, where: str, name: str) -> Request:
    """The request with one query parameter, JSON field or form field taken out."""
    if where == "query":
        params = [p for p in request.params if p.name != name]
        return Request(request.method, request.url, params, request.headers, request.body, request.name)
    body = request.body
    if where == "body":
        data = json.loads(body.text)
        data.pop(name)
        text = json.dumps(data, ensure_ascii=False)
    else:
        text = urlencode([(k, v) for k, v in parse_qsl(body.text) if k != name])
    return Request(request.method, request.url, request.params, request.headers, type(body)(body.kind, text), request.name)


def required_fields(rules):
    for where in ("query", "body", "form"):
        fields = rules.get(where) or {}
        if "type" in fields:  # a whole-body spec (the webhook types list) has no named fields
            continue
        for name, rule in fields.items():
            if rule.get("required"):
                yield where, name


def test_each_required_field_removed_gets_a_400_naming_it(sandbox):
    folder, _ = load_tree(preloaded_collection())
    values = sandbox_environment(sandbox.base_url, sandbox.profile_id, sandbox.token).values()
    checked = 0
    with httpx.Client(timeout=15) as client:
        for item in walk_items(folder):
            for where, name in required_fields(item.meta.get("rules") or {}):
                response = send(resolve(without(item.request, where, name), values)[0], client)
                assert response.status_code == 400, (item.path.name, name, response.text)
                assert f"'{name}'" in response.json()["detail"], (item.path.name, name, response.json())
                checked += 1
    assert checked > 250


def test_the_same_request_with_a_wrong_token_gets_the_courses_401(sandbox):
    folder, _ = load_tree(preloaded_collection())
    item = next(i for i in walk_items(folder) if i.path.name == "01-send-text.json")
    values = {**sandbox_environment(sandbox.base_url, sandbox.profile_id, sandbox.token).values(), "token": "wrong_token_here"}
    with httpx.Client(timeout=15) as client:
        response = send(resolve(item.request, values)[0], client)
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token"})
