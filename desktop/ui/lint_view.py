"""Live JSON linting for a QPlainTextEdit: wavy underlines, hover text, a problem list with one-click fixes."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, QThreadPool, QTimer, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core import jsonlint
from desktop.core.jsonlint import Fix, Problem
from desktop.i18n import _
from desktop.ui.visible_lines import last_visible_line

DEBOUNCE_MS = 150
BACKGROUND_CHARS = 64 * 1024  # above this, linting leaves the GUI thread so typing never waits for it
MAX_LISTED = 300  # a longer list only slows the widget; the first problems are the ones to fix first
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Marks the linter's underlines among the editor's extra selections, so others' (placeholder chips) stay.
_UNDERLINE = QTextFormat.Property.UserProperty + 0x4C49


class _Positions:
    """Code-point offsets of a text to QTextDocument positions, which count UTF-16 units."""

    def __init__(self, text: str):
        # Counting UTF-16 units is a quick C-speed test for "no emoji at all", the usual case.
        plain = text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
        self.astral = [] if plain else [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.astral, offset)


def editor_text(editor: QPlainTextEdit) -> str:
    # toPlainText() turns non-breaking spaces into plain ones; the raw text keeps what was pasted.
    return editor.document().toRawText().replace("\u2029", "\n")


# ---------------------------------------------------------------- the one place that knows about threads


def _safe_lint(text: str, rules: Any) -> tuple[list[Problem], _Positions]:
    """The problems and the text's position map: both read the whole text, so both are made off the GUI thread."""
    positions = _Positions(text)
    try:
        return jsonlint.lint(text, rules), positions
    except Exception:  # a linter bug must never cost the agent their typing; no underline is the fallback
        return [], positions


class LintRunner(QObject):
    """Lints small texts at once and big ones on the thread pool; swap for workers.run_task here only."""

    # Emitted from the pool thread too: the runner lives in the GUI thread, so receivers get it queued there.
    finished = Signal(int, object)  # generation, (list[Problem], _Positions)

    def start(self, generation: int, text: str, rules: Any) -> None:
        if len(text) < BACKGROUND_CHARS:
            self.finished.emit(generation, _safe_lint(text, rules))
        else:
            QThreadPool.globalInstance().start(lambda: self.finished.emit(generation, _safe_lint(text, rules)))


# ---------------------------------------------------------------- underline and hover


class LintHighlighting(QObject):
    """Wavy underlines at each problem's span as extra selections, so any syntax highlighter still works."""

    def __init__(self, editor: QPlainTextEdit):
        super().__init__(editor)
        self.editor = editor
        self.problems: list[Problem] = []
        self.positions = _Positions("")
        editor.viewport().installEventFilter(self)

    def span(self, problem: Problem) -> tuple[int, int]:
        """Document positions of a problem (at least one character wide, so the underline shows)."""
        start, end = self.positions(problem.start), self.positions(problem.end)
        last = self.editor.document().characterCount() - 1
        if end <= start:
            end = start + 1
        if start >= last:  # a problem at the very end: underline the last character
            start, end = max(0, last - 1), max(1, last)
        # An empty document has no character to underline: both ends stay at 0.
        return min(start, last), min(end, last)

    def show(self, problems: list[Problem], positions: _Positions) -> None:
        self.problems = [p for p in problems if p.line > 0]
        self.positions = positions
        selections = []
        for problem in self.problems:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(QColor("#d32f2f" if problem.severity == jsonlint.ERROR else "#f9a825"))
            fmt.setToolTip(problem.message)
            fmt.setProperty(_UNDERLINE, True)
            selection = QTextEdit.ExtraSelection()
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            start, end = self.span(problem)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        kept = [other for other in self.editor.extraSelections() if not other.format.hasProperty(_UNDERLINE)]
        self.editor.setExtraSelections(kept + selections)

    def problems_at(self, position: int) -> list[Problem]:
        found = []
        for problem in self.problems:
            start, end = self.span(problem)
            if start <= position < end:
                found.append(problem)
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = self.editor.cursorForPosition(event.pos()).position()
            found = self.problems_at(position)
            if found:
                QToolTip.showText(event.globalPos(), "\n".join(p.message for p in found), self.editor.viewport())
            else:
                QToolTip.hideText()
            return True
        return False


