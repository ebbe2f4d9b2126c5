"""Files sent as base64 in a JSON body: type from content, streaming encode, pasted-text checks, wire expansion, images in answers."""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core import errors
from desktop.core.models import Attachment, Body
from desktop.core.sizes import human_size
from desktop.core.variables import FILE_PREFIX
from desktop.i18n import _

# Wappi's documentation states no size limit for base64 files (ENDPOINTS.md §7), so the app sets its own,
# changeable in the settings: 16 MB, the common ceiling for WhatsApp media.
DEFAULT_MAX_FILE_MB = 16
# Read 3 * 256 KB at a time: a multiple of 3, so each piece encodes to base64 without padding in the middle.
READ_CHUNK = 3 * 256 * 1024
SEND_CHUNK = 256 * 1024
HEAD_BYTES = 64 * 1024

TOKEN = re.compile(r"\{\{" + re.escape(FILE_PREFIX) + r"([^{}\s]+)\}\}")
# Fields whose value is base64 in the Wappi API; any other string field can be chosen by the cursor.
BASE64_FIELDS = ("b64_file",)


def token(file_id: str) -> str:
    return "{{" + FILE_PREFIX + file_id + "}}"


# --- what a file is, from its content -----------------------------------------------------------------


@dataclass(frozen=True)
class FileType:
    key: str        # "jpeg", "pdf", "html", "empty", ...
    mime: str
    category: str   # "image", "audio", "video", "document", "archive", "web", "text", "empty", "unknown"

    @property
    def label(self) -> str:
        return type_label(self.key)


