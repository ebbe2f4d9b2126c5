"""The installed Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 did not and aborted the app."""
import sys

from PySide6.QtWidgets import QPushButton


def test_void_calls_do_not_leak_references_to_none_or_booleans(qtbot):
    button = QPushButton()
    qtbot.addWidget(button)
    before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        button.setEnabled(True)
        button.isEnabled()
    # A healthy binding leaves both counts where they were (give or take the interpreter's own use).
    assert abs(sys.getrefcount(None) - before_none) < 100
    assert abs(sys.getrefcount(True) - before_true) < 100
