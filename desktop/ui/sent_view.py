"""The "Request sent" tab: final address, method, every header as sent (secrets masked until revealed), body, redirects."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.attachments import SentFile, sent_parts
from desktop.core.masking import is_secret, mask, mask_url
from desktop.core.sender import dropped_words
from desktop.core.sizes import human_size
from desktop.core.models import Response
from desktop.i18n import _, ngettext
from desktop.ui.body_editor import monospace_font

BODY_PREVIEW = 4096


class SentView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.redirects = QLabel()
        self.redirects.setWordWrap(True)
        self.reveal = QCheckBox(_("Show secrets (token, keys)"))
        self.reveal.toggled.connect(self._fill)
        self.headers = QTableWidget(0, 2)
        self.headers.setHorizontalHeaderLabels([_("Name"), _("Value")])
        self.headers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.headers.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.headers.verticalHeader().setVisible(False)
        self.headers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.body_label = QLabel()
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setFont(monospace_font())
        self.body.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.redirects, self.reveal, self.headers, self.body_label, self.body):
            layout.addWidget(widget)
        self.response: Response | None = None

    def load(self, response: Response) -> None:
        self.response = response
        self.reveal.setChecked(False)
        self._fill()

    def _fill(self) -> None:
        response = self.response
        if response is None:
            return
        shown = self.reveal.isChecked()
        url = response.url if shown else mask_url(response.masked_url or response.url)
        self.summary.setText(_("{method} {url}").format(method=response.method, url=url))
        if response.redirects:
            hops = [_("{status} from {url}").format(status=status, url=u if shown else mask_url(u)) for status, u in response.redirects]
            self.redirects.setText(ngettext("Redirected {n} time:", "Redirected {n} times:", len(hops)).format(n=len(hops)) + "\n" + "\n".join(f"{i}. {hop}" for i, hop in enumerate(hops, 1)))
        else:
            self.redirects.setText(_("No redirects: the first address answered."))
        self.headers.setRowCount(0)
        # Masked where a secret variable went, so a token inside any header (not only the usual names) is hidden.
        masked = response.masked_headers if len(response.masked_headers) == len(response.sent_headers) else response.sent_headers
        for (name, value), (_name, hidden) in zip(response.sent_headers, masked):
            row = self.headers.rowCount()
            self.headers.insertRow(row)
            self.headers.setItem(row, 0, QTableWidgetItem(name))
            self.headers.setItem(row, 1, QTableWidgetItem(value if shown else hidden if not is_secret(name) else mask(hidden)))
        if response.dropped_on_redirect:
            self.redirects.setText(self.redirects.text() + "\n" + dropped_words(response))
        sent = response.sent_body
        if sent:
            self.body_label.setText(_("Body sent: {size}").format(size=human_size(wire_size(response))))
            self.body.setPlainText(body_text(sent))
            self.body.show()
        else:
            self.body_label.setText(_("No body was sent."))
            self.body.hide()

    def visible_text(self) -> str:
        """Everything this tab shows, for tests and for copying into a ticket."""
        cells = [
            self.headers.item(r, c).text() for r in range(self.headers.rowCount()) for c in range(2) if self.headers.item(r, c)
        ]
        return "\n".join([self.summary.text(), self.redirects.text(), *cells, self.body_label.text(), self.body.toPlainText()])


def wire_size(response: Response) -> int:
    """The bytes the body took on the wire: the Content-Length that went out (files included), else the body kept."""
    for name, value in response.sent_headers:
        if name.lower() == "content-length" and value.strip().isdigit():
            return int(value)
    return len(response.sent_body)


def body_text(sent: bytes, limit: int = BODY_PREVIEW) -> str:
    """The start of the body as sent, each attached file told in words and sizes instead of its base64."""
    pieces: list[str] = []
    length = 0
    for part in sent_parts(sent):
        if isinstance(part, SentFile):
            text = part.head + "… " + _("[file «{name}»: {size}, sent as {sent} of base64]").format(
                name=part.name, size=human_size(part.size), sent=human_size(part.chars)
            )
        else:
            text = part[: limit - length].decode("utf-8", errors="replace")
        pieces.append(text)
        length += len(text)
        if length >= limit:
            pieces.append("\n" + _("… (the rest is not shown here)"))
            break
    return "".join(pieces)
