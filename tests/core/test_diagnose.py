"""Every diagnosis code from a concrete request (and answer), the course's worked examples, fixes, the client reply."""
from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import i18n
from desktop.core import diagnose as diagnose_module
from desktop.core.collection import write_request
from desktop.core.diagnose import (
    apply_fix,
    diagnose,
    endpoints_from_collection,
    json_problem,
    mistakes_before_sending,
)
from desktop.core.httplog import parse_http
from desktop.core.models import Auth, Body, KeyValue, Request, Response
from desktop.core.sender import prepare
from desktop.core.variables import Environment, Variable

PROFILE = [KeyValue("profile_id", "abc123")]
AUTH = [KeyValue("Authorization", "0123456789abcdef"), KeyValue("Content-Type", "application/json")]
SEND_BODY = Body("json", '{"body": "Тест", "recipient": "79990000000"}')


@pytest.fixture
def endpoints(tmp_path):
    """A small collection in the preloaded format: the one place the endpoint table comes from."""
    root = tmp_path / "wappi"
    send_rules = {"query": {"profile_id": {"type": "string", "required": True}},
                  "body": {"body": {"required": True}, "recipient": {"required": True, "format": "recipient"}}}
    status_rules = {"query": {"profile_id": {"type": "string", "required": True}}}
    write_request(root / "01-profile" / "01-status.json", Request("GET", "{{base_url}}/api/sync/get/status"), {"rules": status_rules})
    write_request(root / "01-profile" / "02-qr.json", Request("GET", "{{base_url}}/api/sync/qr/get"), {"rules": status_rules})
    write_request(root / "01-profile" / "03-add.json", Request("POST", "{{base_url}}/api/profile/add"), {"rules": {"query": {"name": {"required": True}}}})
    write_request(root / "02-messages" / "01-send.json", Request("POST", "{{base_url}}/api/sync/message/send"), {"rules": send_rules})
    write_request(root / "02-messages" / "02-img.json", Request("POST", "{{base_url}}/api/sync/message/img/send"), {"rules": status_rules})
    return endpoints_from_collection(root)


def send_request(**changes) -> Request:
    request = Request("POST", "https://wappi.pro/api/sync/message/send", list(PROFILE), [KeyValue(h.name, h.value) for h in AUTH], Body(SEND_BODY.kind, SEND_BODY.text))
    for key, value in changes.items():
        setattr(request, key, value)
    return request


def answer(status: int, body: object = None, headers=()) -> Response:
    raw = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
    return Response(status, "", [("Content-Type", "application/json"), *headers], raw, 12.0)


def codes(findings) -> list[str]:
    return [f.code for f in findings]


@dataclass
class NetworkError:
    code: str


def test_endpoint_table_from_collection(endpoints):
    assert endpoints["/api/sync/message/send"].method == "POST"
    assert endpoints["/api/sync/get/status"].method == "GET"


def test_documented_endpoints_fall_back_to_empty(monkeypatch, tmp_path):
    monkeypatch.setenv("WAPPI_DESK_RESOURCES", str(tmp_path / "nothing"))
    assert diagnose_module.documented_endpoints() == {}


def test_good_request_has_no_findings(endpoints):
    assert diagnose(send_request(), answer(200, {"status": "done"}), endpoints=endpoints) == []


