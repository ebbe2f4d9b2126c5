"""Issue 18: an agent solves every practice exercise through the window by visible labels, and a wrong attempt is explained."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QRadioButton

from desktop.core.practice import load_exercises
from desktop.i18n import pick
from tests.scenarios.practice_solutions import SOLUTIONS, WRONG

EXERCISES = {e.id: e for e in load_exercises()[0]}


@pytest.fixture
def practice(qtbot, window):
    """The real window with its Practice page open, as an agent finds it."""
    pages = window.pages
    index = next(i for i in range(pages.count()) if pages.tabText(i) == "Practice")
    pages.setCurrentIndex(index)
    page = window.practice
    assert page.built
    yield page
    page.close_lab()


def click(page, label: str) -> None:
    """Click the visible button whose text is `label`."""
    buttons = [b for b in page.findChildren(QPushButton) if b.text() == label and b.isVisible()]
    assert buttons, f"no visible button «{label}»"
    buttons[0].click()


def choose(page, label: str) -> None:
    radios = [r for r in page.findChildren(QRadioButton) if r.text() == label and r.isVisible()]
    assert radios, f"no visible choice «{label}»"
    radios[0].click()


def set_header(table, name: str, value: str) -> None:
    """Edit the Value cell of the row called `name`, or fill the blank last row, as an agent types in the table."""
    for row in range(table.rowCount()):
        item = table.item(row, 1)
        if item is not None and item.text().lower() == name.lower():
            table.item(row, 2).setText(value)
            return
    last = table.rowCount() - 1
    table.item(last, 1).setText(name)
    table.item(last, 2).setText(value)


def dashboard_values(page) -> dict[str, str]:
    """profile_id and token as the page shows them in the client's dashboard line."""
    text = page.exercise_view.dashboard.text()
    codes = [part.split("</code>")[0] for part in text.split("<code>")[1:]]
    return {"profile_id": codes[0], "token": codes[1]}


def perform(qtbot, page, exercise, steps) -> None:
    view = page.exercise_view
    editor = view.editor
    values = dashboard_values(page)
    for step in steps:
        kind = step[0]
        if kind == "send":
            with qtbot.waitSignal(page.answer_shown, timeout=30000):
                click(page, "Send")
        elif kind == "choice":
            label = next(pick(c["text"]) for c in exercise.data["question"]["choices"] if c["id"] == step[1])
            choose(page, label)
        elif kind == "body":
            editor.body.kind.setCurrentIndex(editor.body.kind.findText("JSON"))  # "Body type: JSON", as the agent picks it
            editor.body.editor.setPlainText(step[1](editor.body.editor.toPlainText(), values))
        elif kind == "header":
            set_header(editor.headers, step[1], step[2](values))
        elif kind == "param":
            url = editor.url_bar.url.text()
            old = next(p.split("=", 1)[1] for p in url.split("?", 1)[1].split("&") if p.startswith(step[1] + "="))
            editor.url_bar.url.setText(url.replace(f"{step[1]}={old}", f"{step[1]}={step[2](values)}"))
        elif kind == "method":
            editor.url_bar.method.setCurrentText(step[1])
        elif kind == "url":
            editor.url_bar.url.setText(step[1](editor.url_bar.url.text()))


def assert_whole_address_readable(qtbot, page) -> None:
    """The address is where half of the course's mistakes are: the agent can read all of it, in the field or
    written out under it."""
    from PySide6.QtWidgets import QLabel

    field = page.exercise_view.editor.url_bar.url
    url = field.text()

    def readable() -> bool:
        if field.fontMetrics().horizontalAdvance(url) <= field.contentsRect().width() - 40:
            return True
        return any(label.isVisible() and url in label.text().replace("\u200b", "") for label in page.findChildren(QLabel))

    qtbot.waitUntil(readable, timeout=30000)


def check(qtbot, page):
    with qtbot.waitSignal(page.checked, timeout=30000) as blocker:
        click(page, "Check")
    return blocker.args[0]


@pytest.mark.parametrize("exercise_id", sorted(SOLUTIONS))
def test_agent_solves_the_exercise_through_the_window(qtbot, practice, exercise_id):
    exercise = EXERCISES[exercise_id]
    title = pick(exercise.data["title"])
    practice.open_exercise(title)
    view = practice.exercise_view
    assert view.title.text() == title
    assert pick(exercise.data["client_message"]) in view.client_message.text()
    assert_whole_address_readable(qtbot, practice)
    # The starting request is broken the way the case describes: checking it as it is fails.
    assert not check(qtbot, practice).solved
    assert "Not yet." in view.result.text()

    click(practice, "Start over")
    perform(qtbot, practice, exercise, SOLUTIONS[exercise_id])
    verdict = check(qtbot, practice)
    assert verdict.solved, verdict.explanation
    assert "Solved!" in view.result.text()
    assert view.reply.isVisible() and view.reply.toPlainText() == pick(exercise.data["success"]["reply"])
    assert practice.list.currentItem().text().startswith("✓ ")
    entry = practice.progress().exercise(practice.agent_name(), exercise_id)
    assert entry["done"] and entry["attempts"] == 2


