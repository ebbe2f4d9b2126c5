"""Clients' collections and environments on disk: a folder per client, a file per request, safe names, search."""
from __future__ import annotations

import os
import re
import shutil
import time
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.atomicfile import write_atomic, write_new
from desktop.core.collection import (
    ENVIRONMENT_FILE,
    FOLDER_FILE,
    SCHEMA_VERSION,
    Folder,
    FormatError,
    Item,
    check_shape,
    check_version,
    dump_request,
    json_bytes,
    load_tree,
    read_json,
    read_request,
    walk_items,
)
from desktop.core.models import Request
from desktop.core.paths import Paths
from desktop.core.variables import Environment, Variable
from desktop.i18n import _, ngettext

MAX_NAME = 100
# An imported request's place inside its client (folders and file name) may not be longer than this: Windows
# colleagues sharing the folder, and every system's path limit, need room for the data folder in front.
MAX_IMPORT_PATH = 1000
# Deepest folder nesting an import may create (collection.MAX_DEPTH is what the loader reads).
MAX_IMPORT_DEPTH = 32
# Refusals listed one by one before "and N more".
SHOWN_REFUSALS = 20
STAGING_PREFIX = ".import-"
STALE_STAGING_S = 3600.0
# Characters Windows refuses in file names (a team may share the folder with Windows colleagues).
FORBIDDEN_CHARS = set('<>:"|?*')
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
DEFAULT_BASE_URL = "https://wappi.pro"


class StoreError(Exception):
    """Something the agent asked for cannot be done; the message says why and what to do."""


def check_name(name: str, taken: Iterable[str] = ()) -> str:
    """The name, trimmed, if it can be a folder name on every system; StoreError with a plain reason otherwise."""
    name = name.strip()
    if not name:
        raise StoreError(_("Type a name first."))
    if "/" in name or "\\" in name:
        raise StoreError(_("A name cannot contain / or \\. Use a dash instead."))
    if ".." in name:
        raise StoreError(_("A name cannot contain two dots in a row (..)."))
    bad = sorted({c for c in name if c in FORBIDDEN_CHARS or _unwritable(c)})
    if bad:
        shown = " ".join("?" if _unwritable(c) else c for c in bad)
        raise StoreError(_("A name cannot contain these characters: {chars}. Remove them and try again.").format(chars=shown))
    if name.startswith(".") or name.endswith("."):
        raise StoreError(_("A name cannot start or end with a dot."))
    if name.split(".")[0].strip().upper() in RESERVED_NAMES:
        raise StoreError(_("«{name}» is a name Windows keeps for itself. Choose another name.").format(name=name))
    if len(name) > MAX_NAME:
        raise StoreError(
            ngettext("The name is too long ({length} character). Keep it under {limit}.", "The name is too long ({length} characters). Keep it under {limit}.", len(name)).format(length=len(name), limit=MAX_NAME)
        )
    if name.casefold() in {t.casefold() for t in taken}:
        raise StoreError(_("«{name}» already exists. Choose another name.").format(name=name))
    return name


def _unwritable(char: str) -> bool:
    """Control characters, and lone surrogates (from JSON escapes), which no file system takes."""
    return ord(char) < 32 or 0xD800 <= ord(char) <= 0xDFFF


def check_request_name(name: str) -> str:
    """Request names live inside the file, so only emptiness and length matter."""
    name = name.strip()
    if not name:
        raise StoreError(_("Type a name first."))
    if len(name) > 4 * MAX_NAME:
        raise StoreError(
            ngettext("The name is too long ({length} character). Keep it under {limit}.", "The name is too long ({length} characters). Keep it under {limit}.", len(name)).format(length=len(name), limit=4 * MAX_NAME)
        )
    return name


def slug(name: str) -> str:
    """A file-name stem from a request name: letters (any alphabet) and digits joined by dashes."""
    text = unicodedata.normalize("NFKC", name).lower()
    text = re.sub(r"[^\w]+", "-", text).strip("-_")[:60].rstrip("-_")
    if not text or text.upper() in RESERVED_NAMES:
        text = f"request-{text}".rstrip("-")
    return text


def file_names(stem: str, suffix: str = ".json"):
    """`stem.json`, `stem-2.json`, ...: the names a new file tries in turn (atomicfile.write_new takes a free one)."""
    yield f"{stem}{suffix}"
    number = 2
    while True:
        yield f"{stem}-{number}{suffix}"
        number += 1


