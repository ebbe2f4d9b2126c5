"""desktop/sandbox/practice.py: every exercise's start fails and its solution passes; http:// redirects; state resets."""
from __future__ import annotations

import pytest

from desktop.core.errors import SendError
from desktop.core.models import KeyValue, Request
from desktop.core.practice import judge, load_exercises, load_test, live_value
from desktop.sandbox.practice import Lab
from tests.scenarios.practice_solutions import SOLUTIONS, edit

EXERCISES = load_exercises()[0]


@pytest.fixture(scope="module")
def lab():
    lab = Lab.start()
    yield lab
    lab.close()


def status_request(lab, url="https://wappi.pro/api/sync/get/status") -> Request:
    return Request("GET", url, [KeyValue("profile_id", lab.sandbox.profile_id)], [KeyValue("Authorization", lab.sandbox.token)])


def run(lab, exercise, steps):
    data = exercise.data
    request = lab.begin(data.get("setup", {}), data["request"])
    response, choice = None, ""
    for step in steps:
        if step[0] == "send":
            response = lab.send(request)
        elif step[0] == "choice":
            choice = step[1]
        else:
            request = edit(request, step, lab.values())
    response = lab.send(request)
    evidence = lab.evidence(response, choice, wait_for_webhooks="receiver_status" in data.get("setup", {}))
    return judge(data["check"], evidence)


def test_every_exercise_has_a_solution():
    assert {e.id for e in EXERCISES} == set(SOLUTIONS)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_starting_request_fails_and_the_solution_passes(lab, exercise):
    assert not run(lab, exercise, []).solved
    assert run(lab, exercise, SOLUTIONS[exercise.id]).solved


def test_plain_http_is_redirected_and_post_arrives_as_get(lab):
    lab.begin({}, {"method": "GET", "url": "https://wappi.pro/"})
    request = status_request(lab, "http://wappi.pro/api/sync/message/send")
    request.method = "POST"
    response = lab.send(request)
    assert response.redirects and response.redirects[0][0] == 301
    assert response.status == 405
    assert [(r.scheme, r.method) for r in lab.sandbox.received()] == [("http", "POST"), ("https", "GET")]


def test_no_other_host_is_reached(lab):
    with pytest.raises(SendError):
        lab.send(status_request(lab, "https://example.com/api/sync/get/status"))


def test_each_exercise_starts_from_fresh_state(lab):
    lab.begin({"authorized": False, "webhook_types": []}, {"method": "GET", "url": "https://wappi.pro/"})
    assert lab.sandbox.state()["authorized"] is False
    lab.send(status_request(lab))
    lab.begin({}, {"method": "GET", "url": "https://wappi.pro/"})
    state = lab.sandbox.state()
    assert state["authorized"] is True and "incoming_message" in state["webhook_types"]
    assert lab.sandbox.received() == []


def test_a_failing_receiver_gets_tried_again(lab):
    lab.begin({"receiver_status": 500}, {"method": "GET", "url": "https://wappi.pro/"})
    request = Request("POST", "https://wappi.pro/api/sync/message/send", [KeyValue("profile_id", lab.sandbox.profile_id)],
                      [KeyValue("Authorization", lab.sandbox.token), KeyValue("Content-Type", "application/json")])
    request.body.kind, request.body.text = "json", '{"recipient": "79990000000", "body": "hi"}'
    assert lab.send(request).status == 200
    tries = lab.evidence(None, wait_for_webhooks=True).webhooks
    assert tries and tries[0]["status"] == 500 and lab.sandbox.receiver.hits >= 1


def test_the_do_questions_read_their_answer_from_the_sandbox(lab):
    test = load_test()[0]
    for question in (q for q in test.questions if q["kind"] == "do"):
        request = lab.begin(question.get("setup", {}), question["request"])
        value = live_value(question, lab.send(request))
        assert value is not None, question["id"]
        shown = question["right_text"]["en"].lower()
        assert str(value).lower() in shown, (question["id"], value, shown)

