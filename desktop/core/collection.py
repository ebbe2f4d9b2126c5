"""The on-disk collection format: one JSON file per request, a folder per client or group, a schema version."""
from __future__ import annotations

import codecs
import functools
import itertools
import json
import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.atomicfile import remove_stale_temporaries, write_atomic
from desktop.core.jsonlint import json_kind
from desktop.core.models import Request
from desktop.i18n import _, language, pick

SCHEMA_VERSION = 1
FOLDER_FILE = "folder.json"
# A client's variables live beside its requests; the tree loader leaves this file alone.
ENVIRONMENT_FILE = "environment.json"
# A request file holds its attachments as base64; anything bigger than this is not one of ours.
MAX_FILE_BYTES = 128 * 1024 * 1024
# Deeper folders are reported and skipped (the loader recurses, and no agent groups requests 64 levels deep).
MAX_DEPTH = 64
# Listing entries one load looks at: a client holds a few thousand; a folder past this (`run /`, a home folder) is
# not a collection, and walking it all would take minutes, so the load stops there and says so.
MAX_ENTRIES = 20_000
SCHEMAS = Path(__file__).with_name("schemas")
# Keys the Request model owns; every other key of a file is kept in `meta` and written back unchanged.
_MODEL_KEYS = {"schema_version", "kind", "name", "method", "url", "params", "headers", "body"}


class FormatError(Exception):
    """A file that cannot be read as a request: the message names the file and says why."""


class NotACollection(FormatError):
    """A folder with more entries than any collection holds (MAX_ENTRIES), refused by a whole-or-nothing load."""


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


def request_from_data(data: Any, source: str = "", checked: bool = True) -> tuple[Request, dict[str, Any]]:
    """The request and meta of a file's JSON; `checked=False` skips the shape check (see `load_tree`)."""
    # "kind" is required: a Postman file or any other JSON lying in a client's folder is not taken for a request.
    if not isinstance(data, dict) or data.get("kind") != "request":
        raise FormatError(_("{file}: this is not a request file").format(file=source))
    check_version(data, source)
    if checked:
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


@functools.cache
def _validator(kind: str):
    """The compiled check of schemas/<kind>.schema.json, and the exception it raises."""
    # fastjsonschema compiles the schema to Python once: checking 2,000 files at start-up takes about a fifteenth of
    # jsonschema's time (bench/bench_store.py), and importing it does not cost the window most of a second.
    import fastjsonschema

    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    compiled = fastjsonschema.compile(_inline_refs(schema, schema.get("definitions", {})))
    return compiled, fastjsonschema.JsonSchemaValueException


