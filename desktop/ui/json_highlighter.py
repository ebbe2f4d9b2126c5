"""JSON syntax colours through pygments, one text block at a time, skipping lines too long to colour quickly."""
from __future__ import annotations

from typing import TYPE_CHECKING

from pygments.lexers import JsonLexer
from pygments.token import Keyword, Name, Number, Punctuation, String, Token
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from desktop.ui.visible_lines import last_visible_line

if TYPE_CHECKING:  # the highlighter itself needs only a document
    from PySide6.QtWidgets import QPlainTextEdit

# A base64 file is one line of megabytes: colouring it would stall typing and show nothing useful.
MAX_LINE = 4000
# Block states: a line left for later (off screen when it changed) and a line coloured.
_LATER, _COLOURED = -1, 1


def _format(color: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


class JsonHighlighter(QSyntaxHighlighter):
    def __init__(self, document):
        super().__init__(document)
        self.editor: QPlainTextEdit | None = None
        self.lines: tuple[int, int] | None = None  # block numbers coloured now; None: every line
        self.lexer = JsonLexer()
        self.styles = [
            (Name.Tag, _format("#7a2e8c", bold=True)),     # keys
            (String, _format("#1a7f37")),
            (Number, _format("#0550ae")),
            (Keyword.Constant, _format("#b35900", bold=True)),  # true, false, null
            (Punctuation, _format("#57606a")),
            (Token.Error, _format("#cf222e")),
        ]

    def _style(self, token) -> QTextCharFormat | None:
        for kind, fmt in self.styles:
            if token in kind:
                return fmt
        return None

    def follow(self, editor: QPlainTextEdit) -> None:
        """Colour only the lines in view and a screen either side, the rest as they scroll in: colouring a
        pasted megabyte of records at once blocked the window for seconds."""
        self.editor = editor
        self.lines = (0, -1)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)  # after the paint that asked, never inside it
        self._pending.timeout.connect(self._colour_view)
        editor.updateRequest.connect(lambda *_args: self._pending.start())

    def _colour_view(self) -> None:
        document = self.document()
        if self.editor is None or document is None or document is not self.editor.document():
            return
        first = self.editor.firstVisibleBlock().blockNumber()
        last = last_visible_line(self.editor)
        screen = last - first + 1
        self.lines = (max(0, first - screen), last + screen)
        block = document.findBlockByNumber(self.lines[0])
        while block.isValid() and block.blockNumber() <= self.lines[1]:
            if block.userState() != _COLOURED:
                self.rehighlightBlock(block)
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        if self.lines is not None and not self.lines[0] <= self.currentBlock().blockNumber() <= self.lines[1]:
            self.setCurrentBlockState(_LATER)
            return
        self.setCurrentBlockState(_COLOURED)
        if not text or len(text) > MAX_LINE:
            return
        # Qt counts UTF-16 units, Python counts code points: they differ only after an emoji or other astral character.
        astral = any(ord(ch) > 0xFFFF for ch in text)
        for index, token, value in self.lexer.get_tokens_unprocessed(text):
            fmt = self._style(token)
            if fmt is None:
                continue
            start, length = index, len(value)
            if astral:
                start = len(text[:index].encode("utf-16-le")) // 2
                length = len(value.encode("utf-16-le")) // 2
            self.setFormat(start, length, fmt)
