"""Files as base64: type from content, streaming encode, bad input in words, exact bytes on the wire, images in answers."""
from __future__ import annotations

import base64
import json
import os
import re
import threading

import httpx
import pytest

from desktop.core import attachments as att
from desktop.core.collection import read_request, write_request
from desktop.core.errors import SendError
from desktop.core.models import Attachment, Body, Request
from desktop.core.sender import send
from desktop.core.variables import resolve
from desktop.sandbox.png import qr_like_png
from tests.images import course_jpeg, image_bytes

PDF = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
HTML = b"\xef\xbb\xbf\n  <!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Not found</body></html>"


@pytest.fixture
def images(qapp, shared_dir):
    return {
        "course.jpg": course_jpeg(shared_dir),
        "gradient.png": image_bytes(40, 30, "PNG"),
        "photo.jpg": image_bytes(64, 48, "JPG", quality=90),
        # Random pixels: a PNG well over one read piece (768 KB), with a size that is not a multiple of 3.
        "noise.png": image_bytes(700, 500, "PNG", noise=True),
    }


def test_type_comes_from_content_not_name(images):
    samples = {
        "jpeg": images["course.jpg"], "png": images["gradient.png"], "gif": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        "webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ", "wav": b"RIFF\x24\x00\x00\x00WAVEfmt ", "pdf": PDF,
        "mp3": b"ID3\x03\x00\x00\x00\x00\x00\x00", "ogg": b"OggS\x00\x02" + b"\x00" * 20,
        "mp4": b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00", "m4a": b"\x00\x00\x00\x20ftypM4A \x00\x00",
        "docx": b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml....word/document.xml",
        "zip": b"PK\x03\x04\x14\x00\x00\x00notes.txt", "html": HTML, "empty": b"", "json": b'{"a": 1}',
        "text": "Привет".encode(), "unknown": b"\x00\x01\x02\x03\xfe",
    }
    for key, data in samples.items():
        assert att.sniff(data).key == key, key
    assert att.sniff(b"\xff\xfb\x90\x64" + b"\x00" * 10).key == "mp3"  # a bare MPEG frame, no ID3 tag
    assert att.sniff(images["course.jpg"]).category == "image"


def test_encoded_file_is_exactly_base64_of_its_bytes(tmp_path, images):
    seen = []
    for name, data in images.items():
        path = tmp_path / name
        path.write_bytes(data)
        picked = att.encode_file(path, name, progress=lambda done, total: seen.append((done, total)))
        assert picked.attachment.data == base64.b64encode(data)
        assert picked.attachment.size == len(data) and picked.type.category == "image"
    assert len(images["noise.png"]) > att.READ_CHUNK
    assert seen[-1] == (len(images["noise.png"]),) * 2
    assert len([s for s in seen if s[1] == len(images["noise.png"])]) >= 2
    for size in (1, 2, 3, att.READ_CHUNK - 1, 2 * att.READ_CHUNK + 1, 2 * att.READ_CHUNK + 2):
        data = b"\x07" + os.urandom(size - 1)
        path.write_bytes(data)
        assert att.encode_file(path, "blob").attachment.data == base64.b64encode(data), size


def test_cancel_stops_encoding(tmp_path, images):
    path = tmp_path / "noise.png"
    path.write_bytes(images["noise.png"])
    stop = threading.Event()
    stop.set()
    with pytest.raises(att.Cancelled):
        att.encode_file(path, "x", cancel=stop)


def problem(path, expect=None, limit=att.DEFAULT_MAX_FILE_MB * 1024 * 1024) -> att.Problem:
    with pytest.raises(att.AttachmentError) as caught:
        att.encode_file(path, "x", limit=limit, expect=expect)
    assert caught.value.problem.message and caught.value.problem.next_step
    return caught.value.problem


