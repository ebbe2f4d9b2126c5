"""Save and reopen, Save as into a client, the unsaved-changes prompt, and drafts that survive a crash."""
import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.app import make_app
from desktop.core.collection import Item, load_tree, read_request, write_request
from desktop.core.models import KeyValue, Request
from desktop.core.settings import Settings


@pytest.fixture(autouse=True)
def never_block(monkeypatch):
    """qtbot closes the windows before fixtures end; a real question box there would wait forever."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def open_path(window, path):
    request, meta = read_request(path)
    window.choose_item(Item(path, request, meta))


def type_url(window, text):
    """As typing does: the address changes and the query table follows."""
    window.url_bar.url.setText(text)
    window.url_bar.url_edited.emit(text)


def new_window(qtbot):
    win = make_app(Settings(language="en"))
    qtbot.addWidget(win)
    return win


def test_save_then_reopen_in_a_new_window(qtbot, window):
    panel = window.clients
    panel.create_client("Acme")
    path = panel.new_request("Acme")
    type_url(window, "https://example.test/api/sync/get/status?profile_id=abc")
    assert panel.session.dirty
    assert window.windowTitle().startswith("• ")
    node = window.sidebar.find_request(path)
    assert node.text(1).startswith("• ")
    assert panel.session.save()
    assert not panel.session.dirty and not window.windowTitle().startswith("•")
    assert not window.sidebar.find_request(panel.session.path).text(1).startswith("•")

    second = new_window(qtbot)
    node = second.sidebar.find_request(panel.session.path)
    assert node is not None
    second.sidebar.tree.itemClicked.emit(node, 0)
    assert second.url_bar.url.text() == "https://example.test/api/sync/get/status?profile_id=abc"
    assert second.environment_box.currentText() == "Acme"
    second.desk.close()


def test_save_as_from_the_documentation_into_a_new_client(qtbot, window, monkeypatch, tmp_path):
    session = window.clients.session
    docs = tmp_path / "docs"
    write_request(
        docs / "status.json",
        Request("GET", "{{base_url}}/api/sync/get/status", [KeyValue("profile_id", "{{profile_id}}")], name="Status"),
        {"description": {"en": "Is the profile authorised?", "ru": "Авторизован ли профиль?"}},
    )
    root = window.sidebar.add_root(load_tree(docs)[0], "Docs")
    node = root.child(0)
    window.sidebar.tree.itemClicked.emit(node, 0)
    type_url(window, window.url_bar.url.text() + "&x=1")
    assert session.dirty and session.path is None
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    assert not session.save_into("bad/name", "Status copy")
    assert warnings and "/" in warnings[0]
    assert session.save_into("Beta", "Status copy")
    assert session.client == "Beta" and session.path.is_file()
    request, meta = read_request(session.path)
    assert request.name == "Status copy" and "description" in meta  # the documentation came along
    # Saving into a new client keeps the environment the agent works in and says how to use the client's own.
    assert window.environment_box.currentText() == "Sandbox"
    assert window.environment_box.findText("Beta") >= 0
    assert "Edit environment" in window.statusBar().currentMessage()


def test_switching_with_unsaved_changes_asks(qtbot, window, monkeypatch):
    panel = window.clients
    panel.create_client("Acme")
    first = panel.new_request("Acme")
    type_url(window, "https://one.test/")
    second = panel.store.save("Acme", Request("GET", "https://two.test/", name="Two"))
    answers = []

    def answer(button):
        def question(*args, **kwargs):
            answers.append(args[2])
            return button
        monkeypatch.setattr(QMessageBox, "question", question)

    answer(QMessageBox.StandardButton.Cancel)
    open_path(window, second)
    assert window.url_bar.url.text() == "https://one.test/" and panel.session.path == first
    answer(QMessageBox.StandardButton.Save)
    open_path(window, second)
    assert window.url_bar.url.text() == "https://two.test/"
    assert read_request(first)[0].url == "https://one.test/"
    type_url(window, "https://changed.test/")
    answer(QMessageBox.StandardButton.Discard)
    open_path(window, first)
    assert read_request(second)[0].url == "https://two.test/"
    assert len(answers) == 3


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, monkeypatch):
    window.clients.create_client("Acme")
    window.clients.new_request("Acme")
    type_url(window, "https://one.test/")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    window.clients.session.discard()


def test_draft_restored_after_a_crash(qtbot, window):
    panel = window.clients
    panel.create_client("Acme")
    path = panel.new_request("Acme")
    type_url(window, "https://typed-before-the-crash.test/")
    qtbot.waitUntil(lambda: panel.drafts_written(), timeout=30000)
    # The process "dies": no save, no close; a new window starts on the same data folder.
    second = new_window(qtbot)
    assert second.url_bar.url.text() == "https://typed-before-the-crash.test/"
    assert second.clients.session.path == path and second.clients.session.dirty
    assert read_request(path)[0].url != "https://typed-before-the-crash.test/"
    second.clients.session.discard()
    second.desk.close()
