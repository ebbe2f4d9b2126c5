"""The one state of the open request: nothing of an earlier request or environment survives, a stale answer is labelled, fixes reach the next send."""
from datetime import datetime

from desktop.core.errors import SendError
from desktop.core.models import Body, KeyValue, Request, Response
from desktop.core.session import (
    ANSWER,
    ENVIRONMENT,
    FINDINGS,
    OPENED,
    REQUEST,
    Session,
    client_request_name,
    sandbox_address,
    server_of,
    server_words,
    with_sandbox_credentials,
)
from desktop.core.variables import Environment, Variable


def status_request(token: str = "{{token}}") -> Request:
    return Request("GET", "{{base_url}}/api/sync/get/status", [KeyValue("profile_id", "{{profile_id}}")],
                   [KeyValue("Authorization", token)], name="Profile status")


def sandbox_env(token: str = "tok123") -> Environment:
    return Environment("Sandbox", [Variable("base_url", "http://127.0.0.1:9"), Variable("profile_id", "p1"),
                                   Variable("token", token, secret=True)])


def answer(status: int) -> Response:
    return Response(status, "", [("Content-Type", "application/json")], b'{"detail": "Invalid token"}', 1.0,
                    url="http://127.0.0.1:9/api/sync/get/status", method="GET")


def session_with(request: Request, token: str = "tok123") -> Session:
    session = Session()
    env = sandbox_env(token)
    session.set_environment(env, env.values())
    session.open(request)
    return session


def codes(session: Session) -> list[str]:
    return [f.code for f in session.refresh()]


def test_listeners_hear_what_changed():
    heard = []
    session = Session()
    session.subscribe(heard.append)
    session.set_environment(sandbox_env(), {})
    session.open(status_request())
    session.edit(status_request("other"))
    session.edit(status_request("other"))  # no change, no news
    session.record_answer(session.request, answer(200), "the built-in sandbox")
    session.refresh()
    assert heard == [ENVIRONMENT, OPENED, REQUEST, ANSWER, FINDINGS]


def test_opening_another_request_forgets_the_answer_and_findings():
    session = session_with(status_request("wrong"))
    session.record_answer(session.request, answer(401), "the built-in sandbox")
    assert "status-401" in codes(session)
    session.open(Request("GET", "{{base_url}}/api/sync/get/status", [KeyValue("profile_id", "{{profile_id}}")],
                         [KeyValue("Authorization", "{{token}}")]))
    assert session.answer is None and session.findings == [] and not session.findings_ready
    assert "status-401" not in codes(session)


def test_an_edit_after_a_send_keeps_the_answer_labelled_as_earlier():
    session = session_with(status_request("wrong"))
    session.record_answer(session.request, answer(401), "the built-in sandbox")
    assert session.answer_is_current()
    session.edit(status_request("{{token}}"))
    assert session.answer is not None and not session.answer_is_current()
    # The answer's findings belong to the earlier version: they are not said about this one.
    assert "status-401" not in codes(session)
    session.edit(status_request("wrong"))
    assert session.answer_is_current() and "status-401" in codes(session)


def test_switching_environment_drops_the_answer():
    session = session_with(status_request())
    session.record_answer(session.request, answer(200), "the built-in sandbox")
    other = Environment("Wappi", [Variable("base_url", "https://wappi.pro")])
    session.set_environment(other, other.values())
    assert session.answer is None


def test_a_result_for_an_earlier_state_is_dropped():
    session = session_with(status_request())
    job = session.findings_job()
    session.edit(status_request("x"))
    assert not session.set_findings(job.generation, job.run())
    assert not session.findings_ready


def test_findings_judge_the_token_the_next_send_carries():
    session = session_with(status_request(), token='"tok123"')
    assert "token-quoted" in codes(session)
    outcome = session.apply_fix("strip-token-quotes")
    # The header is {{token}}: the stored value is what must change, and the agent is asked first.
    assert outcome.needs_confirmation and (outcome.variable.name, outcome.variable.value) == ("token", "tok123")
    assert "token-quoted" in codes(session)  # not until the agent agreed
    session.store_value(outcome.variable.name, outcome.variable.value)
    assert "token-quoted" not in codes(session)


