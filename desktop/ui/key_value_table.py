"""A table of name/value rows with an enable checkbox: the query-parameter and header editors."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from desktop.core.models import KeyValue
from desktop.i18n import _

COMMON_HEADERS = (
    "Authorization",
    "Content-Type",
    "Accept",
    "Accept-Encoding",
    "Accept-Language",
    "Cache-Control",
    "Connection",
    "Cookie",
    "Host",
    "Origin",
    "Referer",
    "User-Agent",
    "X-Requested-With",
)


class _NameDelegate(QStyledItemDelegate):
    """Offers common header names as the agent types a name."""

    def __init__(self, names: tuple[str, ...], parent=None):
        super().__init__(parent)
        self.names = names

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        completer = QCompleter(list(self.names), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        editor.setCompleter(completer)
        return editor


class KeyValueTable(QTableWidget):
    """Rows of (enabled, name, value); a blank last row is always there for adding."""

    edited = Signal()

    def __init__(self, suggestions: tuple[str, ...] = (), parent=None):
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(["", _("Name"), _("Value")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, 200)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        if suggestions:
            self.setItemDelegateForColumn(1, _NameDelegate(suggestions, self))
        self._loading = False
        self.itemChanged.connect(self._on_item_changed)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected_rows)
        self._append_blank_row()

    def load_model(self, rows: list[KeyValue]) -> None:
        self._loading = True
        self.setRowCount(0)
        for row in rows:
            self._append_row(row)
        self._append_blank_row()
        self._loading = False

    def to_model(self) -> list[KeyValue]:
        rows = []
        for r in range(self.rowCount()):
            name = self._text(r, 1)
            value = self._text(r, 2)
            if not name and not value:
                continue
            enabled = self.item(r, 0).checkState() == Qt.CheckState.Checked
            rows.append(KeyValue(name, value, enabled))
        return rows

    def delete_selected_rows(self) -> None:
        rows = sorted({index.row() for index in self.selectedIndexes()}, reverse=True)
        if not rows:
            return
        self._loading = True
        for r in rows:
            if r < self.rowCount() - 1:
                self.removeRow(r)
        self._loading = False
        self.edited.emit()

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _append_row(self, row: KeyValue) -> None:
        r = self.rowCount()
        self.insertRow(r)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        check.setCheckState(Qt.CheckState.Checked if row.enabled else Qt.CheckState.Unchecked)
        check.setToolTip(_("Untick to keep the row without sending it"))
        self.setItem(r, 0, check)
        self.setItem(r, 1, QTableWidgetItem(row.name))
        self.setItem(r, 2, QTableWidgetItem(row.value))

    def _append_blank_row(self) -> None:
        self._append_row(KeyValue("", "", True))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        last = self.rowCount() - 1
        if item.row() == last and (self._text(last, 1) or self._text(last, 2)):
            self._loading = True
            self._append_blank_row()
            self._loading = False
        self.edited.emit()
