"""Postman v2.1 import of every corpus file, export validated against the official schema, round trips."""
import json
import re
from datetime import timedelta

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.models import Auth, Body, KeyValue, Request
from desktop.core.postman import (
    PostmanError,
    export_client,
    import_into,
    parse_collection,
    read_collection,
    strip_json_comments,
    write_export,
)
from desktop.core.store import Store
from desktop.core.variables import Variable, resolve
from desktop.core.wireurl import target
from tests.core.linearity import MAX_RATIO, growth


@pytest.fixture
def corpus(shared_dir):
    return shared_dir / "corpora" / "postman"


@pytest.fixture
def validator(corpus):
    schema = json.loads((corpus / "collection-v2.1.0.schema.json").read_text())
    return jsonschema.Draft7Validator(schema)


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "clients", tmp_path / "trash")


def declared_kinds(corpus):
    """path -> declared kind, from the corpus's own VALIDATION.txt."""
    kinds = {}
    for line in (corpus / "VALIDATION.txt").read_text().splitlines():
        if line.startswith("#") or "|" not in line:
            continue
        path, kind = [part.strip() for part in line.split("|")[:2]]
        kinds[path] = kind
    return kinds


def test_every_corpus_file_imports_or_is_refused_in_plain_words(corpus):
    kinds = declared_kinds(corpus)
    files = sorted(corpus.rglob("*.json"))
    assert len(files) > 100
    imported = 0
    for path in files:
        relative = str(path.relative_to(corpus))
        kind = "v2.1.0" if relative.startswith("examples/") else kinds.get(relative, "schema")
        is_collection = kind.startswith(("v2", "no-info-block")) or kind == "none"
        try:
            result = read_collection(path)
        except PostmanError as exc:
            assert not is_collection, f"{relative}: {exc}"
            assert path.name in str(exc)
            continue
        assert is_collection, relative
        assert result.requests or relative.endswith("without-name.json"), relative
        imported += 1
        for entry in result.requests:
            assert entry.request.name and entry.request.method
    assert imported >= 90


def test_conversions(corpus):
    examples = corpus / "examples"
    bearer = read_collection(examples / "bearerAuthTest.json").requests[0].request
    assert bearer.auth == Auth("bearer", {"token": "{{bearer_token}}"})
    assert resolve(bearer, {"bearer_token": "wkjehbxoqnunc2k3"})[0].header("Authorization") == "Bearer wkjehbxoqnunc2k3"
    apikey = read_collection(examples / "apikeyAuthTest.json").requests[0].request
    assert resolve(apikey, {"apikey_value": "wkjehbxoqnunc2k3"})[0].header("token") == "wkjehbxoqnunc2k3"
    form = read_collection(examples / "formdata-body.json").requests[0].request
    # File fields with no file chosen go out as empty file parts, as newman sends them.
    assert 'name="file_with_null"; filename=""' in form.body.text
    nested = read_collection(examples / "nestedEntities.json")
    assert ("F1",) in [r.folder for r in nested.requests]
    # The OAuth 1.0 secret moved to a keyring variable; the request keeps only its {{name}}.
    assert nested.variables[0] == Variable("key", "value") and [v.secret for v in nested.variables[1:]] == [True]
    assert any(r.request.auth and r.request.auth.kind == "oauth1" for r in nested.requests)
    encoded = parse_collection(json.dumps({
        "info": {"name": "x", "schema": "v2.1"},
        "item": [{"name": "form", "request": {"method": "POST", "url": {"raw": "https://h/p?a=1", "query": [{"key": "a", "value": "1"}, {"key": "off", "value": "2", "disabled": True}]},
                  "body": {"mode": "urlencoded", "urlencoded": [{"key": "text", "value": "Привет мир"}, {"key": "to", "value": "{{phone}}"}, {"key": "no", "value": "x", "disabled": True}]},
                  "auth": {"type": "basic", "basic": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}]}}}],
    }))
    request = encoded.requests[0].request
    assert request.body == Body("text", "text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%20%D0%BC%D0%B8%D1%80&to={{phone}}")
    assert request.header("Content-Type") == "application/x-www-form-urlencoded"
    assert request.auth == Auth("basic", {"username": "u", "password": "{{basic_password}}"})
    assert Variable("basic_password", "p", secret=True) in encoded.variables
    assert resolve(request, {"basic_password": "p"})[0].header("Authorization") == "Basic dTpw"
    assert request.url == "https://h/p" and request.params == [KeyValue("a", "1"), KeyValue("off", "2", False)]
    assert parse_collection('{"info": {"name": "s"}, "item": [{"name": "s", "request": "https://h/x?q=1"}]}').requests[0].request.full_url() == "https://h/x?q=1"


