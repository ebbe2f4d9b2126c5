"""An agent at the real window: finds controls by the words on them and reads what the screen says, as a person would."""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

_TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return _TAGS.sub("", text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&nbsp;", " ")


def _label(text: str) -> str:
    """Button and menu words as the agent reads them: no keyboard-accelerator ampersands."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def visible_text(root: QWidget) -> str:
    """Every piece of text a person sees in `root`, top to bottom in widget order, one per line."""
    parts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text():
            parts.append(_plain(widget.text()))
        elif isinstance(widget, QAbstractButton) and widget.text():
            parts.append(_label(widget.text()))
        elif isinstance(widget, QLineEdit) and widget.text() and widget.echoMode() == QLineEdit.EchoMode.Normal:
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QTabBar):
            parts.extend(widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i))
        elif isinstance(widget, QComboBox):
            parts.append(widget.currentText())
        elif isinstance(widget, QTableWidget):
            parts.extend(widget.item(r, c).text() for r in range(widget.rowCount()) for c in range(widget.columnCount())
                         if widget.item(r, c) is not None and widget.item(r, c).text())
    return "\n".join(p for p in parts if p)


class Agent:
    """Drives the window by what is written on it; waits on the window's public signals, never on its insides."""

    def __init__(self, qtbot, window):
        self.qtbot = qtbot
        self.window = window
        self.dialogs: list[str] = []  # the text of every message box seen, in order

    # ---- finding things ---------------------------------------------------------------------------

    def _labelled(self, kind, text: str, root: QWidget | None = None):
        root = root or self.window
        found = [w for w in root.findChildren(kind) if w.isVisible() and _label(w.text()) == text]
        assert found, f"no visible {kind.__name__} «{text}» on screen"
        return found[0]

    def button(self, text: str) -> QAbstractButton:
        return self._labelled(QAbstractButton, text)

    def click(self, text: str) -> None:
        button = self.button(text)
        assert button.isEnabled(), f"«{text}» is greyed out"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def answer_side(self) -> QWidget:
        """The right-hand column: the one that holds «What is wrong»."""
        title = next(w for w in self.window.findChildren(QLabel) if w.isVisible() and _plain(w.text()) in ("What is wrong", "Что не так"))
        widget = title
        while not (isinstance(widget.parentWidget(), QSplitter) and widget.parentWidget().orientation() == Qt.Orientation.Horizontal):
            widget = widget.parentWidget()
        return widget

    def request_side(self) -> QWidget:
        """The middle column: the request's tabs, beside the answer side."""
        answer = self.answer_side()
        split = answer.parentWidget()
        return next(split.widget(i) for i in range(split.count()) if split.widget(i) is not answer)

    def answer_text(self) -> str:
        return visible_text(self.answer_side())

    def screen_text(self) -> str:
        return visible_text(self.window)

    def tree_names(self) -> list[str]:
        """The names in the left tree as written there (an unsaved request's with its "•")."""
        tree = next(w for w in self.window.findChildren(QTreeWidget) if w.isVisible())
        return [node.text(1) or node.text(0) for node in _nodes(tree)]

    def status_text(self) -> str:
        return self.window.statusBar().currentMessage()

    # ---- doing things -----------------------------------------------------------------------------

    def open(self, name: str) -> None:
        """Click a request in the left tree by its name (its folders are opened first, as a person would)."""
        tree = next(w for w in self.window.findChildren(QTreeWidget) if w.isVisible())
        node = next((n for n in _nodes(tree) if name in (n.text(0), n.text(1))), None)
        assert node is not None, f"«{name}» is not in the tree"
        parent = node.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        tree.scrollToItem(node)
        rect = tree.visualItemRect(node)
        with self.qtbot.waitSignal(self.window.findings_shown, timeout=30000):
            self.qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def tab(self, text: str, root: QWidget | None = None) -> None:
        for bar in (root or self.window).findChildren(QTabBar):
            if bar.isVisible():
                for i in range(bar.count()):
                    if _label(bar.tabText(i)) == text and bar.isTabVisible(i):
                        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
                        return
        raise AssertionError(f"no tab «{text}»")

    def address(self) -> QLineEdit:
        return next(w for w in self.window.findChildren(QLineEdit) if w.isVisible() and w.placeholderText().startswith("https://wappi.pro/"))

    def type_address(self, text: str) -> None:
        field = self.address()
        field.selectAll()
        self.qtbot.keyClicks(field, text)
        self.settle()

    def set_header(self, name: str, value: str) -> None:
        """Change a header's value in the «Headers» table, as typed in its cell."""
        side = self.request_side()
        self.tab("Headers" if self._english() else "Заголовки", side)
        table = next(t for t in side.findChildren(QTableWidget) if t.isVisible())
        for row in range(table.rowCount()):
            if table.item(row, 1) is not None and table.item(row, 1).text() == name:
                table.item(row, 2).setText(value)
                self.settle()
                return
        raise AssertionError(f"no header «{name}»")

    def set_body(self, text: str) -> None:
        side = self.request_side()
        self.tab("Body" if self._english() else "Тело", side)
        editor = next(w for w in side.findChildren(QPlainTextEdit) if w.isVisible() and not w.isReadOnly())
        editor.setPlainText(text)
        self.settle()

    def choose_method(self, method: str) -> None:
        box = next(w for w in self.window.findChildren(QComboBox) if w.isVisible() and w.findText("POST") >= 0 and w.findText("GET") >= 0)
        box.setCurrentText(method)
        self.settle()

    def settle(self) -> None:
        """Wait until the findings on screen are those of what is typed (the window checks after a short pause)."""
        with self.qtbot.waitSignal(self.window.findings_shown, timeout=30000):
            pass

    def send(self, button: str = "Send", dialog_button: str | None = None) -> None:
        """Press Send (or «Repeat in sandbox») and wait for the answer and the findings about it."""
        if dialog_button is not None:
            self.answer_dialog(dialog_button)
        with self.qtbot.waitSignal(self.window.findings_shown, timeout=30000):
            with self.qtbot.waitSignal(self.window.response_shown, timeout=30000):
                self.click(button)

    def menu(self, *path: str) -> None:
        """Trigger a menu item by its words, e.g. menu("Request", "Import from clipboard (cURL or HTTP)")."""
        actions = self.window.menuBar().actions()
        for step in path[:-1]:
            action = next(a for a in actions if _label(a.text()) == step)
            actions = action.menu().actions()
        action = next((a for a in actions if _label(a.text()) == path[-1]), None)
        assert action is not None, f"no menu item «{path[-1]}»"
        action.trigger()

    def paste_client_request(self, text: str, menu: tuple[str, str] = ("Request", "Import from clipboard (cURL or HTTP)")) -> None:
        QGuiApplication.clipboard().setText(text)
        with self.qtbot.waitSignal(self.window.findings_shown, timeout=30000):
            self.menu(*menu)

    def answer_dialog(self, button_text: str, read: Callable[[QWidget], None] | None = None) -> None:
        """The next modal dialog: remember its words, then press `button_text` in it (gives up after ~10 s)."""
        tries = [500]

        def handle() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                tries[0] -= 1
                if tries[0] > 0:
                    QTimer.singleShot(20, handle)
                return
            self.dialogs.append(visible_text(dialog))
            if read is not None:
                read(dialog)
            target = next((b for b in dialog.findChildren(QAbstractButton) if _label(b.text()) == button_text), None)
            if target is None:
                # No such button: close the dialog so the test fails on its assertion instead of hanging.
                self.dialogs.append(f"(no button «{button_text}»)")
                dialog.reject() if hasattr(dialog, "reject") else dialog.close()
                return
            target.click()

        QTimer.singleShot(0, handle)

    def open_leaving_changes(self, name: str, button: str = "Discard") -> None:
        """Open another request while the open one has unsaved changes: the window asks first."""
        self.answer_dialog(button)
        self.open(name)

    def reply(self, button: str = "Reply to client…", copy: str = "Copy and close") -> str:
        """Open the reply preview, read it, copy it; returns what landed on the clipboard."""
        seen: list[str] = []
        self.answer_dialog(copy, lambda dialog: seen.append(dialog.findChild(QPlainTextEdit).toPlainText()))
        self.click(button)
        assert QGuiApplication.clipboard().text() == seen[0]
        return seen[0]

    def _english(self) -> bool:
        return any(_label(a.text()) == "Request" for a in self.window.menuBar().actions())


def _nodes(tree: QTreeWidget):
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        node = stack.pop(0)
        yield node
        stack.extend(node.child(i) for i in range(node.childCount()))

