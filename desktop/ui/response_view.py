"""The response panel: status badge, then the body (pretty, raw, tree, picture), headers, cookies, what was sent, timing."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.atomicfile import write_atomic
from desktop.core.bodyformat import (
    BodyKind,
    charset,
    classify,
    hex_preview,
    parse_set_cookies,
    reindent,
    search_pattern,
    wrapped_starts,
)
from desktop.core.attachments import find_image
from desktop.core.errors import SendError
from desktop.core.sizes import human_size
from desktop.core.models import Response
from desktop.core.settings import Settings
from desktop.core.statuses import meaning, status_class
from desktop.i18n import _
from desktop.ui.image_preview import ImagePreview, read_image
from desktop.ui.json_tree import JsonTreeModel
from desktop.ui.line_view import LineView
from desktop.ui.sent_view import SentView
from desktop.ui.style import named
from desktop.ui.timing_chart import TimingChart
from desktop.ui.workers import Task, run_task

BADGE_COLOURS = {
    "success": "#1a7f37",
    "redirect": "#0969da",
    "client-error": "#bf4b00",
    "server-error": "#cf222e",
    "info": "#57606a",
    "error": "#cf222e",
    "waiting": "#57606a",
}
# Up to this size a body is laid out on the GUI thread at once (a few milliseconds); larger ones on a worker.
SYNC_LIMIT = 64 * 1024


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))


# A picture found inside an answer is decoded at most this many pixels on a side: a 20 MB photo never becomes a huge bitmap.
PICTURE_BOX = 2048


class ResponseView(QWidget):
    body_ready = Signal()  # the body view shows all it is going to show (the pretty layout of a big body is done)

    def __init__(self, parent=None, preview_limit_mb: float | None = None):
        super().__init__(parent)
        limit = Settings().preview_limit_mb if preview_limit_mb is None else preview_limit_mb
        self.preview_limit = int(limit * 1024 * 1024)
        self.badge = QLabel()
        self.badge.setObjectName("statusBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setMinimumWidth(90)
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        self.meaning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stats = QLabel()
        named(self.stats, "responseStats")
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(self.meaning, 1)
        top.addWidget(self.stats)

        self.error = QLabel()
        named(self.error, "sendError")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setMargin(12)
        self.placeholder = QLabel(_("Press «Send» (Ctrl+Enter) and the server's answer appears here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        named(self.placeholder, "placeholder")
        self.stack = QStackedWidget()
        for widget in (self.placeholder, self.error):
            self.stack.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.response: Response | None = None
        self.kind = BodyKind("empty")
        self.show_all = False
        self.tasks: list[Task] = []
        self.loading = False
        self.tree_model: JsonTreeModel | None = None
        self.picture_task: Task | None = None
        self._built = False
        self.clear()

    def __getattr__(self, name: str):
        # The answer's tabs are built at the first answer (or first look at one of their parts): until then only the
        # placeholder shows, and building them would cost the window's first paint ~40 ms.
        if name.startswith("_") or self.__dict__.get("_built", True):
            raise AttributeError(name)
        self._build_tabs()
        return getattr(self, name)

    def _build_tabs(self) -> None:
        self._built = True
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_body_page(), _("Body"))
        self.headers = _table([_("Name"), _("Value")])
        self.header_search = QLineEdit()
        self.header_search.setPlaceholderText(_("Find a header…"))
        self.header_search.setClearButtonEnabled(True)
        self.header_search.textChanged.connect(self._filter_headers)
        headers_page = QWidget()
        headers_layout = QVBoxLayout(headers_page)
        headers_layout.addWidget(self.header_search)
        headers_layout.addWidget(self.headers, 1)
        self.tabs.addTab(headers_page, _("Headers"))
        self.cookies = _table([_("Name"), _("Value"), _("Details")])
        self.tabs.addTab(self.cookies, _("Cookies"))
        self.sent = SentView()
        self.tabs.addTab(self.sent, _("Request sent"))
        self.timing = TimingChart()
        self.tabs.addTab(self.timing, _("Timing"))

        self.stack.insertWidget(1, self.tabs)

    def _build_body_page(self) -> QWidget:
        self.mode_buttons = QButtonGroup(self)
        bar = QHBoxLayout()
        for mode, label in (("pretty", _("Pretty")), ("raw", _("Raw")), ("tree", _("Tree"))):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setProperty("mode", mode)
            self.mode_buttons.addButton(button)
            bar.addWidget(button)
        self.mode_buttons.buttons()[0].setChecked(True)
        self.mode_buttons.buttonClicked.connect(lambda _b: self._show_body())
        bar.addStretch(1)
        self.find_button = QToolButton()
        self.find_button.setText(_("Find"))
        self.find_button.setToolTip(_("Find in the body (Ctrl+F)"))
        self.find_button.clicked.connect(self.open_search)
        self.copy_button = QToolButton()
        self.copy_button.setText(_("Copy"))
        self.copy_button.setToolTip(_("Copy the selected value, or the whole body when nothing is selected"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QToolButton()
        self.save_button.setText(_("Save to file…"))
        self.save_button.setToolTip(_("Save the body exactly as it arrived"))
        self.save_button.clicked.connect(self.ask_save)
        for button in (self.find_button, self.copy_button, self.save_button):
            bar.addWidget(button)

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find in the body"))
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_timer = QTimer(self, singleShot=True, interval=250)
        self.search_timer.timeout.connect(self.run_search)
        self.match_label = QLabel()
        # A cut preview is searched as shown; this offers the rest of the answer.
        self.search_all_button = QToolButton()
        self.search_all_button.setText(_("Search the whole answer"))
        self.search_all_button.clicked.connect(self.show_everything)
        self.search_all_button.hide()
        previous = QToolButton()
        previous.setText(_("Previous"))
        previous.clicked.connect(self.find_previous)
        following = QToolButton()
        following.setText(_("Next"))
        following.clicked.connect(self.find_next)
        close = QToolButton()
        close.setText("×")
        close.setToolTip(_("Close the search"))
        close.clicked.connect(self.close_search)
        self.search_bar = QWidget()
        search_layout = QHBoxLayout(self.search_bar)
        search_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.match_label, self.search_all_button, previous, following, close):
            search_layout.addWidget(widget)
        self.search_bar.hide()
        QShortcut(QKeySequence.StandardKey.Find, self, self.open_search, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.FindPrevious, self, self.find_previous, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.note = QLabel()
        self.note.setWordWrap(True)
        named(self.note, "bodyNote")
        self.show_all_button = QPushButton(_("Show everything"))
        self.show_all_button.clicked.connect(self.show_everything)
        self.note_save_button = QPushButton(_("Save to file…"))
        self.note_save_button.clicked.connect(self.ask_save)
        self.note_row = QWidget()
        note_layout = QHBoxLayout(self.note_row)
        note_layout.setContentsMargins(0, 0, 0, 0)
        note_layout.addWidget(self.note, 1)
        note_layout.addWidget(self.show_all_button)
        note_layout.addWidget(self.note_save_button)
        self.note_row.hide()

        self.body = LineView()
        self.tree = QTreeView()
        self.tree.setUniformRowHeights(True)  # lets the view skip measuring every row of a huge array
        self.tree_message = QLabel()
        self.tree_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tree_message.setWordWrap(True)
        # One picture widget for the whole app (image_preview.py): an image answer shows here.
        self.picture = ImagePreview()
        picture_area = QScrollArea()
        picture_area.setWidget(self.picture)
        picture_area.setWidgetResizable(True)
        self.body_stack = QStackedWidget()
        for widget in (self.body, self.tree, self.tree_message, picture_area):
            self.body_stack.addWidget(widget)
        self.picture_area = picture_area
        # A JSON answer carrying a picture as base64 (the QR code, a downloaded photo) shows it above the JSON.
        self.embedded_picture = ImagePreview()
        self.embedded_picture.hide()
        self.body_split = QSplitter(Qt.Orientation.Vertical)
        self.body_split.setChildrenCollapsible(False)
        self.body_split.addWidget(self.embedded_picture)
        self.body_split.addWidget(self.body_stack)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.note_row)
        layout.addWidget(self.body_split, 1)
        return page

    # --- the interface the main window uses ------------------------------------------------------

    def _set_badge(self, text: str, kind: str) -> None:
        self.badge.setText(text)
        self.badge.setStyleSheet(
            f"QLabel#statusBadge {{ background: {BADGE_COLOURS[kind]}; color: white; border-radius: 4px;"
            " padding: 4px 10px; font-weight: bold; }"
        )
        self.badge.setVisible(bool(text))

    def clear(self) -> None:
        self._stop_tasks()
        self._stop_picture()
        self.response = None
        self._set_badge("", "info")
        self.meaning.setText("")
        self.stats.setText("")
        self.stack.setCurrentWidget(self.placeholder)

    def show_waiting(self, timeout: float) -> None:
        self._set_badge(_("Sending…"), "waiting")
        self.meaning.setText(_("Waiting for the server (gives up after {seconds} s).").format(seconds=f"{timeout:g}"))
        self.stats.setText("")

    def show_response(self, response: Response) -> None:
        self._stop_tasks()
        self.response = response
        self.show_all = False
        self.tree_model = None
        self._set_badge(f"{response.status} {response.reason}".strip(), status_class(response.status))
        self.meaning.setText(meaning(response.status))
        self.stats.setText(_("{ms} ms · {size}").format(ms=f"{response.elapsed_ms:.0f}", size=human_size(response.size)))
        self.kind = classify(response)
        _fill(self.headers, [(name, value) for name, value in response.headers])
        self._filter_headers(self.header_search.text())
        _fill(self.cookies, parse_set_cookies(response.headers))
        self.tabs.setTabText(2, _("Cookies ({n})").format(n=self.cookies.rowCount()))
        self.sent.load(response)
        self.timing.load(response.elapsed_ms, response.timings)
        self._show_embedded_picture(response)
        self.stack.setCurrentWidget(self.tabs)
        self._show_body()

    def _show_embedded_picture(self, response: Response) -> None:
        """Look for a picture inside a JSON answer; a big answer is searched and decoded on a worker."""
        self._stop_picture()
        self.embedded_picture.hide()
        if self.kind.kind != "json" or response.truncated:
            return
        body, content_type = response.body, response.content_type

        def find():
            found = find_image(body, content_type)
            return None if found is None else (found, *read_image(found.data, PICTURE_BOX))

        if len(body) <= SYNC_LIMIT:
            self._picture_found(find())
        else:
            self.picture_task = run_task(find, self._picture_found, lambda _exc: None)

    def _picture_found(self, result) -> None:
        self.picture_task = None
        if result is None:
            return
        found, image, full = result
        if not self.embedded_picture.show_decoded(found.data, image, full, found.where):
            return
        self.embedded_picture.show()
        height = max(self.body_split.height(), 400)
        # Enough for a QR code to scan from the screen; the JSON keeps the rest and the divider moves.
        self.body_split.setSizes([min(max(height // 2, 260), height - 120), max(height // 2, 120)])

    def _stop_picture(self) -> None:
        if self.picture_task is not None:
            self.picture_task.cancel()
            self.picture_task = None

    def show_error(self, error: SendError) -> None:
        self._stop_tasks()
        self._stop_picture()
        self.response = None
        self._set_badge(_("No answer") if error.code != "unresolved-variables" else _("Not sent"), "error")
        self.meaning.setText(error.message)
        self.stats.setText("")
        self.error.setText(f"<p><b>{_escape(error.message)}</b></p><p>{_escape(error.next_step)}</p>")
        self.stack.setCurrentWidget(self.error)

    # --- the body --------------------------------------------------------------------------------

    def mode(self) -> str:
        return self.mode_buttons.checkedButton().property("mode")

    def set_mode(self, mode: str) -> None:
        for button in self.mode_buttons.buttons():
            button.setChecked(button.property("mode") == mode)
        self._show_body()

    def _notes(self) -> list[str]:
        response = self.response
        notes = list(self.kind.notes)
        reasons = {
            "size": _("The answer was too large and was cut at {size}; the rest was not downloaded."),
            "time": _("The server kept sending for too long; the answer was cut at {size}."),
            "unpacked-size": _("The packed answer unpacks to more than {size}; it was cut there so memory cannot fill up."),
            "undecodable": _("The answer is packed ({encoding}) in a way the app cannot unpack; the bytes are shown as they arrived."),
        }
        if response.cut_reason in reasons:
            notes.append(
                reasons[response.cut_reason].format(size=human_size(response.size), encoding=response.header("content-encoding") or "")
            )
        elif response.truncated:
            notes.append(reasons["size"].format(size=human_size(response.size)))
        if self._previewing():
            notes.append(
                _("This answer is {size}; only the first {limit} are shown so the window stays quick.").format(
                    size=human_size(response.size), limit=human_size(self.preview_limit)
                )
            )
        return notes

    def _previewing(self) -> bool:
        return self.response is not None and len(self.response.body) > self.preview_limit and not self.show_all

    def _shown_bytes(self) -> bytes:
        body = self.response.body
        return body[: self.preview_limit] if self._previewing() else body

    def show_everything(self) -> None:
        self.show_all = True
        self._show_body()

    def _show_body(self) -> None:
        if self.response is None:
            return
        self._stop_tasks()
        notes = self._notes()
        self.note.setText(" ".join(notes))
        self.note_row.setVisible(bool(notes))
        self.show_all_button.setVisible(self._previewing())
        self.note_save_button.setVisible(self._previewing() or bool(self.response.cut_reason))
        kind, mode = self.kind.kind, self.mode()
        if kind == "image" and self.picture.show_image(self.response.body):
            self.body_stack.setCurrentWidget(self.picture_area)
            self.loading = False
            self.body_ready.emit()
            return
        if mode == "tree":
            self._show_tree()
            return
        self.body_stack.setCurrentWidget(self.body)
        if kind in ("binary", "image"):
            self.body.set_content(hex_preview(self.response.body).encode())
            self._ready()
            return
        data = self._shown_bytes()
        encoding = charset(self.response)
        if kind == "json" and mode == "pretty":
            if len(data) <= SYNC_LIMIT:
                self.body.set_content(b"".join(reindent(data)), encoding=encoding, highlight=True)
                self._ready()
            else:
                self.body.set_content(b"", encoding=encoding, highlight=True)
                self.loading = True
                self._next_piece(reindent(data))
            return
        if len(data) <= SYNC_LIMIT:
            self.body.set_content(data, wrapped_starts(data), encoding=encoding)
            self._ready()
        else:
            self.loading = True
            self.body.set_content(b"", encoding=encoding)
            self._start(lambda: wrapped_starts(data), lambda starts: (self.body.set_content(data, starts, encoding), self._ready()))

    def _next_piece(self, pieces) -> None:
        """Lay out the next piece of a big JSON on a worker; each arrives here and is added while the rest is made."""

        def arrived(piece: bytes | None) -> None:
            if piece is None:
                self._ready()
                return
            self.body.append(piece)
            self._next_piece(pieces)

        self._start(lambda: next(pieces, None), arrived)

    def _start(self, fn, on_done) -> None:
        self.tasks.append(run_task(fn, on_done, self._worker_failed))

    def _stop_tasks(self) -> None:
        for task in self.tasks:
            task.cancel()
        self.tasks = []
        self.loading = False

    def _worker_failed(self, exc: BaseException) -> None:
        self.loading = False
        self.note.setText(_("The body could not be laid out; use «Raw» or save it to a file."))
        self.note_row.show()

    def _ready(self) -> None:
        self.loading = False
        self.tasks = []
        if self.search_bar.isVisible() and self.search.text():
            self.run_search()
        self.body_ready.emit()

    def _show_tree(self) -> None:
        if self.kind.kind != "json" or self.response.truncated:
            self.tree_message.setText(_("The tree needs complete JSON; this answer is not. Use «Pretty» or «Raw»."))
            self.body_stack.setCurrentWidget(self.tree_message)
            self._ready()
            return
        if self.tree_model is not None:
            self.body_stack.setCurrentWidget(self.tree)
            self._ready()
            return
        self.tree_message.setText(_("Building the tree…"))
        self.body_stack.setCurrentWidget(self.tree_message)
        body = self.response.body

        def parsed(value) -> None:
            self.tree_model = JsonTreeModel(value, self)
            self.tree.setModel(self.tree_model)
            self.tree.expand(self.tree_model.index(0, 0))
            self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(0, 220)
            self.body_stack.setCurrentWidget(self.tree)
            self._ready()

        self.loading = True
        self._start(lambda: json.loads(body), parsed)

    # --- search ----------------------------------------------------------------------------------

    def open_search(self) -> None:
        if self.body_stack.currentWidget() is not self.body and self.kind.kind in ("json", "text"):
            self.set_mode("pretty")
        self.tabs.setCurrentIndex(0)
        self.search_bar.show()
        self.search.setFocus()
        self.search.selectAll()

    def close_search(self) -> None:
        self.search_bar.hide()
        self.body.mark(None, None)

    def run_search(self) -> int:
        """Count the matches in the whole shown text and go to the first one; returns the count."""
        self.search_timer.stop()
        query = self.search.text()
        self.match_index = 0
        if not query:
            self.match_count = 0
            self.match_label.setText("")
            self.search_all_button.hide()
            self.body.mark(None, None)
            return 0
        pattern = search_pattern(query)
        self.match_count = self.body.count(pattern)
        self.body.mark(pattern, None)
        self.search_all_button.setVisible(self._previewing())
        if self.match_count:
            self._go(next(self.body.find(pattern)), 1)
        else:
            self.match_label.setText(_("Not found") + self._searched_part())
        return self.match_count

    def _searched_part(self) -> str:
        """Said beside the count when only the cut preview was searched, not the whole answer."""
        if not self._previewing():
            return ""
        return " " + _("(searched only the first {limit} shown)").format(limit=human_size(self.preview_limit))

    def _go(self, match: tuple[int, int], index: int) -> None:
        """Show `match` (offset, length), the index-th of the matches."""
        self.match_index = index
        self.body.mark(self.body.pattern, match)
        more = _(" (still loading)") if self.loading else ""
        self.match_label.setText(_("{i} of {n}").format(i=index, n=self.match_count) + more + self._searched_part())

    def find_next(self) -> None:
        if self.body.pattern is None or self.body.current is None:
            self.run_search()
            return
        start = self.body.current[0] + 1
        match = next(self.body.find(self.body.pattern, start), None)
        if match is None:
            self._go(next(self.body.find(self.body.pattern)), 1)
        else:
            self._go(match, self.match_index + 1)

    def find_previous(self) -> None:
        if self.body.pattern is None or self.body.current is None:
            self.run_search()
            return
        body, pattern, before = self.body, self.body.pattern, self.body.current[0]
        window = 64 * 1024
        while True:
            # Look back in growing windows: a regex cannot search backwards, and the whole prefix may be 30 MB.
            last = None
            for last in body.find(pattern, max(before - window, 0), before):
                pass
            if last is not None or before - window <= 0:
                break
            window *= 4
        if last is None:
            *_rest, last = body.find(pattern)
            self._go(last, self.match_count)
        else:
            self._go(last, self.match_index - 1 if self.match_index > 1 else self.match_count)

    # --- copy and save ---------------------------------------------------------------------------

    def selected_value(self) -> str:
        if self.body_stack.currentWidget() is self.tree and self.tree.currentIndex().isValid():
            return self.tree_model.value_text(self.tree.currentIndex())
        if self.body_stack.currentWidget() is self.body:
            return self.body.selected_text()
        return ""

    def copy(self) -> None:
        if self.response is None:
            return
        text = self.selected_value() or self.response.text()
        QGuiApplication.clipboard().setText(text)

    def save_body(self, path: str | Path, unpacked: bool = False) -> None:
        """Write the body exactly as it arrived on the wire (still packed if it was), or unpacked."""
        response = self.response
        write_atomic(Path(path), response.body if unpacked else (response.wire_body or response.body))

    def ask_save(self) -> None:
        if self.response is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the body"), "", _("All files (*)"))
        if path:
            try:
                self.save_body(path)
            except OSError as exc:
                self.note.setText(_("The file could not be saved: {reason}").format(reason=exc.strerror or exc))
                self.note_row.show()

    # --- headers ---------------------------------------------------------------------------------

    def _filter_headers(self, text: str) -> None:
        wanted = text.strip().lower()
        for row in range(self.headers.rowCount()):
            cells = " ".join(self.headers.item(row, c).text().lower() for c in range(2) if self.headers.item(row, c))
            self.headers.setRowHidden(row, bool(wanted) and wanted not in cells)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
