"""Multipart form bodies as curl sends them: one part per line of the body text in curl's -F syntax, curl's byte layout."""
from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from desktop.core import errors
from desktop.i18n import _

# curl's own short table of types it names by file extension (lib/mime.c); everything else is octet-stream.
_TYPE_BY_EXTENSION = {
    ".gif": "image/gif", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".svg": "image/svg+xml",
    ".txt": "text/plain", ".htm": "text/html", ".html": "text/html", ".pdf": "application/pdf", ".xml": "application/xml",
}
_PARAMETER = re.compile(r";[ \t]*(type|filename|headers|encoder)=", re.IGNORECASE)
# A part that reads a whole file into memory must stay a request, not a video library.
MAX_FILE_BYTES = 100 * 1024 * 1024


@dataclass
class Part:
    """One form field: text, a file sent as a file (`@path`), or a file's content sent as text (`<path`)."""

    name: str
    value: str = ""
    source: str = ""            # "", "@" (file upload) or "<" (text read from the file)
    type: str = ""
    filename: str | None = None  # None: curl's default (the file's own name for "@", none otherwise)

    @property
    def path(self) -> str:
        return self.value if self.source else ""


def _quoted(text: str, i: int) -> tuple[str, int]:
    """A "..." word starting at i (curl unescapes only \\" and \\\\); returns (word, index after it)."""
    out = []
    i += 1
    while i < len(text) and text[i] != '"':
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in '"\\':
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out), i + 1


def parse_part(spec: str, literal: bool = False) -> Part:
    """One -F argument (`name=value;type=…`, `name=@file`, `name=<file`); with literal (--form-string) the value is as is."""
    name, _eq, content = spec.partition("=")
    if literal:
        return Part(name, content)
    part = Part(name)
    if content[:1] in ("@", "<"):
        part.source, content = content[0], content[1:]
    if content[:1] == '"':
        part.value, end = _quoted(content, 0)
        rest = content[end:]
    else:
        match = _PARAMETER.search(content)
        part.value, rest = (content[: match.start()], content[match.start():]) if match else (content, "")
    for key, value in re.findall(r";[ \t]*([A-Za-z]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|[^;]*)", rest):
        value = _quoted(value, 0)[0] if value.startswith('"') else value.strip()
        if key.lower() == "type":
            part.type = value
        elif key.lower() == "filename":
            part.filename = value
    return part


def format_part(part: Part) -> str:
    """The line that parse_part reads back to `part`."""
    value = part.value
    if not part.source and (value[:1] in ("@", "<", '"') or ";" in value or "\n" in value):
        value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    line = f"{part.name}={part.source}{value}"
    if part.type:
        line += f";type={part.type}"
    if part.filename is not None:
        line += f';filename="{part.filename}"' if ";" in part.filename else f";filename={part.filename}"
    return line


def parse_parts(text: str) -> list[Part]:
    """The parts of a multipart body text: one per line, a line break inside "..." belongs to the value."""
    parts, start, in_quote, i = [], 0, False, 0
    while i <= len(text):
        c = text[i] if i < len(text) else "\n"
        if c == "\\" and in_quote:
            i += 2
            continue
        if c == '"':
            in_quote = not in_quote
        elif c == "\n" and not in_quote or i == len(text):
            line = text[start:i].rstrip("\r")
            if line.strip():
                parts.append(parse_part(line))
            start = i + 1
        i += 1
    return parts


def missing_files(parts: list[Part]) -> list[str]:
    """The files the parts name that are not on this computer."""
    return [p.path for p in parts if p.source and not os.path.isfile(os.path.expanduser(p.path))]


def _escape(text: str) -> str:
    # curl (7.81+) writes names and file names the way browsers do: quotes and line breaks percent-encoded.
    return text.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def _read(path: str) -> bytes:
    target = Path(os.path.expanduser(path))
    try:
        if target.stat().st_size > MAX_FILE_BYTES:
            raise errors.SendError("file-too-big", _("The file «{path}» is larger than 100 MB.").format(path=path),
                                   _("Send a smaller file."))
        return target.read_bytes()
    except OSError as exc:
        raise errors.SendError(
            "file-missing",
            _("The form names the file «{path}», but it is not on this computer.").format(path=path),
            _("Choose the file on this computer (in the body, change the path after @ or <)."),
        ) from exc


def boundary() -> str:
    """A boundary shaped like curl's: 24 dashes and 16 hex digits."""
    return "-" * 24 + secrets.token_hex(8)


def content_type(boundary_text: str, given: str | None = None) -> str:
    """The Content-Type header: the agent's multipart type (curl keeps it) with the boundary added."""
    base = given.split(";")[0].strip() if given and given.strip().lower().startswith("multipart/") else "multipart/form-data"
    return f"{base}; boundary={boundary_text}"


def encode(parts: list[Part], boundary_text: str) -> bytes:
    """The body bytes exactly as curl lays them out; raises errors.SendError when a named file cannot be read."""
    out = bytearray()
    for part in parts:
        out += f"--{boundary_text}\r\n".encode()
        disposition = f'Content-Disposition: form-data; name="{_escape(part.name)}"'
        filename = part.filename
        if filename is None and part.source == "@":
            filename = os.path.basename(part.value)
        if filename:
            disposition += f'; filename="{_escape(filename)}"'
        out += disposition.encode("utf-8") + b"\r\n"
        kind = part.type
        if not kind and part.source == "@":
            kind = _TYPE_BY_EXTENSION.get(os.path.splitext(filename or "")[1].lower(), "application/octet-stream")
        if kind:
            out += f"Content-Type: {kind}\r\n".encode("utf-8")
        out += b"\r\n"
        out += _read(part.value) if part.source else part.value.encode("utf-8")
        out += b"\r\n"
    out += f"--{boundary_text}--\r\n".encode()
    return bytes(out)