def test_bad_files_get_plain_messages():
    with pytest.raises(PostmanError, match="damaged"):
        parse_collection(b"{ nope", "a.json")
    with pytest.raises(PostmanError, match="environment"):
        parse_collection(b'{"name": "e", "values": []}', "e.json")
    with pytest.raises(PostmanError, match="v1"):
        parse_collection(b'{"name": "old", "requests": []}', "old.json")


def fill_client(store):
    store.create_client("Acme")
    env = store.environment("Acme")
    env.set("profile_id", "abcd1234")
    env.set("token", "SECRET-TOKEN-VALUE")
    store.save_environment("Acme", env)
    store.save("Acme", Request("POST", "{{base_url}}/api/sync/message/send",
                               [KeyValue("profile_id", "{{profile_id}}"), KeyValue("off", "1", False)],
                               [KeyValue("Authorization", "{{token}}"), KeyValue("X-Off", "no", False),
                                KeyValue("Content-Type", "application/json")],
                               Body("json", '{\n  "body": "Привет"\n}'), "Send text"), {"description": "Sends a text"})
    store.create_folder("Acme", "Webhooks")
    store.save("Acme", Request("GET", "http://127.0.0.1:8080/api/webhook/get#top", name="Get webhook"), folder="Webhooks")
    store.save("Acme", Request("PUT", "https://wappi.pro/x", headers=[KeyValue("Content-Type", "text/plain")],
                               body=Body("text", "plain"), name="Put text"), folder="Webhooks")


def test_export_validates_has_no_secrets_and_imports_back_unchanged(store, validator, tmp_path):
    fill_client(store)
    collection = export_client(store, "Acme")
    errors = [e.message for e in validator.iter_errors(collection)]
    assert errors == []
    out = tmp_path / "acme.postman_collection.json"
    write_export(out, collection)
    assert "SECRET-TOKEN-VALUE" not in out.read_text()
    back = read_collection(out)
    assert back.notes == []
    before = [(tuple(i.path.parent.relative_to(store.client_dir("Acme")).parts), i.request) for i in store.requests("Acme")]
    assert [(r.folder, r.request) for r in back.requests] == before
    assert next(r.meta for r in back.requests if r.request.name == "Send text") == {"description": "Sends a text"}
    assert {v.name: (v.value, v.secret) for v in back.variables} == {
        "base_url": ("https://wappi.pro", False), "profile_id": ("abcd1234", False), "token": ("", True)}
    folder_only = export_client(store, "Acme", "Webhooks")
    assert validator.is_valid(folder_only) and [i["name"] for i in folder_only["item"]] == ["Get webhook", "Put text"]


def test_corpus_collection_survives_store_and_export(store, corpus, validator):
    for name in ("realworld/transferwise-bank-flow.postman_collection.json", "examples/nestedEntities.json", "postman-to-k6/tree.json"):
        first = read_collection(corpus / name)
        client = first.name[:60].replace("/", "-")
        import_into(store, client, first)
        assert len(store.requests(client)) == len(first.requests)
        exported = export_client(store, client)
        assert [e.message for e in validator.iter_errors(exported)] == []
        again = parse_collection(json.dumps(exported))
        key = lambda r: (r.folder, r.request.name, r.request.method, r.request.full_url())
        assert sorted(map(key, again.requests)) == sorted(map(key, first.requests))
        assert sorted(r.request.to_dict()["body"]["text"] for r in again.requests) == sorted(r.request.body.text for r in first.requests)


