"""The on-disk collection format: one JSON file per request, a folder per client or group, a schema version."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.atomicfile import write_atomic
from desktop.core.models import Request
from desktop.i18n import _, pick

SCHEMA_VERSION = 1
FOLDER_FILE = "folder.json"
# A client's variables live beside its requests; the tree loader leaves this file alone.
ENVIRONMENT_FILE = "environment.json"
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
    if not isinstance(data, dict) or data.get("kind", "request") != "request":
        raise FormatError(_("{file}: this is not a request file").format(file=source))
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise FormatError(
            _("{file}: made by a newer version of Wappi Desk (format {version}); update the app to open it").format(
                file=source, version=version
            )
        )
    request = Request.from_dict({**data, "name": pick(data.get("name"))})
    meta = {key: value for key, value in data.items() if key not in _MODEL_KEYS}
    if isinstance(data.get("name"), dict):
        meta["names"] = data["name"]
    return request, meta


def read_request(path: Path) -> tuple[Request, dict[str, Any]]:
    """Load one request file; raises FormatError with a plain message on any problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FormatError(_("{file}: cannot be read ({reason})").format(file=path.name, reason=exc.strerror)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(_("{file}: the file is damaged (not valid JSON) and was skipped").format(file=path.name)) from exc
    return request_from_data(data, path.name)


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
    # Indented, key order kept, UTF-8 text unescaped: readable and diff-friendly.
    return (json.dumps(request_to_data(request, meta), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_request(path: Path, request: Request, meta: dict[str, Any] | None = None) -> None:
    write_atomic(Path(path), dump_request(request, meta))


def load_tree(root: Path) -> tuple[Folder, list[str]]:
    """Read a folder of request files. Damaged or too-new files are skipped and named in the problem list."""
    problems: list[str] = []
    return _load_folder(Path(root), problems), problems


def _load_folder(path: Path, problems: list[str]) -> Folder:
    meta: dict[str, Any] = {}
    folder_file = path / FOLDER_FILE
    if folder_file.is_file():
        try:
            meta = json.loads(folder_file.read_text(encoding="utf-8"))
            if not isinstance(meta, dict):
                raise ValueError
        except (OSError, UnicodeDecodeError, ValueError):
            problems.append(_("{file}: the folder description is damaged; the folder name is used instead").format(file=str(folder_file)))
            meta = {}
    folder = Folder(path=path, name=pick(meta.get("name")) or path.name, meta=meta)
    try:
        entries = sorted(path.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        problems.append(_("{file}: cannot be read ({reason})").format(file=str(path), reason=exc.strerror))
        return folder
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            folder.children.append(_load_folder(entry, problems))
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
