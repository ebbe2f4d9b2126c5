"""A collapsible JSON tree whose rows are made only when their parent is opened, a thousand at a time."""
from __future__ import annotations

import json
from itertools import islice
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from desktop.i18n import _, ngettext

BATCH = 1000


class _Node:
    __slots__ = ("key", "value", "parent", "row", "children")

    def __init__(self, key: str, value: Any, parent: _Node | None, row: int):
        self.key, self.value, self.parent, self.row = key, value, parent, row
        self.children: list[_Node] | None = None  # made on first opening

    @property
    def container(self) -> bool:
        return isinstance(self.value, (dict, list))

    def total(self) -> int:
        return len(self.value) if self.container else 0

    def grow(self) -> int:
        """Make the next batch of children; returns how many were added."""
        if self.children is None:
            self.children = []
        have = len(self.children)
        items = self.value.items() if isinstance(self.value, dict) else enumerate(self.value)
        for row, (key, value) in enumerate(islice(items, have, have + BATCH), start=have):
            self.children.append(_Node(str(key), value, self, row))
        return len(self.children) - have


def preview(value: Any) -> str:
    if isinstance(value, dict):
        return ngettext("{{…}} {n} field", "{{…}} {n} fields", len(value)).format(n=len(value))
    if isinstance(value, list):
        return ngettext("[…] {n} item", "[…] {n} items", len(value)).format(n=len(value))
    return json.dumps(value, ensure_ascii=False)[:500]


class JsonTreeModel(QAbstractItemModel):
    def __init__(self, value: Any, parent=None):
        super().__init__(parent)
        # A hidden root holding the document, so the top object is one row that can be opened and closed.
        self.root = _Node("", {"JSON": value}, None, 0)
        self.root.grow()

    def node(self, index: QModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(parent)
        if node.children is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.column() > 0:
            return 0
        node = self.node(parent)
        return len(node.children) if node.children is not None else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 2

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        node = self.node(parent)
        return node.total() > 0

    def canFetchMore(self, parent: QModelIndex) -> bool:  # noqa: N802
        node = self.node(parent)
        return node.container and (node.children is None or len(node.children) < node.total())

    def fetchMore(self, parent: QModelIndex) -> None:  # noqa: N802
        node = self.node(parent)
        have = len(node.children or [])
        count = min(BATCH, node.total() - have)
        if count <= 0:
            return
        self.beginInsertRows(parent, have, have + count - 1)
        node.grow()
        self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        node = index.internalPointer()
        return node.key if index.column() == 0 else preview(node.value)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Field"), _("Value"))[section]
        return None

    def value_text(self, index: QModelIndex) -> str:
        """The selected value as JSON (a text value without its quotes), for copying."""
        value = self.node(index).value
        if isinstance(value, str):
            return value
        return json.dumps(value, ensure_ascii=False, indent=2)