def test_odd_folder_names_are_kept_through_folder_json(store):
    result = parse_collection(json.dumps({"info": {"name": "x"}, "item": [{"name": "a/b: c?", "item": [{"name": "r", "request": {"url": "https://h"}}]}]}))
    import_into(store, "X", result)
    [item] = store.requests("X")
    assert item.path.parent.name == "a-b- c-"
    assert export_client(store, "X")["item"][0]["name"] == "a/b: c?"


# ---- issue 15 #5: a wrong type anywhere ends in a refusal that names the item and the reason --------------------


def collection_with(request: dict, name: str = "Send it") -> str:
    return json.dumps({"info": {"name": "c", "schema": "v2.1"}, "item": [{"name": name, "request": request}]})


@pytest.mark.parametrize("request_part, words", [
    ({"url": "https://h/x", "body": {"mode": "raw", "raw": "x", "options": "oops"}}, "body.options"),
    ({"url": "https://h/x", "header": 5}, "header"),
    ({"url": "https://h/x", "body": "text"}, "body"),
    ({"url": 7}, "url"),
    ({"url": {"raw": "https://h/x", "query": {"a": 1}}}, "url.query"),
    ({"url": "https://h/x", "body": {"mode": "urlencoded", "urlencoded": 3}}, "body.urlencoded"),
    ({"url": "https://h/x", "auth": "basic"}, "auth"),
])
def test_wrong_types_are_refused_by_item_and_reason(request_part, words):
    with pytest.raises(PostmanError) as caught:
        parse_collection(collection_with(request_part), "bad.json")
    message = str(caught.value)
    assert "bad.json" in message and "«Send it»" in message and f"«{words}»" in message


def test_thousands_of_nested_folders_are_refused_in_words():
    depth = 3000
    text = '{"info": {"name": "deep"}, "item": [' + '{"name": "f", "item": [' * depth + "]}" * depth + "]}"
    with pytest.raises(PostmanError, match="nested"):
        parse_collection(text, "deep.json")
    shallow = {"name": "f", "item": [{"name": "r", "request": "https://h/x"}]}
    for _level in range(40):
        shallow = {"name": "f", "item": [shallow]}
    assert len(parse_collection(json.dumps({"info": {"name": "ok"}, "item": [shallow]})).requests[0].folder) == 41


# Any JSON at all, and collection-shaped JSON with any value at every place the format names.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8,
)
KEYS = ["url", "raw", "host", "path", "query", "variable", "key", "value", "header", "body", "mode", "options",
        "language", "urlencoded", "formdata", "graphql", "type", "auth", "basic", "bearer", "apikey", "digest",
        "event", "script", "exec", "disabled", "src", "contentType", "method", "name", "item", "request", "protocol", "port"]
shaped = st.recursive(
    json_values,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    max_leaves=25,
)


@settings(max_examples=100, deadline=timedelta(milliseconds=500), suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(shaped, max_size=3), variables=shaped, auth=shaped)
def test_importer_never_raises_anything_but_its_own_error(items, variables, auth):
    text = json.dumps({"info": {"name": "fuzz"}, "item": items, "variable": variables, "auth": auth})
    try:
        result = parse_collection(text, "fuzz.json")
    except PostmanError as exc:
        assert "fuzz.json" in str(exc)
        return
    for imported in result.requests:
        # What was taken in can also be saved, read back and prepared for sending.
        again = Request.from_dict(json.loads(json.dumps(imported.request.to_dict())))
        resolved, _missing = resolve(again, {})
        target(resolved.url, resolved.params)


