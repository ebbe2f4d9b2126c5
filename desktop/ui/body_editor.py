"""The request body panel: a JSON/text editor with a body-kind switch, and files attached as compact placeholders."""
from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeyEvent,
    QPixmap,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core import attachments as att
from desktop.core.models import Attachment, Body
from desktop.core.sizes import human_size
from desktop.i18n import _, ngettext
from desktop.ui.image_preview import read_image
from desktop.ui.json_highlighter import JsonHighlighter
from desktop.ui.visible_lines import visible_blocks
from desktop.ui.workers import Task, run_task

THUMBNAIL = 96
# A pasted base64 value longer than this becomes an attachment instead of a wall of text.
PASTE_AS_FILE = 4096
PREVIEW_LITERAL = 256 * 1024
# Lines longer than this keep their laid-out glyphs between paints (see BodyText.paintEvent).
LONG_LINE = 10_000
# Marks placeholder chips among the editor's extra selections, so others' (the linter's underlines) stay.
_CHIP = QTextFormat.Property.UserProperty + 0x4348


def monospace_font():
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(font.pointSize(), 10))
    return font


class _LineLayout(QPlainTextDocumentLayout):
    """Lays out again only the lines a change touches.

    Qt adds a change's removed and added lengths end to end to find its last line, so the syntax highlighter's
    recolouring of one line (reported as the line removed and added again) also throws away the next line's
    layout: a megabyte base64 line below the edited one was laid out again, most of a second, per keystroke.
    What changed ends where the added text ends; removed text is gone and has no line of its own."""

    def documentChanged(self, position: int, removed: int, added: int) -> None:
        super().documentChanged(position, 0, max(added, 1))


class BodyText(QPlainTextEdit):
    """The text itself: `{{file:…}}` tokens behave as one piece; dropped files and long base64 pastes are handed up."""

    file_dropped = Signal(str)
    base64_pasted = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        document = QTextDocument(self)
        self._layout = _LineLayout(document)  # kept here: the document does not keep a Python layout alive
        document.setDocumentLayout(self._layout)
        self.setDocument(document)

    def token_at(self, position: int) -> tuple[int, int] | None:
        """Start and end of the placeholder around a position; one never spans lines, so only its line is read."""
        block = self.document().findBlock(position)
        offset = block.position()
        for match in att.TOKEN.finditer(block.text()):
            if match.start() <= position - offset <= match.end():
                return match.start() + offset, match.end() + offset
        return None

    def paintEvent(self, event) -> None:
        # Qt throws away a line's shaped glyphs after each paint, so a visible megabyte line (a pasted base64
        # value) is shaped again on every keystroke anywhere in the body: hundreds of milliseconds each time.
        # Visible long lines keep theirs; short ones are cheap to shape again and keep Qt's default.
        for block in visible_blocks(self):
            if block.length() > LONG_LINE:
                block.layout().setCacheEnabled(True)
        super().paintEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection() and event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            span = self.token_at(cursor.position())
            backspace = event.key() == Qt.Key.Key_Backspace
            if span and (span[0] < cursor.position() if backspace else cursor.position() < span[1]):
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()  # the whole placeholder goes, never half of it
                return
        elif event.text() and not cursor.hasSelection():
            span = self.token_at(cursor.position())
            if span and span[0] < cursor.position() < span[1]:
                cursor.setPosition(span[1])  # typing inside a placeholder would corrupt it
                self.setTextCursor(cursor)
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = [u.toLocalFile() for u in source.urls() if u.isLocalFile()] if source.hasUrls() else []
        if files:
            self.file_dropped.emit(files[0])
            return
        text = source.text() if source.hasText() else ""
        if len(text) > PASTE_AS_FILE and att.looks_like_base64(text):
            self.base64_pasted.emit(text)
            return
        super().insertFromMimeData(source)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
            event.acceptProposedAction()
            self.file_dropped.emit(files[0])
        else:
            super().dropEvent(event)


