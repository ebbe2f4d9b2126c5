"""Postman Collection v2.1 (and v2.0) import into requests, and export of a client or folder back to v2.1."""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import auth as signin
from desktop.core.atomicfile import write_atomic
from desktop.core.attachments import TOKEN
from desktop.core.collection import Folder, Item, json_bytes
from desktop.core.models import Auth, Body, KeyValue, Request, split_url
from desktop.core.store import Incoming, Store, StoreError
from desktop.core.variables import SECRET_BY_DEFAULT, VARIABLE, Variable, form_quote
from desktop.core.wireurl import (
    PATH_UNSAFE,
    QUERY_NAME_UNSAFE,
    QUERY_VALUE_UNSAFE,
    encode_written,
)
from desktop.i18n import _, pick

SCHEMA_URL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
FORM_BOUNDARY = "----WappiDeskFormBoundary7MA4YWxkTrZu0gW"
# Postman's collection format has no "secret" variable type; this description marks ours so they stay secret.
SECRET_MARK = "Secret: the value is not exported."


class PostmanError(Exception):
    """A file that cannot be imported at all; the message names it and says what to do."""


@dataclass
class ImportedRequest:
    folder: tuple[str, ...]
    request: Request
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class PostmanImport:
    name: str
    requests: list[ImportedRequest] = field(default_factory=list)
    variables: list[Variable] = field(default_factory=list)
    # Everything the file had that Wappi Desk could not take over, one plain sentence each.
    notes: list[str] = field(default_factory=list)


# ---- import ------------------------------------------------------------------------------------


def read_collection(path: Path) -> PostmanImport:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PostmanError(_("{file}: cannot be read ({reason})").format(file=path.name, reason=exc.strerror)) from exc
    return parse_collection(raw, path.name)


def parse_collection(raw: bytes | str, source: str = "") -> PostmanImport:
    """Turn the text of a Postman file into requests; raises PostmanError (and nothing else) for anything it
    cannot take, naming the item and the reason."""
    text = _decode(raw) if isinstance(raw, bytes) else raw
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PostmanError(
            _("{file}: the file is damaged (not valid JSON, line {line}). Export it from Postman again.").format(
                file=source, line=exc.lineno
            )
        ) from exc
    except RecursionError as exc:  # the json module reads nesting recursively
        raise PostmanError(_("{file}: the file is nested too deeply to be a collection.").format(file=source)) from exc
    if isinstance(data, dict) and isinstance(data.get("collection"), dict):
        data = data["collection"]  # what the Postman API returns
    if not isinstance(data, dict):
        raise PostmanError(_("{file}: this is not a Postman collection.").format(file=source))
    if "values" in data and "item" not in data:
        raise PostmanError(
            _("{file}: this is a Postman environment, not a collection. Import the collection file instead.").format(file=source)
        )
    if "requests" in data and "item" not in data:
        raise PostmanError(
            _("{file}: this is an old Postman format (v1). In Postman, export it again as Collection v2.1.").format(file=source)
        )
    if not isinstance(data.get("item"), list):
        raise PostmanError(_("{file}: this is not a Postman collection.").format(file=source))
    info = data.get("info") if isinstance(data.get("info"), dict) else {}
    result = PostmanImport(name=_text(info.get("name") or data.get("name")) or Path(source).stem or "Postman")
    try:
        result.variables = _variables(data.get("variable"), result.notes)
        _walk(data, result)
    except _Refusal as refusal:
        raise PostmanError(
            _("{file}: «{item}»: {reason} Nothing was imported.").format(file=source, item=refusal.item, reason=refusal.reason)
        ) from None
    if _scripts(data):
        result.notes.append(_("Scripts of the collection were not imported (Wappi Desk does not run scripts)."))
    return result


class _Refusal(Exception):
    def __init__(self, item: str, reason: str) -> None:
        super().__init__(reason)
        self.item, self.reason = item, reason