def test_a_fix_in_the_request_changes_what_is_sent():
    session = session_with(status_request("Bearer tok123"))
    assert "token-bearer-prefix" in codes(session)
    assert session.apply_fix("strip-bearer").applied
    assert session.request.header("Authorization") == "tok123"
    assert "token-bearer-prefix" not in codes(session)


def test_a_fix_that_cannot_apply_says_why():
    session = session_with(Request("GET", "{{base_url}}/api/sync/get/status"))
    outcome = session.apply_fix("strip-bearer")
    assert not outcome.applied and outcome.reason


def test_the_reply_speaks_only_of_the_request_on_screen():
    session = session_with(status_request("wrong"))
    session.record_answer(session.request, answer(401), "the built-in sandbox")
    session.refresh()
    assert "token" in session.reply().lower()
    session.open(status_request())
    assert session.reply() == session.reply()  # no findings yet: the reply says nothing about the old 401
    assert "401" not in session.reply()


def test_file_placeholders_are_not_a_mistake_worth_a_question():
    body = Body("json", '{"recipient": "79990000000", "b64_file": "{{file:photo.jpg}}", "file_name": "photo.jpg"}')
    request = Request("POST", "{{base_url}}/api/sync/message/img/send", [KeyValue("profile_id", "{{profile_id}}")],
                      [KeyValue("Authorization", "{{token}}"), KeyValue("Content-Type", "application/json")], body)
    assert session_with(request).blocking_findings() == []


def test_network_errors_of_a_current_answer_are_findings():
    session = session_with(status_request())
    session.record_answer(session.request, SendError("timeout", "No answer", "Try again"), "wappi.pro")
    assert "timeout" in codes(session)
    session.record_answer(session.request, SendError("cancelled", "Cancelled"), "wappi.pro")
    assert "timeout" not in codes(session)


def test_snapshot_and_restore_keep_request_answer_and_name():
    session = session_with(status_request("wrong"))
    session.name = "Client's request 14:32"
    session.record_answer(session.request, answer(401), "the built-in sandbox")
    other = Session()
    other.restore(session.snapshot())
    assert other.name == "Client's request 14:32" and other.answer_is_current()


def test_names_and_addresses():
    assert client_request_name(datetime(2026, 1, 1, 14, 32)) == "Client's request 14:32"
    assert sandbox_address("https://wappi.pro/api/sync/message/send", "http://127.0.0.1:5000") == "http://127.0.0.1:5000/api/sync/message/send"
    assert sandbox_address("/api/x", "http://127.0.0.1:5000/") == "http://127.0.0.1:5000/api/x"
    assert server_words(server_of("http://127.0.0.1:5000/api/x", "http://127.0.0.1:5000")) == "the built-in sandbox"
    assert server_words(server_of("https://wappi.pro/api/x", "http://127.0.0.1:5000")) == "wappi.pro"


def test_a_repeat_in_the_sandbox_puts_its_own_credentials_in_the_clients_form():
    own_profile, own_token = "0a1b2c3d-4e5f", "f" * 40
    client_token = "9c1e6b2f7d0a4e8b3c5d1f2a6b7c8d9e0f1a2b3c"

    def repeated(authorization: str, profile: str) -> tuple[str, str, bool]:
        request = Request(url="http://127.0.0.1:1/api/sync/message/send",
                          params=[KeyValue("profile_id", profile)], headers=[KeyValue("Authorization", authorization)])
        out, swapped = with_sandbox_credentials(request, own_profile, own_token)
        return out.headers[0].value, out.params[0].value, swapped

    # Real-looking credentials the sandbox cannot know: its own stand in, the client's form kept.
    assert repeated(client_token, "65c5bb34-8838") == (own_token, own_profile, True)
    assert repeated(f'"{client_token}"', " 65c5bb34-8838") == (f'"{own_token}"', f" {own_profile}", True)
    assert repeated(f"Bearer {client_token}", "65c5bb34-8838")[0] == f"Bearer {own_token}"
    assert repeated(f"«{client_token}»\n", "65c5bb34-8838")[0] == f"«{own_token}»\n"
    # What cannot be right on wappi.pro either stays, so the sandbox refuses it as wappi.pro would.
    assert repeated(client_token[:20] + "\n" + client_token[20:], "abc123") == (
        client_token[:20] + "\n" + client_token[20:], "abc123", False)
    assert repeated("123", "abc123") == ("123", "abc123", False)
    assert repeated(own_token, own_profile) == (own_token, own_profile, False)
