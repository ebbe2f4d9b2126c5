"""The clients' side of the window: the "Clients" tree and its actions, per-client variables, history, File menu."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidgetItem,
)

from desktop.core.collection import Folder, Item
from desktop.core.drafts import Drafts
from desktop.core.history import History
from desktop.core.models import Body, Request
from desktop.core.paths import Paths
from desktop.core.settings import Settings
from desktop.core.store import Deleted, Store, StoreError, default_environment
from desktop.core.variables import Environment
from desktop.i18n import _
from desktop.ui.collection_tree import CLIENT_ROLE, ITEM_ROLE, KIND_ROLE
from desktop.ui.history_panel import HistoryPanel
from desktop.ui.save_flow import EditorSession

UNDO_SECONDS = 20


def make_store(settings: Settings) -> Store:
    """The clients' folder: the one chosen in the settings (a shared folder, a git checkout), else the default."""
    return Store(Path(settings.data_folder)) if settings.data_folder else Store()


def attach_clients(window, paths: Paths, settings: Settings, secret_store=None, fresh: bool = True) -> ClientsPanel:
    """Wire the clients' features into a main window; `secret_store` (get/set) is where secret values live."""
    if secret_store is None:
        from desktop.ui.environment_dialog import MemorySecrets

        secret_store = MemorySecrets()
    window.clients = ClientsPanel(window, paths, settings, secret_store, fresh)
    return window.clients


