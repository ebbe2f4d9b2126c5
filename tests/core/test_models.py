"""Request model: URL and query table stay one truth, round trips through dicts."""
from desktop.core.models import Body, KeyValue, Request, Response, join_url, split_url


def test_split_and_join_keep_text_as_typed():
    base, params = split_url("https://wappi.pro/api/sync/get/status?profile_id={{profile_id}}&x=a%20b&flag")
    assert base == "https://wappi.pro/api/sync/get/status"
    assert [(p.name, p.value) for p in params] == [("profile_id", "{{profile_id}}"), ("x", "a%20b"), ("flag", "")]
    assert join_url(base, params) == "https://wappi.pro/api/sync/get/status?profile_id={{profile_id}}&x=a%20b&flag"


def test_query_comes_back_exactly_as_written():
    for query in ("?flag&x=1&&y=", "?", "?&", "?&&", "?&foo", "?foo&", "?get&=bar&=&baz=&&", "?a=b=c&=&x"):
        base, params = split_url("https://h/p" + query)
        assert join_url(base, params) == "https://h/p" + query


def test_auth_and_path_variables_survive_the_file_and_old_files_read_the_same():
    from desktop.core.models import Auth

    request = Request(url="https://h/users/:id", path_variables=[KeyValue("id", "")],
                      auth=Auth("basic", {"username": "{{user}}", "password": "{{password}}"}),
                      params=[KeyValue("flag", bare=True)])
    again = Request.from_dict(request.to_dict())
    assert again == request
    plain = Request(url="https://h/p", params=[KeyValue("a", "1")])
    assert set(plain.to_dict()) == {"name", "method", "url", "params", "headers", "body"}
    assert plain.to_dict()["params"] == [{"name": "a", "value": "1"}]


def test_transport_options_round_trip_and_old_files_keep_defaults():
    old = Request.from_dict({"method": "GET", "url": "https://h/"})
    assert (old.verify, old.follow_redirects, old.omit_headers) == (True, True, [])
    assert "verify" not in old.to_dict() and "follow_redirects" not in old.to_dict()
    changed = Request(url="https://h/", verify=False, follow_redirects=False, omit_headers=["Accept"])
    assert Request.from_dict(changed.to_dict()) == changed
    assert Request.from_dict({"verify": "no", "follow_redirects": 0, "omit_headers": 5}).verify is True


def test_disabled_params_stay_in_table_but_not_in_url():
    request = Request(url="https://h/p", params=[KeyValue("a", "1"), KeyValue("b", "2", enabled=False)])
    assert request.full_url() == "https://h/p?a=1"
    request.set_full_url("https://h/q?c=3")
    assert [(p.name, p.enabled) for p in request.params] == [("c", True), ("b", False)]


def test_fragment_survives_split_and_join():
    base, params = split_url("https://h/p?a=1#top")
    assert join_url(base, params) == "https://h/p?a=1#top"


def test_round_trip_through_dict():
    request = Request(
        method="POST",
        url="https://h/p",
        params=[KeyValue("a", "1")],
        headers=[KeyValue("Authorization", "{{token}}"), KeyValue("X", "y", False)],
        body=Body("json", '{"a": 1}'),
        name="Отправить",
    )
    assert Request.from_dict(request.to_dict()) == request


def test_header_lookup_ignores_case_and_disabled_rows():
    request = Request(headers=[KeyValue("content-type", "text/plain", False), KeyValue("Content-Type", "application/json")])
    assert request.header("CONTENT-TYPE") == "application/json"


def test_response_text_uses_declared_charset_and_never_raises():
    response = Response(200, "OK", [("Content-Type", "text/plain; charset=windows-1251")], "Привет".encode("cp1251"), 1.0)
    assert response.text() == "Привет"
    broken = Response(200, "OK", [("Content-Type", "text/plain; charset=nonsense")], b"\xff\xfe ok", 1.0)
    assert broken.text().endswith(" ok")
