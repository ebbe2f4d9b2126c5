"""The "Diagnosis" panel: findings with severity, what to do next, one-click fixes and a ready reply for the client."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.diagnose import Finding
from desktop.i18n import _, ngettext

COLOURS = {"error": "#cf222e", "warning": "#9a6700", "info": "#0969da"}
# Names, not QStyle's values: PySide builds a class's enums at its first use (QStyle's take ~20 ms), which is
# when the first finding is shown rather than when the window starts.
_ICONS = {"error": "SP_MessageBoxCritical", "warning": "SP_MessageBoxWarning", "info": "SP_MessageBoxInformation"}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FindingCard(QFrame):
    """One finding: icon and coloured title, the explanation, the next step, and a Fix button when there is one."""

    fix_requested = Signal(object)  # the Finding

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("findingCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = COLOURS.get(finding.severity, COLOURS["info"])
        self.setStyleSheet(f"#findingCard {{ border-left: 4px solid {colour}; }}")
        layout = QHBoxLayout(self)
        icon = QLabel()
        from PySide6.QtWidgets import QStyle

        standard = getattr(QStyle.StandardPixmap, _ICONS.get(finding.severity, _ICONS["info"]))
        icon.setPixmap(self.style().standardIcon(standard).pixmap(20, 20))
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
            self.fix_button.clicked.connect(lambda: self.fix_requested.emit(finding))
            layout.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignTop)


class DiagnosisPanel(QWidget):
    """«What is wrong»: renders the session's findings; asks the window for a fix (`fix_requested`) or the reply (`reply_requested`)."""

    fix_requested = Signal(object)  # the Finding whose fix the agent asked for
    reply_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._cards: list[FindingCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title_label = QLabel(f"<b>{_escape(_('What is wrong'))}</b>")
        top.addWidget(self.title_label)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        top.addWidget(self.summary_label, 1)
        self.reply_button = QPushButton(_("Reply to client…"))
        self.reply_button.setToolTip(_("A ready message for the client about this request: read it, change it if needed, copy it"))
        self.reply_button.clicked.connect(self.reply_requested)
        top.addWidget(self.reply_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Texts wrap to the width; a sideways scroll would hide the «Fix» buttons.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        self._list = QVBoxLayout(holder)
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.addStretch(1)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.scroll = scroll
        self.set_findings([])

    def show_checking(self) -> None:
        """Between opening a request and its findings: nothing of the previous request stays."""
        self.set_findings([])
        self.summary_label.setText(_("Checking the request…"))
        self.reply_button.setEnabled(False)

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
        self.scroll.setVisible(bool(findings))
        self.reply_button.setEnabled(True)
        if not findings:
            self.summary_label.setText(_("No problems found in this request."))
        else:
            self.summary_label.setText(ngettext("{count} problem found", "{count} problems found", len(findings)).format(count=len(findings)))

    def wanted_height(self) -> int:
        """The height that shows every card without scrolling (the window caps it)."""
        top = self.summary_label.sizeHint().height() + 16
        if not self._cards:
            return top
        width = max(self.scroll.viewport().width(), 200)
        cards = sum(card.heightForWidth(width) if card.hasHeightForWidth() else card.sizeHint().height() for card in self._cards)
        return top + cards + 8 * len(self._cards) + 12

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def cards(self) -> list[FindingCard]:
        return list(self._cards)