class ClientsPanel(QObject):
    def __init__(self, window, paths: Paths, settings: Settings, secret_store, fresh: bool = True):
        super().__init__(window)
        self.window = window
        self.paths = paths
        self.settings = settings
        self.secret_store = secret_store
        self.store = make_store(settings)
        self.deleted: list[Deleted] = []
        if window.secret_lookup is None:
            window.secret_lookup = secret_store.get
        self.session = EditorSession(window, self.store, Drafts(paths.cache))
        self.history = HistoryPanel(History(paths.data))

        sidebar = window.sidebar
        sidebar.client_search = self.search_paths
        sidebar.menu_requested.connect(self.show_menu)
        sidebar.tree.dropped.connect(self.dropped)
        self.session.opened.connect(self.activate_client)
        self.session.saved.connect(lambda _path: self.refresh())
        self.history.reopen.connect(self.session.open_request)
        window.response_shown.connect(self.record)
        window.environment_box.currentTextChanged.connect(lambda name: self.history.show_owner(name))

        self.session.saved_into_client.connect(self.client_saved)
        window.add_side_tab(self.history, _("History"))

        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setToolTip(_("Put back what was just deleted"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_delete)
        window.statusBar().addPermanentWidget(self.undo_button)
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.timeout.connect(self.undo_button.hide)

        self._build_menus()
        self.refresh()
        self.history.show_owner(window.environment_box.currentText())
        # A fresh start shows the request whose first Send works (the profile status, in the sandbox).
        if fresh and not self.session.restore_draft():
            window.open_start_request()

    # ---- menus ----------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        window = self.window
        bar = window.menuBar()
        self.file_menu = QMenu(_("&File"), window)
        bar.insertMenu(bar.actions()[0], self.file_menu)

        def action(text: str, slot, shortcut: str | None = None) -> QAction:
            act = QAction(text, window)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())
            self.file_menu.addAction(act)
            return act

        self.save_action = action(_("Save"), self.session.save, "Ctrl+S")
        self.save_as_action = action(_("Save as…"), self.session.save_as, "Ctrl+Shift+S")
        self.file_menu.addSeparator()
        action(_("New client…"), self.ask_new_client)
        self.environment_action = action(_("Edit environment…"), self.edit_environment)
        self.file_menu.addSeparator()
        action(_("Import Postman collection…"), self.ask_import)
        action(_("Export client…"), lambda: self.ask_export(self.current_client()))
        data_action = QAction(_("Data folder…"), window)
        data_action.triggered.connect(lambda _checked=False: self.ask_data_folder())
        window.settings_menu.addAction(data_action)

    # The import, export and data folder dialogs load when first asked for, not when the window starts.

    def ask_import(self) -> None:
        from desktop.ui import transfer

        transfer.ask_import(self)

    def ask_export(self, client: str | None) -> None:
        from desktop.ui import transfer

        transfer.ask_export(self, client)

    def ask_data_folder(self) -> None:
        from desktop.ui import data_folder

        data_folder.ask(self)

    def show_menu(self, node: QTreeWidgetItem | None, position) -> None:
        menu = QMenu(self.window)
        kind = node.data(0, KIND_ROLE) if node is not None else None
        client = node.data(0, CLIENT_ROLE) if node is not None else None
        data = node.data(0, ITEM_ROLE) if node is not None else None

        def add(text: str, slot) -> None:
            menu.addAction(text).triggered.connect(lambda _checked=False: slot())

        if kind == "request" and client is None:
            add(_("Copy to client…"), lambda: self.ask_copy_to_client(data.path))
        elif kind == "request":
            add(_("Rename…"), lambda: self.ask_rename_request(data))
            add(_("Duplicate"), lambda: self.duplicate_request(data.path))
            add(_("Move to…"), lambda: self.ask_move(data.path))
            menu.addSeparator()
            add(_("Delete"), lambda: self.delete(data.path, data.request.name))
        elif kind in ("client", "folder") and client is not None:
            folder = self._relative_folder(client, data)
            add(_("New request"), lambda: self.new_request(client, folder))
            add(_("New folder…"), lambda: self.ask_new_folder(client, folder))
            if kind == "client":
                menu.addSeparator()
                add(_("Edit environment…"), lambda: self.edit_environment(client))
                add(_("Rename…"), lambda: self.ask_rename_client(client))
                add(_("Duplicate"), lambda: self.duplicate_client(client))
                add(_("Export client…"), lambda: self.ask_export(client))
                menu.addSeparator()
                add(_("Delete"), lambda: self.delete(self.store.client_dir(client), client))
            else:
                menu.addSeparator()
                add(_("Delete"), lambda: self.delete(data.path, data.name))
        else:
            add(_("New client…"), self.ask_new_client)
            add(_("Import Postman collection…"), self.ask_import)
        menu.popup(position)

    def _relative_folder(self, client: str, data) -> Path:
        if isinstance(data, Folder):
            try:
                return data.path.resolve().relative_to(self.store.client_dir(client).resolve())
            except ValueError:
                pass
        return Path()

    # ---- the tree -------------------------------------------------------------------------------

    def refresh(self) -> None:
        trees = []
        skipped = []
        for client in self.store.clients():
            try:
                trees.append((client, self.store.tree(client)))
                skipped += [f"{client}: {problem}" for problem in self.store.problems(client)]
            except (StoreError, OSError) as exc:
                self.window.statusBar().showMessage(str(exc), 10000)
        if skipped:
            # All of them by name, and it stays: one damaged file in a shared folder must be findable.
            names = ", ".join(problem.split(": ")[0] + "/" + problem.split(": ")[1] for problem in skipped)
            self.window.statusBar().showMessage(
                _("Skipped and left unchanged ({count}): {files}. Point here for the reasons.").format(count=len(skipped), files=names))
            self.window.statusBar().setToolTip("\n".join(skipped))
        root = self.window.sidebar.show_clients(trees, _("Clients"))
        if self.window.sidebar.tree.indexOfTopLevelItem(root) != 0:
            # The agent's own work comes first, the documentation below it.
            tree = self.window.sidebar.tree
            tree.takeTopLevelItem(tree.indexOfTopLevelItem(root))
            tree.insertTopLevelItem(0, root)
            root.setFirstColumnSpanned(True)
            root.setExpanded(True)
        self.window.sidebar.mark_unsaved(self.session.path, self.session.dirty)
        self.window.sidebar.reveal(self.session.path)

    def search_paths(self, needle: str) -> set[Path]:
        return {match.path for match in self.store.search(needle)}

    def current_client(self) -> str | None:
        name = self.window.environment_box.currentText()
        return name if name in self.store.clients() else self.session.client

    def _run(self, action) -> object | None:
        """Do a store action; its plain message goes to a box instead of a traceback."""
        try:
            return action()
        except StoreError as exc:
            QMessageBox.warning(self.window, _("Not done"), str(exc))
        except OSError as exc:
            QMessageBox.warning(
                self.window, _("Not done"), _("The file could not be written ({reason}). Check the data folder in Settings.").format(reason=exc.strerror or str(exc))
            )
        return None

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.window, title, label, text=text)
        return value if ok else None

    def ask_new_client(self) -> str | None:
        name = self.ask_text(_("New client"), _("Client's name (for example, the company or the profile):"))
        return self.create_client(name) if name is not None else None

    def create_client(self, name: str) -> str | None:
        path = self._run(lambda: self.store.create_client(name))
        if path is None:
            return None
        self.refresh()
        return path.name

    def ask_rename_client(self, client: str) -> None:
        name = self.ask_text(_("Rename client"), _("New name:"), client)
        if name is not None:
            self.rename_client(client, name)

    def _secret_names(self, client: str) -> list[str]:
        try:
            return [v.name for v in self.store.environment(client).variables if v.secret]
        except StoreError:
            return ["token"]

    def _copy_secrets(self, old: str, new: str) -> list[str]:
        """Secret values follow a client to its new name (they are keyed by it in the keyring)."""
        names = self._secret_names(old)
        for name in names:
            value = self.secret_store.get(old, name)
            if value:
                self.secret_store.set(new, name, value)
        return names

    def rename_client(self, old: str, new: str) -> None:
        old_dir = self.store.client_dir(old)
        target = self._run(lambda: self.store.rename_client(old, new))
        if target is None:
            return
        self.secret_store.delete_environment(old, self._copy_secrets(old, target.name))
        self.session.relocate(old_dir, target, target.name)
        self.window.environments[:] = [e for e in self.window.environments if e.name != old]
        box = self.window.environment_box
        if box.findText(old) >= 0:
            box.removeItem(box.findText(old))
        if self.session.client == target.name:
            self.activate_client(target.name)
        self.refresh()

    def duplicate_client(self, client: str) -> None:
        copy = self._run(lambda: self.store.duplicate_client(client))
        if copy is not None:
            self._copy_secrets(client, copy)
            self.refresh()

    def new_request(self, client: str, folder: Path = Path()) -> Path | None:
        if not self.session.confirm_leave():
            return None
        request = Request("GET", "{{base_url}}/api/sync/get/status", body=Body("none", ""), name=_("New request"))
        path = self._run(lambda: self.store.save(client, request, folder=folder))
        if path is None:
            return None
        self.refresh()
        self.session.open(Item(path, request, {}))
        return path

    def ask_new_folder(self, client: str, parent: Path) -> None:
        name = self.ask_text(_("New folder"), _("Folder name:"))
        if name is not None and self._run(lambda: self.store.create_folder(client, name, parent)) is not None:
            self.refresh()

    def ask_rename_request(self, item: Item) -> None:
        name = self.ask_text(_("Rename request"), _("New name:"), item.request.name)
        if name is not None:
            self.rename_request(item.path, name)

    def rename_request(self, path: Path, name: str) -> Path | None:
        target = self._run(lambda: self.store.rename_request(path, name))
        if target is not None:
            if self.session.path == path:
                self.session.name = name.strip()
            self.session.relocate(path, target)
            self.refresh()
        return target

    def duplicate_request(self, path: Path) -> None:
        if self._run(lambda: self.store.duplicate_request(path)) is not None:
            self.refresh()

    def _destinations(self) -> list[tuple[str, str, Path]]:
        """(label, client, folder) for every client and every folder in it."""
        out = []
        for client in self.store.clients():
            out.append((client, client, Path()))
            try:
                base = self.store.client_dir(client).resolve()
                stack = [self.store.tree(client)]
            except StoreError:
                continue
            while stack:
                folder = stack.pop(0)
                for child in folder.children:
                    if isinstance(child, Folder):
                        relative = child.path.resolve().relative_to(base)
                        out.append((f"{client} / {' / '.join(relative.parts)}", client, relative))
                        stack.append(child)
        return out

    def ask_move(self, path: Path) -> None:
        places = self._destinations()
        label, ok = QInputDialog.getItem(self.window, _("Move to…"), _("Where should the request go?"), [p[0] for p in places], 0, False)
        if ok:
            _label, client, folder = next(p for p in places if p[0] == label)
            self.move(path, client, folder)

    def move(self, path: Path, client: str, folder: Path = Path()) -> Path | None:
        target = self._run(lambda: self.store.move_request(path, client, folder))
        if target is not None:
            self.session.relocate(path, target)
            self.refresh()
        return target

    def dropped(self, nodes: list[QTreeWidgetItem], target: QTreeWidgetItem) -> None:
        client = target.data(0, CLIENT_ROLE)
        if client is None:
            return
        data = target.data(0, ITEM_ROLE)
        kind = target.data(0, KIND_ROLE)
        folder = self._relative_folder(client, data) if kind in ("client", "folder") else None
        if folder is None and isinstance(data, Item):
            folder = self._relative_folder(client, Folder(data.path.parent, ""))
        for node in nodes:
            item = node.data(0, ITEM_ROLE)
            if node.data(0, CLIENT_ROLE) is None:
                self._run(lambda path=item.path: self.store.copy_to_client(path, client, folder))
            elif item.path.parent != self.store.folder_dir(client, folder):
                target_path = self._run(lambda path=item.path: self.store.move_request(path, client, folder))
                if target_path is not None:
                    self.session.relocate(item.path, target_path)
        self.refresh()

    def ask_copy_to_client(self, path: Path) -> None:
        clients = self.store.clients()
        client, ok = QInputDialog.getItem(
            self.window, _("Copy to client"), _("Which client? (Type a new name to make a client.)"), clients, 0, True
        )
        if ok:
            self.copy_to_client(path, client)

    def copy_to_client(self, path: Path, client: str) -> Path | None:
        existing = {c.casefold(): c for c in self.store.clients()}
        if client.strip().casefold() in existing:
            client = existing[client.strip().casefold()]
        elif self.create_client(client) is None:
            return None
        else:
            client = client.strip()
        target = self._run(lambda: self.store.copy_to_client(path, client))
        if target is not None:
            self.refresh()
            self.window.statusBar().showMessage(_("Copied to «{client}».").format(client=client), 5000)
        return target

    def delete(self, path: Path, label: str) -> None:
        client = next((c for c in self.store.clients() if self.store.client_dir(c) == path), None)
        names = self._secret_names(client) if client else []
        deleted = self._run(lambda: self.store.delete(path))
        if deleted is None:
            return
        if client:
            # The client's token leaves the keyring with it; after an undo the app asks for it again by name.
            self.secret_store.delete_environment(client, names)
        self.deleted.append(deleted)
        self.session.forget(deleted.original)
        self.refresh()
        self.window.statusBar().showMessage(_("«{name}» deleted. Press «Undo» to put it back.").format(name=label), UNDO_SECONDS * 1000)
        self.undo_button.show()
        self.undo_timer.start(UNDO_SECONDS * 1000)

    def undo_delete(self) -> None:
        if not self.deleted:
            return
        deleted = self.deleted.pop()
        if self._run(lambda: self.store.restore(deleted)) is not None:
            self.window.statusBar().showMessage(_("«{name}» is back.").format(name=deleted.original.name), 5000)
        if not self.deleted:
            self.undo_button.hide()
        self.refresh()

    # ---- environments ---------------------------------------------------------------------------

    def activate_client(self, client: str | None) -> None:
        """Opening a client's request makes its variables the active environment (shown in the toolbar)."""
        if client is None:
            return
        self.window.sidebar.reveal(self.session.path)
        try:
            environment = self.store.environment(client)
        except StoreError as exc:
            self.window.statusBar().showMessage(str(exc), 10000)
            environment = default_environment(client)
        self._put_environment(environment)
        self.window.environment_box.setCurrentText(client)

    def client_saved(self, client: str) -> None:
        """Save as into a client keeps the environment the agent works in, and says how to use the client's own."""
        self.window.sidebar.reveal(self.session.path)
        try:
            self._put_environment(self.store.environment(client))
        except StoreError:
            self._put_environment(default_environment(client))
        current = self.window.environment_box.currentText()
        if current != client:
            self.window.statusBar().showMessage(
                _("Saved in «{client}». Requests still go to «{environment}». To send with the client's own address, profile_id and token, "
                  "fill them in File → Edit environment… and choose «{client}» in the Environment list.").format(client=client, environment=current),
                20000,
            )

    def _put_environment(self, environment: Environment) -> None:
        window = self.window
        window.environments[:] = [e for e in window.environments if e.name != environment.name] + [environment]
        box = window.environment_box
        placeholder = box.findText(_("No environment"))
        if box.findText(environment.name) < 0:
            box.addItem(environment.name)
        if placeholder >= 0 and not any(e.name == _("No environment") for e in window.environments):
            box.removeItem(placeholder)
        window.environment_reloaded()

    def edit_environment(self, client: str | None = None) -> None:
        client = client or self.current_client()
        if not client:
            QMessageBox.information(self.window, _("No client"), _("Open a client's request first, or make a client with File → New client."))
            return
        try:
            environment = self.store.environment(client)
        except StoreError as exc:
            QMessageBox.warning(self.window, _("Not done"), str(exc))
            return
        secrets = {v.name: self.secret_store.get(client, v.name) or "" for v in environment.variables if v.secret}
        from desktop.ui.environment_dialog import EnvironmentDialog

        dialog = EnvironmentDialog(self.window, environment, secrets)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_environment(client, dialog.environment(), dialog.secrets())

    def save_environment(self, client: str, environment: Environment, secrets: dict[str, str]) -> None:
        """Non-secret values go to the client's file; secret values only to the secret store."""
        if self._run(lambda: self.store.save_environment(client, environment)) is None:
            return
        for name, value in secrets.items():
            self.secret_store.set(client, name, value)
        self._put_environment(self.store.environment(client))

    # ---- history --------------------------------------------------------------------------------

    def record(self, result) -> None:
        answer = self.window.session.answer
        request = answer.request.copy() if answer is not None else self.window.to_model()
        request.name = self.session.name
        environment = self.window.active_environment()
        secrets = environment.secret_values(self.window.variable_values()) if environment else []
        self.history.record(request, result, secrets)

    def set_root(self, root: Path | None) -> bool:
        """Switch to another clients' folder (or back to the default one with None)."""
        if not self.session.confirm_leave():
            return False
        self.store = Store(root) if root is not None else Store()
        self.session.store = self.store
        # What is on screen stays, as a request not saved anywhere in the new folder.
        self.session.path = self.session.client = None
        self.session.discard()
        self.settings.data_folder = str(root) if root is not None else ""
        self.window.settings_changed.emit()
        self.refresh()
        return True

    def drafts_written(self) -> bool:
        """True once the open request's unsaved state is on disk (tests wait for the debounce with it)."""
        return self.session.drafts.get(self.session.draft_key()) is not None
