"""Reads curlconverter's expected Python `requests` calls into a comparable shape (method, URL, query, headers, body)."""
from __future__ import annotations

import ast
import base64
import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote_plus

from desktop.core.models import Request

_METHODS = {"get", "post", "put", "patch", "delete", "head", "options"}


class Unsupported(Exception):
    """The fixture needs something a request builder cannot hold (files, multipart, cookie jars, several calls)."""


@dataclass
class Expected:
    method: str
    base: str
    query: list[tuple[str, str]]
    headers: list[tuple[str, str]]
    body: tuple[str, object]  # ("none", None) | ("text", str) | ("form", pairs) | ("json", value)


def _pairs(value: dict) -> list[tuple[str, str]]:
    out = []
    for key, item in value.items():
        for one in item if isinstance(item, list) else [item]:
            out.append((str(key), str(one)))
    return out


def _commented_headers(source: str) -> list[tuple[str, str]]:
    """Headers curl sends that requests handles itself: curlconverter leaves them as `# 'Name': 'value',` lines."""
    block = re.search(r"^headers = \{\n(.*?)^\}", source, re.DOTALL | re.MULTILINE)
    if not block:
        return []
    found = []
    for line in block.group(1).splitlines():
        line = line.strip()
        if line.startswith(("# '", '# "')):
            found.extend(ast.literal_eval("{" + line[2:] + "}").items())
    return found


def expected_from_python(source: str) -> Expected:
    tree = ast.parse(source)
    assignments: list[tuple[int, str, object]] = []
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                value = Unsupported(ast.unparse(node.value))
            assignments.append((node.lineno, node.targets[0].id, value))
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("requests", "session") and (node.func.attr in _METHODS or node.func.attr == "request")):
            calls.append(node)
    # Several URLs or commands: Wappi Desk imports the first one (and says so), so the first call is compared.
    calls.sort(key=lambda c: (c.lineno, c.col_offset))
    call = calls[0]
    names = {name: value for line, name, value in sorted(assignments, key=lambda a: a[0]) if line < call.lineno}
    args = list(call.args)
    method = ast.literal_eval(args.pop(0)) if call.func.attr == "request" else call.func.attr.upper()
    url = ast.literal_eval(args[0])
    kw = {}
    for keyword in call.keywords:
        value = keyword.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "encode":
            value = value.func.value
        if isinstance(value, ast.Name):
            resolved = names.get(value.id)
        else:
            try:
                resolved = ast.literal_eval(value)
            except ValueError:
                resolved = Unsupported(ast.unparse(value))
        kw[keyword.arg] = resolved
    if "files" in kw:
        raise Unsupported("multipart form (-F) or file upload")
    for key in ("data", "params", "headers", "cookies", "json", "auth"):
        if isinstance(kw.get(key), Unsupported):
            raise Unsupported(f"{key} comes from a file, a cookie jar or the environment ({kw[key]})")
    base, _sep, query = url.partition("?")
    pairs = [(unquote_plus(k), unquote_plus(v)) for k, v in parse_qsl(query, keep_blank_values=True)]
    pairs += _pairs(kw.get("params") or {})
    headers = list((kw.get("headers") or {}).items()) + _commented_headers(source)
    lower = {name.lower() for name, _v in headers}
    if kw.get("cookies") and "cookie" not in lower:
        headers.append(("Cookie", "; ".join(f"{k}={v}" for k, v in kw["cookies"].items())))
    if kw.get("auth"):
        user, password = kw["auth"]
        headers.append(("Authorization", "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()))
    if "json" in kw:
        body = ("json", kw["json"])
        if "content-type" not in lower:
            headers.append(("Content-Type", "application/json"))
    elif isinstance(kw.get("data"), dict):
        body = ("form", sorted(_pairs(kw["data"])))
        if "content-type" not in lower:
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
    elif isinstance(kw.get("data"), (str, bytes)):
        data = kw["data"]
        body = ("text", data.decode() if isinstance(data, bytes) else data)
    else:
        body = ("none", None)
    return Expected(method, base, sorted(pairs), sorted((n.lower(), v) for n, v in headers), body)


def actual_from_request(request: Request, expected_kind: str) -> Expected:
    # An empty piece ("?a=1&") is kept to be sent as written, but carries no field, as requests reads it.
    pairs = sorted((unquote_plus(p.name), unquote_plus(p.value)) for p in request.params
                   if p.enabled and not (p.bare and not p.name))
    headers = sorted((h.name.lower(), h.value) for h in request.headers if h.enabled)
    text = request.body.text
    if expected_kind == "json":
        try:
            body = ("json", json.loads(text))
        except ValueError:
            body = ("text", text)
    elif expected_kind == "form":
        body = ("form", sorted(parse_qsl(text, keep_blank_values=True)))
    elif expected_kind == "none" and not text:
        body = ("none", None)
    else:
        body = ("text", text)
    return Expected(request.method, request.url, pairs, headers, body)
