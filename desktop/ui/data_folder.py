"""Settings → Data folder: where the clients live, and switching to a shared folder or a git checkout."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desktop.i18n import _


class DataFolderDialog(QDialog):
    def __init__(self, parent, current: Path, is_default: bool):
        super().__init__(parent)
        self.setWindowTitle(_("Data folder"))
        self.chosen: Path | None = current
        self.use_default = False
        intro = QLabel(
            _("Your clients, their requests and variables are plain files in this folder. To share them with your team, choose a shared folder or a git repository.")
        )
        intro.setWordWrap(True)
        self.path_label = QLabel(str(current))
        self.path_label.setObjectName("dataFolderPath")
        self.path_label.setWordWrap(True)
        self.path_label.setStyleSheet("font-weight: bold;")
        open_button = QPushButton(_("Open the folder"))
        change = QPushButton(_("Choose another folder…"))
        default = QPushButton(_("Use the default folder"))
        default.setEnabled(not is_default)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.chosen or current))))
        change.clicked.connect(self._change)
        default.clicked.connect(self._default)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addWidget(change)
        row.addWidget(default)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _change(self) -> None:
        name = QFileDialog.getExistingDirectory(self, _("Choose the data folder"), str(self.chosen or ""))
        if name:
            self.chosen, self.use_default = Path(name), False
            self.path_label.setText(name)

    def _default(self) -> None:
        self.chosen, self.use_default = None, True
        self.path_label.setText(_("The default folder"))


def ask(panel) -> None:
    current = panel.store.root
    dialog = DataFolderDialog(panel.window, current, not panel.settings.data_folder)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    if dialog.use_default:
        panel.set_root(None)
    elif dialog.chosen is not None and dialog.chosen != current:
        panel.set_root(dialog.chosen)
