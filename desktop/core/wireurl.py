"""Percent-encoding of addresses the way newman does it (postman-url-encoder's WHATWG sets): only what cannot travel
is encoded, "%2F" and "/./" stay as written. Used for Postman imports and for variable values filled into an address."""
from __future__ import annotations

import re

from desktop.core.models import KeyValue

_C0 = bytes(range(0x20)) + b"\x7f"
PATH_UNSAFE = _C0 + b' "<>`#?{}'
QUERY_UNSAFE = _C0 + b" \"#'<>"
# A name or value of one query row: its own "&" (and a name's "=") would split it in two.
QUERY_NAME_UNSAFE = QUERY_UNSAFE + b"&="
QUERY_VALUE_UNSAFE = QUERY_UNSAFE + b"&"


def _table(unsafe: bytes) -> list[str]:
    # Bytes beyond ASCII are always encoded (UTF-8 on the wire); "%" never is, so "%2F" stays as written.
    return [f"%{b:02X}" if b in unsafe or b >= 0x80 else chr(b) for b in range(256)]


_TABLES = {unsafe: _table(unsafe) for unsafe in (PATH_UNSAFE, QUERY_UNSAFE, QUERY_NAME_UNSAFE, QUERY_VALUE_UNSAFE)}


def percent_encode(text: str, unsafe: bytes) -> str:
    table = _TABLES.get(unsafe) or _table(unsafe)
    # A lone surrogate (broken text pasted from somewhere) goes out as U+FFFD, as Node's Buffer does.
    data = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace").encode("utf-8")
    return "".join([table[b] for b in data])


def encode_ascii(text: str, unsafe: bytes) -> str:
    """Only the ASCII characters of `unsafe` encoded; letters beyond ASCII stay (sent as UTF-8, as curl sends them)."""
    return "".join([f"%{ord(c):02X}" if ord(c) < 0x80 and ord(c) in unsafe else c for c in text])


def split_origin(url: str) -> tuple[str, str, str | None]:
    """`https://h:1/p/q?x#f` -> (`https://h:1`, `/p/q`, `x`): a query a variable brought along is kept; the
    fragment is never sent."""
    url = url.split("#", 1)[0]
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    cut = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    origin = (scheme + sep if sep else "") + rest[:cut]
    path, question, inline = rest[cut:].partition("?")
    return origin, path, inline if question else None


def query_text(params: list[KeyValue]) -> str | None:
    """The encoded query of the enabled rows, or None when there is none (no "?" at all)."""
    rows = [p for p in params if p.enabled]
    if not rows:
        return None
    return "&".join(
        percent_encode(p.name, QUERY_NAME_UNSAFE) + ("" if p.bare else "=" + percent_encode(p.value, QUERY_VALUE_UNSAFE))
        for p in rows
    )


def target(url: str, params: list[KeyValue]) -> str:
    """The request target (path and query) for `url` (no query in it) and its query rows."""
    _origin, path, inline = split_origin(url)
    if not path.startswith("/"):
        path = "/" + path
    pieces = [percent_encode(inline, QUERY_UNSAFE)] if inline is not None else []
    query = query_text(params)
    if query is not None:
        pieces.append(query)
    path = percent_encode(path, PATH_UNSAFE)
    return f"{path}?{'&'.join(pieces)}" if pieces else path



# {{name}} as variables.VARIABLE finds it (kept whole: it is filled, and encoded, at send time).
_VARIABLE_TOKEN = re.compile(r"\{\{[^{}]*\}\}")


def encode_written(text: str, unsafe: bytes) -> str:
    """`text` with what cannot travel percent-encoded, `{{variables}}` left as they are."""
    out, at = [], 0
    for match in _VARIABLE_TOKEN.finditer(text):
        out += [percent_encode(text[at : match.start()], unsafe), match.group(0)]
        at = match.end()
    return "".join(out) + percent_encode(text[at:], unsafe)
