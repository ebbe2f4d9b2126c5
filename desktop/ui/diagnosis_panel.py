"""The "Diagnosis" panel: findings with severity, what to do next, one-click fixes and a ready reply for the client."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.core.diagnose import Finding, reply_text
from desktop.i18n import _, ngettext

COLOURS = {"error": "#cf222e", "warning": "#9a6700", "info": "#0969da"}
_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FindingCard(QFrame):
    """One finding: icon and coloured title, the explanation, the next step, and a Fix button when there is one."""

    fix_requested = Signal(str)

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("findingCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = COLOURS.get(finding.severity, COLOURS["info"])
        self.setStyleSheet(f"#findingCard {{ border-left: 4px solid {colour}; }}")
        layout = QHBoxLayout(self)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(_ICONS.get(finding.severity, _ICONS["info"])).pixmap(20, 20))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        texts = QVBoxLayout()
        self.title_label = QLabel(f"<b style='color:{colour}'>{_escape(finding.title)}</b>")
        self.message_label = QLabel(_escape(finding.message))
        self.next_label = QLabel(f"<i>{_escape(_('What to do:'))}</i> {_escape(finding.next_step)}")
        for label in (self.title_label, self.message_label, self.next_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            texts.addWidget(label)
        layout.addLayout(texts, 1)
        self.fix_button: QPushButton | None = None
        if finding.fix:
            self.fix_button = QPushButton(_("Fix"))
            self.fix_button.setToolTip(_("Correct the request in one click"))
            self.fix_button.clicked.connect(lambda: self.fix_requested.emit(finding.fix))
            layout.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignTop)


class DiagnosisPanel(QWidget):
    """Shows diagnose() findings; `fix_requested(fix_id)` asks the window to apply core.diagnose.apply_fix."""

    fix_requested = Signal(str)
    reply_copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._cards: list[FindingCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        top.addWidget(self.summary_label, 1)
        self.reply_button = QPushButton(_("Reply to client"))
        self.reply_button.setToolTip(_("Copy a ready message for the client: what is wrong and how to fix it"))
        self.reply_button.clicked.connect(self.copy_reply)
        top.addWidget(self.reply_button)
        layout.addLayout(top)
        self.status_label = QLabel()
        layout.addWidget(self.status_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        self._list = QVBoxLayout(holder)
        self._list.addStretch(1)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.scroll = scroll
        self.set_findings([])
        # Before the first answer there is nothing to judge yet.
        self.summary_label.setText(_("After «Send», what went wrong (if anything) and how to fix it appears here."))

    def set_findings(self, findings: list[Finding]) -> None:
        for card in self._cards:
            self._list.removeWidget(card)
            card.deleteLater()
        self._findings = list(findings)
        self._cards = []
        for finding in self._findings:
            card = FindingCard(finding)
            card.fix_requested.connect(self.fix_requested)
            self._list.insertWidget(self._list.count() - 1, card)
            self._cards.append(card)
        self.status_label.clear()
        self.scroll.setVisible(bool(findings))
        self.reply_button.setEnabled(bool(findings))
        if not findings:
            self.summary_label.setText(_("No problems found in this request."))
        else:
            self.summary_label.setText(ngettext("{count} problem found", "{count} problems found", len(findings)).format(count=len(findings)))

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def cards(self) -> list[FindingCard]:
        return list(self._cards)

    def copy_reply(self) -> str:
        text = reply_text(self._findings)
        QGuiApplication.clipboard().setText(text)
        self.status_label.setText(_("The reply is copied: paste it into the chat with the client."))
        self.reply_copied.emit(text)
        return text
