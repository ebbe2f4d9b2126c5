"""Qt's own dialogs speak the agent's language: the non-native file dialog, message box buttons, text context menus."""
import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desktop.app import apply_language

CYRILLIC = re.compile("[А-Яа-яЁё]")
LATIN_WORD = re.compile("[A-Za-z]{2,}")


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    apply_language("en")


def visible_words(widget: QWidget) -> list[str]:
    """Every text a person reads in `widget`: labels, buttons, tooltips, column titles, menu entries."""
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        texts.append(child.toolTip())
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    texts += [action.text() for action in widget.findChildren(QAction)]
    return [text for text in texts if text and LATIN_WORD.search(text)]


def file_dialog() -> QFileDialog:
    dialog = QFileDialog(None, "", "", "*")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    return dialog


def test_the_russian_file_dialog_has_no_english(qtbot):
    assert apply_language("ru") == "ru"
    dialog = file_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "&Перейти к:" in labels and "&Типы файлов:" in labels, labels
    assert visible_words(dialog) == []


def test_message_box_buttons_and_text_menus_are_russian(qtbot):
    apply_language("ru")
    box = QMessageBox()
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
    )
    qtbot.addWidget(box)
    box.show()
    buttons = [button.text() for button in box.buttons()]
    assert all(CYRILLIC.search(text) for text in buttons), buttons
    for editor in (QLineEdit(), QPlainTextEdit()):
        menu = editor.createStandardContextMenu()
        entries = [action.text() for action in menu.actions() if action.text()]
        assert entries and all(CYRILLIC.search(text) for text in entries), entries


def test_switching_language_replaces_qt_catalogue_and_open_dialogs_follow(qtbot):
    apply_language("ru")
    dialog = file_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    apply_language("en")
    # The catalogue is removed, not left behind the new one: an open dialog turns English too.
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "File &name:"
    qtbot.waitUntil(lambda: "&Look in:" in [label.text() for label in dialog.findChildren(QLabel)], timeout=30000)
    apply_language("ru")
    apply_language("ru")
    qtbot.waitUntil(lambda: "&Перейти к:" in [label.text() for label in dialog.findChildren(QLabel)], timeout=30000)
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Имя файла:"
    assert len(QApplication.instance().findChildren(type(_installed()))) == 1


def _installed():
    from desktop import app

    return app._qt_translator