class FileCard(QFrame):
    """Under the editor: the attached file (thumbnail, name, type, size) or the picture a pasted base64 value holds."""

    remove_clicked = Signal(str)
    clean_clicked = Signal(str)
    data_uri_toggled = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("fileCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.file_id = ""
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("fileThumbnail")
        self.thumbnail.setFixedSize(THUMBNAIL, THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName("fileTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setObjectName("fileNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_uri = QCheckBox(_("Send with a «data:» prefix"))
        self.data_uri.setToolTip(_("Wappi's example sends plain base64; tick only if the client's system adds the prefix."))
        self.data_uri.toggled.connect(lambda on: self.data_uri_toggled.emit(self.file_id, on))
        self.clean = QPushButton(_("Clean up"))
        self.clean.setToolTip(_("Remove the prefix and line breaks so the value is plain base64"))
        self.clean.clicked.connect(lambda: self.clean_clicked.emit(self.file_id))
        self.remove = QPushButton(_("Remove file"))
        self.remove.clicked.connect(lambda: self.remove_clicked.emit(self.file_id))
        buttons = QHBoxLayout()
        buttons.addWidget(self.data_uri)
        buttons.addStretch(1)
        buttons.addWidget(self.clean)
        buttons.addWidget(self.remove)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.notes)
        text.addStretch(1)
        text.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.thumbnail)
        layout.addLayout(text, 1)

    def show_file(self, attachment: Attachment, type_label: str, notes: list[att.Problem], thumbnail: QPixmap | None) -> None:
        self.file_id = attachment.id
        self.title.setText(
            _escape(_("{name} · {type} · {size}")).format(name=f"<b>{_escape(attachment.name)}</b>", type=_escape(type_label), size=human_size(attachment.size))
            + "<br>" + _escape(ngettext("Sent as {n} character of base64 in place of {token}", "Sent as {n} characters of base64 in place of {token}", len(attachment.data)).format(n=f"{len(attachment.data):,}".replace(",", " "), token=att.token(attachment.id)))
        )
        self._notes(notes)
        self._thumbnail(thumbnail, type_label)
        self.data_uri.blockSignals(True)
        self.data_uri.setChecked(attachment.data_uri)
        self.data_uri.blockSignals(False)
        self.data_uri.show()
        self.remove.show()
        self.clean.setVisible(any(p.code in ("data-prefix", "line-breaks", "url-safe", "padding") for p in notes))
        self.show()

    def show_value(self, title: str, notes: list[att.Problem], thumbnail: QPixmap | None, type_label: str = "") -> None:
        """A base64 value typed or pasted as text (not a file): what it decodes to."""
        self.file_id = ""
        self.title.setText(_escape(title))
        self._notes(notes)
        self._thumbnail(thumbnail, type_label)
        self.data_uri.hide()
        self.remove.hide()
        self.clean.hide()
        self.show()

    def show_problem(self, problem: att.Problem) -> None:
        self.show_value(_("The file was not attached"), [problem], None)

    def _notes(self, notes: list[att.Problem]) -> None:
        lines = [f"<p style='color:{'#cf222e' if p.severity == 'error' else '#9a6700'}'><b>{_escape(p.message)}</b> {_escape(p.next_step)}</p>" for p in notes]
        self.notes.setText("".join(lines))
        self.notes.setVisible(bool(lines))

    def _thumbnail(self, thumbnail: QPixmap | None, type_label: str) -> None:
        if thumbnail is not None and not thumbnail.isNull():
            self.thumbnail.setPixmap(thumbnail)
        else:
            self.thumbnail.clear()
            self.thumbnail.setText(type_label.split(" ")[0] if type_label else "")
        self.thumbnail.setVisible(bool(thumbnail is not None or type_label))


class BodyEditor(QWidget):
    edited = Signal()
    attached = Signal(str)  # a file id, once the file is encoded and its placeholder is in the body

    KINDS = ("none", "json", "text")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.attachments: dict[str, Attachment] = {}
        self.expect: str | None = None            # "image", "audio", "video" for the open Wappi method
        self.max_file_bytes = att.DEFAULT_MAX_FILE_MB * 1024 * 1024
        self.task: Task | None = None
        self._cancel: threading.Event | None = None
        self._progress = (0, 0)
        self._thumbnails: dict[str, QPixmap] = {}
        self._notes: dict[str, list[att.Problem]] = {}
        self._types: dict[str, str] = {}

        self.kind = QComboBox()
        for kind, label in zip(self.KINDS, (_("No body"), "JSON", _("Text"))):
            self.kind.addItem(label, kind)
        # A form (curl -F): one field per line, `name=value`, `name=@file` or `name=<file` (core/multipart.py).
        self.kind.addItem(_("Form (multipart), one field per line"), "multipart")
        self.editor = BodyText()
        self.editor.setFont(monospace_font())
        # Long values wrap instead of running off sideways; an unwrapped megabyte line also costs Qt a quarter
        # of a second on every repaint, whatever is typed where.
        self.editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.editor.setPlaceholderText('{\n  "recipient": "79990000000",\n  "body": "..."\n}')
        self.editor.setTabStopDistance(self.editor.fontMetrics().horizontalAdvance(" ") * 2)
        self.highlighter = JsonHighlighter(self.editor.document())
        self.highlighter.follow(self.editor)

        self.choose = QPushButton(_("Choose file…"))
        self.choose.setObjectName("chooseFile")
        self.choose.setToolTip(_("Put a file from disk into the field under the cursor (or into b64_file) as base64. You can also drop a file onto the text."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.stop = QPushButton(_("Stop"))
        self.stop.hide()
        self.card = FileCard()
        self.card.hide()

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Body type:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.stop)
        top.addWidget(self.choose)
        self.toolbar = top  # other panels (fix all) add their buttons here
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        # A row, so a margin (the linter's problem markers) can stand left of the text.
        self.editor_row = QHBoxLayout()
        self.editor_row.setSpacing(0)
        self.editor_row.addWidget(self.editor, 1)
        layout.addLayout(self.editor_row, 1)
        layout.addWidget(self.card)

        # Progress comes from the worker as two numbers; the GUI reads them on a timer, never the worker touching widgets.
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._show_progress)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._chips = 0  # placeholders marked now
        self._token_lines = False  # the last change touched a line that can hold a placeholder
        self.editor.document().contentsChange.connect(self._note_change)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.cursorPositionChanged.connect(self._update_card)
        self.editor.file_dropped.connect(self.attach_file)
        self.editor.base64_pasted.connect(self.attach_pasted)
        self.choose.clicked.connect(self.choose_file)
        self.stop.clicked.connect(self.cancel_encoding)
        self.card.remove_clicked.connect(self.remove_file)
        self.card.clean_clicked.connect(self._clean_up)
        self.card.data_uri_toggled.connect(self._toggle_data_uri)

    # --- model <-> screen ----------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        coloured = self.editor.document() if kind == "json" else None
        if self.highlighter.document() is not coloured:  # setting it again recolours every line
            self.highlighter.setDocument(coloured)
        self.editor.setEnabled(kind != "none")
        self.choose.setEnabled(kind != "none")
        self.edited.emit()

    def load_model(self, body: Body) -> None:
        self.cancel_encoding()
        self.attachments = dict(body.attachments)
        self._thumbnails.clear()
        self._notes.clear()
        self._types.clear()
        for attachment in self.attachments.values():
            self._describe_saved(attachment)
        self.editor.setPlainText(body.text)
        index = self.kind.findData(body.kind)
        self.kind.setCurrentIndex(max(index, 0))
        self._kind_changed()
        self._update_card()

    def to_model(self) -> Body:
        text = self.editor.toPlainText()
        used = {m.group(1) for m in att.TOKEN.finditer(text)}
        return Body(self.kind.currentData(), text, {k: v for k, v in self.attachments.items() if k in used})

    def set_address(self, url: str) -> None:
        """The request's URL, so an image method refuses a PDF before anything is encoded."""
        self.expect = att.expected_category(url)

    def _note_change(self, position: int, _removed: int, added: int) -> None:
        """Whether a change touched a line with "{{" (a placeholder never spans lines)."""
        if added > PASTE_AS_FILE:
            self._token_lines = True  # a paste or a loaded body: read once as a whole
            return
        block = self.editor.document().findBlock(position)
        while block.isValid() and block.position() <= position + added:
            if "{{" in block.text():
                self._token_lines = True
                return
            block = block.next()

    def _text_changed(self) -> None:
        # Reading the whole body on every keystroke cost a megabyte body 15 ms a key: only a change on a line
        # with "{{", or while placeholders are marked, can make or break one.
        if self._chips or self._token_lines:
            self._mark_tokens()
        self._token_lines = False
        self.edited.emit()

    def _mark_tokens(self) -> None:
        # Placeholders look like chips, so they read as one thing rather than text to edit.
        selections = []
        text = self.editor.toPlainText()
        if "{{" in text:
            for match in att.TOKEN.finditer(text):
                selection = QTextEdit.ExtraSelection()
                fmt = QTextCharFormat()
                fmt.setBackground(QColor("#ddf4ff"))
                fmt.setForeground(QColor("#0550ae"))
                fmt.setProperty(_CHIP, True)
                selection.format = fmt
                cursor = QTextCursor(self.editor.document())
                cursor.setPosition(match.start())
                cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selections.append(selection)
        self._chips = len(selections)
        kept = [other for other in self.editor.extraSelections() if not other.format.hasProperty(_CHIP)]
        self.editor.setExtraSelections(kept + selections)

    # --- choosing and encoding a file ------------------------------------------------------------

    def target_field(self) -> att.StringField | None:
        """The string field under the cursor, else b64_file."""
        text = self.editor.toPlainText()
        return att.string_field_at(text, self.editor.textCursor().position()) or att.base64_field(text)

    def choose_file(self) -> None:
        if self.target_field() is None:
            self.card.show_problem(self._no_field())
            return
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a file to send"), "", _("All files (*)"))
        if path:
            self.attach_file(path)

    def _no_field(self) -> att.Problem:
        # No string field under the cursor and no b64_file: this request does not carry a file as it is.
        return att.Problem("no-field", _("This request has no field for a file."),
                           _("Files are sent with the file methods: open «Send an image (base64)» or «Send a document (base64)» in the Wappi API list on the left and choose the file there. "
                             "If this request takes the file in another field, click inside that field's quotes first."))

    def attach_file(self, path: str) -> None:
        """Encode `path` on a worker and put its placeholder into the field under the cursor (or b64_file)."""
        target = self.target_field()
        if target is None:
            self.card.show_problem(self._no_field())
            return
        if self.task is not None:
            self.cancel_encoding()
        file_id = att.new_id(Path(path).name, self.attachments)
        limit, expect = self.max_file_bytes, self.expect
        cancel = threading.Event()
        self._cancel, self._progress = cancel, (0, 0)

        def progress(done: int, total: int) -> None:
            self._progress = (done, total)

        def work():
            picked = att.encode_file(path, file_id, limit=limit, expect=expect, progress=progress, cancel=cancel)
            image = read_image(path, THUMBNAIL)[0] if picked.type.category == "image" else None
            return picked, image

        self._busy(True)
        self.task = run_task(work, lambda result: self._attached(result, target), self._encode_failed)

    def attach_pasted(self, text: str) -> None:
        """A long base64 value pasted into a field: kept exactly as pasted, shown as the picture it holds."""
        target = self.target_field()
        if target is None:
            self.editor.insertPlainText(text)
            return
        file_id = att.new_id(_("pasted"), self.attachments)

        def work():
            check = att.check_pasted(text)
            image = read_image(check.decoded, THUMBNAIL)[0] if check.decoded and check.type.category == "image" else None
            return att.Picked(att.pasted_attachment(text, file_id, check), check.type or att.TYPES["unknown"], check.problems), image

        self._busy(True)
        self.task = run_task(work, lambda result: self._attached(result, target), self._encode_failed)

    def cancel_encoding(self) -> None:
        if self.task is None:
            return
        self.task.cancel()
        if self._cancel is not None:
            self._cancel.set()
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self.task, self._cancel = None, None
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.stop.setVisible(busy)
        self.choose.setEnabled(not busy)
        self._poll.start() if busy else self._poll.stop()

    def _show_progress(self) -> None:
        done, total = self._progress
        if total:
            self.progress.setValue(int(done * 1000 / total))
            self.progress.setFormat(_("Reading {done} of {total}").format(done=human_size(done), total=human_size(total)))

    def _attached(self, result, target: att.StringField) -> None:
        self._busy(False)
        picked, image = result
        attachment = picked.attachment
        text = self.editor.toPlainText()
        # The agent may have typed meanwhile: find the same field again by name near where it was.
        field = att.string_field_at(text, min(target.start, len(text)))
        if field is None or field.name != target.name:
            field = next((f for f in att.string_fields(text) if f.name == target.name), None)
        if field is None:
            self.card.show_problem(self._no_field())
            return
        self.attachments[attachment.id] = attachment
        self._types[attachment.id] = picked.type.label
        self._notes[attachment.id] = picked.warnings
        if image is not None and not image.isNull():
            self._thumbnails[attachment.id] = QPixmap.fromImage(image)
        elif picked.type.category == "image":
            self._notes[attachment.id] = picked.warnings + [att.Problem(
                "damaged", _("This image cannot be drawn: it may be damaged."), _("Open it in an image viewer to check, or ask the client for the file again."), "warning")]
        cursor = self.editor.textCursor()
        cursor.setPosition(field.start)
        cursor.setPosition(field.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(att.token(attachment.id))
        cursor.setPosition(field.start)
        self.editor.setTextCursor(cursor)
        self._update_card()
        self.attached.emit(attachment.id)

    def _encode_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, att.Cancelled):
            return
        if isinstance(exc, att.AttachmentError):
            self.card.show_problem(exc.problem)
        else:  # never a traceback: anything unexpected is still said in words
            self.card.show_problem(att.Problem("unreadable", _("The file could not be read."), _("Choose it again, or try another copy of the file.")))

    # --- the card under the editor ----------------------------------------------------------------

    def _describe_saved(self, attachment: Attachment) -> None:
        """A file reopened from a saved request: its type and thumbnail from the embedded bytes (small ones only)."""
        self._types[attachment.id] = next((t.label for t in att.TYPES.values() if t.mime == attachment.mime), attachment.mime)
        if attachment.mime.startswith("image/") and len(attachment.data) <= 2 * 1024 * 1024:
            check = att.check_pasted(str(attachment.data, "ascii", "replace"))
            if check.decoded:
                image = read_image(check.decoded, THUMBNAIL)[0]
                if not image.isNull():
                    self._thumbnails[attachment.id] = QPixmap.fromImage(image)

    def _update_card(self) -> None:
        if self.task is not None:
            return
        cursor = self.editor.textCursor()
        # A field is on one line: reading the whole body on every cursor move froze typing in a megabyte body.
        field = att.string_field_at(cursor.block().text(), cursor.positionInBlock())
        match = att.TOKEN.search(field.value) if field else None
        if match is None and self.attachments and (field is None or len(field.value) < 64):
            match = att.TOKEN.search(self.editor.toPlainText())  # the body's file stays in view while other fields are edited
        if match and match.group(1) in self.attachments:
            attachment = self.attachments[match.group(1)]
            self.card.show_file(attachment, self._types.get(attachment.id, attachment.mime), self._notes.get(attachment.id, []), self._thumbnails.get(attachment.id))
            return
        if (
            field is not None
            and (field.name in att.BASE64_FIELDS or len(field.value) >= 64)
            and len(field.value) <= PREVIEW_LITERAL  # decoded on every cursor move: only values of a normal size
            and "{{" not in field.value
            and att.looks_like_base64(field.value)
        ):
            self._show_value(field.value)
            return
        self.card.hide()

    def _show_value(self, value: str) -> None:
        check = att.check_pasted(value)
        if check.decoded is None:
            self.card.show_value(_("This field is not valid base64"), check.problems, None)
            return
        image = read_image(check.decoded, THUMBNAIL)[0] if check.type.category == "image" else None
        pixmap = QPixmap.fromImage(image) if image is not None and not image.isNull() else None
        title = _("The base64 in this field holds: {type}, {size}").format(type=check.type.label, size=human_size(len(check.decoded)))
        self.card.show_value(title, check.problems, pixmap, check.type.label)

    def remove_file(self, file_id: str) -> None:
        text = self.editor.toPlainText()
        for match in att.TOKEN.finditer(text):
            if match.group(1) == file_id:
                cursor = self.editor.textCursor()
                cursor.setPosition(match.start())
                cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                break
        self.attachments.pop(file_id, None)
        self._update_card()

    def _clean_up(self, file_id: str) -> None:
        attachment = self.attachments.get(file_id)
        if attachment is None:
            return
        check = att.check_pasted(str(attachment.data, "ascii", "replace"))
        if check.decoded is None:
            return
        self.attachments[file_id] = att.pasted_attachment(check.cleaned, file_id, att.check_pasted(check.cleaned))
        self._notes[file_id] = [p for p in check.problems if p.severity == "error"]
        self._update_card()
        self.edited.emit()

    def _toggle_data_uri(self, file_id: str, on: bool) -> None:
        if file_id in self.attachments:
            self.attachments[file_id] = replace(self.attachments[file_id], data_uri=on)
            self.edited.emit()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