@dataclass
class Match:
    """One search hit: which request, and the first of name / url / body that matched."""

    client: str
    path: Path
    name: str
    method: str
    url: str
    field: str


@dataclass
class Deleted:
    """What a delete did: the thing was moved to the trash and can be put back with Store.restore()."""

    original: Path
    trashed: Path


@dataclass
class _Loaded:
    tree: Folder
    problems: list[str]
    items: dict[Path, Item] = field(default_factory=dict)
    # Lower-cased (name, url, body) per request, made from memory at the first search (not while the client loads
    # at start-up) and kept up to date by put(), so a keystroke of search touches no disk.
    _index: dict[Path, tuple[str, str, str]] | None = None

    def put(self, item: Item) -> None:
        self.items[item.path] = item
        if self._index is not None:
            self._index[item.path] = _searchable(item.request)

    def index(self) -> dict[Path, tuple[str, str, str]]:
        if self._index is None:
            self._index = {path: _searchable(item.request) for path, item in self.items.items()}
        return self._index


def _searchable(request: Request) -> tuple[str, str, str]:
    body = request.body.text.lower() if request.body.kind != "none" else ""
    return request.name.lower(), request.full_url().lower(), body


class Store:
    """The agent's clients under `root` (the user data folder, or a shared folder / git checkout)."""

    def __init__(self, root: Path | None = None, trash: Path | None = None):
        data = Paths.default().data if root is None or trash is None else None
        self.root = Path(root) if root is not None else data / "clients"
        # The trash stays in the app's own data folder, so a shared git folder never sees deleted files.
        self.trash = Path(trash) if trash is not None else data / "trash"
        self._loaded: dict[str, _Loaded] = {}

    # ---- clients -------------------------------------------------------------------------------

    def clients(self) -> list[str]:
        try:
            if not self.root.is_dir():
                return []
            root = self.root.resolve()
            # A client folder that is a link to somewhere else is not the store's to change, so it is not listed.
            return sorted(
                (p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".") and p.resolve().parent == root),
                key=str.casefold,
            )
        except OSError:  # a clients' folder that may not be looked at (permissions) holds no client we can use
            return []

    def client_dir(self, client: str) -> Path:
        missing = StoreError(_("There is no client called «{name}».").format(name=client))
        if not client or client in (".", "..") or "/" in client or "\\" in client or Path(client).is_absolute():
            raise missing
        path = self.root / client
        if not path.is_dir() or path.resolve().parent != self.root.resolve():
            raise missing
        return path

    def inside(self, path: str | Path, base: Path | None = None) -> Path:
        """`path` with links followed; StoreError unless it stays inside `base` (default: the clients' folder)."""
        base = Path(base if base is not None else self.root).resolve()
        try:
            resolved = Path(path).resolve()
        except (OSError, RuntimeError):  # a loop of links
            resolved = None
        if resolved is None or (resolved != base and not resolved.is_relative_to(base)):
            raise StoreError(
                _("«{file}» is outside the clients' folder; Wappi Desk changes nothing there.").format(file=str(path))
            )
        return resolved

    def create_client(self, name: str, environment: Environment | None = None) -> Path:
        name = check_name(name, self.clients())
        path = self.root / name
        try:
            path.mkdir(parents=True)
        except FileExistsError:  # made a moment ago by another window or process
            raise StoreError(_("«{name}» already exists. Choose another name.").format(name=name)) from None
        self.save_environment(name, environment or default_environment(name))
        return path

    def rename_client(self, old: str, new: str) -> Path:
        source = self.client_dir(old)
        new = check_name(new, [c for c in self.clients() if c != old])
        target = self.root / new
        if old == new:
            return source
        try:
            if old.casefold() == new.casefold():
                # Case-only renames on case-insensitive file systems need a step through a third name.
                step = self.root / f".rename-{uuid.uuid4().hex}"
                source.rename(step)
                source = step
            source.rename(target)
        except FileNotFoundError:  # renamed or deleted by another window or process a moment ago
            self._loaded.pop(old, None)
            raise StoreError(_("There is no client called «{name}».").format(name=old)) from None
        except OSError:  # a client of that name was made a moment ago elsewhere
            raise StoreError(_("«{name}» already exists. Choose another name.").format(name=new)) from None
        self._loaded.pop(old, None)
        return target

    def duplicate_client(self, name: str, new_name: str | None = None) -> str:
        source = self.client_dir(name)
        taken = self.clients()
        if new_name is None:
            new_name = _copy_name(name, taken)
        new_name = check_name(new_name, taken)
        # The client's own files only: a link inside it (to a folder above, to elsewhere) is not followed, so the
        # copy can neither recurse into itself nor bring in files from outside. Built aside, then one rename.
        staging = self.root / f".duplicate-{uuid.uuid4().hex}"
        try:
            shutil.copytree(source, staging, ignore=lambda folder, names: [n for n in names if os.path.islink(os.path.join(folder, n))])
            staging.rename(self.root / new_name)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreError(_("«{name}» could not be copied: {reason}").format(name=name, reason=exc.strerror or str(exc)[:200])) from exc
        return new_name

    def delete_client(self, name: str) -> Deleted:
        deleted = self.delete(self.client_dir(name))
        self._loaded.pop(name, None)
        return deleted

    # ---- the tree and its requests ---------------------------------------------------------------

    def tree(self, client: str) -> Folder:
        return self._load(client).tree

    def problems(self, client: str) -> list[str]:
        """Files of the client that were skipped (damaged or from a newer version), by name."""
        return list(self._load(client).problems)

    def requests(self, client: str) -> list[Item]:
        return list(walk_items(self.tree(client)))

    def reload(self, client: str | None = None) -> None:
        """Forget what was read, e.g. after a `git pull` in a shared folder."""
        if client is None:
            self._loaded.clear()
        else:
            self._loaded.pop(client, None)

    def _load(self, client: str) -> _Loaded:
        loaded = self._loaded.get(client)
        if loaded is None:
            tree, problems = load_tree(self.client_dir(client))
            loaded = _Loaded(tree, problems, {item.path: item for item in walk_items(tree)})
            self._loaded[client] = loaded
        return loaded

    def client_of(self, path: Path) -> str:
        try:
            relative = Path(path).resolve().relative_to(self.root.resolve())
        except ValueError:
            raise StoreError(_("«{file}» is not in a client's folder.").format(file=str(path))) from None
        if not relative.parts:
            raise StoreError(_("«{file}» is not in a client's folder.").format(file=str(path)))
        return relative.parts[0]

    def folder_dir(self, client: str, folder: str | Path = "") -> Path:
        base = self.client_dir(client)
        parts = Path(folder).parts if str(folder) else ()
        if ".." in parts:
            raise StoreError(_("A name cannot contain two dots in a row (..)."))
        if Path(folder).is_absolute():
            raise StoreError(_("«{folder}» is not a folder of {client}.").format(folder=str(folder), client=client))
        path = base.joinpath(*parts)
        self.inside(path, base)
        return path

    def create_folder(self, client: str, name: str, parent: str | Path = "") -> Path:
        base = self.folder_dir(client, parent)
        taken = [p.name for p in base.iterdir()] if base.is_dir() else []
        path = base / check_name(name, taken)
        try:
            path.mkdir(parents=True)
        except FileExistsError:
            raise StoreError(_("«{name}» already exists. Choose another name.").format(name=name)) from None
        self._loaded.pop(client, None)
        return path

    def save(
        self,
        client: str,
        request: Request,
        meta: dict[str, Any] | None = None,
        path: Path | None = None,
        folder: str | Path = "",
    ) -> Path:
        """Write `request`; returns the file written.

        Re-saving keeps the file's name (small git diffs). A damaged or newer-format file is never
        overwritten: the request goes to a new file beside it instead.
        """
        request.name = check_request_name(request.name)
        target: Path | None = None
        if path is not None:
            self.inside(path, self.client_dir(client))
        if path is not None and Path(path).exists():
            path = Path(path)
            try:
                _, old_meta = read_request(path)
            except FormatError:
                folder_path = path.parent
            else:
                target = path
                meta = old_meta if meta is None else meta
                folder_path = path.parent
        else:
            folder_path = Path(path).parent if path is not None else self.folder_dir(client, folder)
        if target is None and path is not None:
            # A new file beside `path` (a damaged file, a folder, a name not yet used) stays inside the client too.
            self.inside(folder_path, self.client_dir(client))
        if target is None:
            target = write_new(folder_path, file_names(slug(request.name)), dump_request(request, meta))
        else:
            write_atomic(target, dump_request(request, meta))
        loaded = self._loaded.get(client)
        if loaded is not None:
            if target in loaded.items:
                item = loaded.items[target]
                item.request, item.meta = request.copy(), dict(meta or {})
                loaded.put(item)
            else:
                self._loaded.pop(client, None)  # a new file: the tree shape changed
        return target

    def rename_request(self, path: Path, new_name: str) -> Path:
        self.inside(path)
        request, meta = self._read(path)
        request.name = check_request_name(new_name)
        meta.pop("names", None)  # a typed name replaces the localized pair
        return self._rewrite(path, request, meta, Path(path).parent)

    def duplicate_request(self, path: Path, new_name: str | None = None) -> Path:
        request, meta = self._read(path)
        request.name = new_name or _("{name} (copy)").format(name=request.name)
        meta.pop("names", None)
        client = self.client_of(path)
        return self.save(client, request, meta, folder=Path(path).resolve().parent.relative_to(self.client_dir(client).resolve()))

    def move_request(self, path: Path, client: str, folder: str | Path = "") -> Path:
        self.inside(path)
        request, meta = self._read(path)
        return self._rewrite(path, request, meta, self.folder_dir(client, folder))

    def copy_to_client(self, source: Path, client: str, folder: str | Path = "") -> Path:
        """A copy of any request file (e.g. from the preloaded collection), description and rules kept."""
        request, meta = self._read(source)
        return self.save(client, request, meta, folder=folder)

    def delete(self, path: Path) -> Deleted:
        """Move a request file or folder to the trash; Store.restore() puts it back."""
        path = Path(path)
        if not path.exists():
            raise StoreError(_("«{file}» is already gone.").format(file=path.name))
        if self.inside(path) == self.root.resolve():
            raise StoreError(_("«{file}» is outside the clients' folder; Wappi Desk changes nothing there.").format(file=str(path)))
        trashed = self.trash / f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}" / path.name
        trashed.parent.mkdir(parents=True)
        try:
            shutil.move(str(path), str(trashed))
        except FileNotFoundError:  # deleted or moved by another window or process since the check above
            shutil.rmtree(trashed.parent, ignore_errors=True)
            self._forget(path)
            raise StoreError(_("«{file}» is already gone.").format(file=path.name)) from None
        self._forget(path)
        return Deleted(path, trashed)

    def restore(self, deleted: Deleted) -> Path:
        self.inside(deleted.original)
        if deleted.original.exists():
            raise StoreError(
                _("«{file}» exists again, so the deleted copy was not put back. It is kept in {trash}.").format(
                    file=deleted.original.name, trash=str(deleted.trashed.parent)
                )
            )
        deleted.original.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(deleted.trashed), str(deleted.original))
        shutil.rmtree(deleted.trashed.parent, ignore_errors=True)
        self._forget(deleted.original)
        return deleted.original

    def _read(self, path: Path) -> tuple[Request, dict[str, Any]]:
        try:
            return read_request(Path(path))
        except FormatError as exc:
            raise StoreError(str(exc)) from exc

    def _rewrite(self, path: Path, request: Request, meta: dict[str, Any], folder: Path) -> Path:
        # The new file is complete before the old one goes: a crash in between leaves two copies, never none.
        target = write_new(folder, file_names(slug(request.name)), dump_request(request, meta))
        try:
            Path(path).unlink()
        except FileNotFoundError:
            # Another window or process renamed, moved or deleted it a moment ago: theirs stands, ours goes.
            target.unlink(missing_ok=True)
            self._forget(Path(path))
            raise StoreError(_("«{file}» was just renamed, moved or deleted elsewhere; look at the list again.").format(
                file=Path(path).name)) from None
        self._forget(Path(path))
        self._forget(target)
        return target

    def _forget(self, path: Path) -> None:
        try:
            self._loaded.pop(self.client_of(path), None)
        except StoreError:
            pass

    # ---- import --------------------------------------------------------------------------------

    def import_requests(self, client: str, requests: Iterable[Incoming], variables: Iterable[Variable] = ()) -> list[Path]:
        """Save imported requests (and variables) into `client`, made if missing: all of them, or nothing.

        Everything is checked first and every refusal names the request and the reason. The files are then
        built in a staging folder inside the store: a new client arrives with one rename; for an existing
        client the staged files are moved in and, should one fail, the ones already moved are taken out again.
        Secret variables keep their names only (their values belong in the keyring).
        """
        requests = list(requests)
        existing = next((c for c in self.clients() if c.casefold() == client.strip().casefold()), None)
        name = existing or check_name(client)
        environment = self.environment(existing) if existing else default_environment(name)
        for variable in variables:
            environment.set(variable.name, variable.value, variable.secret).keep_empty = variable.keep_empty
        planned = _plan_import(requests)
        self._remove_stale_staging()
        staging = self.root / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
        try:
            staged = self._stage(staging / "client", planned, environment, name)
            if existing is None:
                return self._arrive_new(staging / "client", name, staged)
            return self._merge(staging / "client", existing, staged, environment)
        except OSError as exc:
            raise StoreError(
                _("Nothing was imported: the files could not be written ({reason}). Check the data folder.").format(
                    reason=exc.strerror or str(exc)
                )
            ) from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _remove_stale_staging(self) -> None:
        """Staging folders of an import that was killed half-way (a running import is never this old)."""
        cutoff = time.time() - STALE_STAGING_S
        for entry in self.root.glob(f"{STAGING_PREFIX}*") if self.root.is_dir() else []:
            try:
                if entry.is_dir() and not entry.is_symlink() and entry.stat().st_mtime < cutoff:
                    shutil.rmtree(entry, ignore_errors=True)
            except OSError:
                pass

    def _stage(self, base: Path, planned: list[_Planned], environment: Environment, client: str) -> list[Path]:
        """Write the planned tree under `base`; returns the staged request files (relative), in order."""
        base.mkdir(parents=True)
        data = {"schema_version": SCHEMA_VERSION, "kind": "environment", **environment.to_dict(), "name": client}
        write_atomic(base / ENVIRONMENT_FILE, json_bytes(data))
        staged = []
        for plan in planned:
            folder = base
            for real, safe in plan.folders:
                folder = folder / safe
                if not folder.is_dir():
                    folder.mkdir()
                    if safe != real:
                        # The file system could not take the real name: folder.json keeps it for the tree and export.
                        data = {"schema_version": SCHEMA_VERSION, "kind": "folder", "name": real}
                        write_atomic(folder / FOLDER_FILE, json_bytes(data))
            try:
                written = write_new(folder, file_names(slug(plan.request.name)), dump_request(plan.request, plan.meta))
            except OSError as exc:
                raise StoreError(
                    _("Nothing was imported: «{item}» could not be written ({reason}).").format(
                        item=plan.label, reason=exc.strerror or str(exc)
                    )
                ) from exc
            staged.append(written.relative_to(base))
        return staged

    def _arrive_new(self, built: Path, client: str, staged: list[Path]) -> list[Path]:
        target = self.root / client
        if target.exists():
            raise StoreError(_("«{name}» already exists. Choose another name.").format(name=client))
        os.rename(built, target)  # the one step that makes the whole client appear
        self._loaded.pop(client, None)
        return [target / relative for relative in staged]

    def _merge(self, built: Path, client: str, staged: list[Path], environment: Environment) -> list[Path]:
        base = self.client_dir(client)
        made_dirs: list[Path] = []
        written: list[Path] = []
        try:
            for relative in staged:
                folder = base
                for part in relative.parent.parts:
                    folder = folder / part
                    if not folder.is_dir():
                        folder.mkdir()
                        made_dirs.append(folder)
                        folder_file = built.joinpath(*relative.parent.parts[: len(folder.relative_to(base).parts)], FOLDER_FILE)
                        if folder_file.is_file():
                            os.replace(folder_file, folder / FOLDER_FILE)
                source = built / relative
                stem = relative.stem
                written.append(write_new(folder, file_names(stem), source.read_bytes()))
            self.save_environment(client, environment)
        except BaseException:
            for path in reversed(written):
                path.unlink(missing_ok=True)
            for folder in reversed(made_dirs):
                shutil.rmtree(folder, ignore_errors=True)
            raise
        finally:
            self._loaded.pop(client, None)
        return written

    # ---- environments --------------------------------------------------------------------------

    def environment(self, client: str) -> Environment:
        """The client's variables; secrets come back with no value (their values live in the keyring)."""
        path = self.client_dir(client) / ENVIRONMENT_FILE
        if not path.exists():
            return default_environment(client)
        data = _read_environment(path)
        environment = Environment.from_dict(data)
        environment.name = client
        return environment

    def save_environment(self, client: str, environment: Environment) -> Path:
        path = self.client_dir(client) / ENVIRONMENT_FILE
        if path.exists():
            _read_environment(path)  # refuses to replace a damaged or newer file
        data = {"schema_version": SCHEMA_VERSION, "kind": "environment", **environment.to_dict(), "name": client}
        write_atomic(path, json_bytes(data))
        return path

    # ---- search --------------------------------------------------------------------------------

    def search(self, query: str, client: str | None = None) -> list[Match]:
        """Requests whose name, URL or body contains `query` (any case), in tree order."""
        wanted = query.strip().lower()
        if not wanted:
            return []
        matches: list[Match] = []
        for name in [client] if client is not None else self.clients():
            loaded = self._load(name)
            for path, (name_l, url_l, body_l) in loaded.index().items():
                if wanted in name_l:
                    where = "name"
                elif wanted in url_l:
                    where = "url"
                elif wanted in body_l:
                    where = "body"
                else:
                    continue
                request = loaded.items[path].request
                matches.append(Match(name, path, request.name, request.method, request.full_url(), where))
        return matches


