"""The «Практика» / "Practice" page: the course's cases as exercises checked live against a practice sandbox, and the final test."""
from __future__ import annotations

import getpass
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SendError
from desktop.core.models import Request, Response
from desktop.core.paths import Paths
from desktop.core.practice import (
    Exercise,
    FinalTest,
    Progress,
    Score,
    Verdict,
    judge,
    live_value,
    load_exercises,
    load_test,
    score,
)
from desktop.i18n import _, pick
from desktop.ui.body_editor import BodyEditor
from desktop.ui.key_value_table import COMMON_HEADERS, KeyValueTable
from desktop.ui.response_view import ResponseView
from desktop.ui.url_bar import UrlBar
from desktop.ui.workers import Task, run_task

TEST_ROW = "final-test"


def _label(text: str = "", name: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def _html(text: str) -> str:
    # Quotes need no escaping in element text; left as typed, the texts (which quote JSON) read the same in the markup.
    return html.escape(text, quote=False)


def _failure_text(exc: BaseException) -> str:
    if isinstance(exc, SendError):
        return f"{exc.message} {exc.next_step}".strip()
    return _("Something went wrong in the practice sandbox; start the exercise over.")


def _clear_choices(group: QButtonGroup, layout: QVBoxLayout) -> None:
    # Out of the layout at once: deleteLater alone leaves them sizing the page until the next event loop turn.
    for button in group.buttons():
        group.removeButton(button)
        layout.removeWidget(button)
        button.hide()
        button.deleteLater()


class RequestEditor(QWidget):
    """Method, full address and Send on one line, headers and body below: the app's own panels, compactly."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.url_bar = UrlBar()
        # The column is narrow and the address is where half of the course's mistakes are: when the field cannot
        # show all of it, the whole address is written out under it.
        self.full_address = QLabel()
        self.full_address.setObjectName("fullAddress")
        self.full_address.setWordWrap(True)
        self.full_address.hide()
        self.headers = KeyValueTable(COMMON_HEADERS)
        self.body = BodyEditor()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.headers, _("Headers"))
        self.tabs.addTab(self.body, _("Body"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.url_bar)
        layout.addWidget(self.full_address)
        layout.addWidget(self.tabs, 1)
        self.url_bar.url.textChanged.connect(self._show_full_address)
        self.url_bar.url.installEventFilter(self)  # its width is known when it is resized

    def _show_full_address(self) -> None:
        field = self.url_bar.url
        text = field.text()
        fits = field.fontMetrics().horizontalAdvance(text) <= field.contentsRect().width() - 40  # the clear button
        # Zero-width spaces after / ? & let the label wrap a long address; the field keeps the real text.
        wrappable = "".join(c + ("\u200b" if c in "/?&=" else "") for c in text)
        self.full_address.setText(_("Whole address: {url}").format(url=wrappable))
        self.full_address.setVisible(bool(text) and not fits)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._show_full_address()
        return False

    def load_model(self, request: Request) -> None:
        index = self.url_bar.method.findText(request.method)
        self.url_bar.method.setCurrentIndex(max(index, 0))
        self.url_bar.url.setText(request.full_url())
        self.url_bar.url.setCursorPosition(0)  # the scheme and host in sight: http:// is one of the mistakes
        self.headers.load_model(request.headers)
        self.body.load_model(request.body)
        self.tabs.setCurrentWidget(self.body if request.body.kind != "none" else self.headers)

    def to_model(self) -> Request:
        request = Request(method=self.url_bar.method.currentText(), headers=self.headers.to_model(), body=self.body.to_model())
        request.set_full_url(self.url_bar.url.text())
        return request


class ExerciseView(QWidget):
    """One exercise: the client's words, the goal, hints, the request to mend, Check, and the verdict."""

    def __init__(self, page: PracticePage):
        super().__init__()
        self.page = page
        self.exercise: Exercise | None = None
        self.hints_shown = 0
        self.task: Task | None = None

        self.title = _label(name="exerciseTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.section = _label(name="exerciseSection")
        self.client_message = _label(name="clientMessage")
        self.client_message.setFrameShape(QFrame.Shape.StyledPanel)
        self.client_message.setStyleSheet("padding: 8px; font-style: italic;")
        self.goal = _label(name="exerciseGoal", rich=True)
        self.dashboard = _label(name="clientDashboard", rich=True)
        self.hints = _label(name="exerciseHints", rich=True)
        self.hint_button = QPushButton(_("Show a hint"))
        self.hint_button.setObjectName("hintButton")
        self.editor = RequestEditor()
        self.question = QGroupBox()
        self.question.setObjectName("exerciseQuestion")
        self.question_layout = QVBoxLayout(self.question)
        self.choices = QButtonGroup(self)
        self.check_button = QPushButton(_("Check"))
        self.check_button.setObjectName("checkButton")
        self.check_button.setDefault(True)
        # As big and clear as Send: checking is what the page is for.
        self.check_button.setStyleSheet("QPushButton { background: #1a73e8; color: white; font-weight: bold; padding: 6px 22px; }"
                                        "QPushButton:disabled { background: #9bbcf0; }")
        self.reset_button = QPushButton(_("Start over"))
        self.result = _label(name="exerciseResult", rich=True)
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        self.result.hide()
        self.reply = QPlainTextEdit()
        self.reply.setObjectName("clientReply")
        self.reply.setReadOnly(True)
        self.reply.setMaximumHeight(110)
        self.reply_label = QLabel(_("Reply to the client:"))
        self.copy_reply = QPushButton(_("Copy the reply"))
        self.next_button = QPushButton(_("Next exercise"))
        self.answer = ResponseView()
        self.webhooks = _label(name="webhookTries")

        task_side = QWidget()
        left = QVBoxLayout(task_side)
        left.setContentsMargins(8, 8, 4, 8)
        for widget in (self.title, self.section, QLabel(_("The client writes:")), self.client_message, self.goal, self.dashboard):
            left.addWidget(widget)
        left.addWidget(self.hints)
        left.addWidget(self.hint_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.editor, 1)
        left.addWidget(self.question)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        left.addLayout(buttons)

        answer_side = QWidget()
        right = QVBoxLayout(answer_side)
        right.setContentsMargins(4, 8, 8, 8)
        right.addWidget(self.result)
        right.addWidget(self.reply_label)
        right.addWidget(self.reply)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.copy_reply)
        reply_row.addStretch(1)
        reply_row.addWidget(self.next_button)
        right.addLayout(reply_row)
        right.addWidget(QLabel(_("The sandbox's answer:")))
        right.addWidget(self.answer, 1)
        right.addWidget(self.webhooks)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(task_side)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(answer_side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._show_solved(False)

        self.hint_button.clicked.connect(self.show_hint)
        self.check_button.clicked.connect(self.check)
        self.reset_button.clicked.connect(lambda: self.open(self.exercise))
        self.editor.url_bar.send_clicked.connect(self.send)
        self.copy_reply.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.reply.toPlainText()))
        self.next_button.clicked.connect(lambda: self.page.open_next(self.exercise))

    # --- opening -------------------------------------------------------------------------------

    def open(self, exercise: Exercise | None) -> None:
        if exercise is None:
            return
        self._stop()
        data = exercise.data
        try:
            lab = self.page.lab()
            request = lab.begin(data.get("setup", {}), data["request"])
        except OSError as exc:
            self.page.show_problem(_("The practice sandbox could not start ({reason}).").format(reason=exc.strerror or exc))
            return
        self.exercise = exercise
        self.title.setText(exercise.text("title"))
        self.section.setText(_("From the course: {section}").format(section=exercise.text("section")))
        self.client_message.setText(f"«{exercise.text('client_message')}»")
        self.goal.setText(f"<b>{_html(_('Goal:'))}</b> {_html(exercise.text('goal'))}")
        values = lab.values()
        self.dashboard.setText(
            f"<b>{_html(_('Client’s dashboard, profile page:'))}</b> profile_id <code>{_html(values['profile_id'])}</code>"
            f" · {_html(_('token'))} <code>{_html(values['token'])}</code>")
        self.hints_shown = 0
        self._show_hints()
        self.editor.load_model(request)
        self._build_question(data.get("question"))
        self.answer.clear()
        self.webhooks.setText("")
        self.webhooks.setVisible("receiver_status" in data.get("setup", {}))
        self.result.hide()
        self._show_solved(False)

    def _build_question(self, question: dict[str, Any] | None) -> None:
        _clear_choices(self.choices, self.question_layout)
        self.question.setVisible(question is not None)
        if question is None:
            return
        self.question.setTitle(pick(question["text"]))
        for choice in question["choices"]:
            button = QRadioButton(pick(choice["text"]))
            button.setProperty("choice", choice["id"])
            self.choices.addButton(button)
            self.question_layout.addWidget(button)
            button.show()  # a layout shows a new child only on the next event loop turn

    def _show_hints(self) -> None:
        hints = self.exercise.hints if self.exercise else []
        shown = hints[: self.hints_shown]
        self.hints.setText("".join(f"<p><b>{_html(_('Hint {n}:').format(n=n))}</b> {_html(h)}</p>" for n, h in enumerate(shown, 1)))
        self.hints.setVisible(bool(shown))
        left = len(hints) - self.hints_shown
        self.hint_button.setEnabled(left > 0)
        self.hint_button.setText(_("Show a hint ({n} left)").format(n=left) if left else _("No more hints"))

    def show_hint(self) -> None:
        if self.exercise is None or self.hints_shown >= len(self.exercise.hints):
            return
        self.hints_shown += 1
        self._show_hints()
        self.page.progress_hint(self.exercise.id, self.hints_shown)

    def chosen(self) -> str:
        button = self.choices.checkedButton()
        return button.property("choice") if button is not None else ""

    # --- sending and checking ------------------------------------------------------------------------

    def _stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy)
        self.editor.url_bar.button.setEnabled(not busy)

    def _needs_webhooks(self) -> bool:
        return self.exercise is not None and "receiver_status" in self.exercise.data.get("setup", {})

    def send(self) -> None:
        """Send only, to read the answer (the agent explores before fixing)."""
        if self.exercise is None:
            return
        lab, request, wait = self.page.lab(), self.editor.to_model(), self._needs_webhooks()
        self._busy(True)

        def work():
            try:
                response = lab.send(request)
            except SendError as exc:
                return exc, lab.evidence(None)
            return response, lab.evidence(response, wait_for_webhooks=wait)

        self.task = run_task(work, self._sent, self._failed, self.page.pool)

    def _sent(self, result) -> None:
        self.task = None
        self._busy(False)
        outcome, evidence = result
        self._show_answer(outcome, evidence.webhooks)
        self.page.answer_shown.emit(outcome)

    def check(self) -> None:
        if self.exercise is None:
            return
        lab, request, choice, wait = self.page.lab(), self.editor.to_model(), self.chosen(), self._needs_webhooks()
        check = self.exercise.data["check"]
        self._busy(True)

        def work():
            try:
                response = lab.send(request)
            except SendError as exc:
                return exc, lab.evidence(None, choice), Verdict(False, _failure_text(exc))
            evidence = lab.evidence(response, choice, wait_for_webhooks=wait)
            return response, evidence, judge(check, evidence)

        self.task = run_task(work, self._checked, self._failed, self.page.pool)

    def _checked(self, result) -> None:
        self.task = None
        self._busy(False)
        outcome, evidence, verdict = result
        self._show_answer(outcome, evidence.webhooks)
        self.page.progress_attempt(self.exercise.id, verdict.solved)
        if verdict.solved:
            self.result.setText(f"<p style='color:#1b7f3b'><b>{_html(_('Solved!'))}</b></p>"
                                f"<p>{_html(self.exercise.success_text('explanation'))}</p>")
            self.reply.setPlainText(self.exercise.success_text("reply"))
        else:
            self.result.setText(f"<p style='color:#b3261e'><b>{_html(_('Not yet.'))}</b></p>"
                                f"<p>{_html(verdict.explanation)}</p>")
        self.result.show()
        self._show_solved(verdict.solved)
        self.page.checked.emit(verdict)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._busy(False)
        self.result.setText(f"<p style='color:#b3261e'>{_html(_failure_text(exc))}</p>")
        self.result.show()

    def _show_answer(self, outcome, webhooks: list[dict[str, Any]]) -> None:
        if isinstance(outcome, Response):
            self.answer.show_response(outcome)
        elif isinstance(outcome, SendError):
            self.answer.show_error(outcome)
        if self.webhooks.isVisible():
            lines = [_("Webhook tries to the client's server:")]
            for attempt in webhooks:
                answer = str(attempt["status"]) if attempt["status"] is not None else _("no answer ({error})").format(error=attempt["error"])
                lines.append(_("try {n} ({wh_type}) → {answer}").format(n=attempt["attempt"], wh_type=attempt["wh_type"], answer=answer))
            if not webhooks:
                lines.append(_("none yet"))
            self.webhooks.setText("\n".join(lines))

    def _show_solved(self, solved: bool) -> None:
        for widget in (self.reply_label, self.reply, self.copy_reply, self.next_button):
            widget.setVisible(solved)


