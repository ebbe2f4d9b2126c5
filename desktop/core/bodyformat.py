"""How an answer's body is shown: kind detection from the content, a streaming JSON re-indenter, line indexes, cookies."""
from __future__ import annotations

import json
import operator
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate, islice, repeat

from desktop.core.models import Response
from desktop.i18n import _, ngettext

# One JSON token: a string (its closing quote optional, for a body cut short), a punctuation mark, or a bare word.
TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"?|[{}\[\],:]|[^\s{}\[\],:"]+')
INDENT = b"  "
# Bodies up to this size are checked with a real JSON parser; larger ones only by their first character,
# because json.loads holds the interpreter lock long enough to freeze the window.
VALIDATE_LIMIT = 1024 * 1024
IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
)


@dataclass
class BodyKind:
    kind: str  # "json", "text", "image", "binary" or "empty"
    notes: list[str] = field(default_factory=list)
    image_format: str = ""


def looks_binary(data: bytes) -> bool:
    """Decided from the content, not only the Content-Type: NUL bytes or undecodable UTF-8 in the first 4 KB."""
    sample = bytes(data[:4096])
    if b"\x00" in sample:
        return True
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the sample's end is still text; a few stray bytes (Latin-1) are too.
        bad = sum(1 for b in sample if b >= 0x80) - sum(1 for b in sample if b >= 0xC0) * 1
        return exc.start < len(sample) - 3 and bad > len(sample) // 10
    return False


def image_format(data: bytes) -> str:
    for signature, name in IMAGE_SIGNATURES:
        if data.startswith(signature):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return ""