@settings(max_examples=200, deadline=timedelta(milliseconds=500))
@given(st.text(max_size=200))
def test_importer_takes_any_text(text):
    try:
        parse_collection(text, "t.json")
    except PostmanError:
        pass


@pytest.mark.parametrize("piece", [
    '{"name": "r", "request": {"url": "https://h/:id?a&&b=", "body": {"mode": "raw", "raw": "{\\"a\\": 1} // x\\n", "options": {"raw": {"language": "json"}}}}},',
    '{"name": "f", "item": [{"name": "r", "request": "https://h/x"}]},',
])
def test_import_time_grows_linearly(piece):
    def collection(n: int) -> str:
        return '{"info": {"name": "big"}, "item": [' + piece * n + '{"name": "last", "request": "https://h/y"}]}'

    ratio = growth(parse_collection, collection, 500, ())
    assert ratio < MAX_RATIO, f"4x the requests took {ratio:.1f}x the time"


@pytest.mark.parametrize("body", ['"' + "\\\\" * 1 + '"', "/*" + "*" * 1, "//" + "/" * 1, '"\\' * 1 + '"', "\\" * 1 + '"'])
def test_comment_stripping_grows_linearly(body):
    ratio = growth(strip_json_comments, lambda n: body.replace("1", "") * n, 40000, ())
    assert ratio < MAX_RATIO, f"4x the text took {ratio:.1f}x the time (linear is 4, quadratic 16)"


# ---- issue 17: the reproducers, sent to a real loopback server ---------------------------------------------------


def send_imported(request_part: dict, loopback, values=None, variables=None):
    from desktop.core.sender import make_client, send

    text = json.dumps({"info": {"name": "r"}, "item": [{"name": "r", "request": request_part}], "variable": variables or []})
    result = parse_collection(text)
    merged = {v.name: v.value for v in result.variables} | (values or {})
    with make_client() as client:
        send(Request.from_dict(json.loads(json.dumps(result.requests[0].request.to_dict()))), client, merged)
    return loopback.arrived[-1], result


def test_raw_language_sets_the_content_type(loopback):
    for language, expected in [("json", "application/json"), ("xml", "application/xml"), ("html", "text/html"),
                               ("javascript", "application/javascript"), ("text", "text/plain"), (None, "text/plain")]:
        options = {"raw": {"language": language}} if language else {}
        got, _result = send_imported({"method": "POST", "url": loopback.url + "/p",
                                      "body": {"mode": "raw", "raw": '{"a":1}', "options": options}}, loopback)
        assert dict(got.headers)["Content-Type"] == expected and got.body == b'{"a":1}'


def test_json_comments_are_stripped_and_get_bodies_dropped(loopback):
    got, result = send_imported({"method": "POST", "url": loopback.url + "/p", "body": {
        "mode": "raw", "raw": '{"a": 1, // one\n "b": "x//y" /* two */}', "options": {"raw": {"language": "json"}}}}, loopback)
    assert got.body == b'{"a": 1, \n "b": "x//y" }' and any("comments" in n for n in result.notes)
    got, result = send_imported({"method": "GET", "url": loopback.url + "/p", "body": {"mode": "raw", "raw": "x"}}, loopback)
    assert got.body == b"" and "Content-Type" not in dict(got.headers) and any("left out" in n for n in result.notes)


def test_urlencoded_values_are_encoded_after_substitution(loopback):
    got, _result = send_imported({"method": "POST", "url": loopback.url + "/p", "body": {
        "mode": "urlencoded", "urlencoded": [{"key": "q", "value": "{{q}}"}, {"key": "t", "value": "a b:*"}]}},
        loopback, {"q": "a&b=c"})
    assert got.body == b"q=a%26b%3Dc&t=a%20b%3A%2A"