@pytest.mark.parametrize(
    "request_, code, fix",
    [
        (send_request(url="http://wappi.pro/api/sync/message/send"), "http-not-https", "use-https"),
        (send_request(headers=[KeyValue("Authorization", "t")]), "missing-content-type", "add-content-type"),
        (send_request(headers=[KeyValue("Authorization", "t"), KeyValue("Content-Type", "application/x-www-form-urlencoded")]), "missing-content-type", "add-content-type"),
        (send_request(headers=[KeyValue("Content-Type", "application/json")]), "token-missing", "add-token"),
        (send_request(headers=[KeyValue("Authorization", '"0123abcd"'), KeyValue("Content-Type", "application/json")]), "token-quoted", "strip-token-quotes"),
        (send_request(headers=[KeyValue("Authorization", "«0123abcd»"), KeyValue("Content-Type", "application/json")]), "token-quoted", "strip-token-quotes"),
        (send_request(headers=[KeyValue("Authorization", "Bearer 0123abcd"), KeyValue("Content-Type", "application/json")]), "token-bearer-prefix", "strip-bearer"),
        (send_request(headers=[KeyValue("Authorization", " 0123 abcd\n"), KeyValue("Content-Type", "application/json")]), "token-whitespace", "strip-token-whitespace"),
        (send_request(params=[]), "profile-id-missing", "add-profile-id"),
        (Request("GET", "https://wappi.pro/api/sync/get/status", list(PROFILE), list(AUTH), Body("json", '{"a": 1}')), "body-on-get", "remove-body"),
        (send_request(method="GET"), "wrong-method", "use-documented-method"),
        (send_request(url="https://wappi.pro/sync/message/send"), "unknown-endpoint", "use-closest-path"),
        (send_request(url="https://wappi.pro/api/sync/mesage/send"), "unknown-endpoint", "use-closest-path"),
        (send_request(body=Body("json", "{'body': 'Тест', \"recipient\": 79990000000}")), "invalid-json", "fix-json"),
        (send_request(body=Body("json", "{'body': 'Тест', \"recipient\": 79990000000}")), "phone-as-number", "fix-field"),
        (send_request(body=Body("json", '{"body": "Тест", "recipient": "+7 (999) 000-00-00"}')), "bad-recipient", "fix-field"),
        (send_request(body=Body("json", '{"body": "Тест", "recipient": "89990000000"}')), "bad-recipient", "fix-field"),
        (send_request(body=Body("json", '{"body": "Тест" "recipient": "79990000000"}')), "invalid-json", "fix-json"),
        (send_request(url="http://[bad/api/sync/message/send"), "bad-url", None),
        (send_request(body=Body("json", '{"body": "Тест"}')), "missing-field", None),
        (send_request(headers=[KeyValue("Authorization", "t")], body=Body("text", "{'body': 1}")), "invalid-json", "fix-json"),
    ],
)
def test_before_sending(endpoints, request_, code, fix):
    findings = diagnose(request_, endpoints=endpoints)
    assert code in codes(findings), codes(findings)
    finding = next(f for f in findings if f.code == code)
    assert finding.title and finding.message and finding.next_step
    assert finding.fix == fix
    if fix:
        outcome = apply_fix(finding, request_, endpoints=endpoints)
        assert outcome.applied and outcome.changed and outcome.variable is None
        assert outcome.request != request_
        assert code not in codes(diagnose(outcome.request, endpoints=endpoints)), codes(diagnose(outcome.request, endpoints=endpoints))


def test_profile_id_in_body_is_moved_to_address(endpoints):
    request = send_request(params=[], body=Body("json", '{"profile_id": "p9", "body": "x", "recipient": "79990000000"}'))
    finding = next(f for f in diagnose(request, endpoints=endpoints) if f.code == "profile-id-missing")
    assert "body" in finding.message
    fixed = apply_fix(finding, request, endpoints=endpoints).request
    assert fixed.params == [KeyValue("profile_id", "p9")] and "profile_id" not in fixed.body.text


def test_unknown_endpoint_names_closest_path(endpoints):
    finding = next(f for f in diagnose(send_request(url="https://wappi.pro/sync/message/send"), endpoints=endpoints) if f.code == "unknown-endpoint")
    assert "/api/sync/message/send" in finding.message
    fixed = apply_fix("use-closest-path", send_request(url="https://wappi.pro/sync/message/send"), endpoints=endpoints).request
    assert fixed.url == "https://wappi.pro/api/sync/message/send"


def test_course_log_wrong_token_gives_401(endpoints):
    """The course's worked example: a log with wrong_token_here, the server answers 401 Invalid token."""
    request = parse_http("""POST https://wappi.pro/api/sync/message/send?profile_id=abc123
Authorization: wrong_token_here
Content-Type: application/json
{
"body": "Тест",
"recipient": "79990000000"
}""")
    findings = diagnose(request, answer(401, {"detail": "Invalid token"}), endpoints=endpoints)
    assert codes(findings) == ["status-401"]
    assert "Invalid token" in findings[0].message
    assert "Authorization" in findings[0].next_step and "profile page" in findings[0].next_step


def test_course_json_mistakes_are_explained(endpoints):
    body = """{
'name': 'Иван',
"phone": 79990001122,
"text": "Привет"
"active": True
}"""
    finding = next(f for f in diagnose(send_request(body=Body("json", body)), endpoints=endpoints) if f.code == "invalid-json")
    assert "line 2" in finding.message and "double quotes" in finding.message
    assert json_problem('{"a": True}') and "small letters" in json_problem('{"a": True}')
    assert json_problem('{"a": true}') is None


