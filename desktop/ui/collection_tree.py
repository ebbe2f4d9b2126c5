"""The sidebar: the preloaded documented endpoints (read-only) and the agent's clients, as one tree with a search box."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.collection import Folder, Item
from desktop.i18n import _

METHOD_COLOURS = {"GET": "#1a7f37", "POST": "#bf8700", "PUT": "#0969da", "PATCH": "#8250df", "DELETE": "#cf222e"}
ITEM_ROLE = Qt.ItemDataRole.UserRole
# What a node is ("clients", "client", "folder", "request") and which client it belongs to (None: documentation).
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
CLIENT_ROLE = Qt.ItemDataRole.UserRole + 2
UNSAVED_MARK = "• "


class RequestTreeWidget(QTreeWidget):
    """A tree whose drops are reported, not performed: the store moves the files, then the tree is rebuilt."""

    dropped = Signal(object, object)  # dragged nodes (list), target node

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event) -> None:
        target = self.itemAt(event.position().toPoint())
        sources = [n for n in self.selectedItems() if n.data(0, KIND_ROLE) == "request"]
        event.ignore()
        if target is not None and sources:
            self.dropped.emit(sources, target)


class CollectionTree(QWidget):
    """Shows folders of saved requests; a click hands the request to the window."""

    item_chosen = Signal(object)  # collection.Item
    menu_requested = Signal(object, object)  # node (or None), global position

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, URL or body…"))
        self.search.setClearButtonEnabled(True)
        self.tree = RequestTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        # Sized for the method at the deepest request, not for the (spanned) long folder names.
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self._deepest = 1
        self.tree.header().setStretchLastSection(True)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Clients' requests are searched through the store's index (fast for thousands); None: scan the nodes.
        self.client_search: Callable[[str], set[Path]] | None = None
        self._method_font: QFont | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self.search.textChanged.connect(self.filter)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.customContextMenuRequested.connect(
            lambda pos: self.menu_requested.emit(self.tree.itemAt(pos), self.tree.viewport().mapToGlobal(pos))
        )

    def add_root(self, folder: Folder, title: str, read_only: bool = True) -> QTreeWidgetItem:
        root = self._root_node(title)
        # Built before it joins the tree: a detached node takes children without a model update for each one,
        # which keeps the 160 documented requests well inside the start-up budget.
        self._fill(root, folder, None)
        self.tree.addTopLevelItem(root)
        self._span_folders(root)
        # At this size open groups drown the tree: only the root is open until a request is in use.
        root.setExpanded(True)
        if read_only:
            root.setToolTip(0, _("Documented requests: read-only. Change a copy, or save it into a client."))
        return root

    def _span_folders(self, node: QTreeWidgetItem) -> None:
        # Spanning only takes effect once the node is in the tree.
        node.setFirstColumnSpanned(True)
        for i in range(node.childCount()):
            child = node.child(i)
            if child.data(0, KIND_ROLE) != "request":
                self._span_folders(child)

    def _root_node(self, title: str) -> QTreeWidgetItem:
        root = QTreeWidgetItem([title, ""])
        font = root.font(0)
        font.setBold(True)
        root.setFont(0, font)
        root.setFirstColumnSpanned(True)
        root.setFlags(root.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
        return root

    def clients_root(self) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            node = self.tree.topLevelItem(i)
            if node.data(0, KIND_ROLE) == "clients":
                return node
        return None

    def show_clients(self, trees: list[tuple[str, Folder]], title: str) -> QTreeWidgetItem:
        """(Re)build the "Clients" root: a node per client with its folders and requests; open folders stay open."""
        old = self.clients_root()
        expanded = self._expanded_keys(old) if old is not None else None
        self.tree.setUpdatesEnabled(False)
        try:
            if old is not None:
                index = self.tree.indexOfTopLevelItem(old)
                self.tree.takeTopLevelItem(index)
            else:
                index = self.tree.topLevelItemCount()
            root = self._root_node(title)
            root.setData(0, KIND_ROLE, "clients")
            root.setToolTip(0, _("Your clients' requests. Right-click for actions."))
            self.tree.insertTopLevelItem(index, root)
            root.setFirstColumnSpanned(True)
            for name, folder in trees:
                node = QTreeWidgetItem(root, [name, ""])
                node.setFirstColumnSpanned(True)
                node.setData(0, KIND_ROLE, "client")
                node.setData(0, CLIENT_ROLE, name)
                node.setData(0, ITEM_ROLE, folder)
                node.setFlags(node.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
                bold = node.font(0)
                bold.setBold(True)
                node.setFont(0, bold)
                self._fill(node, folder, name)
            root.setExpanded(True)
            if expanded is not None:
                self._expand(root, expanded)
        finally:
            self.tree.setUpdatesEnabled(True)
        if self.search.text().strip():
            self.filter(self.search.text())
        return root

    def _expanded_keys(self, root: QTreeWidgetItem) -> set[str]:
        keys: set[str] = set()

        def visit(node: QTreeWidgetItem) -> None:
            if node.isExpanded():
                keys.add(_node_key(node))
            for i in range(node.childCount()):
                visit(node.child(i))

        visit(root)
        return keys

    def _expand(self, node: QTreeWidgetItem, keys: set[str]) -> None:
        for i in range(node.childCount()):
            child = node.child(i)
            if child.childCount():
                child.setExpanded(_node_key(child) in keys)
                self._expand(child, keys)

    def _fill(self, parent: QTreeWidgetItem, folder: Folder, client: str | None) -> None:
        for child in folder.children:
            if isinstance(child, Folder):
                node = QTreeWidgetItem(parent, [child.name, ""])
                node.setFirstColumnSpanned(True)
                node.setData(0, KIND_ROLE, "folder")
                node.setData(0, CLIENT_ROLE, client)
                node.setData(0, ITEM_ROLE, child)
                node.setFlags(node.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
                self._fill(node, child, client)
            else:
                method = child.request.method
                node = QTreeWidgetItem(parent, [method, child.request.name])
                self._fit_method_column(node)
                node.setData(0, ITEM_ROLE, child)
                node.setData(0, KIND_ROLE, "request")
                node.setData(0, CLIENT_ROLE, client)
                node.setForeground(0, QColor(METHOD_COLOURS.get(method, "#57606a")))
                node.setFont(0, self._small_bold(node))
                node.setToolTip(1, child.request.full_url())
                if child.meta.get("deprecated"):  # deprecated or "temporarily not working" in the docs
                    node.setForeground(1, QColor("#8c959f"))

    def _fit_method_column(self, node: QTreeWidgetItem) -> None:
        depth, parent = 0, node.parent()
        while parent is not None:
            depth, parent = depth + 1, parent.parent()
        if depth > self._deepest or self.tree.header().sectionSize(0) < 40:
            self._deepest = max(depth, self._deepest)
            text_width = QFontMetrics(self._small_bold(node)).horizontalAdvance("DELETE")
            self.tree.header().resizeSection(0, self.tree.indentation() * (self._deepest + 1) + text_width + 12)

    def _small_bold(self, node: QTreeWidgetItem) -> QFont:
        # One shared font: building thousands of nodes must stay quick.
        if self._method_font is None:
            small = QFont(node.font(0))
            small.setBold(True)
            small.setPointSizeF(max(small.pointSizeF() - 1.5, 7))
            self._method_font = small
        return self._method_font

    def _request_nodes(self):
        """Every request node, documentation and clients, top to bottom."""
        stack = [self.tree.topLevelItem(i) for i in reversed(range(self.tree.topLevelItemCount()))]
        while stack:
            node = stack.pop()
            if isinstance(node.data(0, ITEM_ROLE), Item):
                yield node
            stack.extend(node.child(i) for i in reversed(range(node.childCount())))

    def find_request(self, path: Path) -> QTreeWidgetItem | None:
        return next((node for node in self._request_nodes() if node.data(0, ITEM_ROLE).path == path), None)

    def find_item(self, wanted: Callable[[Item], bool]) -> Item | None:
        """The first request in the tree (documentation included) that `wanted` accepts."""
        return next((node.data(0, ITEM_ROLE) for node in self._request_nodes() if wanted(node.data(0, ITEM_ROLE))), None)

    def reveal(self, path: Path | None) -> None:
        """Open the folders down to the request at `path` and select it, so the agent sees what is open."""
        node = self.find_request(path) if path is not None else None
        if node is None:
            return
        parent = node.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.tree.setCurrentItem(node)

    def mark_unsaved(self, path: Path | None, unsaved: bool) -> None:
        """The "•" before the name of the open request while it has unsaved changes."""
        node = self.find_request(path) if path is not None else None
        if node is None:
            return
        item = node.data(0, ITEM_ROLE)
        node.setText(1, (UNSAVED_MARK if unsaved else "") + item.request.name)

    def _clicked(self, node: QTreeWidgetItem) -> None:
        item = node.data(0, ITEM_ROLE)
        if isinstance(item, Item):
            if node.data(0, CLIENT_ROLE) is None:
                self.open_only(node)
            self.item_chosen.emit(item)

    def open_only(self, node: QTreeWidgetItem) -> None:
        """In the documentation, keep open only the groups that lead to the request in use."""
        keep, parent = set(), node.parent()
        while parent is not None:
            keep.add(id(parent))
            parent = parent.parent()
        top = node
        while top.parent() is not None:
            top = top.parent()
        stack = [top.child(i) for i in range(top.childCount())]
        while stack:
            group = stack.pop()
            if group.childCount():
                group.setExpanded(id(group) in keep)
                stack.extend(group.child(i) for i in range(group.childCount()))

    def filter(self, text: str) -> None:
        """Hide what does not match a name (Russian or English), URL, body or field name; folders stay while a child matches."""
        needle = text.strip().lower()
        client_hits = self.client_search(needle) if needle and self.client_search is not None else None

        def visit(node: QTreeWidgetItem) -> bool:
            item = node.data(0, ITEM_ROLE)
            if isinstance(item, Item):
                if not needle:
                    shown = True
                elif client_hits is not None and node.data(0, CLIENT_ROLE) is not None:
                    shown = item.path in client_hits
                else:
                    shown = needle in _haystack(item)
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


def _haystack(item: Item) -> str:
    """What search looks in: both names, the address, the body and the names of the documented fields."""
    names = item.meta.get("names") if isinstance(item.meta.get("names"), dict) else {}
    rules = item.meta.get("rules") if isinstance(item.meta.get("rules"), dict) else {}
    fields = [name for part in rules.values() if isinstance(part, dict) and "type" not in part for name in part]
    return "\n".join([item.request.name, *map(str, names.values()), item.request.full_url(), item.request.body.text,
                      *fields]).lower()


def _node_key(node: QTreeWidgetItem) -> str:
    data = node.data(0, ITEM_ROLE)
    if isinstance(data, Folder):
        return str(data.path)
    return node.data(0, KIND_ROLE) or node.text(0)