def test_graphql_is_sent_as_written(loopback):
    got, _result = send_imported({"method": "POST", "url": loopback.url + "/p", "body": {"mode": "graphql", "graphql": {
        "query": "query Test { hello }", "operationName": "Test", "variables": '{"foo": "bar"}'}}}, loopback)
    assert got.body == b'{"query":"query Test { hello }","operationName":"Test","variables":{"foo": "bar"}}'
    got, _result = send_imported({"method": "POST", "url": loopback.url + "/p", "body": {"mode": "graphql", "graphql": {
        "query": "{ a }"}}}, loopback)
    assert got.body == b'{"query":"{ a }"}'


def test_form_data_parts_keep_their_content_type(loopback):
    got, _result = send_imported({"method": "POST", "url": loopback.url + "/p", "body": {"mode": "formdata", "formdata": [
        {"key": "j", "value": '{"k": 1}', "type": "text", "contentType": "application/json"}, {"key": "t", "value": "v"}]}}, loopback)
    assert b'name="j"\r\nContent-Type: application/json\r\n\r\n{"k": 1}\r\n' in got.body and b'name="t"\r\n\r\nv\r\n' in got.body


def test_path_variables_and_empty_variables(loopback):
    url = {"raw": loopback.url + "/users/:id/:empty/x", "host": ["127", "0", "0", "1"], "protocol": "http",
           "port": loopback.url.rsplit(":", 1)[1], "path": ["users", ":id", ":empty", "x"],
           "variable": [{"key": "id", "value": "{{user}}"}, {"key": "empty", "value": ""}]}
    got, result = send_imported({"method": "GET", "url": url, "header": [{"key": "X-Note", "value": "{{blank}}"}]}, loopback,
                                variables=[{"key": "user", "value": "7"}, {"key": "blank", "value": ""}])
    assert got.path == "/users/7/:empty/x" and dict(got.headers)["X-Note"] == ""
    assert any("«blank»" in n and "empty" in n for n in result.notes)
    request = result.requests[0].request
    assert request.path_variables == [KeyValue("id", "{{user}}"), KeyValue("empty", "")]


def test_export_keeps_path_variables_auth_and_embeds_files(store):
    import base64
    import hashlib

    from desktop.core.models import Attachment

    content = b"\x89PNG any bytes"
    attachment = Attachment("f1", "photo.png", "image/png", len(content), hashlib.sha256(content).hexdigest(), "",
                            base64.b64encode(content))
    store.create_client("Acme")
    request = Request("POST", "https://h/users/:id", params=[KeyValue("flag", bare=True)],
                      body=Body("json", '{"b64_file": "{{file:f1}}"}', {"f1": attachment}), name="Send photo",
                      path_variables=[KeyValue("id", "")], auth=Auth("basic", {"username": "u", "password": "{{basic_password}}"}))
    store.save("Acme", request)
    exported = export_client(store, "Acme")
    data = exported["item"][0]["request"]
    assert data["url"]["variable"] == [{"key": "id", "value": ""}] and data["url"]["path"] == ["users", ":id"]
    assert data["url"]["query"] == [{"key": "flag", "value": None}] and data["url"]["raw"] == "https://h/users/:id?flag"
    assert json.loads(data["body"]["raw"])["b64_file"] == str(attachment.data, "ascii")
    assert {"key": "password", "value": "{{basic_password}}", "type": "string"} in data["auth"]["basic"]
    back = parse_collection(json.dumps(exported)).requests[0].request
    assert back.path_variables == request.path_variables and back.auth == request.auth and back.params == request.params


