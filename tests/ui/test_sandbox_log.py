"""The sandbox's request log in the window: what arrived, newest first, token masked."""
from desktop.ui.sandbox_log import SandboxLog

from tests.e2e.test_first_send import find_node, send


def test_log_shows_the_request_with_the_token_masked(qtbot, window):
    node = find_node(window.sidebar.tree, "Send a text message")
    window.sidebar.tree.itemClicked.emit(node, 0)
    send(qtbot, window)
    sandbox = window.desk.sandbox
    dialog = SandboxLog(sandbox, window)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "POST"
    assert dialog.table.item(0, 2).text().startswith("/api/sync/message/send")
    assert dialog.table.item(0, 3).text() == "200"
    dialog.table.setCurrentCell(0, 0)
    assert sandbox.token not in dialog.headers.toPlainText()
    assert "Authorization" in dialog.headers.toPlainText() or "authorization" in dialog.headers.toPlainText()
