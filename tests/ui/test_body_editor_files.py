"""Files in the body editor: picker, drop, paste, the placeholder card with its thumbnail, bad files, and the send."""
from __future__ import annotations

import base64
import json

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QFileDialog

from desktop.core import attachments as att
from desktop.core.models import Body, KeyValue, Request
from desktop.sandbox.png import qr_like_png
from desktop.ui.body_editor import BodyEditor
from desktop.ui.image_preview import ImagePreview
from tests.images import course_jpeg, image_bytes

IMAGE_BODY = '{\n  "recipient": "79990000000",\n  "caption": "Это картинка",\n  "b64_file": ""\n}'


@pytest.fixture
def editor(qtbot):
    widget = BodyEditor()
    qtbot.addWidget(widget)
    widget.show()
    widget.load_model(Body("json", IMAGE_BODY))
    widget.set_address("https://wappi.pro/api/sync/message/img/send")
    return widget


@pytest.fixture
def jpeg(tmp_path, shared_dir):
    path = tmp_path / "from the course.jpg"
    path.write_bytes(course_jpeg(shared_dir))
    return path


def pick(qtbot, monkeypatch, editor, path, expect_attached=True):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    if expect_attached:
        with qtbot.waitSignal(editor.attached, timeout=30000):
            editor.choose.click()
    else:
        editor.choose.click()
        qtbot.waitUntil(lambda: editor.task is None, timeout=30000)


def test_picked_file_becomes_a_placeholder_with_a_thumbnail(qtbot, monkeypatch, editor, jpeg):
    pick(qtbot, monkeypatch, editor, jpeg)
    text = editor.editor.toPlainText()
    assert '"b64_file": "{{file:from_the_course.jpg}}"' in text and "/9j/" not in text
    body = editor.to_model()
    assert body.attachments["from_the_course.jpg"].data == base64.b64encode(jpeg.read_bytes())
    card = editor.card
    assert card.isVisible()
    assert "from the course.jpg" in card.title.text() and "JPEG image" in card.title.text() and "6.3 KB" in card.title.text()
    pixmap = card.thumbnail.pixmap()
    assert not pixmap.isNull() and max(pixmap.width(), pixmap.height()) <= 96
    assert editor.choose.text() == "Choose file…" and not editor.progress.isVisible()


def test_placeholder_is_removed_whole(qtbot, monkeypatch, editor, jpeg):
    pick(qtbot, monkeypatch, editor, jpeg)
    text = editor.editor.toPlainText()
    cursor = editor.editor.textCursor()
    cursor.setPosition(text.index("}}") + 2)
    editor.editor.setTextCursor(cursor)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Backspace)
    assert '"b64_file": ""' in editor.editor.toPlainText()
    assert editor.to_model().attachments == {}


def test_picked_file_goes_on_the_wire_exactly(qtbot, monkeypatch, window, loopback, jpeg):
    window.load_model(Request("POST", loopback.url + "/api/sync/message/img/send", params=[KeyValue("profile_id", "p1")],
                              headers=[KeyValue("Content-Type", "application/json"), KeyValue("Authorization", "t0ken")],
                              body=Body("json", IMAGE_BODY)))
    pick(qtbot, monkeypatch, window.body, jpeg)
    with qtbot.waitSignal(window.response_shown, timeout=30000) as blocker:
        window.url_bar.button.click()
    assert blocker.args[0].status == 200
    sent = json.loads(loopback.arrived[-1].body)
    assert sent["b64_file"].encode() == base64.b64encode(jpeg.read_bytes())
    assert sent["caption"] == "Это картинка"


def test_wrong_and_missing_files_are_explained(qtbot, monkeypatch, editor, tmp_path):
    pdf = tmp_path / "photo.jpg"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    pick(qtbot, monkeypatch, editor, pdf, expect_attached=False)
    assert "needs an image" in editor.card.notes.text() and "PDF document" in editor.card.notes.text()
    assert '"b64_file": ""' in editor.editor.toPlainText()

    pick(qtbot, monkeypatch, editor, tmp_path / "deleted.png", expect_attached=False)
    assert "no longer there" in editor.card.notes.text()

    html = tmp_path / "screenshot.png"
    html.write_text("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>")
    pick(qtbot, monkeypatch, editor, html, expect_attached=False)
    assert "web page" in editor.card.notes.text()
    assert editor.to_model().attachments == {}


