"""Unsaved editor states, one file per open request in the cache folder, so they survive a crash."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.atomicfile import write_atomic
from desktop.core.collection import FormatError, check_shape, json_bytes, read_checked
from desktop.core.models import Request
from desktop.i18n import _


@dataclass
class Draft:
    """`key` names what the editor was showing: a request file's path, or "new:<n>" for one never saved."""

    key: str
    request: Request
    meta: dict[str, Any] = field(default_factory=dict)
    saved_at: float = 0.0


class Drafts:
    def __init__(self, cache_dir: Path):
        self.folder = Path(cache_dir) / "drafts"

    def _path(self, key: str) -> Path:
        # Keys are paths or free text: a hash gives a safe, fixed-length file name.
        return self.folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}.json"

    def save(self, key: str, request: Request, meta: dict[str, Any] | None = None) -> None:
        data = {"schema_version": 1, "kind": "draft", "key": key, "saved_at": time.time(), "request": request.to_dict(), "meta": meta or {}}
        write_atomic(self._path(key), json_bytes(data, indent=None))

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def get(self, key: str) -> Draft | None:
        path = self._path(key)
        if not path.exists():
            return None
        try:
            return _read(path)
        except ValueError:
            return None

    def restore(self) -> tuple[list[Draft], list[str]]:
        """Every draft left by the last run, oldest first, and the names of draft files that could not be read."""
        drafts: list[Draft] = []
        problems: list[str] = []
        if not self.folder.is_dir():
            return drafts, problems
        for path in sorted(self.folder.glob("*.json")):
            try:
                drafts.append(_read(path))
            except ValueError:
                problems.append(_("{file}: an unsaved draft is damaged and was skipped").format(file=path.name))
        drafts.sort(key=lambda d: d.saved_at)
        return drafts, problems


def _read(path: Path) -> Draft:
    try:
        # By the schemas (draft, and request for what it holds), not by guessing types field by field.
        data = read_checked(path, "draft")
        check_shape(data["request"], "request", path.name)
    except FormatError as exc:
        raise ValueError(path.name) from exc
    return Draft(data["key"], Request.from_dict(data["request"]), dict(data.get("meta") or {}), float(data.get("saved_at", 0)))