@dataclass
class Incoming:
    """One request to import: the names of the folders it sits in (outermost first), the request, its meta."""

    folders: tuple[str, ...]
    request: Request
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Planned:
    label: str                          # "Folder / Sub / Request" as the agent will recognise it
    folders: list[tuple[str, str]]      # (real name, folder name on disk)
    request: Request
    meta: dict[str, Any]


def _plan_import(requests: list[Incoming]) -> list[_Planned]:
    """Every request's place on disk; StoreError listing every request that cannot be imported, and why."""
    planned, refusals = [], []
    for incoming in requests:
        label = _label(incoming.folders, incoming.request.name)
        request = incoming.request.copy()
        request.body.attachments = dict(incoming.request.body.attachments)
        try:
            request.name = check_request_name(request.name)
        except StoreError as exc:
            refusals.append(_("«{item}»: {reason}").format(item=label, reason=str(exc)))
            continue
        if len(incoming.folders) > MAX_IMPORT_DEPTH:
            refusals.append(
                _("«{item}»: it sits {depth} folders deep; Wappi Desk keeps at most {limit} levels.").format(
                    item=label, depth=len(incoming.folders), limit=MAX_IMPORT_DEPTH
                )
            )
            continue
        folders = [(real, folder_name(real)) for real in incoming.folders]
        length = sum(len(safe) + 1 for _real, safe in folders) + len(slug(request.name)) + len("-999.json")
        if length > MAX_IMPORT_PATH:
            refusals.append(
                _("«{item}»: its folder names are too long together ({length} characters; the limit is {limit}).").format(
                    item=label, length=length, limit=MAX_IMPORT_PATH
                )
            )
            continue
        planned.append(_Planned(label, folders, request, dict(incoming.meta)))
    if refusals:
        shown = refusals[:SHOWN_REFUSALS]
        if len(refusals) > SHOWN_REFUSALS:
            shown.append(_("…and {count} more.").format(count=len(refusals) - SHOWN_REFUSALS))
        raise StoreError("\n".join([_("Nothing was imported. These requests cannot be saved:"), *shown]))
    return planned