def test_choose_without_a_field_says_where_to_click(qtbot, editor):
    editor.load_model(Body("json", '{"recipient": "79990000000"}'))
    editor.choose.click()
    assert "no field" in editor.card.title.text() + editor.card.notes.text()


def test_dropped_file_is_attached(qtbot, editor, tmp_path):
    path = tmp_path / "drawn.png"
    path.write_bytes(image_bytes(120, 80, "PNG"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(editor.attached, timeout=30000):
        editor.editor.insertFromMimeData(mime)
    assert editor.to_model().attachments["drawn.png"].data == base64.b64encode(path.read_bytes())
    assert "PNG image" in editor.card.title.text()


def test_long_pasted_base64_shows_the_picture_and_is_kept_as_pasted(qtbot, editor, shared_dir):
    pasted = "data:image/jpeg;base64," + base64.b64encode(course_jpeg(shared_dir)).decode()
    text = editor.editor.toPlainText()
    cursor = editor.editor.textCursor()
    cursor.setPosition(text.index('"b64_file": "') + len('"b64_file": "'))
    editor.editor.setTextCursor(cursor)
    mime = QMimeData()
    mime.setText(pasted)
    with qtbot.waitSignal(editor.attached, timeout=30000):
        editor.editor.insertFromMimeData(mime)
    attachment = next(iter(editor.to_model().attachments.values()))
    assert attachment.data == pasted.encode()  # what the client sent, prefix included
    assert not editor.card.thumbnail.pixmap().isNull()
    assert "data:image/jpeg;base64," in editor.card.notes.text() and editor.card.clean.isVisible()
    editor.card.clean.click()
    cleaned = next(iter(editor.to_model().attachments.values()))
    assert cleaned.data == base64.b64encode(course_jpeg(shared_dir))


def test_short_base64_in_a_field_is_previewed(qtbot, editor):
    value = base64.b64encode(image_bytes(20, 20, "PNG")).decode()
    editor.load_model(Body("json", '{"b64_file": "' + value[:40] + "\\n" + value[40:] + '"}'))
    cursor = editor.editor.textCursor()
    cursor.setPosition(20)
    editor.editor.setTextCursor(cursor)
    assert "PNG image" in editor.card.title.text() and "line breaks" in editor.card.notes.text()
    assert not editor.card.thumbnail.pixmap().isNull()
    editor.load_model(Body("json", '{"b64_file": "not*base64*at*all*' + "A" * 64 + '"}'))
    cursor.setPosition(20)
    editor.editor.setTextCursor(cursor)
    assert not editor.card.isVisible() or "not valid base64" in editor.card.title.text()


def test_reopened_request_shows_its_file(qtbot, monkeypatch, editor, jpeg):
    pick(qtbot, monkeypatch, editor, jpeg)
    saved = Body.from_dict(json.loads(json.dumps(editor.to_model().to_dict())))
    other = BodyEditor()
    qtbot.addWidget(other)
    other.load_model(saved)
    assert other.to_model() == saved
    assert "from the course.jpg" in other.card.title.text() and not other.card.thumbnail.pixmap().isNull()


def test_image_preview_shows_the_qr_code_and_saves_it(qtbot, monkeypatch, tmp_path):
    qr = qr_like_png("profile")
    answer = json.dumps({"status": "done", "qrCode": "data:image/png;base64," + base64.b64encode(qr).decode()}).encode()
    found = att.find_image(answer, "application/json")
    preview = ImagePreview()
    qtbot.addWidget(preview)
    preview.resize(400, 400)
    preview.show()
    assert preview.show_image(found.data, found.where)
    assert "PNG image" in preview.caption.text() and "222×222 px" in preview.caption.text() and "qrCode" in preview.caption.text()
    assert not preview.picture.pixmap().isNull()
    target = tmp_path / "qr.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(preview.saved):
        preview.save_button.click()
    assert target.read_bytes() == qr
    assert not preview.show_image(b"\x89PNG\r\n\x1a\n broken")
    assert "cannot be shown" in preview.caption.text()
