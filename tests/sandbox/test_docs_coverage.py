"""Every method of the two documentation pages has a request file, and the sandbox answers it in the documented shape."""
import json
import re

import httpx
import pytest

from desktop.core.collection import load_tree, walk_items
from desktop.core.environments import sandbox_environment
from desktop.core.paths import preloaded_collection
from desktop.core.variables import resolve
from desktop.sandbox.routes import load_routes
from desktop.sandbox.server import Sandbox

# A method's first line: "POST<title>/api/...URL: https://wappi.pro/api/...?..." (see docs/SOURCE.md).
HEADER = re.compile(r"(GET|POST)[^\n]*?URL: https://wappi\.pro(/[^?\s\n]*)")
COUNTS = {"wa-docs.txt": 93, "tg-docs.txt": 82}


def documented(text: str) -> dict[tuple[str, str], dict | None]:
    """(method, path) -> the first example answer of that method (None where the docs give none)."""
    text = text.split("Тестирование методов", 1)[0]
    found: dict[tuple[str, str], dict | None] = {}
    matches = list(HEADER.finditer(text))
    for match, following in zip(matches, [*matches[1:], None]):
        block = text[match.end(): following.start() if following else len(text)]
        answer = None
        start = block.find("200{")
        if start >= 0:
            try:
                answer, _ = json.JSONDecoder().raw_decode(block[start + 3:])
            except ValueError:
                answer = None
        found[(match.group(1), match.group(2).rstrip("/"))] = answer
    return found


@pytest.fixture(scope="module")
def docs(shared_dir):
    pages = shared_dir / "wappi-api" / "docs"
    if not pages.is_dir():
        pytest.skip(f"{pages} is not there")
    return {name: documented((pages / name).read_text(encoding="utf-8")) for name in COUNTS}


def test_each_page_has_the_number_of_methods_it_announces(docs):
    for name, count in COUNTS.items():
        assert len(docs[name]) == count, name
    assert len({key for page in docs.values() for key in page}) == 161


def test_every_documented_method_has_a_request_file_with_the_same_method(docs):
    routes = load_routes(preloaded_collection())
    wanted = {key for page in docs.values() for key in page}
    for method, path in sorted(wanted):
        assert path in routes, f"{method} {path} has no request file"
        assert routes[path].method == method, path
    assert len(routes) == len(wanted)  # and nothing undocumented


def test_the_sandbox_answers_each_request_with_the_documented_top_level_keys(docs, tmp_path):
    answers = {path: answer for page in docs.values() for (_m, path), answer in page.items() if isinstance(answer, dict)}
    folder, problems = load_tree(preloaded_collection())
    assert problems == []
    with Sandbox(data_dir=tmp_path, retry_scale=1e-3) as sandbox, httpx.Client(timeout=15) as client:
        values = sandbox_environment(sandbox.base_url, sandbox.profile_id, sandbox.token).values()
        for item in walk_items(folder):  # in tree order: the Telegram login steps follow each other
            resolved, missing = resolve(item.request, values)
            assert missing == [], (item.path.name, missing)
            body = resolved.body.text.encode("utf-8") if resolved.body.kind != "none" else None
            response = client.request(resolved.method, resolved.full_url(), headers=resolved.enabled_headers(), content=body)
            assert 200 <= response.status_code < 300, (item.path, response.text)
            path = resolved.url.split(sandbox.base_url, 1)[1].split("?")[0]
            if path in answers:
                assert set(answers[path]) <= set(response.json()), (path, set(answers[path]) - set(response.json()))


@pytest.mark.parametrize("method, wrong, right", [
    ("GET", "/sync/get/qr", "/api/sync/qr/get"), ("GET", "/api/sync/get/qr", "/api/sync/qr/get"),
    ("DELETE", "/sync/profile/delete", "/api/profile/delete"), ("POST", "/api/message/send", "/api/sync/message/send"),
    ("GET", "/sync/contact/check", "/api/sync/contact/check"),
])
def test_the_courses_wrong_paths_are_told_the_documented_one(method, wrong, right):
    from desktop.core.diagnose import diagnose
    from desktop.core.models import KeyValue, Request

    request = Request(method, "https://wappi.pro" + wrong, [KeyValue("profile_id", "abcd1234-ef56")])
    found = [f for f in diagnose(request) if f.code == "unknown-endpoint"]
    assert found and f"closest one is {right}." in found[0].message
