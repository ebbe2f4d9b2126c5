"""Where the time went: total, then connect, TLS, send, wait and download as horizontal bars."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from desktop.i18n import _

PHASES = ("connect", "tls", "send", "wait", "download")
COLOURS = {"connect": "#8250df", "tls": "#bf3989", "send": "#0969da", "wait": "#d4a72c", "download": "#1a7f37"}


def phase_labels() -> dict[str, str]:
    return {
        "connect": _("Connect (incl. DNS)"),
        "tls": _("Secure connection (TLS)"),
        "send": _("Sending the request"),
        "wait": _("Waiting for the server"),
        "download": _("Downloading the answer"),
    }


class TimingChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.total = 0.0
        self.phases: dict[str, float] = {}

    def load(self, total_ms: float, phases: dict[str, float]) -> None:
        self.total, self.phases = total_ms, dict(phases)
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str, float, str]]:
        """(label, milliseconds, phase) in wire order; the first row is the total."""
        labels = phase_labels()
        rows = [(_("Total"), self.total, "total")]
        rows += [(labels[p], self.phases[p], p) for p in PHASES if p in self.phases]
        return rows

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 40 + 28 * len(self.rows()))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        text = self.palette().color(QPalette.ColorRole.Text)
        label_w = max((metrics.horizontalAdvance(label) for label, _ms, _p in self.rows()), default=0) + 16
        value_w = metrics.horizontalAdvance("00000.0 ms") + 12
        bar_w = max(self.width() - label_w - value_w - 16, 40)
        scale = bar_w / self.total if self.total > 0 else 0
        offset = 0.0  # phases follow each other on the time line, like a waterfall
        y = 12
        for label, ms, phase in self.rows():
            painter.setPen(text)
            painter.drawText(QRectF(8, y, label_w, 22), Qt.AlignmentFlag.AlignVCenter, label)
            colour = QColor("#57606a") if phase == "total" else QColor(COLOURS[phase])
            start = 0 if phase == "total" else offset
            rect = QRectF(8 + label_w + start * scale, y + 4, max(ms * scale, 2), 14)
            painter.fillRect(rect, colour)
            painter.drawText(QRectF(8 + label_w + bar_w + 8, y, value_w, 22), Qt.AlignmentFlag.AlignVCenter, _("{ms} ms").format(ms=f"{ms:.1f}"))
            if phase != "total":
                offset += ms
            y += 28
        if not self.phases:
            painter.setPen(text)
            painter.drawText(QRectF(8, y, self.width() - 16, 40), Qt.TextFlag.TextWordWrap, _("The connection was reused, so only the total is known."))
