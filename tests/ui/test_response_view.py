"""The response viewer against a real loopback server: every bad-input case ends in a clear note, save is exact."""
import base64
import gzip
import json
import threading

import pytest

from desktop.core import sender
from desktop.core.errors import SendError
from desktop.core.models import KeyValue, Request, Response
from desktop.sandbox.png import qr_like_png
from desktop.ui.response_view import ResponseView
from tests.images import image_bytes
from tests.loopback import PACKED_JSON

MB = 1024 * 1024


@pytest.fixture
def client():
    with sender.make_client() as c:
        yield c


@pytest.fixture
def view(qtbot):
    widget = ResponseView(preview_limit_mb=1)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def show(qtbot, view, response):
    with qtbot.waitSignal(view.body_ready, timeout=30000):
        view.show_response(response)
    return response


def fetch(qtbot, view, client, url, **kwargs):
    return show(qtbot, view, sender.send(Request(url=url), client, max_body=kwargs.pop("max_body", 8 * MB), **kwargs))


@pytest.mark.parametrize("path", ["/gzip", "/br", "/deflate"])
def test_packed_answers_are_unpacked_and_saved_exactly_as_received(qtbot, view, client, loopback, path, tmp_path):
    response = fetch(qtbot, view, client, loopback.url + path)
    assert response.body == PACKED_JSON
    assert response.wire_body != PACKED_JSON
    assert '"packed": true' in view.body.toPlainText()
    view.save_body(tmp_path / "as-received.bin")
    view.save_body(tmp_path / "unpacked.json", unpacked=True)
    # The exact bytes of the wire: unpacking them gives the served JSON, and they equal what the server sent.
    saved = (tmp_path / "as-received.bin").read_bytes()
    assert saved == response.wire_body
    if path == "/gzip":
        assert gzip.decompress(saved) == PACKED_JSON
    assert (tmp_path / "unpacked.json").read_bytes() == PACKED_JSON


def test_save_writes_the_exact_bytes_received_for_plain_and_binary(qtbot, view, client, loopback, tmp_path):
    for path in ("/binary", "/bad-utf8", "/text"):
        response = fetch(qtbot, view, client, loopback.url + path)
        view.save_body(tmp_path / "out")
        assert (tmp_path / "out").read_bytes() == response.body == response.wire_body


@pytest.mark.parametrize("path", ["/gzip-bomb", "/br-bomb"])
def test_compression_bomb_is_capped_with_a_note(qtbot, view, client, loopback, path):
    response = fetch(qtbot, view, client, loopback.url + path, max_body=4 * MB)
    assert len(response.wire_body) < 1 * MB  # 200 MB of zeros packed
    assert len(response.body) == 4 * MB
    assert response.cut_reason == "unpacked-size"
    assert "unpacks to more than" in view.note.text()


def test_damaged_packing_shows_the_bytes_with_a_note(qtbot, view, client, loopback):
    response = fetch(qtbot, view, client, loopback.url + "/broken-gzip")
    assert response.cut_reason == "undecodable"
    assert "cannot unpack" in view.note.text()


def test_json_content_type_that_is_not_json(qtbot, view, client, loopback):
    fetch(qtbot, view, client, loopback.url + "/fake-json")
    assert "not valid JSON" in view.note.text()
    assert view.body.toPlainText() == "<html><body>Bad gateway</body></html>"


def test_invalid_utf8_is_shown_with_a_note(qtbot, view, client, loopback):
    fetch(qtbot, view, client, loopback.url + "/bad-utf8")
    assert "not valid UTF-8" in view.note.text()
    assert "caf\ufffd" in view.body.toPlainText()


def test_huge_download_is_cut_with_a_note_and_a_preview(qtbot, view, client, loopback):
    response = fetch(qtbot, view, client, loopback.url + "/huge", max_body=3 * MB)
    assert response.cut_reason == "size" and len(response.body) == 3 * MB
    assert "too large" in view.note.text()
    # 200 MB of zeros is binary: a summary and a hex preview, not 3 MB of text.
    assert "Binary data" in view.note.text()
    assert view.body.toPlainText().startswith("00000000  00 00")


