"""The sidebar: the preloaded documented endpoints (read-only) as a tree with a search box."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.core.collection import Folder, Item
from desktop.i18n import _

METHOD_COLOURS = {"GET": "#1a7f37", "POST": "#bf8700", "PUT": "#0969da", "PATCH": "#8250df", "DELETE": "#cf222e"}
ITEM_ROLE = Qt.ItemDataRole.UserRole


class CollectionTree(QWidget):
    """Shows folders of saved requests; a click hands the request to the window."""

    item_chosen = Signal(object)  # collection.Item

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, URL or body…"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self.search.textChanged.connect(self.filter)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)

    def add_root(self, folder: Folder, title: str, read_only: bool = True) -> QTreeWidgetItem:
        root = QTreeWidgetItem([title, ""])
        font = root.font(0)
        font.setBold(True)
        root.setFont(0, font)
        root.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(root)
        self._fill(root, folder)
        root.setFirstColumnSpanned(True)
        root.setExpanded(True)
        if read_only:
            root.setToolTip(0, _("Documented requests: read-only. Change a copy, or save it into a client."))
        return root

    def _fill(self, parent: QTreeWidgetItem, folder: Folder) -> None:
        for child in folder.children:
            if isinstance(child, Folder):
                node = QTreeWidgetItem(parent, [child.name, ""])
                node.setFirstColumnSpanned(True)
                self._fill(node, child)
            else:
                method = child.request.method
                node = QTreeWidgetItem(parent, [method, child.request.name])
                node.setData(0, ITEM_ROLE, child)
                node.setForeground(0, QColor(METHOD_COLOURS.get(method, "#57606a")))
                small = QFont(node.font(0))
                small.setBold(True)
                small.setPointSizeF(max(small.pointSizeF() - 1.5, 7))
                node.setFont(0, small)
                node.setToolTip(1, child.request.full_url())

    def _clicked(self, node: QTreeWidgetItem) -> None:
        item = node.data(0, ITEM_ROLE)
        if isinstance(item, Item):
            self.item_chosen.emit(item)

    def filter(self, text: str) -> None:
        """Hide what does not match name, URL or body text; folders stay while a child matches."""
        needle = text.strip().lower()

        def visit(node: QTreeWidgetItem) -> bool:
            item = node.data(0, ITEM_ROLE)
            if isinstance(item, Item):
                haystack = f"{item.request.name}\n{item.request.full_url()}\n{item.request.body.text}".lower()
                shown = not needle or needle in haystack
            else:
                shown = False
                for i in range(node.childCount()):
                    shown = visit(node.child(i)) or shown
                shown = shown or not needle
                if needle and shown:
                    node.setExpanded(True)
            node.setHidden(not shown)
            return shown

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i))
