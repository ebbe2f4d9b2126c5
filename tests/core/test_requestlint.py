"""Request-level checks: an address that cannot be read is a problem in words, never an exception; placeholders are fine."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.models import Body, KeyValue, Request
from desktop.core.requestlint import lint_request, url_host, url_mistake


def codes(request: Request) -> list[str]:
    return [p.code for p in lint_request(request)]


@pytest.mark.parametrize("url, words", [
    ("http://[bad/api/sync/message/send", "square bracket"),
    ("https://wappi.pro]api/x", "square bracket"),
    ("http://[::1", "square bracket"),
    ("https://wappi.pro:99999/api", "port"),
    ("https://wappi.pro:abc/api", "port"),
    ("https:///api/sync/message/send", "no server name"),
    ("https://wap pi.pro/api", "cannot be in a server name"),
    ("https://wappi.pro\ud800/api", "cannot be in a server name"),
])
def test_a_malformed_address_is_a_problem_in_words(url, words):
    problems = lint_request(Request("POST", url))
    assert [p.code for p in problems] == ["bad-url"]
    assert words in problems[0].message and "https://wappi.pro/api/" in problems[0].message
    assert url_host(url) == ""


@pytest.mark.parametrize("url", ["{{base_url}}/api/sync/message/send", "https://{{host}}/api/x", "https://wappi.pro:{{port}}/x",
                                 "http://[::1]:8080/api/x", "https://wappi.pro/api/x?a=[1]", "wappi.pro/api/x", ""])
def test_readable_addresses_and_placeholders_are_fine(url):
    assert url_mistake(url) is None
    assert "bad-url" not in codes(Request("GET", url))


def test_the_course_mistakes_are_still_found():
    request = Request("POST", "http://wappi.pro/api/sync/message/send", headers=[KeyValue("Authorization", "«t0ken»")],
                      body=Body("json", '{"a": 1}'))
    assert codes(request) == ["http-not-https", "missing-content-type", "token-quoted"]


@settings(max_examples=400, deadline=2000)
@given(st.text(), st.lists(st.tuples(st.text(max_size=30), st.text(max_size=60)), max_size=4), st.text(max_size=200),
       st.sampled_from(["json", "text", "none"]))
def test_lint_request_never_raises(url, headers, body, kind):
    for text in (url, "http://" + url, "https://wappi.pro" + url, "http://[" + url):
        lint_request(Request("POST", text, headers=[KeyValue(n, v) for n, v in headers], body=Body(kind, body)))