def test_endless_stream_is_cut_by_time_and_can_be_cancelled(qtbot, view, client, loopback):
    response = fetch(qtbot, view, client, loopback.url + "/endless", max_seconds=1.0)
    assert response.cut_reason == "time"
    assert "too long" in view.note.text()
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(SendError) as info:
        sender.send(Request(url=loopback.url + "/endless"), client, cancel=cancel)
    assert info.value.code == "cancelled"


def test_big_json_shows_a_preview_then_everything(qtbot, view, client, loopback):
    items = [{"id": i, "text": "Привет " * 3} for i in range(40000)]
    body = json.dumps({"items": items}, ensure_ascii=False).encode()
    assert len(body) > 1 * MB
    from tests.loopback import BODY_CASES

    BODY_CASES["/big-json"] = lambda: (body, [("Content-Type", "application/json")])
    try:
        fetch(qtbot, view, client, loopback.url + "/big-json")
    finally:
        del BODY_CASES["/big-json"]
    assert "only the first" in view.note.text()
    assert view.show_all_button.isVisible()
    with qtbot.waitSignal(view.body_ready, timeout=30000):
        view.show_everything()
    assert not view.show_all_button.isVisible()
    assert json.loads(view.body.toPlainText()) == {"items": items}
    assert view.body.line_text(0) == "{"
    assert view.body.line_text(1) == '  "items": ['
    # Search across the whole body, next and previous, Cyrillic case-insensitively.
    view.open_search()
    view.search.setText("привет")
    assert view.run_search() == 120000
    assert view.match_label.text() == "1 of 120000"
    view.find_next()
    assert view.match_label.text() == "2 of 120000"
    view.find_previous()
    view.find_previous()
    assert view.match_label.text() == "120000 of 120000"


def test_tree_opens_lazily_and_copies_a_value(qtbot, view, client, loopback):
    fetch(qtbot, view, client, loopback.url + "/gzip")
    with qtbot.waitSignal(view.body_ready, timeout=30000):
        view.set_mode("tree")
    model = view.tree_model
    top = model.index(0, 0)
    assert model.data(top) == "JSON"
    assert model.rowCount(top) == 2
    items = model.index(1, 0, top)
    assert model.data(items) == "items"
    assert model.rowCount(items) == 0 and model.canFetchMore(items)  # rows made only when opened
    view.tree.expand(items)
    model.fetchMore(items)
    assert model.rowCount(items) == 50
    view.tree.setCurrentIndex(model.index(7, 0, items))
    assert view.selected_value() == "7"
    view.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "7"


def test_picture_and_binary(qtbot, view, client, loopback):
    fetch(qtbot, view, client, loopback.url + "/image")
    assert view.body_stack.currentWidget() is view.picture_area
    assert not view.picture.picture.pixmap().isNull()
    assert "picture (PNG" in view.note.text()
    fetch(qtbot, view, client, loopback.url + "/binary")
    assert "Binary data: 1024 bytes" in view.note.text()
    assert "00 01 02 03" in view.body.toPlainText()


def test_token_is_masked_in_request_sent_until_revealed(qtbot, view, client, loopback):
    token = "secret-token-5f2a9c"
    request = Request(url=loopback.url + "/redirect", headers=[KeyValue("Authorization", token)])
    response = show(qtbot, view, sender.send(request, client))
    view.tabs.setCurrentWidget(view.sent)
    text = view.sent.visible_text()
    assert token not in text and "se••••" in text
    assert response.url.endswith("/x") and "/x" in text
    assert "Redirected 1 time:" in text and "302 from" in text
    view.sent.reveal.setChecked(True)
    assert token in view.sent.visible_text()
    # A new answer hides the secrets again.
    show(qtbot, view, sender.send(request, client))
    assert token not in view.sent.visible_text()


