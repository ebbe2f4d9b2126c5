"""The "Request sent" tab against a real loopback server: the size is what went on the wire, files are told in words."""
import json
import re

import httpx
import pytest

from desktop import i18n
from desktop.core import attachments as att
from desktop.core.models import Body, Request
from desktop.core.sender import send
from desktop.ui.sent_view import SentView
from tests.images import image_bytes


@pytest.fixture
def view(qtbot):
    widget = SentView()
    qtbot.addWidget(widget)
    return widget


def _photo_request(tmp_path, url: str, name: str, data: bytes) -> Request:
    path = tmp_path / name
    path.write_bytes(data)
    attachment = att.encode_file(path, att.new_id(name, set()), expect="image").attachment
    text = '{"recipient": "79990000000", "caption": "Фото", "b64_file": "' + att.token(attachment.id) + '"}'
    return Request("POST", url + "/api/sync/message/img/send", body=Body("json", text, {attachment.id: attachment}))


@pytest.mark.parametrize("name", ["photo.jpg", "снимок | [1].jpg"])
def test_a_big_file_is_reported_at_its_size_on_the_wire(qtbot, view, tmp_path, loopback, name):
    photo = image_bytes(1500, 1100, "JPEG", noise=True, quality=95)
    with httpx.Client() as client:
        response = send(_photo_request(tmp_path, loopback.url, name, photo), client)
    arrived = loopback.arrived[-1].body
    view.load(response)
    # The figure is the whole body that arrived (the file's base64 with the JSON around it), not the summary kept.
    size = re.search(r"Body sent: ([\d.]+) MB", view.body_label.text())
    assert size and float(size.group(1)) == round(len(arrived) / 1024 / 1024, 1)
    text = view.body.toPlainText()
    assert f"[file «{name}»: " in text and "sent as" in text and "base64 characters" not in text
    assert '"caption": "Фото"' in text
    assert json.loads(arrived)["caption"] == "Фото"


def test_a_plain_body_shows_its_own_size(qtbot, view, loopback):
    with httpx.Client() as client:
        response = send(Request("POST", loopback.url + "/x", body=Body("json", '{"body": "привет"}')), client)
    view.load(response)
    assert view.body_label.text() == f"Body sent: {len(loopback.arrived[-1].body)} B"
    assert view.body.toPlainText() == '{"body": "привет"}'


def test_russian_view_has_no_english_and_writes_the_decimal_comma(qtbot, tmp_path, loopback):
    i18n.set_language("ru")
    widget = SentView()
    qtbot.addWidget(widget)
    photo = image_bytes(1500, 1100, "JPEG", noise=True, quality=95)
    with httpx.Client() as client:
        response = send(_photo_request(tmp_path, loopback.url, "photo.jpg", photo), client)
    widget.load(response)
    assert re.fullmatch(r"Отправлено тело: \d+,\d МБ", widget.body_label.text())
    told = widget.body.toPlainText().split("… ", 1)[1]
    # Only the file's own name and the word base64 are Latin in the Russian sentence about the file.
    assert re.findall(r"[A-Za-z]{2,}", told.replace("photo.jpg", "").replace("base64", "").split("]")[0]) == []
    assert "файл «photo.jpg»" in told