@pytest.mark.parametrize(
    "response, code, words",
    [
        (answer(400, {"detail": "Field 'recipient' is required"}), "status-400", "recipient"),
        (answer(400, {"detail": [{"loc": ["body", "b64_file"], "msg": "field required"}]}), "status-400", "b64_file"),
        (answer(400, {"detail": "recipient must be a string"}), "status-400", "recipient"),
        (answer(404, {"detail": "Profile not found"}), "status-404", "abc123"),
        (answer(405, {"detail": "Method Not Allowed"}), "status-405", "POST"),
        (answer(429, {"detail": "Too many"}, [("Retry-After", "30")]), "status-429", "30 seconds"),
        (answer(500, {"detail": "boom"}), "status-5xx", "500"),
        (answer(503), "status-5xx", "503"),
    ],
)
def test_after_answer(endpoints, response, code, words):
    findings = diagnose(send_request(), response, endpoints=endpoints)
    assert findings[0].code == code
    text = f"{findings[0].title} {findings[0].message} {findings[0].next_step}"
    assert words in text


@pytest.mark.parametrize("error_code, code", [("timeout", "timeout"), ("connection-refused", "connection-failed"),
                                              ("dns", "connection-failed"), ("tls", "connection-failed"), ("reset", "connection-failed")])
def test_network_errors(endpoints, error_code, code):
    assert codes(diagnose(send_request(), error=NetworkError(error_code), endpoints=endpoints)) == [code]


def test_profile_not_authorized_from_status_answer(endpoints):
    request = Request("GET", "https://wappi.pro/api/sync/get/status", list(PROFILE), [KeyValue("Authorization", "t")])
    findings = diagnose(request, answer(200, {"app_status": "open", "authorized": False}), endpoints=endpoints)
    assert codes(findings) == ["profile-not-authorized"]
    assert "QR" in findings[0].next_step
    assert diagnose(request, answer(200, {"authorized": True}), endpoints=endpoints) == []


def test_sandbox_http_is_fine_and_other_services_are_left_alone(endpoints):
    sandbox = send_request(url="http://127.0.0.1:8765/api/sync/message/send")
    assert diagnose(sandbox, endpoints=endpoints) == []
    other = Request("POST", "https://example.com/webhook", body=Body("json", '{"a": 1}'), headers=[KeyValue("Content-Type", "application/json")])
    assert diagnose(other, endpoints=endpoints) == []


def test_worst_first(endpoints):
    request = Request("GET", "http://wappi.pro/api/sync/get/status", [], [KeyValue("Authorization", "Bearer t")], Body("text", "x"))
    severities = [f.severity for f in diagnose(request, endpoints=endpoints)]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_russian_messages(endpoints):
    i18n.set_language("ru")
    findings = diagnose(send_request(), answer(401, {"detail": "Invalid token"}), endpoints=endpoints)
    assert "токен" in findings[0].next_step.lower()


# ---------------------------------------------------------------- fixes that fix, the token stored in the environment



TEMPLATE_AUTH = [KeyValue("Authorization", "{{token}}"), KeyValue("Content-Type", "application/json")]


def client_environment(token: str) -> tuple[Environment, dict[str, str]]:
    environment = Environment("Acme", [Variable("base_url", "https://wappi.pro"), Variable("profile_id", "abc123"),
                                       Variable("token", "", secret=True)])
    return environment, {"base_url": "https://wappi.pro", "profile_id": "abc123", "token": token}