def test_headers_search_cookies_and_timing(qtbot, view, client, loopback):
    response = fetch(qtbot, view, client, loopback.url + "/cookies")
    assert view.tabs.tabText(2) == "Cookies (2)"
    assert view.cookies.item(0, 0).text() == "session" and view.cookies.item(0, 1).text() == "abc123"
    assert "HttpOnly" in view.cookies.item(0, 2).text()
    view.header_search.setText("content-type")
    shown = [view.headers.item(r, 0).text() for r in range(view.headers.rowCount()) if not view.headers.isRowHidden(r)]
    assert [name.lower() for name in shown] == ["content-type"]
    labels = [label for label, _ms, _phase in view.timing.rows()]
    assert labels[0] == "Total" and len(labels) >= 2
    assert response.timings


def test_russian_interface(qtbot, client, loopback):
    from desktop import i18n

    i18n.set_language("ru")
    widget = ResponseView()
    qtbot.addWidget(widget)
    assert widget.tabs.tabText(3) == "Отправленный запрос"
    assert widget.show_all_button.text() == "Показать всё"


def _json_answer(payload: dict) -> Response:
    body = json.dumps(payload).encode()
    return Response(200, "OK", [("Content-Type", "application/json")], body, 12.0, url="http://127.0.0.1/x")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("qrCode", lambda png: "data:image/png;base64," + base64.b64encode(png).decode()),
        ("file_b64", lambda png: base64.b64encode(png).decode()),
    ],
)
def test_a_picture_inside_json_shows_in_the_body_tab_above_the_json(qtbot, view, field, value):
    png = qr_like_png("profile")
    show(qtbot, view, _json_answer({"status": "done", field: value(png)}))
    assert view.tabs.currentIndex() == 0 and view.tabs.tabText(0) == "Body"
    assert view.embedded_picture.isVisible() and not view.embedded_picture.picture.pixmap().isNull()
    assert f"from the field «{field}»" in view.embedded_picture.caption.text()
    assert view.embedded_picture.height() >= 200
    # No tab behind scroll arrows: the picture is where the answer is.
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())][:1] == ["Body"] and view.tabs.count() == 5
    # The next answer without a picture leaves none of it on screen.
    show(qtbot, view, _json_answer({"status": "done"}))
    assert not view.embedded_picture.isVisible()


def test_a_downloaded_photo_in_a_big_json_answer_is_shown_without_blocking(qtbot, view):
    photo = image_bytes(1600, 1200, "JPEG", noise=True, quality=95)
    assert len(photo) > 1 * MB
    show(qtbot, view, _json_answer({"status": "done", "mimetype": "image/jpeg", "file_b64": base64.b64encode(photo).decode()}))
    qtbot.waitUntil(view.embedded_picture.isVisible, timeout=30000)
    assert "1600×1200 px" in view.embedded_picture.caption.text()
    assert view.embedded_picture.data == photo


def test_a_new_answer_drops_a_picture_still_being_looked_for(qtbot, view):
    photo = image_bytes(1200, 900, "JPEG", noise=True, quality=95)
    view.show_response(_json_answer({"file_b64": base64.b64encode(photo).decode()}))
    show(qtbot, view, _json_answer({"status": "done"}))
    qtbot.wait(300)
    assert not view.embedded_picture.isVisible()


def test_search_in_a_cut_preview_says_so_and_offers_the_whole_answer(qtbot, view):
    lines = [{"id": i, "note": "needle" if i % 1000 == 0 else "hay"} for i in range(60000)]
    body = json.dumps(lines).encode()
    assert len(body) > 1.5 * MB
    show(qtbot, view, Response(200, "OK", [("Content-Type", "application/json")], body, 5.0))
    view.open_search()
    view.search.setText("needle")
    in_preview = view.run_search()
    assert 0 < in_preview < 60
    assert "searched only the first 1.0 MB shown" in view.match_label.text()
    assert view.search_all_button.isVisible()
    with qtbot.waitSignal(view.body_ready, timeout=30000):
        view.search_all_button.click()
    assert view.match_count == 60
    assert view.match_label.text() == "1 of 60" and not view.search_all_button.isVisible()