# Folders deeper than this cannot be folders on disk anyway (every level is part of a file's path).
MAX_DEPTH = 60
# Methods newman sends without a body (postman-runtime's METHODS_WITHOUT_BODY) unless told not to prune it.
METHODS_WITHOUT_BODY = frozenset({"GET", "COPY", "HEAD", "PURGE", "UNLOCK"})
# Methods Node's http sends with no Content-Length when there is no body.
NODE_NO_LENGTH_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"})
RAW_CONTENT_TYPES = {"html": "text/html", "text": "text/plain", "json": "application/json",
                     "javascript": "application/javascript", "xml": "application/xml"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _decode(raw: bytes) -> str:
    # Postman files are UTF-8, sometimes with a byte-order mark; Windows tools sometimes write UTF-16.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _variables(items: Any, notes: list[str]) -> list[Variable]:
    if items is not None and not isinstance(items, list):
        raise _Refusal(_("variables"), _("«variable» must be a list, not {kind}.").format(kind=_kind(items)))
    found: dict[str, Variable] = {}
    for entry in items or []:
        if not isinstance(entry, dict):
            continue
        name = _text(entry.get("key") or entry.get("id"))
        if not name:
            continue
        if entry.get("disabled"):
            notes.append(_("The variable «{name}» is switched off in Postman and was not imported.").format(name=name))
            continue
        value = _text(entry.get("value"))
        secret = entry.get("type") == "secret" or entry.get("description") == SECRET_MARK or name in SECRET_BY_DEFAULT
        if not value and not secret:
            notes.append(_("The variable «{name}» is empty in the collection: it is sent empty.").format(name=name))
        found[name] = Variable(name, value, secret, keep_empty=not value and not secret)
    return list(found.values())


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return _("empty (null)")


def _walk(root: dict[str, Any], result: PostmanImport) -> None:
    """Depth first, in file order, without recursion: a file of thousands of nested folders cannot overflow."""
    auth = root.get("auth") if isinstance(root.get("auth"), dict) else None
    stack: list[tuple[list[Any], int, tuple[str, ...], Any]] = [(root["item"], 0, (), auth)]
    while stack:
        items, index, folder, auth = stack.pop()
        if index >= len(items):
            continue
        stack.append((items, index + 1, folder, auth))
        entry = items[index]
        if not isinstance(entry, dict):
            raise _Refusal(" / ".join(folder) or _("the collection"),
                           _("an entry of «item» is {kind}, not a request or a folder.").format(kind=_kind(entry)))
        name = _text(entry.get("name")).strip()
        if "item" in entry and "request" not in entry:
            if not isinstance(entry["item"], list):
                raise _Refusal(name, _("«item» must be a list, not {kind}.").format(kind=_kind(entry["item"])))
            if len(folder) >= MAX_DEPTH:
                raise _Refusal(name, _("folders are nested more than {count} levels deep.").format(count=MAX_DEPTH))
            if _scripts(entry):
                result.notes.append(_("«{name}»: scripts of the folder were not imported.").format(name=name))
            inner = _auth_entry(entry.get("auth"), name, auth)
            stack.append((entry["item"], 0, (*folder, name or _("Folder")), inner))
        elif "request" in entry:
            result.requests.append(_request(entry, folder, auth, result))


def _auth_entry(value: Any, item: str, inherited: Any) -> Any:
    if value is None:
        return inherited
    if not isinstance(value, dict):
        raise _Refusal(item, _("«auth» must be an object, not {kind}.").format(kind=_kind(value)))
    return inherited if value.get("type") == "inherit" else value


def _scripts(entry: dict[str, Any]) -> bool:
    events = entry.get("event")
    if not isinstance(events, list):
        return False
    for event in events:
        script = event.get("script") if isinstance(event, dict) else None
        lines = script.get("exec") if isinstance(script, dict) else None
        text = "".join(map(str, lines)) if isinstance(lines, list) else _text(lines)
        if text.strip():
            return True
    return False


def _request(entry: dict[str, Any], folder: tuple[str, ...], inherited_auth: Any, result: PostmanImport) -> ImportedRequest:
    source = entry["request"]
    label = _text(entry.get("name")).strip()
    if isinstance(source, str):
        source = {"url": source}
    if not isinstance(source, dict):
        raise _Refusal(label or _("Request"), _("«request» must be an object or an address, not {kind}.").format(kind=_kind(source)))
    url, params, path_variables = _url(source.get("url"), label)
    name = label or url or _("Request")
    method = _text(source.get("method") or "GET").strip().upper() or "GET"
    request = Request(method=method, url=url, params=params, name=name, path_variables=path_variables)
    behaviour = entry.get("protocolProfileBehavior") if isinstance(entry.get("protocolProfileBehavior"), dict) else {}
    if not behaviour.get("disableUrlEncoding"):
        _encode_as_newman(request)
    request.headers = _headers(source.get("header"), name)
    dropped: list[str] = []
    request.body = _body(source.get("body"), request, dropped, name, result.notes)
    if request.body.kind != "none" and method in METHODS_WITHOUT_BODY and not behaviour.get("disableBodyPruning"):
        result.notes.append(_("«{name}»: the body of this {method} request was left out, as Postman leaves it out.").format(
            name=name, method=method))
        request.body = Body()
        request.headers = [h for h in request.headers if not h.name.lower().startswith("content-type") or h.enabled is False]
    if request.body.kind == "none" and method not in NODE_NO_LENGTH_METHODS and request.header("Content-Length") is None:
        # newman (Node) states an empty body for every other method; httpx only for POST, PUT and PATCH.
        request.headers.append(KeyValue("Content-Length", "0"))
    auth = _auth_entry(source.get("auth"), name, inherited_auth)
    _auth(auth, request, dropped, result)
    if request.auth is None and isinstance(source.get("url"), dict) and isinstance(source["url"].get("auth"), dict):
        # user:password@ in the address: Node turns it into basic sign-in.
        user = source["url"]["auth"]
        _auth({"type": "basic", "basic": {"username": _text(user.get("user")), "password": _text(user.get("password"))}},
              request, dropped, result)
    if _scripts(entry):
        dropped.append(_("scripts"))
    if entry.get("response"):
        dropped.append(_("saved example answers"))
    if dropped:
        result.notes.append(_("«{name}»: not imported: {what}.").format(name=name, what=", ".join(dropped)))
    meta: dict[str, Any] = {}
    description = source.get("description") or entry.get("description")
    if isinstance(description, dict):
        description = description.get("content")
    if isinstance(description, str) and description:
        meta["description"] = description
    return ImportedRequest(folder, request, meta)


def _url(value: Any, item: str) -> tuple[str, list[KeyValue], list[KeyValue]]:
    """(address without query, query rows, path variables), read the way newman reads them: from the parts when
    the file has them (newman ignores `raw` then), else from the text."""
    if value is None:
        return "", [], []
    if isinstance(value, str):
        base, params = split_url(value)
        return base, params, []
    if not isinstance(value, dict):
        raise _Refusal(item, _("«url» must be an address or an object, not {kind}.").format(kind=_kind(value)))
    for key in ("query", "variable"):
        if value.get(key) is not None and not isinstance(value[key], list):
            raise _Refusal(item, _("«url.{key}» must be a list, not {kind}.").format(key=key, kind=_kind(value[key])))
    if value.get("host") is None and value.get("path") is None:
        base, params = split_url(_text(value.get("raw")))
    else:
        base, params = _url_from_parts(value), []
    if value.get("query") is not None:
        params = [_query_row(q) for q in value["query"] if isinstance(q, dict)]
    path_variables = [
        KeyValue(_text(v.get("key") or v.get("id")), _text(v.get("value")))
        for v in value.get("variable") or []
        if isinstance(v, dict) and (v.get("key") or v.get("id"))
    ]
    return base, params, path_variables


def _encode_as_newman(request: Request) -> None:
    """newman percent-encodes what cannot travel in the address; the written text is encoded now (so the agent sees
    what goes out), variable values when they are filled in (variables.resolve)."""
    base, hash_sep, fragment = request.url.partition("#")
    scheme, sep, rest = base.partition("://")
    if not sep:
        scheme, rest = "", base
    slash = rest.find("/")
    if slash >= 0:
        rest = rest[:slash] + encode_written(rest[slash:], PATH_UNSAFE)
    request.url = scheme + sep + rest + hash_sep + fragment
    for row in request.params:
        row.name = encode_written(row.name, QUERY_NAME_UNSAFE)
        row.value = encode_written(row.value, QUERY_VALUE_UNSAFE)
    for variable in request.path_variables:
        variable.value = encode_written(variable.value, PATH_UNSAFE)


def _query_row(row: dict[str, Any]) -> KeyValue:
    # newman: no value at all -> "key" alone; no key -> "=value"; neither -> an empty piece ("a&&b").
    key, value = row.get("key"), row.get("value")
    return KeyValue(_text(key), _text(value), not row.get("disabled"), bare=value is None)


def _url_from_parts(value: dict[str, Any]) -> str:
    host = value.get("host") or ""
    host = ".".join(map(_text, host)) if isinstance(host, list) else _text(host)
    path = value.get("path")
    if isinstance(path, list):
        path = "/".join(p if isinstance(p, str) else _text(p.get("value") if isinstance(p, dict) else p) for p in path)
    path = _text(path)
    protocol = _text(value.get("protocol"))
    text = f"{protocol.removesuffix(':').removesuffix('://')}://" if protocol else ""
    port = _text(value.get("port"))
    text += host + (f":{port}" if port else "")
    if path:
        text += path if path.startswith("/") else "/" + path
    if isinstance(value.get("hash"), str) and value["hash"]:
        text += "#" + value["hash"]
    return text


def _headers(value: Any, item: str) -> list[KeyValue]:
    if value is None:
        return []
    if isinstance(value, str):
        # v2.0 allowed "Name: value" lines.
        rows = [line.partition(":") for line in value.splitlines() if ":" in line]
        return [KeyValue(n.strip(), v.strip()) for n, _sep, v in rows]
    if not isinstance(value, list):
        raise _Refusal(item, _("«header» must be a list of name/value pairs, not {kind}.").format(kind=_kind(value)))
    return [
        KeyValue(_text(h.get("key")), _text(h.get("value")), not h.get("disabled"))
        for h in value
        if isinstance(h, dict)
    ]


def _body(value: Any, request: Request, dropped: list[str], item: str, notes: list[str]) -> Body:
    if value is None:
        return Body()
    if not isinstance(value, dict):
        raise _Refusal(item, _("«body» must be an object, not {kind}.").format(kind=_kind(value)))
    if value.get("disabled"):
        return Body()
    options = value.get("options", {})
    if options is not None and not isinstance(options, dict):
        raise _Refusal(item, _("«body.options» must be an object, not {kind}.").format(kind=_kind(options)))
    mode = value.get("mode")
    if mode == "raw":
        text = _text(value.get("raw"))
        if not text:
            return Body()
        raw_options = (options or {}).get("raw")
        language = raw_options.get("language") if isinstance(raw_options, dict) else None
        content_type = request.header("Content-Type")
        if content_type is None:
            content_type = RAW_CONTENT_TYPES.get(language if isinstance(language, str) else "", "text/plain")
            request.headers.append(KeyValue("Content-Type", content_type))
        is_json = language == "json" or (not language and JSON_TYPE.match(content_type.strip()) is not None)
        if is_json and ("//" in text or "/*" in text):
            stripped = strip_json_comments(text)
            if stripped != text:
                notes.append(_("«{name}»: comments were taken out of the JSON body, as Postman does when sending.").format(name=item))
                text = stripped
        return Body("json" if is_json else "text", text)
    if mode == "urlencoded":
        fields = [f for f in _list(value.get("urlencoded"), "body.urlencoded", item) if isinstance(f, dict) and not f.get("disabled")]
        if not fields:
            return Body()
        text = "&".join(f"{_form_quote(f.get('key'))}={_form_quote(f.get('value'))}" for f in fields)
        _default_header(request, "Content-Type", "application/x-www-form-urlencoded")
        return Body("text", text)
    if mode == "formdata":
        fields = [f for f in _list(value.get("formdata"), "body.formdata", item) if isinstance(f, dict) and not f.get("disabled")]
        if not fields:
            return Body()
        files = [_text(f.get("key")) for f in fields if f.get("type") == "file" and (f.get("src") or f.get("value"))]
        if files:
            dropped.append(_("form-data file fields ({names})").format(names=", ".join(files)))
        # Sent as a ready multipart text with a fixed boundary, so what is shown is what goes out.
        parts = []
        for f in fields:
            is_file = f.get("type") == "file"
            if is_file and (f.get("src") or f.get("value")):
                continue
            disposition = f'form-data; name="{_text(f.get("key"))}"'
            if is_file:
                disposition += f'; filename="{_text(f.get("fileName"))}"'
            part_type = f"\r\nContent-Type: {f['contentType']}" if isinstance(f.get("contentType"), str) and f["contentType"] else ""
            parts.append(f"--{FORM_BOUNDARY}\r\nContent-Disposition: {disposition}{part_type}\r\n\r\n"
                         f"{'' if is_file else _text(f.get('value'))}\r\n")
        if not parts:
            return Body()
        _default_header(request, "Content-Type", f"multipart/form-data; boundary={FORM_BOUNDARY}")
        return Body("text", "".join(parts) + f"--{FORM_BOUNDARY}--\r\n")
    if mode == "graphql":
        graphql = value.get("graphql") if isinstance(value.get("graphql"), dict) else {}
        _default_header(request, "Content-Type", "application/json")
        return Body("json", _graphql_text(graphql))
    if mode == "file" and isinstance(value.get("file"), dict) and value["file"].get("src"):
        dropped.append(_("a file as the body"))
    return Body()


JSON_TYPE = re.compile(r"^application/(\S+\+)?json")


def _graphql_text(graphql: dict[str, Any]) -> str:
    """The body newman builds: query, operationName and variables as written, compact, nothing added."""
    variables = graphql.get("variables")
    if not isinstance(variables, str):
        payload = {"query": graphql.get("query"), "operationName": graphql.get("operationName"), "variables": variables}
        return json.dumps({k: v for k, v in payload.items() if v is not None}, ensure_ascii=False, separators=(",", ":"))
    parts = []
    if isinstance(graphql.get("query"), str):
        parts.append('"query":' + json.dumps(graphql["query"], ensure_ascii=False))
    if isinstance(graphql.get("operationName"), str):
        parts.append('"operationName":' + json.dumps(graphql["operationName"], ensure_ascii=False))
    if variables:
        parts.append('"variables":' + variables)  # already JSON text, sent as the client wrote it
    return "{" + ",".join(parts) + "}"


def strip_json_comments(text: str) -> str:
    """`//` and `/* */` comments taken out outside strings, exactly as newman's strip-json-comments does."""
    out: list[str] = []
    inside_string = False
    comment = ""  # "", "line" or "block"
    offset = 0
    i, n = 0, len(text)
    while i < n:
        char, pair = text[i], text[i : i + 2]
        if not comment and char == '"':
            # Only the backslashes just before this quote are counted: every character is looked at a bounded
            # number of times, so the scan stays linear.
            start = i
            while start > 0 and text[start - 1] == "\\":
                start -= 1
            if (i - start) % 2 == 0:
                inside_string = not inside_string
        if inside_string:
            i += 1
            continue
        if not comment and pair == "//":
            out.append(text[offset:i])
            offset, comment = i, "line"
            i += 1
        elif comment == "line" and pair == "\r\n":
            i += 1
            comment, offset = "", i
            continue
        elif comment == "line" and char == "\n":
            comment, offset = "", i
        elif not comment and pair == "/*":
            out.append(text[offset:i])
            offset, comment = i, "block"
            i += 2
            continue
        elif comment == "block" and pair == "*/":
            i += 1
            comment, offset = "", i + 1
            i += 1
            continue
        i += 1
    if not comment:
        out.append(text[offset:])
    return "".join(out)


def _list(value: Any, key: str, item: str) -> list[Any]:
    if value is None or value == "":  # Postman itself writes "" for a form never filled in
        return []
    if not isinstance(value, list):
        raise _Refusal(item, _("«{key}» must be a list, not {kind}.").format(key=key, kind=_kind(value)))
    return value


def _form_quote(value: Any) -> str:
    # Written text is encoded now; {{variables}} stay readable and are encoded when filled in (variables.form_quote).
    text = _text(value)
    out, at = [], 0
    for match in VARIABLE.finditer(text):
        out += [form_quote(text[at : match.start()]), match.group(0)]
        at = match.end()
    return "".join(out) + form_quote(text[at:])


def _default_header(request: Request, name: str, value: str) -> None:
    if request.header(name) is None:
        request.headers.append(KeyValue(name, value))


def _auth(auth: Any, request: Request, dropped: list[str], result: PostmanImport) -> None:
    if not isinstance(auth, dict):
        return
    kind = auth.get("type")
    if kind in (None, "noauth", "inherit"):
        return
    kind = _text(kind)
    attributes = auth.get(kind)
    if isinstance(attributes, list):
        values = {_text(a.get("key")): _text(a.get("value")) for a in attributes if isinstance(a, dict)}
    elif isinstance(attributes, dict):
        values = {str(k): _text(v) for k, v in attributes.items()}  # v2.0 keeps them as an object
    else:
        values = {}
    if kind not in signin.SUPPORTED:
        reason = _unsupported_reason(kind)
        if kind == "ntlm":
            # newman's first NTLM request goes out with no Authorization at all (it waits for the challenge).
            request.headers = [h for h in request.headers if h.name.strip().lower() != "authorization"]
        dropped.append(_("{kind} sign-in ({reason}; add its header by hand)").format(kind=kind, reason=reason))
        return
    fields = {}
    for key, value in values.items():
        if signin.is_secret_field(kind, key) and value and not _only_variable(value):
            value = "{{" + _secret_variable(result, f"{kind}_{key}", value) + "}}"
        fields[key] = value
    request.auth = Auth(kind, fields)


def _unsupported_reason(kind: str) -> str:
    """Why Wappi Desk cannot send this Postman sign-in itself, in words for the import note."""
    if kind == "ntlm":
        return _("NTLM needs a back-and-forth with the server (a challenge) that a saved request cannot hold")
    if kind in ("jwt", "asap"):
        return _("its signature is not computed by Wappi Desk yet")
    return _("this sign-in type is unknown")


def _only_variable(text: str) -> bool:
    return re.fullmatch(r"\{\{[^{}]+\}\}", text.strip()) is not None


def _secret_variable(result: PostmanImport, name: str, value: str) -> str:
    """A secret sign-in value moves to a keyring variable: the request file keeps only its {{name}}."""
    taken = {v.name: v for v in result.variables}
    candidate, number = name, 1
    while candidate in taken and taken[candidate].value != value:
        number += 1
        candidate = f"{name}_{number}"
    if candidate not in taken:
        result.variables.append(Variable(candidate, value, secret=True))
    return candidate


def import_into(store: Store, client: str, result: PostmanImport) -> tuple[list[Path], list[Variable]]:
    """Save an import into a client (made if missing), all or nothing; returns the files written and the secret variables.

    Secret values are not written to files: the caller puts them in the keyring (or asks the agent).
    """
    incoming = [Incoming(imported.folder, imported.request, imported.meta) for imported in result.requests]
    written = store.import_requests(client, incoming, result.variables)
    return written, [variable for variable in result.variables if variable.secret and variable.value]


# ---- export ------------------------------------------------------------------------------------


def export_client(store: Store, client: str, folder: str | Path = "") -> dict[str, Any]:
    """A Postman v2.1 collection of a client (or one of its folders). Secret variables go out with no value."""
    store.client_dir(client)
    tree = store.tree(client)
    name = client
    for part in Path(folder).parts:
        match = next((c for c in tree.children if isinstance(c, Folder) and c.path.name == part), None)
        if match is None:
            raise StoreError(_("There is no folder «{name}» in {client}.").format(name=str(folder), client=client))
        tree, name = match, match.name
    variables = []
    for variable in store.environment(client).variables:
        entry: dict[str, Any] = {"key": variable.name, "value": "" if variable.secret else variable.value, "type": "string"}
        if variable.secret:
            entry["description"] = SECRET_MARK
        variables.append(entry)
    return {
        "info": {"_postman_id": str(uuid.uuid4()), "name": name, "schema": SCHEMA_URL},
        "item": _export_children(tree),
        "variable": variables,
    }


def write_export(path: Path, collection: dict[str, Any]) -> None:
    # json_bytes: a lone surrogate (a \\ud800 escape in a request file) is written escaped instead of failing.
    write_atomic(Path(path), json_bytes(collection))


def _export_children(folder: Folder) -> list[dict[str, Any]]:
    out = []
    for child in folder.children:
        if isinstance(child, Folder):
            out.append({"name": child.name, "item": _export_children(child)})
        else:
            out.append(_export_item(child))
    return out


def _export_item(item: Item) -> dict[str, Any]:
    request = item.request
    data: dict[str, Any] = {
        "method": request.method,
        "header": [_pair(h) for h in request.headers],
        "url": _export_url(request),
    }
    if request.body.kind != "none":
        data["body"] = {
            "mode": "raw",
            "raw": _embed_files(request.body),
            "options": {"raw": {"language": "json" if request.body.kind == "json" else "text"}},
        }
    if request.auth is not None:
        # Secret fields are {{variables}} here: their values stay in the keyring, as for every variable.
        fields = [{"key": k, "value": v, "type": "string"} for k, v in request.auth.fields.items()]
        data["auth"] = {"type": request.auth.kind, request.auth.kind: fields}
    description = pick(item.meta.get("description")) if item.meta.get("description") else ""
    if description:
        data["description"] = description
    return {"name": request.name, "request": data}


def _embed_files(body: Body) -> str:
    """The body with each `{{file:<id>}}` replaced by the file's base64, so the export sends the same bytes."""
    def embed(match: re.Match[str]) -> str:
        attachment = body.attachments.get(match.group(1))
        if attachment is None:
            return match.group(0)
        prefix = f"data:{attachment.mime};base64," if attachment.data_uri else ""
        return prefix + str(attachment.data, "ascii", "replace")

    return TOKEN.sub(embed, body.text) if body.attachments else body.text


def _pair(row: KeyValue) -> dict[str, Any]:
    data: dict[str, Any] = {"key": row.name, "value": row.value}
    if not row.enabled:
        data["disabled"] = True
    return data


def _export_url(request: Request) -> dict[str, Any]:
    # Postman reads the parts, not `raw`, so both are written.
    base, _hash, fragment = request.url.partition("#")
    url: dict[str, Any] = {"raw": request.full_url()}
    rest = base
    if "://" in base:
        url["protocol"], rest = base.split("://", 1)
    host, slash, path = rest.partition("/")
    if host:
        if ":" in host and "}}" not in host.rsplit(":", 1)[1]:
            host, url["port"] = host.rsplit(":", 1)
        url["host"] = host.split(".") if "{{" not in host else [host]
    if slash:
        url["path"] = path.split("/")
    if request.params:
        # A bare row ("?flag") has no value at all, which is how Postman writes it.
        url["query"] = [{"key": p.name, "value": None if p.bare else p.value, **({} if p.enabled else {"disabled": True})}
                        for p in request.params]
    if request.path_variables:
        url["variable"] = [{"key": v.name, "value": v.value} for v in request.path_variables]
    if fragment:
        url["hash"] = fragment
    return url