def test_bad_files_get_plain_messages(tmp_path, images):
    (tmp_path / "empty.jpg").write_bytes(b"")
    assert problem(tmp_path / "empty.jpg").code == "empty"

    huge = tmp_path / "huge.mp4"
    with open(huge, "wb") as handle:
        handle.truncate(1024 ** 3)  # a sparse 1 GB file: refused from its size, without reading it
    found = problem(huge)
    assert found.code == "too-big" and "1.0 GB" in found.message and "16.0 MB" in found.message

    removed = problem(tmp_path / "gone.png")
    assert removed.code == "removed" and "gone.png" in removed.message

    assert problem(tmp_path).code == "folder"

    if os.path.exists("/proc/self/mem"):  # opens, then fails to read: an input/output error, as on a dying disk
        assert problem("/proc/self/mem").code == "unreadable"

    (tmp_path / "contract.jpg").write_bytes(PDF)
    wrong = problem(tmp_path / "contract.jpg", expect="image")
    assert wrong.code == "wrong-type" and "PDF document" in wrong.message and "JPEG image" in wrong.message

    (tmp_path / "photo.png").write_bytes(HTML)
    page = problem(tmp_path / "photo.png", expect="image")
    assert page.code == "web-page" and "error page" in page.message

    (tmp_path / "cut.jpg").write_bytes(images["course.jpg"][: len(images["course.jpg"]) // 2])
    assert problem(tmp_path / "cut.jpg", expect="image").code == "damaged"

    (tmp_path / "cut.png").write_bytes(images["gradient.png"][:-12])
    assert problem(tmp_path / "cut.png").code == "damaged"

    (tmp_path / "small.png").write_bytes(images["gradient.png"])
    assert problem(tmp_path / "small.png", limit=100).code == "too-big"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file, so a permission error cannot be made")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    path.chmod(0)
    assert problem(path).code == "unreadable"


def test_misnamed_image_is_a_warning_not_an_error(tmp_path, images):
    path = tmp_path / "really-png.jpg"
    path.write_bytes(images["gradient.png"])
    picked = att.encode_file(path, "x", expect="image")
    assert [w.code for w in picked.warnings] == ["misnamed"]
    assert picked.attachment.mime == "image/png"


def test_pasted_base64_checks(images):
    raw = base64.b64encode(images["course.jpg"]).decode()
    good = att.check_pasted(raw)
    assert good.ok and good.problems == [] and good.decoded == images["course.jpg"] and good.type.key == "jpeg"

    prefixed = att.check_pasted("data:image/jpeg;base64," + raw)
    assert [p.code for p in prefixed.problems] == ["data-prefix"] and prefixed.cleaned == raw

    wrapped = att.check_pasted("\n".join(raw[i : i + 76] for i in range(0, len(raw), 76)))
    assert [p.code for p in wrapped.problems] == ["line-breaks"] and wrapped.decoded == images["course.jpg"]

    escaped = att.check_pasted(raw[:76] + "\\n" + raw[76:].replace("/", "\\/"))
    assert escaped.decoded == images["course.jpg"]

    broken = att.check_pasted(raw[:100] + "#" + raw[101:])
    assert not broken.ok and broken.problems[-1].code == "invalid" and "«#» at position 101" in broken.problems[-1].message

    cut = att.check_pasted(raw[:-3])
    assert not cut.ok or cut.problems  # cut short: either not base64 at all, or a damaged image
    assert att.check_pasted(raw[:-3] + "A").problems

    assert att.check_pasted("data:text/plain,hello").problems[-1].code == "not-base64"
    assert att.looks_like_base64(raw) and att.looks_like_base64("data:image/png;base64,iVBOR")
    assert not att.looks_like_base64("Привет, это обычный текст сообщения для клиента, не картинка.")


def test_file_tokens_are_not_unknown_variables():
    body = Body("json", '{"b64_file": "{{file:a.png}}", "recipient": "{{phone}}"}', {})
    resolved, missing = resolve(Request("POST", "http://h/x", body=body), {})
    assert missing == ["phone"] and "{{file:a.png}}" in resolved.body.text


def sending_request(server_url: str, attachment: Attachment, data_uri: bool = False) -> Request:
    text = '{\n  "recipient": "79990000000",\n  "caption": "Это картинка",\n  "b64_file": "' + att.token(attachment.id) + '"\n}'
    return Request("POST", server_url + "/api/sync/message/img/send", body=Body("json", text, {attachment.id: attachment}))


def test_bytes_on_the_wire_are_exactly_base64_of_each_file(tmp_path, images, loopback):
    with httpx.Client() as client:
        for name, data in images.items():
            path = tmp_path / name
            path.write_bytes(data)
            picked = att.encode_file(path, att.new_id(name, set()), expect="image")
            response = send(sending_request(loopback.url, picked.attachment), client)
            assert response.status == 200
            arrived = loopback.arrived[-1].body
            sent = json.loads(arrived)
            assert sent["b64_file"].encode() == base64.b64encode(data)
            assert sent["caption"] == "Это картинка"
            assert b"\n" not in sent["b64_file"].encode() and not sent["b64_file"].startswith("data:")
            assert dict(loopback.arrived[-1].headers)["Content-Length"] == str(len(arrived))
            assert len(response.sent_body) < 500 and name.encode() in response.sent_body


def test_data_prefix_only_when_asked(tmp_path, images, loopback):
    path = tmp_path / "a.png"
    path.write_bytes(images["gradient.png"])
    picked = att.encode_file(path, "a.png")
    with_prefix = Attachment(**{**picked.attachment.__dict__, "data_uri": True})
    with httpx.Client() as client:
        send(sending_request(loopback.url, with_prefix), client)
    assert json.loads(loopback.arrived[-1].body)["b64_file"] == "data:image/png;base64," + base64.b64encode(images["gradient.png"]).decode()


def test_missing_or_damaged_file_stops_the_send_before_anything_goes_out(tmp_path, images, loopback):
    path = tmp_path / "a.png"
    path.write_bytes(images["gradient.png"])
    good = att.encode_file(path, "a.png").attachment
    orphan = Request("POST", loopback.url + "/x", body=Body("json", '{"b64_file": "{{file:other.png}}"}', {}))
    damaged = Attachment(**{**good.__dict__, "data": good.data[:-8] + b"AAAAAAAA"})
    with httpx.Client() as client:
        with pytest.raises(SendError) as missing:
            send(orphan, client)
        assert missing.value.code == "file-missing" and "other.png" in missing.value.message
        with pytest.raises(SendError) as broken:
            send(sending_request(loopback.url, damaged), client)
        assert broken.value.code == "file-damaged"
    assert loopback.arrived == []


def test_saved_request_embeds_the_file_and_reopens_with_the_same_bytes(tmp_path, images, loopback):
    path = tmp_path / "a.jpg"
    path.write_bytes(images["course.jpg"])
    request = sending_request(loopback.url, att.encode_file(path, "a.jpg").attachment)
    write_request(tmp_path / "saved.json", request)
    path.unlink()  # the original may be gone: the saved request carries the file
    reopened, _meta = read_request(tmp_path / "saved.json")
    assert reopened == request and reopened.copy() == request
    with httpx.Client() as client:
        send(reopened, client)
    assert json.loads(loopback.arrived[-1].body)["b64_file"].encode() == base64.b64encode(images["course.jpg"])
    on_disk = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert on_disk["body"]["attachments"][0]["name"] == "a.jpg" and on_disk["body"]["attachments"][0]["type"] == "image/jpeg"


def test_requests_without_files_keep_their_old_format():
    old = {"name": "n", "method": "POST", "url": "http://h", "body": {"kind": "json", "text": "{}"}}
    request = Request.from_dict(old)
    assert request.body.attachments == {} and request.to_dict()["body"] == {"kind": "json", "text": "{}"}


def test_images_found_in_answers(images):
    qr = qr_like_png("profile")
    answer = json.dumps({"status": "done", "qrCode": "data:image/png;base64," + base64.b64encode(qr).decode(), "uuid": "x"}).encode()
    found = att.find_image(answer, "application/json")
    assert found.data == qr and found.where == "qrCode" and found.type.key == "png"

    nested = json.dumps({"messages": [{"id": "1", "file": base64.b64encode(images["course.jpg"]).decode()}]}).encode()
    assert att.find_image(nested).where == "messages[0].file"
    assert att.find_image(images["photo.jpg"], "image/jpeg").where == ""
    assert att.find_image(b'{"status": "done", "body": "' + b"A" * 200 + b'"}') is None
    assert att.find_image(b"plain text") is None


def test_cursor_field_and_ids():
    text = '{"recipient": "7999", "b64_file": "{{file:a.png}}"}'
    field = att.string_field_at(text, text.index("a.png"))
    assert field.name == "b64_file" and text[field.start : field.end] == "{{file:a.png}}"
    assert att.string_field_at(text, 0) is None
    assert att.base64_field(text).name == "b64_file"
    assert att.new_id("My photo {1}.jpg", {"My_photo_1_.jpg"}) == "My_photo_1_.jpg-2"
    assert att.expected_category("https://wappi.pro/api/sync/message/img/send?profile_id=1") == "image"
    assert att.expected_category("https://wappi.pro/api/sync/message/document/send") is None


# --- the body as kept for the "Request sent" view -----------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=500)
@given(st.lists(st.one_of(_TEXT, st.tuples(_TEXT, st.integers(0, 10**9))), max_size=6))
def test_sent_parts_gives_back_the_text_and_each_file(pieces):
    """Whatever text surrounds them and whatever the files are called, the summary splits back exactly."""
    sent, expected = [], []
    for piece in pieces:
        if isinstance(piece, str):
            sent.append(piece.encode("utf-8"))
            if piece:
                expected.append(piece.encode("utf-8"))
            continue
        name, size = piece
        data = base64.b64encode(os.urandom(size % 97))
        attachment = Attachment("f", name, "image/png", size, "", "", data)
        sent.append(att._summary(attachment).encode("utf-8"))
        expected.append(att.SentFile(data[:32].decode(), name, size, len(data)))
    parts = att.sent_parts(b"".join(sent))
    joined = []
    for part in parts:  # neighbouring text pieces come back as one
        if joined and isinstance(part, bytes) and isinstance(joined[-1], bytes):
            joined[-1] += part
        else:
            joined.append(part)
    merged = []
    for part in expected:
        if merged and isinstance(part, bytes) and isinstance(merged[-1], bytes):
            merged[-1] += part
        else:
            merged.append(part)
    assert joined == merged


@settings(max_examples=200, deadline=500)
@given(st.binary(max_size=400))
def test_sent_parts_never_fails_on_any_bytes(data):
    parts = att.sent_parts(data)
    assert b"".join(p for p in parts if isinstance(p, bytes)) == data or any(isinstance(p, att.SentFile) for p in parts)


def test_sent_parts_is_linear_on_long_hostile_input():
    from tests.core.linearity import MAX_RATIO, growth

    # CPU time, as the other linearity checks: wall time also counts waiting for a loaded machine's CPU.
    assert growth(att.sent_parts, lambda n: b"\x00file\x00" * n + b"\x00" * n, 50_000, ()) < MAX_RATIO


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])  # Qt cannot write GIF
def test_every_image_format_is_found_as_bare_base64_or_with_escaped_slashes(qapp, fmt):
    picture = image_bytes(40, 30, fmt)
    encoded = base64.b64encode(picture).decode()
    for text in (json.dumps({"file": encoded}), json.dumps({"file": encoded}).replace("/", "\\/")):
        found = att.find_image(text.encode(), "application/json")
        assert found is not None and found.data == picture and found.where == "file", (fmt, text[:40])


