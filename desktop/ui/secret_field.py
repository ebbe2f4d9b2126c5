"""A masked token field with a reveal toggle; it trims pasted tokens and shows the paste warnings under it."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.core.secrets import TokenWarning, bare_token, clean_token
from desktop.i18n import _


def eye_icon(color: QColor, crossed: bool) -> QIcon:
    """A small drawn eye (crossed out while the value is hidden): no icon theme is needed on any platform."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 2.5))
    painter.drawEllipse(QRectF(3, 9, 26, 14))
    painter.setBrush(color)
    painter.drawEllipse(QPointF(16, 16), 4, 4)
    if crossed:
        painter.drawLine(QPointF(5, 27), QPointF(27, 5))
    painter.end()
    return QIcon(pixmap)


class SecretField(QWidget):
    """Token input: masked by default; `value()` is the trimmed token; warnings appear below in plain words."""

    valueChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(_("Paste the token from the profile page of the Wappi dashboard"))
        self.reveal_action = QAction(self)
        self.reveal_action.setCheckable(True)
        self.reveal_action.toggled.connect(self.set_revealed)
        self.edit.addAction(self.reveal_action, QLineEdit.ActionPosition.TrailingPosition)
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setObjectName("secretFieldWarnings")
        self.warning_label.hide()
        # The clean value is offered, not forced: the agent sees what changes before it does.
        self.clean_button = QPushButton(_("Use the clean token"), self)
        self.clean_button.setToolTip(_("Remove the quotes, the word Bearer, spaces and line breaks"))
        self.clean_button.clicked.connect(self.use_clean)
        self.clean_button.hide()
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.warning_label, 1)
        warning_row.addWidget(self.clean_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addLayout(warning_row)
        self._warnings: list[TokenWarning] = []
        # textEdited fires for typing and for every way of pasting (keys, menu, middle click, drop).
        self.edit.textEdited.connect(self._on_edited)
        self.set_revealed(False)

    def value(self) -> str:
        return clean_token(self.edit.text())[0]

    def set_value(self, value: str) -> None:
        """Show a stored value, masked again and without warnings (it was checked when it was entered)."""
        self.reveal_action.setChecked(False)
        self.edit.setText(value)
        self._show([])

    def warnings(self) -> list[TokenWarning]:
        return list(self._warnings)

    def is_revealed(self) -> bool:
        return self.edit.echoMode() == QLineEdit.EchoMode.Normal

    def set_revealed(self, revealed: bool) -> None:
        if self.reveal_action.isChecked() != revealed:
            self.reveal_action.setChecked(revealed)  # re-enters through toggled
            return
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password)
        text = _("Hide token") if revealed else _("Show token")
        self.reveal_action.setText(text)
        self.reveal_action.setToolTip(text)
        self.reveal_action.setIcon(eye_icon(self.palette().text().color(), crossed=not revealed))

    def _on_edited(self, text: str) -> None:
        cleaned, warnings = clean_token(text)
        if cleaned != text:
            self.edit.setText(cleaned)
        # An empty field while typing is not a mistake yet; the form says so when the token is needed.
        self._show([w for w in warnings if w.code != "empty"])
        self.valueChanged.emit(cleaned)

    def use_clean(self) -> None:
        cleaned = bare_token(self.edit.text())
        self.edit.setText(cleaned)
        self._show([w for w in clean_token(cleaned)[1] if w.code != "empty"])
        self.valueChanged.emit(cleaned)

    def _show(self, warnings: list[TokenWarning]) -> None:
        self._warnings = warnings
        self.warning_label.setText("\n".join(w.message for w in warnings))
        self.warning_label.setVisible(bool(warnings))
        self.clean_button.setVisible(bool(warnings) and bare_token(self.edit.text()) != self.edit.text())
