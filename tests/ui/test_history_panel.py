"""History: a send to a loopback server is recorded for the active client, secrets masked, and re-opens."""
import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.models import KeyValue, Request
from desktop.core.variables import Environment, Variable
from desktop.core.secrets import MASK, masker


@pytest.fixture(autouse=True)
def never_block(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_send_is_recorded_for_the_client_with_secrets_masked(qtbot, window, loopback):
    panel = window.clients
    panel.create_client("Acme")
    request = Request("GET", "{{base_url}}/200", [KeyValue("token", "{{token}}")], name="Ping")
    path = panel.store.save("Acme", request)
    panel.save_environment("Acme", Environment("Acme", [Variable("base_url", loopback.url), Variable("token", "", True)]), {"token": "S3CRET"})
    panel.refresh()
    window.sidebar.tree.itemClicked.emit(window.sidebar.find_request(path), 0)
    window.send()
    qtbot.waitUntil(lambda: panel.history.list.topLevelItemCount() == 1, timeout=30000)
    assert loopback.arrived[0].path == "/200?token=S3CRET"
    entry = panel.history.history.entries("Acme")[0]
    assert entry.status == 200 and entry.request.name == "Ping"
    assert "S3CRET" not in entry.url and MASK in entry.url
    row = panel.history.list.topLevelItem(0)
    first, address = row.text(0).splitlines()
    assert first.startswith("GET · 200 · ")
    assert address == f"{loopback.url.split('://')[1]}/200?token={MASK}"
    assert "S3CRET" not in row.toolTip(0) and "200 OK" in row.toolTip(0)
    panel.history.search.setText("nothing like this")
    assert panel.history.list.topLevelItemCount() == 0
    panel.history.search.setText("ping")
    assert panel.history.list.topLevelItemCount() == 1
    panel.history.list.itemDoubleClicked.emit(panel.history.list.topLevelItem(0), 0)
    assert window.url_bar.url.text() == "{{base_url}}/200?token={{token}}"
    assert panel.session.path is None  # a re-opened send is new until saved


def test_a_failed_send_is_recorded_too(qtbot, window):
    panel = window.clients
    panel.create_client("Acme")
    panel.activate_client("Acme")
    # Only the address: a fresh start shows the profile status, whose {{token}} Acme does not have here.
    window.load_model(Request("GET", "http://127.0.0.1:9/closed"))
    window.send()
    qtbot.waitUntil(lambda: panel.history.list.topLevelItemCount() == 1, timeout=30000)
    entry = panel.history.history.entries("Acme")[0]
    assert entry.status is None and entry.error


def test_masker_hides_the_longest_secret_first():
    assert masker(["abc", "abcdef"])("x abcdef y abc") == f"x {MASK} y {MASK}"


def test_rows_show_method_whole_address_status_and_time_at_the_sidebar_width(qtbot, tmp_path):
    import time

    from desktop.core.history import History
    from desktop.core.models import Response
    from desktop.ui.history_panel import HistoryPanel

    history = History(tmp_path)
    url = "https://wappi.pro/api/sync/message/send?profile_id=abc123&note=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82"
    request = Request("POST", url)
    history.add("Acme", request, response=Response(401, "Unauthorized", [], b"{}", 120.0, url=url), sent_url=url)
    history.add("Acme", Request("GET", "https://wappi.pro/x%0Ay"), error="No answer")
    panel = HistoryPanel(history)
    qtbot.addWidget(panel)
    panel.resize(300, 400)
    panel.show()
    panel.show_owner("Acme")
    rows = {panel.list.topLevelItem(i).text(0).split(" ")[0]: panel.list.topLevelItem(i) for i in range(2)}
    posted = next(e for e in history.entries("Acme") if e.method == "POST")
    assert rows["POST"].text(0).splitlines() == [
        f"POST · 401 · {time.strftime('%H:%M:%S', time.localtime(posted.time))}",
        "wappi.pro/api/sync/message/send?profile_id=abc123&note=привет",
    ]
    assert rows["GET"].text(0).splitlines()[1] == "wappi.pro/x%0Ay" and " · no answer · " in rows["GET"].text(0)
    # The address has a line of its own, the panel's whole width: at the sidebar's width it is not cut.
    rect = panel.list.visualItemRect(rows["POST"])
    assert rect.width() >= panel.list.viewport().width() - 2
    needed = panel.list.fontMetrics().horizontalAdvance("wappi.pro/api/sync/message/send?profile_id=abc123")
    panel.resize(needed + 60, 400)
    qtbot.waitUntil(lambda: panel.list.visualItemRect(rows["POST"]).width() > needed, timeout=30000)