class TestView(QWidget):
    """The final test: one question at a time, some answered by sending a request; then the score and the right answers."""

    def __init__(self, page: PracticePage):
        super().__init__()
        self.page = page
        self.test: FinalTest | None = None
        self.index = 0
        self.asking = False  # a question is on screen, so its answer is kept before moving on
        self.answers: dict[str, str] = {}
        self.live: dict[str, Any] = {}
        self.task: Task | None = None

        self.counter = _label(name="questionCounter")
        self.counter.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.section = _label()
        self.text = _label(name="questionText")
        self.text.setStyleSheet("font-size: 12pt;")
        self.choice_box = QWidget()
        self.choice_layout = QVBoxLayout(self.choice_box)
        self.choices = QButtonGroup(self)
        self.editor = RequestEditor()
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("testAnswer")
        self.answer.setReadOnly(True)
        self.typed = QLineEdit()
        self.typed.setObjectName("typedAnswer")
        self.typed.setPlaceholderText(_("Type what the answer shows"))
        self.do_box = QWidget()
        do_layout = QVBoxLayout(self.do_box)
        do_layout.setContentsMargins(0, 0, 0, 0)
        do_layout.addWidget(self.editor, 2)
        do_layout.addWidget(QLabel(_("The sandbox's answer:")))
        do_layout.addWidget(self.answer, 1)
        do_layout.addWidget(QLabel(_("Your answer:")))
        do_layout.addWidget(self.typed)
        self.back = QPushButton(_("Back"))
        self.next = QPushButton(_("Next question"))
        self.finish = QPushButton(_("Finish the test"))
        self.finish.setObjectName("finishTest")
        self.results = QPlainTextEdit()
        self.results.setObjectName("testResults")
        self.results.setReadOnly(True)
        self.score_label = _label(name="testScore")
        self.score_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.again = QPushButton(_("Take the test again"))

        self.question_page = QWidget()
        q = QVBoxLayout(self.question_page)
        for widget in (self.counter, self.section, self.text, self.choice_box):
            q.addWidget(widget)
        q.addWidget(self.do_box, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.next)
        nav.addWidget(self.finish)
        q.addLayout(nav)
        self.result_page = QWidget()
        r = QVBoxLayout(self.result_page)
        r.addWidget(self.score_label)
        r.addWidget(self.results, 1)
        r.addWidget(self.again, 0, Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.question_page)
        self.stack.addWidget(self.result_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        self.finish.clicked.connect(self.finish_test)
        self.again.clicked.connect(lambda: self.start(self.test))
        self.editor.url_bar.send_clicked.connect(self.send)

    def start(self, test: FinalTest | None) -> None:
        self.test = test
        self.answers, self.live = {}, {}
        self.asking = False
        self.stack.setCurrentWidget(self.question_page)
        if test is not None:
            self.go(0)

    def _keep_answer(self) -> None:
        question = self.test.questions[self.index]
        if question["kind"] == "choice":
            button = self.choices.checkedButton()
            if button is not None:
                self.answers[question["id"]] = button.property("choice")
        else:
            self.answers[question["id"]] = self.typed.text()

    def go(self, index: int) -> None:
        if self.test is None or not 0 <= index < len(self.test.questions):
            return
        if self.asking:
            self._keep_answer()
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self.index = index
        question = self.test.questions[index]
        total = len(self.test.questions)
        self.counter.setText(_("Question {n} of {total}").format(n=index + 1, total=total))
        self.section.setText(_("From the course: {section}").format(section=pick(question["section"])))
        self.text.setText(pick(question["text"]))
        _clear_choices(self.choices, self.choice_layout)
        is_choice = question["kind"] == "choice"
        self.choice_box.setVisible(is_choice)
        self.do_box.setVisible(not is_choice)
        if is_choice:
            for choice in question["choices"]:
                button = QRadioButton(pick(choice["text"]))
                button.setProperty("choice", choice["id"])
                button.setChecked(self.answers.get(question["id"]) == choice["id"])
                self.choices.addButton(button)
                self.choice_layout.addWidget(button)
                button.show()  # a layout shows a new child only on the next event loop turn
        else:
            try:
                self.editor.load_model(self.page.lab().begin(question.get("setup", {}), question["request"]))
            except OSError as exc:
                self.page.show_problem(_("The practice sandbox could not start ({reason}).").format(reason=exc.strerror or exc))
            self.answer.setPlainText("")
            self.typed.setText(self.answers.get(question["id"], ""))
        self.asking = True
        self.back.setEnabled(index > 0)
        self.next.setVisible(index < total - 1)
        self.finish.setVisible(index == total - 1)

    def send(self) -> None:
        lab, request, question = self.page.lab(), self.editor.to_model(), self.test.questions[self.index]
        self.editor.url_bar.button.setEnabled(False)
        self.task = run_task(lambda: lab.send(request), lambda r: self._sent(question, r),
                             lambda exc: self._sent(question, exc), self.page.pool)

    def _sent(self, question: dict[str, Any], outcome) -> None:
        self.task = None
        self.editor.url_bar.button.setEnabled(True)
        if isinstance(outcome, Response):
            self.live[question["id"]] = live_value(question, outcome)
            self.answer.setPlainText(f"{outcome.status} {outcome.reason}\n\n{outcome.body.decode('utf-8', 'replace')}")
        else:
            self.answer.setPlainText(_failure_text(outcome))
        self.page.answer_shown.emit(outcome)

    def finish_test(self) -> None:
        self._keep_answer()
        self.asking = False
        result = score(self.test, self.answers, self.live)
        self.page.progress_test(result)
        verdict = _("passed") if result.passed else _("not passed")
        self.score_label.setText(_("{right} of {total} right (pass mark {mark}): {verdict}").format(
            right=result.right, total=result.total, mark=result.pass_mark, verdict=verdict))
        self.results.setPlainText(self._report(result))
        self.stack.setCurrentWidget(self.result_page)
        self.page.test_finished.emit(result)

    def _report(self, result: Score) -> str:
        lines = []
        for n, question in enumerate(self.test.questions, 1):
            given = self.answers.get(question["id"], "")
            if question["kind"] == "choice":
                names = {c["id"]: pick(c["text"]) for c in question["choices"]}
                given, right = names.get(given, given), names[question["right"]]
            else:
                right = pick(question["right_text"])
            mark = "✓" if result.marks[question["id"]] else "✗"
            lines.append(f"{mark} {n}. {pick(question['text'])}")
            lines.append("   " + _("Your answer: {given}").format(given=given or "—"))
            lines.append("   " + _("Right answer: {right}").format(right=right))
            lines.append("   " + pick(question["explanation"]))
            lines.append("")
        return "\n".join(lines)


class PracticePage(QWidget):
    """Exercise list with progress on the left, the open exercise or the final test on the right."""

    answer_shown = Signal(object)   # Response or SendError, once an answer is on screen
    checked = Signal(object)        # Verdict of a Check
    test_finished = Signal(object)  # Score

    def __init__(self, progress_folder: Path | None = None, agent: str | None = None, pool=None, parent=None):
        super().__init__(parent)
        self.pool = pool
        self._progress_folder = progress_folder
        self._agent = agent
        self._progress: Progress | None = None
        self._lab = None
        self.built = False
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event) -> None:
        # Built on first sight: reading and validating the files must not slow the window's start.
        self.build()
        super().showEvent(event)

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        self.exercises, problems = load_exercises()
        self.test, test_problems = load_test()
        self.problems = [str(p) for p in problems + test_problems]

        self.agent = QLineEdit(self._agent or _login_name())
        self.agent.setObjectName("agentName")
        self.agent.setToolTip(_("Progress is kept under this name; a team lead's export lists every agent"))
        self.list = QListWidget()
        self.list.setObjectName("exerciseList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary = _label(name="practiceSummary")
        self.problem_label = _label(name="practiceProblems")
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.export_button = QPushButton(_("Export progress…"))
        self.exercise_view = ExerciseView(self)
        self.test_view = TestView(self)
        self.welcome = _label(_("Pick an exercise on the left. Each one is a case from the course: "
                                "mend the client's request until the practice sandbox accepts it, then take the final test."))
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for widget in (self.welcome, self.exercise_view, self.test_view):
            self.stack.addWidget(widget)

        side = QWidget()
        # Wrapped labels ask for height at the narrowest width: a floor keeps the window from growing tall.
        side.setMinimumWidth(240)
        left = QVBoxLayout(side)
        left.setContentsMargins(8, 8, 4, 8)
        agent_row = QHBoxLayout()
        agent_row.addWidget(QLabel(_("Agent:")))
        agent_row.addWidget(self.agent, 1)
        left.addLayout(agent_row)
        left.addWidget(self.list, 1)
        left.addWidget(self.summary)
        left.addWidget(self.problem_label)
        left.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(side)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 1100])
        self.layout().addWidget(split)

        self.problem_label.setText("\n".join(self.problems))
        self.problem_label.setVisible(bool(self.problems))
        self.list.currentItemChanged.connect(lambda item, _old: self._open_row(item))
        self.agent.editingFinished.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)
        self.refresh()

    # --- outside things, made on first use ---------------------------------------------------------

    def lab(self):
        if self._lab is None:
            # Imported on first use, like the exercise files: the window's start does not wait for the practice lab.
            from desktop.sandbox.practice import Lab

            self._lab = Lab.start()
            lab = self._lab
            # The window may be rebuilt (language switch): the practice sandbox goes with this page.
            self.destroyed.connect(lambda *_args: lab.close())
        return self._lab

    def close_lab(self) -> None:
        if self._lab is not None:
            self._lab.close()
            self._lab = None

    def progress(self) -> Progress:
        if self._progress is None:
            self._progress = Progress.load(self._progress_folder or Paths.default().data / "practice")
            if self._progress.problem:
                self.show_problem(self._progress.problem)
        return self._progress

    def agent_name(self) -> str:
        return self.agent.text().strip() or _login_name()

    def show_problem(self, text: str) -> None:
        self.problem_label.setText("\n".join(self.problems + [text]))
        self.problem_label.show()

    def _save(self, action) -> None:
        try:
            action()
        except OSError as exc:
            self.show_problem(_("Progress could not be saved ({error}); the exercise itself works.").format(error=exc.strerror or exc))
        self.refresh()

    def progress_attempt(self, exercise_id: str, solved: bool) -> None:
        self._save(lambda: self.progress().record_attempt(self.agent_name(), exercise_id, solved))

    def progress_hint(self, exercise_id: str, shown: int) -> None:
        self._save(lambda: self.progress().record_hint(self.agent_name(), exercise_id, shown))

    def progress_test(self, result: Score) -> None:
        self._save(lambda: self.progress().record_test(self.agent_name(), result))

    # --- the list --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The list's marks and the summary, from the progress of the agent named above."""
        done = self.progress().done(self.agent_name())
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.list.blockSignals(True)
        self.list.clear()
        for exercise in self.exercises:
            mark = "✓ " if exercise.id in done else "○ "
            item = QListWidgetItem(mark + exercise.text("title"))
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            item.setToolTip(exercise.text("section"))
            self.list.addItem(item)
        if self.test is not None:
            item = QListWidgetItem("★ " + _("Final test"))
            item.setData(Qt.ItemDataRole.UserRole, TEST_ROW)
            self.list.addItem(item)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == current:
                self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        test = self.progress().agent(self.agent_name()).get("best_test")
        text = _("Solved {done} of {total} exercises.").format(done=len(done & {e.id for e in self.exercises}), total=len(self.exercises))
        if test:
            verdict = _("passed") if test["passed"] else _("not passed")
            text += "\n" + _("Final test: {score}/{total}, {verdict} ({date}).").format(
                score=test["score"], total=test["total"], verdict=verdict, date=test["date"][:10])
        self.summary.setText(text)

    def _open_row(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == TEST_ROW:
            self.test_view.start(self.test)
            self.stack.setCurrentWidget(self.test_view)
            return
        exercise = next((e for e in self.exercises if e.id == key), None)
        if exercise is not None:
            self.exercise_view.open(exercise)
            self.stack.setCurrentWidget(self.exercise_view)

    def open_exercise(self, title: str) -> None:
        """Select the row whose visible title is `title` (with or without its mark)."""
        for row in range(self.list.count()):
            if self.list.item(row).text()[2:] == title or self.list.item(row).text() == title:
                self.list.setCurrentRow(row)
                return
        raise KeyError(title)

    def open_next(self, exercise: Exercise | None) -> None:
        ids = [e.id for e in self.exercises]
        at = ids.index(exercise.id) + 1 if exercise is not None and exercise.id in ids else 0
        self.list.setCurrentRow(min(at, self.list.count() - 1))

    def ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Export practice progress"), "practice-progress.csv", _("CSV table (*.csv)"))
        if path:
            self._save(lambda: self.progress().write_export(Path(path), self.exercises))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return _("agent")
