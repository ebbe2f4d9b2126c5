"""The lines of a plain-text editor that are on screen, found from their tops (never by hit-testing in a line)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only their methods are called here
    from PySide6.QtGui import QTextBlock
    from PySide6.QtWidgets import QPlainTextEdit


def visible_blocks(editor: QPlainTextEdit) -> Iterator[QTextBlock]:
    """The blocks (lines) in view, top to bottom.

    cursorForPosition() at the view's bottom looks for the character there, walking the wrapped rows of a long
    line: tens of milliseconds for a pasted megabyte base64 value, on every repaint. A block's top is already known.
    """
    block = editor.firstVisibleBlock()
    bottom = editor.viewport().height()
    offset = editor.contentOffset()
    while block.isValid() and editor.blockBoundingGeometry(block).translated(offset).top() <= bottom:
        yield block
        block = block.next()


def last_visible_line(editor: QPlainTextEdit) -> int:
    """The number (from 0) of the last block in view; the first visible one when the view shows none whole."""
    last = editor.firstVisibleBlock().blockNumber()
    for block in visible_blocks(editor):
        last = block.blockNumber()
    return last
