"""Postman Collection v2.1 (and v2.0) import into requests, and export of a client or folder back to v2.1."""
from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from desktop.core.atomicfile import write_atomic
from desktop.core.collection import Folder, Item
from desktop.core.models import Body, KeyValue, Request, split_url
from desktop.core.store import Incoming, Store, StoreError
from desktop.core.variables import SECRET_BY_DEFAULT, Variable
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
    """Turn the text of a Postman file into requests; raises PostmanError for files that are not v2 collections."""
    text = _decode(raw) if isinstance(raw, bytes) else raw
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PostmanError(
            _("{file}: the file is damaged (not valid JSON, line {line}). Export it from Postman again.").format(
                file=source, line=exc.lineno
            )
        ) from exc
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
    result = PostmanImport(name=str(info.get("name") or data.get("name") or Path(source).stem or "Postman"))
    result.variables = _variables(data.get("variable"), result.notes)
    _walk(data["item"], (), data.get("auth"), result)
    if data.get("event"):
        result.notes.append(_("Scripts of the collection were not imported (Wappi Desk does not run scripts)."))
    return result


def _decode(raw: bytes) -> str:
    # Postman files are UTF-8, sometimes with a byte-order mark; Windows tools sometimes write UTF-16.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _variables(items: Any, notes: list[str]) -> list[Variable]:
    found: dict[str, Variable] = {}
    for entry in items if isinstance(items, list) else []:
        if not isinstance(entry, dict):
            continue
        name = str(entry.get("key") or entry.get("id") or "")
        if not name:
            continue
        if entry.get("disabled"):
            notes.append(_("The variable «{name}» is switched off in Postman and was not imported.").format(name=name))
            continue
        value = entry.get("value")
        value = "" if value is None else value if isinstance(value, str) else json.dumps(value)
        secret = entry.get("type") == "secret" or entry.get("description") == SECRET_MARK or name in SECRET_BY_DEFAULT
        found[name] = Variable(name, value, secret)
    return list(found.values())


def _walk(items: list[Any], folder: tuple[str, ...], auth: Any, result: PostmanImport) -> None:
    for entry in items:
        if not isinstance(entry, dict):
            continue
        name = str(entry.get("name") or "").strip()
        if isinstance(entry.get("item"), list):
            inner_auth = entry.get("auth") if isinstance(entry.get("auth"), dict) else auth
            if entry.get("event"):
                result.notes.append(_("«{name}»: scripts of the folder were not imported.").format(name=name))
            _walk(entry["item"], (*folder, name or _("Folder")), inner_auth, result)
        elif "request" in entry:
            result.requests.append(_request(entry, folder, auth, result.notes))


def _request(entry: dict[str, Any], folder: tuple[str, ...], inherited_auth: Any, notes: list[str]) -> ImportedRequest:
    source = entry["request"]
    if isinstance(source, str):
        source = {"url": source}
    if not isinstance(source, dict):
        source = {}
    url, params = _url(source.get("url"))
    name = str(entry.get("name") or "").strip() or url or _("Request")
    request = Request(method=str(source.get("method") or "GET").upper(), url=url, params=params, name=name)
    request.headers = _headers(source.get("header"))
    dropped: list[str] = []
    request.body = _body(source.get("body"), request, dropped)
    auth = source.get("auth") if isinstance(source.get("auth"), dict) else inherited_auth
    _auth(auth, request, dropped)
    if entry.get("event"):
        dropped.append(_("scripts"))
    if entry.get("response"):
        dropped.append(_("saved example answers"))
    if dropped:
        notes.append(_("«{name}»: not imported: {what}.").format(name=name, what=", ".join(dropped)))
    meta: dict[str, Any] = {}
    description = source.get("description") or entry.get("description")
    if isinstance(description, dict):
        description = description.get("content")
    if isinstance(description, str) and description:
        meta["description"] = description
    return ImportedRequest(folder, request, meta)


def _url(value: Any) -> tuple[str, list[KeyValue]]:
    if isinstance(value, str) or value is None:
        return split_url(value or "")
    if not isinstance(value, dict):
        return "", []
    raw = value.get("raw")
    if not isinstance(raw, str):
        raw = _url_from_parts(value)
    base, params = split_url(raw)
    if isinstance(value.get("query"), list):
        # The query list keeps switched-off parameters that the raw text leaves out.
        params = [
            KeyValue(str(q.get("key") or ""), "" if q.get("value") is None else str(q.get("value")), not q.get("disabled"))
            for q in value["query"]
            if isinstance(q, dict)
        ]
    for variable in value.get("variable") or []:
        if isinstance(variable, dict) and variable.get("key"):
            key = str(variable["key"])
            filled = str(variable.get("value") or "") or "{{" + key + "}}"
            base = base.replace(f"/:{key}", f"/{filled}")
    return base, params


def _url_from_parts(value: dict[str, Any]) -> str:
    host = value.get("host") or ""
    host = ".".join(map(str, host)) if isinstance(host, list) else str(host)
    path = value.get("path") or ""
    if isinstance(path, list):
        path = "/".join(p if isinstance(p, str) else str(p.get("value", "")) for p in path)
    text = f"{value['protocol']}://" if value.get("protocol") else ""
    text += host + (f":{value['port']}" if value.get("port") else "")
    if path:
        text += "/" + str(path).lstrip("/")
    return text


