"""Every preloaded request, filled in from the Sandbox environment and sent, gets 200 and its documented answer keys."""
import httpx
import pytest

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
    assert len(items) >= 33
    assert [e.status for e in sandbox.request_log()][-len(items):] == [200] * len(items)


def test_the_same_request_with_a_wrong_token_gets_the_courses_401(sandbox):
    folder, _ = load_tree(preloaded_collection())
    item = next(i for i in walk_items(folder) if i.path.name == "01-send-text.json")
    values = {**sandbox_environment(sandbox.base_url, sandbox.profile_id, sandbox.token).values(), "token": "wrong_token_here"}
    with httpx.Client(timeout=15) as client:
        response = send(resolve(item.request, values)[0], client)
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token"})
