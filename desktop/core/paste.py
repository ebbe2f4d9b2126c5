"""What every paste importer returns or raises: the request plus plain notes on what was not understood."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from desktop.core.models import Request
from desktop.i18n import _, ngettext

# A paste bigger than this is not a request someone copied by hand; refuse it before any work.
MAX_PASTE_CHARS = 4 * 1024 * 1024
MAX_HEADERS = 100
# A lone half of a UTF-16 pair: no file, header or URL can carry it.
_SURROGATE = re.compile("[\ud800-\udfff]")


class PasteError(ValueError):
    """Pasted text that cannot become a request; str() is a plain message for the agent."""


@dataclass
class ParseResult:
    """The imported request and the parts of the paste it could not carry (shown to the agent, never dropped)."""

    request: Request
    notes: list[str] = field(default_factory=list)
    kind: str = ""   # "curl", "http" or "url": what the paste was recognised as
    # Files the command reads that are not on this computer (as written in it): the window offers to pick them
    # and imports again with curl.parse_curl_detailed(text, files={written path: picked path}).
    missing_files: list[str] = field(default_factory=list)


def check_text(text: object) -> str:
    """The paste as text, or a PasteError for empty, huge or binary input."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PasteError(_("The pasted text is not readable text (it looks like binary data).")) from exc
    if not isinstance(text, str):
        raise PasteError(_("Nothing to import: the clipboard holds no text."))
    if len(text) > MAX_PASTE_CHARS:
        raise PasteError(
            _("The pasted text is too large ({size} MB); a request to import must be under {limit} MB.").format(
                size=round(len(text) / 1_000_000, 1), limit=MAX_PASTE_CHARS // (1024 * 1024)
            )
        )
    if not text.strip():
        raise PasteError(_("Nothing to import: the pasted text is empty."))
    if _SURROGATE.search(text):
        raise PasteError(_("The pasted text holds a broken character (half of an emoji or symbol). Copy the request again."))
    # Binary garbage: NUL bytes or a high share of control characters (tabs and line breaks are fine).
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\r\n")
    if "\x00" in text or controls > max(3, len(text[:20000]) // 50):
        raise PasteError(_("The pasted text is not readable text (it looks like binary data)."))
    return text


def check_header_count(count: int) -> None:
    if count > MAX_HEADERS:
        raise PasteError(
            ngettext("The request has {count} header; at most {limit} can be imported. Remove the extra headers and paste again.", "The request has {count} headers; at most {limit} can be imported. Remove the extra headers and paste again.", count).format(
                count=count, limit=MAX_HEADERS
            )
        )


def body_kind(text: str, content_type: str | None) -> str:
    """"json" when the header says so or the text is a JSON object or array, else "text"; "none" when empty."""
    if not text:
        return "none"
    if content_type and "json" in content_type.lower():
        return "json"
    if text.lstrip()[:1] in ("{", "["):
        try:
            json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
            return "text"
        return "json"
    return "text"
