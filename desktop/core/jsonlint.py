"""JSON body linter: every mistake at once, where it is, in plain words, with a safe fix where one exists.

`lint(text, rules=None)` never raises and reports problems in text order; `fix(text)` applies every safe
fix at once. The scanner is iterative and regex-driven, so deep nesting and megabyte lines cannot crash
or stall it; valid bodies take the C `json.loads` path and the slow scanner runs only to place problems.

Positions: `line`/`column` are 1-based and count code points; `end_line`/`end_column` point just past the
span (exclusive). `start`/`end` are the same span as 0-based code-point offsets into the text.

Field rules (kept with the collection's request files under the key "rules", never hard-coded here):

    {"body": {"recipient": {"type": "string", "required": true, "format": "recipient"},
              "latitude":  {"type": "number"}}}

"body" maps a top-level field name to a spec: "type" is one of string, number, integer, boolean, array,
object; "required" (default false); "format" (strings only) is one of recipient (digits with the country
code or a …@c.us / …@g.us id), phone (digits with the country code), base64 (no `data:` prefix), url.
A body that is a bare array (the webhook types endpoint) is described by a spec in place of the field map:

    {"body": {"type": "array", "items": {"type": "string"}}}
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from desktop.core.variables import VARIABLE
from desktop.i18n import _

ERROR = "error"
WARNING = "warning"
MAX_PROBLEMS = 1000  # beyond this the list helps nobody and only costs time

# Keys that hold a phone number or a chat id in the Wappi API and in CRM payloads.
PHONE_KEYS = frozenset(
    {"recipient", "phone", "phone_number", "phonenumber", "chat_id", "chatid", "contact_phone", "mobile", "tel"}
)


@dataclass(frozen=True)
class Fix:
    """Replace text[start:end] with `replacement`; `safe` fixes are the ones `fix()` applies unasked."""

    start: int
    end: int
    replacement: str
    safe: bool = True
    order: int = 0  # ties at one offset: lower first (inner closing brackets before outer ones)


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    fix: Fix | None = None
    start: int = 0
    end: int = 0
    field: str = ""  # the top-level field the problem is in, when there is one
    kind: str = ""  # a finer kind within `code` (e.g. "starts-with-8" for bad-recipient), for the reply to the client


# ---------------------------------------------------------------- token patterns

_WS = re.compile(r"[ \t\n\r]*+")
# The app's own `{{variable}}` and `{{file:…}}` placeholders stand for a value filled in at send time.
_TOKEN = re.compile(
    r"""
     (?P<placeholder>\{\{\s*[^{}\s]+?\s*\}\})
    |(?P<punct>[{}\[\]:,])
    |(?P<dq>")
    |(?P<num>[-+]?(?:\.?[0-9](?:[eE][-+]|[\w.])*+|(?:Infinity|NaN|inf|nan)\b))
    |(?P<word>[^\W\d]\w*+)
    |(?P<sq>')
    |(?P<smart>[“”„«»‘’‚‹›])
    |(?P<comment>//[^\n]*+|/\*.*?(?:\*/|\Z)|\#[^\n]*+)
    |(?P<invis>[\u00a0\u00ad\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff])
    |(?P<other>.)
    """,
    re.S | re.X,
)
_STRICT_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
# Plain text and valid escapes in one C-speed match: the loop below runs only at a mistake.
_DQ_BODY = re.compile(r'(?:[^"\\\x00-\x1f]++|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*+')
_DQ_REST = re.compile(r'[^"\\]*+(?:\\.[^"\\]*+)*+"', re.S)
_AFTER_CLOSE = re.compile(r"[ \t]*(?:[,:}\]\r\n]|\Z)")
_SQ_STRING = re.compile(r"'[^'\\\n]*+(?:\\.[^'\\\n]*+)*+'")
_SMART_BODY = re.compile(r"[^“”„«»‘’‚‹›\"'\n]*+")
_BARE_TEXT = re.compile(r"[^,{}\[\]:\"\n]*")
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_CONTROL_RUN = re.compile(r"[\x00-\x1f]+")
_WA_ID = re.compile(r"[0-9]{5,20}(?:-[0-9]+)?@(?:c\.us|g\.us|s\.whatsapp\.net)")

_LITERALS = {"true", "false", "null"}
# Words from Python, JavaScript and spreadsheets that mean a JSON literal; the bool says the fix is safe.
_LITERAL_FIXES = {
    "True": ("true", True), "TRUE": ("true", True), "False": ("false", True), "FALSE": ("false", True),
    "None": ("null", True), "NULL": ("null", True), "Null": ("null", True),
    "nil": ("null", False), "undefined": ("null", False),
}
_CLOSER = {"{": "}", "[": "]"}

# Parser states.
_TOP, _DONE, _VALUE, _AFTER_COMMA_VALUE, _VALUE_OR_CLOSE, _KEY_OR_CLOSE, _KEY, _COLON, _COMMA_OR_CLOSE = range(9)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_phone_key(key: str | None) -> bool:
    if not key:
        return False
    key = key.lower()
    return key in PHONE_KEYS or key.endswith("_phone")


def _field_spec(rules: Any) -> tuple[dict[str, dict] | None, dict | None]:
    """(field map, whole-body spec) from a rules dict; anything malformed means no rules."""
    if not isinstance(rules, dict) or not isinstance(rules.get("body"), dict):
        return None, None
    body = rules["body"]
    if isinstance(body.get("type"), str):
        return None, body
    return {k: v for k, v in body.items() if isinstance(v, dict)}, None


# ---------------------------------------------------------------- value checks shared by both paths


@dataclass
class _Finding:
    code: str
    severity: str
    message: str
    replacement: str | None = None
    safe: bool = True
    kind: str = ""


_TYPE_WORDS = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})


def _type_word(kind: str) -> str:
    return {
        "string": _("text in double quotes"),
        "number": _("a number"),
        "integer": _("a whole number"),
        "boolean": _("true or false"),
        "array": _("a list in [ ]"),
        "object": _("an object in { }"),
        "null": _("null"),
    }.get(kind, kind)


def _normalized_phone(value: str) -> str:
    digits = re.sub(r"[^0-9]", "", value)
    if len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]
    elif len(digits) == 10 and digits.startswith("9"):
        digits = "7" + digits
    return digits


def _recipient_finding(key: str, value: str, fmt: str, severity: str) -> _Finding | None:
    """Why a recipient or phone string will not be delivered, with the corrected form; None when fine."""
    if fmt == "recipient" and _WA_ID.fullmatch(value):
        return None
    if re.fullmatch(r"[0-9]{10,15}", value) and not (len(value) == 11 and value.startswith("8")):
        return None
    fixed = _normalized_phone(value)
    example = '"{}": "{}"'.format(key, fixed if len(fixed) >= 10 else "79990001122")
    if not value.strip():
        kind, message = "empty", _("The recipient is empty. Write the phone number with the country code. Correct: {example}")
    elif re.search(r"[+\s\-()]", value) and re.fullmatch(r"[0-9+\s\-().]+", value):
        kind, message = "formatted", _(
            "Write the number as digits only, with the country code and without +, spaces, dashes or brackets. "
            "Correct: {example}"
        )
    elif re.fullmatch(r"8[0-9]{10}", value):
        kind, message = "starts-with-8", _(
            "A Russian number that starts with 8 will not be delivered: start it with 7. Correct: {example}")
    elif re.fullmatch(r"9[0-9]{9}", value):
        kind, message = "no-country-code", _(
            "The country code is missing: a Russian number starts with 7. Correct: {example}")
    elif fmt == "recipient":
        kind, message = "not-a-recipient", _(
            "This is neither a phone number with the country code nor a …@c.us or …@g.us id. Correct: {example}"
        )
    else:
        kind, message = "not-a-recipient", _("This is not a phone number with the country code. Correct: {example}")
    replacement = json.dumps(fixed) if len(fixed) >= 10 and fixed != value else None
    # Turning 8… into 7… or dropping characters is a guess about the client's data: offer it, never apply it unasked.
    return _Finding("bad-recipient", severity, message.format(example=example), replacement, safe=False, kind=kind)


def _value_findings(key: str, kind: str, value: Any, spec: dict | None) -> list[_Finding]:
    """Problems of one field value. kind: string/integer/number/boolean/null/array/object; value is the
    decoded string for strings, the token text for numbers."""
    if kind == "placeholder":  # filled in at send time: nothing to say about it yet
        return []
    if kind == "string" and isinstance(value, str) and VARIABLE.search(value):
        # Only the quoting is known before the placeholder is filled in: a type check still applies, formats do
        # not, except a "data:" prefix written before a file placeholder.
        if spec is not None and spec.get("format") == "base64" and value.startswith("data:"):
            return _format_findings(key, value, "base64")
        want = spec.get("type") if spec is not None else None
        if isinstance(want, str) and want in _TYPE_WORDS and not _kind_fits(kind, want):
            return [_wrong_type(key, kind, value, want)]
        return []
    if spec is not None and "format" not in spec and _is_phone_key(key) and kind in ("integer", "number"):
        # A rule that only says "text" (a Telegram recipient may be a @username): a number is still a phone number.
        return [_phone_as_number(key, value)]
    if spec is None:
        if not _is_phone_key(key):
            return []
        if kind in ("integer", "number"):
            return [_phone_as_number(key, value)]
        if kind == "string":
            finding = _recipient_finding(key, value, "recipient", WARNING)
            return [finding] if finding else []
        return []
    want = spec.get("type")
    fmt = spec.get("format")
    if fmt in ("recipient", "phone") and kind in ("integer", "number"):
        return [_phone_as_number(key, value)]
    if isinstance(want, str) and want in _TYPE_WORDS and not _kind_fits(kind, want):
        return [_wrong_type(key, kind, value, want)]
    if kind == "string" and isinstance(fmt, str):
        return _format_findings(key, value, fmt)
    return []


def _kind_fits(kind: str, want: str) -> bool:
    return kind in (want, "placeholder") or (want == "number" and kind == "integer")


def _phone_as_number(key: str, token: str) -> _Finding:
    example = '"{}": "{}"'.format(key, token.lstrip("+"))
    message = _("A phone number must be text in double quotes, not a number. Correct: {example}").format(
        example=example
    )
    # Offered, never applied unasked: a safe fix does not change what a valid body says.
    return _Finding("phone-as-number", ERROR, message, json.dumps(token), safe=False)


def _wrong_type(key: str, kind: str, value: Any, want: str) -> _Finding:
    replacement = None
    if kind == "string" and want in ("number", "integer") and _STRICT_NUMBER.fullmatch(value.strip()):
        replacement = value.strip()
        if want == "integer" and not re.fullmatch(r"-?[0-9]+", replacement):
            replacement = None
    elif kind == "string" and want == "boolean" and value.strip().lower() in ("true", "false"):
        replacement = value.strip().lower()
    elif kind in ("integer", "number") and want == "string":
        replacement = json.dumps(value)
    examples = {"string": '"text"', "number": "55.75", "integer": "10", "boolean": "true", "array": "[ ]",
                "object": "{ }", "null": "null"}
    example = '"{}": {}'.format(key, replacement if replacement is not None else examples.get(want, "…"))
    message = _("The field \"{key}\" must be {expected}, not {actual}. Correct: {example}").format(
        key=key, expected=_type_word(want), actual=_type_word(kind), example=example
    )
    return _Finding("wrong-type", ERROR, message, replacement, safe=False, kind=want)


def _format_findings(key: str, value: str, fmt: str) -> list[_Finding]:
    if fmt in ("recipient", "phone"):
        finding = _recipient_finding(key, value, fmt, ERROR)
        return [finding] if finding else []
    if fmt == "base64":
        if value.startswith("data:"):
            comma = value.find(",")
            message = _(
                "Remove the \"data:…;base64,\" beginning: the field takes only the base64 characters. "
                "Correct: \"{key}\": \"/9j/4AAQ…\""
            ).format(key=key)
            replacement = json.dumps(value[comma + 1:]) if comma >= 0 else None
            return [_Finding("bad-format", ERROR, message, replacement, safe=False, kind="data-prefix")]
        if _not_base64(value):
            message = _("This is not base64: only letters, digits, + / and = are allowed. Correct: \"{key}\": \"/9j/4AAQ…\"")
            return [_Finding("bad-format", ERROR, message.format(key=key), kind="not-base64")]
    if fmt == "url" and not re.match(r"https?://\S+$", value.strip()):
        message = _("A link must start with https://. Correct: \"{key}\": \"https://example.com/file.pdf\"")
        return [_Finding("bad-format", ERROR, message.format(key=key), kind="not-a-link")]
    return []


_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/=\s]")
_BASE64_BYTES = bytes(c for c in range(128) if not _NOT_BASE64.match(chr(c)))


def _not_base64(value: str) -> bool:
    """Whether a character other than base64's (and spaces) is in the value; a megabyte in about a millisecond."""
    if value.isascii():
        return bool(value.encode("ascii").translate(None, _BASE64_BYTES))
    return _NOT_BASE64.search(value) is not None


def _body_findings(root_kind: str | None, fields: dict[str, tuple[str, Any]], items: list[tuple[str, Any]],
                   rules: Any) -> list[tuple[str | None, int | None, _Finding]]:
    """Rule findings as (field key or None, array item index or None, finding)."""
    field_map, body_spec = _field_spec(rules)
    out: list[tuple[str | None, int | None, _Finding]] = []
    if body_spec is not None:
        want = body_spec.get("type")
        if root_kind is not None and want in _TYPE_WORDS and not _kind_fits(root_kind, want):
            message = _("The body must be {expected}, not {actual}.").format(
                expected=_type_word(want), actual=_type_word(root_kind))
            out.append((None, None, _Finding("wrong-type", ERROR, message)))
        elif root_kind == "array" and isinstance(body_spec.get("items"), dict):
            item_type = body_spec["items"].get("type")
            for index, (kind, value) in enumerate(items):
                if item_type in _TYPE_WORDS and not _kind_fits(kind, item_type):
                    message = _("Each item of the list must be {expected}, not {actual}.").format(
                        expected=_type_word(item_type), actual=_type_word(kind))
                    replacement = json.dumps(value) if item_type == "string" and kind in ("integer", "number") else None
                    out.append((None, index, _Finding("wrong-type", ERROR, message, replacement, safe=False,
                                                      kind=item_type)))
        return out
    if field_map is None:
        return out
    if root_kind not in ("object", None):
        message = _("The body must be an object in {{ }}, not {actual}.").format(actual=_type_word(root_kind))
        return [(None, None, _Finding("wrong-type", ERROR, message))]
    for key, spec in field_map.items():
        if key not in fields:
            if spec.get("required") is True and root_kind == "object":
                sample = {"string": '"…"', "number": "0", "integer": "0", "boolean": "true", "array": "[ ]",
                          "object": "{ }"}.get(spec.get("type"), '"…"')
                if spec.get("format") in ("recipient", "phone"):
                    sample = '"79990001122"'
                message = _("The required field \"{key}\" is missing. Add it, for example: {example}").format(
                    key=key, example='"{}": {}'.format(key, sample))
                out.append((key, None, _Finding("missing-field", ERROR, message)))
            continue
        kind, value = fields[key]
        out.extend((key, None, f) for f in _value_findings(key, kind, value, spec))
    return out


# ---------------------------------------------------------------- fast path


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def json_kind(value: Any) -> str:
    """The JSON Schema type name of a parsed value (integer and number told apart)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "array" if isinstance(value, list) else "object"


def _has_zero_width(text: str) -> bool:
    # One substring search per character is ten times quicker than a character-class regex on a megabyte.
    return not text.isascii() and any(ch in text for ch in _ZERO_WIDTH_CHARS)


class _Doubts:
    """A json object_pairs_hook that builds dicts and notes what the scanner would report in them.

    `found`: a duplicate key or NaN/Infinity; `questioned`: (object, key) for each phone key whose value the
    check without a rule questions. Key names are looked at once each: a megabyte of records costs a set
    comparison per object."""

    def __init__(self):
        self.plain: set[str] = set()  # key names known not to hold a phone number
        self.found = False
        self.questioned: list[tuple[dict, str]] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict:
        result = dict(pairs)
        if len(result) != len(pairs):
            self.found = True
        if result.keys() <= self.plain:
            return result
        for key in result.keys() - self.plain:
            if not _is_phone_key(key):
                self.plain.add(key)
                continue
            value = result[key]
            if value is not None and not isinstance(value, (bool, list, dict)):
                kind = json_kind(value)
                if _value_findings(key, kind, value if kind == "string" else json.dumps(value), None):
                    self.questioned.append((result, key))
        return result

    def constant(self, _name: str) -> None:
        self.found = True


class _Uncounted(str):
    """The text as json's decoder sees it while skimming. json's error computes its line and column by
    counting from the start of the text, so each failed try cost the whole text so far: many mistakes made
    skimming quadratic. The scanner never reads that line and column."""

    def count(self, *_args) -> int:
        return 0

    def rfind(self, *_args) -> int:
        return -1


def _strict_parse(text: str, field_map: dict[str, dict] | None) -> tuple[bool, Any]:
    """(True, value) when the text is strict JSON in which the scanner finds nothing but rule findings; else
    (False, None). A doubt anywhere but a rule-checked root field sends the text to the scanner."""
    doubts = _Doubts()
    try:
        data = json.loads(text, object_pairs_hook=doubts, parse_constant=doubts.constant)
    except (ValueError, RecursionError):
        return False, None
    if doubts.found or any(found is not data or field_map is None or key not in field_map
                           for found, key in doubts.questioned):
        return False, None
    return not _has_zero_width(text), data


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def _recorded(value: Any, token: str | None) -> tuple[str, Any]:
    """A value as the scanner records it: its kind, and the text of a string or the token of a number or word
    (the value's JSON form when the token is not at hand)."""
    kind = json_kind(value)
    if kind in ("array", "object"):
        return kind, None
    return kind, value if kind == "string" else token if token is not None else json.dumps(value)


def _root_parts(text: str, data: Any) -> tuple[int, dict, dict, list, list]:
    """Where the root starts, and its direct fields or items as the scanner records them, with their spans.
    Only for strict JSON without duplicate keys; reads the root level again at C speed."""
    ws = _WS.match
    root = ws(text, 0).end()
    fields: dict[str, tuple[str, Any]] = {}
    field_spans: dict[str, tuple[int, int]] = {}
    items: list[tuple[str, Any]] = []
    item_spans: list[tuple[int, int]] = []
    if not isinstance(data, (dict, list)) or not data:
        return root, fields, field_spans, items, item_spans
    pos = ws(text, root + 1).end()
    while True:
        if isinstance(data, dict):
            key, pos = _DECODER.raw_decode(text, pos)
            pos = ws(text, ws(text, pos).end() + 1).end()  # past the colon
        value, end = _DECODER.raw_decode(text, pos)
        recorded = _recorded(value, text[pos:end])
        span = (pos, pos + 1) if isinstance(value, (dict, list)) else (pos, end)  # a bracket, as the scanner marks
        if isinstance(data, dict):
            fields[key], field_spans[key] = recorded, span
        else:
            items.append(recorded)
            item_spans.append(span)
        pos = ws(text, end).end()
        if text[pos] != ",":
            return root, fields, field_spans, items, item_spans
        pos = ws(text, pos + 1).end()


def _fast_lint(text: str, rules: Any) -> list[Problem] | None:
    """The problems of strict JSON, where only the rules can find any, without the scanner; None when the
    scanner is needed. The findings and their places are the ones the scanner gives (a test compares them)."""
    field_map, body_spec = _field_spec(rules)
    clean, data = _strict_parse(text, field_map)
    if not clean:
        return None
    if field_map is None and body_spec is None:
        return []
    # Whether there are findings depends neither on how a number is written nor on where a value is: the root
    # level is read again for tokens and places only when there is something to place.
    fields = {key: _recorded(value, None) for key, value in data.items()} if isinstance(data, dict) else {}
    items = [_recorded(value, None) for value in data] if isinstance(data, list) else []
    if not _body_findings(json_kind(data), fields, items, rules):
        return []
    try:
        root, fields, field_spans, items, item_spans = _root_parts(text, data)
    except (ValueError, RecursionError):
        return None
    raw = []
    for key, index, finding in _body_findings(json_kind(data), fields, items, rules)[:MAX_PROBLEMS]:
        if key in field_spans:
            start, end = field_spans[key]
        elif index is not None:
            start, end = item_spans[index]
        else:
            start, end = root, root + 1
        fix = Fix(start, end, finding.replacement, safe=finding.safe) if finding.replacement is not None else None
        raw.append((finding.code, finding.severity, start, end, finding.message, fix, key or "", finding.kind))
    return _placed(text, raw)


# ---------------------------------------------------------------- slow path


class _Frame:
    __slots__ = ("kind", "start", "keys", "key", "key_span")

    def __init__(self, kind: str, start: int):
        self.kind = kind
        self.start = start
        self.keys: dict[str, int] | None = {} if kind == "{" else None
        self.key: str | None = None
        self.key_span = (start, start)


class _Scanner:
    """One pass over the text: a regex tokenizer feeding an explicit-stack parser (no recursion)."""

    def __init__(self, text: str, rules: Any, limit: int | None = MAX_PROBLEMS, skim: bool = True):
        self.text = text
        self.rules = rules
        self.limit = limit  # None: every problem (fix() needs them all)
        self.doubts = _Doubts()
        self.decoder = json.JSONDecoder(object_pairs_hook=self.doubts, parse_constant=self.doubts.constant)
        # Nested objects and arrays that start here or later may be skimmed (see `skim`); before it, no use.
        self.skim_from = 0 if skim else len(text) + 1
        self.skimmed: _Uncounted | None = None  # made at the first try
        self.placeholders: list[tuple[int, int]] = []  # bare {{…}} values, outside any string
        self.field_map = _field_spec(rules)[0]
        self.raw: list[tuple] = []  # code, severity, start, end, message, fix, field, kind
        self.stack: list[_Frame] = []
        self.state = _TOP
        self.prev_end = 0  # end of the last significant token: where missing commas and brackets go
        self.prev_start = 0
        self.last_comma = -1
        self.root_kind: str | None = None
        self.root_start = 0
        self.fields: dict[str, tuple[str, Any]] = {}
        self.field_spans: dict[str, tuple[int, int]] = {}
        self.items: list[tuple[str, Any]] = []
        self.item_spans: list[tuple[int, int]] = []

    def add(self, code: str, start: int, end: int, message: str, fix: Fix | None = None,
            severity: str = ERROR, field: str = "", kind: str = "") -> None:
        if self.limit is None or len(self.raw) < self.limit:
            self.raw.append((code, severity, start, max(end, start), message, fix, field, kind))

    def full(self) -> bool:
        return self.limit is not None and len(self.raw) >= self.limit

    # ---- tokens

    def run(self) -> None:
        text, n = self.text, len(self.text)
        pos = _WS.match(text, 0).end()
        while pos < n and not self.full():
            m = _TOKEN.match(text, pos)
            group = m.lastgroup
            start, end = m.start(), m.end()
            if group == "placeholder":
                self.placeholders.append((start, end))
                self.on_token("placeholder", start, end, text[start:end])
            elif group == "punct":
                skimmed = self.skim(start) if text[start] in "{[" else None
                if skimmed is None:
                    self.on_token(text[start], start, end, None)
                else:
                    end = skimmed
            elif group == "dq":
                end, value = self.scan_dq(start)
                self.on_token("str", start, end, value)
            elif group == "num":
                self.on_token("num", start, end, text[start:end])
            elif group == "word":
                self.on_token("word", start, end, text[start:end])
            elif group == "sq":
                end, value = self.scan_sq(start)
                self.on_token("str", start, end, value)
            elif group == "smart":
                end, value = self.scan_smart(start)
                self.on_token("str", start, end, value)
            elif group == "comment":
                line_start = self.trim_left(start)
                self.add("comment", start, end, _("Comments are not allowed in JSON. Remove this: {text}").format(
                    text=_short(text[start:end])), Fix(line_start, end, ""))
            elif group == "invis":
                self.on_invisible(start, end)
            else:
                self.on_other(start, end)
            if self.state == -1:  # trailing data reported: nothing after it is worth reading
                return
            pos = _WS.match(text, end).end()
        self.finish()

    def skim(self, start: int) -> int | None:
        """The end of a nested object or array read at C speed as one value, when it is strict JSON in which
        the token-by-token reading would find nothing; None when it must be read token by token.

        Only where a value is expected and below the root (the rules look at the root's own fields). A failed
        try marks where it failed: a container around that point would fail there again, so none that starts
        before it is tried, and every character is read at C speed at most once more in all."""
        if start < self.skim_from or not self.stack or self.state not in (_VALUE, _AFTER_COMMA_VALUE, _VALUE_OR_CLOSE):
            return None
        self.doubts.found, self.doubts.questioned = False, []
        if self.skimmed is None:
            self.skimmed = _Uncounted(self.text)
        try:
            value, end = self.decoder.raw_decode(self.skimmed, start)
        except json.JSONDecodeError as error:
            self.skim_from = error.pos
            return None
        except RecursionError:
            self.skim_from = len(self.text)
            return None
        if self.doubts.found or self.doubts.questioned or _ZERO_WIDTH.search(self.text, start, end):
            self.skim_from = end
            return None
        self.begin_value("object" if isinstance(value, dict) else "array", start, start + 1, None)
        self.after_value(end, start)
        return end

    def trim_left(self, start: int) -> int:
        """Start of the spaces before a comment, so removing it leaves no dangling blanks."""
        i = start
        while i > 0 and self.text[i - 1] in " \t":
            i -= 1
        return i

    def on_invisible(self, start: int, end: int) -> None:
        ch = self.text[start]
        name = {"\u00a0": _("non-breaking space"), "\ufeff": _("byte order mark"), "\u00ad": _("soft hyphen")}.get(
            ch) or (_("zero-width character") if ch in "\u200b\u200c\u200d\u2060" else _("special space"))
        spaced = ch not in "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
        message = _("An invisible character ({name}) that was probably pasted from a messenger or Word. "
                    "Replace it with a plain space.") if spaced else \
            _("An invisible character ({name}) that was probably pasted from a messenger or Word. Remove it.")
        self.add("invisible-character", start, end, message.format(name=name),
                 Fix(start, end, " " if spaced else ""))

    def on_other(self, start: int, end: int) -> None:
        ch = self.text[start]
        if ch < " " or ch == "\x7f":
            self.add("control-character", start, end,
                     _("An invisible control character (code {code}) outside the text. Remove it.").format(
                         code=ord(ch)), Fix(start, end, ""))
        elif ch == "=" and self.state == _COLON:
            self.add("unexpected-token", start, end, _("A field name and its value are separated by a colon, "
                     "not \"=\". Correct: \"name\": \"value\""), Fix(start, end, ":"))
            self.state = _VALUE
        elif ch == ";" and self.state == _COMMA_OR_CLOSE:
            self.add("unexpected-token", start, end, _("Items are separated by commas, not \";\"."),
                     Fix(start, end, ","))
            self.on_comma(start, end, reported=True)
        else:
            self.unexpected(start, end)

    def unexpected(self, start: int, end: int, fix: Fix | None = None) -> None:
        token = _short(self.text[start:end], 20)
        expected = {
            _TOP: _("Expected the start of the JSON: {"),
            _VALUE: _("Expected a value: text in double quotes, a number, true, false, null, { } or [ ]."),
            _AFTER_COMMA_VALUE: _("Expected a value: text in double quotes, a number, true, false, null, { } or [ ]."),
            _VALUE_OR_CLOSE: _("Expected a value or ]."),
            _KEY_OR_CLOSE: _("Expected a field name in double quotes or }."),
            _KEY: _("Expected a field name in double quotes."),
            _COLON: _("Expected a colon after the field name."),
            _COMMA_OR_CLOSE: _("Expected a comma or a closing bracket."),
        }.get(self.state, "")
        self.add("unexpected-token", start, end,
                 _("Unexpected {token} here.").format(token=token) + " " + expected, fix)

    # ---- strings

    def scan_dq(self, start: int) -> tuple[int, str | None]:
        """End of a double-quoted string and its value (None when broken: the raw content is used)."""
        text, n = self.text, len(self.text)
        pos = start + 1
        clean = True
        multiline_end = -1
        while True:
            pos = _DQ_BODY.match(text, pos).end()
            if pos >= n:
                return self.unterminated(start, n), text[start + 1:n]
            ch = text[pos]
            if ch == '"':
                end = pos + 1
                break
            if self.full():  # nothing more will be reported: find the end at C speed
                m = _DQ_REST.match(text, pos)
                end = m.end() if m else n
                return end, text[start + 1:end - 1]
            if ch == "\\":
                clean = False
                bad = text[pos:pos + 2]
                if bad == "\\'":
                    fix, example = Fix(pos, pos + 2, "'"), "'"
                elif bad[1:2] == "u":
                    fix, example = None, "\\u0041"
                else:
                    fix, example = Fix(pos, pos + 1, "\\\\"), "\\\\" + bad[1:]
                self.add("invalid-escape", pos, pos + len(bad),
                         _("{escape} is not allowed inside text. Write a backslash as two: \\\\. "
                           "Correct: {example}").format(escape=bad, example=example), fix)
                pos += len(bad)
                continue
            # Raw control characters, a run at a time (a pasted body can hold a million of them).
            run = _CONTROL_RUN.match(text, pos).group()
            line_break = "\n" in run or "\r" in run
            # A line break may be a multi-line string or a missing closing quote.
            if line_break and pos > multiline_end:
                m = _DQ_REST.match(text, pos)
                if m is None or not _AFTER_CLOSE.match(text, m.end()):
                    end = self.unterminated(start, pos)
                    return end, text[start + 1:end]
                multiline_end = m.end()
            clean = False
            if line_break:
                message = _("A line break inside text is not allowed. Write \\n instead.")
            elif run.count("\t") == len(run):
                message = _("A tab inside text is not allowed. Write \\t instead.")
            else:
                code = next(ord(c) for c in run if c != "\t")
                message = _("An invisible control character (code {code}) inside the text. Remove it.").format(code=code)
            self.add("control-character", pos, pos + len(run), message, Fix(pos, pos + len(run), json.dumps(run)[1:-1]))
            pos += len(run)
        if _ZERO_WIDTH.search(text, start, end):
            for m in _ZERO_WIDTH.finditer(text, start, end):
                self.add("invisible-character", m.start(), m.end(),
                         _("An invisible character inside the text, probably pasted from a messenger. "
                           "Remove it if it is not meant to be there."),
                         Fix(m.start(), m.end(), "", safe=False), WARNING)
        return end, None if clean else text[start + 1:end - 1]

    def unterminated(self, start: int, stop: int) -> int:
        """A string that runs to the end of its line: the closing quote goes before a trailing comma.
        Returns where the string token ends, so that comma is still read as a comma."""
        segment = self.text[start:stop].rstrip()
        insert = start + len(segment)
        if segment.endswith(",") and len(segment) > 1:
            insert -= 1
        content = self.text[start + 1:insert]
        self.add("unterminated-string", start, max(stop, start + 1),
                 _("This text has no closing double quote. Correct: {example}").format(
                     example=_short('"' + content.lstrip('"') + '"')), Fix(insert, insert, '"'))
        return max(insert, start + 1)

    def scan_sq(self, start: int) -> tuple[int, str]:
        text = self.text
        m = _SQ_STRING.match(text, start)
        if m:
            end = m.end()
            content = text[start + 1:end - 1]
            value = content.replace("\\'", "'")
            replacement = _as_json_string(value)
            self.add("single-quotes", start, end, _("Text in single quotes. JSON needs double quotes. "
                     "Correct: {example}").format(example=_short(replacement)), Fix(start, end, replacement))
            return end, value
        end, content = self.line_rest(start)
        replacement = _as_json_string(content)
        self.add("unterminated-string", start, end, _("This text starts with a single quote and has no closing "
                 "quote. JSON needs double quotes on both sides. Correct: {example}").format(
                     example=_short(replacement)), Fix(start, end, replacement))
        return end, content

    def line_rest(self, start: int) -> tuple[int, str]:
        """End and content of an unclosed string: the rest of the line, less a trailing comma."""
        stop = self.text.find("\n", start)
        content = self.text[start + 1:len(self.text) if stop < 0 else stop].rstrip()
        if content.endswith(","):
            content = content[:-1]
        return start + 1 + len(content), content

    def scan_smart(self, start: int) -> tuple[int, str]:
        text = self.text
        body_end = _SMART_BODY.match(text, start + 1).end()
        closed = body_end < len(text) and text[body_end] != "\n"
        if closed:
            end, content = body_end + 1, text[start + 1:body_end]
        else:
            end, content = self.line_rest(start)
        replacement = _as_json_string(content)
        quotes = text[start] + (text[body_end] if closed else "")
        self.add("smart-quotes", start, end, _("Typographic quotes {quotes}, usually pasted from a messenger or "
                 "Word. JSON needs plain double quotes. Correct: {example}").format(
                     quotes=quotes, example=_short(replacement)), Fix(start, end, replacement))
        return end, content

    # ---- structure

    def on_token(self, kind: str, start: int, end: int, value: str | None) -> None:
        state = self.state
        if state == _DONE:
            self.trailing(start)
            return
        if kind in ("{", "["):
            if state in (_COLON,):
                self.add("unexpected-token", start, end, _("A colon is missing after the field name. "
                         "Correct: \"name\": {bracket}").format(bracket=kind), Fix(self.prev_end, self.prev_end, ":"))
            elif state == _COMMA_OR_CLOSE:
                self.missing_comma(start, end, kind)
            elif state in (_KEY, _KEY_OR_CLOSE):
                self.unexpected(start, end)
            self.begin_value("object" if kind == "{" else "array", start, end, None)
            self.stack.append(_Frame(kind, start))
            self.state = _KEY_OR_CLOSE if kind == "{" else _VALUE_OR_CLOSE
            self.prev_end = end
            return
        if kind in ("}", "]"):
            self.on_close(kind, start, end)
            return
        if kind == ",":
            self.on_comma(start, end)
            return
        if kind == ":":
            if state == _COLON:
                self.state = _VALUE
            else:
                self.unexpected(start, end, Fix(start, end, "") if state == _VALUE else None)
                if state in (_KEY, _KEY_OR_CLOSE):
                    self.state = _VALUE
            self.prev_end = end
            return
        # A scalar: string, number or word.
        if state == _COMMA_OR_CLOSE:
            self.missing_comma(start, end, kind)
            state = self.state
        if state in (_KEY, _KEY_OR_CLOSE):
            self.on_key(kind, start, end, value)
            return
        if state == _COLON:
            self.add("unexpected-token", start, end, _("A colon is missing after the field name. "
                     "Correct: \"name\": \"value\""), Fix(self.prev_end, self.prev_end, ":"))
        self.on_scalar(kind, start, end, value)

    def on_key(self, kind: str, start: int, end: int, value: str | None) -> None:
        text = self.text
        if kind == "str":
            key = value if value is not None else json.loads(text[start:end])
        elif kind == "placeholder":
            key = text[start:end]
        else:
            key = text[start:end]
            self.add("unquoted-key", start, end, _("A field name must be in double quotes. Correct: "
                     "\"{key}\": …").format(key=key), Fix(start, end, json.dumps(key, ensure_ascii=False)))
        frame = self.stack[-1]
        if frame.keys is not None:
            if key in frame.keys:
                self.add("duplicate-key", start, end, _("The field \"{key}\" is written twice; the server will "
                         "use only the last one. Remove one of them.").format(key=_short(key)), None, WARNING)
            else:
                frame.keys[key] = start
        frame.key = key
        frame.key_span = (start, end)
        self.state = _COLON
        self.prev_end = end

    def on_scalar(self, kind: str, start: int, end: int, value: str | None) -> None:
        text = self.text
        token = text[start:end]
        frame = self.stack[-1] if self.stack else None
        key = frame.key if frame is not None and frame.kind == "{" else None
        spec = self.spec_for(frame, key)
        phone_number = kind == "num" and (
            (spec is None and _is_phone_key(key)) or (spec is not None and spec.get("format") in ("recipient", "phone")))
        if kind == "placeholder":
            vkind, decoded = "placeholder", token
        elif kind == "num":
            vkind = "integer" if re.fullmatch(r"-?[0-9]+", token) else "number"
            if not phone_number and not _STRICT_NUMBER.fullmatch(token):
                self.invalid_number(start, end, token)
            decoded: Any = token
        elif kind == "word":
            if token in _LITERALS:
                vkind = "boolean" if token != "null" else "null"
            elif token in _LITERAL_FIXES:
                right, safe = _LITERAL_FIXES[token]
                self.add("python-literal", start, end, _("{word} is not a JSON word: write true, false and null in "
                         "small letters. Correct: {example}").format(word=token, example=right),
                         Fix(start, end, right, safe=safe))
                vkind = "null" if right == "null" else "boolean"
            else:
                end = start + len(_BARE_TEXT.match(text, start).group().rstrip())
                token = text[start:end]
                self.add("unexpected-token", start, end, _("Text without quotes: {text}. Put text in double quotes. "
                         "Correct: {example}").format(text=_short(token), example=_short(json.dumps(
                             token, ensure_ascii=False))), Fix(start, end, json.dumps(token, ensure_ascii=False),
                                                                safe=False))
                vkind = "string"
            decoded = token
        else:
            vkind = "string"
            # Decoding a clean string costs a copy: only for values a check will look at.
            wanted = self.rules is not None or _is_phone_key(key)
            decoded = value if value is not None or not wanted else json.loads(token)
        self.begin_value(vkind, start, end, decoded)
        if key is not None and spec is None:
            for finding in _value_findings(key, vkind, decoded, None):
                self.add_finding(finding, start, end, key)
        self.after_value(end, start)

    def spec_for(self, frame: _Frame | None, key: str | None) -> dict | None:
        if self.field_map is None or frame is None or len(self.stack) != 1 or frame.kind != "{":
            return None
        return self.field_map.get(key)

    def add_finding(self, finding: _Finding, start: int, end: int, key: str | None = None) -> None:
        fix = Fix(start, end, finding.replacement, safe=finding.safe) if finding.replacement is not None else None
        self.add(finding.code, start, end, finding.message, fix, finding.severity, key or "", finding.kind)

    def invalid_number(self, start: int, end: int, token: str) -> None:
        repaired = _repair_number(token)
        example = repaired if repaired else "12.5"
        self.add("invalid-number", start, end, _("{number} is not a valid number. Write digits with a dot for "
                 "decimals, without a leading + or zeros. Correct: {example}").format(number=_short(token, 20),
                                                                                         example=example),
                 Fix(start, end, repaired) if repaired else None)

    def begin_value(self, kind: str, start: int, end: int, decoded: Any) -> None:
        """Remember top-level values and the root's direct fields and items for the rules."""
        depth = len(self.stack)
        if depth == 0 and self.root_kind is None:
            self.root_kind = kind
            self.root_start = start
        elif depth == 1:
            frame = self.stack[0]
            if frame.kind == "{" and frame.key is not None and frame.key not in self.fields:
                self.fields[frame.key] = (kind, decoded)
                self.field_spans[frame.key] = (start, end)
            elif frame.kind == "[":
                self.items.append((kind, decoded))
                self.item_spans.append((start, end))

    def after_value(self, end: int, start: int) -> None:
        self.prev_start, self.prev_end = start, end
        self.state = _COMMA_OR_CLOSE if self.stack else _DONE

    def missing_comma(self, start: int, end: int, kind: str) -> None:
        prev = _short(self.text[self.prev_start:min(self.prev_end, self.prev_start + 200)], 18)
        nxt = _short(self.text[start:min(end, start + 200)], 18)
        in_object = self.stack[-1].kind == "{"
        # In an object a comma helps only before what can be a field name: `{"a":1{"b":2}}` needs more than a comma.
        safe = not in_object or kind in ("str", "word", "placeholder")
        self.add("missing-comma", start, end, _("A comma is missing before this. Separate items with commas. "
                 "Correct: {example}").format(example=_short(prev + ", " + nxt)),
                 Fix(self.prev_end, self.prev_end, ",", safe=safe))
        self.state = _KEY if in_object else _AFTER_COMMA_VALUE

    def on_comma(self, start: int, end: int, reported: bool = False) -> None:
        state = self.state
        if state == _COMMA_OR_CLOSE:
            self.state = _KEY if self.stack[-1].kind == "{" else _AFTER_COMMA_VALUE
            self.last_comma = start
        elif state == _COLON or (state == _VALUE and self.stack and self.stack[-1].kind == "{"):
            self.add("unexpected-token", start, end, _("A value is missing after the field name. Correct: "
                     "\"name\": \"value\","))
            self.state = _KEY
        elif not reported:
            self.unexpected(start, end, Fix(start, end, "") if state != _TOP else None)
        self.prev_end = end

    def on_close(self, closer: str, start: int, end: int) -> None:
        stack = self.stack
        opener = "{" if closer == "}" else "["
        if not stack or (stack[-1].kind != opener and all(f.kind != opener for f in stack)):
            self.add("unexpected-token", start, end, _("This {bracket} closes nothing. Remove it.").format(
                bracket=closer), Fix(start, end, ""))
            return
        while stack[-1].kind != opener:
            self.unclosed(stack[-1], len(stack), before=start)
            stack.pop()
        state = self.state
        if state in (_KEY, _AFTER_COMMA_VALUE) and self.last_comma >= 0:
            self.add("trailing-comma", self.last_comma, self.last_comma + 1, _("Extra comma before {bracket}. "
                     "Remove the comma after the last item.").format(bracket=closer),
                     Fix(self.last_comma, self.last_comma + 1, ""))
        elif state in (_COLON, _VALUE) and stack[-1].kind == "{":
            self.add("unexpected-token", start, end, _("A value is missing after the field name. Correct: "
                     "\"name\": \"value\""))
        self.after_value(end, stack.pop().start)

    def unclosed(self, frame: _Frame, depth: int, before: int | None = None) -> None:
        closer = _CLOSER[frame.kind]
        where = _("Add {bracket} at the end.") if before is None else _("Add {bracket} before this point.")
        self.add("unclosed-bracket", frame.start, frame.start + 1, _("This {opener} is never closed.").format(
            opener=frame.kind) + " " + where.format(bracket=closer),
            Fix(self.prev_end, self.prev_end, closer, order=-depth))

    def trailing(self, start: int) -> None:
        text = self.text
        end = len(text.rstrip())
        extra = text[start:end]
        safe = re.fullmatch(r"[\s}\]\),;]*", extra) is not None
        self.add("trailing-data", start, end, _("Extra text after the end of the JSON: {text}. Everything must be "
                 "inside one pair of brackets. Remove it.").format(text=_short(extra)),
                 Fix(self.prev_end, end, "", safe=safe))
        self.state = -1

    def finish(self) -> None:
        if self.state == _TOP:
            if all(raw[0] in ("comment", "invisible-character") for raw in self.raw):
                self.add("empty", 0, min(1, len(self.text)), _("The body is empty. Write a JSON object, for example "
                         "{\"recipient\": \"79990001122\", \"body\": \"Hello\"}, or choose no body."))
            return
        if self.state in (_VALUE, _COLON) and self.stack:
            self.add("unexpected-token", max(0, self.prev_end - 1), self.prev_end,
                     _("The text ends too early: a value is missing here."))
        depth = len(self.stack)
        for frame in reversed(self.stack):
            self.unclosed(frame, depth)
            depth -= 1
        self.stack.clear()
        self.check_rules()

    def check_rules(self) -> None:
        if self.rules is None:
            return
        for key, index, finding in _body_findings(self.root_kind, self.fields, self.items, self.rules):
            if key in self.field_spans:
                start, end = self.field_spans[key]
            elif index is not None:
                start, end = self.item_spans[index]
            else:
                start, end = self.root_start, self.root_start + 1
            self.add_finding(finding, start, end, key)


def _as_json_string(content: str) -> str:
    """Text found between the wrong quotes as a JSON string: as typed when that is valid, else fully escaped."""
    typed = '"' + content.replace('"', '\\"') + '"'
    try:
        if isinstance(json.loads(typed), str):
            return typed
    except ValueError:
        pass
    return json.dumps(content, ensure_ascii=False)


def _repair_number(token: str) -> str | None:
    """The strict form of a number typed loosely (+1, 007, .5, 5., 1.e3), or None when there is no sure one."""
    m = re.fullmatch(r"([-+]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?", token)
    if not m or not (m.group(2) or m.group(3)):
        return None
    sign, whole, frac, exp = m.groups()
    result = ("-" if sign == "-" else "") + (whole.lstrip("0") or "0")
    if frac:
        result += "." + frac
    if exp:
        result += "e" + exp
    return result if _STRICT_NUMBER.fullmatch(result) and result != token else None


class _Locator:
    """Offsets to 1-based (line, column)."""

    def __init__(self, text: str):
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_left(self.newlines, offset)
        line_start = self.newlines[index - 1] + 1 if index else 0
        return index + 1, offset - line_start + 1


def _scan(text: str, rules: Any, limit: int | None) -> _Scanner:
    scanner = _Scanner(text, rules, limit)
    scanner.run()
    if scanner.state == -1 and rules is not None:
        scanner.check_rules()
    return scanner


def _parses(text: str, placeholders: list[tuple[int, int]]) -> bool:
    """Whether json.loads takes the text once each bare placeholder stands in as a string of its length."""
    pieces, cursor = [], 0
    for start, end in placeholders:
        pieces += [text[cursor:start], '"' + "0" * (end - start - 2) + '"']
        cursor = end
    pieces.append(text[cursor:])
    try:
        json.loads("".join(pieces), parse_constant=_reject_constant)
    except RecursionError:
        return True  # deeper than Python's parser goes; the scanner found nothing wrong
    except ValueError:
        return False
    return True


def lint(text: str, rules: Any = None) -> list[Problem]:
    """Every problem of a JSON body, in text order; never raises.

    A fix marked safe is one `fix()` applies unasked; when applying them all would not give valid JSON,
    none is marked safe (each can still be applied by hand)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if text.strip(" \t\n\r"):
        fast = _fast_lint(text, rules)
        if fast is not None:
            return fast
    return _scanned(text, rules)


def _scanned(text: str, rules: Any) -> list[Problem]:
    """What `lint` says, found by the scanner alone (the fast path must agree with it)."""
    scanner = _scan(text, rules, MAX_PROBLEMS)
    errors = [raw for raw in scanner.raw if raw[1] == ERROR]
    if not errors:
        # Belt and braces: if json rejects what the scanner let through, say so rather than stay silent.
        if not _parses(text, scanner.placeholders):
            scanner.add("unexpected-token", 0, min(1, len(text)), _("This is not valid JSON here."))
    elif all(raw[5] is not None and raw[5].safe for raw in errors) and not _safe_fixed(text, rules, scanner)[1]:
        scanner.raw = [raw[:5] + (replace(raw[5], safe=False),) + raw[6:] if raw[5] is not None else raw
                       for raw in scanner.raw]
    return _placed(text, scanner.raw)


def _placed(text: str, raw: list[tuple]) -> list[Problem]:
    """Raw findings as problems with lines and columns, in text order."""
    locate = _Locator(text)
    problems = []
    for code, severity, start, end, message, fix, field, kind in sorted(raw, key=lambda r: (r[2], r[3])):
        line, column = locate(start)
        end_line, end_column = locate(end)
        problems.append(Problem(code, severity, line, column, end_line, end_column, message, fix, start, end,
                                field, kind))
    return problems


def apply_fix(text: str, fix: Fix) -> str:
    """The text with one problem's fix applied (the agent's one click)."""
    return text[: fix.start] + fix.replacement + text[fix.end:]


_FIX_ROUNDS = 5  # one fix can reveal the next problem (a closed quote shows a missing comma)


def _safe_fixed(text: str, rules: Any, scanner: _Scanner | None = None) -> tuple[str, bool]:
    """The text with every safe fix applied, in a few rounds, and whether the result is valid JSON.
    `scanner` is a finished scan of `text` that was not cut short, so the first round need not scan again."""
    for round_number in range(_FIX_ROUNDS + 1):
        if scanner is None or scanner.full():
            scanner = _scan(text, rules, None)
        fixes = sorted((raw[5] for raw in scanner.raw if raw[5] is not None and raw[5].safe),
                       key=lambda f: (f.start, f.end, f.order))
        if not fixes:
            return text, not any(raw[1] == ERROR for raw in scanner.raw) and _parses(text, scanner.placeholders)
        if round_number == _FIX_ROUNDS:
            return text, False
        pieces, cursor = [], 0
        for item in fixes:
            if item.start < cursor:  # overlaps an earlier fix: the next round takes it
                continue
            pieces.append(text[cursor:item.start])
            pieces.append(item.replacement)
            cursor = item.end
        pieces.append(text[cursor:])
        text = "".join(pieces)
        scanner = None
        if "{{" not in text and _parses(text, []):
            return text, True  # valid JSON has nothing left that a safe fix would change
    return text, False


def fix(text: str, rules: Any = None) -> str:
    """The text with every safe fix applied: valid JSON whenever every error had a safe fix."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return _safe_fixed(text, rules)[0]