def _inline_refs(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with each "#/definitions/x" replaced by x itself (ours are not recursive).

    fastjsonschema makes every $ref a function called per list row with its path formatted from `locals()`;
    inlined, a request file is checked about three times faster (a header row costs a few dict look-ups).
    """
    if isinstance(node, list):
        return [_inline_refs(value, definitions) for value in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _inline_refs(definitions[node["$ref"].rpartition("/")[2]], definitions)
    return {key: _inline_refs(value, definitions) for key, value in node.items() if key != "definitions"}


def check_shape(data: Any, kind: str, source: str) -> None:
    """FormatError naming the file and the first field of the wrong type, by the schema schemas/<kind>.schema.json."""
    validate, invalid = _validator(kind)
    try:
        validate(data)
    except invalid as error:
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


# Binary on Windows; non-blocking, so that a pipe put in place of a file between its check and its opening cannot
# stall the load (for a regular file the flag changes nothing).
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
# The first read takes this much: the whole of a request file without attachments (the shipped ones are under 10 KB).
_FIRST_READ = 64 * 1024


def read_json(path: Path) -> Any:
    """The JSON of a regular file of a sane size; FormatError naming the file otherwise."""
    name = Path(path).name
    return _decode(_read_file(os.fspath(path), name), name)


def _read_file(path: str, name: str, regular: bool = False) -> bytes:
    """The bytes of a regular file of a sane size; `regular`: its folder's listing already says it is one.

    A small file (all of ours but those holding attachments) is read with three system calls, os.open, os.read and
    os.close, where open() makes nine: each one lets the window's thread take the GIL while the shipped collection
    loads beside it at start-up.
    """
    try:
        if not regular:
            # A pipe or a device is never opened: opening a pipe waits for a writer, and a device may do anything.
            _check_file(os.stat(path), name)
        fd = os.open(path, _READ_FLAGS)
        try:
            raw = os.read(fd, _FIRST_READ)
            # A shorter read is the end of a regular file; a full one, a big file whose size decides whether to go on.
            if len(raw) == _FIRST_READ:
                _check_file(os.fstat(fd), name)
                raw += _read_rest(fd, name, len(raw))
        finally:
            os.close(fd)
    except OSError as exc:
        raise FormatError(_("{file}: cannot be read ({reason})").format(file=name, reason=exc.strerror)) from exc
    return raw


def _check_file(info: os.stat_result, name: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise FormatError(_("{file}: this is not a regular file and was skipped").format(file=name))
    _check_size(info.st_size, name)


def _check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise FormatError(
            _("{file}: the file is too large ({size} MB; the limit is {limit} MB) and was skipped").format(
                file=name, size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
            )
        )


def _read_rest(fd: int, name: str, size: int) -> bytes:
    """The rest of a big file, to its end (its size may change while it is read)."""
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        size += len(chunk)
        _check_size(size, name)
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(raw: bytes, name: str) -> Any:
    try:
        # ValueError covers bad JSON, bad UTF-8 and numbers too long to convert; RecursionError, absurd nesting.
        # A file touched by Windows Notepad starts with a byte-order mark (stripped here: the utf-8-sig codec is
        # Python code, a few µs a file).
        return json.loads(raw.removeprefix(codecs.BOM_UTF8).decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise FormatError(_("{file}: the file is damaged (not valid JSON) and was skipped").format(file=name)) from exc


def read_checked(path: Path, kind: str) -> dict[str, Any]:
    """One of our files of `kind` (history, draft, progress...), by its version and schemas/<kind>.schema.json;
    FormatError naming the file otherwise."""
    name = Path(path).name
    data = read_json(path)
    if isinstance(data, dict):
        check_version(data, name)
    check_shape(data, kind, name)
    return data


def read_request(path: Path) -> tuple[Request, dict[str, Any]]:
    """Load one request file; raises FormatError with a plain message on any problem."""
    return request_from_data(read_json(path), Path(path).name)


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


def load_tree(root: Path, trusted: bool = False, whole: bool = False) -> tuple[Folder, list[str]]:
    """Read a folder of request files. Damaged or too-new files are skipped and named in the problem list.

    A folder with more than MAX_ENTRIES files and folders is read up to there and the problem list says so; with
    `whole` (`run`, which would otherwise send a part of something that is no collection) it raises NotACollection.

    `trusted`: the app's own shipped collection, read-only and checked against the schemas by the test-suite. It is
    read without shape checks (with fastjsonschema, compiling the schemas alone costs tens of ms before the window
    can paint) and without looking for temporaries of an interrupted save (nothing saves there).
    """
    problems: list[str] = []
    root = Path(root)
    try:
        above = frozenset({_identity(os.stat(root))})
    except OSError:
        above = frozenset()  # the listing below fails and says why
    return _load_folder(root, _Walk(root, problems, not trusted, whole), above, 0), problems


def load_shipped(root: Path) -> tuple[Folder, list[str]]:
    """The app's own shipped collection, loaded without per-file shape checks (the test-suite makes them).

    Should a shipped file be damaged after all, it is loaded again with the checks: that file is skipped by name.
    """
    try:
        return load_tree(root, trusted=True)
    except Exception:  # a damaged shipped file must not stop the app: the checked load names it instead
        return load_tree(root)


_shipped_lock = threading.Lock()
_shipped: dict[tuple[str, int, str], tuple[Folder, list[str]]] = {}


def shipped_collection(root: Path) -> tuple[Folder, list[str]]:
    """`load_shipped(root)` once per process and folder state: the window's tree, the documented endpoints of the
    checks and the sandbox's routes all read the same 160 files, so they share one load (readers only).

    A caller that asks while another loads waits for that load. Read again in another UI language (names are
    picked in it) or when the folder's modification time changes (files added or removed there).
    """
    try:
        key = (str(root), root.stat().st_mtime_ns, language())
    except OSError:
        key = (str(root), 0, language())
    with _shipped_lock:
        if key not in _shipped:
            _shipped[key] = load_shipped(root)
        return _shipped[key]


def read_folder_meta(folder_file: Path) -> dict[str, Any]:
    """A folder.json's fields; FormatError naming the file when it is damaged, newer or of the wrong shape."""
    return _folder_meta(read_json(folder_file), folder_file.name, True)


def _folder_meta(data: Any, name: str, checked: bool) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise FormatError(_("{file}: this is not a folder description").format(file=name))
    check_version(data, name)
    if checked:
        check_shape(data, "folder", name)
    return data


# How pathlib's own iterdir() makes a child's path: the parent's parts plus a name from a listing, without parsing
# them again (`path / name` costs five times as much, a tenth of loading 2,000 requests); `/` where it is missing.
_child = getattr(Path, "_make_child_relpath", Path.joinpath)


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


# The (length, hash) of small request files' bytes found well-formed in this process: the same bytes (the client read
# again after a save or a git pull, or a copy of it) are not checked again. Bytes, not timestamps: a file rewritten
# within one tick of a coarse clock is still caught. hash() is seeded per process, so no file can be made to pass for
# another. Big files (attachments) are checked every time: that costs less than hashing their megabytes.
_checked: set[tuple[int, int]] = set()


def forget_checked() -> None:
    """Check every file again at its next load (the benchmarks measure a first load in a fresh process so)."""
    _checked.clear()


def _read_item(path: str, name: str, regular: bool, checked: bool) -> tuple[Request, dict[str, Any]]:
    raw = _read_file(path, name, regular)
    data = _decode(raw, name)
    if not checked or len(raw) >= _FIRST_READ:
        return request_from_data(data, name, checked)
    key = (len(raw), hash(raw))
    request, meta = request_from_data(data, name, checked=key not in _checked)
    _checked.add(key)
    return request, meta


@dataclass
class _Walk:
    """What one load_tree carries down its folders: the problems found, whether to check shapes, the entries left."""

    root: Path
    problems: list[str]
    checked: bool
    whole: bool
    entries_left: int = field(default_factory=lambda: MAX_ENTRIES)

    def take(self, listing: os.ScandirIterator) -> list[os.DirEntry] | None:
        """The folder's entries, or None (said once) when the load has used up its entries."""
        if self.entries_left <= 0:
            return None
        entries = list(itertools.islice(listing, self.entries_left + 1))
        self.entries_left -= len(entries)
        if self.entries_left >= 0:
            return entries
        limit = f"{MAX_ENTRIES:,}".replace(",", "\u00a0")
        if self.whole:
            raise NotACollection(
                _("«{file}» holds more than {limit} files and folders, so it is not a folder of requests. "
                  "Give the folder of one client or group.").format(file=str(self.root), limit=limit)
            )
        self.problems.append(
            _("{file}: more than {limit} files and folders to look through, so the rest was not read.").format(
                file=str(self.root), limit=limit
            )
        )
        return None


def _load_folder(path: Path, walk: _Walk, above: frozenset[tuple[int, int]], depth: int) -> Folder:
    problems, checked = walk.problems, walk.checked
    # One listing per folder says what each entry is (no stat per file) and shows our temporaries too.
    try:
        with os.scandir(path) as listing:
            taken = walk.take(listing)
    except OSError as exc:
        problems.append(_("{file}: cannot be read ({reason})").format(file=str(path), reason=exc.strerror))
        return Folder(path=path, name=path.name)
    if taken is None:
        return Folder(path=path, name=path.name)
    entries = sorted(taken, key=lambda entry: entry.name)
    meta: dict[str, Any] = {}
    folder_file = next((entry for entry in entries if entry.name == FOLDER_FILE), None)
    if folder_file is not None and _is_file(folder_file):
        try:
            raw = _read_file(folder_file.path, FOLDER_FILE, _is_regular(folder_file))
            meta = _folder_meta(_decode(raw, FOLDER_FILE), FOLDER_FILE, checked)
        except FormatError as exc:
            problems.append(_("{problem} The folder name is used instead.").format(problem=str(exc)))
    folder = Folder(path=path, name=pick(meta.get("name")) or path.name, meta=meta)
    hidden = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            hidden.append(entry)
            continue
        if _is_dir(entry):
            try:
                identity = _identity(entry.stat())
            except OSError as exc:
                problems.append(_("{file}: cannot be read ({reason})").format(file=entry.path, reason=exc.strerror))
                continue
            if identity in above:
                # A symbolic link back up the tree would otherwise be walked for ever.
                problems.append(_("{file}: a link back to a folder above it; skipped").format(file=entry.path))
            elif depth + 1 >= MAX_DEPTH:
                problems.append(
                    _("{file}: folders are nested more than {limit} levels deep; the deeper ones were skipped").format(
                        file=entry.path, limit=MAX_DEPTH
                    )
                )
            else:
                inner = _load_folder(_child(path, name), walk, above | {identity}, depth + 1)
                folder.children.append(inner)
        elif name.endswith(".json") and name not in (FOLDER_FILE, ENVIRONMENT_FILE):
            try:
                request, item_meta = _read_item(entry.path, name, _is_regular(entry), checked)
            except FormatError as exc:
                problems.append(str(exc))
                continue
            folder.children.append(Item(path=_child(path, name), request=request, meta=item_meta))
    if checked and hidden:
        remove_stale_temporaries(hidden)
    return folder


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_regular(entry: os.DirEntry) -> bool:
    """A regular file by the listing alone (no system call); a link or an unknown kind is looked at before opening."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def walk_items(folder: Folder):
    """Every request of a folder and its sub-folders, in tree order."""
    for child in folder.children:
        if isinstance(child, Folder):
            yield from walk_items(child)
        else:
            yield child
