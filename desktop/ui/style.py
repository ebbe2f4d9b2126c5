"""The app's look: the rules of resources/style.qss, set on the widgets they name rather than on the whole app."""
from __future__ import annotations

from functools import cache

from PySide6.QtWidgets import QWidget

from desktop.core.paths import resource_root


@cache
def _sheet() -> str:
    try:
        return (resource_root() / "resources" / "style.qss").read_text(encoding="utf-8")
    except OSError:  # a damaged install keeps Qt's plain look
        return ""


def named(widget: QWidget, name: str) -> QWidget:
    """Give `widget` the object name `name` and whatever style.qss says of that name.

    A style sheet on the application would send every widget of every window through Qt's style sheet engine
    (about 50 ms of the main window's start, and again for each dialog); the sheet names only a dozen widgets.
    """
    widget.setObjectName(name)
    widget.setStyleSheet(_sheet())
    return widget