def _headers(value: Any) -> list[KeyValue]:
    if isinstance(value, str):
        # v2.0 allowed "Name: value" lines.
        rows = [line.partition(":") for line in value.splitlines() if ":" in line]
        return [KeyValue(n.strip(), v.strip()) for n, _sep, v in rows]
    return [
        KeyValue(str(h.get("key") or ""), "" if h.get("value") is None else str(h.get("value")), not h.get("disabled"))
        for h in value or []
        if isinstance(h, dict)
    ]


def _body(value: Any, request: Request, dropped: list[str]) -> Body:
    if not isinstance(value, dict) or value.get("disabled"):
        return Body()
    mode = value.get("mode")
    if mode == "raw":
        text = value.get("raw") if isinstance(value.get("raw"), str) else ""
        language = ((value.get("options") or {}).get("raw") or {}).get("language")
        is_json = language == "json" or "json" in (request.header("Content-Type") or "").lower()
        return Body("json" if is_json else "text", text)
    if mode == "urlencoded":
        fields = [f for f in value.get("urlencoded") or [] if isinstance(f, dict) and not f.get("disabled")]
        text = "&".join(f"{_form_quote(f.get('key'))}={_form_quote(f.get('value'))}" for f in fields)
        _default_header(request, "Content-Type", "application/x-www-form-urlencoded")
        return Body("text", text)
    if mode == "formdata":
        fields = [f for f in value.get("formdata") or [] if isinstance(f, dict) and not f.get("disabled")]
        files = [str(f.get("key") or "") for f in fields if f.get("type") == "file"]
        if files:
            dropped.append(_("form-data file fields ({names})").format(names=", ".join(files)))
        texts = [f for f in fields if f.get("type") != "file"]
        if not texts:
            return Body()
        # Sent as a ready multipart text with a fixed boundary, so what is shown is what goes out.
        parts = [
            f'--{FORM_BOUNDARY}\r\nContent-Disposition: form-data; name="{f.get("key") or ""}"\r\n\r\n{f.get("value") or ""}\r\n'
            for f in texts
        ]
        _default_header(request, "Content-Type", f"multipart/form-data; boundary={FORM_BOUNDARY}")
        return Body("text", "".join(parts) + f"--{FORM_BOUNDARY}--\r\n")
    if mode == "graphql":
        graphql = value.get("graphql") or {}
        variables = graphql.get("variables") or None
        if isinstance(variables, str):
            try:
                variables = json.loads(variables) if variables.strip() else None
            except json.JSONDecodeError:
                dropped.append(_("GraphQL variables (not valid JSON)"))
                variables = None
        _default_header(request, "Content-Type", "application/json")
        payload = {"query": graphql.get("query") or "", "variables": variables or {}}
        return Body("json", json.dumps(payload, ensure_ascii=False, indent=2))
    if mode == "file":
        dropped.append(_("a file as the body"))
    return Body()


def _form_quote(value: Any) -> str:
    # Keep {{variables}} readable; they are filled in before sending.
    return quote("" if value is None else str(value), safe="{}")


def _default_header(request: Request, name: str, value: str) -> None:
    if request.header(name) is None:
        request.headers.append(KeyValue(name, value))


def _auth(auth: Any, request: Request, dropped: list[str]) -> None:
    if not isinstance(auth, dict):
        return
    kind = auth.get("type")
    if kind in (None, "noauth", "inherit"):
        return
    attributes = auth.get(kind)
    if isinstance(attributes, list):
        values = {str(a.get("key")): a.get("value") for a in attributes if isinstance(a, dict)}
    elif isinstance(attributes, dict):
        values = dict(attributes)  # v2.0 keeps them as an object
    else:
        values = {}

    def text(key: str, default: str = "") -> str:
        value = values.get(key, default)
        return default if value is None else str(value)

    if kind == "bearer":
        _default_header(request, "Authorization", f"Bearer {text('token')}")
    elif kind == "basic":
        user, password = text("username"), text("password")
        if "{{" in user + password:
            dropped.append(_("basic sign-in that uses variables (add the Authorization header by hand)"))
        else:
            pair = base64.b64encode(f"{user}:{password}".encode()).decode()
            _default_header(request, "Authorization", f"Basic {pair}")
    elif kind == "apikey":
        key, value = text("key"), text("value")
        if text("in", "header") == "query":
            request.params.append(KeyValue(key, value))
        elif key:
            _default_header(request, key, value)
    else:
        dropped.append(_("{kind} sign-in (add its header by hand)").format(kind=kind))


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
    write_atomic(Path(path), (json.dumps(collection, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


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
            "raw": request.body.text,
            "options": {"raw": {"language": "json" if request.body.kind == "json" else "text"}},
        }
    description = pick(item.meta.get("description")) if item.meta.get("description") else ""
    if description:
        data["description"] = description
    return {"name": request.name, "request": data}


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
        url["query"] = [{"key": p.name, "value": p.value, **({} if p.enabled else {"disabled": True})} for p in request.params]
    if fragment:
        url["hash"] = fragment
    return url