TYPES = {
    t.key: t
    for t in (
        FileType("jpeg", "image/jpeg", "image"),
        FileType("png", "image/png", "image"),
        FileType("gif", "image/gif", "image"),
        FileType("webp", "image/webp", "image"),
        FileType("pdf", "application/pdf", "document"),
        FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document"),
        FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document"),
        FileType("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "document"),
        FileType("zip", "application/zip", "archive"),
        FileType("mp3", "audio/mpeg", "audio"),
        FileType("ogg", "audio/ogg", "audio"),
        FileType("wav", "audio/wav", "audio"),
        FileType("m4a", "audio/mp4", "audio"),
        FileType("mp4", "video/mp4", "video"),
        FileType("mov", "video/quicktime", "video"),
        FileType("3gp", "video/3gpp", "video"),
        FileType("webm", "video/webm", "video"),
        FileType("html", "text/html", "web"),
        FileType("json", "application/json", "text"),
        FileType("text", "text/plain", "text"),
        FileType("empty", "application/octet-stream", "empty"),
        FileType("unknown", "application/octet-stream", "unknown"),
    )
}

EXTENSIONS = {
    "jpg": "jpeg", "jpeg": "jpeg", "jfif": "jpeg", "png": "png", "gif": "gif", "webp": "webp", "pdf": "pdf",
    "docx": "docx", "xlsx": "xlsx", "pptx": "pptx", "zip": "zip", "mp3": "mp3", "ogg": "ogg", "oga": "ogg",
    "opus": "ogg", "wav": "wav", "m4a": "m4a", "mp4": "mp4", "m4v": "mp4", "mov": "mov", "3gp": "3gp",
    "webm": "webm", "html": "html", "htm": "html", "json": "json", "txt": "text",
}


def type_label(key: str) -> str:
    labels = {
        "jpeg": _("JPEG image"), "png": _("PNG image"), "gif": _("GIF image"), "webp": _("WebP image"),
        "pdf": _("PDF document"), "docx": _("Word document"), "xlsx": _("Excel spreadsheet"),
        "pptx": _("PowerPoint presentation"), "zip": _("ZIP archive"), "mp3": _("MP3 audio"),
        "ogg": _("OGG audio"), "wav": _("WAV audio"), "m4a": _("M4A audio"), "mp4": _("MP4 video"),
        "mov": _("QuickTime video"), "3gp": _("3GP video"), "webm": _("WebM video"),
        "html": _("web page (HTML)"), "json": _("JSON text"), "text": _("plain text"),
        "empty": _("empty file"), "unknown": _("unrecognised binary data"),
    }
    return labels.get(key, key)


def sniff(head: bytes) -> FileType:
    """The type of a file from its first bytes (64 KB is plenty), whatever its name says."""
    if not head:
        return TYPES["empty"]
    if head.startswith(b"\xff\xd8\xff"):
        return TYPES["jpeg"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return TYPES["png"]
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return TYPES["gif"]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return TYPES["webp"]
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return TYPES["wav"]
    if head.startswith(b"%PDF-"):
        return TYPES["pdf"]
    if head.startswith(b"PK\x03\x04"):
        # Office files are ZIPs; their part names sit in the first local headers.
        for marker, key in ((b"word/", "docx"), (b"xl/", "xlsx"), (b"ppt/", "pptx")):
            if marker in head:
                return TYPES[key]
        return TYPES["zip"]
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE6 in (0xE2, 0xE4, 0xE6)):
        return TYPES["mp3"]  # an ID3 tag, or an MPEG audio frame header (sync bits, layer III/II/I)
    if head.startswith(b"OggS"):
        return TYPES["ogg"]
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand.startswith(b"M4A"):
            return TYPES["m4a"]
        if brand == b"qt  ":
            return TYPES["mov"]
        if brand.startswith(b"3g"):
            return TYPES["3gp"]
        return TYPES["mp4"]
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return TYPES["webm"]
    if b"\x00" in head[:4096]:
        return TYPES["unknown"]
    text = head[:4096].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html", "<head", "<body")) or "<html" in text[:1024]:
        return TYPES["html"]
    if text.startswith(("{", "[")):
        return TYPES["json"]
    try:
        head[:4096].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < min(len(head), 4096) - 3:  # not just a character cut at the sample's end
            return TYPES["unknown"]
    return TYPES["text"]


def type_from_name(name: str) -> FileType | None:
    ext = Path(name).suffix.lower().lstrip(".")
    key = EXTENSIONS.get(ext)
    return TYPES[key] if key else None


def expected_category(url: str) -> str | None:
    """What the Wappi method at `url` takes in b64_file: "image", "audio", "video", or None (any document)."""
    path = url.split("?")[0].rstrip("/")
    for part, category in (("/img/send", "image"), ("/audio/send", "audio"), ("/voice/send", "audio"), ("/video/send", "video")):
        if path.endswith(part):
            return category
    return None


# --- problems, in words ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    next_step: str = ""
    severity: str = "error"  # "error" stops the file; "warning" is shown next to it

    def __str__(self) -> str:
        return f"{self.message} {self.next_step}".strip()


class AttachmentError(Exception):
    """A file that cannot be attached; `problem` says why and what to do."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class Cancelled(Exception):
    """The agent stopped the encoding; nothing was attached."""


def _category_words(category: str) -> str:
    return {"image": _("an image (JPEG, PNG, GIF or WebP)"), "audio": _("an audio file (MP3, OGG, WAV or M4A)"),
            "video": _("a video (MP4, MOV, 3GP or WebM)")}.get(category, category)


def _read_problem(name: str, exc: OSError) -> Problem:
    if isinstance(exc, FileNotFoundError):
        return Problem("removed", _("The file «{name}» is no longer there: it was moved, renamed or deleted after it was chosen.").format(name=name),
                       _("Choose the file again."))
    if isinstance(exc, IsADirectoryError):
        return Problem("folder", _("«{name}» is a folder, not a file.").format(name=name), _("Open the folder and choose a file inside it."))
    reason = _("access is denied") if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
    return Problem("unreadable", _("The file «{name}» cannot be read: {reason}.").format(name=name, reason=reason),
                   _("Check that it is not open in another program and that you may read it, then choose it again."))


def content_problems(name: str, found: FileType, expect: str | None, size: int, limit: int) -> list[Problem]:
    """What is wrong with a file of this content type, size and name for a field expecting `expect`."""
    if size == 0 or found.key == "empty":
        return [Problem("empty", _("The file «{name}» is empty (0 bytes).").format(name=name),
                        _("Choose the right file: an empty file is usually a download that failed."))]
    if size > limit:
        return [Problem("too-big", _("The file «{name}» is {size}, more than the limit of {limit}.").format(name=name, size=human_size(size), limit=human_size(limit)),
                        _("Wappi's documentation states no size limit; this app stops at {limit} (change it in the settings). Send a smaller file, or send it by link with «Send file by URL».").format(limit=human_size(limit)))]
    named = type_from_name(name)
    problems: list[Problem] = []
    if found.key == "html" and (named is None or named.key != "html"):
        return [Problem("web-page", _("«{name}» is a web page, not a real {named}: most likely an error page the browser saved instead of the file.").format(name=name, named=named.label if named else _("file")),
                        _("Open the original link in a browser, check that it shows the file, and save it again."))]
    if expect and found.category != expect:
        hint = _(" (its name says {named})").format(named=named.label) if named and named.key != found.key else ""
        problems.append(Problem("wrong-type", _("This field needs {expected}, but «{name}» is a {found}{hint}.").format(expected=_category_words(expect), name=name, found=found.label, hint=hint),
                                _("Choose another file, or use the request for that kind of file (for example «Send document»).")))
    elif named and named.key != found.key and found.key != "unknown":
        problems.append(Problem("misnamed", _("«{name}» is named like a {named} but is really a {found}; it is sent as what it really is.").format(name=name, named=named.label, found=found.label),
                                _("Nothing to do unless the client expected another file."), "warning"))
    return problems


def damage_problem(name: str, found: FileType, size: int, head: bytes, tail: bytes) -> Problem | None:
    """A cut-short image or PDF: each of these formats has a known ending or a stated length."""
    ok = True
    end = tail.rstrip(b"\x00")[-32:]  # some writers pad with zeros; a thumbnail inside may end earlier
    if found.key == "jpeg":
        ok = b"\xff\xd9" in end
    elif found.key == "png":
        ok = b"IEND" in end
    elif found.key == "gif":
        ok = b"\x3b" in tail[-16:]
    elif found.key == "webp":
        ok = int.from_bytes(head[4:8], "little") + 8 <= size
    elif found.key == "pdf":
        ok = b"%%EOF" in tail
    if ok:
        return None
    return Problem("damaged", _("The {type} «{name}» is damaged: its end is missing (the file was cut short, for example by a failed download).").format(type=found.label, name=name),
                   _("Ask the client for the file again, or download it once more."))


# --- encoding a picked file -----------------------------------------------------------------------------


@dataclass
class Picked:
    attachment: Attachment
    type: FileType
    warnings: list[Problem] = field(default_factory=list)


def encoded_length(size: int) -> int:
    return 4 * ((size + 2) // 3)


def new_id(name: str, taken: set[str] | list[str] | dict) -> str:
    """A readable id for `{{file:<id>}}`: the file name without spaces or braces, numbered if already used."""
    base = re.sub(r"[\s{}]+", "_", Path(name).name).strip("_") or "file"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def encode_file(
    path: str | Path,
    file_id: str,
    limit: int = DEFAULT_MAX_FILE_MB * 1024 * 1024,
    expect: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> Picked:
    """Check and base64-encode a file in pieces into one buffer of the final size; raises AttachmentError or Cancelled.

    Memory stays at the encoded size plus one piece: the file is never held whole beside its base64.
    """
    path = Path(path)
    name = path.name
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(HEAD_BYTES)
            found = sniff(head)
            problems = content_problems(name, found, expect, size, limit)
            errors_ = [p for p in problems if p.severity == "error"]
            if errors_:
                raise AttachmentError(errors_[0])
            handle.seek(0)
            buffer = bytearray(encoded_length(size))
            digest = hashlib.sha256()
            done = written = 0
            tail = b""
            while True:
                if cancel is not None and cancel.is_set():
                    raise Cancelled()
                chunk = handle.read(READ_CHUNK)
                if not chunk:
                    break
                digest.update(chunk)
                piece = binascii.b2a_base64(chunk, newline=False)
                if written + len(piece) > len(buffer):
                    raise AttachmentError(_changed(name))
                buffer[written : written + len(piece)] = piece
                written += len(piece)
                done += len(chunk)
                tail = (tail + chunk)[-4096:]
                if progress is not None:
                    progress(done, size)
    except OSError as exc:
        raise AttachmentError(_read_problem(name, exc)) from exc
    if done != size:
        raise AttachmentError(_changed(name))
    damage = damage_problem(name, found, size, head, tail)
    if damage is not None:
        raise AttachmentError(damage)
    # The buffer itself is kept (bytes(buffer) would hold a second copy of megabytes for a moment); nothing writes to it again.
    attachment = Attachment(file_id, name, found.mime, size, digest.hexdigest(), str(path), buffer)
    return Picked(attachment, found, problems)


def _changed(name: str) -> Problem:
    return Problem("changed", _("The file «{name}» changed while it was being read (another program is still writing it).").format(name=name),
                   _("Wait until the file is complete, then choose it again."))


# --- a pasted base64 string ----------------------------------------------------------------------------

DATA_URI = re.compile(r"\s*data:([\w.+/-]*)((?:;[^,;]*)*),", re.IGNORECASE)
NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/=]")


@dataclass
class PastedCheck:
    """What a pasted base64 string holds: the decoded bytes (if any), their type, and what is wrong with the text."""

    problems: list[Problem]
    cleaned: str              # the text the API expects: no prefix, no line breaks, standard alphabet
    decoded: bytes | None = None
    type: FileType | None = None

    @property
    def ok(self) -> bool:
        return self.decoded is not None


def looks_like_base64(text: str) -> bool:
    """Cheap guess for a paste: a data: URI, or a long run of base64 characters (line breaks allowed)."""
    sample = text[:4096]
    if DATA_URI.match(sample):
        return True
    stripped = re.sub(r"\s|\\n|\\r", "", sample)
    return len(stripped) >= 64 and not NOT_BASE64.search(stripped.replace("-", "+").replace("_", "/").replace("\\/", "/"))


def check_pasted(text: str) -> PastedCheck:
    problems: list[Problem] = []
    payload = text.strip()
    prefix = DATA_URI.match(payload)
    if prefix:
        problems.append(Problem("data-prefix", _("The text starts with «{prefix}»: the Wappi example sends only the base64 part, without it.").format(prefix=prefix.group(0).strip()),
                                _("Press «Clean up» to remove the prefix, unless the client's system needs it."), "warning"))
        if "base64" not in prefix.group(2).lower():
            return PastedCheck(problems + [Problem("not-base64", _("This data: text is not base64 at all (it has no «;base64» mark)."), _("Ask the client for the file itself."))], "")
        payload = payload[prefix.end():]
    if re.search(r"\s|\\n|\\r", payload):
        problems.append(Problem("line-breaks", _("The text has line breaks or spaces inside; the API expects one unbroken line."),
                                _("Press «Clean up» to join it into one line."), "warning"))
        payload = re.sub(r"\s|\\n|\\r", "", payload)
    payload = payload.replace("\\/", "/")  # copied out of a JSON log
    if "-" in payload or "_" in payload:
        problems.append(Problem("url-safe", _("The text uses the web-safe base64 letters «-» and «_» instead of «+» and «/»."),
                                _("Press «Clean up» to convert it; the API expects standard base64."), "warning"))
        payload = payload.replace("-", "+").replace("_", "/")
    bad = NOT_BASE64.search(payload)
    if bad:
        problems.append(Problem("invalid", _("This is not valid base64: the character «{char}» at position {pos} cannot appear in it.").format(char=bad.group(0), pos=bad.start() + 1),
                                _("Copy the value again, whole, from the client's request.")))
        return PastedCheck(problems, payload)
    body = payload.rstrip("=")
    if len(body) % 4 == 1 or "=" in body:
        problems.append(Problem("invalid", _("This is not valid base64: it is cut or damaged (its length does not fit)."),
                                _("Copy the value again, whole, from the client's request.")))
        return PastedCheck(problems, payload)
    cleaned = body + "=" * (-len(body) % 4)
    if cleaned != payload:
        problems.append(Problem("padding", _("The «=» padding at the end is missing or wrong."), _("Press «Clean up» to fix it."), "warning"))
    decoded = base64.b64decode(cleaned)
    found = sniff(decoded[:HEAD_BYTES])
    if found.category == "image":
        damage = damage_problem(_("pasted image"), found, len(decoded), decoded[:64], decoded[-4096:])
        if damage:
            problems.append(damage)
    return PastedCheck(problems, cleaned, decoded, found)


def pasted_attachment(text: str, file_id: str, check: PastedCheck) -> Attachment:
    """A pasted value kept exactly as pasted, so the request reproduces what the client sent."""
    found = check.type or TYPES["unknown"]
    size = len(check.decoded) if check.decoded is not None else 0
    digest = hashlib.sha256(check.decoded).hexdigest() if check.decoded is not None else ""
    data = text.strip().encode("ascii", "replace")
    if digest and data != check.cleaned.encode("ascii"):
        digest = ""  # the wire carries the raw paste, which the checksum of the decoded bytes does not describe
    return Attachment(file_id, _("pasted {type}").format(type=found.label), found.mime, size, digest, "", data)


# --- the body on the wire ------------------------------------------------------------------------------


@dataclass
class WireBody:
    """The body as it goes out: `content` is bytes, or pieces streamed from the attachments with `length` stated."""

    content: bytes | Iterator[bytes]
    length: int
    sent: bytes          # what Response.sent_body keeps: the text with each file summarised, not megabytes
    headers: list[tuple[str, str]] = field(default_factory=list)


def wire_body(body: Body) -> WireBody:
    """Fill every `{{file:<id>}}` with its base64; raises errors.SendError before a byte is sent if a file is missing or damaged."""
    text = body.text if body.kind != "none" else ""
    tokens = list(TOKEN.finditer(text)) if "{{" in text else []
    if not tokens:
        content = text.encode("utf-8")
        return WireBody(content, len(content), content)
    parts: list[bytes | Attachment] = []
    sent: list[bytes] = []
    at = 0
    for match in tokens:
        attachment = body.attachments.get(match.group(1))
        if attachment is None:
            raise errors.SendError("file-missing", _("The body names the file «{id}», but the file itself is not attached to this request.").format(id=match.group(1)),
                                   _("Choose the file again with «Choose file…», or remove «{token}» from the body.").format(token=match.group(0)))
        _verify(attachment)
        before = text[at : match.start()].encode("utf-8")
        parts += [before, attachment]
        sent += [before, _summary(attachment).encode("utf-8")]
        at = match.end()
    after = text[at:].encode("utf-8")
    parts.append(after)
    sent.append(after)
    length = sum(len(p) if isinstance(p, bytes) else len(_prefix(p)) + len(p.data) for p in parts)
    return WireBody(_stream(parts), length, b"".join(sent), [("Content-Length", str(length))])


def _prefix(attachment: Attachment) -> bytes:
    return f"data:{attachment.mime};base64,".encode("ascii") if attachment.data_uri else b""


def _stream(parts: list[bytes | Attachment]) -> Iterator[bytes]:
    for part in parts:
        if isinstance(part, bytes):
            if part:
                yield part
            continue
        if part.data_uri:
            yield _prefix(part)
        view = memoryview(part.data)
        for start in range(0, len(view), SEND_CHUNK):
            yield bytes(view[start : start + SEND_CHUNK])


# In Response.sent_body each attached file stands as this marker (its first base64 characters, name, file size and
# base64 length), which a view puts into words in the agent's language. NUL is in no file name and no JSON text.
SENT_FILE = re.compile(rb"\x00file\x00(?P<head>[^\x00]*)\x00(?P<name>[^\x00]*)\x00(?P<size>\d+)\x00(?P<chars>\d+)\x00")


@dataclass(frozen=True)
class SentFile:
    """A file as it went out inside a body: recognisable by its first characters, without its megabytes."""

    head: str
    name: str
    size: int    # the file's own bytes
    chars: int   # the base64 characters that went on the wire for it


def _summary(attachment: Attachment) -> str:
    head = str(attachment.data[:32], "ascii", "replace")
    name = attachment.name.replace("\x00", "")
    return f"\x00file\x00{head}\x00{name}\x00{attachment.size}\x00{len(_prefix(attachment)) + len(attachment.data)}\x00"


def sent_parts(sent: bytes) -> list[bytes | SentFile]:
    """Split a Response.sent_body into the text sent as is and the files summarised in it."""
    parts: list[bytes | SentFile] = []
    at = 0
    for match in SENT_FILE.finditer(sent):
        parts.append(sent[at : match.start()])
        parts.append(SentFile(match["head"].decode("ascii", "replace"), match["name"].decode("utf-8", "replace"), int(match["size"]), int(match["chars"])))
        at = match.end()
    parts.append(sent[at:])
    return [part for part in parts if part != b""]


def _verify(attachment: Attachment) -> None:
    """Same bytes as when chosen: the checksum is checked piece by piece, never decoding the whole file at once."""
    if not attachment.sha256:
        return
    digest = hashlib.sha256()
    view = memoryview(attachment.data)
    step = 4 * 64 * 1024
    try:
        for start in range(0, len(view), step):
            digest.update(binascii.a2b_base64(view[start : start + step], strict_mode=True))
    except binascii.Error:
        digest = None
    if digest is None or digest.hexdigest() != attachment.sha256:
        raise errors.SendError("file-damaged", _("The attached file «{name}» is damaged in the saved request (its content no longer matches what was chosen).").format(name=attachment.name),
                               _("Choose the file again with «Choose file…»."))


# --- where the cursor is, in a JSON body -----------------------------------------------------------------

# A "name": "value" pair. Each string is written as runs of plain characters between escapes ("unrolled"), not as
# one alternation per character: a 1 MB base64 value is matched in 50 ms instead of a second.
STRING_FIELD = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"')


@dataclass(frozen=True)
class StringField:
    name: str
    start: int   # first character of the value, inside the quotes
    end: int     # just before the closing quote
    value: str


def string_fields(text: str) -> list[StringField]:
    return [StringField(m.group(1), m.start(2), m.end(2), m.group(2)) for m in STRING_FIELD.finditer(text)]


def string_field_at(text: str, position: int) -> StringField | None:
    for found in string_fields(text):
        if found.start <= position <= found.end:
            return found
    return None


def base64_field(text: str) -> StringField | None:
    """The first field the API documents as base64 (b64_file)."""
    return next((f for f in string_fields(text) if f.name in BASE64_FIELDS), None)


# --- images in an answer -----------------------------------------------------------------------------------


@dataclass
class FoundImage:
    data: bytes
    type: FileType
    where: str   # "" for the whole body, else the JSON field, e.g. "qrCode"


# How a picture's base64 starts (JPEG, PNG, GIF, RIFF/WebP; "/" may be escaped in JSON), and the data: URI form.
IMAGE_BASE64_HEADS = (b"data:image", b"/9j/", b"\\/9j\\/", b"iVBORw0KGgo", b"R0lGOD", b"UklGR")


_JSON_START = re.compile(rb"\s*[\[{]")
_SCAN_SLICE = 1024 * 1024


def _holds_any(data: bytes, needles: tuple[bytes, ...]) -> bool:
    """Whether any needle is in `data`, looked for a megabyte at a time: one search of 20 MB holds the interpreter
    lock for tens of milliseconds, and the window, whose thread waits for that lock, would stall as long."""
    overlap = max(len(n) for n in needles) - 1
    for start in range(0, len(data), _SCAN_SLICE):
        piece = data[max(0, start - overlap): start + _SCAN_SLICE]
        if any(needle in piece for needle in needles):
            return True
    return False


def find_image(body: bytes, content_type: str = "") -> FoundImage | None:
    """An image answer, or the first JSON string holding one as base64 or a data:image URI (like "qrCode")."""
    found = sniff(body[:HEAD_BYTES])
    if found.category == "image":
        return FoundImage(body, found, "")
    if not body or not ("json" in content_type or _JSON_START.match(body)):
        return None
    if not _holds_any(body, IMAGE_BASE64_HEADS):
        # No picture can be inside: a 20 MB message list is then not parsed again (that parse, on a worker,
        # still held the interpreter lock long enough to freeze the window for a second).
        return None
    try:
        parsed = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: absurdly nested JSON
        return None
    return _image_in(parsed, "", 0)


def _image_in(value, where: str, depth: int) -> FoundImage | None:
    if depth > 6:
        return None
    if isinstance(value, dict):
        items = ((f"{where}.{k}" if where else str(k), v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{where}[{i}]", v) for i, v in enumerate(value))
    elif isinstance(value, str) and len(value) >= 32:
        return _image_from_text(value, where)
    else:
        return None
    for path, item in items:
        hit = _image_in(item, path, depth + 1)
        if hit is not None:
            return hit
    return None


def _image_from_text(text: str, where: str) -> FoundImage | None:
    prefix = DATA_URI.match(text)
    payload = text[prefix.end():] if prefix else text
    if not prefix and (len(payload) < 64 or NOT_BASE64.search(payload[:64])):
        return None
    try:
        head = base64.b64decode(payload[:64])
    except binascii.Error:
        return None
    if sniff(head).category != "image":
        return None
    check = check_pasted(text)
    if check.decoded is None or check.type is None or check.type.category != "image":
        return None
    return FoundImage(check.decoded, check.type, where)