@pytest.mark.parametrize("token, code", [
    ("Bearer 0123456789abcdef", "token-bearer-prefix"),
    ("bearer  0123456789abcdef", "token-bearer-prefix"),
    ('"0123456789abcdef"', "token-quoted"),
    ("«0123456789abcdef»", "token-quoted"),
    ("0123456789\nabcdef", "token-whitespace"),
    (" 0123456789abcdef\r\n", "token-whitespace"),
    ("0123 4567 89ab cdef", "token-whitespace"),
    ('Bearer "0123456789abcdef"\n', "token-bearer-prefix"),
])
def test_a_token_fix_changes_the_stored_token_after_asking(endpoints, token, code):
    template = send_request(url="{{base_url}}/api/sync/message/send", params=[KeyValue("profile_id", "{{profile_id}}")],
                            headers=[KeyValue(h.name, h.value) for h in TEMPLATE_AUTH])
    environment, values = client_environment(token)
    # After the send the window diagnoses what went on the wire; before it, the template with the values.
    for found in (diagnose(prepare(template, values), endpoints=endpoints), diagnose(template, endpoints=endpoints, values=values)):
        finding = next(f for f in found if f.code == code)
        outcome = apply_fix(finding, template, environment, values, endpoints=endpoints)
        assert outcome.applied and outcome.needs_confirmation
        assert (outcome.variable.environment, outcome.variable.name, outcome.variable.value) == ("Acme", "token", "0123456789abcdef")
        assert outcome.request == template and "Acme" in " ".join(outcome.changed)
        fixed_values = {**values, outcome.variable.name: outcome.variable.value}
        after = codes(diagnose(prepare(outcome.request, fixed_values), endpoints=endpoints))
        assert not {"token-bearer-prefix", "token-quoted", "token-whitespace"} & set(after), after


@pytest.mark.parametrize("header, code", [
    ("Bearer {{token}}", "token-bearer-prefix"),
    ('"{{token}}"', "token-quoted"),
    (" {{token}}\n", "token-whitespace"),
])
def test_a_mistake_around_the_placeholder_is_fixed_in_the_header(endpoints, header, code):
    template = send_request(headers=[KeyValue("Authorization", header), KeyValue("Content-Type", "application/json")])
    environment, values = client_environment("0123456789abcdef")
    finding = next(f for f in diagnose(template, endpoints=endpoints, values=values) if f.code == code)
    outcome = apply_fix(finding, template, environment, values, endpoints=endpoints)
    assert outcome.applied and outcome.variable is None and not outcome.needs_confirmation
    assert outcome.request.header("Authorization") == "{{token}}"
    assert code not in codes(diagnose(outcome.request, endpoints=endpoints, values=values))


def test_a_literal_token_is_cleaned_in_the_header(endpoints):
    request = send_request(headers=[KeyValue("Authorization", 'Bearer "0123 abcd"'), KeyValue("Content-Type", "application/json")])
    outcome = apply_fix("strip-bearer", request, endpoints=endpoints)
    assert outcome.request.header("Authorization") == "0123abcd" and outcome.variable is None
    assert request.header("Authorization") == 'Bearer "0123 abcd"'  # the original is untouched


def test_a_fix_that_cannot_apply_says_why(endpoints):
    clean = send_request()
    for fix_id in ("strip-bearer", "use-https", "add-content-type", "fix-json", "use-documented-method"):
        outcome = apply_fix(fix_id, clean, endpoints=endpoints)
        assert not outcome.applied and outcome.reason and not outcome.changed, fix_id
    no_header = send_request(headers=[KeyValue("Content-Type", "application/json")])
    assert "Authorization" in apply_fix("strip-bearer", no_header, endpoints=endpoints).reason
    unfixable = send_request(body=Body("json", '{"body": , "recipient": "79990000000"}'))
    assert not apply_fix("fix-json", unfixable, endpoints=endpoints).applied
    missing = send_request(headers=[KeyValue("Authorization", "{{token}}")])
    assert "{{token}}" in apply_fix("strip-bearer", missing, Environment("Acme"), {}, endpoints=endpoints).reason


def test_https_fix_reaches_the_base_url_variable(endpoints):
    template = send_request(url="{{base_url}}/api/sync/message/send")
    environment = Environment("Acme", [Variable("base_url", "http://wappi.pro")])
    values = {"base_url": "http://wappi.pro"}
    finding = next(f for f in diagnose(template, endpoints=endpoints, values=values) if f.code == "http-not-https")
    outcome = apply_fix(finding, template, environment, values, endpoints=endpoints)
    assert outcome.variable.value == "https://wappi.pro" and not outcome.needs_confirmation
    assert "http-not-https" not in codes(diagnose(template, endpoints=endpoints, values={"base_url": outcome.variable.value}))


