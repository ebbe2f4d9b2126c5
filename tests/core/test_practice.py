"""desktop/core/practice.py: the files validate, a damaged one is skipped by name, checks, scoring and progress."""
from __future__ import annotations

import csv
import io
import json
import shutil
import time

import pytest
from hypothesis import given, settings, strategies as st

from desktop.core import practice
from desktop.core.models import Response
from desktop.core.practice import Evidence, Progress, Received, judge, load_exercises, load_test, practice_dir, score


def answer(status: int, body) -> Response:
    return Response(status, "", [("Content-Type", "application/json")], json.dumps(body).encode(), 1.0)


def received(**kw) -> Received:
    base = dict(time=time.time(), scheme="https", method="POST", path="/api/sync/message/send", query={},
                headers={}, body=b"", status=200)
    base.update(kw)
    return Received(**base)


# --- the shipped files --------------------------------------------------------------------------------


def test_every_shipped_exercise_and_the_test_validate():
    exercises, problems = load_exercises()
    assert problems == []
    assert len(exercises) >= 18
    test, problems = load_test()
    assert problems == [] and test is not None
    assert len(test.questions) == 14 and test.pass_mark == 10
    assert sum(q["kind"] == "do" for q in test.questions) >= 3  # some answered by doing


def test_the_issue_s_cases_each_have_an_exercise():
    ids = {e.id for e in load_exercises()[0]}
    for needed in ("json-single-quotes", "json-phone-number", "json-missing-comma", "json-true-capital", "token-wrong",
                   "token-bearer", "token-quotes", "missing-field", "wrong-profile-id", "wrong-method", "http-not-https",
                   "missing-content-type", "course-path-qr", "number-starts-with-8", "base64-line-breaks",
                   "profile-not-authorized", "webhook-type-off", "webhook-receiver-500", "delivery-status-undelivered"):
        assert needed in ids


def test_every_text_has_both_languages_and_at_most_three_hints():
    for exercise in load_exercises()[0]:
        assert 1 <= len(exercise.data["hints"]) <= 3
        for key in ("title", "client_message", "goal", "section"):
            assert exercise.data[key]["ru"] and exercise.data[key]["en"]


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "exercises"
    shutil.copytree(practice_dir() / "exercises", target)
    return target


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],                                            # cut short
    lambda text: text.replace('"goal"', '"aim"', 1),                                # a required key renamed
    lambda text: json.dumps({**json.loads(text), "hints": []}),                     # no hints
    lambda text: json.dumps({**json.loads(text), "hints": json.loads(text)["hints"] * 2}),  # more than three
    lambda text: json.dumps({**json.loads(text), "check": {"expect": [{"of": "status"}]}}),  # a condition with no operator
    lambda text: "\ufeff\x00garbage",
    lambda text: json.dumps({**json.loads(text), "check": {"expect": [{"of": "received", "field": "body", "matches": "(["}]}}),  # no regex
    lambda text: json.dumps({**json.loads(text), "check": {"expect": [{"of": "choice", "equals": "b"}]}}),  # no question to choose in
])
def test_a_damaged_exercise_is_reported_by_name_and_skipped(folder, damage):
    victim = sorted(folder.glob("*.json"))[0]
    victim.write_text(damage(victim.read_text(encoding="utf-8")), encoding="utf-8")
    exercises, problems = load_exercises(folder)
    assert len(problems) == 1 and problems[0].path == victim
    assert victim.name in str(problems[0])
    assert len(exercises) == len(list(folder.glob("*.json"))) - 1


def test_a_duplicate_id_is_reported(folder):
    first = sorted(folder.glob("*.json"))[0]
    shutil.copy(first, folder / "99-copy.json")
    exercises, problems = load_exercises(folder)
    assert [p.path.name for p in problems] == ["99-copy.json"]