def test_aws_v4_is_imported_with_its_secrets_in_the_keyring_and_signed_when_sent(loopback):
    auth = {"type": "awsv4", "awsv4": [{"key": "accessKey", "value": "AKID"}, {"key": "secretKey", "value": "s3cr3t"},
                                       {"key": "region", "value": "eu-west-1"}, {"key": "service", "value": "execute-api"},
                                       {"key": "sessionToken", "value": "tok"}]}
    got, result = send_imported({"method": "POST", "url": loopback.url + "/p?b=2&a=1", "auth": auth,
                                 "body": {"mode": "raw", "raw": "hi"}}, loopback)
    imported = result.requests[0].request.auth
    assert imported.fields["secretKey"] == "{{awsv4_secretKey}}" and imported.fields["sessionToken"] == "{{awsv4_sessionToken}}"
    assert {v.name for v in result.variables if v.secret} == {"awsv4_secretKey", "awsv4_sessionToken"}
    assert not any("awsv4" in note for note in result.notes)  # no longer named as unsupported
    headers = {k.lower(): v for k, v in got.headers}
    assert headers["host"] == loopback.url.removeprefix("http://") and headers["x-amz-security-token"] == "tok"
    assert headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKID/")
    # The importer writes newman's text/plain as a header of the request, so it is signed too (still a valid signature).
    assert "/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;" \
           "x-amz-security-token, Signature=" in headers["authorization"]
    assert got.body == b"hi" and got.path == "/p?b=2&a=1"


def test_hawk_is_imported_with_its_key_in_the_keyring_and_signed_when_sent(loopback):
    auth = {"type": "hawk", "hawk": {"authId": "id1", "authKey": "k3y", "algorithm": "sha256", "timestamp": "1700000000",
                                     "nonce": "abc123", "includePayloadHash": True}}  # v2.0 keeps them as an object
    got, result = send_imported({"method": "POST", "url": loopback.url + "/p", "auth": auth, "body": {"mode": "raw", "raw": "hi"}},
                                loopback)
    assert result.requests[0].request.auth.fields["authKey"] == "{{hawk_authKey}}"
    assert [v.name for v in result.variables if v.secret] == ["hawk_authKey"]
    assert not any("hawk" in note for note in result.notes)
    headers = {k.lower(): v for k, v in got.headers}
    assert re.fullmatch(r'Hawk id="id1", ts="1700000000", nonce="abc123", hash="[^"]{44}", mac="[^"]{44}"', headers["authorization"])


def test_edgegrid_is_imported_with_its_secrets_in_the_keyring_and_signed_when_sent(loopback):
    auth = {"type": "edgegrid", "edgegrid": [{"key": k, "value": v} for k, v in {
        "accessToken": "at", "clientToken": "ct", "clientSecret": "cs", "nonce": "n1", "timestamp": "20261130T08:00:00+0000",
        "baseURL": "https://akaa-x.luna.akamaiapis.net/", "headersToSign": "X-One"}.items()]}
    got, result = send_imported({"method": "GET", "url": loopback.url + "/p", "auth": auth, "header": [{"key": "X-One", "value": "1"}]},
                                loopback)
    fields = result.requests[0].request.auth.fields
    assert [fields[k] for k in ("accessToken", "clientToken", "clientSecret")] == [
        "{{edgegrid_accessToken}}", "{{edgegrid_clientToken}}", "{{edgegrid_clientSecret}}"]
    assert not any("edgegrid" in note for note in result.notes)
    headers = {k.lower(): v for k, v in got.headers}
    assert re.fullmatch(r"EG1-HMAC-SHA256 client_token=ct;access_token=at;timestamp=20261130T08:00:00\+0000;nonce=n1;"
                        r"signature=[A-Za-z0-9+/]{43}=", headers["authorization"])


def test_a_request_holding_a_lone_surrogate_exports_and_comes_back(tmp_path):
    from desktop.core.models import KeyValue, Request
    from desktop.core.postman import export_client, import_into, read_collection, write_export
    from desktop.core.store import Store

    store = Store(tmp_path / "clients", tmp_path / "trash")
    store.create_client("Acme")
    # A request file may hold "\ud800" (a JSON escape from an imported file): no UTF-8 form exists for it.
    store.save("Acme", Request("GET", "https://h/x", [KeyValue("q", "a\ud800b")], name="Odd"))
    out = tmp_path / "export.json"
    write_export(out, export_client(store, "Acme"))
    written, _secrets = import_into(store, "Back", read_collection(out))
    assert len(written) == 1
