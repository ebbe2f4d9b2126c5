"""Issue 3's "done when": a fresh install sends the documented text message to the sandbox and gets 200."""
import json

from desktop.core.collection import Item


def find_node(tree, name):
    def visit(node):
        item = node.data(0, 256)
        if isinstance(item, Item) and item.request.name == name:
            return node
        for i in range(node.childCount()):
            found = visit(node.child(i))
            if found is not None:
                return found
        return None

    for i in range(tree.topLevelItemCount()):
        found = visit(tree.topLevelItem(i))
        if found is not None:
            return found
    raise AssertionError(f"{name} not in the sidebar")


def send(qtbot, window):
    with qtbot.waitSignal(window.response_shown, timeout=30000) as blocker:
        window.url_bar.button.click()
    return blocker.args[0]


def test_fresh_install_sends_text_message_to_the_sandbox(qtbot, window):
    assert window.environment_box.currentText() == "Sandbox"
    node = find_node(window.sidebar.tree, "Send a text message")
    window.sidebar.tree.itemClicked.emit(node, 0)
    assert window.url_bar.method.currentText() == "POST"
    response = send(qtbot, window)
    assert response.status == 200
    answer = json.loads(response.body)
    assert answer["status"] == "done" and answer["message_id"]
    assert "200 OK" in window.response_view.badge.text()


def test_wrong_token_gives_the_course_401(qtbot, window):
    node = find_node(window.sidebar.tree, "Send a text message")
    window.sidebar.tree.itemClicked.emit(node, 0)
    rows = window.headers.to_model()
    for row in rows:
        if row.name == "Authorization":
            row.value = "wrong_token_here"
    window.headers.load_model(rows)
    response = send(qtbot, window)
    assert response.status == 401
    assert json.loads(response.body) == {"detail": "Invalid token"}
    assert "token" in window.response_view.meaning.text()


def test_qr_code_answer_shows_the_picture(qtbot, window):
    node = find_node(window.sidebar.tree, "QR code to log in")
    window.sidebar.tree.itemClicked.emit(node, 0)
    response = send(qtbot, window)
    assert response.status == 200
    view = window.response_view
    # The picture is in the answer's main view, above the JSON it came in.
    assert view.tabs.currentIndex() == 0 and view.embedded_picture.isVisible()
    assert "qrCode" in view.embedded_picture.caption.text()