def hex_preview(data: bytes, limit: int = 512) -> str:
    lines = []
    for offset in range(0, min(len(data), limit), 16):
        chunk = data[offset : offset + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{offset:08x}  {hexes:<47}  {text}")
    return "\n".join(lines)


def charset(response: Response) -> str:
    for part in (response.header("content-type") or "").split(";")[1:]:
        key, _sep, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            name = value.strip('"').lower()
            try:
                "".encode(name)
            except LookupError:
                return "utf-8"
            return name
    return "utf-8"


def classify(response: Response) -> BodyKind:
    """What the body is, judged from its bytes, with the plain-words notes the agent should read first."""
    body = response.body
    if not body:
        return BodyKind("empty", [_("The answer has no body.")])
    ctype = response.content_type
    picture = image_format(body)
    if picture:
        return BodyKind("image", [ngettext("A picture ({format}, {size} byte).", "A picture ({format}, {size} bytes).", len(body)).format(format=picture, size=len(body))], picture)
    if looks_binary(body):
        note = ngettext("Binary data: {size} byte, type {type}.", "Binary data: {size} bytes, type {type}.", len(body)).format(size=len(body), type=ctype or _("not stated"))
        return BodyKind("binary", [note])
    notes = []
    code = charset(response)
    if code in ("utf-8", "utf8"):
        try:
            bytes(body[:VALIDATE_LIMIT]).decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < min(len(body), VALIDATE_LIMIT) - 3:
                notes.append(_("Some bytes are not valid UTF-8 text; they are shown as �. Save the body to see them exactly."))
    first = body[: 64].lstrip()[:1]
    claims_json = "json" in ctype
    if claims_json or first in (b"{", b"["):
        if _is_json(body, response.truncated):
            return BodyKind("json", notes)
        if claims_json:
            notes.insert(0, _("The server said this is JSON, but it is not valid JSON; shown as text."))
    return BodyKind("text", notes)


def _is_json(body: bytes, truncated: bool) -> bool:
    if len(body) <= VALIDATE_LIMIT and not truncated:
        try:
            json.loads(body)
        except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
            return False
        return True
    return body.lstrip()[:1] in (b"{", b"[")


def reindent(data: bytes, first_chunk: int = 64 * 1024, chunk: int = 64 * 1024) -> Iterator[bytes]:
    """JSON text re-indented two spaces a level, yielded piece by piece (the first piece small, for the first screen).

    Works on the token stream without building Python objects, so 20 MB of JSON costs 20 MB, not 200, and a body
    cut short (or not quite JSON) is still laid out. Every piece but the last ends with a line break, so a viewer
    can keep the pieces as they are (no line, and no search match, spans two of them).
    """
    depth, pending, pos, size = 0, False, 0, len(data)
    carry: list[bytes] = []  # the start of a line that continues in the next slice
    indents = [b"\n" + INDENT * d for d in range(64)]
    step = first_chunk
    while pos < size:
        end = min(pos + step, size)
        tokens = TOKEN.findall(data, pos, end)
        if end < size and tokens:
            # The last token may be cut at the slice edge: it is read again with the next slice.
            last = tokens.pop()
            if tokens and tokens[-1][:1] == b'"' and (len(tokens[-1]) == 1 or tokens[-1][-1:] != b'"'):
                last = tokens.pop()  # a string cut right after a backslash: the lone backslash was read as a word
            end = data.rfind(last, pos, end)
        if not tokens:
            if end >= size:
                break
            step *= 2  # one token longer than a slice (a base64 string): widen the slice
            continue
        out = carry
        add = out.append
        for tok in tokens:
            c = tok[0]
            if c == 44:  # ,
                add(b",")
                pending = True
            elif c == 58:  # :
                add(b": ")
            elif c == 125 or c == 93:  # } ]
                depth = max(depth - 1, 0)
                if pending:
                    pending = False
                else:
                    add(indents[depth] if depth < 64 else b"\n" + INDENT * depth)
                add(tok)
            else:
                if pending:
                    add(indents[depth] if depth < 64 else b"\n" + INDENT * depth)
                    pending = False
                add(tok)
                if c == 123 or c == 91:  # { [
                    depth += 1
                    pending = True
        pos = end
        step = chunk
        last_break = len(out) - 1
        while last_break >= 0 and out[last_break][:1] != b"\n":  # only indents start with a line break
            last_break -= 1
        if last_break < 0:
            carry = out
            continue
        carry = [out[last_break][1:], *out[last_break + 1 :]]
        del out[last_break:]
        add(b"\n")
        yield b"".join(out)
    tail = b"".join(carry)
    if tail:
        yield tail


def line_starts(piece: bytes, base: int) -> Iterator[int]:
    """Offsets (from `base`) where the lines after each newline of `piece` begin; computed without a Python loop."""
    parts = piece.split(b"\n")
    return islice(accumulate(map(operator.add, map(len, parts[:-1]), repeat(1)), initial=base), 1, None)


def wrapped_starts(data: bytes, width: int = 2000) -> array:
    """Line starts of raw text, long lines cut every `width` bytes (never inside a UTF-8 character)."""
    starts = array("q", [0])
    size = len(data)
    pos = 0
    while pos < size:
        newline = data.find(b"\n", pos, pos + width + 1)
        if newline >= 0:
            pos = newline + 1
        else:
            pos += width
            while pos < size and data[pos] & 0xC0 == 0x80:
                pos -= 1
        if pos < size:
            starts.append(pos)
    return starts


def search_pattern(query: str) -> re.Pattern[bytes]:
    """A case-insensitive pattern over UTF-8 bytes: re.IGNORECASE on bytes folds only ASCII, so Cyrillic letters
    become (?:п|П) alternatives."""
    parts = []
    for ch in query:
        lower, upper = ch.lower(), ch.upper()
        if ord(ch) >= 128 and lower != upper and len(lower) == len(upper) == 1:
            parts.append(b"(?:" + re.escape(lower.encode()) + b"|" + re.escape(upper.encode()) + b")")
        else:
            parts.append(re.escape(ch.encode()))
    return re.compile(b"".join(parts), re.IGNORECASE)


def parse_set_cookies(headers: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(name, value, attributes) of every cookie the answer set."""
    cookies = []
    for key, value in headers:
        if key.lower() != "set-cookie":
            continue
        first, _sep, rest = value.partition(";")
        name, _eq, cookie_value = first.partition("=")
        attributes = "; ".join(part.strip() for part in rest.split(";") if part.strip())
        cookies.append((name.strip(), cookie_value.strip(), attributes))
    return cookies
