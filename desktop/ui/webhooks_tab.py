"""The Webhooks tab: check a client's webhook URL the way the service does, and watch webhooks arrive at a local receiver."""
from __future__ import annotations

import html
import json
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core.models import Request
from desktop.core.webhook_receiver import WebhookReceiver
from desktop.core.webhooks import (
    AUTH_HEADER,
    WH_TYPES,
    Finding,
    WebhookCheck,
    check,
    enabled_types_in,
    payload_from_text,
    request_for,
    sample,
)
from desktop.i18n import _
from desktop.ui.body_editor import monospace_font
from desktop.ui.json_highlighter import JsonHighlighter
from desktop.ui.style import named
from desktop.ui.workers import Task, run_task

MARKS = {"ok": ("✔", "#1a7f37"), "warning": ("⚠", "#9a6700"), "error": ("✖", "#cf222e")}
SECRET_VARIABLE = "{{webhook_secret}}"  # a saved request names the secret; its value stays in the environment


def type_labels() -> dict[str, str]:
    return {
        "incoming_message": _("someone wrote to the profile"),
        "delivery_status": _("a sent message was delivered or read"),
        "outgoing_message_phone": _("a message was sent from the phone"),
        "outgoing_message_api": _("a message was sent through the API"),
        "authorization_status": _("the profile logged in or out"),
        "application_status": _("the application went online or offline"),
        "incoming_call": _("someone called (WhatsApp only)"),
    }


def findings_html(findings: list[Finding]) -> str:
    rows = []
    for finding in findings:
        mark, colour = MARKS.get(finding.level, MARKS["warning"])
        step = f'<br><span style="color:#57606a">{html.escape(_("What to do:"))} {html.escape(finding.next_step)}</span>' if finding.next_step else ""
        rows.append(f'<p><span style="color:{colour}; font-weight:bold">{mark}</span> {html.escape(finding.message)}{step}</p>')
    return "".join(rows)