@pytest.mark.parametrize("exercise_id", sorted(WRONG))
def test_a_typical_wrong_attempt_is_rejected_with_the_right_explanation(qtbot, practice, exercise_id):
    exercise = EXERCISES[exercise_id]
    practice.open_exercise(pick(exercise.data["title"]))
    steps, words = WRONG[exercise_id]
    perform(qtbot, practice, exercise, steps)
    verdict = check(qtbot, practice)
    assert not verdict.solved
    assert words in verdict.explanation
    assert words in practice.exercise_view.result.text()
    assert not practice.exercise_view.reply.isVisible()


def test_hints_reveal_one_by_one_and_are_counted(qtbot, practice):
    exercise = EXERCISES["token-wrong"]
    practice.open_exercise(pick(exercise.data["title"]))
    view = practice.exercise_view
    assert not view.hints.isVisible()
    click(practice, "Show a hint (3 left)")
    assert pick(exercise.data["hints"][0]) in view.hints.text()
    assert pick(exercise.data["hints"][1]) not in view.hints.text()
    click(practice, "Show a hint (2 left)")
    click(practice, "Show a hint (1 left)")
    assert not view.hint_button.isEnabled()
    assert practice.progress().exercise(practice.agent_name(), "token-wrong")["hints"] == 3


def take_test(qtbot, page, wrong_choices: int):
    """Answer every question as an agent: choose by label, or send the prepared request and type what came back."""
    page.open_exercise("Final test")
    view = page.test_view
    questions = page.test.questions
    missed = 0
    for n, question in enumerate(questions):
        assert view.counter.text() == f"Question {n + 1} of {len(questions)}"
        if question["kind"] == "choice":
            labels = {c["id"]: pick(c["text"]) for c in question["choices"]}
            if missed < wrong_choices:
                missed += 1
                choose(page, next(label for cid, label in labels.items() if cid != question["right"]))
            else:
                choose(page, labels[question["right"]])
        else:
            with qtbot.waitSignal(page.answer_shown, timeout=30000):
                click(page, "Send")
            shown = view.answer.toPlainText()
            if question["read"] == "status":
                typed = shown.split(" ")[0]
            else:
                typed = next(word for word in ("undelivered", "delivered", "false", "true") if f'"{question["read"].split(".")[-1]}": {word}' in shown
                             or f'"{question["read"].split(".")[-1]}": "{word}"' in shown)
            view.typed.setText(typed)
        click(page, "Next question" if n < len(questions) - 1 else "Finish the test")
    return view


def test_a_new_agent_passes_the_final_test_with_ten_of_fourteen(qtbot, practice):
    with qtbot.waitSignal(practice.test_finished, timeout=60000) as blocker:
        view = take_test(qtbot, practice, wrong_choices=4)
    result = blocker.args[0]
    assert (result.right, result.passed) == (10, True)
    assert view.score_label.text() == "10 of 14 right (pass mark 10): passed"
    report = view.results.toPlainText()
    assert report.count("✗") == 4 and "Right answer:" in report
    assert "Final test: 10/14, passed" in practice.summary.text()


def test_nine_of_fourteen_does_not_pass(qtbot, practice):
    with qtbot.waitSignal(practice.test_finished, timeout=60000) as blocker:
        view = take_test(qtbot, practice, wrong_choices=5)
    assert (blocker.args[0].right, blocker.args[0].passed) == (9, False)
    assert view.score_label.text().endswith("not passed")


def test_taking_the_test_again_starts_with_no_answers(qtbot, practice):
    with qtbot.waitSignal(practice.test_finished, timeout=60000):
        take_test(qtbot, practice, wrong_choices=0)
    click(practice, "Take the test again")
    view = practice.test_view
    assert view.counter.text() == "Question 1 of 14" and view.answers == {}
    assert not any(r.isChecked() for r in view.choices.buttons())
    view.go(13)
    with qtbot.waitSignal(practice.test_finished, timeout=30000) as blocker:
        click(practice, "Finish the test")
    assert blocker.args[0].right == 0
    assert practice.progress().agent(practice.agent_name())["best_test"]["score"] == 14  # the best result stays
