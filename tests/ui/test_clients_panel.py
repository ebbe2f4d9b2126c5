"""The "Clients" tree: search across clients, delete and undo, move, copy from the documentation, variables, data folder."""
import json

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.collection import write_request
from desktop.core.models import Body, Request
from desktop.core.variables import Environment, Variable
from desktop.ui.environment_dialog import EnvironmentDialog


@pytest.fixture(autouse=True)
def never_block(monkeypatch):
    """qtbot closes the windows before fixtures end; a real question box there would wait forever."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def visible_requests(window):
    names = []
    root = window.sidebar.clients_root()

    def visit(node):
        if not node.isHidden() and node.data(0, 0x0101) == "request":
            names.append(node.text(1))
        for i in range(node.childCount()):
            visit(node.child(i))

    visit(root)
    return names


def fill(panel):
    panel.create_client("Acme")
    panel.create_client("Beta")
    store = panel.store
    a = store.save("Acme", Request("GET", "{{base_url}}/api/sync/get/status", name="Acme status"))
    b = store.save("Beta", Request("POST", "{{base_url}}/api/sync/message/send", body=Body("json", '{"recipient": "79991112233"}'), name="Beta send"))
    panel.refresh()
    return a, b


def test_search_filters_across_clients(qtbot, window):
    fill(window.clients)
    assert visible_requests(window) == ["Acme status", "Beta send"]
    window.sidebar.search.setText("7999111")
    assert visible_requests(window) == ["Beta send"]
    window.sidebar.search.setText("get/status")
    assert visible_requests(window) == ["Acme status"]
    window.sidebar.search.setText("")
    assert visible_requests(window) == ["Acme status", "Beta send"]


def test_delete_then_undo_puts_the_file_back(qtbot, window):
    panel = window.clients
    a, _b = fill(panel)
    before = a.read_bytes()
    panel.delete(a, "Acme status")
    assert not a.exists() and visible_requests(window) == ["Beta send"]
    assert not panel.undo_button.isHidden()
    panel.undo_delete()
    assert a.read_bytes() == before
    assert visible_requests(window) == ["Acme status", "Beta send"]
    panel.delete(panel.store.client_dir("Beta"), "Beta")
    assert panel.store.clients() == ["Acme"]
    panel.undo_delete()
    assert panel.store.clients() == ["Acme", "Beta"]


def test_rename_move_duplicate_keep_the_tree_in_step(qtbot, window, monkeypatch):
    panel = window.clients
    a, _b = fill(panel)
    renamed = panel.rename_request(a, "Is it authorised?")
    assert "Is it authorised?" in visible_requests(window)
    moved = panel.move(renamed, "Beta")
    assert moved.parent == panel.store.client_dir("Beta")
    panel.duplicate_request(moved)
    assert sorted(visible_requests(window)) == ["Beta send", "Is it authorised?", "Is it authorised? (copy)"]
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    panel.rename_client("Beta", "Acme")
    assert warnings == ["«Acme» already exists. Choose another name."]
    panel.rename_client("Beta", "Gamma")
    assert panel.store.clients() == ["Acme", "Gamma"]


def test_copy_to_client_from_the_documentation(qtbot, window, tmp_path):
    doc = tmp_path / "docs" / "status.json"
    write_request(doc, Request("GET", "{{base_url}}/api/sync/get/status", name="Status"), {"description": {"en": "Is it on?"}})
    copied = window.clients.copy_to_client(doc, "New client")
    assert window.clients.store.clients() == ["New client"]
    data = json.loads(copied.read_text(encoding="utf-8"))
    assert data["description"] == {"en": "Is it on?"} and data["name"] == "Status"


def test_opening_a_clients_request_activates_its_environment_and_secrets_stay_out_of_files(qtbot, window):
    panel = window.clients
    a, _b = fill(panel)
    environment = Environment("Acme", [Variable("base_url", "http://127.0.0.1:9"), Variable("profile_id", "p-1"), Variable("token", "", True)])
    panel.save_environment("Acme", environment, {"token": "SECRET-TOKEN-123"})
    node = window.sidebar.find_request(a)
    window.sidebar.tree.itemClicked.emit(node, 0)
    assert window.environment_box.currentText() == "Acme"
    assert window.variable_values() == {"base_url": "http://127.0.0.1:9", "profile_id": "p-1", "token": "SECRET-TOKEN-123"}
    on_disk = (panel.store.client_dir("Acme") / "environment.json").read_text(encoding="utf-8")
    assert "SECRET-TOKEN-123" not in on_disk and "p-1" in on_disk


def test_environment_dialog_returns_secrets_apart(qtbot):
    dialog = EnvironmentDialog(None, Environment("Acme", [Variable("profile_id", "p"), Variable("token", "", True)]), {"token": "t0k"})
    qtbot.addWidget(dialog)
    dialog.add_row("recipient", "79990000000", False)
    assert dialog.secrets() == {"token": "t0k"}
    assert [v.to_dict() for v in dialog.environment().variables] == [
        {"name": "profile_id", "secret": False, "value": "p"},
        {"name": "token", "secret": True},
        {"name": "recipient", "secret": False, "value": "79990000000"},
    ]


def test_changing_the_data_folder_shows_that_folders_clients(qtbot, window, tmp_path):
    panel = window.clients
    fill(panel)
    shared = tmp_path / "shared-git"
    assert panel.set_root(shared)
    assert panel.store.clients() == [] and visible_requests(window) == []
    assert window.settings.data_folder == str(shared)
    panel.create_client("Team")
    assert (shared / "Team" / "environment.json").is_file()
    assert panel.set_root(None)
    assert panel.store.clients() == ["Acme", "Beta"]


def test_import_and_export_round_trip(qtbot, window, tmp_path):
    from desktop.ui import transfer

    panel = window.clients
    fill(panel)
    out = tmp_path / "acme.postman_collection.json"
    transfer.export_to(panel, "Acme", out)
    count, _lines = transfer.import_file(panel, out, "Acme again")
    assert count == 1 and "Acme again" in panel.store.clients()
    assert [i.request.name for i in panel.store.requests("Acme again")] == ["Acme status"]
    report = transfer.ImportReport(window, "Acme again", count, ["a form file field was dropped"])
    qtbot.addWidget(report)
    assert report.lines.count() == 1


def test_dropping_a_request_on_another_client_moves_it(qtbot, window):
    panel = window.clients
    a, _b = fill(panel)
    root = window.sidebar.clients_root()
    beta = next(root.child(i) for i in range(root.childCount()) if root.child(i).text(0) == "Beta")
    window.sidebar.tree.dropped.emit([window.sidebar.find_request(a)], beta)
    assert not a.exists()
    assert sorted(i.request.name for i in panel.store.requests("Beta")) == ["Acme status", "Beta send"]


def test_damaged_files_are_listed_by_name_and_the_rest_loads(qtbot, window):
    from tests.core.test_collection import HOSTILE
    from tests.tree_state import tree_state

    panel = window.clients
    a, _b = fill(panel)
    folder = a.parent
    for name in ("params-null.json", "headers-number.json", "attachments-number.json", "binary.json", "newer.json"):
        (folder / name).write_bytes(HOSTILE[name])
    before = tree_state(folder)
    panel.store.reload()
    panel.refresh()
    assert visible_requests(window) == ["Acme status", "Beta send"]
    message = window.statusBar().currentMessage()
    assert message.startswith("Skipped and left unchanged (5):")
    for name in ("params-null.json", "headers-number.json", "attachments-number.json", "binary.json", "newer.json"):
        assert f"Acme: {name}:" in message
    assert tree_state(folder) == before
