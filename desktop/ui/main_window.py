"""The main window: URL, method, headers and body panels on the left, the server's answer on the right."""
from __future__ import annotations

import threading
from collections.abc import Callable

import httpx
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
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
from desktop.core.collection import Item
from desktop.core.errors import SendError
from desktop.core.models import Request, split_url, join_url
from desktop.core.sender import prepare, send
from desktop.core.session import (
    ENVIRONMENT,
    FINDINGS,
    NOWHERE,
    OPENED,
    SANDBOX_REPEAT,
    SANDBOX_STAND_INS,
    Session,
    client_request_name,
    sandbox_address,
    server_of,
    server_words,
    with_sandbox_credentials,
)
from desktop.core.settings import Settings
from desktop.core.secrets import bare_token, clean_token
from desktop.core.variables import Environment, resolve
from desktop.i18n import _, pick
from desktop.ui.body_editor import BodyEditor
from desktop.ui.clipboard_actions import ClipboardActions
from desktop.ui.collection_tree import CollectionTree
from desktop.ui.diagnosis_panel import DiagnosisPanel
from desktop.ui.lint_view import LintController
from desktop.ui.lint_view import attach as attach_linter
from desktop.ui.key_value_table import COMMON_HEADERS, KeyValueTable
from desktop.ui.lazy_page import LazyPage
from desktop.ui.request_options import RequestOptions
from desktop.ui.response_view import ResponseView
from desktop.ui.style import named
from desktop.ui.url_bar import UrlBar
from desktop.ui.workers import Task, run_task