@pytest.mark.parametrize("damage", [
    lambda data: data["questions"][3].pop("right"),
    lambda data: data["questions"][3].update(right="zz"),          # not one of its choices
    lambda data: data.update(pass_mark=15),                          # more than there are questions
    lambda data: data["questions"][6].pop("read"),                   # a do question that reads nothing
    lambda data: data["questions"].append(dict(data["questions"][0])),  # the same id twice
])
def test_a_damaged_test_file_is_reported(tmp_path, damage):
    path = tmp_path / "test.json"
    data = json.loads((practice_dir() / "test.json").read_text(encoding="utf-8"))
    damage(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    test, problems = load_test(path)
    assert test is None and "test.json" in str(problems[0])


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=20)


@settings(deadline=2000, max_examples=60)
@given(st.one_of(json_values, st.text(max_size=200)))
def test_any_file_content_either_loads_or_is_a_problem(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("ex")
    (folder / "x.json").write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    exercises, problems = load_exercises(folder)
    assert len(exercises) + len(problems) == 1


# --- checks -----------------------------------------------------------------------------------------------


CHECK = {"expect": [{"of": "status", "equals": 200},
                    {"of": "received", "field": "json:recipient", "type": "string", "explain": {"ru": "строка", "en": "a string"}}],
         "wrong": [{"when": [{"of": "status", "equals": 401}], "explain": {"ru": "токен", "en": "the token"}}]}


def test_a_right_attempt_is_solved():
    evidence = Evidence(answer(200, {"status": "done"}), [received(body=b'{"recipient": "79990000000"}')])
    assert judge(CHECK, evidence).solved


def test_a_typical_wrong_attempt_gets_its_own_explanation():
    evidence = Evidence(answer(401, {"detail": "Invalid token"}), [received(status=401)])
    assert judge(CHECK, evidence).explanation == "the token"


def test_else_the_first_failed_expectation_explains():
    evidence = Evidence(answer(200, {}), [received(body=b'{"recipient": 79990000000}')])
    verdict = judge(CHECK, evidence)
    assert not verdict.solved and verdict.explanation == "a string"


def test_nothing_sent_is_not_solved():
    assert not judge(CHECK, Evidence(None)).solved


@pytest.mark.parametrize("condition, holds", [
    ({"of": "answer", "field": "messages.0.delivery_status", "equals": "undelivered"}, True),
    ({"of": "answer", "field": "messages.5.delivery_status", "exists": True}, False),
    ({"of": "answer", "field": "authorized", "equals": 0}, False),          # false is not 0
    ({"of": "received", "field": "header:authorization", "not_contains": "Bearer"}, True),
    ({"of": "received", "field": "header:Content-Type", "contains": "json"}, False),
    ({"of": "received", "field": "query:profile_id", "equals": "abc"}, True),
    ({"of": "log", "field": "path", "equals": "/api/sync/get/status"}, True),
    ({"of": "state", "field": "webhook_types", "contains": "incoming_message"}, False),
    ({"of": "webhook", "field": "status", "equals": 500}, True),
    ({"of": "choice", "equals": "b"}, True),
    ({"of": "received", "field": "scheme", "one_of": ["https"]}, True),
    ({"of": "received", "field": "path", "matches": "^/api/sync/qr"}, True),
])
def test_conditions(condition, holds):
    evidence = Evidence(answer(200, {"authorized": False, "messages": [{"delivery_status": "undelivered"}]}),
                        [received(method="GET", path="/api/sync/get/status"),
                         received(method="GET", path="/api/sync/qr/get", query={"profile_id": "abc"}, headers={"authorization": "t0k"})],
                        {"webhook_types": ["delivery_status"]}, [{"status": 500, "attempt": 1}], "b")
    assert practice.holds(condition, evidence) is holds


# --- the final test ----------------------------------------------------------------------------------


def right_answers(test):
    answers, live = {}, {}
    for q in test.questions:
        if q["kind"] == "choice":
            answers[q["id"]] = q["right"]
        else:
            answers[q["id"]], live[q["id"]] = "405", 405
    return answers, live


def test_all_right_is_14_of_14():
    test = load_test()[0]
    answers, live = right_answers(test)
    result = score(test, answers, live)
    assert (result.right, result.total, result.passed) == (14, 14, True)


@pytest.mark.parametrize("wrong, passed", [(4, True), (5, False)])
def test_ten_of_fourteen_passes_and_nine_does_not(wrong, passed):
    test = load_test()[0]
    answers, live = right_answers(test)
    for q in test.questions[:wrong]:
        answers[q["id"]] = "nonsense"
    result = score(test, answers, live)
    assert result.right == 14 - wrong and result.passed is passed


def test_a_do_question_needs_the_answer_the_sandbox_gave():
    question = {"id": "q", "kind": "do", "read": "status"}
    assert practice.is_right(question, "405", 405)
    assert practice.is_right(question, " 405 Method Not Allowed", 405)
    assert not practice.is_right(question, "405", None)   # typed without sending
    assert not practice.is_right(question, "", 405)
    assert practice.is_right({"id": "a", "kind": "do", "read": "authorized"}, "False", False)


# --- progress ------------------------------------------------------------------------------------------


def test_progress_is_kept_per_agent_and_survives_a_reload(tmp_path):
    progress = Progress.load(tmp_path)
    progress.record_attempt("Anna", "token-wrong", False)
    progress.record_hint("Anna", "token-wrong", 2)
    progress.record_attempt("Anna", "token-wrong", True)
    progress.record_attempt("Boris", "json-true-capital", False)
    test = load_test()[0]
    progress.record_test("Anna", score(test, *right_answers(test)))
    again = Progress.load(tmp_path)
    anna = again.exercise("Anna", "token-wrong")
    assert anna["done"] and anna["attempts"] == 2 and anna["hints"] == 2 and anna["done_at"]
    assert again.agent("Anna")["test"]["score"] == 14 and again.agent("Anna")["test"]["passed"]
    assert again.done("Boris") == set()
    assert json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))["schema_version"] == 1


