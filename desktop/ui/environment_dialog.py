"""A client's variables as a table (name, value, secret); secret values go to the secret store, never to a file."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.secrets import bare_token, clean_token
from desktop.core.variables import Environment, Variable
from desktop.i18n import _


class MemorySecrets:
    """Secret values for this run only. The hook: anything with get(env, name) / set(env, name, value), e.g. the keyring."""

    def __init__(self):
        self._values: dict[tuple[str, str], str] = {}

    def get(self, environment: str, name: str) -> str | None:
        return self._values.get((environment, name))

    def set(self, environment: str, name: str, value: str) -> None:
        self._values[(environment, name)] = value

    def delete_environment(self, environment: str, names) -> None:
        for name in names:
            self._values.pop((environment, name), None)


class EnvironmentDialog(QDialog):
    """Edits a copy: `environment()` and `secrets()` give the result after OK."""

    def __init__(self, parent, environment: Environment, secrets: dict[str, str]):
        super().__init__(parent)
        self.name = environment.name
        self.setWindowTitle(_("Variables of «{client}»").format(client=environment.name))
        intro = QLabel(
            _("Requests of this client fill {{name}} with these values. Tick «Secret» for tokens: their values are kept in the system's password store, not in files.")
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Value"), _("Secret")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self._secret_toggled)
        for variable in environment.variables:
            value = secrets.get(variable.name, "") if variable.secret else variable.value
            self.add_row(variable.name, value or "", variable.secret)
        add = QPushButton(_("Add variable"))
        remove = QPushButton(_("Remove selected"))
        add.clicked.connect(lambda: self.add_row("", "", False))
        remove.clicked.connect(self._remove_selected)
        # A token pasted with quotes, "Bearer ", spaces or a line break is caught here, with the clean value offered.
        self.token_warning = QLabel()
        self.token_warning.setObjectName("tokenWarning")
        self.token_warning.setWordWrap(True)
        self.token_warning.setStyleSheet("color: #9a6700;")
        self.clean_button = QPushButton(_("Use the clean token"))
        self.clean_button.clicked.connect(self._use_clean)
        self._warned_row: int | None = None
        self._show_token_warning(None, [])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.token_warning, 1)
        warning_row.addWidget(self.clean_button)
        layout.addLayout(warning_row)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def add_row(self, name: str, value: str, secret: bool) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(name))
        # A line edit, so secret values can be shown as dots.
        edit = QLineEdit(value)
        edit.setFrame(False)
        edit.setEchoMode(QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal)
        self.table.setCellWidget(r, 1, edit)
        edit.textEdited.connect(lambda _text, e=edit: self._check_token(e))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if secret else Qt.CheckState.Unchecked)
        self.table.setItem(r, 2, check)

    def _secret_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() == 2:
            edit = self.table.cellWidget(item.row(), 1)
            if edit is not None:
                secret = item.checkState() == Qt.CheckState.Checked
                edit.setEchoMode(QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal)

    def _row_of(self, edit: QLineEdit) -> int | None:
        return next((r for r in range(self.table.rowCount()) if self.table.cellWidget(r, 1) is edit), None)

    def _check_token(self, edit: QLineEdit) -> None:
        row = self._row_of(edit)
        if row is None:
            return
        secret = self.table.item(row, 2) is not None and self.table.item(row, 2).checkState() == Qt.CheckState.Checked
        warnings = [w for w in clean_token(edit.text())[1] if w.code != "empty"] if secret else []
        self._show_token_warning(row if warnings else None, warnings)

    def _show_token_warning(self, row: int | None, warnings) -> None:
        self._warned_row = row
        name = self.table.item(row, 0).text() if row is not None and self.table.item(row, 0) else ""
        self.token_warning.setText("\n".join(f"«{name}»: {w.message}" for w in warnings))
        self.token_warning.setVisible(bool(warnings))
        edit = self.table.cellWidget(row, 1) if row is not None else None
        self.clean_button.setVisible(edit is not None and bare_token(edit.text()) != edit.text())

    def _use_clean(self) -> None:
        edit = self.table.cellWidget(self._warned_row, 1) if self._warned_row is not None else None
        if edit is not None:
            edit.setText(bare_token(edit.text()))
            self._check_token(edit)

    def _remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)

    def _rows(self) -> list[tuple[str, str, bool]]:
        rows = []
        for r in range(self.table.rowCount()):
            name = (self.table.item(r, 0).text() if self.table.item(r, 0) else "").strip()
            if not name:
                continue
            value = self.table.cellWidget(r, 1).text()
            rows.append((name, value, self.table.item(r, 2).checkState() == Qt.CheckState.Checked))
        return rows

    def environment(self) -> Environment:
        """The variables to write to the file: secret ones carry no value."""
        return Environment(self.name, [Variable(n, "" if s else v, s) for n, v, s in self._rows()])

    def secrets(self) -> dict[str, str]:
        return {n: v for n, v, s in self._rows() if s}
