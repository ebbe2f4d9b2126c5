"""The "History" tab: every send of the active client with time, status and duration; search; double-click re-opens."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
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
        self.list = QTreeWidget()
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([_("Time"), _("Status"), _("Duration"), _("Request")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
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
        for entry in self.history.search(self.owner, self.search.text()):
            when = time.strftime("%d.%m %H:%M:%S", time.localtime(entry.time))
            if entry.status is not None:
                status = str(entry.status)
            else:
                status = _("no answer")
            node = QTreeWidgetItem([when, status, f"{entry.duration_ms:.0f} {_('ms')}" if entry.status is not None else "", f"{entry.method} {entry.url}"])
            node.setData(0, ENTRY_ROLE, entry)
            node.setToolTip(3, entry.error or entry.url)
            if entry.status is None or entry.status >= 400:
                node.setForeground(1, QColor("#cf222e"))
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
