"""A read-only text view that paints only the lines on screen, so a 30 MB body scrolls as lightly as a short one."""
from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea

from desktop.core.bodyformat import line_starts
from desktop.ui.body_editor import monospace_font

# Painting a line is cut after this many characters: a 20 MB one-line body must not be measured whole.
MAX_PAINT_CHARS = 3000
# Colours of JSON tokens, matched on a decoded line (key strings are followed by a colon).
JSON_PARTS = re.compile(r'(?P<key>"(?:[^"\\]|\\.)*"(?=\s*:))|(?P<string>"(?:[^"\\]|\\.)*"?)|(?P<number>-?\d[\d.eE+-]*)|(?P<word>true|false|null)|(?P<punct>[{}\[\],:])')
COLOURS = {
    "key": QColor("#7a2e8c"),
    "string": QColor("#1a7f37"),
    "number": QColor("#0550ae"),
    "word": QColor("#b35900"),
    "punct": QColor("#57606a"),
}
MATCH = QColor("#fff1a8")
CURRENT_MATCH = QColor("#ffb000")


class LineView(QAbstractScrollArea):
    """Shows bytes through a line-start index; `append` adds text while the rest is still being prepared."""

    selection_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFont(monospace_font())
        self.viewport().setAutoFillBackground(True)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The text is kept as the pieces it arrived in, never joined: one growing 30 MB buffer leaves the C
        # allocator holding every size it grew through. Each piece has its own line starts (offsets inside it).
        self.pieces: list[bytes] = [b""]
        self.piece_offsets: list[int] = [0]  # where each piece begins in the whole text
        self.piece_lines: list[int] = [0]  # the number of the first line of each piece
        self.piece_starts: list[array] = [array("I", [0])]
        self.size = 0
        self.encoding = "utf-8"
        self.highlight = False
        self.longest = 0
        self.pattern: re.Pattern[bytes] | None = None
        self.current: tuple[int, int] | None = None  # the found match being shown: (offset, length)
        self.anchor = self.cursor = -1  # selected lines (click, shift+click)

    # --- content ---------------------------------------------------------------------------------

    def set_content(self, data: bytes, starts: array | None = None, encoding: str = "utf-8", highlight: bool = False) -> None:
        """Show `data`; `starts` are its line offsets (newlines are indexed here when not given)."""
        data = data if isinstance(data, bytes) else bytes(data)
        self.pieces, self.piece_offsets, self.piece_lines = [data], [0], [0]
        self.piece_starts = [starts if starts is not None else _starts(data)]
        self.size = len(data)
        self.encoding = encoding
        self.highlight = highlight
        self.current = None
        self.anchor = self.cursor = -1
        self.longest = self._longest(0)
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
        self._update_bars()

    def append(self, piece: bytes) -> None:
        """Add a piece of a text that is still being prepared (the pretty view of a big body).

        Pieces that end with a line break (as bodyformat.reindent makes them) are kept as they are; otherwise the
        last piece is joined with the new one so that no line spans two pieces.
        """
        # Lines below the view change nothing on screen but the scroll bar: a repaint of the whole view for each of the
        # hundreds of pieces of a 20 MB answer cost the GUI thread seconds.
        shown = self.line_count() <= self.verticalScrollBar().value() + self.viewport().height() // self._line_height() + 1
        last = self.pieces[-1]
        if not last.endswith(b"\n"):
            self._drop_last()
            piece = last + piece
        elif self.piece_starts[-1][-1] == len(last):
            self.piece_starts[-1].pop()  # the empty line after the break is the new piece's first line
        self.piece_offsets.append(self.size)
        self.piece_lines.append(self.line_count() if self.pieces else 0)
        self.pieces.append(piece)
        self.piece_starts.append(_starts(piece))
        self.size += len(piece)
        self.longest = max(self.longest, self._longest(len(self.pieces) - 1))
        self._update_bars(repaint=shown)

    def _drop_last(self) -> None:
        self.size -= len(self.pieces.pop())
        self.piece_starts.pop()
        self.piece_offsets.pop()
        self.piece_lines.pop()

    def _longest(self, piece: int) -> int:
        starts = self.piece_starts[piece]
        widest = max((b - a for a, b in zip(starts, starts[1:])), default=0)
        return max(widest, len(self.pieces[piece]) - starts[-1])

    def line_count(self) -> int:
        return self.piece_lines[-1] + len(self.piece_starts[-1])

    def line_bytes(self, index: int) -> bytes:
        piece = bisect.bisect_right(self.piece_lines, index) - 1
        starts, local = self.piece_starts[piece], index - self.piece_lines[piece]
        end = starts[local + 1] if local + 1 < len(starts) else len(self.pieces[piece])
        return self.pieces[piece][starts[local] : end].rstrip(b"\r\n")

    def line_text(self, index: int) -> str:
        return self.line_bytes(index).decode(self.encoding, errors="replace")

    def line_start(self, index: int) -> int:
        piece = bisect.bisect_right(self.piece_lines, index) - 1
        return self.piece_offsets[piece] + self.piece_starts[piece][index - self.piece_lines[piece]]

    def toPlainText(self) -> str:  # noqa: N802 - the QPlainTextEdit name, kept so callers need not care
        return b"".join(self.pieces).decode(self.encoding, errors="replace")

    def line_of(self, offset: int) -> int:
        piece = max(bisect.bisect_right(self.piece_offsets, offset) - 1, 0)
        local = bisect.bisect_right(self.piece_starts[piece], offset - self.piece_offsets[piece]) - 1
        return self.piece_lines[piece] + max(local, 0)

    def find(self, pattern: re.Pattern[bytes], start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """(offset, length) of each match between `start` and `end`, piece by piece (a match never spans a line break)."""
        end = self.size if end is None else end
        first = max(bisect.bisect_right(self.piece_offsets, start) - 1, 0)
        for piece in range(first, len(self.pieces)):
            base = self.piece_offsets[piece]
            if base >= end:
                break
            data = self.pieces[piece]
            for match in pattern.finditer(data, max(start - base, 0), min(end - base, len(data))):
                yield base + match.start(), match.end() - match.start()

    def count(self, pattern: re.Pattern[bytes]) -> int:
        return sum(len(pattern.findall(piece)) for piece in self.pieces)

    # --- scrolling and painting ------------------------------------------------------------------

    def _line_height(self) -> int:
        return self.fontMetrics().height()

    def _update_bars(self, repaint: bool = True) -> None:
        visible = max(self.viewport().height() // self._line_height(), 1)
        self.verticalScrollBar().setRange(0, max(self.line_count() - visible, 0))
        self.verticalScrollBar().setPageStep(visible)
        width = min(self.longest, MAX_PAINT_CHARS) * self.fontMetrics().horizontalAdvance("0") + 16
        self.horizontalScrollBar().setRange(0, max(width - self.viewport().width(), 0))
        self.horizontalScrollBar().setPageStep(self.viewport().width())
        if repaint:
            self.viewport().update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_bars()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        metrics = self.fontMetrics()
        height = self._line_height()
        first = self.verticalScrollBar().value()
        rows = self.viewport().height() // height + 2
        x0 = 6 - self.horizontalScrollBar().value()
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        low, high = sorted((self.anchor, self.cursor))
        for row in range(rows):
            index = first + row
            if index >= self.line_count():
                break
            y = row * height
            if low <= index <= high and low >= 0:
                painter.fillRect(QRect(0, y, self.viewport().width(), height), self.palette().color(QPalette.ColorRole.AlternateBase).darker(110))
            raw = self.line_bytes(index)
            text = raw.decode(self.encoding, errors="replace")[:MAX_PAINT_CHARS]
            self._paint_matches(painter, index, raw, text, x0, y, height)
            painter.setPen(text_colour)
            if self.highlight:
                x = x0
                last = 0
                for match in JSON_PARTS.finditer(text):
                    if match.start() > last:
                        chunk = text[last : match.start()]
                        painter.setPen(text_colour)
                        painter.drawText(x, y + metrics.ascent(), chunk)
                        x += metrics.horizontalAdvance(chunk)
                    painter.setPen(COLOURS[match.lastgroup])
                    painter.drawText(x, y + metrics.ascent(), match.group())
                    x += metrics.horizontalAdvance(match.group())
                    last = match.end()
                if last < len(text):
                    painter.setPen(text_colour)
                    painter.drawText(x, y + metrics.ascent(), text[last:])
            else:
                painter.drawText(x0, y + metrics.ascent(), text)

    def _paint_matches(self, painter: QPainter, index: int, raw: bytes, text: str, x0: int, y: int, height: int) -> None:
        if self.pattern is None:
            return
        metrics = self.fontMetrics()
        base = self.line_start(index)
        for match in self.pattern.finditer(raw):
            before = len(raw[: match.start()].decode(self.encoding, errors="replace"))
            if before >= len(text):
                break
            found = raw[match.start() : match.end()].decode(self.encoding, errors="replace")
            x = x0 + metrics.horizontalAdvance(text[:before])
            colour = CURRENT_MATCH if self.current == (base + match.start(), match.end() - match.start()) else MATCH
            painter.fillRect(QRect(x, y, metrics.horizontalAdvance(found), height), colour)

    # --- search marks, selection, copy -----------------------------------------------------------

    def mark(self, pattern: re.Pattern[bytes] | None, current: tuple[int, int] | None) -> None:
        self.pattern, self.current = pattern, current
        if current is not None:
            line = self.line_of(current[0])
            bar = self.verticalScrollBar()
            if not bar.value() <= line < bar.value() + bar.pageStep():
                bar.setValue(max(line - bar.pageStep() // 3, 0))
            self.anchor = self.cursor = -1
        self.viewport().update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        line = self.verticalScrollBar().value() + int(event.position().y()) // self._line_height()
        if line >= self.line_count():
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and self.anchor >= 0:
            self.cursor = line
        else:
            self.anchor = self.cursor = line
        self.viewport().update()
        self.selection_changed.emit()

    def selected_text(self) -> str:
        if self.anchor < 0:
            return ""
        low, high = sorted((self.anchor, self.cursor))
        return "\n".join(self.line_text(i) for i in range(low, min(high, low + 100000) + 1))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy) and self.anchor >= 0:
            QGuiApplication.clipboard().setText(self.selected_text())
            return
        bar = self.verticalScrollBar()
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: bar.pageStep(),
            Qt.Key.Key_PageUp: -bar.pageStep(),
        }
        if event.key() in steps:
            bar.setValue(bar.value() + steps[event.key()])
        elif event.key() == Qt.Key.Key_Home:
            bar.setValue(0)
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()


def _starts(data: bytes) -> array:
    # "I" holds offsets inside one piece (pieces are far below 4 GB) in half the room of Python ints.
    starts = array("I" if len(data) < 2**32 else "q", [0])
    starts.extend(line_starts(data, 0))
    return starts