def test_every_offered_fix_changes_the_next_send(endpoints):
    broken = Request("GET", "http://wappi.pro/sync/message/send", [],
                     [KeyValue("Authorization", 'Bearer "0123 abcd"')],
                     Body("json", "{'body': 'x', \"recipient\": 79990000000, \"phone\": \"+7 (999) 000-00-00\"}"))
    for _round in range(12):
        offered = [f for f in diagnose(broken, endpoints=endpoints) if f.fix]
        if not offered:
            break
        outcome = apply_fix(offered[0], broken, endpoints=endpoints)
        assert outcome.applied, (offered[0].code, outcome.reason)
        assert outcome.request != broken, offered[0].code
        assert offered[0].code not in codes(diagnose(outcome.request, endpoints=endpoints)) or offered[0].code in (
            "bad-recipient", "phone-as-number"), offered[0].code  # one field at a time: another may follow
        broken = outcome.request
    assert not [f for f in diagnose(broken, endpoints=endpoints) if f.fix]


# ---------------------------------------------------------------- no false alarms from the app's own placeholders

PLACEHOLDER_REQUESTS = [
    send_request(url="{{base_url}}/api/sync/message/img/send", params=[KeyValue("profile_id", "{{profile_id}}")],
                 headers=[KeyValue("Authorization", "{{token}}"), KeyValue("Content-Type", "application/json")],
                 body=Body("json", '{"recipient": "79990001122", "caption": "Фото", "b64_file": "{{file:photo.jpg}}"}')),
    send_request(headers=[KeyValue("Authorization", "{{ token }}"), KeyValue("Content-Type", "application/json")],
                 body=Body("json", '{"recipient": "{{phone}}", "body": "Заказ {{ order }} готов"}')),
    send_request(body=Body("json", '{"recipient": {{phone}}, "body": {{text}}}')),
    send_request(url="https://{{host}}:{{port}}/api/sync/message/send", body=Body("json", '{"recipient": "79990001122", "body": "{{file:note.txt}}"}')),
    send_request(body=Body("json", '{{body}}')),
]


@pytest.mark.parametrize("request_", PLACEHOLDER_REQUESTS)
def test_placeholders_are_never_a_mistake(endpoints, request_):
    assert diagnose(request_, endpoints=endpoints) == []
    assert mistakes_before_sending(request_, endpoints=endpoints) == []


def test_sending_asks_only_for_real_mistakes(endpoints):
    assert mistakes_before_sending(send_request(), endpoints=endpoints) == []
    quoted = send_request(headers=[KeyValue("Authorization", '"0123abcd"'), KeyValue("Content-Type", "application/json")])
    assert codes(mistakes_before_sending(quoted, endpoints=endpoints)) == ["token-quoted"]
    template = send_request(headers=[KeyValue("Authorization", "{{token}}"), KeyValue("Content-Type", "application/json")])
    assert codes(mistakes_before_sending(template, endpoints=endpoints, values={"token": "Bearer x"})) == ["token-bearer-prefix"]
    assert mistakes_before_sending(template, endpoints=endpoints, values={"token": "0123abcd"}) == []


# ---------------------------------------------------------------- malformed addresses are findings, never exceptions

@pytest.mark.parametrize("url", ["http://[bad/api/sync/message/send", "https://wappi.pro]api/x", "http://[::1",
                                 "https://wappi.pro:99999/api/x", "https://wappi.pro:port/api/x", "https://wap pi.pro/x",
                                 "https:///api/sync/message/send", "https://wappi.pro\ud800/x"])
def test_a_malformed_address_is_a_finding(endpoints, url):
    assert "bad-url" in codes(diagnose(send_request(url=url), endpoints=endpoints))


text_with_traps = st.lists(st.sampled_from(list("[]{}:/?#@%. \n\t\"'«»ah01") + ["\ud800", "http://", "https://",
                                                                                       "{{x}}", "wappi.pro"])).map("".join)


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(text_with_traps, st.text()), st.lists(st.tuples(text_with_traps, text_with_traps), max_size=3),
       st.one_of(text_with_traps, st.text(max_size=200)), st.sampled_from(["GET", "POST", "DELETE", "x"]),
       st.sampled_from(["json", "text", "none"]))
def test_diagnose_never_raises(endpoints, url, headers, body, method, kind):
    request = Request(method, url, [KeyValue("profile_id", "p")], [KeyValue(n, v) for n, v in headers], Body(kind, body))
    # A server's answer is bytes: any text, escaped as a JSON server would.
    answers = [Response(status, "", [("Content-Type", "application/json")], json.dumps(data).encode(), 1.0)
               for status, data in ((400, {"detail": body}), (401, body))]
    for response in [None, *answers]:
        found = diagnose(request, response, endpoints=endpoints)
        for item in found:
            if item.fix:
                apply_fix(item, request, endpoints=endpoints)


