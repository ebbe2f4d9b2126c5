"""The on-disk collection format: one JSON file per request, a folder per client or group, a schema version."""
from __future__ import annotations

import contextvars
import functools
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.atomicfile import remove_stale_temporaries, write_atomic
from desktop.core.jsonlint import json_kind
from desktop.core.models import Request
from desktop.i18n import _, pick

SCHEMA_VERSION = 1
FOLDER_FILE = "folder.json"
# A client's variables live beside its requests; the tree loader leaves this file alone.
ENVIRONMENT_FILE = "environment.json"
# A request file holds its attachments as base64; anything bigger than this is not one of ours.
MAX_FILE_BYTES = 128 * 1024 * 1024
# Deeper folders are reported and skipped (the loader recurses, and no agent groups requests 64 levels deep).
MAX_DEPTH = 64
SCHEMAS = Path(__file__).with_name("schemas")
# Keys the Request model owns; every other key of a file is kept in `meta` and written back unchanged.
_MODEL_KEYS = {"schema_version", "kind", "name", "method", "url", "params", "headers", "body"}


class FormatError(Exception):
    """A file that cannot be read as a request: the message names the file and says why."""


@dataclass
class Item:
    """A saved request in the tree; `meta` holds description, example answer and field rules."""

    path: Path
    request: Request
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Folder:
    path: Path
    name: str
    children: list[Folder | Item] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def request_from_data(data: Any, source: str = "") -> tuple[Request, dict[str, Any]]:
    # "kind" is required: a Postman file or any other JSON lying in a client's folder is not taken for a request.
    if not isinstance(data, dict) or data.get("kind") != "request":
        raise FormatError(_("{file}: this is not a request file").format(file=source))
    check_version(data, source)
    check_shape(data, "request", source)
    request = Request.from_dict({**data, "name": pick(data.get("name"))})
    meta = {key: value for key, value in data.items() if key not in _MODEL_KEYS}
    if isinstance(data.get("name"), dict):
        meta["names"] = data["name"]
    return request, meta


def check_version(data: dict[str, Any], source: str) -> None:
    """FormatError for a file written by a newer Wappi Desk (its fields may mean something else)."""
    version = data.get("schema_version", 1)
    if isinstance(version, (int, float)) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise FormatError(
            _("{file}: made by a newer version of Wappi Desk (format {version}); update the app to open it").format(
                file=source, version=version
            )
        )


# Off while the app's own shipped collection loads (load_tree(..., trusted=True)): the test-suite checks every shipped
# file against the schemas, and checking them again at each start cost ~0.8 s with jsonschema (its import and 161 files;
# with fastjsonschema, compiling the schema still costs tens of ms) before the window could paint. Every other folder is
# checked file by file.
_shape_checks = contextvars.ContextVar("shape_checks", default=True)


