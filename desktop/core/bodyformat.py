"""How an answer's body is shown: JSON pretty-printed, other text raw, binary summarised with a hex preview."""
from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.core.models import Response
from desktop.i18n import _

TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript", "application/x-www-form-urlencoded")


@dataclass
class RenderedBody:
    kind: str  # "json", "text", "binary" or "empty"
    text: str
    note: str = ""


def looks_binary(data: bytes) -> bool:
    """Decided from the content, not only the Content-Type: NUL bytes or undecodable UTF-8 in the first 4 KB."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the sample's end is still text.
        return exc.start < len(sample) - 3
    return False


def hex_preview(data: bytes, limit: int = 256) -> str:
    lines = []
    for offset in range(0, min(len(data), limit), 16):
        chunk = data[offset : offset + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{offset:08x}  {hexes:<47}  {text}")
    return "\n".join(lines)


def render(response: Response) -> RenderedBody:
    body = response.body
    if not body:
        return RenderedBody("empty", "", _("The answer has no body."))
    ctype = response.content_type
    if looks_binary(body):
        note = _("Binary data: {size} bytes, type {type}.").format(size=len(body), type=ctype or _("not stated"))
        return RenderedBody("binary", hex_preview(body), note)
    text = response.text()
    stripped = text.lstrip()
    if "json" in ctype or stripped[:1] in ("{", "["):
        try:
            parsed = json.loads(text)
        except ValueError:
            note = _("The server said this is JSON, but it is not valid JSON; shown as text.") if "json" in ctype else ""
            return RenderedBody("text", text, note)
        return RenderedBody("json", json.dumps(parsed, ensure_ascii=False, indent=2))
    return RenderedBody("text", text)