def test_a_damaged_progress_file_is_kept_aside_and_a_new_one_starts(tmp_path):
    (tmp_path / "progress.json").write_text("{broken", encoding="utf-8")
    progress = Progress.load(tmp_path)
    assert progress.problem and progress.agents == {}
    aside = list(tmp_path.glob("progress.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{broken"


def test_the_export_lists_every_agent_exercise_and_the_test(tmp_path):
    exercises = load_exercises()[0]
    progress = Progress.load(tmp_path)
    progress.record_attempt("Anna", exercises[0].id, True)
    progress.record_attempt("Борис", exercises[1].id, False)
    test = load_test()[0]
    answers, live = right_answers(test)
    progress.record_test("Anna", score(test, {k: v for k, v in list(answers.items())[:9]}, live))
    progress.write_export(tmp_path / "out.csv", exercises)
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "Agent"
    assert len(rows) == 1 + 2 * len(exercises) + 1
    assert ["Anna", exercises[0].text("title"), "yes", "1", "0"] == rows[1][:5]
    test_row = next(r for r in rows if r[1] == "Final test")
    assert test_row[:4] == ["Anna", "Final test", "not passed", "9/14"]
    assert any(r[0] == "Борис" for r in rows)


def test_a_hostile_progress_file_is_kept_aside_and_a_new_one_started(tmp_path):
    from desktop.core.practice import Progress, Score, load_exercises
    from tests.core.hostile import variants

    good = {"schema_version": 1, "agents": {"Ann": {
        "exercises": {"e1": {"done": True, "attempts": 2, "hints": 1, "done_at": "2026-01-01"}},
        "test": {"score": 1, "total": 2, "passed": False, "date": "d"},
        "best_test": {"score": 1, "total": 2, "passed": False, "date": "d"}}}}
    exercises, _problems = load_exercises()
    for index, (label, raw) in enumerate(variants(good)):
        folder = tmp_path / str(index)
        folder.mkdir()
        (folder / "progress.json").write_bytes(raw)
        progress = Progress.load(folder)
        for agent in list(progress.agents) or ["Ann"]:
            progress.done(agent)
            progress.record_attempt(agent, "e1", True)
            progress.record_hint(agent, "e1", 2)
            progress.record_test(agent, Score(1, 2, 1, {}))
        progress.export_csv(exercises)
        if progress.problem:
            assert [p.read_bytes() for p in folder.glob("progress.json.damaged-*")] == [raw], label
