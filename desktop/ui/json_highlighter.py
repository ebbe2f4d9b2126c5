"""JSON syntax colours through pygments, one text block at a time, skipping lines too long to colour quickly."""
from __future__ import annotations

from pygments.lexers import JsonLexer
from pygments.token import Keyword, Name, Number, Punctuation, String, Token
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

# A base64 file is one line of megabytes: colouring it would stall typing and show nothing useful.
MAX_LINE = 4000


def _format(color: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


class JsonHighlighter(QSyntaxHighlighter):
    def __init__(self, document):
        super().__init__(document)
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

    def highlightBlock(self, text: str) -> None:
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