placeholder_names = st.from_regex(r"(file:)?[A-Za-z_][A-Za-z0-9_.:-]{0,20}", fullmatch=True)


@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(placeholder_names, st.sampled_from(["recipient", "body", "b64_file", "caption", "url", "latitude"]),
       st.sampled_from(['"{p}"', "{p}", '"{p} и текст"', '" {p}"']), st.sampled_from(["{{{{{}}}}}", "{{{{ {} }}}}"]))
def test_any_placeholder_shape_is_never_a_mistake(endpoints, name, field, shape, braces):
    placeholder = braces.format(name)
    value = shape.format(p=placeholder)
    if field == "recipient" and shape != '"{p}"' and shape != "{p}":
        value = f'"{placeholder}"'  # text around a placeholder in a phone number is a real mistake
    body = {"recipient": '"79990001122"', "body": '"x"', field: value}
    text = "{" + ", ".join(f'"{k}": {v}' for k, v in body.items()) + "}"
    request = send_request(url="{{base_url}}/api/sync/message/send", params=[KeyValue("profile_id", "{{profile_id}}")],
                           headers=[KeyValue("Authorization", placeholder.replace(name, "token")),
                                    KeyValue("Content-Type", "application/json")], body=Body("json", text))
    assert mistakes_before_sending(request, endpoints=endpoints) == [], text


def test_a_file_send_from_the_preloaded_collection_is_not_a_mistake():
    """The issue's case: `{{file:photo.jpg}}` in b64_file was "not base64" and every file send asked for confirmation."""
    request = Request("POST", "{{base_url}}/api/sync/message/img/send", [KeyValue("profile_id", "{{profile_id}}")],
                      [KeyValue("Authorization", "{{token}}"), KeyValue("Content-Type", "application/json")],
                      Body("json", '{"recipient": "79995579399", "caption": "Это картинка", "b64_file": "{{file:photo.jpg}}"}'))
    values = {"base_url": "https://wappi.pro", "profile_id": "abc123", "token": "0123456789abcdef"}
    assert diagnose(request) == [] and mistakes_before_sending(request, values=values) == []
    request.body.text = request.body.text.replace("{{file:photo.jpg}}", "data:image/jpeg;base64,{{file:photo.jpg}}")
    assert [(f.code, f.facts["kind"]) for f in mistakes_before_sending(request, values=values)] == [("bad-format", "data-prefix")]


DEEP_JSON = ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000,
             '{"x":' * 100_000 + '"iVBORw0KGgo' + "A" * 64 + '"' + "}" * 100_000]


@pytest.mark.parametrize("text", DEEP_JSON, ids=["array", "object", "picture"])
def test_absurdly_nested_json_in_a_request_or_an_answer_is_not_a_crash(text):
    from desktop.core import attachments, bodyformat, practice
    from desktop.core.httplog import parse_pasted
    from desktop.core.models import Body, Response

    url = "https://wappi.pro/api/sync/message/send"
    for status in (200, 400):
        answer = Response(status=status, reason="x", headers=[("content-type", "application/json")], body=text.encode(), elapsed_ms=1)
        diagnose(Request("POST", url, body=Body("json", text)), response=answer)
        bodyformat.classify(answer)
        practice._answer_json(answer)
    attachments.find_image(text.encode(), "application/json")
    assert parse_pasted("POST http://x/\nA: b\n\n" + text).request.body.kind == "text"


@pytest.mark.parametrize(("auth", "expected"), [
    # The client's Postman collection signs in with an API key named Authorization: that is the token.
    (Auth("apikey", {"key": "Authorization", "value": "{{token}}", "in": "header"}), set()),
    (Auth("bearer", {"token": "{{token}}"}), {"token-bearer-prefix"}),
    (Auth("apikey", {"key": "token", "value": "{{token}}", "in": "query"}), {"token-missing"}),
    # A signature computed over the request is no Wappi token, and nothing here can judge it.
    (Auth("awsv4", {"accessKey": "a", "secretKey": "{{secret}}"}), set()),
])
def test_a_postman_sign_in_is_checked_as_the_header_it_makes(auth, expected):
    request = send_request(headers=[KeyValue("Content-Type", "application/json")], auth=auth)
    assert {c for c in codes(diagnose(request)) if c.startswith("token")} == expected
    assert request.auth == auth and request.headers == [KeyValue("Content-Type", "application/json")]  # unchanged
