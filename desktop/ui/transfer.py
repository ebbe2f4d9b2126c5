"""File → Import Postman collection / Export client: the dialogs around desktop/core/postman.py."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
)

from desktop.core import postman
from desktop.core.store import StoreError
from desktop.i18n import _, ngettext


def import_file(panel, path: Path, client: str) -> tuple[int, list[str]]:
    """Import `path` into `client` (made if missing): the number of requests and the lines for the report."""
    result = postman.read_collection(path)
    written, secrets = postman.import_into(panel.store, client, result)
    lines = list(result.notes)
    for variable in secrets:
        # The value came in the file: it goes to the secret store, never to our files.
        panel.secret_store.set(client, variable.name, variable.value)
        lines.append(_("The secret «{name}» was kept in the password store, not in a file.").format(name=variable.name))
    panel.refresh()
    return len(written), lines


def ask_import(panel) -> None:
    window = panel.window
    name, _filter = QFileDialog.getOpenFileName(window, _("Import Postman collection"), "", _("Postman collection (*.json);;All files (*)"))
    if not name:
        return
    try:
        proposed = postman.read_collection(Path(name)).name
    except postman.PostmanError as exc:
        QMessageBox.warning(window, _("Not imported"), str(exc))
        return
    clients = panel.store.clients()
    client, ok = QInputDialog.getItem(
        window, _("Import into"), _("Into which client? (Type a new name to make a client.)"), [proposed, *clients], 0, True
    )
    if not ok:
        return
    try:
        count, lines = import_file(panel, Path(name), client.strip())
    except (postman.PostmanError, StoreError) as exc:
        QMessageBox.warning(window, _("Not imported"), str(exc))
        return
    except OSError as exc:
        QMessageBox.warning(window, _("Not imported"), _("The file could not be written ({reason}). Check the data folder in Settings.").format(reason=exc.strerror or str(exc)))
        return
    ImportReport(window, client.strip(), count, lines).exec()


class ImportReport(QDialog):
    """How many requests came in and, one line each, what could not be taken over."""

    def __init__(self, parent, client: str, count: int, lines: list[str]):
        super().__init__(parent)
        self.setWindowTitle(_("Import finished"))
        layout = QVBoxLayout(self)
        summary = QLabel(ngettext("{count} request imported into «{client}».", "{count} requests imported into «{client}».", count).format(count=count, client=client))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.lines = QListWidget()
        if lines:
            layout.addWidget(QLabel(_("Not imported, or changed on the way (check these by hand):")))
            self.lines.addItems(lines)
            layout.addWidget(self.lines, 1)
        else:
            layout.addWidget(QLabel(_("Everything in the file was imported.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(520, 320 if lines else 120)


def export_to(panel, client: str, path: Path) -> None:
    postman.write_export(path, postman.export_client(panel.store, client))


def ask_export(panel, client: str | None) -> None:
    window = panel.window
    clients = panel.store.clients()
    if not clients:
        QMessageBox.information(window, _("Nothing to export"), _("There are no clients yet. Make one with File → New client."))
        return
    if client not in clients:
        client, ok = QInputDialog.getItem(window, _("Export client"), _("Which client?"), clients, 0, False)
        if not ok:
            return
    name, _filter = QFileDialog.getSaveFileName(
        window, _("Export client"), f"{client}.postman_collection.json", _("Postman collection (*.json)")
    )
    if not name:
        return
    try:
        export_to(panel, client, Path(name))
    except StoreError as exc:
        QMessageBox.warning(window, _("Not exported"), str(exc))
        return
    except OSError as exc:
        QMessageBox.warning(window, _("Not exported"), _("{file}: cannot be written ({reason})").format(file=name, reason=exc.strerror or str(exc)))
        return
    window.statusBar().showMessage(
        _("«{client}» exported to {file}. Secret values were left out.").format(client=client, file=name), 10000
    )
