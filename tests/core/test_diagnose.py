"""Every diagnosis code from a concrete request (and answer), the course's worked examples, fixes, the client reply."""
from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

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
from desktop.core.models import Body, KeyValue, Request, Response

PROFILE = [KeyValue("profile_id", "abc123")]
AUTH = [KeyValue("Authorization", "0123456789abcdef"), KeyValue("Content-Type", "application/json")]
SEND_BODY = Body("json", '{"body": "Тест", "recipient": "79990000000"}')


@pytest.fixture
def endpoints(tmp_path):
    """A small collection in the preloaded format: the one place the endpoint table comes from."""
    root = tmp_path / "wappi"
    send_rules = {"query": {"profile_id": {"type": "string", "required": True}},
                  "body": {"body": {"required": True}, "recipient": {"required": True}}}
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
