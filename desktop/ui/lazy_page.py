"""A page of the window whose content (and the modules behind it) is made when the page is first shown or used."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Holds the place of a page in a tab widget; `content()` makes the page with `factory` once and returns it.

    Most sessions never open some pages (Webhooks, Practice): importing and building them would only delay the
    window's first paint.
    """

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._factory = factory
        self._content: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._factory()
            self.layout().addWidget(self._content)
            # A layout shows a new child of a visible widget only on the loop's next turn; the page is wanted now.
            self._content.show()
        return self._content

    def showEvent(self, event) -> None:
        self.content()
        super().showEvent(event)
