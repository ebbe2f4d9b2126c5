"""The "History" tab: every send of the active client as method, address, status and time; search; double-click re-opens."""
from __future__ import annotations

import time
from urllib.parse import unquote

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SendError
from desktop.core.history import Entry, History
from desktop.core.models import Request, Response
from desktop.core.secrets import masker
from desktop.i18n import _

ENTRY_ROLE = Qt.ItemDataRole.UserRole


def row_text(entry: Entry, today: tuple[int, int]) -> str:
    """Method, status and time, then the readable address on its own line."""
    return f"{entry.method} · {_status_text(entry)} · {_when(entry.time, today)}\n{readable_address(entry.url)}"


def readable_address(url: str) -> str:
    """The address as an agent reads it: without "https://", with %-escapes shown as the characters they stand for."""
    _scheme, sep, rest = url.partition("://")
    address = rest if sep else url
    decoded = unquote(address)
    # An escaped line break or control character stays escaped: a row must stay one honest line.
    return decoded if decoded.isprintable() else address


def _status_text(entry: Entry) -> str:
    return str(entry.status) if entry.status is not None else _("no answer")


def _when(stamp: float, today: tuple[int, int]) -> str:
    # Today's sends need only the time; older ones the day too.
    moment = time.localtime(stamp)
    if (moment.tm_yday, moment.tm_year) == today:
        return time.strftime("%H:%M:%S", moment)
    return time.strftime("%d.%m %H:%M", moment)


class HistoryPanel(QWidget):
    reopen = Signal(object)  # Request

    def __init__(self, history: History, parent=None):
        super().__init__(parent)
        self.history = history
        self.owner = ""
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search the history…"))
        self.search.setClearButtonEnabled(True)
        # Two lines a send: "POST · 401 · 14:32:05", then the address on a line of its own, the panel's whole width
        # (a column of its own left it a sliver in the sidebar). Too long, it loses its middle, never its end.
        self.list = QTreeWidget()
        self.list.setColumnCount(1)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setAlternatingRowColors(True)
        self.list.setToolTip(_("Double-click a line to open that request again"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.list.itemDoubleClicked.connect(self._double_clicked)

    def show_owner(self, owner: str) -> None:
        self.owner = owner
        self.title.setText(_("Requests sent with «{name}»").format(name=owner))
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        if not self.owner:
            return
        rows = []
        today = time.localtime().tm_yday, time.localtime().tm_year
        for entry in self.history.search(self.owner, self.search.text()):
            node = QTreeWidgetItem([row_text(entry, today)])
            node.setData(0, ENTRY_ROLE, entry)
            details = [f"{entry.method} {entry.url}", time.strftime("%d.%m.%Y %H:%M:%S", time.localtime(entry.time))]
            if entry.status is not None:
                answer = f"{entry.status} {entry.reason}".strip()
                details.append(_("{answer}, {ms} ms").format(answer=answer, ms=f"{entry.duration_ms:.0f}"))
            if entry.error:
                details.append(entry.error)
            node.setToolTip(0, "\n".join(details))
            if entry.status is None or entry.status >= 400:
                node.setForeground(0, QColor("#cf222e"))
            rows.append(node)
        self.list.addTopLevelItems(rows)

    def record(self, request: Request, result, secrets: list[str]) -> Entry | None:
        """Add one send for the current owner; a history that cannot be written never stops the agent."""
        if not self.owner:
            return None
        mask = masker(secrets)
        try:
            if isinstance(result, Response):
                entry = self.history.add(self.owner, request, response=result, sent_url=result.url, mask=mask)
            else:
                error = str(result) if isinstance(result, SendError) else ""
                entry = self.history.add(self.owner, request, error=error, mask=mask)
        except OSError:
            return None
        self.refresh()
        return entry

    def _double_clicked(self, node: QTreeWidgetItem) -> None:
        entry = node.data(0, ENTRY_ROLE)
        if isinstance(entry, Entry):
            self.reopen.emit(entry.request.copy())
