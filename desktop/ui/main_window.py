"""The main window: URL, method, headers and body panels on the left, the server's answer on the right."""
from __future__ import annotations

import threading
from collections.abc import Callable

import httpx
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core import jsonlint
from desktop.core.collection import Item
from desktop.core.requestlint import lint_request
from desktop.core.errors import SendError
from desktop.core.models import Request, split_url, join_url
from desktop.core.sender import prepare, send
from desktop.core.settings import Settings
from desktop.core.secrets import clean_token
from desktop.core.variables import Environment, resolve
from desktop.i18n import _, pick
from desktop.ui.body_editor import BodyEditor
from desktop.core.diagnose import apply_fix, diagnose
from desktop.ui.clipboard_actions import ClipboardActions
from desktop.ui.collection_tree import CollectionTree
from desktop.ui.diagnosis_panel import DiagnosisPanel
from desktop.ui.lint_view import attach as attach_linter
from desktop.ui.key_value_table import COMMON_HEADERS, KeyValueTable
from desktop.ui.practice_page import PracticePage
from desktop.ui.response_view import ResponseView
from desktop.ui.url_bar import UrlBar
from desktop.ui.webhooks_tab import WebhooksTab
from desktop.ui.workers import Task, run_task


class MainWindow(QMainWindow):
    """Builds a Request from the four panels and shows what came back; all deciding happens in the core."""

    response_shown = Signal(object)   # Response or SendError, once the answer (or its absence) is on screen
    language_requested = Signal(str)
    settings_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        client: httpx.Client,
        environments: list[Environment] | None = None,
        secret_lookup: Callable[[str, str], str | None] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.settings = settings
        self.client = client
        self.environments = environments or []
        self.secret_lookup = secret_lookup
        self.desk = None  # the DeskApp that made this window (app.py), kept alive with it
        # Where a secret typed at send time is kept (the keyring); None: nowhere, so the agent is not asked.
        self.secret_setter: Callable[[str, str, str], None] | None = None
        self.task: Task | None = None
        self.cancel_event: threading.Event | None = None
        self._syncing = False

        self.setWindowTitle(_("Wappi Desk"))
        self.resize(1280, 800)

        self.sidebar = CollectionTree()
        self.current_item: Item | None = None
        self.url_bar = UrlBar()
        self.description = QLabel()
        self.description.setObjectName("requestDescription")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.hide()
        self.params = KeyValueTable()
        self.headers = KeyValueTable(COMMON_HEADERS)
        self.body = BodyEditor()
        self.body.max_file_bytes = settings.max_file_mb * 1024 * 1024
        # Live JSON checks under the editor, with the endpoint's field rules when the request came from a collection.
        self.linter = attach_linter(self.body.editor, self.current_rules)
        self.linter.panel.list.setMaximumHeight(140)
        self.body.layout().addWidget(self.linter.panel)
        self.body.editor_row.insertWidget(0, self.linter.margin)
        self.body.kind.currentIndexChanged.connect(self._body_kind_changed)
        self.request_warnings = QLabel()
        self.request_warnings.setObjectName("requestWarnings")
        self.request_warnings.setWordWrap(True)
        self.request_warnings.hide()
        self.request_tabs = QTabWidget()
        self.request_tabs.addTab(self.params, _("Query parameters"))
        self.request_tabs.addTab(self.headers, _("Headers"))
        self.request_tabs.addTab(self.body, _("Body"))
        self.response_view = ResponseView(preview_limit_mb=settings.preview_limit_mb)

        request_side = QWidget()
        request_layout = QVBoxLayout(request_side)
        request_layout.setContentsMargins(8, 8, 4, 8)
        request_layout.addWidget(self.url_bar)
        request_layout.addWidget(self.description)
        request_layout.addWidget(self.request_warnings)
        request_layout.addWidget(self.request_tabs, 1)
        response_side = QWidget()
        response_layout = QVBoxLayout(response_side)
        response_layout.setContentsMargins(4, 8, 8, 8)
        # The course's troubleshooting as findings beside the answer, in words the agent can forward.
        self.diagnosis = DiagnosisPanel()
        self.diagnosis.fix_requested.connect(self.apply_diagnosis_fix)
        response_split = QSplitter(Qt.Orientation.Vertical)
        response_split.addWidget(self.response_view)
        response_split.addWidget(self.diagnosis)
        response_split.setStretchFactor(0, 3)
        response_split.setStretchFactor(1, 1)
        response_layout.addWidget(response_split)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(request_side)
        self.splitter.addWidget(response_side)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([300, 520, 460])
        # Webhooks are a job of their own (is the client's URL reachable? what arrives?), so they get a page.
        self.webhooks = WebhooksTab()
        self.webhooks.save_requested.connect(self.open_webhook_sample)
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.splitter, _("Requests"))
        self.pages.addTab(self.webhooks, _("Webhooks"))
        self.practice = PracticePage()  # the course's cases against a practice sandbox of its own
        self.pages.addTab(self.practice, _("Practice"))
        self.setCentralWidget(self.pages)

        self._build_toolbar()
        self._build_menus()
        self.clipboard = ClipboardActions(self)
        self.last_sent: Request | None = None
        self.response_shown.connect(self._diagnose)
        self.timeout_label = QLabel()
        self.statusBar().addPermanentWidget(self.timeout_label)
        self._show_timeout()

        self.url_bar.send_clicked.connect(self.send)
        self.url_bar.cancel_clicked.connect(self.cancel)
        self.url_bar.url_edited.connect(self._url_edited)
        self.params.edited.connect(self._params_edited)
        self.url_bar.method_changed.connect(self._method_changed)
        self.sidebar.item_chosen.connect(self.open_item)
        for signal in (self.url_bar.url.textChanged, self.headers.edited, self.body.kind.currentIndexChanged):
            signal.connect(self._check_request)
        # The image, audio and video methods refuse a file of the wrong type: the editor needs the address.
        self.url_bar.url.textChanged.connect(self.body.set_address)
        self._body_kind_changed()

    # --- building -------------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar(_("Environment"))
        bar.setObjectName("environmentBar")
        bar.setMovable(False)
        bar.addWidget(QLabel(_("Environment:") + " "))
        self.environment_box = QComboBox()
        self.environment_box.setObjectName("environmentBox")
        self.environment_box.setToolTip(_("Where requests go and which profile_id and token fill {{variables}}"))
        for env in self.environments:
            self.environment_box.addItem(env.name)
        if not self.environments:
            self.environment_box.addItem(_("No environment"))
        index = self.environment_box.findText(self.settings.active_environment)
        if index >= 0:
            self.environment_box.setCurrentIndex(index)
        self.environment_box.currentTextChanged.connect(self._environment_changed)
        bar.addWidget(self.environment_box)
        self.addToolBar(bar)

    def _build_menus(self) -> None:
        request_menu = self.menuBar().addMenu(_("&Request"))
        self.request_menu = request_menu
        self.send_action = QAction(_("Send"), self)
        self.send_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.send_action.triggered.connect(self.send)
        self.cancel_action = QAction(_("Cancel"), self)
        self.cancel_action.setShortcut(QKeySequence("Esc"))
        self.cancel_action.triggered.connect(self.cancel)
        self.cancel_action.setEnabled(False)
        focus_url = QAction(_("Go to the address"), self)
        focus_url.setShortcut(QKeySequence("Ctrl+L"))
        focus_url.triggered.connect(lambda: (self.url_bar.url.setFocus(), self.url_bar.url.selectAll()))
        request_menu.addActions([self.send_action, self.cancel_action, focus_url])
        request_menu.addSeparator()
        quit_action = QAction(_("Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        request_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(_("&Settings"))
        language_menu = settings_menu.addMenu(_("Language"))
        group = QActionGroup(self)
        for code, label in (("auto", _("As in the system")), ("ru", "Русский"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.settings.language == code)
            action.triggered.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
            group.addAction(action)
            language_menu.addAction(action)
        timeout_action = QAction(_("Timeout…"), self)
        timeout_action.triggered.connect(self._ask_timeout)
        settings_menu.addAction(timeout_action)
        self.settings_menu = settings_menu

        help_menu = self.menuBar().addMenu(_("&Help"))
        about = QAction(_("About Wappi Desk"), self)
        about.triggered.connect(
            lambda: QMessageBox.about(
                self,
                _("About Wappi Desk"),
                _("Wappi Desk helps support agents rebuild a client's request to the Wappi API, send it and understand the answer."),
            )
        )
        help_menu.addAction(about)
        self.help_menu = help_menu

    # --- model <-> screen ----------------------------------------------------------------------

    def load_model(self, request: Request) -> None:
        # A pasted or imported URL may still carry its query: the table is the one truth for it.
        request = request.copy()
        request.set_full_url(request.full_url())
        self._syncing = True
        index = self.url_bar.method.findText(request.method)
        if index < 0:
            self.url_bar.method.addItem(request.method)
            index = self.url_bar.method.findText(request.method)
        self.url_bar.method.setCurrentIndex(index)
        self.url_bar.url.setText(request.full_url())
        self.params.load_model(request.params)
        self.headers.load_model(request.headers)
        self.body.load_model(request.body)
        self._syncing = False

    def open_item(self, item: Item) -> None:
        """Load a request from the sidebar, with its description from the documentation."""
        self.current_item = item
        self.load_model(item.request)
        text = pick(item.meta.get("description"))
        self.description.setText(text)
        self.description.setVisible(bool(text))
        self.request_tabs.setCurrentWidget(self.body if item.request.body.kind != "none" else self.params)
        self.response_view.clear()

    def _ask_missing_secrets(self, request: Request, values: dict[str, str]) -> dict[str, str]:
        """A secret the request needs but this computer lacks (a collection moved here, a new client) is asked for by name."""
        env = self.active_environment()
        if env is None or self.secret_setter is None:
            return values
        for name in resolve(request, values)[1]:
            variable = env.get(name)
            if variable is None or not variable.secret:
                continue
            text, ok = QInputDialog.getText(
                self,
                _("A secret is needed"),
                _("«{name}» of «{environment}» is not stored on this computer. Enter it; it is kept in the system's password store.").format(
                    name=name, environment=env.name
                ),
                QLineEdit.EchoMode.Password,
            )
            value, _warnings = clean_token(text)
            if ok and value:
                self.secret_setter(env.name, name, value)
                values[name] = value
        return values

    def add_sandbox_log(self, sandbox) -> None:
        from desktop.ui.sandbox_log import SandboxLog

        action = QAction(_("What the sandbox received…"), self)
        action.triggered.connect(lambda: SandboxLog(sandbox, self).show())
        self.request_menu.addAction(action)
        self.sandbox_log_action = action

    def current_rules(self):
        return self.current_item.meta.get("rules") if self.current_item is not None else None

    def _body_kind_changed(self) -> None:
        self.linter.panel.setVisible(self.body.kind.currentData() == "json")

    def _check_request(self) -> None:
        """The course's URL and header mistakes (http://, no Content-Type, a quoted token), said under the URL."""
        problems = lint_request(self.to_model())
        self.request_warnings.setText("\n".join("⚠ " + p.message for p in problems))
        self.request_warnings.setVisible(bool(problems))

    def _confirm_broken_request(self, request: Request) -> bool:
        """Agents reproduce broken requests on purpose: warn that the server will answer 400, and let them send."""
        problems = [p for p in lint_request(request) if p.severity == jsonlint.ERROR]
        if request.body.kind == "json" and len(request.body.text) <= 5 * 1024 * 1024:
            problems += [p for p in jsonlint.lint(request.body.text, self.current_rules()) if p.severity == jsonlint.ERROR]
        if not problems:
            return True
        listed = "\n".join(f"• {p.message}" for p in problems[:8])
        more = _("…and {n} more.").format(n=len(problems) - 8) if len(problems) > 8 else ""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("The request has mistakes"))
        box.setText(_("The server will most likely answer 400 Bad Request because of these mistakes:"))
        box.setInformativeText(f"{listed}\n{more}".strip())
        send_anyway = box.addButton(_("Send anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is send_anyway

    def _diagnose(self, result) -> None:
        """Findings for what was just sent and what came back (or why nothing came back)."""
        request = self.last_sent or self.to_model()
        self.last_sent = None
        response = None if isinstance(result, SendError) else result
        error = result if isinstance(result, SendError) and result.code != "cancelled" else None
        self.diagnosis.set_findings(diagnose(request, response, error=error, rules=self.current_rules()))

    def apply_diagnosis_fix(self, fix_id: str) -> None:
        self.load_model(apply_fix(self.to_model(), fix_id))
        self.statusBar().showMessage(_("Fixed. Press «Send» to try again."), 6000)

    def open_webhook_sample(self, request: Request) -> None:
        """A webhook sample becomes an ordinary request in the panels, ready to send or save."""
        self.current_item = None
        self.load_model(request)
        self.description.hide()
        self.pages.setCurrentWidget(self.splitter)
        self.request_tabs.setCurrentWidget(self.body)

    def closeEvent(self, event) -> None:
        self.webhooks.shutdown()
        super().closeEvent(event)

    def to_model(self) -> Request:
        base, _ignored = split_url(self.url_bar.url.text())
        return Request(
            method=self.url_bar.method.currentText(),
            url=base,
            params=self.params.to_model(),
            headers=self.headers.to_model(),
            body=self.body.to_model(),
        )

    def _url_edited(self, text: str) -> None:
        if self._syncing:
            return
        self._syncing = True
        request = Request(params=self.params.to_model())
        request.set_full_url(text)
        self.params.load_model(request.params)
        self._syncing = False

    def _params_edited(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        base, _ignored = split_url(self.url_bar.url.text())
        self.url_bar.url.setText(join_url(base, self.params.to_model()))
        self._syncing = False

    def _method_changed(self, method: str) -> None:
        # A GET usually has no body; switching to POST shows where the JSON goes.
        if method in ("POST", "PUT", "PATCH") and self.request_tabs.currentWidget() is self.params:
            if self.body.to_model().kind != "none":
                self.request_tabs.setCurrentWidget(self.body)

    # --- environment ---------------------------------------------------------------------------

    def active_environment(self) -> Environment | None:
        name = self.environment_box.currentText()
        for env in self.environments:
            if env.name == name:
                return env
        return None

    def _environment_changed(self, name: str) -> None:
        if any(env.name == name for env in self.environments):
            self.settings.active_environment = name
            self.settings_changed.emit()

    def variable_values(self) -> dict[str, str]:
        env = self.active_environment()
        return env.values(self.secret_lookup) if env else {}

    # --- sending -------------------------------------------------------------------------------

    def send(self) -> None:
        if self.task is not None:
            return
        request = self.to_model()
        values = self._ask_missing_secrets(request, self.variable_values())
        try:
            prepare(request, values)
        except SendError as error:
            self._show_error(error)
            return
        if not self._confirm_broken_request(request):
            return
        self.last_sent = prepare(request, values)
        timeout = self.settings.timeout_s
        max_body = self.settings.max_body_mb * 1024 * 1024
        cancel = threading.Event()
        self.cancel_event = cancel
        env = self.active_environment()
        secrets = env.secret_values(values) if env else []
        self.url_bar.set_busy(True)
        self.send_action.setEnabled(False)
        self.cancel_action.setEnabled(True)
        self.response_view.show_waiting(timeout)
        self.task = run_task(
            lambda: send(request, self.client, values, timeout=timeout, max_body=max_body, cancel=cancel, secrets=secrets),
            self._show_response,
            self._show_failure,
        )

    def cancel(self) -> None:
        if self.task is None:
            return
        # The worker may sit in a blocking connect; its late result is dropped, the window is free at once.
        self.task.cancel()
        if self.cancel_event is not None:
            self.cancel_event.set()
        self._show_error(errors.cancelled())

    def _finish(self) -> None:
        self.task = None
        self.cancel_event = None
        self.url_bar.set_busy(False)
        self.send_action.setEnabled(True)
        self.cancel_action.setEnabled(False)

    def _show_response(self, response) -> None:
        self._finish()
        self.response_view.show_response(response)
        self.response_shown.emit(response)

    def _show_failure(self, exc: BaseException) -> None:
        self._show_error(errors.from_exception(exc, self.url_bar.url.text(), self.settings.timeout_s))

    def _show_error(self, error: SendError) -> None:
        self._finish()
        self.response_view.show_error(error)
        self.response_shown.emit(error)

    # --- settings ------------------------------------------------------------------------------

    def _show_timeout(self) -> None:
        self.timeout_label.setText(_("Timeout: {seconds} s").format(seconds=f"{self.settings.timeout_s:g}"))

    def _ask_timeout(self) -> None:
        value, ok = QInputDialog.getInt(
            self, _("Timeout"), _("Give up waiting for an answer after (seconds):"), int(self.settings.timeout_s), 1, 600
        )
        if ok:
            self.settings.timeout_s = float(value)
            self._show_timeout()
            self.settings_changed.emit()
