"""Field checks from a request file's `rules`: required, type, format; each problem becomes one plain `detail`."""
from __future__ import annotations

import base64
import binascii
import email
import re
from typing import Any
from urllib.parse import parse_qsl

RECIPIENT = re.compile(r"^(\d{10,15}|\d{5,25}@(c\.us|g\.us|s\.whatsapp\.net))$")
PHONE = re.compile(r"^\d{10,15}(@c\.us)?$")
URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
RUSSIAN_WITH_EIGHT = re.compile(r"^8\d{10}$")
TYPE_NAMES = {"string": "a string", "number": "a number", "integer": "a whole number", "boolean": "true or false",
              "array": "a list [...]", "object": "an object {...}"}


def _is_type(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return True


def format_problem(what: str, value: str, fmt: str | None) -> str | None:
    if fmt in ("recipient", "phone"):
        if RUSSIAN_WITH_EIGHT.match(value):
            return f"{what} starts with 8: write the number with the country code, e.g. 7{value[1:]}"
        if not (RECIPIENT if fmt == "recipient" else PHONE).match(value):
            return (f"{what} must be a phone number with the country code, digits only (e.g. 79990000000), "
                    "or an id like 79990000000@c.us")
    elif fmt == "url":
        if not URL.match(value):
            return f"{what} must be a link starting with https:// or http://"
    elif fmt == "base64":
        text = value.split(",", 1)[1] if value.startswith("data:") and "," in value else value
        try:
            if not text or not base64.b64decode(text, validate=True):
                raise ValueError
        except (binascii.Error, ValueError):
            return f"{what} is not valid base64 file content"
    return None


def query_problem(rules: dict[str, dict[str, Any]], query: dict[str, str]) -> str | None:
    for name, rule in rules.items():
        value = query.get(name)
        what = f"Query parameter '{name}'"
        if value is None or value == "":
            if rule.get("required"):
                return f"{what} is required"
            continue
        kind = rule.get("type", "string")
        if kind == "integer" and not re.fullmatch(r"-?\d+", value):
            return f"{what} must be a whole number"
        if kind == "boolean" and value.lower() not in ("true", "false"):
            return f"{what} must be true or false"
        problem = format_problem(what, value, rule.get("format"))
        if problem:
            return problem
    return None


def body_required(rules: dict[str, Any]) -> bool:
    """Whether the route needs a body at all: a whole-body spec, a raw body, or a required field."""
    body = rules.get("body")
    if isinstance(body, dict) and isinstance(body.get("type"), str):
        return True
    fields = [*(body or {}).values(), *(rules.get("form") or {}).values()]
    return bool(rules.get("raw_body")) or any(isinstance(f, dict) and f.get("required") for f in fields)


def body_problem(rules: dict[str, Any], data: Any) -> str | None:
    """The first problem of a parsed JSON body against the rules (the linter's format), or None."""
    body = rules.get("body") or {}
    if isinstance(body.get("type"), str):  # a whole-body spec: {"type": "array", "items": {...}}
        kind = body["type"]
        if not _is_type(data, kind):
            return f"Request body must be {TYPE_NAMES.get(kind, kind)}"
        item_type = (body.get("items") or {}).get("type")
        if kind == "array" and item_type and not all(_is_type(item, item_type) for item in data):
            return f"Every item of the list must be {TYPE_NAMES[item_type]}"
        return None
    if not isinstance(data, dict):
        return "Request body must be a JSON object {...}"
    return _fields_problem(body, data, "Field")


def form_problem(rules: dict[str, Any], form: dict[str, str]) -> str | None:
    """The first problem of a form body (broadcasts) against its `form` rules, or None."""
    return _fields_problem(rules.get("form") or {}, form, "Form field")


def raw_problem(rules: dict[str, Any], text: str) -> str | None:
    """A raw body (the deprecated file send: bare base64) must be there and be base64."""
    if not text.strip():
        return "Request body is empty: the file in base64 is expected as the whole body"
    return format_problem("Request body", text.strip(), (rules.get("raw_body") or {}).get("format"))


def other_body(rules: dict[str, Any], headers: dict[str, str], body: bytes) -> tuple[Any, str | None]:
    """(parsed body, problem) for the two non-JSON bodies: a form (urlencoded or multipart) and raw base64 text."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None, "Request body is not UTF-8 text"
    if "raw_body" in rules:
        return text.strip(), raw_problem(rules, text)
    content_type = headers.get("content-type", "")
    if "multipart/form-data" in content_type.lower():
        message = email.message_from_bytes(b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
        form = {part.get_param("name", header="content-disposition"): part.get_payload(decode=True).decode("utf-8", "replace")
                for part in message.get_payload() if isinstance(message.get_payload(), list)} if message.is_multipart() else {}
    elif "json" in content_type.lower():
        return None, "This method takes a form (form-data or x-www-form-urlencoded), not JSON"
    else:
        form = dict(parse_qsl(text, keep_blank_values=True))
    return form, form_problem(rules, form)


def _fields_problem(fields: dict[str, Any], data: dict[str, Any], label: str) -> str | None:
    for name, rule in fields.items():
        what = f"{label} '{name}'"
        if name not in data or data[name] is None or data[name] == "":
            if rule.get("required"):
                return f"{what} is required"
            continue
        value, kind = data[name], rule.get("type", "string")
        if not _is_type(value, kind):
            return f"{what} must be {TYPE_NAMES.get(kind, kind)}"
        if isinstance(value, str):
            problem = format_problem(what, value, rule.get("format"))
            if problem:
                return problem
    return None