@functools.cache
def _validator(kind: str):
    # fastjsonschema compiles the schema to Python once: checking 2,000 files at start-up takes about a fifteenth of
    # jsonschema's time (bench/bench_store.py), and importing it does not cost the window most of a second.
    import fastjsonschema

    return fastjsonschema.compile(json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")))


def check_shape(data: Any, kind: str, source: str) -> None:
    """FormatError naming the file and the first field of the wrong type, by the schema schemas/<kind>.schema.json."""
    if not _shape_checks.get():
        return
    from fastjsonschema import JsonSchemaValueException

    try:
        _validator(kind)(data)
    except JsonSchemaValueException as error:
        parts = error.path[1:] if error.path and error.path[0] == "data" else error.path
        where = "".join(f"[{part}]" if str(part).isdigit() else f".{part}" for part in parts).lstrip(".")
        if error.rule == "type":
            wanted = error.rule_definition if isinstance(error.rule_definition, list) else [error.rule_definition]
            reason = _("«{field}» should be {expected}, not {actual}").format(
                field=where, expected=_(" or ").join(_type_word(t) for t in wanted), actual=_type_word(json_kind(error.value))
            )
        else:
            reason = _("«{field}» has a value Wappi Desk cannot use").format(field=where or "…")
        raise FormatError(_("{file}: {reason}. The file was skipped and not changed.").format(file=source, reason=reason)) from None


def _type_word(name: str) -> str:
    words = {
        "null": _("empty (null)"),
        "boolean": _("true or false"),
        "integer": _("a whole number"),
        "number": _("a number"),
        "string": _("text"),
        "array": _("a list"),
        "object": _("a group of named fields"),
    }
    return words.get(name, name)


def read_json(path: Path) -> Any:
    """The JSON of a regular file of a sane size; FormatError naming the file otherwise."""
    path = Path(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise FormatError(_("{file}: this is not a regular file and was skipped").format(file=path.name))
        if info.st_size > MAX_FILE_BYTES:
            raise FormatError(
                _("{file}: the file is too large ({size} MB; the limit is {limit} MB) and was skipped").format(
                    file=path.name, size=info.st_size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
                )
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise FormatError(_("{file}: cannot be read ({reason})").format(file=path.name, reason=exc.strerror)) from exc
    try:
        # ValueError covers bad JSON, bad UTF-8 and numbers too long to convert; RecursionError, absurd nesting.
        # utf-8-sig: a file touched by Windows Notepad starts with a byte-order mark.
        return json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:
        raise FormatError(_("{file}: the file is damaged (not valid JSON) and was skipped").format(file=path.name)) from exc


def read_request(path: Path) -> tuple[Request, dict[str, Any]]:
    """Load one request file; raises FormatError with a plain message on any problem."""
    path = Path(path)
    return request_from_data(read_json(path), path.name)


def request_to_data(request: Request, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    meta = dict(meta or {})
    names = meta.pop("names", None)
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "kind": "request"}
    data.update(request.to_dict())
    if names and pick(names) == request.name:
        data["name"] = names
    data.update(meta)
    return data


def dump_request(request: Request, meta: dict[str, Any] | None = None) -> bytes:
    return json_bytes(request_to_data(request, meta))


def json_bytes(data: Any, indent: int | None = 2) -> bytes:
    """The bytes of one of our files: indented (or compact with indent=None), key order kept, UTF-8 text unescaped."""
    end = "\n" if indent is not None else ""
    try:
        return (json.dumps(data, ensure_ascii=False, indent=indent) + end).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (from a \\ud800 escape in an imported file) has no UTF-8 form; escaped, it round-trips.
        return (json.dumps(data, ensure_ascii=True, indent=indent) + end).encode("ascii")


def write_request(path: Path, request: Request, meta: dict[str, Any] | None = None) -> None:
    write_atomic(Path(path), dump_request(request, meta))


def load_tree(root: Path, trusted: bool = False) -> tuple[Folder, list[str]]:
    """Read a folder of request files. Damaged or too-new files are skipped and named in the problem list.

    `trusted`: the app's own shipped collection, whose shapes the test-suite has checked (see `_shape_checks`).
    """
    problems: list[str] = []
    token = _shape_checks.set(not trusted)
    try:
        return _load_folder(Path(root), problems, frozenset(), 0), problems
    finally:
        _shape_checks.reset(token)


def load_shipped(root: Path) -> tuple[Folder, list[str]]:
    """The app's own shipped collection, loaded without per-file shape checks (the test-suite makes them).

    Should a shipped file be damaged after all, it is loaded again with the checks: that file is skipped by name.
    """
    try:
        return load_tree(root, trusted=True)
    except Exception:  # a damaged shipped file must not stop the app: the checked load names it instead
        return load_tree(root)


def read_folder_meta(folder_file: Path) -> dict[str, Any]:
    """A folder.json's fields; FormatError naming the file when it is damaged, newer or of the wrong shape."""
    data = read_json(folder_file)
    if not isinstance(data, dict):
        raise FormatError(_("{file}: this is not a folder description").format(file=folder_file.name))
    check_version(data, folder_file.name)
    check_shape(data, "folder", folder_file.name)
    return data


def _load_folder(path: Path, problems: list[str], above: frozenset[Path], depth: int) -> Folder:
    meta: dict[str, Any] = {}
    folder_file = path / FOLDER_FILE
    try:
        described = folder_file.is_file()
    except OSError:  # a folder whose entries cannot be looked at (permissions): read_folder_meta says why
        described = True
    if described:
        try:
            meta = read_folder_meta(folder_file)
        except FormatError as exc:
            problems.append(_("{problem} The folder name is used instead.").format(problem=str(exc)))
    folder = Folder(path=path, name=pick(meta.get("name")) or path.name, meta=meta)
    # A symbolic link back up the tree would otherwise be walked for ever.
    above = above | {path.resolve()}
    remove_stale_temporaries(path)
    try:
        entries = sorted(path.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        problems.append(_("{file}: cannot be read ({reason})").format(file=str(path), reason=exc.strerror))
        return folder
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.resolve() in above:
                problems.append(_("{file}: a link back to a folder above it; skipped").format(file=str(entry)))
            elif depth + 1 >= MAX_DEPTH:
                problems.append(
                    _("{file}: folders are nested more than {limit} levels deep; the deeper ones were skipped").format(
                        file=str(entry), limit=MAX_DEPTH
                    )
                )
            else:
                folder.children.append(_load_folder(entry, problems, above, depth + 1))
        elif entry.suffix == ".json" and entry.name not in (FOLDER_FILE, ENVIRONMENT_FILE):
            try:
                request, item_meta = read_request(entry)
            except FormatError as exc:
                problems.append(str(exc))
                continue
            folder.children.append(Item(path=entry, request=request, meta=item_meta))
    return folder


def walk_items(folder: Folder):
    """Every request of a folder and its sub-folders, in tree order."""
    for child in folder.children:
        if isinstance(child, Folder):
            yield from walk_items(child)
        else:
            yield child
