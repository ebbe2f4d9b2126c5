"""The environment dialog: a token pasted with the course's mistakes is caught with the clean value offered; the client's reply language."""
from PySide6.QtCore import Qt

from desktop.core.variables import Environment, Variable
from desktop.ui.environment_dialog import EnvironmentDialog


def make(qtbot, reply_language: str = "ru") -> EnvironmentDialog:
    env = Environment("Acme", [Variable("profile_id", "p"), Variable("token", "", True)], reply_language=reply_language)
    dialog = EnvironmentDialog(None, env, {"token": ""})
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_token_pasted_with_mistakes_is_caught_and_cleaned(qtbot):
    dialog = make(qtbot)
    token_cell = dialog.table.cellWidget(1, 1)
    for pasted in ('"sk_live_1234"', "Bearer sk_live_1234", "sk_live_\n1234", " sk_live_1234 \n"):
        token_cell.clear()
        qtbot.keyClicks(token_cell, pasted.replace("\n", " "))  # typing cannot make a line break in a line edit
        token_cell.textEdited.emit(pasted)
        if "sk_live_1234" != pasted.strip():
            assert dialog.token_warning.isVisible() and "«token»" in dialog.token_warning.text()
            token_cell.setText(pasted)
            qtbot.mouseClick(dialog.clean_button, Qt.MouseButton.LeftButton)
            assert token_cell.text() == "sk_live_1234"
            assert not dialog.token_warning.isVisible()
    assert dialog.secrets() == {"token": "sk_live_1234"}


def test_a_plain_value_is_not_a_token(qtbot):
    dialog = make(qtbot)
    cell = dialog.table.cellWidget(0, 1)
    cell.textEdited.emit('"quoted profile"')
    assert not dialog.token_warning.isVisible()


def test_the_clients_reply_language_is_kept(qtbot):
    dialog = make(qtbot, "en")
    assert dialog.reply_language.currentData() == "en"
    dialog.reply_language.setCurrentIndex(dialog.reply_language.findData("ru"))
    assert dialog.environment().reply_language == "ru"
