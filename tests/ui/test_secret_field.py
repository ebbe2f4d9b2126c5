"""SecretField: masked by default, reveal toggle, pasted tokens trimmed, warnings shown under the field."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit

from desktop.ui.secret_field import SecretField

TOKEN = "0123456789abcdef0123456789abcdef"


def make(qtbot) -> SecretField:
    field = SecretField()
    # Not shown: key events reach the line edit directly, and the offscreen platform warns on show().
    qtbot.addWidget(field)
    return field


def paste(qtbot, field: SecretField, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    qtbot.keySequence(field.edit, QKeySequence.StandardKey.Paste)


def test_masked_by_default_and_reveal_toggle(qtbot):
    field = make(qtbot)
    field.set_value(TOKEN)
    assert field.edit.echoMode() == QLineEdit.EchoMode.Password
    assert field.reveal_action.toolTip() == "Show token"
    field.reveal_action.trigger()
    assert field.is_revealed() and field.edit.echoMode() == QLineEdit.EchoMode.Normal
    assert field.reveal_action.toolTip() == "Hide token"
    field.reveal_action.trigger()
    assert not field.is_revealed()


def test_loading_another_value_masks_again(qtbot):
    field = make(qtbot)
    field.set_revealed(True)
    field.set_value("other-token")
    assert not field.is_revealed()
    assert field.value() == "other-token"


def test_paste_trims_whitespace_without_warnings(qtbot):
    field = make(qtbot)
    with qtbot.waitSignal(field.valueChanged, timeout=30000) as signal:
        paste(qtbot, field, f"  {TOKEN}\n")
    assert signal.args == [TOKEN]
    assert field.edit.text() == TOKEN and field.value() == TOKEN
    assert field.warnings() == [] and field.warning_label.isHidden()


def test_paste_with_classic_mistakes_shows_warnings(qtbot):
    field = make(qtbot)
    paste(qtbot, field, f'"Bearer {TOKEN}"')
    assert [w.code for w in field.warnings()] == ["quoted", "bearer"]
    assert not field.warning_label.isHidden()
    assert "quotes" in field.warning_label.text() and "Bearer" in field.warning_label.text()
    paste_over = f"{TOKEN[:8]}\n{TOKEN[8:]}"
    field.edit.selectAll()
    paste(qtbot, field, paste_over)
    assert [w.code for w in field.warnings()] == ["line_break"]


def test_warnings_clear_once_fixed(qtbot):
    field = make(qtbot)
    paste(qtbot, field, f"{TOKEN}…")
    assert [w.code for w in field.warnings()] == ["non_ascii"]
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    assert field.warnings() == [] and field.warning_label.isHidden()
    assert field.value() == TOKEN


def test_masked_text_cannot_be_copied(qtbot):
    field = make(qtbot)
    field.set_value(TOKEN)
    QGuiApplication.clipboard().setText("before")
    field.edit.selectAll()
    qtbot.keySequence(field.edit, QKeySequence.StandardKey.Copy)
    assert QGuiApplication.clipboard().text() == "before"


def test_the_clean_token_is_offered_and_used_on_request(qtbot):
    field = make(qtbot)
    paste(qtbot, field, f'"Bearer {TOKEN}"')
    assert not field.clean_button.isHidden()
    qtbot.mouseClick(field.clean_button, Qt.MouseButton.LeftButton)
    assert field.edit.text() == TOKEN and field.value() == TOKEN
    assert field.warnings() == [] and field.clean_button.isHidden()