# ---------------------------------------------------------------- the list under the editor


class ProblemMargin(QWidget):
    """A strip left of the editor with a dot on every line that has a problem; a click jumps to it."""

    WIDTH = 14

    def __init__(self, editor: QPlainTextEdit, jump: Callable[[Problem], None]):
        super().__init__()
        self.editor = editor
        self.jump = jump
        self.problems: list[Problem] = []
        self.lines: list[int] = []  # each problem's line, ascending
        self.setFixedWidth(self.WIDTH)
        editor.updateRequest.connect(lambda *_args: self.update())

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = [p for p in problems if p.line > 0]
        self.lines = [p.line for p in self.problems]
        self.update()

    def _line_tops(self) -> dict[int, tuple[int, Problem]]:
        """Line number -> (y in this strip, its worst problem), for lines on screen."""
        document = self.editor.document()
        # The strip and the editor are siblings: go through screen coordinates.
        offset = self.mapFromGlobal(self.editor.viewport().mapToGlobal(QPoint(0, 0))).y()
        tops: dict[int, tuple[int, Problem]] = {}
        # Problems come in text order: only those on the lines in view are placed, on every repaint.
        first = self.editor.firstVisibleBlock().blockNumber() + 1
        last = last_visible_line(self.editor) + 1
        low = bisect.bisect_left(self.lines, first)
        for problem in self.problems[low:bisect.bisect_right(self.lines, last)]:
            if problem.line in tops and tops[problem.line][1].severity == jsonlint.ERROR:
                continue
            block = document.findBlockByNumber(problem.line - 1)
            if not block.isValid():
                continue
            rect = self.editor.cursorRect(QTextCursor(block))
            if -rect.height() <= rect.top() <= self.editor.viewport().height():
                tops[problem.line] = (rect.top() + offset + rect.height() // 2, problem)
        return tops

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for y, problem in self._line_tops().values():
            painter.setBrush(QColor("#d32f2f" if problem.severity == jsonlint.ERROR else "#f9a825"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(3, y - 4, 8, 8)

    def mousePressEvent(self, event) -> None:
        y = event.position().y()
        for top, problem in self._line_tops().values():
            if abs(top - y) <= 8:
                self.jump(problem)
                return

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            y = event.pos().y()
            texts = [p.message for top, p in self._line_tops().values() if abs(top - y) <= 8]
            if texts:
                QToolTip.showText(event.globalPos(), texts[0], self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class ProblemList(QListWidget):
    """One row per problem; clicking a row asks to jump there, its "Fix" button asks to fix it."""

    jump_requested = Signal(object)
    fix_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.listed: list[Problem] = []
        # Problems wrap to the width (_row): a sideways scroll would hide the end of the text and the «Fix» buttons.
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(lambda item: self.jump_requested.emit(item.data(Qt.ItemDataRole.UserRole)))

    def show_problems(self, problems: list[Problem]) -> None:
        listed = problems[:MAX_LISTED]
        if listed == self.listed:  # typing that changes no finding: rebuilding the rows cost 20 ms or more
            return
        self.listed = listed
        self.clear()
        for problem in listed:
            where = _("line {line}, column {column}").format(line=problem.line, column=problem.column) \
                if problem.line > 0 else _("request")
            mark = "✖" if problem.severity == jsonlint.ERROR else "⚠"
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, problem)
            item.setToolTip(problem.message)
            self.addItem(item)
            self.setItemWidget(item, self._row(f"{mark} {where}: {problem.message}", problem))
        self._fit_rows()

    def _row(self, text: str, problem: Problem) -> QWidget:
        """The problem's words wrapped beside its «Fix» button: drawn by the list, the words ran under the button."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(4, 2, 4, 2)
        words = QLabel(text)
        words.setWordWrap(True)
        layout.addWidget(words, 1)
        if problem.fix is not None:
            button = QPushButton(_("Fix"))
            button.setObjectName("fix")
            button.setToolTip(problem.message)
            button.clicked.connect(lambda: self.fix_requested.emit(problem))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _fit_rows(self) -> None:
        """Each row as tall as its wrapped words at the list's width."""
        width = self.viewport().width()
        for index in range(self.count()):
            item = self.item(index)
            row = self.itemWidget(item)
            item.setSizeHint(QSize(width, row.layout().totalHeightForWidth(width)))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        # As tall as its rows (up to the window's limit): one problem does not take the editor's room.
        rows = sum(self.item(index).sizeHint().height() for index in range(self.count()))
        return QSize(super().sizeHint().width(), rows + 2 * self.frameWidth())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_rows()


class LintPanel(QWidget):
    """The summary line with "Fix all" above the problem list: what the window places under the editor."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel()
        self.fix_all = QPushButton(_("Fix all"))
        self.fix_all.setToolTip(_("Apply every safe fix: quotes, true/false/null, commas, comments, phone numbers"))
        self.list = ProblemList()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.fix_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)

    def show_problems(self, problems: list[Problem]) -> None:
        errors = sum(p.severity == jsonlint.ERROR for p in problems)
        warnings = len(problems) - errors
        self.summary.setText(_("No mistakes found") if not problems else
                             _("Errors: {errors}, warnings: {warnings}").format(errors=errors, warnings=warnings))
        self.fix_all.setEnabled(any(p.fix is not None and p.fix.safe for p in problems))
        self.list.show_problems(problems)
        # An empty list would only take room from the editor.
        self.list.setVisible(bool(problems))


# ---------------------------------------------------------------- wiring


class LintController(QObject):
    """Lints the editor as the agent types (debounced) and applies fixes as single undoable edits."""

    problems_changed = Signal(object)  # list[Problem], for the send confirmation

    def __init__(self, editor: QPlainTextEdit, rules_provider: Callable[[], Any] | None = None):
        super().__init__(editor)
        self.editor = editor
        self.rules_provider = rules_provider or (lambda: None)
        self.problems: list[Problem] = []
        self.highlighting = LintHighlighting(editor)
        self.margin = ProblemMargin(editor, self.jump_to)
        self.panel = LintPanel()
        self.runner = LintRunner(self)
        self._generation = 0
        self._text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.lint_now)
        editor.document().contentsChanged.connect(self._timer.start)
        self.runner.finished.connect(self._on_linted)
        self.panel.list.jump_requested.connect(self.jump_to)
        self.panel.list.fix_requested.connect(self.apply_fix)
        self.panel.fix_all.clicked.connect(self.fix_all)
        self.lint_now()

    def lint_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        self._text = editor_text(self.editor)
        self.runner.start(self._generation, self._text, self.rules())

    def rules(self) -> Any:
        try:
            return self.rules_provider()
        except Exception:  # rules come from a user's file: a bad one means "no rules", not a crash
            return None

    def _on_linted(self, generation: int, result: tuple[list[Problem], _Positions]) -> None:
        if generation != self._generation:  # the text changed meanwhile; a newer result is on its way
            return
        problems, positions = result
        self.problems = problems
        self.highlighting.show(problems, positions)
        self.margin.show_problems(problems)
        self.panel.show_problems(problems)
        self.problems_changed.emit(problems)

    def jump_to(self, problem: Problem) -> None:
        if problem is None or problem.line <= 0:
            return
        start, _end = self.highlighting.span(problem)
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus()

    def apply_fix(self, problem: Problem) -> None:
        if problem is None or problem.fix is None or editor_text(self.editor) != self._text:
            return
        self._replace(problem.fix)

    def fix_all(self) -> None:
        text = editor_text(self.editor)
        fixed = jsonlint.fix(text, self.rules())
        if fixed != text:
            self._replace(Fix(0, len(text), fixed), whole=text)

    def _replace(self, fix: Fix, whole: str | None = None) -> None:
        """One edit-cursor operation, so a single Ctrl+Z takes the fix back."""
        positions = self.highlighting.positions if whole is None else _Positions(whole)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.setPosition(positions(fix.start))
        cursor.setPosition(positions(fix.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(fix.replacement)
        cursor.endEditBlock()
        self.lint_now()


def attach(editor: QPlainTextEdit, rules_provider: Callable[[], Any] | None = None) -> LintController:
    """Add live linting to a body editor; place `controller.panel` under it."""
    return LintController(editor, rules_provider)