def _label(folders: tuple[str, ...], name: str) -> str:
    """"Folder / Sub / Request", shortened so that one refusal stays one line."""
    shown = list(folders) if len(folders) <= 4 else [folders[0], "…", *folders[-2:]]
    return " / ".join(_short(part) for part in (*shown, name or "?"))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def folder_name(name: str) -> str:
    """A folder name every file system takes, as close to `name` as possible."""
    text = "".join("-" if c in FORBIDDEN_CHARS or c in "/\\" or _unwritable(c) else c for c in name.strip())
    text = text.replace("..", "-").strip(". ")[:MAX_NAME].strip(". ") or _("Folder")
    if text.split(".")[0].strip().upper() in RESERVED_NAMES:
        text = f"_{text}"
    return text


def default_environment(client: str) -> Environment:
    """What every new client starts with: the API address, its profile id and its token (a secret)."""
    return Environment(
        client,
        [Variable("base_url", DEFAULT_BASE_URL), Variable("profile_id", ""), Variable("token", "", secret=True)],
    )


def _read_environment(path: Path) -> dict[str, Any]:
    try:
        data = read_json(path)
        if not isinstance(data, dict) or data.get("kind", "environment") != "environment":
            raise StoreError(_("{file}: this is not a variables file; it was not changed.").format(file=str(path)))
        check_version(data, str(path))
        check_shape(data, "environment", str(path))
    except FormatError as exc:
        raise StoreError(str(exc)) from exc
    return data


def _copy_name(name: str, taken: list[str]) -> str:
    candidate = _("{name} (copy)").format(name=name)
    number = 2
    folded = {t.casefold() for t in taken}
    while candidate.casefold() in folded:
        candidate = _("{name} (copy {number})").format(name=name, number=number)
        number += 1
    return candidate