class CheckPanel(QWidget):
    """Deliver a sample webhook to the client's URL and show the verdict as findings in plain words."""

    checked = Signal(object)          # WebhookCheck
    save_requested = Signal(object)   # Request
    reply_requested = Signal(object)  # the WebhookCheck on screen, for a message to the client

    def __init__(self, timeout: float = 10.0, parent=None):
        super().__init__(parent)
        self.timeout = timeout
        self.task: Task | None = None
        self.last: WebhookCheck | None = None

        self.url_edit = QLineEdit()
        named(self.url_edit, "urlEdit")
        self.url_edit.setPlaceholderText("https://example.com/webhook")
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText(_("the auth phrase from the webhook settings, if the client set one"))
        secret_note = QLabel(_("Sent in the {header} header: the Wappi documentation does not say which header the service uses.").format(header=AUTH_HEADER))
        named(secret_note, "responseStats")
        secret_note.setWordWrap(True)
        self.type_box = QComboBox()
        for wh_type, label in type_labels().items():
            self.type_box.addItem(f"{wh_type} — {label}", wh_type)
        self.types_edit = QLineEdit()
        self.types_edit.setPlaceholderText(_("optional: paste webhook_types from the profile status"))
        self.payload_edit = QPlainTextEdit()
        self.payload_edit.setFont(monospace_font())
        self.highlighter = JsonHighlighter(self.payload_edit.document())
        self.reset_button = QPushButton(_("Restore the documented sample"))
        self.check_button = QPushButton(_("Check"))
        named(self.check_button, "sendButton")
        self.save_button = QPushButton(_("Save as a request"))
        # About the check on screen only: greyed out until one has ended, and again while the next one runs.
        self.reply_button = QPushButton(_("Reply to client…"))
        self.reply_button.setToolTip(_("A message for the client about their webhook address, in the client's language"))
        self.reply_button.setEnabled(False)

        form = QFormLayout()
        form.addRow(_("Client's webhook address:"), self.url_edit)
        form.addRow(_("Secret (optional):"), self.secret_edit)
        form.addRow("", secret_note)
        form.addRow(_("Event type (wh_type):"), self.type_box)
        form.addRow(_("Types switched on:"), self.types_edit)
        sample_row = QHBoxLayout()
        sample_row.addWidget(QLabel(_("Webhook the check will send (you can edit it):")), 1)
        sample_row.addWidget(self.reset_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reply_button)
        inputs = QWidget()
        left = QVBoxLayout(inputs)
        left.addLayout(form)
        left.addLayout(sample_row)
        left.addWidget(self.payload_edit, 1)
        left.addLayout(buttons)

        self.verdict = QLabel(_("Enter the client's webhook address and press Check."))
        named(self.verdict, "placeholder")
        self.verdict.setWordWrap(True)
        self.details = QLabel()
        named(self.details, "responseStats")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings_view = QTextBrowser()
        self.findings_view.setOpenLinks(False)
        self.next_view = QLabel()
        self.next_view.setWordWrap(True)
        self.next_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        results = QWidget()
        right = QVBoxLayout(results)
        right.addWidget(self.verdict)
        right.addWidget(self.details)
        right.addWidget(self.findings_view, 1)
        next_title = QLabel(_("What the service would do next"))
        next_title.setStyleSheet("font-weight: bold")
        right.addWidget(next_title)
        right.addWidget(self.next_view)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(inputs)
        splitter.addWidget(results)
        splitter.setSizes([600, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.type_box.currentIndexChanged.connect(self.restore_sample)
        self.reset_button.clicked.connect(self.restore_sample)
        self.check_button.clicked.connect(self.start_check)
        self.url_edit.returnPressed.connect(self.start_check)
        self.save_button.clicked.connect(self._save)
        self.reply_button.clicked.connect(lambda: self.last is not None and self.reply_requested.emit(self.last))
        self.restore_sample()

    def wh_type(self) -> str:
        return self.type_box.currentData()

    def set_wh_type(self, wh_type: str) -> None:
        self.type_box.setCurrentIndex(WH_TYPES.index(wh_type) if wh_type in WH_TYPES else 0)

    def restore_sample(self) -> None:
        self.payload_edit.setPlainText(json.dumps(sample(self.wh_type()), ensure_ascii=False, indent=2))

    def start_check(self) -> None:
        if self.task is not None:
            return
        try:
            payload = payload_from_text(self.payload_edit.toPlainText())
        except ValueError as exc:
            self._show_problem(str(exc), _("Fix the sample, or press «Restore the documented sample»."))
            return
        url, wh_type = self.url_edit.text(), self.wh_type()
        secret = self.secret_edit.text() or None
        types = enabled_types_in(self.types_edit.text())
        timeout = self.timeout
        self.check_button.setEnabled(False)
        self.reply_button.setEnabled(False)
        self.verdict.setText(_("Sending the sample webhook to the client's server…"))
        self.task = run_task(
            lambda: check(url, wh_type, secret, timeout=timeout, payload=payload, enabled_types=types),
            self._show_result,
            self._show_failure,
        )

    def _done(self) -> None:
        self.task = None
        self.check_button.setEnabled(True)

    def _show_result(self, result: WebhookCheck) -> None:
        self._done()
        self.last = result
        self.reply_button.setEnabled(True)
        if result.delivered:
            self.verdict.setText(_("Delivered: the client's server accepted the webhook."))
            colour = "#1a7f37"
        elif result.status is None:
            self.verdict.setText(_("Not delivered: the webhook did not reach the client's server."))
            colour = "#cf222e"
        else:
            self.verdict.setText(_("Not delivered: the client's server answered {status}.").format(status=result.status))
            colour = "#cf222e"
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 12pt")
        self.details.setText(self._details(result))
        self.findings_view.setHtml(findings_html(result.findings))
        # Without a request sent there is nothing the service would do; a bad address is fixed first.
        sent = not any(f.code == "webhook-bad-url" for f in result.findings)
        self.next_view.setText(result.what_next() if sent else "")
        self.checked.emit(result)

    @staticmethod
    def _details(result: WebhookCheck) -> str:
        parts = []
        if result.status is not None:
            parts.append(_("Answer: {status}").format(status=result.status))
        if result.elapsed_ms is not None:
            parts.append(_("time: {seconds} s").format(seconds=f"{result.elapsed_ms / 1000:.2f}"))
        for status, url in result.redirects:
            parts.append(_("redirect {status} from {url}").format(status=status, url=url))
        if result.answer_truncated:
            parts.append(_("the answer was large; only its beginning was read"))
        return " · ".join(parts)

    def _show_failure(self, exc: BaseException) -> None:
        self._done()
        error = errors.from_exception(exc, self.url_edit.text())
        self._show_problem(error.message, error.next_step)

    def _show_problem(self, message: str, next_step: str) -> None:
        self.last = None
        self.reply_button.setEnabled(False)
        self.verdict.setText(_("The check was not made."))
        self.verdict.setStyleSheet("color: #cf222e; font-weight: bold; font-size: 12pt")
        self.details.setText("")
        self.findings_view.setHtml(findings_html([Finding("webhook-check-failed", "error", message, next_step)]))
        self.next_view.setText("")

    def to_model(self) -> Request:
        """The sample as a request to keep in a collection; the secret becomes {{webhook_secret}}, never saved in clear."""
        payload = payload_from_text(self.payload_edit.toPlainText())
        request = request_for(self.url_edit.text() or "{{webhook_url}}", payload, SECRET_VARIABLE if self.secret_edit.text() else None)
        request.name = _("Webhook {wh_type}").format(wh_type=self.wh_type())
        return request

    def _save(self) -> None:
        try:
            request = self.to_model()
        except ValueError as exc:
            self._show_problem(str(exc), _("Fix the sample, or press «Restore the documented sample»."))
            return
        self.save_requested.emit(request)


class ReceivePanel(QWidget):
    """Start a local receiver and show each webhook as it arrives: time, type, headers, pretty JSON."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.receiver: WebhookReceiver | None = None
        self.seen = 0
        self.arrivals = []

        self.start_button = QPushButton(_("Start receiving"))
        named(self.start_button, "sendButton")
        self.port_box = QSpinBox()
        self.port_box.setRange(0, 65535)
        self.port_box.setSpecialValueText(_("any free"))
        self.address_edit = QLineEdit()
        self.address_edit.setReadOnly(True)
        self.address_edit.setPlaceholderText(_("the address appears here once receiving starts"))
        self.copy_button = QPushButton(_("Copy address"))
        self.copy_button.setEnabled(False)
        self.mode_box = QComboBox()
        self.mode_box.addItem(_("200 OK — accept (delivered)"), "ok")
        self.mode_box.addItem(_("500 error — refuse (the service will retry)"), "error")
        self.mode_box.addItem(_("Slow — answer after 7 s (over the 5-s guideline)"), "slow")
        self.clear_button = QPushButton(_("Clear the list"))
        self.status_label = QLabel(_("Not receiving. Press «Start receiving» to get a local webhook address."))
        self.status_label.setWordWrap(True)
        hint = QLabel(_("How to use: set this address as the webhook of the sandbox profile (POST /api/webhook/url/set?url=…), "
                        "then send a message to 79990000000 in the sandbox: its webhooks appear below. "
                        "The address works only on this computer."))
        named(hint, "responseStats")
        hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.start_button)
        top.addWidget(QLabel(_("Port:")))
        top.addWidget(self.port_box)
        top.addWidget(self.address_edit, 1)
        top.addWidget(self.copy_button)
        modes = QHBoxLayout()
        modes.addWidget(QLabel(_("Answer webhooks with:")))
        modes.addWidget(self.mode_box, 1)
        modes.addWidget(self.clear_button)

        self.list = QListWidget()
        self.headers_view = QPlainTextEdit()
        self.headers_view.setReadOnly(True)
        self.headers_view.setFont(monospace_font())
        self.headers_view.setPlaceholderText(_("Pick a webhook on the left to see its headers and JSON."))
        self.body_view = QPlainTextEdit()
        self.body_view.setReadOnly(True)
        self.body_view.setFont(monospace_font())
        self.body_highlighter = JsonHighlighter(self.body_view.document())
        detail = QSplitter(Qt.Orientation.Vertical)
        detail.addWidget(self.headers_view)
        detail.addWidget(self.body_view)
        detail.setSizes([240, 460])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([380, 720])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(modes)
        layout.addWidget(self.status_label)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.poll)
        self.start_button.clicked.connect(self.toggle)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.address_edit.text()))
        self.mode_box.currentIndexChanged.connect(self._mode_changed)
        self.clear_button.clicked.connect(self.clear)
        self.list.currentRowChanged.connect(self._show_arrival)

    def toggle(self) -> None:
        if self.receiver is None:
            self.start()
        else:
            self.stop()

    def start(self) -> None:
        receiver = WebhookReceiver(port=self.port_box.value())
        try:
            receiver.start()
        except OSError:
            self.status_label.setText(_("Port {port} is taken by another program. Choose another port, or 0 for any free one.").format(port=self.port_box.value()))
            return
        receiver.set_mode(self.mode_box.currentData())
        self.receiver = receiver
        self.address_edit.setText(receiver.url)
        self.copy_button.setEnabled(True)
        self.port_box.setEnabled(False)
        self.start_button.setText(_("Stop receiving"))
        self.status_label.setText(_("Receiving at {url}. Waiting for webhooks…").format(url=receiver.url))
        self.timer.start()

    def stop(self) -> None:
        if self.receiver is None:
            return
        self.timer.stop()
        self.poll()
        self.receiver.stop()
        self.receiver = None
        self.copy_button.setEnabled(False)
        self.port_box.setEnabled(True)
        self.start_button.setText(_("Start receiving"))
        self.status_label.setText(_("Stopped. Webhooks sent to this address now fail to arrive."))

    def _mode_changed(self) -> None:
        if self.receiver is not None:
            self.receiver.set_mode(self.mode_box.currentData())

    def poll(self) -> None:
        if self.receiver is None:
            return
        new = self.receiver.arrivals(after=self.seen)
        for arrival in new:
            self.seen = arrival.number
            self.arrivals.append(arrival)
            stamp = time.strftime("%H:%M:%S", time.localtime(arrival.time))
            item = QListWidgetItem(_("{time}  {wh_type}  → answered {status}").format(
                time=stamp, wh_type=arrival.wh_type or _("(no wh_type)"), status=arrival.answered))
            if arrival.answered != 200:
                item.setForeground(QColor("#cf222e"))
            self.list.addItem(item)
        # Bounded like the receiver: what it let go (the oldest first) goes here too.
        oldest = self.receiver.oldest_kept()
        while self.arrivals and self.arrivals[0].number < oldest:
            self.arrivals.pop(0)
            self.list.takeItem(0)
        if new:
            status = _("Receiving at {url}. Webhooks so far: {count}.").format(url=self.receiver.url, count=self.seen)
            if self.receiver.dropped:
                status += " " + _("The oldest {dropped} were let go to save memory.").format(dropped=self.receiver.dropped)
            self.status_label.setText(status)
            if self.list.currentRow() < 0 or self.list.currentRow() == self.list.count() - len(new) - 1:
                self.list.setCurrentRow(self.list.count() - 1)  # follow the newest unless the agent picked an older one

    def clear(self) -> None:
        self.list.clear()
        self.arrivals.clear()
        self.headers_view.clear()
        self.body_view.clear()

    def _show_arrival(self, row: int) -> None:
        if not 0 <= row < len(self.arrivals):
            self.headers_view.clear()
            self.body_view.clear()
            return
        arrival = self.arrivals[row]
        self.headers_view.setPlainText("\n".join([f"{arrival.method} {arrival.path}"] + [f"{name}: {value}" for name, value in arrival.headers]))
        if arrival.note == "too-large":
            body = _("The webhook was too large to keep; it was answered 413 and not read.")
        elif arrival.payload is not None:
            body = json.dumps(arrival.payload, ensure_ascii=False, indent=2)
        elif arrival.note == "not-json":
            body = _("This body is not JSON; the Wappi service always sends JSON.") + "\n\n" + arrival.body
        else:
            body = arrival.body
        self.body_view.setPlainText(body)


class WebhooksTab(QWidget):
    """Both halves in sub-tabs; `save_requested(Request)` asks the window to save the sample in a collection.

    The halves are built when the page is first shown (or first used): most sessions never open it, and
    building it costs the window's first paint ~45 ms.
    """

    save_requested = Signal(object)  # Request
    reply_requested = Signal(object)  # WebhookCheck

    def __init__(self, timeout: float = 10.0, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Webhooks"))
        self.timeout = timeout
        self._check_panel: CheckPanel | None = None
        self._receive_panel: ReceivePanel | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def _build(self) -> None:
        if self._check_panel is not None:
            return
        self._check_panel = CheckPanel(self.timeout)
        self._receive_panel = ReceivePanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._check_panel, _("Check a URL"))
        self.tabs.addTab(self._receive_panel, _("Receive"))
        self._layout.addWidget(self.tabs)
        self._check_panel.save_requested.connect(self.save_requested)
        self._check_panel.reply_requested.connect(self.reply_requested)

    @property
    def check_panel(self) -> CheckPanel:
        self._build()
        return self._check_panel

    @property
    def receive_panel(self) -> ReceivePanel:
        self._build()
        return self._receive_panel

    def showEvent(self, event) -> None:
        self._build()
        super().showEvent(event)

    def shutdown(self) -> None:
        """Stop the receiver and drop a running check; call before the window closes."""
        if self._check_panel is None:
            return
        self._receive_panel.stop()
        if self._check_panel.task is not None:
            self._check_panel.task.cancel()
