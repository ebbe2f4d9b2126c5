"""What the embedded sandbox received: each request it served, newest first, with its headers (token masked)."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.i18n import _, ngettext


class SandboxLog(QDialog):
    def __init__(self, sandbox, parent=None):
        super().__init__(parent)
        self.sandbox = sandbox
        self.entries = []
        self.setWindowTitle(_("What the sandbox received"))
        self.resize(900, 560)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([_("Time"), _("Method"), _("Address"), _("Status"), _("ms"), _("Why")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.headers = QPlainTextEdit()
        self.headers.setReadOnly(True)
        self.headers.setPlaceholderText(_("Select a request to see the headers that arrived."))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.headers)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Every request the built-in sandbox answered, newest first. The token is masked.")))
        layout.addWidget(split, 1)
        self.table.currentCellChanged.connect(lambda row, *_args: self._show_headers(row))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(1000)
        self.refresh()

    def refresh(self) -> None:
        entries = list(reversed(self.sandbox.request_log()))
        if entries == self.entries:
            return
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                time.strftime("%H:%M:%S", time.localtime(entry.time)),
                entry.method,
                entry.path,
                str(entry.status),
                f"{entry.elapsed_ms:.0f}",
                entry.detail,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _show_headers(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            entry = self.entries[row]
            lines = [f"{name}: {value}" for name, value in entry.headers]
            lines.append("")
            lines.append(ngettext("Body: {n} byte", "Body: {n} bytes", entry.body_size).format(n=entry.body_size))
            self.headers.setPlainText("\n".join(lines))