def test_a_big_answer_without_a_picture_is_not_parsed_for_one():
    messages = [{"id": i, "body": "Привет, как дела?", "chatId": f"7999{i:07d}@c.us"} for i in range(20000)]
    assert att.find_image(json.dumps({"messages": messages}, ensure_ascii=False).encode(), "application/json") is None


def test_a_picture_start_across_the_scans_megabyte_edge_is_found(monkeypatch):
    from desktop.core import attachments

    monkeypatch.setattr(attachments, "_SCAN_SLICE", 64)
    for offset in range(60, 70):  # the head begins before, on and after a slice edge
        body = b"x" * offset + b"iVBORw0KGgo" + b"y" * 100
        assert attachments._holds_any(body, attachments.IMAGE_BASE64_HEADS)
    assert not attachments._holds_any(b"z" * 1000, attachments.IMAGE_BASE64_HEADS)


# --- the "name": "value" pairs the cursor and the picker look at ---------------------------------------

# The plain per-character form the unrolled STRING_FIELD replaced: same language, a hundred times slower on long values.
_PER_CHARACTER = re.compile(r'"((?:[^"\\\n]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"')


@settings(max_examples=300, deadline=500)
@given(st.text(st.sampled_from('"\\:{} ,\nab1'), max_size=60))
def test_string_fields_are_the_pairs_the_plain_form_finds(text):
    assert [(f.name, f.start, f.end, f.value) for f in att.string_fields(text)] == [
        (m.group(1), m.start(2), m.end(2), m.group(2)) for m in _PER_CHARACTER.finditer(text)
    ]


def test_string_fields_grow_linearly_on_a_long_base64_value():
    from tests.core.linearity import MAX_RATIO, growth

    def make(n: int) -> str:
        return '{"recipient": "79991112233", "b64_file": "' + "QUJD\\/" * n + '", "caption": "x"}'

    # Measured from 1.2 MB: from 300 KB to 1.2 MB the time grows ~10x on this machine (memory effects, not the
    # matching: from 1.2 to 4.8 MB it grows ~4x, and CI once measured 10.35 at the smaller size).
    assert growth(att.string_fields, make, 200_000, ()) < MAX_RATIO