class MainWindow(QMainWindow):
    """Composes the panels around one Session (core/session.py); panels write edits to it and render from it."""

    response_shown = Signal(object)   # Response or SendError, once the answer (or its absence) is on screen
    findings_shown = Signal()         # the findings on screen are those of the request on screen
    opened = Signal(object)           # another request is on screen: its collection Item, or None (pasted, history, new)
    edited = Signal()                 # the agent changed something in the panels (not debounced)
    language_requested = Signal(str)
    settings_changed = Signal()

    FINDINGS_DELAY_MS = 250

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
        # Asked before another request replaces the one on screen (save_flow answers: saved, discarded or kept).
        self.leave_guard: Callable[[], bool] = lambda: True
        self.sandbox_url = ""
        self.sandbox_credentials = ("", "")  # the sandbox's own profile_id and token (app.SandboxStart.attach)
        self.task: Task | None = None
        self.findings_task: Task | None = None
        self.cancel_event: threading.Event | None = None
        self._syncing = False
        self.session = Session()

        self.setWindowTitle(_("Wappi Desk"))
        self.resize(1280, 800)

        self.sidebar = CollectionTree()
        self.current_item: Item | None = None
        self.url_bar = UrlBar()
        self.repeat_button = QPushButton(_("Repeat in sandbox"))
        self.repeat_button.setObjectName("repeatInSandbox")
        self.repeat_button.setToolTip(_("Send the same path, query, headers, token and body to the built-in sandbox instead of wappi.pro"))
        self.repeat_button.clicked.connect(self.repeat_in_sandbox)
        self.description = QLabel()
        named(self.description, "requestDescription")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.hide()
        self.params = KeyValueTable()
        self.headers = KeyValueTable(COMMON_HEADERS)
        self.body = BodyEditor()
        self.body.max_file_bytes = settings.max_file_mb * 1024 * 1024
        # Live JSON checks under the editor come when the Body tab is first shown (_attach_linter).
        self.linter: LintController | None = None
        self.body.kind.currentIndexChanged.connect(self._body_kind_changed)
        self.request_tabs = QTabWidget()
        self.request_tabs.addTab(self.params, _("Query parameters"))
        self.request_tabs.addTab(self.headers, _("Headers"))
        self.request_tabs.addTab(self.body, _("Body"))
        self.request_tabs.currentChanged.connect(self._attach_linter)
        self.options = RequestOptions()
        self.request_tabs.addTab(self.options, self.options.title())
        self.options.edited.connect(self._options_edited)
        self.response_view = ResponseView(preview_limit_mb=settings.preview_limit_mb)

        # The address gets a row of its own across both sides, so the whole of it is readable.
        address_row = QWidget()
        address_layout = QHBoxLayout(address_row)
        address_layout.setContentsMargins(8, 8, 8, 0)
        address_layout.addWidget(self.url_bar, 1)
        address_layout.addWidget(self.repeat_button)

        request_side = QWidget()
        request_layout = QVBoxLayout(request_side)
        request_layout.setContentsMargins(8, 4, 4, 8)
        request_layout.addWidget(self.description)
        request_layout.addWidget(self.request_tabs, 1)
        response_side = QWidget()
        response_layout = QVBoxLayout(response_side)
        response_layout.setContentsMargins(4, 4, 8, 8)
        # Which server answered, and whether the answer is to the request on screen or to an earlier version.
        self.answer_origin = QLabel()
        self.answer_origin.setObjectName("answerOrigin")
        self.answer_origin.setWordWrap(True)
        self.answer_origin.hide()
        # "What is wrong" comes first: the agent's next step is there, the body is evidence.
        self.diagnosis = DiagnosisPanel()
        self.diagnosis.fix_requested.connect(self.apply_diagnosis_fix)
        self.diagnosis.reply_requested.connect(self.show_reply)
        self.response_split = QSplitter(Qt.Orientation.Vertical)
        self.response_split.setChildrenCollapsible(False)
        self.response_split.addWidget(self.diagnosis)
        self.response_split.addWidget(self.response_view)
        self.response_split.setStretchFactor(0, 0)
        self.response_split.setStretchFactor(1, 1)
        response_layout.addWidget(self.answer_origin)
        response_layout.addWidget(self.response_split, 1)

        work_split = QSplitter(Qt.Orientation.Horizontal)
        work_split.addWidget(request_side)
        work_split.addWidget(response_side)
        work_split.setSizes([480, 520])
        work_area = QWidget()
        work_layout = QVBoxLayout(work_area)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.setSpacing(0)
        work_layout.addWidget(address_row)
        work_layout.addWidget(work_split, 1)

        # The left column: saved requests, and whatever else the app adds (history) as tabs.
        self.side_tabs = QTabWidget()
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.sidebar, _("Saved"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(work_area)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 1000])
        # Webhooks are a job of their own (is the client's URL reachable? what arrives?), so they get a page.
        # It and Practice (the course's cases against a practice sandbox of its own) are made when first opened.
        self.webhooks_page = LazyPage(self._make_webhooks)
        self.practice_page = LazyPage(self._make_practice)
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.splitter, _("Requests"))
        self.pages.addTab(self.webhooks_page, _("Webhooks"))
        self.pages.addTab(self.practice_page, _("Practice"))
        self.setCentralWidget(self.pages)

        self._build_toolbar()
        self._build_menus()
        self.clipboard = ClipboardActions(self, self.open_client_request)
        self.clipboard.watch(self.url_bar.url)
        self.timeout_label = QLabel()
        self.statusBar().addPermanentWidget(self.timeout_label)
        self._show_timeout()

        # Edits reach the session after a short pause; findings are then computed off the GUI thread.
        self.edit_timer = QTimer(self)
        self.edit_timer.setSingleShot(True)
        self.edit_timer.setInterval(self.FINDINGS_DELAY_MS)
        self.edit_timer.timeout.connect(self.flush_edits)
        self.session.subscribe(self._session_changed)

        self.url_bar.send_clicked.connect(self.send)
        self.url_bar.cancel_clicked.connect(self.cancel)
        self.url_bar.url_edited.connect(self._url_edited)
        self.params.edited.connect(self._params_edited)
        self.url_bar.method_changed.connect(self._method_changed)
        self.sidebar.item_chosen.connect(self.choose_item)
        for signal in (self.url_bar.url.textChanged, self.url_bar.method_changed, self.params.edited, self.headers.edited,
                       self.body.edited, self.body.kind.currentIndexChanged):
            signal.connect(self._panels_edited)
        # The image, audio and video methods refuse a file of the wrong type: the editor needs the address.
        self.url_bar.url.textChanged.connect(self.body.set_address)
        self._body_kind_changed()
        self.session.set_environment(self.active_environment(), self.variable_values())

    # --- building -------------------------------------------------------------------------------

    @property
    def webhooks(self):
        """The Webhooks page (webhooks_tab.WebhooksTab), made on first use."""
        return self.webhooks_page.content()

    @property
    def practice(self):
        """The Practice page (practice_page.PracticePage), made on first use."""
        return self.practice_page.content()

    def _make_webhooks(self) -> QWidget:
        from desktop.ui.webhooks_tab import WebhooksTab

        page = WebhooksTab()
        page.save_requested.connect(self.open_webhook_sample)
        page.reply_requested.connect(self.show_webhook_reply)
        return page

    def _make_practice(self) -> QWidget:
        from desktop.ui.practice_page import PracticePage

        return PracticePage()

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
        """Put a request in the panels (the session hears of it as an edit, at once)."""
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
        self.options.load_model(request)
        self._options_edited()
        self._syncing = False
        self.flush_edits()

    def to_model(self) -> Request:
        base, _ignored = split_url(self.url_bar.url.text())
        return Request(
            method=self.url_bar.method.currentText(),
            url=base,
            params=self.params.to_model(),
            headers=self.headers.to_model(),
            body=self.body.to_model(),
            **self.options.to_model(),
        )

    def _options_edited(self) -> None:
        self.request_tabs.setTabText(self.request_tabs.indexOf(self.options), self.options.title())
        self._panels_edited()

    def _panels_edited(self, *_args) -> None:
        self.edited.emit()
        if not self._syncing:
            self.edit_timer.start()

    def flush_edits(self) -> None:
        """Hand what the panels show to the session now (before a send, a fix, a copy)."""
        self.edit_timer.stop()
        request = self.to_model()
        request.name = self.session.name
        self.session.edit(request)

    def _show_request(self, request: Request, item: Item | None, name: str, rules=None) -> None:
        """Another request on screen: the session forgets everything about the previous one first."""
        self.current_item = item
        self.session.open(request, name, rules)
        self.load_model(request)
        text = pick(item.meta.get("description")) if item is not None else ""
        self.description.setText(text)
        self.description.setVisible(bool(text))
        self.request_tabs.setCurrentWidget(self.body if request.body.kind != "none" else self.params)
        self.pages.setCurrentWidget(self.splitter)
        if item is None:
            self.sidebar.forget_choice()
        self.opened.emit(item)

    def choose_item(self, item: Item) -> None:
        """A click in the sidebar: unsaved work is asked about first; the open, unchanged request stays as it is."""
        if self.current_item is not None and item.path == self.current_item.path and not self._changed_since_open(item):
            return
        if self.leave_guard():
            self.open_item(item)

    def _changed_since_open(self, item: Item) -> bool:
        opened = item.request.copy()
        opened.set_full_url(opened.full_url())
        opened.name = ""
        return opened.to_dict(embed=False) != self.to_model().to_dict(embed=False)

    def open_item(self, item: Item) -> None:
        """Load a request from the sidebar, with its description from the documentation."""
        self._show_request(item.request, item, item.request.name, item.meta.get("rules"))
        self.sidebar.reveal(item.path)

    def open_request(self, request: Request, name: str = "") -> None:
        """A request with no file (history, a pasted one, a webhook sample): new until saved."""
        request = request.copy()
        request.name = name or request.name or _("New request")
        self._show_request(request, None, request.name)

    def open_client_request(self, request: Request) -> bool:
        """A client's pasted request opens as a new request of its own; unsaved work is asked about first."""
        if not self.leave_guard():
            return False
        self.open_request(request, client_request_name())
        self.request_tabs.setCurrentWidget(self.body if request.body.kind != "none" else self.headers)
        return True

    def open_start_request(self) -> bool:
        """A fresh start: the documented profile-status request, selected in the tree, ready for the first Send."""
        item = self.sidebar.find_item(lambda i: i.request.method == "GET" and i.request.url.rstrip("/").endswith("/api/sync/get/status"))
        if item is None:
            return False
        self.open_item(item)
        return True

    # --- the session on screen ---------------------------------------------------------------------

    def _session_changed(self, what: str) -> None:
        if what == FINDINGS:
            self.diagnosis.set_findings(self.session.findings)
            self._fit_diagnosis()
            self.findings_shown.emit()
            return
        if what == OPENED:
            self.response_view.clear()
            self.diagnosis.show_checking()
        elif what == ENVIRONMENT and self.session.answer is None and self.task is None:
            self.response_view.clear()
        self._show_answer_origin()
        self._show_resolved_address()
        self._schedule_findings()

    def _schedule_findings(self) -> None:
        if self.findings_task is not None:
            self.findings_task.cancel()
        job = self.session.findings_job()
        self.findings_task = run_task(job.run, lambda found: self.session.set_findings(job.generation, found), self._findings_failed)

    def _findings_failed(self, exc: BaseException) -> None:
        # A checker bug must not leave the previous request's findings on screen, nor reach the agent as a traceback.
        self.diagnosis.set_findings([])
        self.statusBar().showMessage(_("The request could not be checked; it can still be sent."), 8000)

    def _fit_diagnosis(self) -> None:
        """Findings get the height they need, up to half the answer side; the body takes the rest."""
        total = sum(self.response_split.sizes()) or self.response_split.height()
        wanted = min(self.diagnosis.wanted_height(), max(total // 2, 160))
        self.response_split.setSizes([wanted, max(total - wanted, 100)])

    def _show_answer_origin(self) -> None:
        answer = self.session.answer
        if answer is None:
            self.answer_origin.hide()
            return
        if self.session.answer_is_current():
            text = _("Answer from {server}.").format(server=server_words(answer.server))
            style = "color: palette(text);"
        else:
            text = _("⚠ This answer is to an earlier version of the request (from {server}). Press «Send» to check the request as it is now.").format(server=server_words(answer.server))
            style = "color: #9a6700; font-weight: bold;"
        self.answer_origin.setText(text)
        self.answer_origin.setStyleSheet(f"QLabel#answerOrigin {{ {style} }}")
        self.answer_origin.show()

    def _show_resolved_address(self) -> None:
        resolved = self.session.resolved().full_url()
        self.url_bar.url.setToolTip(_("Sent to: {url}").format(url=resolved) if resolved else "")

    def apply_diagnosis_fix(self, finding) -> None:
        """«Fix»: the next send carries the change (or it says why it cannot); findings follow at once."""
        self.flush_edits()
        outcome = self.session.apply_fix(finding)
        if not outcome.applied:
            QMessageBox.information(self, _("Not fixed"), outcome.reason)
            return
        self.load_model(self.session.request)
        change = outcome.variable
        env = self.active_environment()
        if change is not None and env is not None:
            if outcome.needs_confirmation:
                asked = QMessageBox.question(
                    self, _("Change the stored token?"),
                    " ".join(outcome.changed) + "\n\n" + _("Replace the value stored for «{name}» in «{environment}»?").format(
                        name=change.name, environment=env.name),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
                if asked != QMessageBox.StandardButton.Yes or self.secret_setter is None:
                    self.statusBar().showMessage(_("Not changed: the stored value stays as it was."), 6000)
                    return
                self.secret_setter(env.name, change.name, change.value)
                self.session.store_value(change.name, change.value)
            else:
                env.set(change.name, change.value)
        self.statusBar().showMessage(" ".join(outcome.changed) + " " + _("Press «Send» to try again."), 8000)

    def show_reply(self) -> None:
        """«Reply to client»: an editable preview of the reply about the request on screen, then copy."""
        self.flush_edits()
        if not self.session.findings_ready:
            self.session.refresh()
        from desktop.ui.reply_preview import ReplyPreview  # a dialog: its module loads when first asked for

        ReplyPreview(self, self.session.reply(), self.session.name).exec()

    def snapshot(self) -> dict:
        """What a rebuilt window (language switch) needs to show the same request, page and answer."""
        self.flush_edits()
        state = self.session.snapshot()
        state.update(item=self.current_item, page=self.pages.currentIndex(), tab=self.request_tabs.currentIndex(),
                     description=self.description.text())
        return state

    def restore(self, state: dict) -> None:
        item = state["item"]
        # The same documented request, read in the new language (its name and description are localized).
        fresh = self.sidebar.find_item(lambda i: i.path == item.path) if item is not None else None
        if fresh is not None:
            state = dict(state, name=fresh.request.name if state["name"] == item.request.name else state["name"])
            item = fresh
        self.current_item = item
        self.load_model(state["request"])
        self.session.restore(state)
        self.description.setText(pick(item.meta.get("description")) if item else state["description"])
        self.description.setVisible(bool(self.description.text()))
        answer = self.session.answer
        if answer is not None:
            if answer.response is not None:
                self.response_view.show_response(answer.response)
            else:
                self.response_view.show_error(answer.result)
        self._show_answer_origin()
        self.pages.setCurrentIndex(state["page"])
        self.request_tabs.setCurrentIndex(state["tab"])

    def adopt(self, old: MainWindow, state: dict) -> None:
        """Take over what `old` showed (a language switch rebuilt the window)."""
        self.restore(state)
        if hasattr(self, "clients") and hasattr(old, "clients"):
            self.clients.session.take_over(old.clients.session)

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
            value = self._offer_clean_token(clean_token(text)[0])
            if ok and value:
                self.secret_setter(env.name, name, value)
                values[name] = value
        return values

    def _offer_clean_token(self, value: str) -> str:
        """A token typed with quotes, "Bearer " or spaces: say what is wrong and offer the clean one."""
        warnings = [w for w in clean_token(value)[1] if w.code != "empty"]
        clean = bare_token(value)
        if not warnings or clean == value:
            return value
        answer = QMessageBox.question(
            self,
            _("The token looks wrong"),
            "\n".join(w.message for w in warnings) + "\n\n" + _("Use the clean token instead?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return clean if answer == QMessageBox.StandardButton.Yes else value

    def add_sandbox_log(self, sandbox) -> None:
        from desktop.ui.sandbox_log import SandboxLog

        self.sandbox_url = sandbox.base_url
        action = QAction(_("What the sandbox received…"), self)
        action.triggered.connect(lambda: SandboxLog(sandbox, self).show())
        self.request_menu.addAction(action)
        self.sandbox_log_action = action

    def sandbox_failed(self, words: str) -> None:
        """The built-in sandbox could not start: «Repeat in sandbox» says so instead of sending nowhere."""
        self.sandbox_url = ""
        self.statusBar().showMessage(words)

    def add_side_tab(self, widget: QWidget, title: str) -> None:
        """Another tab in the left column (the clients' history)."""
        self.side_tabs.addTab(widget, title)

    def current_rules(self):
        return self.session.rules

    def _attach_linter(self) -> None:
        """Live JSON checks under the body editor, with the endpoint's field rules when the request came from a
        collection; made when the Body tab is first shown: a window opened on a GET never pays for them."""
        if self.linter is not None or self.request_tabs.currentWidget() is not self.body:
            return
        self.linter = attach_linter(self.body.editor, self.current_rules)
        self.linter.panel.list.setMaximumHeight(140)
        self.body.layout().addWidget(self.linter.panel)
        self.body.editor_row.insertWidget(0, self.linter.margin)
        self._body_kind_changed()

    def _body_kind_changed(self) -> None:
        if self.linter is not None:
            self.linter.panel.setVisible(self.body.kind.currentData() == "json")

    def _confirm_broken_request(self) -> bool:
        """Agents reproduce broken requests on purpose: real mistakes are named once, and the agent may send anyway."""
        problems = self.session.blocking_findings()
        if not problems:
            return True
        listed = "\n".join(f"• {p.title}" for p in problems[:8])
        more = _("…and {n} more.").format(n=len(problems) - 8) if len(problems) > 8 else ""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("The request has mistakes"))
        box.setText(_("The server will most likely refuse the request because of these mistakes:"))
        box.setInformativeText(f"{listed}\n{more}".strip())
        send_anyway = box.addButton(_("Send anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is send_anyway

    def show_webhook_reply(self, check) -> None:
        """«Reply to client» on the Webhooks page: an editable message about the client's webhook address."""
        from desktop.ui.reply_preview import ReplyPreview

        about = _("About the check of the webhook address {url}. Read it, change it if needed, then copy it into the "
                  "chat with the client.").format(url=check.url)
        ReplyPreview(self, self.session.webhook_reply(check), "", about=about).exec()

    def open_webhook_sample(self, request: Request) -> None:
        """A webhook sample becomes an ordinary request in the panels, ready to send or save."""
        if self.leave_guard():
            self.open_request(request)
            self.request_tabs.setCurrentWidget(self.body)

    def closeEvent(self, event) -> None:
        # A check still running must not report to a window that is going away.
        if self.findings_task is not None:
            self.findings_task.cancel()
        self.edit_timer.stop()
        if self.webhooks_page.built:
            self.webhooks.shutdown()
        super().closeEvent(event)

    def _url_edited(self, text: str) -> None:
        if self._syncing:
            return
        self._syncing = True
        request = Request(params=self.params.to_model())
        request.set_full_url(text)
        self.params.load_model(request.params)
        self._syncing = False
        self._panels_edited()  # the query moved into the table after the text change was reported

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
        self.environment_reloaded()

    def environment_reloaded(self) -> None:
        """The active environment or its values changed: the session recomputes what depends on them."""
        self.session.set_environment(self.active_environment(), self.variable_values())

    def variable_values(self) -> dict[str, str]:
        env = self.active_environment()
        return env.values(self.secret_lookup) if env else {}

    # --- sending -------------------------------------------------------------------------------

    def send(self) -> None:
        self._send(None)

    def repeat_in_sandbox(self) -> None:
        """The client's request exactly as it is, to the built-in sandbox instead of wappi.pro."""
        if not self.sandbox_url:
            QMessageBox.information(self, _("No sandbox"), _("The built-in sandbox is not running, so the request cannot be repeated there."))
            return
        self._send(self.sandbox_url)

    def _send(self, server_url: str | None) -> None:
        if self.task is not None:
            return
        self.flush_edits()
        request = self.session.request.copy()
        on_screen = request.copy()
        values = self._ask_missing_secrets(request, self.variable_values())
        if values != self.session.values:
            self.session.set_environment(self.active_environment(), values)
        try:
            prepared = prepare(request, values)
        except SendError as error:
            self._show_error(error, on_screen, "")
            return
        if not self._confirm_broken_request():
            return
        if server_url is not None:
            request, _ignored = resolve(request, values)
            request.url = sandbox_address(request.url, server_url)
            request, stood_in = with_sandbox_credentials(request, *self.sandbox_credentials)
            prepared = prepare(request, values)
            server = SANDBOX_STAND_INS if stood_in else SANDBOX_REPEAT
        else:
            server = server_of(prepared.url, self.sandbox_url)
        timeout = self.settings.timeout_s
        max_body = self.settings.max_body_mb * 1024 * 1024
        cancel = threading.Event()
        self.cancel_event = cancel
        env = self.active_environment()
        secrets = env.secret_values(values) if env else []
        self.url_bar.set_busy(True)
        self.repeat_button.setEnabled(False)
        self.send_action.setEnabled(False)
        self.cancel_action.setEnabled(True)
        self.response_view.show_waiting(timeout)
        self.task = run_task(
            lambda: send(request, self.client, values, timeout=timeout, max_body=max_body, cancel=cancel, secrets=secrets),
            lambda response: self._show_response(response, on_screen, server),
            lambda exc: self._show_failure(exc, on_screen, server, prepared.url),
        )

    def cancel(self) -> None:
        if self.task is None:
            return
        # The worker may sit in a blocking connect; its late result is dropped, the window is free at once.
        self.task.cancel()
        if self.cancel_event is not None:
            self.cancel_event.set()
        self._show_error(errors.cancelled(), self.session.request, "")

    def _finish(self) -> None:
        self.task = None
        self.cancel_event = None
        self.url_bar.set_busy(False)
        self.repeat_button.setEnabled(True)
        self.send_action.setEnabled(True)
        self.cancel_action.setEnabled(False)

    def _show_response(self, response, sent: Request, server: str) -> None:
        self._finish()
        self.response_view.show_response(response)
        self.session.record_answer(sent, response, server)
        self.response_shown.emit(response)

    def _show_failure(self, exc: BaseException, sent: Request, server: str, url: str) -> None:
        self._show_error(errors.from_exception(exc, url, self.settings.timeout_s), sent, server)

    def _show_error(self, error: SendError, sent: Request, server: str) -> None:
        self._finish()
        self.response_view.show_error(error)
        self.session.record_answer(sent, error, server or NOWHERE)
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

